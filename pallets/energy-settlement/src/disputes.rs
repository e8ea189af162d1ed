//! Disputes: a bonded challenge of a reading within its grace period, resolved by governance.

use crate::{pallet::*, IntervalIndex, ReadingKind};
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_dispute(
		who: T::AccountId,
		device: T::AccountId,
		interval: IntervalIndex,
	) -> DispatchResult {
		let mut meter = Meters::<T>::get(&device).ok_or(Error::<T>::NoReading)?;
		let reading = meter
			.readings
			.iter_mut()
			.find_map(|(k, r)| (*k == interval).then_some(r))
			.ok_or(Error::<T>::NoReading)?;
		ensure!(!reading.disputed, Error::<T>::AlreadyDisputed);
		ensure!(!Self::is_final(interval, Self::now()), Error::<T>::DisputeWindowOver);
		reading.disputed = true;
		let local = reading.kind == ReadingKind::Local;
		let bond = T::DisputeBond::get();
		T::Currency::hold(&HoldReason::DisputeBond.into(), &who, bond)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		// A local reading's energy is in the zone's totals: the whole interval waits for the
		// resolution. A grid reading is settled alone: only it waits.
		if local {
			let mut totals =
				Intervals::<T>::get(meter.zone, interval).ok_or(Error::<T>::NoReading)?;
			totals.disputes = totals.disputes.saturating_add(1);
			Intervals::<T>::insert(meter.zone, interval, totals);
		}
		Meters::<T>::insert(&device, meter);
		Disputes::<T>::insert(&device, interval, (who.clone(), bond));
		Self::deposit_event(Event::ReadingDisputed {
			meter: device,
			interval,
			disputer: who,
			bond,
		});
		Ok(())
	}

	pub(crate) fn do_resolve(
		device: T::AccountId,
		interval: IntervalIndex,
		upheld: bool,
	) -> DispatchResult {
		let mut meter = Meters::<T>::get(&device).ok_or(Error::<T>::NoReading)?;
		let at = meter.position(interval).ok_or(Error::<T>::NoReading)?;
		let (disputer, bond) =
			Disputes::<T>::take(&device, interval).ok_or(Error::<T>::NotDisputed)?;
		let mut totals = Intervals::<T>::get(meter.zone, interval).ok_or(Error::<T>::NoReading)?;
		let local = meter.reading(interval).is_some_and(|r| r.kind == ReadingKind::Local);
		if local {
			totals.disputes = totals.disputes.saturating_sub(1);
		}
		if !upheld {
			Self::transfer_held(HoldReason::DisputeBond, &disputer, &T::Treasury::get(), bond)?;
			if let Some((_, reading)) = meter.readings.get_mut(at) {
				reading.disputed = false;
			}
			Intervals::<T>::insert(meter.zone, interval, totals);
			Meters::<T>::insert(&device, meter);
			Self::deposit_event(Event::DisputeRejected {
				meter: device,
				interval,
				disputer,
				slashed: bond,
			});
			return Ok(());
		}
		Self::release(HoldReason::DisputeBond, &disputer, bond)?;
		let (_, reading) = meter.readings.remove(at);
		let slashed = meter.deposit;
		Self::transfer_held(
			HoldReason::MeterDeposit,
			&meter.account,
			&T::Treasury::get(),
			slashed,
		)?;
		meter.deposit = Zero::zero();
		meter.barred = true;
		if reading.kind == ReadingKind::Local {
			totals.flow.produced = totals.flow.produced.saturating_sub(reading.flow.produced);
			totals.flow.consumed = totals.flow.consumed.saturating_sub(reading.flow.consumed);
		}
		totals.readings = totals.readings.saturating_sub(1);
		Self::put_totals(meter.zone, interval, totals);
		Meters::<T>::insert(&device, meter);
		Self::deposit_event(Event::DisputeUpheld { meter: device, interval, disputer, slashed });
		Ok(())
	}
}
