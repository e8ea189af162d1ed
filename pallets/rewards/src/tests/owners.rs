//! What a device earned belongs to the owner who held it then: transfers, removals and
//! re-registrations settle it (issue: rewards follow the registry record).

use crate::{mock::*, DeviceLedgers, Error, Event, PendingRewards, SettledLedgers};
use depin_primitives::{RewardSink, Service};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

fn coverage_pool() -> Balance {
	Perbill::from_percent(40) * EMISSION
}

#[test]
fn on_a_transfer_the_seller_keeps_what_the_device_earned_and_the_buyer_starts_clean() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		run_to_epoch(3);
		// Alice's device earns 10 points in epoch 3; she sells it mid-epoch.
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		change_owner(DEVICE_1, BOB);
		assert!(rewards_events()
			.contains(&Event::DeviceRewardsSettled { device: DEVICE_1, owner: ALICE }));
		assert_eq!(DeviceLedgers::<Test>::get(DEVICE_1), None);
		// Bob's device earns 30 points in the same epoch.
		Rewards::note_points(Service::Coverage, &DEVICE_1, 30);
		run_to_epoch(4);

		// The pool of epoch 3 is split 10:30 between what Alice's and Bob's device earned.
		let pool = coverage_pool();
		assert_eq!(Rewards::pending_rewards(&DEVICE_1).claimable, pool * 3 / 4);
		let (alice, bob) = (free(ALICE), free(BOB));
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(BOB), DEVICE_1));
		assert_eq!(free(BOB) - bob, pool * 3 / 4);
		// Alice, no longer the owner, claims what she earned.
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - alice, pool / 4);
		assert!(rewards_events().contains(&Event::RewardsClaimed {
			device: DEVICE_1,
			owner: ALICE,
			amount: pool / 4
		}));
		assert_eq!(SettledLedgers::<Test>::get(DEVICE_1, ALICE), None);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn a_withdrawn_device_stays_claimable_by_its_last_owner() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Storage, &DEVICE_1, 5);
		run_to_epoch(1);
		remove_device(DEVICE_1);
		let pool = Perbill::from_percent(20) * EMISSION;
		let before = free(ALICE);
		// Earned while young: half now, the held-back half once the device would have come of
		// age (the settled ledger keeps the device's clock).
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, pool / 2);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1),
			Error::<Test>::NothingToClaim
		);
		run_to_epoch(HOLDBACK_EPOCHS);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, pool);
		assert_eq!(SettledLedgers::<Test>::get(DEVICE_1, ALICE), None);
		// Nobody else can, and the device is unknown to anyone without settled rewards.
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(BOB), DEVICE_1),
			Error::<Test>::UnknownDevice
		);
	});
}

#[test]
fn points_of_the_epoch_in_progress_are_claimable_after_the_removal_once_it_closes() {
	build_and_execute(|| {
		// Of age (registered long before), so nothing is held back.
		run_to_epoch(3);
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		remove_device(DEVICE_1);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1),
			Error::<Test>::NothingToClaim
		);
		run_to_epoch(4);
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, coverage_pool());
	});
}

#[test]
fn a_re_registered_device_starts_a_new_ledger_with_a_new_hold_back_clock() {
	build_and_execute(|| {
		// Registered in epoch 0, so of age from epoch 2 (HOLDBACK_EPOCHS = 2).
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		run_to_epoch(3);
		remove_device(DEVICE_1);
		// Re-registered in epoch 3 by Bob: young again until epoch 5.
		add_device(DEVICE_1, BOB, 3);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		assert_eq!(DeviceLedgers::<Test>::get(DEVICE_1).map(|l| l.registered_epoch), Some(3));
		run_to_epoch(4);
		let pool = coverage_pool();
		assert_eq!(
			Rewards::pending_rewards(&DEVICE_1),
			PendingRewards { claimable: pool / 2, held_back: pool / 2, unvalued_points: 0 }
		);
		// Alice's earnings of the first registration were of age: paid whole.
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, pool);
	});
}

#[test]
fn an_owner_who_buys_a_device_back_claims_both_ledgers_at_once() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		run_to_epoch(2);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		change_owner(DEVICE_1, BOB);
		change_owner(DEVICE_1, ALICE);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		// Alice sells again: her new earnings merge into her settled ledger of the device.
		change_owner(DEVICE_1, BOB);
		change_owner(DEVICE_1, ALICE);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 20);
		run_to_epoch(3);
		assert_eq!(
			SettledLedgers::<Test>::get(DEVICE_1, ALICE).map(|l| l.unvalued[0].points),
			Some(20)
		);
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, coverage_pool());
		assert_eq!(SettledLedgers::<Test>::get(DEVICE_1, ALICE), None);
		assert_eq!(DeviceLedgers::<Test>::get(DEVICE_1), None);
	});
}
