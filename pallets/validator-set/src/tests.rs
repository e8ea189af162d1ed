//! The set's rules: changes at the next session (queued at the next boundary, active at the one
//! after), the minimum, governance only, keys required, offences, bounded history, rotation.

use crate::{mock::*, Error, Event, Member, MinimumValidators, Validators};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, EstimateNextSessionRotation, Hooks},
};
use pallet_session::historical::StoredRange;
use sp_runtime::{DispatchError, Permill};
use sp_staking::offence::{OffenceError, ReportOffence};

fn report(offenders: Vec<AccountId>, session: u32) -> Result<(), OffenceError> {
	<ValidatorSet as ReportOffence<_, _, _>>::report_offence(
		vec![9],
		TestOffence { offenders, session },
	)
}

fn known(offenders: &[AccountId]) -> bool {
	let ids: Vec<_> = offenders.iter().map(|o| (*o, ())).collect();
	<ValidatorSet as ReportOffence<AccountId, _, TestOffence>>::is_known_offence(&ids, &0)
}

#[test]
fn genesis_takes_the_session_keys_as_the_set() {
	build_and_execute(|| {
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3]);
		assert!(Validators::<Test>::get().iter().all(|m| m.added_in == 0));
		assert_eq!(MinimumValidators::<Test>::get(), 2);
		assert_eq!(active(), vec![1, 2, 3]);
		assert_eq!(queued(), vec![1, 2, 3]);
		// The historical roots of sessions 0 and 1 exist (key-ownership proofs from block 1).
		assert_eq!(StoredRange::<Test>::get(), Some((0, 2)));
	});
}

#[test]
fn an_added_validator_is_queued_at_the_next_session_and_validates_from_the_one_after() {
	build_and_execute(|| {
		set_keys(4);
		assert_eq!(Balances::total_balance_on_hold(&4), KEY_DEPOSIT);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_eq!(events(), vec![Event::ValidatorAdded { validator: 4, active_from: 2 }]);
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3, 4]);
		assert_eq!(
			Validators::<Test>::get()[3],
			Member { account: 4, added_in: 0, offence_in: None }
		);
		// Up to the last block of session 0 nothing changes.
		run_to_block(SESSION - 1);
		assert_eq!(
			(Session::current_index(), active(), queued()),
			(0, vec![1, 2, 3], vec![1, 2, 3])
		);
		// Session 1 begins: 4 is queued (announced), not yet validating.
		run_to_session(1);
		assert_eq!((active(), queued()), (vec![1, 2, 3], vec![1, 2, 3, 4]));
		run_to_block(2 * SESSION - 1);
		assert_eq!(active(), vec![1, 2, 3]);
		// Session 2: 4 validates.
		run_to_session(2);
		assert_eq!(active(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn a_removed_validator_leaves_at_the_session_after_next() {
	build_and_execute(|| {
		run_to_session(1);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(events(), vec![Event::ValidatorRemoved { validator: 2, inactive_from: 3 }]);
		assert_eq!(ValidatorSet::validators(), vec![1, 3]);
		run_to_block(2 * SESSION - 1);
		assert_eq!((active(), queued()), (vec![1, 2, 3], vec![1, 2, 3]));
		run_to_session(2);
		assert_eq!((active(), queued()), (vec![1, 2, 3], vec![1, 3]));
		run_to_session(3);
		assert_eq!(active(), vec![1, 3]);
		// Its keys stay until it purges them (and its deposit comes back then).
		assert!(pallet_session::NextKeys::<Test>::contains_key(2));
	});
}

#[test]
fn adding_needs_session_keys_a_new_account_and_room() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 4),
			Error::<Test>::NoSessionKeys
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
		for v in 4..=5 {
			set_keys(v);
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), v));
		}
		set_keys(6);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 6),
			Error::<Test>::TooManyValidators
		);
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3, 4, 5]);
	});
}

#[test]
fn removing_below_the_minimum_or_a_stranger_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 7),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		// Two left, the minimum.
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(ValidatorSet::validators(), vec![2, 3]);
	});
}

#[test]
fn only_governance_changes_the_set() {
	build_and_execute(|| {
		set_keys(4);
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::signed(4), RuntimeOrigin::none()] {
			assert_noop!(ValidatorSet::add_validator(origin.clone(), 4), DispatchError::BadOrigin);
			assert_noop!(
				ValidatorSet::remove_validator(origin.clone(), 1),
				DispatchError::BadOrigin
			);
			assert_noop!(ValidatorSet::set_minimum_validators(origin, 1), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn the_minimum_is_between_one_and_the_set_size() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 0),
			Error::<Test>::InvalidMinimum
		);
		assert_noop!(
			ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 4),
			Error::<Test>::InvalidMinimum
		);
		assert_ok!(ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 3));
		assert_eq!(events(), vec![Event::MinimumValidatorsSet { minimum: 3 }]);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::TooFewValidators
		);
		assert_ok!(ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 1));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(ValidatorSet::validators(), vec![1]);
	});
}

