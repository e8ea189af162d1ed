//! `depin_*` JSON-RPC methods: the `DepinApi` runtime API for curl users (devices, rewards, the
//! epoch, storage deals, energy zones and intervals). Accounts are SS58
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
use pallet_energy_settlement::{IntervalStatus, Tariffs, ZoneStatus};
use pallet_rewards::{EpochInfo, PendingRewards};
use pallet_storage_deals::{DealState, DealStatus};
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

/// An accepted deal's progress as `depin_deal` returns it (periods are proving periods).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ProgressJson {
	/// First period of the deal.
	pub start: u64,
	/// Periods before this one are judged (proven or fault).
	pub judged: u64,
	/// Periods proven.
	pub proven: u32,
	/// Proven periods paid.
	pub paid: u32,
	/// Periods judged faults.
	pub faults: u32,
	/// Faults whose penalty and refund moved.
	pub faults_settled: u32,
	/// Faults since the last proof.
	pub consecutive: u32,
}

/// A storage deal as `depin_deal` returns it: accounts as SS58, amounts in plancks as decimal
/// strings, the root as `0x` hex.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DealJson {
	/// The client.
	pub client: String,
	/// The storage node (device).
	pub provider: String,
	/// The provider's owner that accepted it (or the owner at the proposal).
	pub owner: String,
	/// Merkle root of the file.
	pub root: String,
	/// Size in bytes.
	pub size: u64,
	/// Proving periods it runs.
	pub duration: u32,
	/// Price per byte and period.
	pub price: String,
	/// Price of one period.
	pub per_period: String,
	/// Collateral, and what is left of it after penalties.
	pub collateral: String,
	/// What is left of the collateral.
	pub collateral_left: String,
	/// The client's deposit.
	pub deposit: String,
	/// For a proposal: the last block it may be accepted at.
	pub expires_at: Option<BlockNumber>,
	/// For an accepted deal: its progress.
	pub progress: Option<ProgressJson>,
	/// `Proposed`, `Expired`, `Pending`, `Running`, `Ended` or `Terminable`.
	pub phase: String,
	/// The proving period in progress.
	pub current_period: u64,
	/// The challenge to answer now: `[period, leaf index]`.
	pub challenge: Option<(u64, u64)>,
	/// Past periods a settlement would judge as faults.
	pub pending_faults: u32,
	/// What `settle_deal` would pay the provider's owner now.
	pub settle_pays: String,
	/// What a settlement would move to the client now.
	pub client_gets: String,
}

impl From<DealStatus<AccountId, Balance, BlockNumber>> for DealJson {
	fn from(s: DealStatus<AccountId, Balance, BlockNumber>) -> Self {
		let d = s.deal;
		let (expires_at, progress) = match d.state {
			DealState::Proposed { expires_at } => (Some(expires_at), None),
			DealState::Active(p) => (
				None,
				Some(ProgressJson {
					start: p.start,
					judged: p.judged,
					proven: p.proven,
					paid: p.paid,
					faults: p.faults,
					faults_settled: p.faults_settled,
					consecutive: p.consecutive,
				}),
			),
		};
		DealJson {
			client: d.client.to_ss58check(),
			provider: d.provider.to_ss58check(),
			owner: d.owner.to_ss58check(),
			root: format!("{:?}", d.root),
			size: d.size,
			duration: d.duration,
			price: d.price.to_string(),
			per_period: d.per_period.to_string(),
			collateral: d.collateral.to_string(),
			collateral_left: d.collateral_left.to_string(),
			deposit: d.deposit.to_string(),
			expires_at,
			progress,
			phase: format!("{:?}", s.phase),
			current_period: s.current_period,
			challenge: s.challenge,
			pending_faults: s.pending_faults,
			settle_pays: s.settle_pays.to_string(),
			client_gets: s.client_gets.to_string(),
		}
	}
}

