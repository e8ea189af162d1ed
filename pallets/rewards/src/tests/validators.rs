//! Block authors share the validator part by blocks authored.

use crate::{mock::*, Error, Event, ValidatorLedgers};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

#[test]
fn block_authors_share_the_validator_part_by_blocks_authored() {
	build_and_execute(|| {
		// Epoch 0: blocks 2..=9 (A authors 2..=7, B 8..=9).
		run_to_block(7, Some(VALIDATOR_A));
		run_to_block(9, Some(VALIDATOR_B));
		run_to_epoch(1);
		let pool = Perbill::from_percent(10) * EMISSION;
		assert_ok!(Rewards::claim_validator_rewards(RuntimeOrigin::signed(VALIDATOR_A)));
		assert_ok!(Rewards::claim_validator_rewards(RuntimeOrigin::signed(VALIDATOR_B)));
		assert_eq!(free(VALIDATOR_A), pool * 6 / 8);
		assert_eq!(free(VALIDATOR_B), pool * 2 / 8);
		assert!(rewards_events().contains(&Event::ValidatorRewardsClaimed {
			validator: VALIDATOR_A,
			amount: pool * 6 / 8
		}));
		assert_eq!(ValidatorLedgers::<Test>::get(VALIDATOR_B), None);
		assert_noop!(
			Rewards::claim_validator_rewards(RuntimeOrigin::signed(VALIDATOR_B)),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn an_author_claims_several_epochs_at_once_and_not_the_one_in_progress() {
	build_and_execute(|| {
		// A authors every block of epochs 0, 1 and 2 and of epoch 3 so far.
		run_to_block(3 * EPOCH + 4, Some(VALIDATOR_A));
		assert_ok!(Rewards::claim_validator_rewards(RuntimeOrigin::signed(VALIDATOR_A)));
		let pool = Perbill::from_percent(10) * EMISSION;
		assert_eq!(free(VALIDATOR_A), 3 * pool);
		// Epoch 3's blocks stay in the ledger until it closes.
		assert_eq!(ValidatorLedgers::<Test>::get(VALIDATOR_A).map(|l| l.blocks), Some(5));
		assert_noop!(
			Rewards::claim_validator_rewards(RuntimeOrigin::signed(VALIDATOR_A)),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn an_account_that_never_authored_has_nothing_to_claim() {
	build_and_execute(|| {
		assert_noop!(
			Rewards::claim_validator_rewards(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn validators_at_zero_percent_earn_zero_cleanly() {
	build_and_execute(|| {
		let split = crate::Split {
			validators: Perbill::zero(),
			treasury: Perbill::from_percent(20),
			..test_split()
		};
		assert_ok!(Rewards::set_split(RuntimeOrigin::root(), split));
		run_to_block(7, Some(VALIDATOR_A));
		run_to_epoch(1);
		// The pot of a 0% part is valued like any other, at zero: no defensive failure, and
		// the invariants (checked after the test) hold.
		assert_eq!(crate::Pools::<Test>::get(0, crate::Pot::Validators).map(|p| p.amount), Some(0));
		assert_noop!(
			Rewards::claim_validator_rewards(RuntimeOrigin::signed(VALIDATOR_A)),
			Error::<Test>::NothingToClaim
		);
		run_to_block(2 * EPOCH + 5, Some(VALIDATOR_A));
		assert_eq!(crate::Pools::<Test>::get(0, crate::Pot::Validators), None);
		assert_eq!(free(VALIDATOR_A), 0);
	});
}
