use crate::{mock::*, Devices, DevicesByOwner, Error, Event, HoldReason, OwnerDeviceCount};
use frame_support::{assert_noop, assert_ok};

#[test]
fn deposit_comes_back_only_after_the_delay() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		let free_before = free(&alice());
		System::set_block_number(5);
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert_eq!(
			registry_events().last(),
			Some(&Event::DeviceDeregistered {
				device: device.clone(),
				owner: alice(),
				withdrawable_at: 5 + DELAY
			})
		);
		// Still held, and the device stops working at once.
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), DEPOSIT);

		System::set_block_number(4 + DELAY);
		assert_noop!(
			Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device.clone()),
			Error::<Test>::DeregistrationDelayNotOver
		);
		System::set_block_number(5 + DELAY);
		assert_ok!(Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device.clone()));
		assert!(!Devices::<Test>::contains_key(&device));
		assert!(!DevicesByOwner::<Test>::contains_key(alice(), &device));
		assert!(!OwnerDeviceCount::<Test>::contains_key(alice()));
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), 0);
		assert_eq!(free(&alice()), free_before + DEPOSIT);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DepositWithdrawn { device, owner: alice(), amount: DEPOSIT })
		);
	});
}

#[test]
fn withdraw_requires_deregistration_and_ownership() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device.clone()),
			Error::<Test>::NotDeregistered
		);
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		System::set_block_number(1 + DELAY);
		assert_noop!(
			Registry::withdraw_deposit(RuntimeOrigin::signed(bob()), device.clone()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Registry::deregister_device(RuntimeOrigin::signed(alice()), device),
			Error::<Test>::DeviceDeregistered
		);
	});
}

#[test]
fn deregistering_does_not_escape_a_suspension() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		// Governance catches it during the delay, and slashes after the delay has passed.
		assert_ok!(Registry::suspend_device(
			RuntimeOrigin::root(),
			device.clone(),
			crate::SuspensionReason::FakeHardware
		));
		System::set_block_number(1 + DELAY);
		assert_noop!(
			Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device.clone()),
			Error::<Test>::DeviceSuspended
		);
		assert_ok!(Registry::slash_device(RuntimeOrigin::root(), device.clone(), DEPOSIT));
		assert_ok!(Registry::reinstate_device(RuntimeOrigin::root(), device.clone()));
		// What is left (nothing) comes back and the record goes.
		assert_ok!(Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device.clone()));
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), 0);
		assert!(!Devices::<Test>::contains_key(&device));
	});
}
