//! Points, lazy valuation, hold-back, claims and forfeits.

use crate::{
	pallet::*, service_index, BalanceOf, DeviceLedgerOf, PendingRewards, Pot, ValidatorLedgerOf,
};
use depin_primitives::{
	DeviceRegistry, EpochIndex, OnDeviceSuspended, Points, RewardSink, Service,
};
use frame_support::{
	defensive, ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::Mutate, Get},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	Rounding, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// `amount * part / whole`, rounded down (so that a pool never pays out more than it has).
	fn pro_rata(amount: BalanceOf<T>, part: Points, whole: Points) -> BalanceOf<T> {
		let amount: u128 = amount.saturated_into();
		multiply_by_rational_with_rounding(amount, part.into(), whole.into(), Rounding::Down)
			.unwrap_or(0)
			.saturated_into()
	}

	/// Whether rewards earned in `epoch` by a device registered in `registered` are partly
	/// held back.
	fn is_young(registered: EpochIndex, epoch: EpochIndex) -> bool {
		epoch < registered.saturating_add(T::HoldbackEpochs::get())
	}

	/// Values the points `ledger` holds for `service` if their epoch has closed (holding back
	/// `HoldbackRatio` of young earnings, or forfeiting that part if the device was suspended
	/// since). Returns what was forfeited. One pool read at most.
	fn value_service(
		ledger: &mut DeviceLedgerOf<T>,
		service: Service,
		current: EpochIndex,
	) -> BalanceOf<T> {
		let mut entry = ledger.unvalued[service_index(service)];
		let mut forfeited = BalanceOf::<T>::zero();
		if entry.points > 0 && entry.epoch < current {
			match Pools::<T>::get(entry.epoch, Pot::Service(service)) {
				Some(pool) => {
					let value = Self::pro_rata(pool.amount, entry.points, pool.shares);
					let held = if Self::is_young(ledger.registered_epoch, entry.epoch) {
						T::HoldbackRatio::get().mul_floor(value)
					} else {
						Zero::zero()
					};
					if entry.forfeit {
						forfeited = held;
					} else {
						ledger.held = ledger.held.saturating_add(held);
					}
					ledger.owed = ledger.owed.saturating_add(value.saturating_sub(held));
				}
				None => {
					defensive!("rewards: points of a closed epoch without a pool");
				}
			}
			entry = Default::default();
		}
		if entry.points == 0 {
			entry.epoch = current;
		}
		ledger.unvalued[service_index(service)] = entry;
		forfeited
	}

	/// Releases what is held back once the device has come of age.
	fn release_holdback(ledger: &mut DeviceLedgerOf<T>, current: EpochIndex) {
		if !ledger.held.is_zero() && !Self::is_young(ledger.registered_epoch, current) {
			ledger.owed = ledger.owed.saturating_add(ledger.held);
			ledger.held = Zero::zero();
		}
	}

	/// Brings the whole `ledger` up to epoch `current`: values every service's closed points and
	/// releases the hold-back of a device that came of age. Returns what was forfeited. Three
	/// pool reads at most.
	fn roll_device(ledger: &mut DeviceLedgerOf<T>, current: EpochIndex) -> BalanceOf<T> {
		let mut forfeited = BalanceOf::<T>::zero();
		for service in Service::ALL {
			forfeited = forfeited.saturating_add(Self::value_service(ledger, service, current));
		}
		Self::release_holdback(ledger, current);
		forfeited
	}

	/// Brings a validator's `ledger` up to epoch `current`. One pool read at most.
	fn roll_validator(ledger: &mut ValidatorLedgerOf<T>, current: EpochIndex) {
		if ledger.blocks > 0 && ledger.epoch < current {
			match Pools::<T>::get(ledger.epoch, Pot::Validators) {
				Some(pool) => {
					let value = Self::pro_rata(pool.amount, ledger.blocks.into(), pool.shares);
					ledger.owed = ledger.owed.saturating_add(value);
				}
				None => {
					defensive!("rewards: blocks of a closed epoch without a pool");
				}
			}
			ledger.blocks = 0;
		}
		if ledger.blocks == 0 {
			ledger.epoch = current;
		}
	}

	/// Adds forfeited rewards to the epoch's forfeits (minted to the treasury at its close).
	fn note_forfeit(amount: BalanceOf<T>) {
		if !amount.is_zero() {
			Epoch::<T>::mutate(|e| e.forfeited = e.forfeited.saturating_add(amount));
		}
	}

	/// Records `points` of `service` for `device` in the epoch in progress. O(1): the device's
	/// ledger (its points of `service` valued first if their epoch has closed: one pool read)
	/// and the epoch's totals.
	pub fn do_note_points(service: Service, device: &T::AccountId, points: Points) {
		if points == 0 {
			return;
		}
		let current = Epoch::<T>::get().index;
		let mut ledger = DeviceLedgers::<T>::get(device).unwrap_or_else(|| {
			// A device the registry does not know is treated as new (held back).
			let registered = T::Registry::device(device).map_or(current, |d| d.registered_epoch);
			DeviceLedgerOf::<T> { registered_epoch: registered, ..Default::default() }
		});
		let forfeited = Self::value_service(&mut ledger, service, current);
		Self::release_holdback(&mut ledger, current);
		let entry = &mut ledger.unvalued[service_index(service)];
		entry.epoch = current;
		entry.points = entry.points.saturating_add(points);
		DeviceLedgers::<T>::insert(device, ledger);
		Epoch::<T>::mutate(|e| {
			let total = &mut e.points[service_index(service)];
			*total = total.saturating_add(points);
			e.forfeited = e.forfeited.saturating_add(forfeited);
		});
	}

	/// Credits the author of the current block (called through pallet-authorship's event
	/// handler, once per block). O(1).
	pub fn note_block_author(author: &T::AccountId) {
		let current = Epoch::<T>::get().index;
		let mut ledger =
			ValidatorLedgers::<T>::get(author)
				.unwrap_or_else(|| ValidatorLedgerOf::<T> { epoch: current, ..Default::default() });
		Self::roll_validator(&mut ledger, current);
		ledger.blocks = ledger.blocks.saturating_add(1);
		ValidatorLedgers::<T>::insert(author, ledger);
		Epoch::<T>::mutate(|e| e.blocks = e.blocks.saturating_add(1));
	}

	/// `claim_rewards`: values the device's ledger and mints what is owed to its owner.
	pub(crate) fn do_claim_rewards(who: T::AccountId, device: T::AccountId) -> DispatchResult {
		let owner = T::Registry::owner(&device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(owner == who, Error::<T>::NotOwner);
		let mut ledger = DeviceLedgers::<T>::get(&device).ok_or(Error::<T>::NothingToClaim)?;
		let forfeited = Self::roll_device(&mut ledger, Epoch::<T>::get().index);
		let amount = core::mem::take(&mut ledger.owed);
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		if ledger.is_empty() {
			// Nothing left: the ledger is made again when the device earns again.
			DeviceLedgers::<T>::remove(&device);
		} else {
			DeviceLedgers::<T>::insert(&device, ledger);
		}
		Self::note_forfeit(forfeited);
		let minted = T::Currency::mint_into(&owner, amount)?;
		TotalMinted::<T>::mutate(|total| *total = total.saturating_add(minted));
		Self::deposit_event(Event::RewardsClaimed { device, owner, amount: minted });
		Ok(())
	}

	/// `claim_validator_rewards`: values the author's ledger and mints what is owed.
	pub(crate) fn do_claim_validator_rewards(validator: T::AccountId) -> DispatchResult {
		let mut ledger =
			ValidatorLedgers::<T>::get(&validator).ok_or(Error::<T>::NothingToClaim)?;
		Self::roll_validator(&mut ledger, Epoch::<T>::get().index);
		let amount = core::mem::take(&mut ledger.owed);
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		if ledger.blocks == 0 {
			ValidatorLedgers::<T>::remove(&validator);
		} else {
			ValidatorLedgers::<T>::insert(&validator, ledger);
		}
		let minted = T::Currency::mint_into(&validator, amount)?;
		TotalMinted::<T>::mutate(|total| *total = total.saturating_add(minted));
		Self::deposit_event(Event::ValidatorRewardsClaimed { validator, amount: minted });
		Ok(())
	}

	/// A suspended device forfeits what is held back, and the hold-back part of its unvalued
	/// points (when they are valued). One ledger.
	pub(crate) fn forfeit_holdback(device: &T::AccountId) {
		let Some(mut ledger) = DeviceLedgers::<T>::get(device) else { return };
		let current = Epoch::<T>::get().index;
		let mut forfeited = Self::roll_device(&mut ledger, current);
		forfeited = forfeited.saturating_add(core::mem::take(&mut ledger.held));
		for entry in ledger.unvalued.iter_mut() {
			entry.forfeit = entry.points > 0;
		}
		DeviceLedgers::<T>::insert(device, ledger);
		Self::note_forfeit(forfeited);
		if !forfeited.is_zero() {
			Self::deposit_event(Event::HoldbackForfeited {
				device: device.clone(),
				amount: forfeited,
			});
		}
	}

	/// What `claim_rewards` would pay for `device` now, what stays held back, and the points
	/// of the epoch in progress (runtime API; reads only).
	pub fn pending_rewards(device: &T::AccountId) -> PendingRewards<BalanceOf<T>> {
		let Some(mut ledger) = DeviceLedgers::<T>::get(device) else {
			return PendingRewards::default();
		};
		Self::roll_device(&mut ledger, Epoch::<T>::get().index);
		PendingRewards {
			claimable: ledger.owed,
			held_back: ledger.held,
			unvalued_points: ledger.unvalued_points(),
		}
	}
}

impl<T: Config> RewardSink<T::AccountId> for Pallet<T> {
	fn note_points(service: Service, device: &T::AccountId, points: Points) {
		Self::do_note_points(service, device, points)
	}
}

impl<T: Config> OnDeviceSuspended<T::AccountId> for Pallet<T> {
	fn on_device_suspended(device: &T::AccountId, _owner: &T::AccountId) {
		Self::forfeit_holdback(device)
	}
}
