//! The records of energy settlement: zones, meters, readings and each interval's totals.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use depin_primitives::energy::{Bill, Flow, Tariffs, Wh};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::Get;
use sp_runtime::traits::{Saturating, Zero};

/// A grid zone's id: assigned in order from 0 by `create_zone`.
pub type ZoneId = u32;

/// An interval's index: `block / IntervalLength`.
pub type IntervalIndex = u32;

/// The pallet's clock: blocks per interval and of the grace period after each.
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
)]
pub struct Timing {
	/// Blocks per interval.
	pub interval_length: u32,
	/// Blocks after an interval's end during which its readings are accepted.
	pub grace_period: u32,
}

/// A grid zone: its operator (the counterparty of imports and exports) and prices.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Zone<AccountId, Balance> {
	/// Takes the consumers' payments and pays the producers' receipts; its free balance must
	/// cover what producers are owed beyond what consumers paid (the feed-in price).
	pub operator: AccountId,
	/// The prices of the intervals before `next_tariffs` takes effect.
	pub tariffs: Tariffs<Balance>,
	/// Prices set by `update_tariffs`, from the interval given on: an interval's prices are fixed
	/// before any of its energy is metered.
	pub next_tariffs: Option<(IntervalIndex, Tariffs<Balance>)>,
	/// Meters registered in the zone.
	pub meters: u32,
}

impl<AccountId, Balance: Copy> Zone<AccountId, Balance> {
	/// The prices of interval `k`.
	pub fn tariffs_for(&self, k: IntervalIndex) -> Tariffs<Balance> {
		match self.next_tariffs {
			Some((from, next)) if k >= from => next,
			_ => self.tariffs,
		}
	}
}

/// A meter's cumulative registers: everything it has ever produced and consumed, Wh.
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
)]
pub struct Registers {
	/// Total energy produced, Wh.
	pub produced: Wh,
	/// Total energy consumed, Wh.
	pub consumed: Wh,
}

/// A meter: an `EnergyMeter` device in a zone, with the money of the account that registered
/// it (its deposit and its escrow are held from that account, which pays and is paid), and its
/// readings awaiting settlement (kept in the record: a reading and a settlement write one item
/// fewer than with a map of readings).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxUnsettled))]
pub struct Meter<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxUnsettled: Get<u32>,
> {
	/// The account that registered the meter: holds its deposit and escrow, pays for its
	/// consumption and is paid for its production.
	pub account: AccountId,
	/// Its zone.
	pub zone: ZoneId,
	/// Its rated power, W: a reading's energy cannot exceed it over the reading's time.
	pub capacity_w: u32,
	/// Held for the meter (`MeterDeposit`, less penalties and slashes).
	pub deposit: Balance,
	/// Held to pay for consumption.
	pub escrow: Balance,
	/// Owed to the zone's operator: consumption the escrow could not pay. Bars readings until
	/// paid (`fund_escrow` pays it first).
	pub debt: Balance,
	/// The registers of the last accepted reading; `None` before the first (which only sets
	/// them: the baseline).
	pub registers: Option<Registers>,
	/// The next interval the meter must read: one after its last reading (or the interval in
	/// progress at registration). Intervals skipped are missed.
	pub next: IntervalIndex,
	/// Readings awaiting settlement, by interval, oldest first.
	pub readings: BoundedVec<(IntervalIndex, Reading<Balance>), MaxUnsettled>,
	/// An upheld dispute barred the meter: no more readings (settle, then deregister).
	pub barred: bool,
}

/// How a reading counts.
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
)]
pub enum ReadingKind {
	/// The meter's first reading: sets its registers, carries no energy (nothing to settle).
	Baseline,
	/// The next interval after the last reading: its energy is traded in the zone's market.
	Local,
	/// The first reading after missed intervals: energy over several intervals, not
	/// attributable to one, settled with the operator at the import and feed-in prices.
	Grid,
}

impl<
		AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Clone + PartialEq + Eq + core::fmt::Debug,
		MaxUnsettled: Get<u32>,
	> Meter<AccountId, Balance, MaxUnsettled>
{
	/// Where the reading of interval `k` is among the unsettled ones.
	pub fn position(&self, k: IntervalIndex) -> Option<usize> {
		self.readings.iter().position(|(i, _)| *i == k)
	}

	/// The unsettled reading of interval `k`.
	pub fn reading(&self, k: IntervalIndex) -> Option<&Reading<Balance>> {
		self.readings.iter().find(|(i, _)| *i == k).map(|(_, r)| r)
	}
}

