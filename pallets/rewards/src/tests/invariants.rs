//! `try_state` notices broken invariants (so that its passing after every test means something).

use crate::{mock::*, DeviceLedgers, Epoch, Pools, TotalMinted};
use depin_primitives::{RewardSink, Service};

#[test]
fn try_state_catches_points_that_do_not_add_up() {
	new_test_ext().execute_with(|| {
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		assert!(Rewards::do_try_state().is_ok());
		Epoch::<Test>::mutate(|e| e.points[0] += 1);
		assert!(Rewards::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_unvalued_points_without_a_pool() {
	new_test_ext().execute_with(|| {
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		run_to_epoch(1);
		assert!(Rewards::do_try_state().is_ok());
		let _ = Pools::<Test>::clear_prefix(0, u32::MAX, None);
		assert!(Rewards::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_minting_beyond_emission() {
	new_test_ext().execute_with(|| {
		run_to_epoch(1);
		assert!(Rewards::do_try_state().is_ok());
		TotalMinted::<Test>::mutate(|m| *m += 1);
		assert!(Rewards::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_ledger_ahead_of_the_clock() {
	new_test_ext().execute_with(|| {
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Storage, &DEVICE_1, 5);
		DeviceLedgers::<Test>::mutate(DEVICE_1, |l| {
			if let Some(l) = l {
				l.unvalued[1].epoch = 7;
			}
		});
		assert!(Rewards::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_emission_that_is_not_accounted_for() {
	new_test_ext().execute_with(|| {
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		run_to_epoch(1);
		assert!(Rewards::do_try_state().is_ok());
		// A planck appears in a pool (or vanishes from it): the books no longer balance.
		Pools::<Test>::mutate(0, crate::Pot::Service(Service::Coverage), |p| {
			if let Some(p) = p {
				p.amount += 1;
			}
		});
		assert!(Rewards::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_pool_whose_shares_differ_from_its_points() {
	new_test_ext().execute_with(|| {
		add_device(DEVICE_1, ALICE, 0);
		Rewards::note_points(Service::Coverage, &DEVICE_1, 5);
		run_to_epoch(1);
		Pools::<Test>::mutate(0, crate::Pot::Service(Service::Coverage), |p| {
			if let Some(p) = p {
				p.shares += 1;
			}
		});
		assert!(Rewards::do_try_state().is_err());
	});
}
