//! Hold-back of young devices' rewards: release when they come of age, forfeit on suspension.

use crate::{mock::*, Epoch, Event, PendingRewards};
use depin_primitives::{RewardSink, Service};
use frame_support::assert_ok;
use sp_runtime::Perbill;

fn coverage_pool() -> Balance {
	Perbill::from_percent(40) * EMISSION
}

#[test]
fn held_back_rewards_are_released_when_the_device_comes_of_age() {
	build_and_execute(|| {
		// Registered in epoch 1: young in epochs 1 and 2 (HOLDBACK_EPOCHS = 2).
		run_to_epoch(1);
		add_device(DEVICE_1, ALICE, 1);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		run_to_epoch(2);
		let half = coverage_pool() / 2;
		assert_eq!(
			Rewards::pending_rewards(&DEVICE_1),
			PendingRewards { claimable: half, held_back: half, unvalued_points: 0 }
		);
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, half);

		// Epoch 3: of age; the held-back half is claimable.
		run_to_epoch(3);
		assert_eq!(
			Rewards::pending_rewards(&DEVICE_1),
			PendingRewards { claimable: half, held_back: 0, unvalued_points: 0 }
		);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, coverage_pool());
	});
}

#[test]
fn earnings_after_coming_of_age_are_not_held_back() {
	build_and_execute(|| {
		run_to_epoch(1);
		add_device(DEVICE_1, ALICE, 1);
		run_to_epoch(3);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		run_to_epoch(4);
		assert_eq!(
			Rewards::pending_rewards(&DEVICE_1),
			PendingRewards { claimable: coverage_pool(), held_back: 0, unvalued_points: 0 }
		);
	});
}

#[test]
fn a_device_suspended_while_young_forfeits_its_held_back_rewards_to_the_treasury() {
	build_and_execute(|| {
		run_to_epoch(1);
		add_device(DEVICE_1, ALICE, 1);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		run_to_epoch(2);
		// Earned in epoch 2 as well (young), then suspended before epoch 2 closes.
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		let half = coverage_pool() / 2;
		suspend(DEVICE_1);
		assert_eq!(
			rewards_events().last(),
			Some(&Event::HoldbackForfeited { device: DEVICE_1, amount: half })
		);
		assert_eq!(Epoch::<Test>::get().forfeited, half);

		// Epoch 2 closes: the treasury gets its usual part plus the forfeit.
		let treasury = free(TREASURY);
		run_to_epoch(3);
		let usual = EMISSION - coverage_pool();
		assert_eq!(free(TREASURY) - treasury, usual + half);

		// Epoch 2's points are valued: their hold-back half is forfeit too (to the epoch-3
		// forfeits); the owner keeps the other halves.
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, half + half);
		assert_eq!(Epoch::<Test>::get().forfeited, half);
		assert_eq!(Rewards::pending_rewards(&DEVICE_1), PendingRewards::default());
		let treasury = free(TREASURY);
		run_to_epoch(4);
		assert_eq!(free(TREASURY) - treasury, EMISSION + half);
	});
}

#[test]
fn a_device_suspended_when_of_age_forfeits_nothing() {
	build_and_execute(|| {
		run_to_epoch(1);
		add_device(DEVICE_1, ALICE, 1);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		run_to_epoch(3);
		suspend(DEVICE_1);
		assert!(!rewards_events().iter().any(|e| matches!(e, Event::HoldbackForfeited { .. })));
		assert_eq!(Epoch::<Test>::get().forfeited, 0);
		let before = free(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		assert_eq!(free(ALICE) - before, coverage_pool());
	});
}

#[test]
fn a_suspended_device_earns_nothing() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		suspend(DEVICE_1);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		assert_eq!(Epoch::<Test>::get().points, [0, 0, 0]);
		assert_eq!(crate::DeviceLedgers::<Test>::get(DEVICE_1), None);
		// Nor does a device the registry does not know, or a deregistered one.
		Rewards::note_points(Service::Coverage, &DEVICE_2, 10);
		add_device(DEVICE_2, BOB, 0);
		depin_primitives::testing::MockRegistry::set_state(
			&DEVICE_2,
			depin_primitives::DeviceState::Deregistered,
		);
		Rewards::note_points(Service::Coverage, &DEVICE_2, 10);
		assert_eq!(Epoch::<Test>::get().points, [0, 0, 0]);
	});
}

#[test]
fn points_earned_after_reinstatement_keep_their_held_back_half() {
	build_and_execute(|| {
		run_to_epoch(1);
		add_device(DEVICE_1, ALICE, 1);
		// 10 points, suspended, reinstated, 30 points more in the same (young) epoch.
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		suspend(DEVICE_1);
		reinstate(DEVICE_1);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 30);
		run_to_epoch(2);
		// The pool is valued at 40 points: the first 10 lose their held-back half, the other
		// 30 keep theirs (held until the device comes of age).
		let value = coverage_pool();
		let held = value / 2;
		let forfeited = held / 4;
		assert_eq!(
			Rewards::pending_rewards(&DEVICE_1),
			PendingRewards {
				claimable: value - held,
				held_back: held - forfeited,
				unvalued_points: 0
			}
		);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE), DEVICE_1));
		// Realising the deferred forfeit is an event of its own.
		assert!(rewards_events()
			.contains(&Event::HoldbackForfeited { device: DEVICE_1, amount: forfeited }));
		assert_eq!(Epoch::<Test>::get().forfeited, forfeited);
	});
}
