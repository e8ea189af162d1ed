//! In-memory implementations of the traits, for pallet mocks (std only). State is per thread,
//! like `sp_io::TestExternalities` tests; call [`reset`] at the start of each test.

use crate::{
	DeviceInfo, DeviceRegistry, DeviceState, EpochClock, EpochIndex, OnDeviceSuspended, Points,
	RewardSink, Service,
};
use codec::{Decode, Encode};
use std::{cell::RefCell, collections::BTreeMap};

thread_local! {
	static DEVICES: RefCell<BTreeMap<Vec<u8>, Vec<u8>>> = const { RefCell::new(BTreeMap::new()) };
	static POINTS: RefCell<Vec<(Service, Vec<u8>, Points)>> = const { RefCell::new(Vec::new()) };
	static SUSPENSIONS: RefCell<Vec<(Vec<u8>, bool)>> = const { RefCell::new(Vec::new()) };
	static EPOCH: RefCell<EpochIndex> = const { RefCell::new(0) };
}

/// Clears every mock's state.
pub fn reset() {
	DEVICES.with(|d| d.borrow_mut().clear());
	POINTS.with(|p| p.borrow_mut().clear());
	SUSPENSIONS.with(|s| s.borrow_mut().clear());
	EPOCH.with(|e| *e.borrow_mut() = 0);
}

/// A registry whose devices a test puts in place with [`MockRegistry::insert`].
pub struct MockRegistry;

impl MockRegistry {
	/// Adds or replaces device `id`.
	pub fn insert<A: Encode>(id: &A, info: DeviceInfo<A>) {
		DEVICES.with(|d| d.borrow_mut().insert(id.encode(), info.encode()));
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

/// A suspension hook that records what it is told: `(device, suspended)`.
pub struct RecordingSuspensions;

impl RecordingSuspensions {
	/// Every notification so far, devices decoded as `A`; `true` for a suspension.
	pub fn seen<A: Decode>() -> Vec<(A, bool)> {
		SUSPENSIONS.with(|s| {
			s.borrow()
				.iter()
				.filter_map(|(d, suspended)| A::decode(&mut &d[..]).ok().map(|d| (d, *suspended)))
				.collect()
		})
	}
}

impl<A: Encode> OnDeviceSuspended<A> for RecordingSuspensions {
	fn on_device_suspended(device: &A, _owner: &A) {
		SUSPENSIONS.with(|s| s.borrow_mut().push((device.encode(), true)));
	}
	fn on_device_reinstated(device: &A) {
		SUSPENSIONS.with(|s| s.borrow_mut().push((device.encode(), false)));
	}
}