#[test]
fn members_without_keys_are_left_out_and_governance_is_warned_below_the_minimum() {
	build_and_execute(|| {
		// 3 purges its keys: the next planned session has 1 and 2 only.
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(3)));
		run_to_session(1);
		assert_eq!(queued(), vec![1, 2]);
		assert!(events().is_empty());
		// 2 purges too: one member with keys, fewer than the minimum: planned as it is, with a
		// warning; Aura and GRANDPA get exactly the planned set (no stale authority).
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(2)));
		run_to_session(2);
		assert_eq!(events(), vec![Event::FewWithKeys { session: 3, with_keys: 1, minimum: 2 }]);
		assert_eq!((active(), queued()), (vec![1, 2], vec![1]));
		assert!(pallet_session::QueuedChanged::<Test>::get());
		// The governance set itself is untouched; keys set again bring the members back.
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3]);
		set_keys(2);
		set_keys(3);
		run_to_session(3);
		assert_eq!(queued(), vec![1, 2, 3]);
		// Nobody with keys: nothing is planned (pallet-session keeps whom it can).
		for v in 1..=3 {
			assert_ok!(Session::purge_keys(RuntimeOrigin::signed(v)));
		}
		run_to_session(4);
		assert!(events().contains(&Event::FewWithKeys { session: 5, with_keys: 0, minimum: 2 }));
	});
}

#[test]
fn an_offence_removes_the_offender_from_the_next_planned_session() {
	build_and_execute(|| {
		run_to_session(1);
		assert!(!known(&[2]));
		assert_eq!(report(vec![2], 1), Ok(()));
		assert_eq!(
			events(),
			vec![Event::OffenderRemoved { validator: 2, offence_session: 1, inactive_from: 3 }]
		);
		assert_eq!(ValidatorSet::validators(), vec![1, 3]);
		// Reported again: known, refused.
		assert!(known(&[2]));
		assert_eq!(report(vec![2], 1), Err(OffenceError::DuplicateReport));
		run_to_session(3);
		assert_eq!(active(), vec![1, 3]);
	});
}

#[test]
fn at_the_minimum_the_offender_stays_marked_and_further_reports_are_duplicates() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert!(!known(&[2]));
		assert_eq!(report(vec![2], 0), Ok(()));
		assert!(events().contains(&Event::OffenderKept { validator: 2, offence_session: 0 }));
		assert_eq!(ValidatorSet::validators(), vec![2, 3]);
		assert_eq!(Validators::<Test>::get()[0].offence_in, Some(0));
		// Marked: the same or a later report is a duplicate (no free replays).
		assert!(known(&[2]));
		assert_eq!(report(vec![2], 0), Err(OffenceError::DuplicateReport));
		run_to_session(1);
		assert_eq!(report(vec![2], 1), Err(OffenceError::DuplicateReport));
		// Governance adds a validator and removes the offender.
		set_keys(4);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(ValidatorSet::validators(), vec![3, 4]);
	});
}

#[test]
fn an_offence_from_before_a_validator_was_added_is_stale() {
	build_and_execute(|| {
		run_to_session(2);
		set_keys(4);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_eq!(report(vec![4], 1), Err(OffenceError::DuplicateReport));
		assert_eq!(report(vec![7], 2), Err(OffenceError::DuplicateReport));
		assert!(ValidatorSet::validators().contains(&4));
		// An offence of its own time removes it.
		assert_eq!(report(vec![4], 2), Ok(()));
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3]);
	});
}

#[test]
fn history_is_pruned_to_the_depth_kept() {
	build_and_execute(|| {
		for s in 1..=10 {
			run_to_session(s);
			let (start, end) = StoredRange::<Test>::get().expect("roots are kept");
			assert_eq!(end, s + 2, "the root of the planned session is stored");
			assert!(end - start <= HISTORY + 2);
			assert!(pallet_session::historical::HistoricalSessions::<Test>::get(start).is_some());
			if start > 0 {
				assert!(pallet_session::historical::HistoricalSessions::<Test>::get(start - 1)
					.is_none());
			}
		}
	});
}

#[test]
fn the_session_rotates_at_every_multiple_of_its_length_and_is_estimated() {
	build_and_execute(|| {
		assert_eq!(ValidatorSet::estimate_next_session_rotation(1).0, Some(SESSION));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(SESSION).0, Some(2 * SESSION));
		assert_eq!(ValidatorSet::average_session_length(), SESSION);
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(SESSION - 1).0,
			Some(Permill::one())
		);
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(2).0,
			Some(Permill::from_percent(60))
		);
		let idle = ValidatorSet::on_initialize(SESSION + 1);
		run_to_block(SESSION - 1);
		assert_eq!(Session::current_index(), 0);
		System::set_block_number(SESSION);
		let rotating = ValidatorSet::on_initialize(SESSION);
		assert_eq!(Session::current_index(), 1);
		assert!(rotating.ref_time() > idle.ref_time());
		// pallet-session never rotates on its own.
		assert!(!<ValidatorSet as pallet_session::ShouldEndSession<u64>>::should_end_session(
			2 * SESSION
		));
	});
}
