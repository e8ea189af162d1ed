//! Governance: the denylist (suspend, reinstate, slash, purge devices) and the makers (apply,
//! approve, top up, remove, slash).

use crate::{
	pallet::*, BalanceOf, Maker, MakerNameOf, MakerStatus, OfferEnd, Suspension, SuspensionReason,
};
use depin_primitives::OnDeviceChange;
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use sp_runtime::{traits::Zero, Saturating};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_suspend(device: T::AccountId, reason: SuspensionReason) -> DispatchResult {
		let mut record = Devices::<T>::get(&device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(record.suspension.is_none(), Error::<T>::DeviceSuspended);
		let since = frame_system::Pallet::<T>::block_number();
		record.suspension = Some(Suspension { reason, since });
		Self::end_offer(&device, &mut record, OfferEnd::Suspended);
		let owner = record.owner.clone();
		Devices::<T>::insert(&device, record);
		T::OnChange::on_device_suspended(&device, &owner);
		Self::deposit_event(Event::DeviceSuspended { device, reason });
		Ok(())
	}

	pub(crate) fn do_reinstate(device: T::AccountId) -> DispatchResult {
		let mut record = Devices::<T>::get(&device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(record.suspension.is_some(), Error::<T>::NotSuspended);
		// A slashed device works again only with its whole deposit at stake.
		ensure!(record.deposit >= T::DeviceDeposit::get(), Error::<T>::DepositTooLow);
		record.suspension = None;
		Devices::<T>::insert(&device, record);
		T::OnChange::on_device_reinstated(&device);
		Self::deposit_event(Event::DeviceReinstated { device });
		Ok(())
	}

	pub(crate) fn do_slash_device(device: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroSlash);
		let mut record = Devices::<T>::get(&device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(record.suspension.is_some(), Error::<T>::NotSuspended);
		ensure!(amount <= record.deposit, Error::<T>::SlashTooLarge);
		Self::slash_to_treasury(HoldReason::DeviceDeposit, &record.owner, amount)?;
		record.deposit = record.deposit.saturating_sub(amount);
		let owner = record.owner.clone();
		Devices::<T>::insert(&device, record);
		Self::deposit_event(Event::DeviceSlashed { device, owner, amount });
		Ok(())
	}

	pub(crate) fn do_purge(device: T::AccountId, slash: bool) -> DispatchResult {
		let record = Devices::<T>::get(&device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(record.suspension.is_some(), Error::<T>::NotSuspended);
		if record.withdrawable_at.is_none() {
			Self::occupancy_remove(record.kind, record.location);
		}
		let owner = record.owner;
		let (slashed, released) = if slash {
			Self::slash_to_treasury(HoldReason::DeviceDeposit, &owner, record.deposit)?;
			(record.deposit, Zero::zero())
		} else {
			Self::release_held(HoldReason::DeviceDeposit, &owner, record.deposit)?;
			(Zero::zero(), record.deposit)
		};
		Self::remove_record(&device, &owner);
		Self::deposit_event(Event::DevicePurged { device, owner, slashed, released });
		Ok(())
	}

	pub(crate) fn do_apply_maker(maker: T::AccountId, name: MakerNameOf<T>) -> DispatchResult {
		Self::ensure_strong_key(&maker)?;
		if let Some(existing) = Makers::<T>::get(&maker) {
			match existing.status {
				MakerStatus::Active => return Err(Error::<T>::MakerAlreadyActive.into()),
				MakerStatus::Applied => return Err(Error::<T>::MakerApplicationPending.into()),
				MakerStatus::Removed => {}
			}
		}
		let bond = T::MakerBond::get();
		Self::ensure_can_pay(&maker, bond)?;
		T::Currency::hold(&HoldReason::MakerBond.into(), &maker, bond)?;
		Makers::<T>::insert(
			&maker,
			Maker { name: name.clone(), bond, status: MakerStatus::Applied },
		);
		Self::deposit_event(Event::MakerApplied { maker, name, bond });
		Ok(())
	}

	pub(crate) fn do_withdraw_maker_application(maker: T::AccountId) -> DispatchResult {
		let record = Makers::<T>::get(&maker).ok_or(Error::<T>::NoMakerApplication)?;
		ensure!(record.status == MakerStatus::Applied, Error::<T>::NoMakerApplication);
		Self::release_held(HoldReason::MakerBond, &maker, record.bond)?;
		Makers::<T>::remove(&maker);
		Self::deposit_event(Event::MakerApplicationWithdrawn { maker, released: record.bond });
		Ok(())
	}

	pub(crate) fn do_approve_maker(maker: T::AccountId) -> DispatchResult {
		let mut record = Makers::<T>::get(&maker).ok_or(Error::<T>::NoMakerApplication)?;
		match record.status {
			MakerStatus::Applied => {}
			MakerStatus::Active => return Err(Error::<T>::MakerAlreadyActive.into()),
			MakerStatus::Removed => return Err(Error::<T>::NoMakerApplication.into()),
		}
		record.status = MakerStatus::Active;
		Makers::<T>::insert(&maker, record);
		Self::deposit_event(Event::MakerApproved { maker });
		Ok(())
	}

	pub(crate) fn do_top_up_maker_bond(maker: T::AccountId) -> DispatchResult {
		let mut record = Makers::<T>::get(&maker).ok_or(Error::<T>::UnknownMaker)?;
		ensure!(record.status != MakerStatus::Removed, Error::<T>::MakerNotActive);
		let amount = T::MakerBond::get().saturating_sub(record.bond);
		ensure!(!amount.is_zero(), Error::<T>::NothingToTopUp);
		Self::ensure_can_pay(&maker, amount)?;
		T::Currency::hold(&HoldReason::MakerBond.into(), &maker, amount)?;
		record.bond = record.bond.saturating_add(amount);
		Makers::<T>::insert(&maker, record);
		Self::deposit_event(Event::MakerBondToppedUp { maker, amount });
		Ok(())
	}

	pub(crate) fn do_remove_maker(maker: T::AccountId) -> DispatchResult {
		let mut record = Makers::<T>::get(&maker).ok_or(Error::<T>::UnknownMaker)?;
		ensure!(record.status != MakerStatus::Removed, Error::<T>::MakerNotActive);
		let released = record.bond;
		Self::release_held(HoldReason::MakerBond, &maker, released)?;
		record.bond = Default::default();
		record.status = MakerStatus::Removed;
		Makers::<T>::insert(&maker, record);
		Self::deposit_event(Event::MakerRemoved { maker, released });
		Ok(())
	}

	pub(crate) fn do_slash_maker(maker: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroSlash);
		let mut record = Makers::<T>::get(&maker).ok_or(Error::<T>::UnknownMaker)?;
		ensure!(amount <= record.bond, Error::<T>::SlashTooLarge);
		Self::slash_to_treasury(HoldReason::MakerBond, &maker, amount)?;
		record.bond = record.bond.saturating_sub(amount);
		Makers::<T>::insert(&maker, record);
		Self::deposit_event(Event::MakerSlashed { maker, amount });
		Ok(())
	}
}
