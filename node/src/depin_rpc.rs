//! `depin_*` JSON-RPC methods: the `DepinApi` runtime API for curl users. Accounts are SS58
//! strings; balances and points are decimal strings (they exceed JavaScript's safe integers); H3
//! cells are `0x`-prefixed hex; `at` is an optional block hash (the best block when absent).
//!
//! Errors: a malformed address or an out-of-range argument is "invalid params" (-32602); an `at`
//! the node does not know, or whose state it has pruned, is [`UNKNOWN_BLOCK_ERROR_CODE`] with the
//! message `unknown or pruned block 0x…: its state is not available`; any other failure of the
//! runtime call is "internal error" (-32603) with the error's message.

use std::sync::Arc;

use depin_runtime::{
	depin_api::{DepinApi as DepinRuntimeApi, MAX_DEVICES_PAGE},
	opaque::Block,
	AccountId, Balance, BlockNumber, DeviceRecord,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorCode},
};
use pallet_rewards::{EpochInfo, PendingRewards};
use serde::Serialize;
use sp_api::{ApiError, ProvideRuntimeApi};
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
	/// Points of the epoch in progress, valued when it closes, as a decimal string.
	pub unvalued_points: String,
}

impl From<PendingRewards<Balance>> for PendingRewardsJson {
	fn from(p: PendingRewards<Balance>) -> Self {
		PendingRewardsJson {
			claimable: p.claimable.to_string(),
			held_back: p.held_back.to_string(),
			unvalued_points: p.unvalued_points.to_string(),
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
	/// Points so far per service (coverage, storage, energy), as decimal strings.
	pub points: [String; 3],
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
			points: e.points.map(|p| p.to_string()),
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

	/// The devices of `owner` (SS58 addresses), one page: up to `limit` of them (100 when absent;
	/// a limit above 100 is an invalid-params error, 0 gives an empty page), after `start_after`
	/// (the last device of the previous page) or from the first, in a stable (hashed) order. A
	/// page shorter than `limit` is the last one. An owner with no devices gets `[]`.
	#[method(name = "depin_devicesOf")]
	fn devices_of(
		&self,
		owner: String,
		start_after: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<String>>;

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

/// The JSON-RPC error code for an `at` block the node does not know, or whose state it has pruned.
/// Clear of Substrate's own codes (1000-8999, by API).
pub const UNKNOWN_BLOCK_ERROR_CODE: i32 = 9001;

/// The error for an `at` block that is unknown or whose state is gone.
fn unknown_block(at: <Block as BlockT>::Hash) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(
		UNKNOWN_BLOCK_ERROR_CODE,
		// `{:?}` of a hash is its full `0x` hex; `{}` would elide the middle.
		format!("unknown or pruned block {at:?}: its state is not available"),
		None::<()>,
	)
}

/// An internal error with a readable `message`.
fn internal_error(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(ErrorCode::InternalError.code(), message, None::<()>)
}

/// Whether a runtime API call failed because the block, or its state, is not in the database
/// (an unknown hash, or state pruned away).
fn is_unknown_block(e: &ApiError) -> bool {
	match e {
		ApiError::UnknownBlock(_) => true,
		// The client's errors reach us boxed when they are not mapped to `UnknownBlock` above.
		ApiError::Application(inner) => matches!(
			inner.downcast_ref::<sp_blockchain::Error>(),
			Some(sp_blockchain::Error::UnknownBlock(_) | sp_blockchain::Error::UnknownBlocks(_))
		),
		_ => false,
	}
}

/// The error for a failed runtime API call at `at`: [`unknown_block`] when the block or its state
/// is missing, else an internal error with the error's message (`Display`, not a `Debug` dump).
fn runtime_error(at: <Block as BlockT>::Hash, e: ApiError) -> ErrorObjectOwned {
	if is_unknown_block(&e) {
		unknown_block(at)
	} else {
		internal_error(format!("runtime API call at block {at:?} failed: {e}"))
	}
}

fn parse_account(address: &str) -> RpcResult<AccountId> {
	AccountId::from_ss58check(address).map_err(|_| bad_address(address))
}

/// The page size for `depin_devicesOf`: `limit`, or [`MAX_DEVICES_PAGE`] when absent; above it is
/// an invalid-params error (rather than a silently shorter page).
fn page_limit(limit: Option<u32>) -> RpcResult<u32> {
	match limit {
		None => Ok(MAX_DEVICES_PAGE),
		Some(limit) if limit <= MAX_DEVICES_PAGE => Ok(limit),
		Some(limit) => Err(ErrorObjectOwned::owned(
			ErrorCode::InvalidParams.code(),
			format!("limit {limit} is above the maximum page of {MAX_DEVICES_PAGE} devices"),
			None::<()>,
		)),
	}
}

impl<C: HeaderBackend<Block>> Depin<C> {
	/// The block to answer at: `at` if the node knows it, else the [`unknown_block`] error; the
	/// best block when absent. (Pruned state is caught when the runtime call fails.)
	fn block(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<<Block as BlockT>::Hash> {
		let Some(at) = at else { return Ok(self.client.info().best_hash) };
		match self.client.header(at) {
			Ok(Some(_)) => Ok(at),
			Ok(None) => Err(unknown_block(at)),
			Err(e) => Err(internal_error(format!("cannot read block {at:?}: {e}"))),
		}
	}
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
		let at = self.block(at)?;
		let record =
			self.client.runtime_api().device(at, device).map_err(|e| runtime_error(at, e))?;
		Ok(record.map(Into::into))
	}

	fn devices_of(
		&self,
		owner: String,
		start_after: Option<String>,
		limit: Option<u32>,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<String>> {
		let owner = parse_account(&owner)?;
		let start_after = start_after.as_deref().map(parse_account).transpose()?;
		let limit = page_limit(limit)?;
		let at = self.block(at)?;
		let devices = self
			.client
			.runtime_api()
			.devices_of(at, owner, start_after, limit)
			.map_err(|e| runtime_error(at, e))?;
		Ok(devices.into_iter().map(|device| device.to_ss58check()).collect())
	}

	fn pending_rewards(
		&self,
		device: String,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<PendingRewardsJson> {
		let device = parse_account(&device)?;
		let at = self.block(at)?;
		let pending = self
			.client
			.runtime_api()
			.pending_rewards(at, device)
			.map_err(|e| runtime_error(at, e))?;
		Ok(pending.into())
	}

	fn epoch_info(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<EpochInfoJson> {
		let at = self.block(at)?;
		let info = self.client.runtime_api().epoch_info(at).map_err(|e| runtime_error(at, e))?;
		Ok(info.into())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_rewards::Split;
	use sp_core::H256;

	const DPN: Balance = 1_000_000_000_000;

	#[test]
	fn pending_rewards_are_decimal_strings() {
		let json = PendingRewardsJson::from(PendingRewards {
			claimable: 2_000_000 * DPN,
			held_back: 1,
			// Beyond JavaScript's safe integers (2^53).
			unvalued_points: u64::MAX.into(),
		});
		assert_eq!(
			serde_json::to_value(&json).unwrap(),
			serde_json::json!({
				"claimable": "2000000000000000000",
				"heldBack": "1",
				"unvaluedPoints": "18446744073709551615",
			})
		);
	}

	#[test]
	fn epoch_info_points_and_emission_are_decimal_strings() {
		let json = EpochInfoJson::from(EpochInfo {
			current_epoch: 3,
			epoch_length: 10,
			epoch_start: 30,
			blocks_left: 4,
			emission: 500 * DPN,
			split: Split::standard(),
			points: [u64::MAX.into(), 1u64.into(), 0u64.into()],
			blocks_authored: 6,
		});
		assert_eq!(
			serde_json::to_value(&json).unwrap(),
			serde_json::json!({
				"currentEpoch": 3,
				"epochLength": 10,
				"epochStart": 30,
				"blocksLeft": 4,
				"emission": "500000000000000",
				"split": {
					"coverage": 300_000_000,
					"storage": 250_000_000,
					"energy": 150_000_000,
					"validators": 200_000_000,
					"treasury": 100_000_000,
				},
				"points": ["18446744073709551615", "1", "0"],
				"blocksAuthored": 6,
			})
		);
	}

	#[test]
	fn an_unknown_or_pruned_block_is_a_clear_error() {
		let at = H256::repeat_byte(0x11);
		let expected =
			format!("unknown or pruned block 0x{}: its state is not available", "11".repeat(32));
		for e in [
			// What the client reports for an unknown hash, and for pruned state.
			ApiError::UnknownBlock(format!("UnknownBlock: header not found: {at:?}")),
			ApiError::UnknownBlock(format!("State already discarded for {at:?}")),
			ApiError::Application(Box::new(sp_blockchain::Error::UnknownBlock("gone".into()))),
		] {
			let error = runtime_error(at, e);
			assert_eq!(error.code(), UNKNOWN_BLOCK_ERROR_CODE);
			assert_eq!(error.message(), expected);
		}
		assert_eq!(unknown_block(at).message(), expected);
	}

	#[test]
	fn other_runtime_failures_are_internal_errors_without_debug_dumps() {
		let at = H256::repeat_byte(0x22);
		let error = runtime_error(at, ApiError::Application("wasm trap: unreachable".into()));
		assert_eq!(error.code(), ErrorCode::InternalError.code());
		assert_eq!(
			error.message(),
			format!(
				"runtime API call at block 0x{} failed: wasm trap: unreachable",
				"22".repeat(32)
			)
		);
		assert!(!error.message().contains("Application("));
	}

	#[test]
	fn page_limit_defaults_to_the_maximum_and_refuses_more() {
		assert_eq!(page_limit(None).unwrap(), MAX_DEVICES_PAGE);
		assert_eq!(page_limit(Some(0)).unwrap(), 0);
		assert_eq!(page_limit(Some(MAX_DEVICES_PAGE)).unwrap(), MAX_DEVICES_PAGE);
		let error = page_limit(Some(MAX_DEVICES_PAGE + 1)).unwrap_err();
		assert_eq!(error.code(), ErrorCode::InvalidParams.code());
		assert_eq!(error.message(), "limit 101 is above the maximum page of 100 devices");
	}

	#[test]
	fn a_malformed_address_is_invalid_params() {
		let error = parse_account("not-an-address").unwrap_err();
		assert_eq!(error.code(), ErrorCode::InvalidParams.code());
		assert_eq!(error.message(), "not an SS58 address: not-an-address");
	}
}
