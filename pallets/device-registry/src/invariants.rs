//! `try_state`: the registry's invariants, checked after every test and by try-runtime.

#![cfg(any(feature = "try-runtime", test))]

use crate::{pallet::*, BalanceOf, MakerStatus};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// - each device is in its owner's index, and the index holds only existing devices of that
	///   owner;
	/// - each owner's count equals its index entries, and no zero count is stored;
	/// - the deposit held from each owner equals the sum of its devices' deposits;
	/// - each device's maker exists (active or removed);
	/// - an active maker's held bond equals its record; a removed maker holds nothing.
	pub(crate) fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (device, record) in Devices::<T>::iter() {
			ensure!(
				DevicesByOwner::<T>::contains_key(&record.owner, &device),
				"device missing from its owner's index"
			);
			if let Some(maker) = &record.maker {
				ensure!(Makers::<T>::contains_key(maker), "device attested by an unknown maker");
			}
			let sum = deposits.entry(record.owner.clone()).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(record.deposit);
		}

		let mut counts: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (owner, device, ()) in DevicesByOwner::<T>::iter() {
			let record = Devices::<T>::get(&device).ok_or("index names a missing device")?;
			ensure!(record.owner == owner, "index names a device of another owner");
			*counts.entry(owner).or_default() += 1;
		}
		ensure!(
			OwnerDeviceCount::<T>::iter().count() == counts.len(),
			"an owner count without index entries"
		);
		for (owner, count) in &counts {
			ensure!(OwnerDeviceCount::<T>::get(owner) == *count, "owner count differs from index");
		}

		let reason = HoldReason::DeviceDeposit.into();
		for (owner, sum) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&reason, &owner) == sum,
				"held device deposits differ from the devices' deposits"
			);
		}

		let bond_reason = HoldReason::MakerBond.into();
		for (maker, record) in Makers::<T>::iter() {
			let held = T::Currency::balance_on_hold(&bond_reason, &maker);
			match record.status {
				MakerStatus::Active => ensure!(held == record.bond, "maker bond not held"),
				MakerStatus::Removed => {
					ensure!(record.bond.is_zero() && held.is_zero(), "removed maker holds a bond")
				}
			}
		}
		Ok(())
	}
}
