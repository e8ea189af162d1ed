//! What the runtime API reports: a zone and its clock, an interval's totals, a meter, and a
//! meter's bill previewed with the same function a settlement uses.

use crate::{
	pallet::*, BalanceOf, BillPreview, IntervalIndex, IntervalStatus, MeterStatus, ZoneId,
	ZoneStatus,
};

impl<T: Config> Pallet<T> {
	/// Zone `id` with the interval in progress and the one accepting readings now.
	pub fn zone_status(id: ZoneId) -> Option<ZoneStatus<T::AccountId, BalanceOf<T>>> {
		let zone = Zones::<T>::get(id)?;
		let now = Self::now();
		let timing = IntervalTiming::<T>::get();
		Some(ZoneStatus {
			zone,
			current_interval: Self::interval_of(now),
			reading_interval: Self::reading_interval(now),
			interval_length: timing.interval_length,
			grace_period: timing.grace_period,
		})
	}

	/// The totals of zone `zone`'s interval `interval`, while readings of it await settlement.
	pub fn interval_status(
		zone: ZoneId,
		interval: IntervalIndex,
	) -> Option<IntervalStatus<T::AccountId, BalanceOf<T>>> {
		let totals = Intervals::<T>::get(zone, interval)?;
		Some(IntervalStatus {
			matched: totals.flow.matched(),
			is_final: Self::is_final(interval, Self::now()),
			totals,
		})
	}

	/// Meter `device`'s bill for interval `interval` from the totals now (what `settle` pays
	/// once the interval is final), while its reading awaits settlement.
	pub fn bill_preview(
		device: &T::AccountId,
		interval: IntervalIndex,
	) -> Option<BillPreview<BalanceOf<T>>> {
		let meter = Meters::<T>::get(device)?;
		let reading = meter.reading(interval)?;
		let totals = Intervals::<T>::get(meter.zone, interval)?;
		let bill = Self::bill_of(reading, &totals).ok()?;
		let [_, _, credit, debit] = Self::amounts(&bill).ok()?;
		Some(BillPreview {
			flow: reading.flow,
			kind: reading.kind,
			bill,
			credit,
			debit,
			is_final: Self::is_final(interval, Self::now()),
		})
	}

	/// Meter `device`: its record, with the intervals of its unsettled readings.
	pub fn meter_status(device: &T::AccountId) -> Option<MeterStatus<T::AccountId, BalanceOf<T>>> {
		let m = Meters::<T>::get(device)?;
		let reserved = m.reserved();
		Some(MeterStatus {
			account: m.account,
			zone: m.zone,
			capacity_w: m.capacity_w,
			deposit: m.deposit,
			escrow: m.escrow,
			reserved,
			debt: m.debt,
			registers: m.registers,
			next: m.next,
			barred: m.barred,
			unsettled: m.readings.iter().map(|(k, _)| *k).collect(),
		})
	}
}