/// A zone's tariffs, planck per Wh as decimal strings.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TariffsJson {
	/// Price of imported energy.
	pub import: String,
	/// Price of energy matched in the zone.
	pub local: String,
	/// Price of exported energy.
	pub feed_in: String,
}

impl From<Tariffs<Balance>> for TariffsJson {
	fn from(t: Tariffs<Balance>) -> Self {
		TariffsJson {
			import: t.import.to_string(),
			local: t.local.to_string(),
			feed_in: t.feed_in.to_string(),
		}
	}
}

/// An interval's totals as `depin_energyInterval` returns them (energy in Wh).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct IntervalJson {
	/// The interval's prices (fixed at its first reading).
	pub tariffs: TariffsJson,
	/// Energy produced by the accepted local readings.
	pub produced: u64,
	/// Energy consumed by the accepted local readings.
	pub consumed: u64,
	/// `min(produced, consumed)`: delivered within the zone.
	pub matched: u64,
	/// Of the produced energy, already settled.
	pub settled_produced: u64,
	/// Of the consumed energy, already settled.
	pub settled_consumed: u64,
	/// Readings awaiting settlement.
	pub readings: u32,
	/// Open disputes (the interval settles once they are resolved).
	pub disputes: u32,
	/// Whether its grace period is over.
	pub is_final: bool,
}

impl From<IntervalStatus<AccountId, Balance>> for IntervalJson {
	fn from(s: IntervalStatus<AccountId, Balance>) -> Self {
		let t = s.totals;
		IntervalJson {
			tariffs: t.tariffs.into(),
			produced: t.flow.produced,
			consumed: t.flow.consumed,
			matched: s.matched,
			settled_produced: t.settled.produced,
			settled_consumed: t.settled.consumed,
			readings: t.readings,
			disputes: t.disputes,
			is_final: s.is_final,
		}
	}
}

/// A zone and one of its intervals as `depin_energyInterval` returns them.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EnergyIntervalJson {
	/// The zone's operator.
	pub operator: String,
	/// The zone's tariffs now.
	pub tariffs: TariffsJson,
	/// Tariffs scheduled by governance: `[from interval, tariffs]`.
	pub next_tariffs: Option<(u32, TariffsJson)>,
	/// Meters registered in the zone.
	pub meters: u32,
	/// The interval in progress.
	pub current_interval: u32,
	/// The interval whose readings are accepted now.
	pub reading_interval: Option<u32>,
	/// Blocks per interval.
	pub interval_length: u32,
	/// Blocks of the grace period.
	pub grace_period: u32,
	/// The interval asked for, while readings of it await settlement.
	pub interval: Option<IntervalJson>,
}

