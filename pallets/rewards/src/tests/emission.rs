//! Epochs, emission, the split table and the treasury's part.

use crate::{mock::*, CurrentSplit, Epoch, Error, Event, Pools, Pot, Split, TotalEmitted};
use depin_primitives::{EpochClock, RewardSink, Service};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{traits::BadOrigin, Perbill};

#[test]
fn emission_halves_every_period() {
	build_and_execute(|| {
		// HALVING = 4 epochs: 0..=3 full, 4..=7 half, 8..=11 a quarter, ...
		for epoch in 0..HALVING {
			assert_eq!(Rewards::emission(epoch), EMISSION);
		}
		assert_eq!(Rewards::emission(HALVING), EMISSION / 2);
		assert_eq!(Rewards::emission(2 * HALVING - 1), EMISSION / 2);
		assert_eq!(Rewards::emission(2 * HALVING), EMISSION / 4);
		assert_eq!(Rewards::emission(5 * HALVING), EMISSION / 32);
		// 1_000_000 < 2^20: nothing is left after 20 halvings, and no overflow far beyond.
		assert_eq!(Rewards::emission(20 * HALVING), 0);
		assert_eq!(Rewards::emission(200 * HALVING), 0);
		assert_eq!(Rewards::emission(u32::MAX), 0);
	});
}

#[test]
fn closed_epochs_emit_on_the_schedule() {
	build_and_execute(|| {
		// Nobody earns: every closed epoch goes whole to the treasury.
		run_to_epoch(2 * HALVING + 1);
		let expected: u128 = (0..=2 * HALVING).map(Rewards::emission).sum();
		assert_eq!(expected, 4 * EMISSION + 4 * EMISSION / 2 + EMISSION / 4);
		assert_eq!(TotalEmitted::<Test>::get(), expected);
		assert_eq!(free(TREASURY), 1 + expected);
	});
}

#[test]
fn epochs_close_every_epoch_length_blocks() {
	build_and_execute(|| {
		// Genesis starts epoch 0 at block 0; it closes at block EPOCH.
		run_to_block(EPOCH - 1, None);
		assert_eq!(Rewards::current_epoch(), 0);
		assert!(rewards_events().is_empty());
		run_to_block(EPOCH, None);
		assert_eq!(Rewards::current_epoch(), 1);
		assert_eq!(Epoch::<Test>::get().start, EPOCH);
		assert_eq!(
			rewards_events(),
			vec![Event::EpochClosed { epoch: 0, emission: EMISSION, to_treasury: EMISSION }]
		);
		run_to_block(2 * EPOCH - 1, None);
		assert_eq!(Rewards::current_epoch(), 1);
		run_to_block(2 * EPOCH, None);
		assert_eq!(Rewards::current_epoch(), 2);
	});
}

#[test]
fn service_without_points_sends_its_share_to_the_treasury() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		// Only coverage earns in epoch 0; storage, energy and the validators (no authors) do not.
		Rewards::note_points(Service::Coverage, &DEVICE_1, 10);
		run_to_epoch(1);
		let coverage = Perbill::from_percent(40) * EMISSION;
		let to_treasury = EMISSION - coverage;
		assert_eq!(to_treasury, 600_000);
		assert_eq!(free(TREASURY), 1 + to_treasury);
		assert_eq!(
			Pools::<Test>::get(0, Pot::Service(Service::Coverage)).map(|p| (p.amount, p.shares)),
			Some((coverage, 10))
		);
		assert_eq!(Pools::<Test>::get(0, Pot::Service(Service::Storage)), None);
		assert_eq!(Pools::<Test>::get(0, Pot::Validators), None);
		assert!(rewards_events().contains(&Event::EpochClosed {
			epoch: 0,
			emission: EMISSION,
			to_treasury
		}));
	});
}

#[test]
fn set_split_takes_a_whole_table() {
	build_and_execute(|| {
		let split = Split {
			coverage: Perbill::from_percent(50),
			storage: Perbill::from_percent(25),
			energy: Perbill::from_parts(100_000_000),
			validators: Perbill::from_parts(99_999_999),
			treasury: Perbill::from_parts(50_000_001),
		};
		assert!(split.is_whole());
		assert_ok!(Rewards::set_split(RuntimeOrigin::root(), split));
		assert_eq!(CurrentSplit::<Test>::get(), split);
		assert_eq!(rewards_events(), vec![Event::SplitSet { split }]);

		// The new table applies from the next close.
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 1);
		run_to_epoch(1);
		assert_eq!(
			Pools::<Test>::get(0, Pot::Service(Service::Coverage)).map(|p| p.amount),
			Some(EMISSION / 2)
		);
	});
}

#[test]
fn set_split_rejects_tables_that_are_not_100_percent() {
	build_and_execute(|| {
		let over = Split { treasury: Perbill::from_parts(100_000_001), ..test_split() };
		assert_noop!(Rewards::set_split(RuntimeOrigin::root(), over), Error::<Test>::SplitNotWhole);
		let under = Split { coverage: Perbill::from_percent(39), ..test_split() };
		assert_noop!(
			Rewards::set_split(RuntimeOrigin::root(), under),
			Error::<Test>::SplitNotWhole
		);
		// All parts at 100% would overflow a u32 sum; it is still refused.
		let all = Split {
			coverage: Perbill::one(),
			storage: Perbill::one(),
			energy: Perbill::one(),
			validators: Perbill::one(),
			treasury: Perbill::one(),
		};
		assert_noop!(Rewards::set_split(RuntimeOrigin::root(), all), Error::<Test>::SplitNotWhole);
		assert_noop!(
			Rewards::set_split(RuntimeOrigin::root(), Split::default()),
			Error::<Test>::SplitNotWhole
		);
		// Only the admin origin.
		assert_noop!(Rewards::set_split(RuntimeOrigin::signed(ALICE), test_split()), BadOrigin);
		assert_eq!(CurrentSplit::<Test>::get(), test_split());
	});
}

#[test]
fn epoch_info_reports_the_epoch_in_progress() {
	build_and_execute(|| {
		add_device(DEVICE_1, ALICE, 0);
		run_to_block(EPOCH + 3, Some(VALIDATOR_A));
		Rewards::note_points(Service::Energy, &DEVICE_1, 7);
		let info = Rewards::epoch_info();
		assert_eq!(info.current_epoch, 1);
		assert_eq!(info.epoch_length, EPOCH);
		assert_eq!(info.epoch_start, EPOCH);
		assert_eq!(info.blocks_left, 7);
		assert_eq!(info.emission, EMISSION);
		assert_eq!(info.split, test_split());
		assert_eq!(info.points, [0, 0, 7]);
		// Blocks EPOCH..=EPOCH+3 were authored in epoch 1.
		assert_eq!(info.blocks_authored, 4);
	});
}
