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

/// The res-8 hex of a res-12 location.
fn hex(location: u64) -> u64 {
	depin_primitives::geo::parent(location, depin_primitives::OCCUPANCY_RESOLUTION).unwrap()
}

fn occupancy(kind: DeviceKind, location: u64) -> u32 {
	<Registry as DeviceRegistry<_>>::occupancy(kind, hex(location))
}

#[test]
fn occupancy_follows_registration_moves_deregistration_and_purge() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(occupancy(DeviceKind::Hotspot, BERLIN), 0);
		let a = register(&alice(), &sr("device-1"));
		let b = register(&alice(), &sr("device-2"));
		assert_eq!(occupancy(DeviceKind::Hotspot, BERLIN), 2);
		// Kinds are counted apart.
		assert_eq!(occupancy(DeviceKind::Sensor, BERLIN), 0);

		// A move takes the device from one hex to the other.
		frame_system::Pallet::<Test>::set_block_number(1 + COOLDOWN);
		assert_ok!(Registry::assert_location(
			RuntimeOrigin::signed(alice()),
			a.clone(),
			SAN_FRANCISCO
		));
		assert_eq!(occupancy(DeviceKind::Hotspot, BERLIN), 1);
		assert_eq!(occupancy(DeviceKind::Hotspot, SAN_FRANCISCO), 1);

		// A move within a hex changes nothing (17 m from Berlin, same resolution-8 hex).
		frame_system::Pallet::<Test>::set_block_number(1 + 2 * COOLDOWN);
		let near_berlin = 0x08c1f1d4894433ff;
		assert_eq!(hex(near_berlin), hex(BERLIN));
		assert_ok!(Registry::assert_location(
			RuntimeOrigin::signed(alice()),
			b.clone(),
			near_berlin
		));
		assert_eq!(occupancy(DeviceKind::Hotspot, BERLIN), 1);

		// A suspended device still occupies its hex; deregistration leaves it.
		assert_ok!(Registry::suspend_device(deny(), b.clone(), SuspensionReason::Other));
		assert_eq!(occupancy(DeviceKind::Hotspot, BERLIN), 1);
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), a.clone()));
		assert_eq!(occupancy(DeviceKind::Hotspot, SAN_FRANCISCO), 0);
		// No zero count is stored.
		assert!(!crate::Occupancy::<Test>::contains_key(DeviceKind::Hotspot, hex(SAN_FRANCISCO)));

		// Purging a device that was not deregistered frees its place.
		assert_ok!(Registry::purge_device(deny(), b.clone(), false));
		assert_eq!(occupancy(DeviceKind::Hotspot, BERLIN), 0);
		assert_eq!(crate::Occupancy::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_device_account_holds_a_sufficient_reference_while_registered() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		let device = account(&key);
		// A fresh device key has no account: it could not sign a transaction.
		assert_eq!(frame_system::Pallet::<Test>::sufficients(&device), 0);
		assert!(!frame_system::Account::<Test>::contains_key(&device));
		register(&alice(), &key);
		assert_eq!(frame_system::Pallet::<Test>::sufficients(&device), 1);
		assert_eq!(free(&device), 0);
		assert!(frame_system::Account::<Test>::contains_key(&device));

		// Leaving: the reference stays through the deregistration delay, goes at withdrawal.
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert_eq!(frame_system::Pallet::<Test>::sufficients(&device), 1);
		frame_system::Pallet::<Test>::set_block_number(1 + DELAY);
		assert_ok!(Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device.clone()));
		assert_eq!(frame_system::Pallet::<Test>::sufficients(&device), 0);
		assert!(!frame_system::Account::<Test>::contains_key(&device));

		// A purge removes it too.
		let other = register(&alice(), &sr("device-2"));
		assert_ok!(Registry::suspend_device(deny(), other.clone(), SuspensionReason::Other));
		assert_ok!(Registry::purge_device(deny(), other.clone(), true));
		assert_eq!(frame_system::Pallet::<Test>::sufficients(&other), 0);
	});
}

#[test]
fn active_device_names_why_a_device_may_not_work() {
	use depin_primitives::DeviceRefusal;
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		let check = |kind| <Registry as DeviceRegistry<_>>::active_device(&device, kind);
		assert_eq!(check(DeviceKind::Hotspot).map(|d| d.owner), Ok(alice()));
		assert_eq!(check(DeviceKind::Sensor).map(|d| d.owner), Err(DeviceRefusal::WrongKind));
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		assert_eq!(check(DeviceKind::Hotspot).map(|d| d.owner), Err(DeviceRefusal::Suspended));
		assert_ok!(Registry::reinstate_device(deny(), device.clone()));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert_eq!(check(DeviceKind::Hotspot).map(|d| d.owner), Err(DeviceRefusal::Deregistered));
		let nobody = account(&sr("nobody"));
		assert_eq!(
			<Registry as DeviceRegistry<_>>::active_device(&nobody, DeviceKind::Hotspot)
				.map(|d| d.owner),
			Err(DeviceRefusal::NotRegistered)
		);
	});
}

#[test]
fn try_state_finds_a_wrong_occupancy_and_a_missing_sufficient() {
	ExtBuilder::default().build().execute_with(|| {
		let device = register(&alice(), &sr("device-1"));
		crate::Occupancy::<Test>::insert(DeviceKind::Hotspot, hex(BERLIN), 2);
		assert!(Registry::do_try_state().is_err());
		crate::Occupancy::<Test>::insert(DeviceKind::Hotspot, hex(BERLIN), 1);
		assert_eq!(Registry::do_try_state(), Ok(()));
		let _ = frame_system::Pallet::<Test>::dec_sufficients(&device);
		assert!(Registry::do_try_state().is_err());
	});
}
