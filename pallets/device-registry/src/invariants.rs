//! `try_state`: the registry's invariants, checked after every test, by try-runtime and by the runtime fuzzer (fuzz/).

use crate::{pallet::*, registration::LOCATION_RESOLUTION, BalanceOf, MakerStatus};
use alloc::collections::btree_map::BTreeMap;
use depin_primitives::{Cell, DeviceKind};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// - each device is in its owner's index, and the index holds only existing devices of that
	///   owner;
	/// - each owner's count equals its index entries, is at most `MaxDevicesPerOwner`, and no
	///   zero count is stored;
	/// - each stored location is a valid H3 cell at resolution 12;
	/// - no transfer offer is pending on a suspended or deregistered device;
	/// - each device has been counted in `Registrations`;
	/// - each device's maker exists (applied, active or removed);
	/// - for every account, the `DeviceDeposit` hold equals the sum of its devices' deposits and
	///   the `MakerBond` hold equals its maker record's bond (zero for a removed maker): no hold
	///   without a live device or maker behind it;
	/// - a removed maker's record holds no bond;
	/// - `Occupancy` counts exactly the devices not deregistered, by kind and resolution-8 hex,
	///   and stores no zero;
	/// - every device's account holds a sufficient reference (it can sign without funds).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut occupancy: BTreeMap<(DeviceKind, u64), u32> = BTreeMap::new();
		for (device, record) in Devices::<T>::iter() {
			ensure!(
				frame_system::Pallet::<T>::sufficients(&device) > 0,
				"device account without a sufficient reference"
			);
			if record.withdrawable_at.is_none() {
				*occupancy
					.entry((record.kind, Self::occupancy_hex(record.location)))
					.or_default() += 1;
			}
			ensure!(
				DevicesByOwner::<T>::contains_key(&record.owner, &device),
				"device missing from its owner's index"
			);
			let cell = Cell::new(record.location.index()).map_err(|_| "invalid stored location")?;
			ensure!(
				cell.resolution() == LOCATION_RESOLUTION,
				"stored location not at resolution 12"
			);
			ensure!(
				record.transfer_offer.is_none()
					|| (record.suspension.is_none() && record.withdrawable_at.is_none()),
				"transfer offer pending on a suspended or deregistered device"
			);
			ensure!(Registrations::<T>::get(&device) > 0, "device not counted in Registrations");
			if let Some(maker) = &record.maker {
				ensure!(Makers::<T>::contains_key(maker), "device attested by an unknown maker");
			}
			let sum = deposits.entry(record.owner.clone()).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(record.deposit);
		}

		for (kind, hex, count) in Occupancy::<T>::iter() {
			ensure!(
				occupancy.remove(&(kind, hex)) == Some(count),
				"occupancy differs from the devices in the hex"
			);
		}
		ensure!(occupancy.is_empty(), "devices missing from the occupancy count");

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
			ensure!(*count <= T::MaxDevicesPerOwner::get(), "owner holds too many devices");
		}

		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (maker, record) in Makers::<T>::iter() {
			if record.status == MakerStatus::Removed {
				ensure!(record.bond.is_zero(), "removed maker keeps a bond");
			}
			bonds.insert(maker, record.bond);
		}

		// Every account with a balance, so that a hold nobody accounts for is found too.
		let deposit_reason = HoldReason::DeviceDeposit.into();
		let bond_reason = HoldReason::MakerBond.into();
		for who in frame_system::Account::<T>::iter_keys() {
			let deposit = deposits.remove(&who).unwrap_or_else(Zero::zero);
			ensure!(
				T::Currency::balance_on_hold(&deposit_reason, &who) == deposit,
				"held device deposits differ from the devices' deposits"
			);
			let bond = bonds.remove(&who).unwrap_or_else(Zero::zero);
			ensure!(
				T::Currency::balance_on_hold(&bond_reason, &who) == bond,
				"held maker bond differs from the maker's record"
			);
		}
		ensure!(
			deposits.values().all(|d| d.is_zero()) && bonds.values().all(|b| b.is_zero()),
			"a deposit or bond recorded for an account that does not exist"
		);
		Ok(())
	}
}
