//! Every refusal, each with its own error.

use crate::{mock::*, Error};
use depin_primitives::{testing::MockRegistry, DeviceKind, DeviceState};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn set_radio_refusals() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		put_device(7, owner_of(7), DeviceKind::Sensor, LOC_B);
		let set = |who: u64, device: u64, gain: u16| {
			Coverage::set_radio(RuntimeOrigin::signed(who), device, gain)
		};
		assert_noop!(set(owner_of(1), 1, 151), Error::<Test>::GainTooHigh);
		assert_ok!(set(owner_of(1), 1, 150));
		assert_noop!(set(owner_of(2), 1, 10), Error::<Test>::NotOwner);
		assert_noop!(set(owner_of(9), 9, 10), Error::<Test>::NotRegistered);
		assert_noop!(set(owner_of(7), 7, 10), Error::<Test>::NotAHotspot);
		MockRegistry::set_state(&1u64, DeviceState::Suspended);
		assert_noop!(set(owner_of(1), 1, 10), Error::<Test>::Suspended);
		MockRegistry::set_state(&1u64, DeviceState::Deregistered);
		assert_noop!(set(owner_of(1), 1, 10), Error::<Test>::Deregistered);
		assert_noop!(Coverage::set_radio(RuntimeOrigin::root(), 1, 10), DispatchError::BadOrigin);
	});
}

#[test]
fn set_max_eirp_refusals() {
	build_and_execute(|| {
		assert_noop!(
			Coverage::set_max_eirp(RuntimeOrigin::signed(1), 20),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Coverage::set_max_eirp(RuntimeOrigin::root(), 61),
			Error::<Test>::EirpOutOfRange
		);
		assert_noop!(
			Coverage::set_max_eirp(RuntimeOrigin::root(), -31),
			Error::<Test>::EirpOutOfRange
		);
		assert_ok!(Coverage::set_max_eirp(RuntimeOrigin::root(), -30));
		assert_ok!(Coverage::set_max_eirp(RuntimeOrigin::root(), 60));
	});
}

#[test]
fn submit_beacon_refusals() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		put_device(2, owner_of(2), DeviceKind::Hotspot, LOC_B);
		put_device(7, owner_of(7), DeviceKind::StorageNode, LOC_B);
		let p = payload(1);
		assert_noop!(beacon(9, &p), Error::<Test>::NotRegistered);
		assert_noop!(beacon(7, &p), Error::<Test>::NotAHotspot);
		// 2 never set its radio.
		assert_noop!(beacon(2, &p), Error::<Test>::NoRadio);
		assert_noop!(
			Coverage::submit_beacon(RuntimeOrigin::signed(1), commitment(&p), 0, 14),
			Error::<Test>::InvalidFrequency
		);
		assert_noop!(
			Coverage::submit_beacon(RuntimeOrigin::root(), commitment(&p), FREQ, 14),
			DispatchError::BadOrigin
		);
		MockRegistry::set_state(&1u64, DeviceState::Suspended);
		assert_noop!(beacon(1, &p), Error::<Test>::Suspended);
		MockRegistry::set_state(&1u64, DeviceState::Deregistered);
		assert_noop!(beacon(1, &p), Error::<Test>::Deregistered);
		MockRegistry::set_state(&1u64, DeviceState::Active);

		// A move voids the radio profile until the owner sets it again.
		put_device(1, owner_of(1), DeviceKind::Hotspot, LOC_C);
		assert_noop!(beacon(1, &p), Error::<Test>::NoRadio);
		assert_ok!(Coverage::set_radio(RuntimeOrigin::signed(owner_of(1)), 1, 0));

		// One beacon per epoch.
		assert_ok!(beacon(1, &p));
		run_to_reveal(1);
		assert_ok!(reveal(1, &p));
		assert_noop!(beacon(1, &payload(2)), Error::<Test>::AlreadyBeaconed);
		depin_primitives::testing::MockClock::set(1);
		assert_ok!(beacon(1, &payload(2)));
	});
}

#[test]
fn a_beacon_still_open_in_the_next_epoch_blocks_a_new_one() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		assert_ok!(beacon(1, &payload(1)));
		depin_primitives::testing::MockClock::set(1);
		assert_noop!(beacon(1, &payload(2)), Error::<Test>::BeaconOpen);
	});
}

