//! The registry as other pallets see it.

use crate::pallet::*;
use depin_primitives::{DeviceInfo, DeviceKind, DeviceRegistry, EpochClock, EpochIndex};

impl<T: Config> DeviceRegistry<T::AccountId> for Pallet<T> {
	fn device(id: &T::AccountId) -> Option<DeviceInfo<T::AccountId>> {
		Devices::<T>::get(id).map(|d| DeviceInfo {
			state: d.state(),
			owner: d.owner,
			kind: d.kind,
			location: d.location,
			registered_epoch: d.registered_epoch,
		})
	}

	fn age_in_epochs(id: &T::AccountId) -> Option<EpochIndex> {
		Devices::<T>::get(id)
			.map(|d| T::EpochClock::current_epoch().saturating_sub(d.registered_epoch))
	}

	fn occupancy(kind: DeviceKind, hex: u64) -> u32 {
		Occupancy::<T>::get(kind, hex)
	}
}