impl<
		AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Clone + Copy + PartialEq + Eq + core::fmt::Debug + Saturating + Zero,
		MaxUnsettled: Get<u32>,
	> Meter<AccountId, Balance, MaxUnsettled>
{
	/// The most the unsettled readings can still cost (their consumption at the import price):
	/// escrow cannot be withdrawn below it.
	pub fn reserved(&self) -> Balance {
		self.readings
			.iter()
			.fold(Zero::zero(), |sum: Balance, (_, r)| sum.saturating_add(r.reserved))
	}
}

/// An accepted reading awaiting settlement.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Reading<Balance> {
	/// The energy since the previous reading.
	pub flow: Flow,
	/// `Local` or `Grid` (a baseline is not stored).
	pub kind: ReadingKind,
	/// Reserved of the meter's escrow: the consumption at the import price.
	pub reserved: Balance,
	/// Whether a dispute of it is open (who raised it, and the bond, are in `Disputes`).
	pub disputed: bool,
}

/// A zone's interval: its prices and operator (fixed at its first reading), the energy of its
/// counted readings, and how many await settlement. Removed when the last is settled.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct IntervalTotals<AccountId, Balance> {
	/// The zone's operator.
	pub operator: AccountId,
	/// The interval's prices.
	pub tariffs: Tariffs<Balance>,
	/// Energy of the `Local` readings accepted (not voided): the zone's market.
	pub flow: Flow,
	/// Of which already settled.
	pub settled: Flow,
	/// Readings (local or grid) awaiting settlement.
	pub readings: u32,
	/// Open disputes: the interval cannot settle until they are resolved.
	pub disputes: u32,
}

/// A meter as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MeterStatus<AccountId, Balance> {
	/// The account that registered it: holds its deposit and escrow, pays and is paid.
	pub account: AccountId,
	/// Its zone.
	pub zone: ZoneId,
	/// Its rated power, W.
	pub capacity_w: u32,
	/// Its deposit left.
	pub deposit: Balance,
	/// Its escrow.
	pub escrow: Balance,
	/// What the unsettled readings may still cost: escrow above it can be withdrawn.
	pub reserved: Balance,
	/// Owed to the zone's operator (bars readings).
	pub debt: Balance,
	/// The registers of its last reading.
	pub registers: Option<Registers>,
	/// The next interval it must read.
	pub next: IntervalIndex,
	/// Barred by an upheld dispute.
	pub barred: bool,
	/// The intervals of its readings awaiting settlement.
	pub unsettled: alloc::vec::Vec<IntervalIndex>,
}

/// A zone as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ZoneStatus<AccountId, Balance> {
	/// The record.
	pub zone: Zone<AccountId, Balance>,
	/// The interval in progress (its readings are due after it ends).
	pub current_interval: IntervalIndex,
	/// The interval whose readings are accepted now, if any (in its grace period).
	pub reading_interval: Option<IntervalIndex>,
	/// Blocks per interval and grace period.
	pub interval_length: u32,
	/// Blocks after an interval's end during which its readings are accepted.
	pub grace_period: u32,
}

/// An interval of a zone as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct IntervalStatus<AccountId, Balance> {
	/// The totals.
	pub totals: IntervalTotals<AccountId, Balance>,
	/// Energy matched locally so far: `min(produced, consumed)`.
	pub matched: Wh,
	/// Whether the grace period is over: no more readings; settled once no dispute is open.
	pub is_final: bool,
}

/// A meter's bill for an interval as the runtime API previews it (final once the interval is).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct BillPreview<Balance> {
	/// The reading.
	pub flow: Flow,
	/// Its kind.
	pub kind: ReadingKind,
	/// The bill from the zone's totals now ([`depin_primitives::energy::bill`]).
	pub bill: Bill,
	/// Paid to the meter's account after netting.
	pub credit: Balance,
	/// Paid by the meter's account after netting (from escrow; what escrow lacks becomes debt).
	pub debit: Balance,
	/// Whether the interval is final (else later readings may still change the bill).
	pub is_final: bool,
}
