use crate::{
	mock::*, Devices, DevicesByOwner, Error, Event, HoldReason, OwnerDeviceCount, SuspensionReason,
};
use depin_primitives::testing::{DeviceChange, RecordingChanges};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

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
			Some(&Event::DepositWithdrawn {
				device: device.clone(),
				owner: alice(),
				amount: DEPOSIT
			})
		);
		// Services learn of the removal (rewards stay claimable by Alice).
		assert_eq!(
			RecordingChanges::seen::<AccountId>(),
			vec![DeviceChange::Removed(device, alice())]
		);
	});
}

#[test]
fn a_later_change_of_the_delay_moves_no_pending_exit() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert_eq!(Devices::<Test>::get(&device).and_then(|d| d.withdrawable_at), Some(1 + DELAY));
		// A runtime upgrade doubles the delay: the exit announced stays where it was.
		DeregistrationDelay::set(2 * DELAY);
		System::set_block_number(1 + DELAY);
		assert_ok!(Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device));
		DeregistrationDelay::set(DELAY);
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
			deny(),
			device.clone(),
			SuspensionReason::FakeHardware
		));
		System::set_block_number(1 + DELAY);
		assert_noop!(
			Registry::withdraw_deposit(RuntimeOrigin::signed(alice()), device.clone()),
			Error::<Test>::DeviceSuspended
		);
		assert_ok!(Registry::slash_device(deny(), device.clone(), DEPOSIT));
		// Nothing at stake any more: it is not reinstated, it is purged.
		assert_noop!(
			Registry::reinstate_device(deny(), device.clone()),
			Error::<Test>::DepositTooLow
		);
		assert_ok!(Registry::purge_device(deny(), device.clone(), false));
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), 0);
		assert!(!Devices::<Test>::contains_key(&device));
	});
}

#[test]
fn a_suspended_device_is_purged_with_its_deposit_slashed() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::purge_device(deny(), device.clone(), true),
			Error::<Test>::NotSuspended
		);
		assert_ok!(Registry::suspend_device(
			deny(),
			device.clone(),
			SuspensionReason::FakeHardware
		));
		let (alice_free, treasury_before) = (free(&alice()), free(&treasury()));
		assert_ok!(Registry::purge_device(deny(), device.clone(), true));
		assert!(!Devices::<Test>::contains_key(&device));
		assert!(!OwnerDeviceCount::<Test>::contains_key(alice()));
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), 0);
		assert_eq!(free(&alice()), alice_free);
		assert_eq!(free(&treasury()), treasury_before + DEPOSIT);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DevicePurged {
				device: device.clone(),
				owner: alice(),
				slashed: DEPOSIT,
				released: 0
			})
		);
		assert_eq!(
			RecordingChanges::seen::<AccountId>().last(),
			Some(&DeviceChange::Removed(device.clone(), alice()))
		);
		assert_noop!(Registry::purge_device(deny(), device, true), Error::<Test>::UnknownDevice);
	});
}

#[test]
fn a_suspended_device_is_purged_with_its_deposit_returned() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		let alice_free = free(&alice());
		assert_ok!(Registry::purge_device(deny(), device.clone(), false));
		assert_eq!(free(&alice()), alice_free + DEPOSIT);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DevicePurged { device, owner: alice(), slashed: 0, released: DEPOSIT })
		);
	});
}

#[test]
fn only_the_deny_origin_purges() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		for wrong in [RuntimeOrigin::root(), council(), RuntimeOrigin::signed(alice())] {
			assert_noop!(
				Registry::purge_device(wrong, device.clone(), true),
				DispatchError::BadOrigin
			);
		}
	});
}
