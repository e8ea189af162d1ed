//! Proofs: the right leaf of the right period passes; a wrong leaf, path, index or period, a
//! late proof, a proof for another deal or by another device fails, each with its error. The
//! `feeless_if` check agrees with the call.

use super::*;
use crate::{Error, Pallet};
use frame_support::{assert_noop, assert_ok, BoundedVec};

/// Submits `leaf` and `path` for deal `id`, period `period`, signed by `signer`.
fn submit(
	signer: AccountId,
	id: u64,
	period: u64,
	leaf: crate::Leaf,
	path: BoundedVec<H256, frame_support::traits::ConstU32<27>>,
) -> sp_runtime::DispatchResult {
	Deals::submit_proof(RuntimeOrigin::signed(signer), id, period, Box::new(leaf), path)
}

/// Whether the call's `#[pallet::feeless_if]` lets the proof through for free, asked the way
/// `pallet-skip-feeless-payment` asks it.
fn free_of_charge(
	signer: AccountId,
	id: u64,
	period: u64,
	leaf: &crate::Leaf,
	path: &BoundedVec<H256, frame_support::traits::ConstU32<27>>,
) -> bool {
	use frame_support::dispatch::CheckIfFeeless;
	let call = RuntimeCall::Deals(crate::Call::submit_proof {
		deal: id,
		period,
		leaf: Box::new(*leaf),
		path: path.clone(),
	});
	let feeless = call.is_feeless(&RuntimeOrigin::signed(signer));
	// The same function decides the call's outcome.
	assert_eq!(
		feeless,
		Pallet::<Test>::check_proof(&RuntimeOrigin::signed(signer), id, period, leaf, path).is_ok()
	);
	feeless
}

#[test]
fn every_leaf_of_a_large_odd_file_proves_when_challenged() {
	build_and_execute(|| {
		// 333 leaves (odd levels all the way up), the last one 1 byte.
		let data = file(332 * 256 + 1, 3);
		let big = crate::Ask { price: 1, capacity: 1_000_000, ..ask() };
		assert_ok!(Deals::set_ask(RuntimeOrigin::signed(NODE_OWNER), NODE, big));
		assert_ok!(Deals::propose_deal(
			RuntimeOrigin::signed(CLIENT),
			NODE,
			root_of(&data),
			data.len() as u64,
			10,
			1,
			1
		));
		assert_ok!(Deals::accept_deal(RuntimeOrigin::signed(NODE_OWNER), 0));
		let mut seen = std::collections::BTreeSet::new();
		for p in 1..=10 {
			run_to_period(p);
			seen.insert(challenged(0));
			assert_ok!(prove_now(0, &data));
		}
		assert!(seen.len() > 5, "challenges move around the file: {seen:?}");
	});
}

#[test]
fn a_wrong_leaf_path_or_index_is_refused() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(1);
		let data = data();
		let index = challenged(id);
		let (leaf, path) = proof_of(&data, index);
		assert!(free_of_charge(NODE, id, 1, &leaf, &path));

		// A flipped bit in the leaf.
		let mut bad_leaf = leaf;
		bad_leaf[5] ^= 1;
		assert!(!free_of_charge(NODE, id, 1, &bad_leaf, &path));
		assert_noop!(submit(NODE, id, 1, bad_leaf, path.clone()), Error::<Test>::InvalidProof);

		// A flipped bit in the path, a path too short, a path too long.
		let mut bad_path = path.clone();
		bad_path[0].0[0] ^= 1;
		assert_noop!(submit(NODE, id, 1, leaf, bad_path), Error::<Test>::InvalidProof);
		let mut short = path.clone();
		short.pop();
		assert_noop!(submit(NODE, id, 1, leaf, short), Error::<Test>::InvalidProof);
		let mut long = path.clone();
		long.try_push(H256::zero()).unwrap();
		assert_noop!(submit(NODE, id, 1, leaf, long), Error::<Test>::InvalidProof);

		// A valid proof of another leaf of the same file (the wrong index).
		let other = (index + 1) % 4;
		let (other_leaf, other_path) = proof_of(&data, other);
		assert_noop!(submit(NODE, id, 1, other_leaf, other_path), Error::<Test>::InvalidProof);

		// The right one passes.
		assert_ok!(submit(NODE, id, 1, leaf, path));
	});
}

#[test]
fn a_proof_for_another_period_is_refused_late_or_early() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(1);
		let data = data();
		let index1 = challenged(id);
		let (leaf1, path1) = proof_of(&data, index1);
		// The future period (its seed unknown).
		assert_noop!(submit(NODE, id, 2, leaf1, path1.clone()), Error::<Test>::PeriodNotStarted);
		// Outside the deal: before it and after it.
		assert_noop!(submit(NODE, id, 0, leaf1, path1.clone()), Error::<Test>::PeriodOutsideDeal);
		assert_noop!(submit(NODE, id, 4, leaf1, path1.clone()), Error::<Test>::PeriodOutsideDeal);
		// Period 1's proof submitted in period 2: late.
		run_to_period(2);
		assert_noop!(submit(NODE, id, 1, leaf1, path1.clone()), Error::<Test>::ProofTooLate);
		// Period 1's proof for period 2: the challenge of period 2 is checked (when the two
		// periods happen to challenge the same leaf, the same proof is rightly valid).
		let index2 = challenged(id);
		if index2 != index1 {
			assert_noop!(submit(NODE, id, 2, leaf1, path1.clone()), Error::<Test>::InvalidProof);
		}
		let (wrong, wrong_path) = proof_of(&data, (index2 + 1) % 4);
		assert_noop!(submit(NODE, id, 2, wrong, wrong_path), Error::<Test>::InvalidProof);
		assert_ok!(prove_now(id, &data));
		// Twice in a period.
		assert_noop!(prove_now(id, &data), Error::<Test>::AlreadyProven);
	});
}

