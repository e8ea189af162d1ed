//! Points, lazy valuation, hold-back, claims, forfeits and settlement to former owners.

use crate::{
	pallet::*, service_index, BalanceOf, DeviceLedgerOf, PendingRewards, PointTotal, Pot,
	ValidatorLedgerOf,
};
use depin_primitives::{
	DeviceRegistry, DeviceState, EpochIndex, OnDeviceChange, Points, RewardSink, Service,
};
use frame_support::{
	defensive, ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	storage::{with_transaction, TransactionOutcome},
	traits::{fungible::Mutate, Get},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	Rounding, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// `amount * part / whole`, rounded down (so that a pool never pays out more than it has).
	fn pro_rata(amount: BalanceOf<T>, part: PointTotal, whole: PointTotal) -> BalanceOf<T> {
		let amount: u128 = amount.saturated_into();
		multiply_by_rational_with_rounding(amount, part, whole, Rounding::Down)
			.unwrap_or(0)
			.saturated_into()
	}

	/// Takes the value of `part` shares from the pool of `pot` in closed `epoch`: its pro-rata
	/// part of what is left, both counted down; the pool goes when no share is left. The last
	/// shares take what rounding left, so a pool pays out exactly its amount. One pool read and
	/// one write.
	fn take_from_pool(epoch: EpochIndex, pot: Pot, part: PointTotal) -> BalanceOf<T> {
		Pools::<T>::mutate_exists(epoch, pot, |slot| {
			let Some(pool) = slot else {
				defensive!("rewards: points of a closed epoch without a pool");
				return Zero::zero();
			};
			if part >= pool.shares {
				if part > pool.shares {
					defensive!("rewards: a ledger holds more points than its pool");
				}
				let value = pool.amount;
				*slot = None;
				return value;
			}
			let value = Self::pro_rata(pool.amount, part, pool.shares);
			pool.amount = pool.amount.saturating_sub(value);
			pool.shares = pool.shares.saturating_sub(part);
			value
		})
	}

	/// Whether rewards earned in `epoch` by a device registered in `registered` are partly
	/// held back.
	fn is_young(registered: EpochIndex, epoch: EpochIndex) -> bool {
		epoch < registered.saturating_add(T::HoldbackEpochs::get())
	}

	/// Values the points `ledger` holds for `service` if their epoch has closed (holding back
	/// `HoldbackRatio` of young earnings, and forfeiting that part for the points earned before
	/// a suspension). Returns what was forfeited. One pool read and write at most.
	fn value_service(
		ledger: &mut DeviceLedgerOf<T>,
		service: Service,
		current: EpochIndex,
	) -> BalanceOf<T> {
		let mut entry = ledger.unvalued[service_index(service)];
		let mut forfeited = BalanceOf::<T>::zero();
		if entry.points > 0 && entry.epoch < current {
			let value = Self::take_from_pool(entry.epoch, Pot::Service(service), entry.points);
			let held = if Self::is_young(ledger.registered_epoch, entry.epoch) {
				T::HoldbackRatio::get().mul_floor(value)
			} else {
				Zero::zero()
			};
			forfeited = Self::pro_rata(held, entry.forfeit_points.min(entry.points), entry.points);
			ledger.held = ledger.held.saturating_add(held.saturating_sub(forfeited));
			ledger.owed = ledger.owed.saturating_add(value.saturating_sub(held));
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
	/// pool reads and writes at most.
	fn roll_device(ledger: &mut DeviceLedgerOf<T>, current: EpochIndex) -> BalanceOf<T> {
		let mut forfeited = BalanceOf::<T>::zero();
		for service in Service::ALL {
			forfeited = forfeited.saturating_add(Self::value_service(ledger, service, current));
		}
		Self::release_holdback(ledger, current);
		forfeited
	}

	/// Brings a validator's `ledger` up to epoch `current`. One pool read and write at most.
	fn roll_validator(ledger: &mut ValidatorLedgerOf<T>, current: EpochIndex) {
		if ledger.blocks > 0 && ledger.epoch < current {
			let value = Self::take_from_pool(ledger.epoch, Pot::Validators, ledger.blocks.into());
			ledger.owed = ledger.owed.saturating_add(value);
			ledger.blocks = 0;
		}
		if ledger.blocks == 0 {
			ledger.epoch = current;
		}
	}

	/// Adds what `device` forfeited to the epoch's forfeits (minted to the treasury at its
	/// close), with an event.
	fn note_forfeit(device: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		Epoch::<T>::mutate(|e| e.forfeited = e.forfeited.saturating_add(amount));
		Self::deposit_event(Event::HoldbackForfeited { device: device.clone(), amount });
	}

	/// Records `points` of `service` for `device` in the epoch in progress, if the device is
	/// active in the registry (otherwise they are refused: a suspended, deregistered or unknown
	/// device earns nothing). O(1): the registry record, the device's ledger (its points of
	/// `service` valued first if their epoch has closed: one pool read and write) and the
	/// epoch's totals.
	pub fn do_note_points(service: Service, device: &T::AccountId, points: Points) {
		if points == 0 {
			return;
		}
		let Some(info) = T::Registry::device(device) else { return };
		if info.state != DeviceState::Active {
			return;
		}
		let current = Epoch::<T>::get().index;
		let mut ledger = DeviceLedgers::<T>::get(device).unwrap_or_else(|| DeviceLedgerOf::<T> {
			registered_epoch: info.registered_epoch,
			..Default::default()
		});
		let forfeited = Self::value_service(&mut ledger, service, current);
		Self::release_holdback(&mut ledger, current);
		let entry = &mut ledger.unvalued[service_index(service)];
		entry.epoch = current;
		// u128 sums of u64 notes: cannot saturate (2^64 notes of u64::MAX would be needed).
		entry.points = entry.points.saturating_add(points.into());
		DeviceLedgers::<T>::insert(device, ledger);
		Epoch::<T>::mutate(|e| {
			let total = &mut e.points[service_index(service)];
			*total = total.saturating_add(points.into());
		});
		Self::note_forfeit(device, forfeited);
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

	/// Rolls `ledger` to `current`, takes what it owes and stores it back (or removes it once
	/// empty) through `store`. Returns the amount owed.
	fn take_owed(
		device: &T::AccountId,
		mut ledger: DeviceLedgerOf<T>,
		current: EpochIndex,
		store: impl FnOnce(Option<DeviceLedgerOf<T>>),
	) -> BalanceOf<T> {
		let forfeited = Self::roll_device(&mut ledger, current);
		Self::note_forfeit(device, forfeited);
		let amount = core::mem::take(&mut ledger.owed);
		// An emptied ledger is removed; it is made again when the device earns again.
		store(if ledger.is_empty() { None } else { Some(ledger) });
		amount
	}

	/// `claim_rewards`: as the owner, the device's ledger and the caller's settled ledger of
	/// it (if the caller owned it before and holds it again); as a former owner, the settled
	/// ledger. Mints what is owed to the caller.
	pub(crate) fn do_claim_rewards(who: T::AccountId, device: T::AccountId) -> DispatchResult {
		let owner = T::Registry::owner(&device);
		let is_owner = owner.as_ref() == Some(&who);
		let settled = SettledLedgers::<T>::get(&device, &who);
		if !is_owner && settled.is_none() {
			let error =
				if owner.is_some() { Error::<T>::NotOwner } else { Error::<T>::UnknownDevice };
			return Err(error.into());
		}
		let current = Epoch::<T>::get().index;
		let mut amount = BalanceOf::<T>::zero();
		if is_owner {
			if let Some(ledger) = DeviceLedgers::<T>::get(&device) {
				amount = amount.saturating_add(Self::take_owed(&device, ledger, current, |l| {
					DeviceLedgers::<T>::set(&device, l)
				}));
			}
		}
		if let Some(ledger) = settled {
			amount = amount.saturating_add(Self::take_owed(&device, ledger, current, |l| {
				SettledLedgers::<T>::set(&device, &who, l)
			}));
		}
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		let minted = T::Currency::mint_into(&who, amount)?;
		TotalMinted::<T>::mutate(|total| *total = total.saturating_add(minted));
		Self::deposit_event(Event::RewardsClaimed { device, owner: who, amount: minted });
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

	/// A suspended device forfeits what is held back, and the hold-back part of the points it
	/// earned until now (when they are valued). One ledger.
	pub(crate) fn forfeit_holdback(device: &T::AccountId) {
		let Some(mut ledger) = DeviceLedgers::<T>::get(device) else { return };
		let current = Epoch::<T>::get().index;
		let mut forfeited = Self::roll_device(&mut ledger, current);
		forfeited = forfeited.saturating_add(core::mem::take(&mut ledger.held));
		for entry in ledger.unvalued.iter_mut() {
			entry.forfeit_points = entry.points;
		}
		DeviceLedgers::<T>::insert(device, ledger);
		Self::note_forfeit(device, forfeited);
	}

	/// What `device` earned so far becomes `owner`'s settled ledger (merged with one it may
	/// already have of this device), and the device's own ledger goes: the next owner, or the
	/// next registration of the key, starts clean. Two ledgers and up to six pools.
	pub(crate) fn settle_device(device: &T::AccountId, owner: &T::AccountId) {
		let Some(mut ledger) = DeviceLedgers::<T>::take(device) else { return };
		let current = Epoch::<T>::get().index;
		let mut forfeited = Self::roll_device(&mut ledger, current);
		if !ledger.is_empty() {
			SettledLedgers::<T>::mutate(device, owner, |slot| match slot {
				None => *slot = Some(ledger),
				Some(existing) => {
					forfeited = forfeited.saturating_add(Self::roll_device(existing, current));
					Self::merge(existing, ledger);
				}
			});
			Self::deposit_event(Event::DeviceRewardsSettled {
				device: device.clone(),
				owner: owner.clone(),
			});
		}
		Self::note_forfeit(device, forfeited);
	}

	/// Adds `other` into `into`; both were rolled to the same epoch, so their unvalued points
	/// are of that epoch. The later registration's hold-back clock is kept (the more cautious).
	fn merge(into: &mut DeviceLedgerOf<T>, other: DeviceLedgerOf<T>) {
		into.owed = into.owed.saturating_add(other.owed);
		into.held = into.held.saturating_add(other.held);
		into.registered_epoch = into.registered_epoch.max(other.registered_epoch);
		for (a, b) in into.unvalued.iter_mut().zip(other.unvalued) {
			if b.points > 0 {
				a.epoch = b.epoch;
				a.points = a.points.saturating_add(b.points);
				a.forfeit_points = a.forfeit_points.saturating_add(b.forfeit_points);
			}
		}
	}

	/// What `claim_rewards` would pay the owner of `device` now, what stays held back, and the
	/// points of the epoch in progress: the device's ledger and the owner's settled ledger of
	/// it (runtime API). Values the ledgers exactly as a claim would, in a storage transaction
	/// that is rolled back: nothing is written.
	pub fn pending_rewards(device: &T::AccountId) -> PendingRewards<BalanceOf<T>> {
		let preview = with_transaction(|| {
			let current = Epoch::<T>::get().index;
			let owner = T::Registry::owner(device);
			let ledgers = [
				DeviceLedgers::<T>::get(device),
				owner.and_then(|owner| SettledLedgers::<T>::get(device, owner)),
			];
			let mut pending = PendingRewards::<BalanceOf<T>>::default();
			for mut ledger in ledgers.into_iter().flatten() {
				Self::roll_device(&mut ledger, current);
				pending.claimable = pending.claimable.saturating_add(ledger.owed);
				pending.held_back = pending.held_back.saturating_add(ledger.held);
				pending.unvalued_points =
					pending.unvalued_points.saturating_add(ledger.unvalued_points());
			}
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(pending))
		});
		preview.unwrap_or_default()
	}
}

impl<T: Config> RewardSink<T::AccountId> for Pallet<T> {
	fn note_points(service: Service, device: &T::AccountId, points: Points) {
		Self::do_note_points(service, device, points)
	}
}

impl<T: Config> OnDeviceChange<T::AccountId> for Pallet<T> {
	fn on_device_suspended(device: &T::AccountId, _owner: &T::AccountId) {
		Self::forfeit_holdback(device)
	}

	fn on_owner_changed(device: &T::AccountId, from: &T::AccountId, _to: &T::AccountId) {
		Self::settle_device(device, from)
	}

	fn on_device_removed(device: &T::AccountId, owner: &T::AccountId) {
		Self::settle_device(device, owner)
	}
}
