//! Settlement of one meter's reading of one final interval, in O(1) from the interval's totals.

use crate::{pallet::*, BalanceOf, Bill, IntervalIndex, ReadingKind, WeightInfo};
use depin_primitives::{energy, RewardSink, Service};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The bill of `reading` in an interval with `totals`: the zone market's
	/// ([`energy::bill`]) for a local reading, the grid's ([`energy::grid_bill`]) for a reading
	/// after missed intervals.
	pub(crate) fn bill_of(reading: &ReadingOf<T>, totals: &TotalsOf<T>) -> Result<Bill, Error<T>> {
		let tariffs = Self::tariffs_u128(&totals.tariffs);
		match reading.kind {
			ReadingKind::Local => energy::bill(&tariffs, totals.flow, reading.flow),
			_ => energy::grid_bill(&tariffs, reading.flow),
		}
		.map_err(|_| Error::<T>::Overflow)
	}

	/// A bill's amounts in the pallet's balance: `(receipt, payment, credit, debit)`.
	pub(crate) fn amounts(bill: &Bill) -> Result<[BalanceOf<T>; 4], Error<T>> {
		let b = |x: u128| BalanceOf::<T>::try_from(x).map_err(|_| Error::<T>::Overflow);
		Ok([b(bill.receipt)?, b(bill.payment)?, b(bill.credit())?, b(bill.debit())?])
	}

	/// `settle`: one meter's reading of one final interval, netted and paid. Weight used: the
	/// path taken (paid by the operator, or paying it).
	pub(crate) fn do_settle(
		device: T::AccountId,
		interval: IntervalIndex,
	) -> DispatchResultWithPostInfo {
		let mut meter = Meters::<T>::get(&device).ok_or(Error::<T>::NoReading)?;
		let at = meter.position(interval).ok_or(Error::<T>::NoReading)?;
		let mut totals = Intervals::<T>::get(meter.zone, interval).ok_or(Error::<T>::NoReading)?;
		ensure!(Self::is_final(interval, Self::now()), Error::<T>::IntervalNotFinal);
		ensure!(totals.disputes == 0, Error::<T>::IntervalDisputed);
		let (_, reading) = meter.readings.remove(at);
		ensure!(!reading.disputed, Error::<T>::IntervalDisputed);
		let bill = Self::bill_of(&reading, &totals)?;
		let [receipt, payment, credit, debit] = Self::amounts(&bill)?;
		if !credit.is_zero() {
			T::Currency::transfer(&totals.operator, &meter.account, credit, Preservation::Preserve)
				.map_err(|_| Error::<T>::OperatorCannotPay)?;
		}
		// What the escrow lacks is taken from the deposit (DESIGN: a meter that cannot cover its
		// consumption is penalised from its deposit); what that lacks is debt.
		let from_escrow = debit.min(meter.escrow);
		let from_deposit = debit.saturating_sub(from_escrow).min(meter.deposit);
		let debt = debit.saturating_sub(from_escrow).saturating_sub(from_deposit);
		Self::transfer_held(HoldReason::Escrow, &meter.account, &totals.operator, from_escrow)?;
		Self::transfer_held(
			HoldReason::MeterDeposit,
			&meter.account,
			&totals.operator,
			from_deposit,
		)?;
		meter.escrow = meter.escrow.saturating_sub(from_escrow);
		meter.deposit = meter.deposit.saturating_sub(from_deposit);
		meter.debt = meter.debt.saturating_add(debt);
		let points = bill.local_produced;
		if points > 0 {
			T::Rewards::note_points(Service::Energy, &device, points);
		}
		if reading.kind == ReadingKind::Local {
			totals.settled.produced = totals.settled.produced.saturating_add(reading.flow.produced);
			totals.settled.consumed = totals.settled.consumed.saturating_add(reading.flow.consumed);
		}
		totals.readings = totals.readings.saturating_sub(1);
		Self::put_totals(meter.zone, interval, totals);
		Meters::<T>::insert(&device, meter);
		Self::deposit_event(Event::Settled {
			meter: device,
			interval,
			receipt,
			payment,
			credit,
			debit,
			from_escrow,
			from_deposit,
			debt,
			points,
		});
		let weight = if debit.is_zero() {
			T::WeightInfo::settle_credit()
		} else {
			T::WeightInfo::settle_debit()
		};
		Ok(Some(weight).into())
	}

	/// Stores an interval's totals, or removes them once no reading awaits settlement.
	pub(crate) fn put_totals(zone: crate::ZoneId, interval: IntervalIndex, totals: TotalsOf<T>) {
		if totals.readings == 0 {
			Intervals::<T>::remove(zone, interval);
		} else {
			Intervals::<T>::insert(zone, interval, totals);
		}
	}
}
