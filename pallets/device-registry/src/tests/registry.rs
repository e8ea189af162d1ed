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

		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		let info = <Registry as DeviceRegistry<_>>::device(&device);
		assert_eq!(info.map(|d| d.state), Some(DeviceState::Suspended));
		assert!(!<Registry as DeviceRegistry<_>>::is_active(&device, DeviceKind::Hotspot));
		assert_ok!(Registry::reinstate_device(deny(), device.clone()));
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

#[test]
fn try_state_finds_a_hold_without_a_device() {
	ExtBuilder::default().build().execute_with(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_eq!(Registry::do_try_state(), Ok(()));
		// Corrupt: the record goes, its deposit stays held.
		crate::Devices::<Test>::remove(&device);
		crate::DevicesByOwner::<Test>::remove(alice(), &device);
		crate::OwnerDeviceCount::<Test>::remove(alice());
		assert!(Registry::do_try_state().is_err());
	});
}

#[test]
fn try_state_finds_an_offer_on_a_suspended_device_and_a_bad_location() {
	ExtBuilder::default().build().execute_with(|| {
		let device = register(&alice(), &sr("device-1"));
		crate::Devices::<Test>::mutate(&device, |d| {
			if let Some(d) = d {
				d.suspension =
					Some(crate::Suspension { reason: crate::SuspensionReason::Other, since: 1 });
				d.transfer_offer = Some(crate::TransferOffer { to: bob(), expires_at: 10 });
			}
		});
		assert!(Registry::do_try_state().is_err());
		crate::Devices::<Test>::mutate(&device, |d| {
			if let Some(d) = d {
				d.suspension = None;
				d.transfer_offer = None;
				d.location = depin_primitives::Cell::new(BERLIN_RES11).unwrap_or(d.location);
			}
		});
		assert!(Registry::do_try_state().is_err());
	});
}
