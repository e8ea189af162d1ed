//! `try_state`: energy settlement's invariants, checked after every test, by try-runtime and by the runtime fuzzer (fuzz/).

use crate::{pallet::*, BalanceOf, Flow, ReadingKind, ZoneId};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

/// What the readings of one zone's interval add up to.
#[derive(Default)]
struct Sums {
	flow: Flow,
	readings: u32,
	disputes: u32,
}

impl<T: Config> Pallet<T> {
	/// - holds equal what is owed: per account, the `Escrow` hold is the escrow of its meters,
	///   the `MeterDeposit` hold what is left of their deposits, the `DisputeBond` hold the bonds
	///   of its open disputes;
	/// - each meter's readings are in order, of intervals it has passed, flagged disputed
	///   exactly when a dispute is open;
	///   its deposit is at most `MeterDeposit`; its zone exists; every dispute has its reading;
	/// - each interval's totals equal the sum of its accepted (unsettled, not voided) local
	///   readings plus what is settled; its counts of readings and disputes are theirs (and
	///   positive: empty totals are removed); every reading has totals;
	/// - zones: fewer than `NextZoneId` ≤ `MaxZones`, valid tariffs, meter counts right; the
	///   grace period at most the interval.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		ensure!(
			IntervalTiming::<T>::get().grace_period <= IntervalTiming::<T>::get().interval_length,
			"grace period longer than the interval"
		);
		let next_zone = NextZoneId::<T>::get();
		ensure!(next_zone <= T::MaxZones::get(), "more zones than MaxZones");
		let mut zone_meters: BTreeMap<ZoneId, u32> = BTreeMap::new();
		for (id, zone) in Zones::<T>::iter() {
			ensure!(id < next_zone, "a zone id at or above NextZoneId");
			ensure!(zone.tariffs.is_valid(), "invalid zone tariffs");
			ensure!(
				zone.next_tariffs.is_none_or(|(_, t)| t.is_valid()),
				"invalid scheduled tariffs"
			);
			zone_meters.insert(id, 0);
		}
		let zero = BalanceOf::<T>::zero;
		let mut escrow: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposit: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut sums: BTreeMap<(ZoneId, u32), Sums> = BTreeMap::new();
		for (device, meter) in Meters::<T>::iter() {
			let count = zone_meters.get_mut(&meter.zone).ok_or("a meter in an unknown zone")?;
			*count = count.saturating_add(1);
			ensure!(meter.deposit <= T::MeterDeposit::get(), "a meter deposit grew");
			ensure!(!meter.barred || meter.deposit.is_zero(), "a barred meter keeps a deposit");
			ensure!(
				meter.next <= Self::current_interval(),
				"a meter's next reading is of an interval not begun"
			);
			ensure!(
				meter.registers.is_some() || meter.readings.is_empty(),
				"readings before a baseline"
			);
			let e = escrow.entry(meter.account.clone()).or_insert_with(zero);
			*e = e.saturating_add(meter.escrow);
			let d = deposit.entry(meter.account.clone()).or_insert_with(zero);
			*d = d.saturating_add(meter.deposit);
			let mut last: Option<u32> = None;
			for (interval, reading) in meter.readings.iter() {
				let interval = *interval;
				ensure!(interval < meter.next, "a reading of an interval the meter has not passed");
				ensure!(last.is_none_or(|l| l < interval), "readings out of order");
				last = Some(interval);
				ensure!(reading.kind != ReadingKind::Baseline, "a stored baseline");
				let s = sums.entry((meter.zone, interval)).or_default();
				s.readings = s.readings.saturating_add(1);
				if reading.kind == ReadingKind::Local {
					s.flow.produced = s.flow.produced.saturating_add(reading.flow.produced);
					s.flow.consumed = s.flow.consumed.saturating_add(reading.flow.consumed);
				}
				let dispute = Disputes::<T>::get(&device, interval);
				ensure!(reading.disputed == dispute.is_some(), "a dispute flag without its record");
				if let Some((disputer, bond)) = dispute {
					if reading.kind == ReadingKind::Local {
						s.disputes = s.disputes.saturating_add(1);
					}
					let b = bonds.entry(disputer).or_insert_with(zero);
					*b = b.saturating_add(bond);
				}
			}
		}
		for (id, zone) in Zones::<T>::iter() {
			ensure!(zone_meters.get(&id) == Some(&zone.meters), "a zone's meter count is wrong");
		}
		ensure!(
			Disputes::<T>::iter_keys().all(|(device, interval)| {
				Meters::<T>::get(device).is_some_and(|m| m.reading(interval).is_some())
			}),
			"a dispute without its reading"
		);
		for (zone, interval, totals) in Intervals::<T>::iter() {
			let s = sums.remove(&(zone, interval)).ok_or("interval totals without readings")?;
			ensure!(totals.readings > 0, "empty interval totals kept");
			ensure!(totals.readings == s.readings, "an interval's reading count is wrong");
			ensure!(totals.disputes == s.disputes, "an interval's dispute count is wrong");
			ensure!(
				totals.flow.produced == s.flow.produced.saturating_add(totals.settled.produced)
					&& totals.flow.consumed
						== s.flow.consumed.saturating_add(totals.settled.consumed),
				"interval totals are not the sum of its accepted readings"
			);
			ensure!(totals.tariffs.is_valid(), "invalid interval tariffs");
		}
		ensure!(sums.is_empty(), "readings without interval totals");
		let held = |reason: HoldReason, who: &T::AccountId| {
			T::Currency::balance_on_hold(&reason.into(), who)
		};
		for (who, amount) in &escrow {
			ensure!(held(HoldReason::Escrow, who) == *amount, "escrow held is not the meters'");
		}
		for (who, amount) in &deposit {
			ensure!(
				held(HoldReason::MeterDeposit, who) == *amount,
				"meter deposits held are not the meters'"
			);
		}
		for (who, amount) in &bonds {
			ensure!(
				held(HoldReason::DisputeBond, who) == *amount,
				"bonds held are not the disputes'"
			);
		}
		Ok(())
	}
}
