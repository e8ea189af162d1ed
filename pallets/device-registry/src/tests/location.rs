use crate::{mock::*, Devices, Error, Event, SuspensionReason};
use frame_support::{assert_noop, assert_ok};

#[test]
fn owner_moves_device_after_cooldown_and_pays_fee() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		let (alice_before, treasury_before) = (free(&alice()), free(&treasury()));
		System::set_block_number(1 + COOLDOWN);
		assert_ok!(Registry::assert_location(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			SAN_FRANCISCO
		));
		let record = Devices::<Test>::get(&device).unwrap_or_else(|| panic!("gone"));
		assert_eq!(record.location.index(), SAN_FRANCISCO);
		assert_eq!(record.location_changed_at, 1 + COOLDOWN);
		assert_eq!(free(&alice()), alice_before - LOCATION_FEE);
		assert_eq!(free(&treasury()), treasury_before + LOCATION_FEE);
		assert_eq!(
			registry_events().last(),
			Some(&Event::LocationAsserted { device, location: SAN_FRANCISCO, fee: LOCATION_FEE })
		);
	});
}

#[test]
fn moving_within_the_cooldown_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		System::set_block_number(COOLDOWN); // one block short
		assert_noop!(
			Registry::assert_location(RuntimeOrigin::signed(alice()), device, SAN_FRANCISCO),
			Error::<Test>::LocationCooldown
		);
	});
}

#[test]
fn same_or_invalid_location_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		System::set_block_number(1 + COOLDOWN);
		let origin = || RuntimeOrigin::signed(alice());
		assert_noop!(
			Registry::assert_location(origin(), device.clone(), BERLIN),
			Error::<Test>::LocationUnchanged
		);
		assert_noop!(
			Registry::assert_location(origin(), device.clone(), 42),
			Error::<Test>::InvalidLocation
		);
		assert_noop!(
			Registry::assert_location(origin(), device, BERLIN_RES11),
			Error::<Test>::WrongResolution
		);
	});
}

#[test]
fn only_the_owner_of_a_working_device_moves_it() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		System::set_block_number(1 + COOLDOWN);
		assert_noop!(
			Registry::assert_location(RuntimeOrigin::signed(bob()), device.clone(), SAN_FRANCISCO),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Registry::assert_location(
				RuntimeOrigin::signed(alice()),
				account(&sr("nobody")),
				SAN_FRANCISCO
			),
			Error::<Test>::UnknownDevice
		);
		assert_ok!(Registry::suspend_device(
			deny(),
			device.clone(),
			SuspensionReason::LocationSpoofing
		));
		assert_noop!(
			Registry::assert_location(RuntimeOrigin::signed(alice()), device, SAN_FRANCISCO),
			Error::<Test>::DeviceSuspended
		);
	});
}

#[test]
fn owner_who_cannot_pay_the_fee_cannot_move() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		let spendable = free(&alice()) - 1; // keep the existential deposit
		assert_ok!(Balances::transfer_keep_alive(
			RuntimeOrigin::signed(alice()),
			bob(),
			spendable - (LOCATION_FEE - 1)
		));
		System::set_block_number(1 + COOLDOWN);
		assert_noop!(
			Registry::assert_location(RuntimeOrigin::signed(alice()), device, SAN_FRANCISCO),
			Error::<Test>::InsufficientBalance
		);
	});
}