#[test]
fn submit_witness_refusals() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		hotspot(2, LOC_B, 0);
		hotspot(3, LOC_NEAR, 0);
		hotspot(4, LOC_FAR, 0);
		put_device(5, owner_of(5), DeviceKind::Hotspot, LOC_C);
		put_device(7, owner_of(7), DeviceKind::EnergyMeter, LOC_C);
		// 8 belongs to the beaconer's owner.
		put_device(8, owner_of(1), DeviceKind::Hotspot, LOC_D);
		assert_ok!(Coverage::set_radio(RuntimeOrigin::signed(owner_of(1)), 8, 0));
		let p = payload(1);
		assert_noop!(witness(2, 1, &p, -1000), Error::<Test>::UnknownBeacon);
		assert_ok!(beacon(1, &p));

		assert_noop!(witness(1, 1, &p, -1000), Error::<Test>::SelfWitness);
		assert_noop!(witness(9, 1, &p, -1000), Error::<Test>::NotRegistered);
		assert_noop!(witness(7, 1, &p, -1000), Error::<Test>::NotAHotspot);
		assert_noop!(witness(8, 1, &p, -1000), Error::<Test>::SameOwner);
		assert_noop!(witness(5, 1, &p, -1000), Error::<Test>::NoRadio);
		assert_noop!(witness(3, 1, &p, -1000), Error::<Test>::TooClose);
		assert_noop!(witness(4, 1, &p, -1500), Error::<Test>::TooFar);
		assert_noop!(witness(2, 1, &p, -100), Error::<Test>::SignalTooStrong);
		assert_noop!(
			Coverage::submit_witness(
				RuntimeOrigin::signed(2),
				1,
				heard(&p, 2),
				-1000,
				50,
				FREQ + 100_001
			),
			Error::<Test>::FrequencyMismatch
		);
		assert_noop!(
			Coverage::submit_witness(RuntimeOrigin::root(), 1, heard(&p, 2), -1000, 50, FREQ),
			DispatchError::BadOrigin
		);
		MockRegistry::set_state(&2u64, DeviceState::Suspended);
		assert_noop!(witness(2, 1, &p, -1000), Error::<Test>::Suspended);
		MockRegistry::set_state(&2u64, DeviceState::Deregistered);
		assert_noop!(witness(2, 1, &p, -1000), Error::<Test>::Deregistered);
		MockRegistry::set_state(&2u64, DeviceState::Active);

		assert_ok!(witness(2, 1, &p, -1000));
		assert_noop!(witness(2, 1, &p, -1000), Error::<Test>::AlreadyWitnessed);
		run_to(1 + WITNESS_WINDOW);
		hotspot(6, LOC_E, 0);
		assert_ok!(witness(6, 1, &p, -1000));
		hotspot(10, LOC_D, 0);
		run_to(2 + WITNESS_WINDOW);
		assert_noop!(witness(10, 1, &p, -1000), Error::<Test>::WitnessWindowOver);
	});
}

#[test]
fn reveal_refusals() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		hotspot(2, LOC_B, 0);
		put_device(7, owner_of(7), DeviceKind::Sensor, LOC_C);
		let p = payload(1);
		assert_noop!(reveal(1, &p), Error::<Test>::UnknownBeacon);
		assert_ok!(beacon(1, &p));
		assert_noop!(
			Coverage::reveal_beacon(RuntimeOrigin::signed(2), 1, p).map_err(|e| e.error),
			Error::<Test>::NotBeaconer
		);
		assert_noop!(
			Coverage::reveal_beacon(RuntimeOrigin::root(), 1, p).map_err(|e| e.error),
			DispatchError::BadOrigin
		);
		run_to(1 + WITNESS_WINDOW);
		assert_noop!(reveal(1, &p), Error::<Test>::RevealTooEarly);
		run_to(2 + WITNESS_WINDOW);
		assert_noop!(reveal(1, &payload(2)), Error::<Test>::CommitmentMismatch);
		MockRegistry::set_state(&1u64, DeviceState::Suspended);
		assert_noop!(reveal(1, &p), Error::<Test>::Suspended);
		MockRegistry::set_state(&1u64, DeviceState::Deregistered);
		assert_noop!(reveal(1, &p), Error::<Test>::Deregistered);
		MockRegistry::remove(&1u64);
		assert_noop!(reveal(1, &p), Error::<Test>::NotRegistered);
		put_device(1, owner_of(1), DeviceKind::Sensor, LOC_A);
		assert_noop!(reveal(1, &p), Error::<Test>::NotAHotspot);
		put_device(1, owner_of(1), DeviceKind::Hotspot, LOC_A);
		// The last block of the reveal window still works; the one after does not.
		run_to(1 + WITNESS_WINDOW + REVEAL_WINDOW);
		let at_last_block = frame_support::storage::with_transaction(|| {
			let r = reveal(1, &p);
			sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(r))
		});
		assert_eq!(at_last_block, Ok(Ok(())));
		// Past the window (cleanup kept off to reach the error).
		MaxCleanup::set(1);
		crate::CleanupCursor::<Test>::put(100);
		System::set_block_number(2 + WITNESS_WINDOW + REVEAL_WINDOW);
		assert_noop!(reveal(1, &p), Error::<Test>::RevealWindowOver);
		crate::CleanupCursor::<Test>::put(2 + WITNESS_WINDOW + REVEAL_WINDOW);
		run_to(3 + WITNESS_WINDOW + REVEAL_WINDOW);
	});
}
