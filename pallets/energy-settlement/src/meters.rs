//! Zones, meters and escrow, the pallet's clock, and the money helpers the other modules use.

use crate::{pallet::*, BalanceOf, IntervalIndex, Meter, Tariffs, Zone, ZoneId};
use depin_primitives::{DeviceKind, DeviceRefusal, DeviceRegistry};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto, Zero};

impl<T: Config> From<DeviceRefusal> for Error<T> {
	fn from(r: DeviceRefusal) -> Self {
		match r {
			DeviceRefusal::NotRegistered => Error::<T>::NotRegistered,
			DeviceRefusal::WrongKind => Error::<T>::NotAnEnergyMeter,
			DeviceRefusal::Suspended => Error::<T>::Suspended,
			DeviceRefusal::Deregistered => Error::<T>::Deregistered,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The current block, as a number.
	pub(crate) fn now() -> u64 {
		frame_system::Pallet::<T>::block_number().unique_saturated_into()
	}

	/// The interval of block `n`.
	pub fn interval_of(n: u64) -> IntervalIndex {
		let len = u64::from(IntervalTiming::<T>::get().interval_length);
		n.checked_div(len).unwrap_or_default().try_into().unwrap_or(IntervalIndex::MAX)
	}

	/// The interval in progress.
	pub fn current_interval() -> IntervalIndex {
		Self::interval_of(Self::now())
	}

	/// The first block after interval `k`.
	pub(crate) fn end_of(k: IntervalIndex) -> u64 {
		u64::from(k)
			.saturating_add(1)
			.saturating_mul(u64::from(IntervalTiming::<T>::get().interval_length))
	}

	/// The first block at which interval `k` is final (its grace period over).
	pub(crate) fn final_at(k: IntervalIndex) -> u64 {
		Self::end_of(k).saturating_add(u64::from(IntervalTiming::<T>::get().grace_period))
	}

	/// Whether interval `k` is final at block `now`.
	pub fn is_final(k: IntervalIndex, now: u64) -> bool {
		now >= Self::final_at(k)
	}

	/// The interval whose readings are accepted at block `now`: the one before the interval in
	/// progress, during the first `GracePeriod` blocks of it.
	pub fn reading_interval(now: u64) -> Option<IntervalIndex> {
		let len = u64::from(IntervalTiming::<T>::get().interval_length);
		let current = Self::interval_of(now);
		let into = now.checked_rem(len)?;
		(current > 0 && into < u64::from(IntervalTiming::<T>::get().grace_period))
			.then(|| current - 1)
	}

	/// How many intervals are final at block `now` (intervals `0..n`).
	pub(crate) fn final_count(now: u64) -> IntervalIndex {
		let len = u64::from(IntervalTiming::<T>::get().interval_length);
		now.checked_sub(u64::from(IntervalTiming::<T>::get().grace_period))
			.and_then(|n| n.checked_div(len))
			.unwrap_or_default()
			.try_into()
			.unwrap_or(IntervalIndex::MAX)
	}

	/// Takes the penalty for `missed` unread intervals from `meter`'s deposit to the treasury:
	/// `MissedReadingPenalty` each, at most what is left of the deposit. Returns it.
	pub(crate) fn take_missed_penalty(
		meter: &mut MeterOf<T>,
		missed: u32,
	) -> Result<BalanceOf<T>, DispatchError> {
		let penalty =
			T::MissedReadingPenalty::get().saturating_mul(missed.into()).min(meter.deposit);
		Self::transfer_held(
			HoldReason::MeterDeposit,
			&meter.account,
			&T::Treasury::get(),
			penalty,
		)?;
		meter.deposit = meter.deposit.saturating_sub(penalty);
		Ok(penalty)
	}

	/// Meter `device`, for its account `who` moving `amount` (not zero) in or out of escrow.
	fn own_meter(
		who: &T::AccountId,
		device: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<MeterOf<T>, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let meter = Meters::<T>::get(device).ok_or(Error::<T>::UnknownMeter)?;
		ensure!(who == &meter.account, Error::<T>::NotMeterAccount);
		Ok(meter)
	}

	pub(crate) fn do_create_zone(
		operator: T::AccountId,
		tariffs: Tariffs<BalanceOf<T>>,
	) -> Result<ZoneId, DispatchError> {
		ensure!(tariffs.is_valid(), Error::<T>::InvalidTariffs);
		let id = NextZoneId::<T>::get();
		ensure!(id < T::MaxZones::get(), Error::<T>::TooManyZones);
		Zones::<T>::insert(
			id,
			Zone { operator: operator.clone(), tariffs, next_tariffs: None, meters: 0 },
		);
		NextZoneId::<T>::put(id.saturating_add(1));
		Self::deposit_event(Event::ZoneCreated { zone: id, operator, tariffs });
		Ok(id)
	}

	pub(crate) fn do_update_tariffs(id: ZoneId, tariffs: Tariffs<BalanceOf<T>>) -> DispatchResult {
		ensure!(tariffs.is_valid(), Error::<T>::InvalidTariffs);
		let mut zone = Zones::<T>::get(id).ok_or(Error::<T>::UnknownZone)?;
		let current = Self::current_interval();
		match zone.next_tariffs {
			// Scheduled for the interval in progress: the interval before it may still get its
			// first reading at the old prices, so the zone would need three sets at once.
			Some((from, _)) if from == current => return Err(Error::<T>::TariffsPending.into()),
			// In force for every interval that can still be read: they become the current ones.
			Some((from, next)) if from < current => zone.tariffs = next,
			// Scheduled in this interval (replaced below), or none.
			_ => {}
		}
		let from = current.saturating_add(1);
		zone.next_tariffs = Some((from, tariffs));
		Zones::<T>::insert(id, zone);
		Self::deposit_event(Event::TariffsUpdated { zone: id, from, tariffs });
		Ok(())
	}

	pub(crate) fn do_register_meter(
		who: T::AccountId,
		device: T::AccountId,
		zone_id: ZoneId,
		capacity_w: u32,
	) -> DispatchResult {
		let info = T::Registry::active_device(&device, DeviceKind::EnergyMeter)
			.map_err(Error::<T>::from)?;
		ensure!(info.owner == who, Error::<T>::NotOwner);
		ensure!(
			capacity_w > 0 && capacity_w <= T::MaxCapacityW::get(),
			Error::<T>::InvalidCapacity
		);
		ensure!(!Meters::<T>::contains_key(&device), Error::<T>::AlreadyRegistered);
		let mut zone = Zones::<T>::get(zone_id).ok_or(Error::<T>::UnknownZone)?;
		let deposit = T::MeterDeposit::get();
		T::Currency::hold(&HoldReason::MeterDeposit.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		zone.meters = zone.meters.saturating_add(1);
		Zones::<T>::insert(zone_id, zone);
		let first_interval = Self::current_interval();
		Meters::<T>::insert(
			&device,
			Meter {
				account: who.clone(),
				zone: zone_id,
				capacity_w,
				deposit,
				escrow: Zero::zero(),
				debt: Zero::zero(),
				registers: None,
				next: first_interval,
				readings: Default::default(),
				barred: false,
			},
		);
		Self::deposit_event(Event::MeterRegistered {
			meter: device,
			account: who,
			zone: zone_id,
			capacity_w,
			deposit,
			first_interval,
		});
		Ok(())
	}

	pub(crate) fn do_deregister_meter(who: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut meter = Meters::<T>::get(&device).ok_or(Error::<T>::UnknownMeter)?;
		ensure!(
			who == meter.account || T::Registry::owner(&device).as_ref() == Some(&who),
			Error::<T>::NotMeterAccount
		);
		ensure!(meter.readings.is_empty(), Error::<T>::UnsettledReadings);
		ensure!(meter.debt.is_zero(), Error::<T>::InDebt);
		let missed = Self::final_count(Self::now()).saturating_sub(meter.next);
		let penalty = Self::take_missed_penalty(&mut meter, missed)?;
		let deposit_left = meter.deposit;
		Self::release(HoldReason::MeterDeposit, &meter.account, deposit_left)?;
		Self::release(HoldReason::Escrow, &meter.account, meter.escrow)?;
		Zones::<T>::mutate(meter.zone, |z| {
			if let Some(zone) = z {
				zone.meters = zone.meters.saturating_sub(1);
			}
		});
		Meters::<T>::remove(&device);
		Self::deposit_event(Event::MeterDeregistered {
			meter: device,
			account: meter.account,
			released: deposit_left.saturating_add(meter.escrow),
			missed,
			penalty,
		});
		Ok(())
	}

	pub(crate) fn do_fund_escrow(
		who: T::AccountId,
		device: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut meter = Self::own_meter(&who, &device, amount)?;
		let debt_paid = amount.min(meter.debt);
		if !debt_paid.is_zero() {
			let zone = Zones::<T>::get(meter.zone).ok_or(Error::<T>::UnknownZone)?;
			T::Currency::transfer(&who, &zone.operator, debt_paid, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		let after_debt = amount.saturating_sub(debt_paid);
		// A barred meter's deposit stays slashed: it reads no more.
		let deposit_restored = if meter.barred {
			Zero::zero()
		} else {
			after_debt.min(T::MeterDeposit::get().saturating_sub(meter.deposit))
		};
		let rest = after_debt.saturating_sub(deposit_restored);
		for (reason, part) in
			[(HoldReason::MeterDeposit, deposit_restored), (HoldReason::Escrow, rest)]
		{
			if !part.is_zero() {
				T::Currency::hold(&reason.into(), &who, part)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
			}
		}
		meter.debt = meter.debt.saturating_sub(debt_paid);
		meter.deposit = meter.deposit.saturating_add(deposit_restored);
		meter.escrow = meter.escrow.saturating_add(rest);
		Meters::<T>::insert(&device, meter);
		Self::deposit_event(Event::EscrowFunded {
			meter: device,
			amount,
			debt_paid,
			deposit_restored,
		});
		Ok(())
	}

	pub(crate) fn do_withdraw_escrow(
		who: T::AccountId,
		device: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut meter = Self::own_meter(&who, &device, amount)?;
		ensure!(
			meter.escrow.saturating_sub(meter.reserved()) >= amount,
			Error::<T>::EscrowReserved
		);
		Self::release(HoldReason::Escrow, &who, amount)?;
		meter.escrow = meter.escrow.saturating_sub(amount);
		Meters::<T>::insert(&device, meter);
		Self::deposit_event(Event::EscrowWithdrawn { meter: device, amount });
		Ok(())
	}

	/// Moves exactly `amount` held from `from` for `reason` to `to`'s free balance (nothing for
	/// zero).
	pub(crate) fn transfer_held(
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::transfer_on_hold(
				&reason.into(),
				from,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		Ok(())
	}

	/// Releases exactly `amount` held from `who` for `reason` (nothing for zero).
	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(&reason.into(), who, amount, Precision::Exact)?;
		}
		Ok(())
	}
}
