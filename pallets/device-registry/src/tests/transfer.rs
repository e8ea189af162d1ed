use crate::{mock::*, Devices, DevicesByOwner, Error, Event, HoldReason, OwnerDeviceCount};
use frame_support::{assert_noop, assert_ok};

#[test]
fn accepted_transfer_moves_device_index_and_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_eq!(
			registry_events().last(),
			Some(&Event::TransferProposed { device: device.clone(), from: alice(), to: bob() })
		);
		// Nothing moves until Bob accepts.
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), DEPOSIT);
		let (alice_free, bob_free) = (free(&alice()), free(&bob()));

		assert_ok!(Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device.clone()));
		let record = Devices::<Test>::get(&device).unwrap_or_else(|| panic!("gone"));
		assert_eq!(record.owner, bob());
		assert_eq!(record.pending_owner, None);
		assert!(DevicesByOwner::<Test>::contains_key(bob(), &device));
		assert!(!DevicesByOwner::<Test>::contains_key(alice(), &device));
		assert_eq!(OwnerDeviceCount::<Test>::get(bob()), 1);
		assert!(!OwnerDeviceCount::<Test>::contains_key(alice()));
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), 0);
		assert_eq!(held(HoldReason::DeviceDeposit, &bob()), DEPOSIT);
		assert_eq!(free(&alice()), alice_free + DEPOSIT);
		assert_eq!(free(&bob()), bob_free - DEPOSIT);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DeviceTransferred { device, from: alice(), to: bob() })
		);
	});
}

#[test]
fn transfer_to_self_or_by_non_owner_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::transfer_device(RuntimeOrigin::signed(alice()), device.clone(), alice()),
			Error::<Test>::TransferToSelf
		);
		assert_noop!(
			Registry::transfer_device(RuntimeOrigin::signed(bob()), device, bob()),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn only_the_offered_account_can_accept() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device.clone()),
			Error::<Test>::NotPendingOwner
		);
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(maker()), device),
			Error::<Test>::NotPendingOwner
		);
	});
}

#[test]
fn accepting_beyond_the_owner_limit_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		for i in 0..MAX_DEVICES {
			register(&bob(), &sr(&format!("bob-{i}")));
		}
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device),
			Error::<Test>::TooManyDevices
		);
	});
}

#[test]
fn deregistration_cancels_a_pending_transfer() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device),
			Error::<Test>::NotPendingOwner
		);
	});
}

#[test]
fn deregistered_device_cannot_be_offered() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert_noop!(
			Registry::transfer_device(RuntimeOrigin::signed(alice()), device, bob()),
			Error::<Test>::DeviceDeregistered
		);
	});
}