#[test]
fn a_proof_for_another_deal_or_by_another_device_is_refused() {
	build_and_execute(|| {
		let a = running_deal();
		let other_data = file(1_000, 99);
		assert_ok!(Deals::propose_deal(
			RuntimeOrigin::signed(CLIENT2),
			NODE,
			root_of(&other_data),
			SIZE,
			DURATION,
			PRICE,
			COLLATERAL
		));
		let b = 1;
		assert_ok!(Deals::accept_deal(RuntimeOrigin::signed(NODE_OWNER), b));
		run_to_period(1);
		// Deal a's proof submitted as deal b's (same node, other root).
		let (leaf, path) = proof_of(&data(), challenged(a));
		assert_noop!(submit(NODE, b, 1, leaf, path.clone()), Error::<Test>::InvalidProof);
		// Signed by another storage node, or by the owner.
		assert_noop!(submit(NODE2, a, 1, leaf, path.clone()), Error::<Test>::NotProvider);
		assert_noop!(submit(NODE_OWNER, a, 1, leaf, path.clone()), Error::<Test>::NotProvider);
		assert!(!free_of_charge(NODE2, a, 1, &leaf, &path));
		assert_noop!(submit(NODE, 77, 1, leaf, path.clone()), Error::<Test>::UnknownDeal);
		assert_ok!(prove_now(a, &data()));
		assert_ok!(prove_now(b, &other_data));
	});
}

#[test]
fn only_an_active_storage_node_proves_and_only_a_running_deal() {
	build_and_execute(|| {
		let proposed = propose();
		let id = running_deal();
		run_to_period(1);
		let (leaf, path) = proof_of(&data(), challenged(id));
		assert_noop!(submit(NODE, proposed, 1, leaf, path.clone()), Error::<Test>::NotActive);
		set_state(NODE, depin_primitives::DeviceState::Suspended);
		assert_noop!(submit(NODE, id, 1, leaf, path.clone()), Error::<Test>::Suspended);
		set_state(NODE, depin_primitives::DeviceState::Deregistered);
		assert_noop!(submit(NODE, id, 1, leaf, path.clone()), Error::<Test>::Deregistered);
		depin_primitives::testing::MockRegistry::remove(&NODE);
		assert_noop!(submit(NODE, id, 1, leaf, path.clone()), Error::<Test>::NotRegistered);
		put_device(NODE, NODE_OWNER, depin_primitives::DeviceKind::Hotspot);
		assert_noop!(submit(NODE, id, 1, leaf, path.clone()), Error::<Test>::NotAStorageNode);
		put_device(NODE, NODE_OWNER, depin_primitives::DeviceKind::StorageNode);
		assert_ok!(submit(NODE, id, 1, leaf, path));
	});
}

#[test]
fn a_proof_without_a_recorded_seed_is_refused() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(1);
		let (leaf, path) = proof_of(&data(), challenged(id));
		crate::PeriodSeeds::<Test>::remove(1);
		assert_noop!(submit(NODE, id, 1, leaf, path), Error::<Test>::SeedUnknown);
	});
}

#[test]
fn a_proof_after_too_many_faults_in_a_row_is_refused_until_termination() {
	build_and_execute(|| {
		let data = file(1_000, 7);
		assert_ok!(Deals::propose_deal(
			RuntimeOrigin::signed(CLIENT),
			NODE,
			root_of(&data),
			SIZE,
			10,
			PRICE,
			COLLATERAL
		));
		assert_ok!(Deals::accept_deal(RuntimeOrigin::signed(NODE_OWNER), 0));
		// Periods 1, 2, 3 unproven: 3 = MaxConsecutiveFaults.
		run_to_period(1 + MAX_FAULTS as u64);
		assert_noop!(prove_now(0, &data), Error::<Test>::DealTerminable);
	});
}

#[test]
fn a_proof_after_fewer_faults_counts_them_and_resets_the_run() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(3);
		assert_ok!(prove_now(id, &data()));
		assert_eq!(
			last_event(),
			crate::Event::ProofAccepted {
				deal: id,
				period: 3,
				index: challenged(id),
				points: SIZE,
				faults: 2
			}
		);
		let crate::DealState::Active(p) = crate::Deals::<Test>::get(id).unwrap().state else {
			panic!("running")
		};
		assert_eq!((p.proven, p.faults, p.consecutive, p.judged), (1, 2, 0, 4));
		// Money for the faults moves at the next settlement, not at the proof.
		assert_eq!(holds(CLIENT), (TOTAL, DEPOSIT, 0));
		assert_eq!(holds(NODE_OWNER), (0, 0, COLLATERAL));
	});
}
