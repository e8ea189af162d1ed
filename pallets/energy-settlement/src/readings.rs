//! Readings: the check shared by `submit_reading` and its `feeless_if` (so that a reading is free
//! exactly when it would be accepted), and its recording.

use crate::{
	pallet::*, BalanceOf, Flow, IntervalIndex, IntervalTotals, Reading, ReadingKind, Registers,
	WeightInfo, Wh,
};
use depin_primitives::{energy, DeviceKind, DeviceRegistry};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{CheckedAdd, Saturating, UniqueSaturatedInto, Zero};

/// Milliseconds in an hour: W·ms / 3,600,000 = Wh.
const MS_PER_HOUR: u128 = 3_600_000;

/// A reading that passed every check: what the call records.
pub(crate) struct CheckedReading<T: Config> {
	pub device: T::AccountId,
	pub meter: MeterOf<T>,
	pub interval: IntervalIndex,
	pub registers: Registers,
	pub flow: Flow,
	pub kind: ReadingKind,
	/// Intervals skipped since the last reading (or registration).
	pub missed: u32,
	/// The interval's totals with this reading counted (`None` for a baseline).
	pub totals: Option<TotalsOf<T>>,
	/// Reserved of the escrow: the consumption at the import price.
	pub reserved: BalanceOf<T>,
}

impl<T: Config> Pallet<T> {
	/// The tariffs as plain numbers for [`depin_primitives::energy`].
	pub(crate) fn tariffs_u128(t: &crate::Tariffs<BalanceOf<T>>) -> crate::Tariffs<u128> {
		crate::Tariffs {
			import: t.import.unique_saturated_into(),
			local: t.local.unique_saturated_into(),
			feed_in: t.feed_in.unique_saturated_into(),
		}
	}

	/// The most energy a meter rated `capacity_w` W can move in `intervals` intervals, as the
	/// bound `energy × 3,600,000 ≤ capacity × milliseconds` compares it (exact, no rounding).
	pub(crate) fn within_capacity(energy: Wh, capacity_w: u32, intervals: u32) -> bool {
		let ms = u128::from(IntervalTiming::<T>::get().interval_length)
			.saturating_mul(u128::from(T::MillisecsPerBlock::get()))
			.saturating_mul(u128::from(intervals));
		u128::from(energy).saturating_mul(MS_PER_HOUR) <= u128::from(capacity_w).saturating_mul(ms)
	}

