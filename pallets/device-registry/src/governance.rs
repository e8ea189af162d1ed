//! Governance: the denylist (suspend, reinstate, slash devices) and the makers.

use crate::{pallet::*, BalanceOf, Maker, MakerNameOf, MakerStatus, Suspension, SuspensionReason};
use depin_primitives::OnDeviceSuspended;
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_suspend(device: T::AccountId, reason: SuspensionReason) -> DispatchResult {
		let mut record = Devices::<T>::get(&device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(record.suspension.is_none(), Error::<T>::DeviceSuspended);
		let since = frame_system::Pallet::<T>::block_number();
		record.suspension = Some(Suspension { reason, since });
		record.pending_owner = None;
		let owner = record.owner.clone();
		Devices::<T>::insert(&device, record);
		T::OnSuspension::on_device_suspended(&device, &owner);
		Self::deposit_event(Event::DeviceSuspended { device, reason });
		Ok(())
	}

	pub(crate) fn do_reinstate(device: T::AccountId) -> DispatchResult {
		let mut record = Devices::<T>::get(&device).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(record.suspension.is_some(), Error::<T>::NotSuspended);
		record.suspension = None;
		Devices::<T>::insert(&device, record);
		T::OnSuspension::on_device_reinstated(&device);
		Self::deposit_event(Event::DeviceReinstated { device });
		Ok(())
	}

	pub(crate) fn do_slash_device(device: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
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

	pub(crate) fn do_add_maker(maker: T::AccountId, name: MakerNameOf<T>) -> DispatchResult {
		if let Some(existing) = Makers::<T>::get(&maker) {
			ensure!(existing.status != MakerStatus::Active, Error::<T>::MakerAlreadyActive);
		}
		let bond = T::MakerBond::get();
		Self::ensure_can_pay(&maker, bond)?;
		T::Currency::hold(&HoldReason::MakerBond.into(), &maker, bond)?;
		Makers::<T>::insert(
			&maker,
			Maker { name: name.clone(), bond, status: MakerStatus::Active },
		);
		Self::deposit_event(Event::MakerAdded { maker, name, bond });
		Ok(())
	}

	pub(crate) fn do_remove_maker(maker: T::AccountId) -> DispatchResult {
		let mut record = Makers::<T>::get(&maker).ok_or(Error::<T>::UnknownMaker)?;
		ensure!(record.status == MakerStatus::Active, Error::<T>::MakerNotActive);
		let released = record.bond;
		Self::release_held(HoldReason::MakerBond, &maker, released)?;
		record.bond = Default::default();
		record.status = MakerStatus::Removed;
		Makers::<T>::insert(&maker, record);
		Self::deposit_event(Event::MakerRemoved { maker, released });
		Ok(())
	}

	pub(crate) fn do_slash_maker(maker: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		let mut record = Makers::<T>::get(&maker).ok_or(Error::<T>::UnknownMaker)?;
		ensure!(amount <= record.bond, Error::<T>::SlashTooLarge);
		Self::slash_to_treasury(HoldReason::MakerBond, &maker, amount)?;
		record.bond = record.bond.saturating_sub(amount);
		Makers::<T>::insert(&maker, record);
		Self::deposit_event(Event::MakerSlashed { maker, amount });
		Ok(())
	}
}
