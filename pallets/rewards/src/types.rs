//! The rewards pallet's records: the split table, the epoch in progress, the pools of closed
//! epochs and the per-device and per-validator ledgers.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use depin_primitives::{EpochIndex, Service};
use frame_support::traits::fungible;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as crate::Config>::Currency as fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// The epoch in progress, as stored.
pub type EpochStateOf<T> =
	EpochState<frame_system::pallet_prelude::BlockNumberFor<T>, BalanceOf<T>>;

/// A device ledger, as stored.
pub type DeviceLedgerOf<T> = DeviceLedger<BalanceOf<T>>;

/// A validator ledger, as stored.
pub type ValidatorLedgerOf<T> = ValidatorLedger<BalanceOf<T>>;

/// A closed epoch's pool, as stored.
pub type PoolOf<T> = Pool<BalanceOf<T>>;

/// Sums of points: an epoch's total per service, a ledger's points, a pool's shares. A single
/// note is a `Points` (u64); sums are u128, so that no count of notes of any size can saturate
/// them (that would take 2^64 notes of `u64::MAX` points) and shares always equal the points
/// behind them.
pub type PointTotal = u128;

/// How each epoch's emission is shared. The parts must sum to exactly 100%.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Split {
	/// Share of the devices that proved radio coverage.
	pub coverage: Perbill,
	/// Share of the devices that proved storage.
	pub storage: Perbill,
	/// Share of the devices that delivered energy.
	pub energy: Perbill,
	/// Share of the block authors, by blocks authored.
	pub validators: Perbill,
	/// Share of the treasury.
	pub treasury: Perbill,
}

impl Split {
	/// The launch table: coverage 30%, storage 25%, energy 15%, validators 20%, treasury 10%.
	pub fn standard() -> Self {
		Split {
			coverage: Perbill::from_percent(30),
			storage: Perbill::from_percent(25),
			energy: Perbill::from_percent(15),
			validators: Perbill::from_percent(20),
			treasury: Perbill::from_percent(10),
		}
	}

	/// Whether the parts sum to exactly 100% (checked without overflow).
	pub fn is_whole(&self) -> bool {
		let parts = [self.coverage, self.storage, self.energy, self.validators, self.treasury];
		let sum: u64 = parts.iter().map(|p| u64::from(p.deconstruct())).sum();
		sum == u64::from(Perbill::one().deconstruct())
	}

	/// The share of `service`.
	pub fn of(&self, service: Service) -> Perbill {
		match service {
			Service::Coverage => self.coverage,
			Service::Storage => self.storage,
			Service::Energy => self.energy,
		}
	}
}

/// Who shares a pool: the devices of one service, or the block authors.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
)]
pub enum Pot {
	/// The devices of a service, by points.
	Service(Service),
	/// The block authors, by blocks authored.
	Validators,
}

/// Index of a service in per-service arrays.
pub(crate) fn service_index(service: Service) -> usize {
	match service {
		Service::Coverage => 0,
		Service::Storage => 1,
		Service::Energy => 2,
	}
}

/// The epoch in progress. Read by every block's `on_initialize` and written by every block's
/// author note, so it is a hot key whose cost is charged once per block by the hook.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct EpochState<BlockNumber, Balance> {
	/// Its index.
	pub index: EpochIndex,
	/// The block it started at.
	pub start: BlockNumber,
	/// Points noted so far, per service (`Coverage`, `Storage`, `Energy`).
	pub points: [PointTotal; 3],
	/// Blocks authored so far.
	pub blocks: u32,
	/// Held-back rewards forfeited so far (and any treasury mint that failed at the last close),
	/// minted to the treasury when the epoch closes.
	pub forfeited: Balance,
}

/// What a closed epoch still owes one pot: `amount` shared pro rata among the `shares` points
/// (or blocks) not valued yet. Both count down as ledgers are valued (each takes
/// `amount * points / shares`, rounded down), so the last points valued take what rounding left
/// and the pool pays out exactly what it received; it is removed when no share is left. Stored
/// only when the epoch closed with shares (a pot without any went to the treasury); a pot of a
/// 0% part is stored with amount zero, and its points are worth zero.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Pool<Balance> {
	/// What is left to pay.
	pub amount: Balance,
	/// The points (or blocks) not valued yet.
	pub shares: PointTotal,
}

/// Points a device earned for one service in one epoch, not yet valued.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Unvalued {
	/// The epoch the points were earned in; they are valued once it has closed.
	pub epoch: EpochIndex,
	/// The points.
	pub points: PointTotal,
	/// How many of `points` were earned before a suspension of the device while it was young:
	/// the hold-back part of their value is forfeit when they are valued. Points earned after
	/// a reinstatement are not.
	pub forfeit_points: PointTotal,
}

/// A device's one ledger, rolled forward lazily: per service, the points of the last epoch it
/// earned in; and what is owed and held back. 144 bytes encoded at most.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct DeviceLedger<Balance> {
	/// Unvalued points per service (`Coverage`, `Storage`, `Energy`).
	pub unvalued: [Unvalued; 3],
	/// Valued rewards the owner may claim.
	pub owed: Balance,
	/// Valued rewards held back until the device comes of age.
	pub held: Balance,
	/// The epoch the device was registered in (its age decides the hold-back).
	pub registered_epoch: EpochIndex,
}

impl<Balance: sp_runtime::traits::Zero> DeviceLedger<Balance> {
	/// Whether the ledger holds nothing (it can then be removed).
	pub fn is_empty(&self) -> bool {
		self.owed.is_zero() && self.held.is_zero() && self.unvalued.iter().all(|u| u.points == 0)
	}

	/// Unvalued points of all services.
	pub fn unvalued_points(&self) -> PointTotal {
		self.unvalued.iter().fold(0, |sum, u| sum.saturating_add(u.points))
	}
}

/// A block author's rewards, rolled forward lazily.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct ValidatorLedger<Balance> {
	/// The epoch `blocks` were authored in.
	pub epoch: EpochIndex,
	/// Blocks authored in `epoch`, not yet valued.
	pub blocks: u32,
	/// Valued rewards the validator may claim.
	pub owed: Balance,
}

/// A device's rewards as a UI shows them (runtime API).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct PendingRewards<Balance> {
	/// What `claim_rewards` would pay now.
	pub claimable: Balance,
	/// Held back until the device comes of age (forfeit if it is suspended before).
	pub held_back: Balance,
	/// Points of the epoch in progress, valued when it closes.
	pub unvalued_points: PointTotal,
}

/// The epoch clock and emission as a UI shows them (runtime API).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct EpochInfo<Balance, BlockNumber> {
	/// The epoch in progress.
	pub current_epoch: EpochIndex,
	/// Blocks per epoch.
	pub epoch_length: BlockNumber,
	/// The block the epoch started at.
	pub epoch_start: BlockNumber,
	/// Blocks until the epoch closes.
	pub blocks_left: BlockNumber,
	/// What the epoch emits.
	pub emission: Balance,
	/// How the emission is shared.
	pub split: Split,
	/// Points noted so far in the epoch, per service (`Coverage`, `Storage`, `Energy`).
	pub points: [PointTotal; 3],
	/// Blocks authored so far in the epoch.
	pub blocks_authored: u32,
}