	/// Everything `submit_reading` checks, in order: the signer is an active energy meter with
	/// a record, not barred, not in debt, with at least half its deposit; the interval has ended and its grace period has not;
	/// the meter has not read it (or a later one); the registers have not gone backwards; the
	/// energy since the last reading is within the rated power over the time it covers; fewer
	/// than `MaxUnsettled` readings await settlement; the totals and reserve fit. Reads the
	/// device, the meter and the interval's totals (the zone for an interval's first reading).
	pub(crate) fn check_reading(
		origin: &OriginFor<T>,
		interval: IntervalIndex,
		produced_total: Wh,
		consumed_total: Wh,
	) -> Result<CheckedReading<T>, Error<T>> {
		let device = ensure_signed(origin.clone()).map_err(|_| Error::<T>::NotRegistered)?;
		T::Registry::active_device(&device, DeviceKind::EnergyMeter)?;
		let meter = Meters::<T>::get(&device).ok_or(Error::<T>::UnknownMeter)?;
		ensure!(!meter.barred, Error::<T>::MeterBarred);
		ensure!(meter.debt.is_zero(), Error::<T>::InDebt);
		ensure!(
			meter.deposit.saturating_mul(2u32.into()) >= T::MeterDeposit::get(),
			Error::<T>::DepositExhausted
		);
		let now = Self::now();
		ensure!(now >= Self::end_of(interval), Error::<T>::ReadingTooEarly);
		ensure!(!Self::is_final(interval, now), Error::<T>::ReadingTooLate);
		ensure!(interval >= meter.next, Error::<T>::AlreadyRead);
		let missed = interval - meter.next;
		let registers = Registers { produced: produced_total, consumed: consumed_total };
		let Some(last) = meter.registers else {
			let (flow, kind, totals, reserved) =
				(Flow::default(), ReadingKind::Baseline, None, Default::default());
			return Ok(CheckedReading {
				device,
				meter,
				interval,
				registers,
				flow,
				kind,
				missed,
				totals,
				reserved,
			});
		};
		let (Some(produced), Some(consumed)) =
			(produced_total.checked_sub(last.produced), consumed_total.checked_sub(last.consumed))
		else {
			return Err(Error::<T>::RegistersBackwards);
		};
		let flow = Flow { produced, consumed };
		let covered = missed.saturating_add(1);
		ensure!(
			Self::within_capacity(produced, meter.capacity_w, covered)
				&& Self::within_capacity(consumed, meter.capacity_w, covered),
			Error::<T>::OverCapacity
		);
		ensure!(!meter.readings.is_full(), Error::<T>::TooManyUnsettled);
		let kind = if missed == 0 { ReadingKind::Local } else { ReadingKind::Grid };
		let mut totals = match Intervals::<T>::get(meter.zone, interval) {
			Some(t) => t,
			None => {
				let zone = Zones::<T>::get(meter.zone).ok_or(Error::<T>::UnknownZone)?;
				IntervalTotals {
					operator: zone.operator.clone(),
					tariffs: zone.tariffs_for(interval),
					flow: Flow::default(),
					settled: Flow::default(),
					readings: 0,
					disputes: 0,
				}
			}
		};
		if kind == ReadingKind::Local {
			totals.flow = Flow {
				produced: totals.flow.produced.checked_add(produced).ok_or(Error::<T>::Overflow)?,
				consumed: totals.flow.consumed.checked_add(consumed).ok_or(Error::<T>::Overflow)?,
			};
		}
		totals.readings = totals.readings.saturating_add(1);
		let worst = energy::worst_payment(&Self::tariffs_u128(&totals.tariffs), consumed)
			.ok_or(Error::<T>::Overflow)?;
		let reserved = BalanceOf::<T>::try_from(worst).map_err(|_| Error::<T>::Overflow)?;
		meter.reserved().checked_add(&reserved).ok_or(Error::<T>::Overflow)?;
		Ok(CheckedReading {
			device,
			meter,
			interval,
			registers,
			flow,
			kind,
			missed,
			totals: Some(totals),
			reserved,
		})
	}

	/// Records a checked reading: the missed-reading penalty, the meter's registers and (but
	/// for a baseline) its reading, and the interval's totals. Two writes (meter, totals), and a
	/// money movement with a penalty.
	pub(crate) fn do_submit_reading(checked: CheckedReading<T>) -> DispatchResultWithPostInfo {
		let CheckedReading {
			device,
			mut meter,
			interval,
			registers,
			flow,
			kind,
			missed,
			totals,
			reserved,
		} = checked;
		let penalty = Self::take_missed_penalty(&mut meter, missed)?;
		meter.registers = Some(registers);
		meter.next = interval.saturating_add(1);
		if let Some(totals) = totals {
			Intervals::<T>::insert(meter.zone, interval, totals);
			meter
				.readings
				.try_push((interval, Reading { flow, kind, reserved, disputed: false }))
				.map_err(|_| Error::<T>::TooManyUnsettled)?;
		}
		Meters::<T>::insert(&device, meter);
		Self::deposit_event(Event::ReadingAccepted {
			meter: device,
			interval,
			flow,
			kind,
			missed,
			penalty,
		});
		let weight = if penalty.is_zero() {
			T::WeightInfo::submit_reading()
		} else {
			T::WeightInfo::submit_reading_missed()
		};
		Ok(Some(weight).into())
	}
}