impl EnergyIntervalJson {
	/// From the runtime API's zone and interval.
	pub fn new(
		zone: ZoneStatus<AccountId, Balance>,
		interval: Option<IntervalStatus<AccountId, Balance>>,
	) -> Self {
		EnergyIntervalJson {
			operator: zone.zone.operator.to_ss58check(),
			tariffs: zone.zone.tariffs.into(),
			next_tariffs: zone.zone.next_tariffs.map(|(k, t)| (k, t.into())),
			meters: zone.zone.meters,
			current_interval: zone.current_interval,
			reading_interval: zone.reading_interval,
			interval_length: zone.interval_length,
			grace_period: zone.grace_period,
			interval: interval.map(Into::into),
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

	/// Storage deal `deal`: its record, phase, the challenge to answer now and what a
	/// settlement would move; null for an unknown (or finished) deal.
	#[method(name = "depin_deal")]
	fn deal(&self, deal: u64, at: Option<BlockHash>) -> RpcResult<Option<DealJson>>;

	/// Energy zone `zone` (its operator, tariffs, meters and clock) with its interval `interval`
	/// (totals, matched energy, open readings and disputes, whether final; null once every reading
	/// of it is settled, or before any); null for an unknown zone.
	#[method(name = "depin_energyInterval")]
	fn energy_interval(
		&self,
		zone: u32,
		interval: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<EnergyIntervalJson>>;
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

	fn deal(&self, deal: u64, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Option<DealJson>> {
		let at = self.block(at)?;
		let status = self.client.runtime_api().deal(at, deal).map_err(|e| runtime_error(at, e))?;
		Ok(status.map(Into::into))
	}

	fn energy_interval(
		&self,
		zone: u32,
		interval: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<EnergyIntervalJson>> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let Some(status) = api.energy_zone(at, zone).map_err(|e| runtime_error(at, e))? else {
			return Ok(None);
		};
		let totals = api.energy_interval(at, zone, interval).map_err(|e| runtime_error(at, e))?;
		Ok(Some(EnergyIntervalJson::new(status, totals)))
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
	fn an_energy_interval_has_ss58_operator_and_decimal_string_prices() {
		use pallet_energy_settlement::{Flow, IntervalTotals, Zone};
		let operator = AccountId::new([4; 32]);
		let tariffs = Tariffs { import: 3 * DPN, local: 2 * DPN, feed_in: DPN };
		let zone = ZoneStatus {
			zone: Zone {
				operator: operator.clone(),
				tariffs,
				next_tariffs: Some((9, tariffs)),
				meters: 3,
			},
			current_interval: 8,
			reading_interval: Some(7),
			interval_length: 10,
			grace_period: 4,
		};
		let interval = IntervalStatus {
			totals: IntervalTotals {
				operator,
				tariffs,
				flow: Flow { produced: 151, consumed: 120 },
				settled: Flow { produced: 101, consumed: 0 },
				readings: 2,
				disputes: 0,
			},
			matched: 120,
			is_final: true,
		};
		let json = serde_json::to_value(EnergyIntervalJson::new(zone, Some(interval))).unwrap();
		assert_eq!(json["operator"], AccountId::new([4; 32]).to_ss58check());
		assert_eq!(json["tariffs"]["feedIn"], "1000000000000");
		assert_eq!(json["nextTariffs"][0], 9);
		assert_eq!(json["readingInterval"], 7);
		assert_eq!(json["interval"]["matched"], 120);
		assert_eq!(json["interval"]["settledProduced"], 101);
		assert_eq!(json["interval"]["isFinal"], true);
	}

	#[test]
	fn a_deal_has_ss58_accounts_hex_root_and_decimal_string_amounts() {
		use pallet_storage_deals::{Deal, DealPhase, Progress};
		let alice: AccountId = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let bob: AccountId = sp_keyring::Sr25519Keyring::Bob.to_account_id();
		let json = DealJson::from(DealStatus {
			deal: Deal {
				client: alice.clone(),
				provider: bob.clone(),
				owner: bob.clone(),
				root: H256::repeat_byte(0xab),
				size: 1000,
				duration: 3,
				price: 2,
				per_period: 2000,
				collateral: u128::MAX,
				collateral_left: 5,
				deposit: DPN / 10,
				state: DealState::Active(Progress {
					start: 4,
					judged: 6,
					proven: 1,
					paid: 0,
					faults: 1,
					faults_settled: 0,
					consecutive: 1,
				}),
			},
			phase: DealPhase::Running,
			current_period: 6,
			challenge: Some((6, 3)),
			pending_faults: 0,
			settle_pays: 2000,
			client_gets: 2500,
		});
		let value = serde_json::to_value(&json).unwrap();
		assert_eq!(value["client"], alice.to_ss58check());
		assert_eq!(value["owner"], bob.to_ss58check());
		assert_eq!(value["root"], format!("0x{}", "ab".repeat(32)));
		assert_eq!(value["collateral"], u128::MAX.to_string());
		assert_eq!(value["expiresAt"], serde_json::Value::Null);
		assert_eq!(value["progress"]["faultsSettled"], 0);
		assert_eq!(value["phase"], "Running");
		assert_eq!(value["challenge"], serde_json::json!([6, 3]));
		assert_eq!(value["settlePays"], "2000");
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
