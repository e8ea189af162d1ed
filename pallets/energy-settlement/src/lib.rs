//! # Energy settlement
//!
//! Meters in a grid zone trade energy locally every interval; the chain nets each interval and
//! every meter settles its own share in O(1). Existing energy DePINs settle off chain through an
//! operator; here the netting, the payments and the penalties are on chain.
//!
//! - Governance creates zones (`create_zone(operator, tariffs)`), each with an operator account
//!   (the counterparty of the zone's imports and exports) and prices per Wh: import, local and
//!   feed-in (`feed_in ≤ local ≤ import`). `update_tariffs` takes effect from the next interval.
//! - The owner of an active `EnergyMeter` device registers it in a zone with its rated power:
//!   `register_meter(device, zone, capacity_w)` holds `MeterDeposit`. Consumers hold escrow
//!   with `fund_escrow` (which pays any debt first) and take it back with `withdraw_escrow`, never
//!   below what unsettled readings may still cost.
//! - Time is cut into intervals of `IntervalLength` blocks. After interval `k` ends the meter
//!   itself (its device key, no funds) submits `submit_reading(k, produced_total,
//!   consumed_total)`: its cumulative registers. Free when valid (`#[pallet::feeless_if]` runs
//!   the call's own check). Registers are monotonic; the energy since the last reading cannot
//!   exceed `capacity_w` over the time it covers (the physics bound); one reading per
//!   interval, only within `GracePeriod` blocks after the interval ends. The first reading is
//!   the baseline. A reading updates the zone's interval totals in O(1).
//! - Intervals the meter skipped are missed: `MissedReadingPenalty` each, from its deposit to
//!   the treasury, taken at its next reading (or deregistration); the first reading after a
//!   gap carries energy of several intervals and is settled with the operator at the import
//!   and feed-in prices, outside the zone's market.
//! - Once the grace period is over (and no dispute is open) the interval is final. Anyone
//!   calls `settle(meter, k)`: the meter's bill from [`depin_primitives::energy::bill`] (its
//!   pro-rata share of the matched energy at the local price, the rest at the import or
//!   feed-in price), netted: the meter's account is paid by the operator or pays the operator
//!   from escrow. What the escrow cannot pay becomes debt, which bars new readings until paid.
//!   Locally delivered production earns reward points (Wh).
//! - Within the grace period anyone may `dispute_reading` with `DisputeBond`; governance
//!   (`ZoneOrigin`) resolves it: upheld, the reading is voided (the interval settles without
//!   it), the meter's deposit is slashed to the treasury and the meter barred; rejected, the
//!   bond is slashed to the treasury.
//!
//! No hook: every interval's work is done by the readings and settlements themselves.
//!
//! This file is the table of contents; readings are checked and recorded in `readings`,
//! settled in `settlement`, escrow and meters in `meters`, disputes in `disputes`, the runtime
//! API's views in `api`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod api;
mod disputes;
mod invariants;
mod meters;
mod readings;
mod settlement;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use depin_primitives::energy::{Bill, Flow, Tariffs, Wh};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// What the benchmarks need from the runtime: energy meters in the registry, the reward sink
/// in its worst case.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers `device` of `owner` as an active energy meter.
	fn register_energy_meter(owner: &AccountId, device: &AccountId);
	/// Puts the reward sink's `note_points` for `device` in its worst case.
	fn worst_case_notes(_device: &AccountId) {}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::RewardSink;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency: deposits, escrow and bonds are held.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The device registry: who is an active energy meter, and whose.
		type Registry: depin_primitives::DeviceRegistry<Self::AccountId>;

		/// Where locally delivered energy earns points (the rewards pallet).
		type Rewards: RewardSink<Self::AccountId>;

		/// Creates zones, sets tariffs, resolves disputes.
		type ZoneOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Receives missed-reading penalties and slashes.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// Held per meter from the account that registers it.
		#[pallet::constant]
		type MeterDeposit: Get<BalanceOf<Self>>;

		/// Held from whoever disputes a reading until the dispute is resolved.
		#[pallet::constant]
		type DisputeBond: Get<BalanceOf<Self>>;

		/// Taken from a meter's deposit for each interval it did not read.
		#[pallet::constant]
		type MissedReadingPenalty: Get<BalanceOf<Self>>;

		/// Most zones.
		#[pallet::constant]
		type MaxZones: Get<u32>;

		/// Largest rated power of a meter, W.
		#[pallet::constant]
		type MaxCapacityW: Get<u32>;

		/// Most readings of one meter awaiting settlement: it must be settled to read on.
		#[pallet::constant]
		type MaxUnsettled: Get<u32>;

		/// Milliseconds per block: turns an interval's blocks into the time of the physics
		/// bound.
		#[pallet::constant]
		type MillisecsPerBlock: Get<u64>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Energy meters for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A meter's deposit, for its state and as the stake of its readings.
		MeterDeposit,
		/// A meter's escrow, to pay for its consumption.
		Escrow,
		/// The bond of an open dispute.
		DisputeBond,
	}

	/// A zone record.
	pub type ZoneOf<T> = Zone<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A meter record.
	pub type MeterOf<T> =
		Meter<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::MaxUnsettled>;
	/// A reading record.
	pub type ReadingOf<T> = Reading<BalanceOf<T>>;
	/// An interval's totals.
	pub type TotalsOf<T> = IntervalTotals<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// Intervals of 150 blocks (15 minutes of 6-second blocks) with a grace period of 50 (5
	/// minutes): the timing of a chain whose genesis did not set one.
	#[pallet::type_value]
	pub fn DefaultTiming() -> Timing {
		Timing { interval_length: 150, grace_period: 50 }
	}

	/// Blocks per interval, and blocks after an interval's end during which its readings (and
	/// disputes) are accepted (at most the interval). Set at genesis (short on the dev chain);
	/// fixed afterwards, so that every open interval keeps its blocks. One item: every reading
	/// and settlement reads both.
	#[pallet::storage]
	pub type IntervalTiming<T: Config> = StorageValue<_, Timing, ValueQuery, DefaultTiming>;

	/// Zones by id. At most `MaxZones`.
	#[pallet::storage]
	pub type Zones<T: Config> = StorageMap<_, Twox64Concat, ZoneId, ZoneOf<T>>;

	/// The id of the next zone (= the number of zones: zones are never removed).
	#[pallet::storage]
	pub type NextZoneId<T: Config> = StorageValue<_, ZoneId, ValueQuery>;

	/// Meters by device, with their readings awaiting settlement (at most `MaxUnsettled`). Each
	/// is paid for by its `MeterDeposit`.
	#[pallet::storage]
	pub type Meters<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MeterOf<T>>;

	/// Open disputes, by meter and interval: who raised it and the bond held from them.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		IntervalIndex,
		(T::AccountId, BalanceOf<T>),
	>;

	/// Each zone's intervals with readings awaiting settlement: prices, operator, totals.
	#[pallet::storage]
	pub type Intervals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ZoneId, Twox64Concat, IntervalIndex, TotalsOf<T>>;

	/// Genesis: the interval, the grace period and zones.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks per interval (0: the default, 150 blocks = 15 minutes).
		pub interval_length: u32,
		/// Blocks of the grace period (0: the default, 50 blocks), at most the interval.
		pub grace_period: u32,
		/// Zones to create: operator and tariffs (ids from 0, in order).
		pub zones: alloc::vec::Vec<(T::AccountId, Tariffs<BalanceOf<T>>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut timing = IntervalTiming::<T>::get();
			if self.interval_length > 0 {
				timing.interval_length = self.interval_length;
			}
			if self.grace_period > 0 {
				timing.grace_period = self.grace_period;
			}
			assert!(
				timing.grace_period <= timing.interval_length,
				"the grace period must not exceed the interval"
			);
			IntervalTiming::<T>::put(timing);
			for (operator, tariffs) in &self.zones {
				assert!(
					tariffs.is_valid(),
					"genesis zone tariffs must be feed_in <= local <= import"
				);
				if let Err(e) = Pallet::<T>::do_create_zone(operator.clone(), *tariffs) {
					panic!("genesis zone: {e:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Zone `zone` was created with `operator` and `tariffs`.
		ZoneCreated { zone: ZoneId, operator: T::AccountId, tariffs: Tariffs<BalanceOf<T>> },
		/// Zone `zone` has new `tariffs` from interval `from` on.
		TariffsUpdated { zone: ZoneId, from: IntervalIndex, tariffs: Tariffs<BalanceOf<T>> },
		/// `account` registered energy meter `meter` in zone `zone` (rated `capacity_w` W):
		/// `deposit` is held; its first reading is due for interval `first_interval`.
		MeterRegistered {
			meter: T::AccountId,
			account: T::AccountId,
			zone: ZoneId,
			capacity_w: u32,
			deposit: BalanceOf<T>,
			first_interval: IntervalIndex,
		},
		/// Meter `meter` was removed: `released` (its escrow and what is left of its deposit)
		/// went back to `account`, after `penalty` for `missed` unread intervals.
		MeterDeregistered {
			meter: T::AccountId,
			account: T::AccountId,
			released: BalanceOf<T>,
			missed: u32,
			penalty: BalanceOf<T>,
		},
		/// The escrow of meter `meter` was funded with `amount`: `debt_paid` of it to the zone's
		/// operator, `deposit_restored` back into the meter's deposit, the rest held as escrow.
		EscrowFunded {
			meter: T::AccountId,
			amount: BalanceOf<T>,
			debt_paid: BalanceOf<T>,
			deposit_restored: BalanceOf<T>,
		},
		/// `amount` of meter `meter`'s escrow was released to its account.
		EscrowWithdrawn { meter: T::AccountId, amount: BalanceOf<T> },
		/// Meter `meter` read interval `interval`: `flow` since its last reading, counted as
		/// `kind`; `missed` intervals before it were unread, costing `penalty` of its deposit.
		ReadingAccepted {
			meter: T::AccountId,
			interval: IntervalIndex,
			flow: Flow,
			kind: ReadingKind,
			missed: u32,
			penalty: BalanceOf<T>,
		},
		/// Meter `meter`'s reading of interval `interval` was settled: the bill's `receipt` and
		/// `payment` netted into `credit` (paid by the operator) or `debit` (paid to the operator:
		/// `from_escrow` from the escrow, what it lacked `from_deposit` from the meter's deposit,
		/// `debt` left owed); `points` for local production.
		Settled {
			meter: T::AccountId,
			interval: IntervalIndex,
			receipt: BalanceOf<T>,
			payment: BalanceOf<T>,
			credit: BalanceOf<T>,
			debit: BalanceOf<T>,
			from_escrow: BalanceOf<T>,
			from_deposit: BalanceOf<T>,
			debt: BalanceOf<T>,
			points: u64,
		},
		/// `disputer` disputed meter `meter`'s reading of interval `interval`, holding `bond`.
		ReadingDisputed {
			meter: T::AccountId,
			interval: IntervalIndex,
			disputer: T::AccountId,
			bond: BalanceOf<T>,
		},
		/// The dispute was upheld: the reading is void, `slashed` of the meter's deposit went to
		/// the treasury, the meter is barred; the bond went back to `disputer`.
		DisputeUpheld {
			meter: T::AccountId,
			interval: IntervalIndex,
			disputer: T::AccountId,
			slashed: BalanceOf<T>,
		},
		/// The dispute was rejected: the bond, `slashed`, went to the treasury; the reading
		/// stands.
		DisputeRejected {
			meter: T::AccountId,
			interval: IntervalIndex,
			disputer: T::AccountId,
			slashed: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The tariffs must be `feed_in ≤ local ≤ import`.
		InvalidTariffs,
		/// The tariffs scheduled earlier take effect with the interval in progress: schedule new
		/// ones from the next interval on.
		TariffsPending,
		/// There are already `MaxZones` zones.
		TooManyZones,
		/// No zone of that id.
		UnknownZone,
		/// The device is not registered.
		NotRegistered,
		/// The device is registered, but not as an energy meter.
		NotAnEnergyMeter,
		/// The meter device is suspended by governance.
		Suspended,
		/// The meter device is deregistered.
		Deregistered,
		/// Only the device's owner may do this.
		NotOwner,
		/// The rated power must be above zero and at most `MaxCapacityW`.
		InvalidCapacity,
		/// The device already has a meter record.
		AlreadyRegistered,
		/// No meter for that device.
		UnknownMeter,
		/// Only the meter's account (who registered it) may do this; deregistration also by the
		/// device's current owner.
		NotMeterAccount,
		/// The account cannot hold the amount.
		InsufficientBalance,
		/// Escrow cannot be withdrawn below what unsettled readings may cost, nor beyond what is
		/// held.
		EscrowReserved,
		/// Nothing to fund or withdraw.
		ZeroAmount,
		/// The meter still has readings awaiting settlement.
		UnsettledReadings,
		/// The meter owes the zone's operator: `fund_escrow` pays the debt first.
		InDebt,
		/// An upheld dispute barred the meter from reading.
		MeterBarred,
		/// Penalties have taken more than half of the meter's deposit: `fund_escrow` restores it.
		DepositExhausted,
		/// The interval has not ended: its reading is due after it.
		ReadingTooEarly,
		/// The interval's grace period is over.
		ReadingTooLate,
		/// The meter has read this interval (or a later one), or was registered after it.
		AlreadyRead,
		/// A register is below the last reading's: registers only grow.
		RegistersBackwards,
		/// The energy since the last reading exceeds the meter's rated power over that time.
		OverCapacity,
		/// The meter has `MaxUnsettled` readings awaiting settlement: settle them to read on.
		TooManyUnsettled,
		/// An energy total or amount does not fit.
		Overflow,
		/// No reading of that meter for that interval awaits settlement (never read, a
		/// baseline, voided or already settled).
		NoReading,
		/// The interval's grace period is not over.
		IntervalNotFinal,
		/// A dispute of the interval (or of this reading) is open: it settles once resolved.
		IntervalDisputed,
		/// The zone's operator cannot pay what the meter is owed (its free balance is short).
		OperatorCannotPay,
		/// The reading is already disputed.
		AlreadyDisputed,
		/// The reading's grace period is over: it can no longer be disputed.
		DisputeWindowOver,
		/// The reading is not disputed.
		NotDisputed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxUnsettled::get() > 0, "MaxUnsettled must be positive");
			assert!(T::MillisecsPerBlock::get() > 0, "MillisecsPerBlock must be positive");
			assert!(
				T::MissedReadingPenalty::get() <= T::MeterDeposit::get(),
				"a missed reading cannot cost more than the deposit"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a grid zone operated by `operator` at `tariffs` (planck per Wh,
		/// `feed_in ≤ local ≤ import`). By `ZoneOrigin`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_zone())]
		pub fn create_zone(
			origin: OriginFor<T>,
			operator: T::AccountId,
			tariffs: Tariffs<BalanceOf<T>>,
		) -> DispatchResult {
			T::ZoneOrigin::ensure_origin(origin)?;
			Self::do_create_zone(operator, tariffs).map(|_| ())
		}

		/// Sets zone `zone`'s tariffs from the next interval on (the interval in progress keeps
		/// the prices it began with); replaces tariffs scheduled in the same interval. By
		/// `ZoneOrigin`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_tariffs())]
		pub fn update_tariffs(
			origin: OriginFor<T>,
			zone: ZoneId,
			tariffs: Tariffs<BalanceOf<T>>,
		) -> DispatchResult {
			T::ZoneOrigin::ensure_origin(origin)?;
			Self::do_update_tariffs(zone, tariffs)
		}

		/// Registers the caller's active energy meter `device` in zone `zone`, rated
		/// `capacity_w` W. Holds `MeterDeposit`. The meter's first reading (its baseline) is due
		/// for the interval in progress.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_meter())]
		pub fn register_meter(
			origin: OriginFor<T>,
			device: T::AccountId,
			zone: ZoneId,
			capacity_w: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_meter(who, device, zone, capacity_w)
		}

		/// Removes meter `device`: its escrow and what is left of its deposit go back to its
		/// account, after the missed-reading penalty for the final intervals it did not read.
		/// Needs no reading awaiting settlement and no debt. By the meter's account or the
		/// device's current owner.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::deregister_meter())]
		pub fn deregister_meter(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister_meter(who, device)
		}

		/// Adds `amount` to meter `device`'s escrow: its debt is paid from it first (to the
		/// zone's operator), then its deposit is restored (after penalties), the rest is held as
		/// escrow. By the meter's account.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::fund_escrow())]
		pub fn fund_escrow(
			origin: OriginFor<T>,
			device: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_fund_escrow(who, device, amount)
		}

		/// Releases `amount` of meter `device`'s escrow, if what stays covers its unsettled
		/// readings' worst cost. By the meter's account.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_escrow())]
		pub fn withdraw_escrow(
			origin: OriginFor<T>,
			device: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_escrow(who, device, amount)
		}

		/// Reads interval `interval` (just ended, within its grace period): the meter's
		/// cumulative registers, Wh. Signed by the meter device; free when valid. Charged the
		/// weight of a reading after missed intervals (with the penalty), refunded otherwise.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_reading_missed())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, interval: &IntervalIndex, produced_total: &Wh,
			consumed_total: &Wh| -> bool {
			Pallet::<T>::check_reading(origin, *interval, *produced_total, *consumed_total).is_ok()
		})]
		pub fn submit_reading(
			origin: OriginFor<T>,
			interval: IntervalIndex,
			produced_total: Wh,
			consumed_total: Wh,
		) -> DispatchResultWithPostInfo {
			let checked = Self::check_reading(&origin, interval, produced_total, consumed_total)?;
			Self::do_submit_reading(checked)
		}

		/// Settles meter `meter`'s reading of the final interval `interval`: its bill, netted,
		/// is paid by the operator or from its escrow (a shortfall from its deposit, and what
		/// that lacks becomes debt). Once per
		/// meter and interval; by anyone (the money goes where it is owed). O(1).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::settle_credit().max(T::WeightInfo::settle_debit()))]
		pub fn settle(
			origin: OriginFor<T>,
			meter: T::AccountId,
			interval: IntervalIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_settle(meter, interval)
		}

		/// Disputes meter `meter`'s reading of interval `interval`, within its grace period:
		/// holds `DisputeBond` from the caller until governance resolves it; the interval cannot
		/// settle meanwhile.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::dispute_reading())]
		pub fn dispute_reading(
			origin: OriginFor<T>,
			meter: T::AccountId,
			interval: IntervalIndex,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, meter, interval)
		}

		/// Resolves the dispute of meter `meter`'s reading of interval `interval`. Upheld: the
		/// reading is voided, the meter's deposit slashed to the treasury and the meter barred;
		/// the bond goes back. Rejected: the bond is slashed to the treasury. By `ZoneOrigin`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			meter: T::AccountId,
			interval: IntervalIndex,
			upheld: bool,
		) -> DispatchResult {
			T::ZoneOrigin::ensure_origin(origin)?;
			Self::do_resolve(meter, interval, upheld)
		}
	}
}
