//! Points, lazy valuation and claims.

use crate::{mock::*, DeviceLedgers, Error, Event, PendingRewards, TotalEmitted, TotalMinted};
use depin_primitives::{RewardSink, Service};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{traits::BadOrigin, Perbill};

/// The coverage pool of `epoch`, computed from the schedule (not from the pallet's storage).
fn coverage_pool(epoch: u32) -> Balance {
	let emission = EMISSION >> (epoch / HALVING);
	Perbill::from_percent(40) * emission
}

#[test]
fn a_device_earning_in_epochs_1_2_and_5_claims_the_sum_of_its_shares_once() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		add_device(DEVICE_2, BOB, 0);

		run_to_epoch(1);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 20);
		Rewards::note_points(Service::Coverage, &DEVICE_2, 10);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		run_to_epoch(2);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		run_to_epoch(5);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 7);
		Rewards::note_points(Service::Coverage, &DEVICE_2, 13);
		run_to_epoch(6);

		// Epoch 1: 30 of 40 points; epoch 2: all 5 points; epoch 5 (halved): 7 of 20 points.
		let expected = coverage_pool(1) * 30 / 40 + coverage_pool(2) + coverage_pool(5) * 7 / 20;
		assert_eq!(expected, 300_000 + 400_000 + 70_000);
		// The device came of age (2 epochs) long ago: what epoch 1 held back is released too.
		assert_eq!(
			Rewards::pending_rewards(&DEVICE_1),
			PendingRewards { claimable: expected, held_back: 0, unvalued_points: 0 }
		);

		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE), before + expected);
		assert_eq!(TotalMinted::<Test>::get() - free(TREASURY) + 1, expected);
		assert!(rewards_events().contains(&Event::RewardsClaimed {
			device: DEVICE_1,
			owner: ALICE,
			amount: expected
		}));
		// Claimed once: nothing left, and the emptied ledger is gone.
		assert_eq!(DeviceLedgers::<Test>::get(DEVICE_1), None);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1),
			Error::<Test>::NothingToClaim
		);
		assert!(TotalMinted::<Test>::get() <= TotalEmitted::<Test>::get());
	});
}

#[test]
fn two_devices_share_a_service_pro_rata() {
	build_and_execute(|| {
		// Registered long before: no hold-back.
		run_to_epoch(3);
		add_device(DEVICE_1, ALICE, 0);
		add_device(DEVICE_2, BOB, 0);
		Rewards::note_points(Service::Storage, &DEVICE_1, 1);
		Rewards::note_points(Service::Storage, &DEVICE_2, 2);
		run_to_epoch(4);

		let pool = Perbill::from_percent(20) * EMISSION;
		let (alice, bob) = (free(ALICE), free(BOB));
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(BOB), DEVICE_2));
		// 200_000 / 3 rounded down for the first claim; the last takes what is left, so the
		// pool pays out exactly its amount and each share is within a planck of the exact one.
		assert_eq!(free(ALICE) - alice, pool / 3);
		assert_eq!(free(BOB) - bob, pool - pool / 3);
		assert_eq!(pool * 2 / 3 + 1, pool - pool / 3);
	});
}

#[test]
fn a_device_earning_in_two_services_claims_both() {
	build_and_execute(|| {
		run_to_epoch(3);
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Storage, &DEVICE_1, 4);
		Rewards::note_points(Service::Energy, &DEVICE_1, 9);
		run_to_epoch(4);
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, 2 * (Perbill::from_percent(20) * EMISSION));
	});
}

#[test]
fn points_of_the_epoch_in_progress_are_not_yet_claimable() {
	build_and_execute(|| {
		run_to_epoch(3);
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		// Zero points are ignored.
		Rewards::note_points(Service::Coverage, &DEVICE_1, 0);
		assert_eq!(
			Rewards::pending_rewards(&DEVICE_1),
			PendingRewards { claimable: 0, held_back: 0, unvalued_points: 5 }
		);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1),
			Error::<Test>::NothingToClaim
		);
		run_to_epoch(4);
		assert_eq!(Rewards::pending_rewards(&DEVICE_1).claimable, coverage_pool(3));
	});
}

#[test]
fn rewards_do_not_expire() {
	build_and_execute(|| {
		run_to_epoch(3);
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		// Many epochs (and halvings) later, the epoch-3 share is still there.
		run_to_epoch(40);
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, coverage_pool(3));
	});
}

#[test]
fn only_the_owner_claims() {
	build_and_execute(|| {
		run_to_epoch(3);
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		run_to_epoch(4);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(BOB), DEVICE_1),
			Error::<Test>::NotOwner
		);
		assert_noop!(Rewards::claim_rewards(RuntimeOrigin::root(), DEVICE_1), BadOrigin);
		// After a transfer of ownership, the new owner claims what the device earned.
		add_device(DEVICE_1, BOB, 0);
		let before = free(BOB);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(BOB), DEVICE_1));
		assert_eq!(free(BOB) - before, coverage_pool(3));
	});
}

#[test]
fn claiming_for_an_unknown_device_fails() {
	build_and_execute(|| {
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1),
			Error::<Test>::UnknownDevice
		);
	});
}

#[test]
fn two_devices_noting_u64_max_points_share_the_pool_and_no_more() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		add_device(DEVICE_2, BOB, 0);
		run_to_epoch(3);
		Rewards::note_points(Service::Coverage, &DEVICE_1, u64::MAX);
		Rewards::note_points(Service::Coverage, &DEVICE_2, u64::MAX);
		// The total does not saturate: it is twice u64::MAX.
		assert_eq!(crate::Epoch::<Test>::get().points[0], 2 * u128::from(u64::MAX));
		run_to_epoch(4);
		let pool = coverage_pool(3);
		let (alice, bob) = (free(ALICE), free(BOB));
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(BOB), DEVICE_2));
		assert_eq!(free(ALICE) - alice, pool / 2);
		assert_eq!(free(BOB) - bob, pool / 2);
		assert!(TotalMinted::<Test>::get() <= TotalEmitted::<Test>::get());
	});
}

#[test]
fn a_pool_pays_out_exactly_its_amount_and_is_deleted_when_valued() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		add_device(DEVICE_2, BOB, 0);
		add_device(3, ALICE, 0);
		run_to_epoch(3);
		// Three equal shares of a pool not divisible by three.
		for device in [DEVICE_1, DEVICE_2, 3] {
			Rewards::note_points(Service::Coverage, &device, 1);
		}
		run_to_epoch(4);
		let pool = coverage_pool(3);
		assert_ne!(pool % 3, 0);
		let before = free(ALICE) + free(BOB);
		for (owner, device) in [(ALICE, DEVICE_1), (BOB, DEVICE_2), (ALICE, 3)] {
			assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(owner), device));
		}
		// No dust: the three claims add up to the pool, to the planck.
		assert_eq!(free(ALICE) + free(BOB) - before, pool);
		assert_eq!(crate::Pools::<Test>::get(3, crate::Pot::Service(Service::Coverage)), None);
	});
}

#[test]
fn pending_rewards_values_like_a_claim_but_writes_nothing() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		add_device(DEVICE_2, BOB, 0);
		run_to_epoch(3);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 1);
		Rewards::note_points(Service::Coverage, &DEVICE_2, 2);
		run_to_epoch(4);
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let pending = Rewards::pending_rewards(&DEVICE_1);
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
		assert_eq!(pending.claimable, coverage_pool(3) / 3);
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, pending.claimable);
	});
}
