//! `depin_*` JSON-RPC methods: the `DepinApi` runtime API for curl users. Accounts are SS58
//! strings; balances are decimal strings (they exceed JavaScript's safe integers); H3 cells are
//! `0x`-prefixed hex; `at` is an optional block hash (the best block when absent).

use std::sync::Arc;

use depin_runtime::{
	depin_api::DepinApi as DepinRuntimeApi, opaque::Block, AccountId, Balance, BlockNumber,
	DeviceRecord,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorCode},
};
use pallet_rewards::{EpochInfo, PendingRewards};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Block as BlockT;

/// A device as `depin_device` returns it.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DeviceJson {
	/// The owner's SS58 address.
	pub owner: String,
	/// `Hotspot`, `StorageNode`, `EnergyMeter` or `Sensor`.
	pub kind: String,
	/// The H3 cell (resolution 12) as `0x` + 16 hex digits.
	pub location: String,
	/// `Active`, `Suspended` or `Deregistered`.
	pub state: String,
	/// The deposit held for it, in plancks (10^-12 DPN), as a decimal string.
	pub deposit: String,
	/// The maker that attested it, if any.
	pub maker: Option<String>,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Epoch of registration.
	pub registered_epoch: u32,
}

impl From<DeviceRecord> for DeviceJson {
	fn from(d: DeviceRecord) -> Self {
		DeviceJson {
			owner: d.owner.to_ss58check(),
			kind: format!("{:?}", d.kind),
			location: format!("0x{:016x}", d.location.index()),
			state: format!("{:?}", d.state()),
			deposit: d.deposit.to_string(),
			maker: d.maker.map(|m| m.to_ss58check()),
			registered_at: d.registered_at,
			registered_epoch: d.registered_epoch,
		}
	}
}

/// A device's rewards as `depin_pendingRewards` returns them (plancks, decimal strings).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PendingRewardsJson {
	/// What a claim would pay now.
	pub claimable: String,
	/// Held back until the device comes of age.
	pub held_back: String,
	/// Points of the epoch in progress, valued when it closes.
	pub unvalued_points: u64,
}

impl From<PendingRewards<Balance>> for PendingRewardsJson {
	fn from(p: PendingRewards<Balance>) -> Self {
		PendingRewardsJson {
			claimable: p.claimable.to_string(),
			held_back: p.held_back.to_string(),
			unvalued_points: p.unvalued_points,
		}
	}
}

/// The split table in parts per billion.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SplitJson {
	/// Coverage devices' share.
	pub coverage: u32,
	/// Storage devices' share.
	pub storage: u32,
	/// Energy devices' share.
	pub energy: u32,
	/// Block authors' share.
	pub validators: u32,
	/// The treasury's share.
	pub treasury: u32,
}

/// The epoch in progress as `depin_epochInfo` returns it.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EpochInfoJson {
	/// Its index.
	pub current_epoch: u32,
	/// Blocks per epoch.
	pub epoch_length: BlockNumber,
	/// The block it started at.
	pub epoch_start: BlockNumber,
	/// Blocks until it closes.
	pub blocks_left: BlockNumber,
	/// What it emits, in plancks, as a decimal string.
	pub emission: String,
	/// How the emission is shared, in parts per billion.
	pub split: SplitJson,
	/// Points so far per service: coverage, storage, energy.
	pub points: [u64; 3],
	/// Blocks authored so far.
	pub blocks_authored: u32,
}

impl From<EpochInfo<Balance, BlockNumber>> for EpochInfoJson {
	fn from(e: EpochInfo<Balance, BlockNumber>) -> Self {
		EpochInfoJson {
			current_epoch: e.current_epoch,
			epoch_length: e.epoch_length,
			epoch_start: e.epoch_start,
			blocks_left: e.blocks_left,
			emission: e.emission.to_string(),
			split: SplitJson {
				coverage: e.split.coverage.deconstruct(),
				storage: e.split.storage.deconstruct(),
				energy: e.split.energy.deconstruct(),
				validators: e.split.validators.deconstruct(),
				treasury: e.split.treasury.deconstruct(),
			},
			points: e.points,
			blocks_authored: e.blocks_authored,
		}
	}
}

/// The `depin_*` methods.
#[rpc(server)]
pub trait DepinRpc<BlockHash> {
	/// The registry's record of `device` (an SS58 address), or null.
	#[method(name = "depin_device")]
	fn device(&self, device: String, at: Option<BlockHash>) -> RpcResult<Option<DeviceJson>>;

	/// What the owner of `device` can claim now, what is held back, and its unvalued points.
	#[method(name = "depin_pendingRewards")]
	fn pending_rewards(
		&self,
		device: String,
		at: Option<BlockHash>,
	) -> RpcResult<PendingRewardsJson>;

	/// The epoch in progress.
	#[method(name = "depin_epochInfo")]
	fn epoch_info(&self, at: Option<BlockHash>) -> RpcResult<EpochInfoJson>;
}

/// Serves the `depin_*` methods from the client's runtime.
pub struct Depin<C> {
	client: Arc<C>,
}

impl<C> Depin<C> {
	/// The methods over `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// An invalid-params error for a malformed address.
fn bad_address(address: &str) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(
		ErrorCode::InvalidParams.code(),
		format!("not an SS58 address: {address}"),
		None::<()>,
	)
}

/// An internal error from the runtime call.
fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(
		ErrorCode::InternalError.code(),
		format!("runtime API call failed: {e:?}"),
		None::<()>,
	)
}

fn parse_account(address: &str) -> RpcResult<AccountId> {
	AccountId::from_ss58check(address).map_err(|_| bad_address(address))
}

impl<C> DepinRpcServer<<Block as BlockT>::Hash> for Depin<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DepinRuntimeApi<
		Block,
		AccountId,
		DeviceRecord,
		PendingRewards<Balance>,
		EpochInfo<Balance, BlockNumber>,
	>,
{
	fn device(
		&self,
		device: String,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<DeviceJson>> {
		let device = parse_account(&device)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let record = self.client.runtime_api().device(at, device).map_err(runtime_error)?;
		Ok(record.map(Into::into))
	}

	fn pending_rewards(
		&self,
		device: String,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<PendingRewardsJson> {
		let device = parse_account(&device)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let pending =
			self.client.runtime_api().pending_rewards(at, device).map_err(runtime_error)?;
		Ok(pending.into())
	}

	fn epoch_info(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<EpochInfoJson> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let info = self.client.runtime_api().epoch_info(at).map_err(runtime_error)?;
		Ok(info.into())
	}
}
