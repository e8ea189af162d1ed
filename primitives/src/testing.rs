//! In-memory implementations of the traits, for pallet mocks (std only). State is per thread,
//! like `sp_io::TestExternalities` tests; call [`reset`] at the start of each test.

use crate::{
	DeviceInfo, DeviceKind, DeviceRegistry, DeviceState, EpochClock, EpochIndex, OnDeviceChange,
	Points, RewardSink, Service,
};
use codec::{Decode, Encode};
use std::{cell::RefCell, collections::BTreeMap};

thread_local! {
	static DEVICES: RefCell<BTreeMap<Vec<u8>, Vec<u8>>> = const { RefCell::new(BTreeMap::new()) };
	static POINTS: RefCell<Vec<(Service, Vec<u8>, Points)>> = const { RefCell::new(Vec::new()) };
	static CHANGES: RefCell<Vec<DeviceChange<Vec<u8>>>> = const { RefCell::new(Vec::new()) };
	static EPOCH: RefCell<EpochIndex> = const { RefCell::new(0) };
}

/// Clears every mock's state.
pub fn reset() {
	DEVICES.with(|d| d.borrow_mut().clear());
	POINTS.with(|p| p.borrow_mut().clear());
	CHANGES.with(|s| s.borrow_mut().clear());
	EPOCH.with(|e| *e.borrow_mut() = 0);
}

/// A registry whose devices a test puts in place with [`MockRegistry::insert`].
pub struct MockRegistry;

impl MockRegistry {
	/// Adds or replaces device `id`.
	pub fn insert<A: Encode>(id: &A, info: DeviceInfo<A>) {
		DEVICES.with(|d| d.borrow_mut().insert(id.encode(), info.encode()));
	}

	/// Removes device `id`.
	pub fn remove<A: Encode>(id: &A) {
		DEVICES.with(|d| d.borrow_mut().remove(&id.encode()));
	}

	/// Changes the state of device `id`, if present.
	pub fn set_state<A: Encode + Decode>(id: &A, state: DeviceState) {
		if let Some(mut info) = <Self as DeviceRegistry<A>>::device(id) {
			info.state = state;
			Self::insert(id, info);
		}
	}
}

impl<A: Encode + Decode> DeviceRegistry<A> for MockRegistry {
	fn device(id: &A) -> Option<DeviceInfo<A>> {
		DEVICES.with(|d| {
			d.borrow().get(&id.encode()).and_then(|raw| DeviceInfo::decode(&mut &raw[..]).ok())
		})
	}

	fn age_in_epochs(id: &A) -> Option<EpochIndex> {
		Self::device(id).map(|d| MockClock::current_epoch().saturating_sub(d.registered_epoch))
	}

	/// Counts the devices in place, as the registry would (O(devices): a mock).
	fn occupancy(kind: DeviceKind, hex: u64) -> u32 {
		DEVICES.with(|d| {
			d.borrow()
				.values()
				.filter_map(|raw| DeviceInfo::<A>::decode(&mut &raw[..]).ok())
				.filter(|info| info.kind == kind && info.state != DeviceState::Deregistered)
				.filter(|info| crate::occupancy_hex(info.location) == Some(hex))
				.count() as u32
		})
	}
}

/// A reward sink that records every call.
pub struct RecordingRewardSink;

impl RecordingRewardSink {
	/// Every `(service, device, points)` noted so far, devices decoded as `A`.
	pub fn noted<A: Decode>() -> Vec<(Service, A, Points)> {
		POINTS.with(|p| {
			p.borrow()
				.iter()
				.filter_map(|(s, d, n)| A::decode(&mut &d[..]).ok().map(|d| (*s, d, *n)))
				.collect()
		})
	}
}

impl<A: Encode> RewardSink<A> for RecordingRewardSink {
	fn note_points(service: Service, device: &A, points: Points) {
		POINTS.with(|p| p.borrow_mut().push((service, device.encode(), points)));
	}
}

/// An epoch clock a test sets.
pub struct MockClock;

impl MockClock {
	/// Sets the current epoch.
	pub fn set(epoch: EpochIndex) {
		EPOCH.with(|e| *e.borrow_mut() = epoch);
	}
}

impl EpochClock for MockClock {
	fn current_epoch() -> EpochIndex {
		EPOCH.with(|e| *e.borrow())
	}
}

/// A change a [`RecordingChanges`] hook was told of.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum DeviceChange<A> {
	/// `on_device_suspended(device, owner)`.
	Suspended(A, A),
	/// `on_device_reinstated(device)`.
	Reinstated(A),
	/// `on_owner_changed(device, from, to)`.
	OwnerChanged(A, A, A),
	/// `on_device_removed(device, owner)`.
	Removed(A, A),
}

impl DeviceChange<Vec<u8>> {
	fn decode_as<A: Decode>(&self) -> Option<DeviceChange<A>> {
		let d = |raw: &Vec<u8>| A::decode(&mut &raw[..]).ok();
		Some(match self {
			DeviceChange::Suspended(a, b) => DeviceChange::Suspended(d(a)?, d(b)?),
			DeviceChange::Reinstated(a) => DeviceChange::Reinstated(d(a)?),
			DeviceChange::OwnerChanged(a, b, c) => DeviceChange::OwnerChanged(d(a)?, d(b)?, d(c)?),
			DeviceChange::Removed(a, b) => DeviceChange::Removed(d(a)?, d(b)?),
		})
	}
}

/// A device-change hook that records what it is told.
pub struct RecordingChanges;

impl RecordingChanges {
	/// Every notification so far, accounts decoded as `A`.
	pub fn seen<A: Decode>() -> Vec<DeviceChange<A>> {
		CHANGES.with(|s| s.borrow().iter().filter_map(|c| c.decode_as()).collect())
	}

	fn push(change: DeviceChange<Vec<u8>>) {
		CHANGES.with(|s| s.borrow_mut().push(change));
	}
}

impl<A: Encode> OnDeviceChange<A> for RecordingChanges {
	fn on_device_suspended(device: &A, owner: &A) {
		Self::push(DeviceChange::Suspended(device.encode(), owner.encode()));
	}
	fn on_device_reinstated(device: &A) {
		Self::push(DeviceChange::Reinstated(device.encode()));
	}
	fn on_owner_changed(device: &A, from: &A, to: &A) {
		Self::push(DeviceChange::OwnerChanged(device.encode(), from.encode(), to.encode()));
	}
	fn on_device_removed(device: &A, owner: &A) {
		Self::push(DeviceChange::Removed(device.encode(), owner.encode()));
	}
}
