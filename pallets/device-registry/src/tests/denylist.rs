use crate::{mock::*, Devices, Error, Event, HoldReason, Suspension, SuspensionReason};
use depin_primitives::testing::{DeviceChange, RecordingChanges};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn suspension_tells_services_and_reinstatement_lifts_it() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Collusion));
		let record = Devices::<Test>::get(&device).unwrap_or_else(|| panic!("gone"));
		assert_eq!(
			record.suspension,
			Some(Suspension { reason: SuspensionReason::Collusion, since: 1 })
		);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DeviceSuspended {
				device: device.clone(),
				reason: SuspensionReason::Collusion
			})
		);
		assert_noop!(
			Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other),
			Error::<Test>::DeviceSuspended
		);

		assert_ok!(Registry::reinstate_device(deny(), device.clone()));
		assert_eq!(Devices::<Test>::get(&device).and_then(|d| d.suspension), None);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DeviceReinstated { device: device.clone() })
		);
		assert_eq!(
			RecordingChanges::seen::<AccountId>(),
			vec![
				DeviceChange::Suspended(device.clone(), alice()),
				DeviceChange::Reinstated(device.clone())
			]
		);
		assert_noop!(Registry::reinstate_device(deny(), device), Error::<Test>::NotSuspended);
	});
}

#[test]
fn only_deny_origin_suspends_reinstates_and_slashes() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		for wrong in [RuntimeOrigin::root(), council(), RuntimeOrigin::signed(bob())] {
			assert_noop!(
				Registry::suspend_device(wrong.clone(), device.clone(), SuspensionReason::Other),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Registry::reinstate_device(wrong.clone(), device.clone()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Registry::slash_device(wrong, device.clone(), 1),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn zero_device_slashes_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		assert_noop!(Registry::slash_device(deny(), device, 0), Error::<Test>::ZeroSlash);
	});
}

#[test]
fn a_slashed_device_is_reinstated_only_with_its_whole_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::top_up_deposit(RuntimeOrigin::signed(alice()), device.clone()),
			Error::<Test>::NothingToTopUp
		);
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		assert_ok!(Registry::slash_device(deny(), device.clone(), 30));
		assert_noop!(
			Registry::reinstate_device(deny(), device.clone()),
			Error::<Test>::DepositTooLow
		);
		assert_noop!(
			Registry::top_up_deposit(RuntimeOrigin::signed(bob()), device.clone()),
			Error::<Test>::NotOwner
		);

		let before = free(&alice());
		assert_ok!(Registry::top_up_deposit(RuntimeOrigin::signed(alice()), device.clone()));
		assert_eq!(free(&alice()), before - 30);
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), DEPOSIT);
		assert_eq!(Devices::<Test>::get(&device).map(|d| d.deposit), Some(DEPOSIT));
		assert_eq!(
			registry_events().last(),
			Some(&Event::DepositToppedUp { device: device.clone(), owner: alice(), amount: 30 })
		);
		assert_ok!(Registry::reinstate_device(deny(), device));
	});
}

#[test]
fn a_top_up_the_owner_cannot_pay_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		assert_ok!(Registry::slash_device(deny(), device.clone(), 30));
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), alice(), 20));
		assert_noop!(
			Registry::top_up_deposit(RuntimeOrigin::signed(alice()), device),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn suspended_device_deposit_is_slashed_to_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::slash_device(deny(), device.clone(), 10),
			Error::<Test>::NotSuspended
		);
		assert_ok!(Registry::suspend_device(
			deny(),
			device.clone(),
			SuspensionReason::FakeHardware
		));
		let (alice_free, treasury_before) = (free(&alice()), free(&treasury()));
		assert_ok!(Registry::slash_device(deny(), device.clone(), 30));
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), DEPOSIT - 30);
		assert_eq!(Devices::<Test>::get(&device).map(|d| d.deposit), Some(DEPOSIT - 30));
		assert_eq!(free(&alice()), alice_free);
		assert_eq!(free(&treasury()), treasury_before + 30);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DeviceSlashed { device: device.clone(), owner: alice(), amount: 30 })
		);
		assert_noop!(
			Registry::slash_device(deny(), device, DEPOSIT - 30 + 1),
			Error::<Test>::SlashTooLarge
		);
	});
}

#[test]
fn unknown_device_is_reported() {
	ExtBuilder::default().build_and_execute(|| {
		let nobody = account(&sr("nobody"));
		assert_noop!(
			Registry::suspend_device(deny(), nobody.clone(), SuspensionReason::Other),
			Error::<Test>::UnknownDevice
		);
		assert_noop!(
			Registry::deregister_device(RuntimeOrigin::signed(alice()), nobody),
			Error::<Test>::UnknownDevice
		);
	});
}
