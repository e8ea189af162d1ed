//! A device's life after registration: moving, changing owner, leaving; and the owner index.

use crate::{pallet::*, DeviceOf, OfferEnd, TransferOffer};
use depin_primitives::{Cell, DeviceKind, OnDeviceChange};
use frame_support::{defensive, pallet_prelude::*, traits::fungible::MutateHold};
use sp_runtime::{traits::Zero, Saturating};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_assert_location(
		owner: T::AccountId,
		device: T::AccountId,
		location: u64,
	) -> DispatchResult {
		let mut record = Self::owned_device(&owner, &device)?;
		Self::ensure_in_service(&record)?;
		let location = Self::checked_location(location)?;
		ensure!(location != record.location, Error::<T>::LocationUnchanged);
		let now = frame_system::Pallet::<T>::block_number();
		let allowed_from = record.location_changed_at.saturating_add(T::LocationCooldown::get());
		ensure!(now >= allowed_from, Error::<T>::LocationCooldown);

		let fee = T::LocationFee::get();
		Self::ensure_can_pay(&owner, fee)?;
		Self::pay_treasury(&owner, fee)?;
		// A move within the resolution-8 hex leaves the count as it is (no writes).
		if Self::occupancy_hex(record.location) != Self::occupancy_hex(location) {
			Self::occupancy_remove(record.kind, record.location);
			Self::occupancy_add(record.kind, location);
		}
		record.location = location;
		record.location_changed_at = now;
		Devices::<T>::insert(&device, record);
		Self::deposit_event(Event::LocationAsserted { device, location: location.index(), fee });
		Ok(())
	}

	pub(crate) fn do_transfer(
		owner: T::AccountId,
		device: T::AccountId,
		new_owner: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::owned_device(&owner, &device)?;
		Self::ensure_in_service(&record)?;
		ensure!(new_owner != owner, Error::<T>::TransferToSelf);
		Self::end_offer(&device, &mut record, OfferEnd::Replaced);
		let now = frame_system::Pallet::<T>::block_number();
		let expires_at = now.saturating_add(T::TransferOfferExpiry::get());
		record.transfer_offer = Some(TransferOffer { to: new_owner.clone(), expires_at });
		Devices::<T>::insert(&device, record);
		Self::deposit_event(Event::TransferProposed {
			device,
			from: owner,
			to: new_owner,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_cancel_transfer(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut record = Self::owned_device(&owner, &device)?;
		ensure!(record.transfer_offer.is_some(), Error::<T>::NoTransferOffer);
		Self::end_offer(&device, &mut record, OfferEnd::Cancelled);
		Devices::<T>::insert(&device, record);
		Ok(())
	}

	pub(crate) fn do_accept_transfer(
		new_owner: T::AccountId,
		device: T::AccountId,
	) -> DispatchResult {
		let mut record = Devices::<T>::get(&device).ok_or(Error::<T>::UnknownDevice)?;
		let offer = record.transfer_offer.as_ref().ok_or(Error::<T>::NotPendingOwner)?;
		ensure!(offer.to == new_owner, Error::<T>::NotPendingOwner);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= offer.expires_at, Error::<T>::TransferOfferExpired);
		Self::ensure_in_service(&record)?;
		Self::ensure_room_for_device(&new_owner)?;

		// The deposit follows the device: held from the new owner, released to the old one.
		let old_owner = record.owner.clone();
		Self::ensure_can_pay(&new_owner, record.deposit)?;
		T::Currency::hold(&HoldReason::DeviceDeposit.into(), &new_owner, record.deposit)?;
		Self::release_held(HoldReason::DeviceDeposit, &old_owner, record.deposit)?;

		Self::index_remove(&old_owner, &device);
		Self::index_insert(&new_owner, &device);
		record.owner = new_owner.clone();
		record.transfer_offer = None;
		Devices::<T>::insert(&device, record);
		// What the device earned so far is the old owner's.
		T::OnChange::on_owner_changed(&device, &old_owner, &new_owner);
		Self::deposit_event(Event::DeviceTransferred { device, from: old_owner, to: new_owner });
		Ok(())
	}

	pub(crate) fn do_deregister(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut record = Self::owned_device(&owner, &device)?;
		ensure!(record.withdrawable_at.is_none(), Error::<T>::DeviceDeregistered);
		let now = frame_system::Pallet::<T>::block_number();
		let withdrawable_at = now.saturating_add(T::DeregistrationDelay::get());
		record.withdrawable_at = Some(withdrawable_at);
		Self::end_offer(&device, &mut record, OfferEnd::Deregistered);
		Self::occupancy_remove(record.kind, record.location);
		Devices::<T>::insert(&device, record);
		Self::deposit_event(Event::DeviceDeregistered { device, owner, withdrawable_at });
		Ok(())
	}

	pub(crate) fn do_withdraw(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let record = Self::owned_device(&owner, &device)?;
		let withdrawable_at = record.withdrawable_at.ok_or(Error::<T>::NotDeregistered)?;
		// A suspended device keeps its deposit where governance can slash it.
		ensure!(record.suspension.is_none(), Error::<T>::DeviceSuspended);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= withdrawable_at, Error::<T>::DeregistrationDelayNotOver);

		Self::release_held(HoldReason::DeviceDeposit, &owner, record.deposit)?;
		Self::remove_record(&device, &owner);
		Self::deposit_event(Event::DepositWithdrawn { device, owner, amount: record.deposit });
		Ok(())
	}

	pub(crate) fn do_top_up_deposit(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut record = Self::owned_device(&owner, &device)?;
		let amount = T::DeviceDeposit::get().saturating_sub(record.deposit);
		ensure!(!amount.is_zero(), Error::<T>::NothingToTopUp);
		Self::ensure_can_pay(&owner, amount)?;
		T::Currency::hold(&HoldReason::DeviceDeposit.into(), &owner, amount)?;
		record.deposit = record.deposit.saturating_add(amount);
		Devices::<T>::insert(&device, record);
		Self::deposit_event(Event::DepositToppedUp { device, owner, amount });
		Ok(())
	}

	/// Removes the record of `device` (its deposit already released or slashed) and tells the
	/// services, so that what it earned is settled to `owner`. The registration counter stays.
	/// Its account loses the sufficient reference it held while registered.
	pub(crate) fn remove_record(device: &T::AccountId, owner: &T::AccountId) {
		Devices::<T>::remove(device);
		Self::index_remove(owner, device);
		let _ = frame_system::Pallet::<T>::dec_sufficients(device);
		T::OnChange::on_device_removed(device, owner);
	}

	/// The resolution-8 hex of `location`, the key of [`Occupancy`].
	pub(crate) fn occupancy_hex(location: Cell) -> u64 {
		// A stored location is a valid resolution-12 cell, whose parent always exists.
		depin_primitives::occupancy_hex(location).unwrap_or_else(|| {
			defensive!("stored location without a resolution-8 parent");
			0
		})
	}

	/// Counts a device of `kind` at `location` in [`Occupancy`].
	pub(crate) fn occupancy_add(kind: DeviceKind, location: Cell) {
		Occupancy::<T>::mutate(kind, Self::occupancy_hex(location), |n| *n = n.saturating_add(1));
	}

	/// Stops counting a device of `kind` at `location`; no zero count stays.
	pub(crate) fn occupancy_remove(kind: DeviceKind, location: Cell) {
		Occupancy::<T>::mutate_exists(kind, Self::occupancy_hex(location), |n| {
			*n = n.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
		});
	}

	/// Ends the pending transfer offer of `record`, if any, with an event saying why.
	pub(crate) fn end_offer(device: &T::AccountId, record: &mut DeviceOf<T>, reason: OfferEnd) {
		if let Some(offer) = record.transfer_offer.take() {
			Self::deposit_event(Event::TransferCancelled {
				device: device.clone(),
				to: offer.to,
				reason,
			});
		}
	}

	/// The record of `device`, if `who` owns it.
	pub(crate) fn owned_device(
		who: &T::AccountId,
		device: &T::AccountId,
	) -> Result<DeviceOf<T>, DispatchError> {
		let record = Devices::<T>::get(device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(&record.owner == who, Error::<T>::NotOwner);
		Ok(record)
	}

	/// Fails unless the device is neither suspended nor deregistered.
	pub(crate) fn ensure_in_service(record: &DeviceOf<T>) -> DispatchResult {
		ensure!(record.suspension.is_none(), Error::<T>::DeviceSuspended);
		ensure!(record.withdrawable_at.is_none(), Error::<T>::DeviceDeregistered);
		Ok(())
	}

	/// Fails if `owner` already holds `MaxDevicesPerOwner` devices.
	pub(crate) fn ensure_room_for_device(owner: &T::AccountId) -> DispatchResult {
		let count = OwnerDeviceCount::<T>::get(owner);
		ensure!(count < T::MaxDevicesPerOwner::get(), Error::<T>::TooManyDevices);
		Ok(())
	}

	/// Adds `device` to `owner`'s index and count.
	pub(crate) fn index_insert(owner: &T::AccountId, device: &T::AccountId) {
		DevicesByOwner::<T>::insert(owner, device, ());
		OwnerDeviceCount::<T>::mutate(owner, |count| *count = count.saturating_add(1));
	}

	/// Removes `device` from `owner`'s index and count; no entry stays for an owner of none.
	pub(crate) fn index_remove(owner: &T::AccountId, device: &T::AccountId) {
		DevicesByOwner::<T>::remove(owner, device);
		OwnerDeviceCount::<T>::mutate_exists(owner, |count| {
			*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
		});
	}
}
