use crate::{mock::*, DeviceOf, SuspensionReason};
use codec::MaxEncodedLen;
use depin_primitives::{testing::MockClock, DeviceKind, DeviceRegistry, DeviceState};
use frame_support::assert_ok;

#[test]
fn other_pallets_see_state_owner_location_and_age() {
	ExtBuilder::default().build_and_execute(|| {
		MockClock::set(3);
		let device = register(&alice(), &sr("device-1"));
		assert!(<Registry as DeviceRegistry<_>>::is_active(&device, DeviceKind::Hotspot));
		assert!(!<Registry as DeviceRegistry<_>>::is_active(&device, DeviceKind::Sensor));
		assert_eq!(<Registry as DeviceRegistry<_>>::owner(&device), Some(alice()));
		assert_eq!(
			<Registry as DeviceRegistry<_>>::location(&device).map(|c| c.index()),
			Some(BERLIN)
		);
		MockClock::set(8);
		assert_eq!(<Registry as DeviceRegistry<_>>::age_in_epochs(&device), Some(5));

		assert_ok!(Registry::suspend_device(
			RuntimeOrigin::root(),
			device.clone(),
			SuspensionReason::Other
		));
		let info = <Registry as DeviceRegistry<_>>::device(&device);
		assert_eq!(info.map(|d| d.state), Some(DeviceState::Suspended));
		assert!(!<Registry as DeviceRegistry<_>>::is_active(&device, DeviceKind::Hotspot));
		assert_ok!(Registry::reinstate_device(RuntimeOrigin::root(), device.clone()));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		let info = <Registry as DeviceRegistry<_>>::device(&device);
		assert_eq!(info.map(|d| d.state), Some(DeviceState::Deregistered));

		let nobody = account(&sr("nobody"));
		assert_eq!(<Registry as DeviceRegistry<_>>::device(&nobody), None);
		assert_eq!(<Registry as DeviceRegistry<_>>::age_in_epochs(&nobody), None);
	});
}

#[test]
fn device_record_fits_in_512_bytes() {
	let size = DeviceOf::<Test>::max_encoded_len();
	assert!(size <= 512, "a device record may take {size} bytes");
}
