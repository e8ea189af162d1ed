//! Faults, penalties and termination, with exact amounts; what a provider cannot be paid and
//! what a client cannot take back.

use super::*;
use crate::{Error, Event};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_reported_fault_pays_the_client_the_penalty_and_refunds_the_period() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(1);
		assert_ok!(prove_now(id, &data()));
		// Period 2 unproven; in period 3 anyone reports it.
		run_to_period(3);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(
			last_event(),
			Event::DealSettled {
				deal: id,
				periods: 1,
				paid: PER_PERIOD,
				faults: 1,
				penalty: PENALTY,
				refunded: PER_PERIOD
			}
		);
		// The client: period 1 paid, period 2 refunded, period 3 still held; the penalty.
		assert_eq!(holds(CLIENT), (PER_PERIOD, DEPOSIT, 0));
		assert_eq!(free(CLIENT), INITIAL - TOTAL - DEPOSIT + PER_PERIOD + PENALTY);
		// The owner: paid period 1, lost the penalty from its collateral.
		assert_eq!(holds(NODE_OWNER), (0, 0, COLLATERAL - PENALTY));
		assert_eq!(free(NODE_OWNER), INITIAL - COLLATERAL + PER_PERIOD);
		assert_eq!(free(STRANGER), INITIAL, "the reporter gets nothing");
		// Nothing more to report until another period goes unproven.
		assert_noop!(
			Deals::report_fault(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NoFault
		);
		// Period 3 proven; after the end the deal completes with the rest of the collateral.
		assert_ok!(prove_now(id, &data()));
		run_to_period(4);
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		assert_eq!(
			last_event(),
			Event::DealCompleted { deal: id, collateral: COLLATERAL - PENALTY, deposit: DEPOSIT }
		);
		assert_eq!(holds(CLIENT), (0, 0, 0));
		assert_eq!(holds(NODE_OWNER), (0, 0, 0));
		assert_eq!(free(CLIENT), INITIAL - 2 * PER_PERIOD + PENALTY);
		assert_eq!(free(NODE_OWNER), INITIAL + 2 * PER_PERIOD - PENALTY);
	});
}

#[test]
fn max_consecutive_faults_terminate_the_deal_with_exact_amounts() {
	build_and_execute(|| {
		let id = accepted_for(10);
		let total = PER_PERIOD * 10;
		run_to_period(1);
		assert_ok!(prove_now(id, &data()));
		// Periods 2, 3 and 4 unproven: in period 5 the deal is terminable.
		run_to_period(5);
		assert_eq!(Deals::deal_status(id).unwrap().phase, crate::DealPhase::Terminable);
		let treasury_before = free(TREASURY);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(STRANGER), id));
		let slashed = COLLATERAL - 3 * PENALTY;
		let refunded = 9 * PER_PERIOD + DEPOSIT;
		assert_eq!(
			last_event(),
			Event::DealTerminated {
				deal: id,
				paid: PER_PERIOD,
				penalty: 3 * PENALTY,
				refunded,
				slashed
			}
		);
		// The client paid for the one proven period only, and has the penalties.
		assert_eq!(holds(CLIENT), (0, 0, 0));
		assert_eq!(free(CLIENT), INITIAL - PER_PERIOD + 3 * PENALTY);
		assert_eq!(total - PER_PERIOD + DEPOSIT, refunded);
		// The owner: paid its proven period, lost the whole collateral.
		assert_eq!(holds(NODE_OWNER), (0, 0, 0));
		assert_eq!(free(NODE_OWNER), INITIAL - COLLATERAL + PER_PERIOD);
		assert_eq!(free(TREASURY), treasury_before + slashed);
		assert!(crate::Deals::<Test>::get(id).is_none());
		assert!(Deals::deals_of_provider(&NODE).is_empty());
		assert_eq!(crate::Providers::<Test>::get(NODE).unwrap().used, 0);
	});
}

#[test]
fn the_owner_settling_a_terminable_deal_terminates_it() {
	build_and_execute(|| {
		let id = accepted_for(10);
		run_to_period(1 + MAX_FAULTS as u64);
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		assert_eq!(
			last_event(),
			Event::DealTerminated {
				deal: id,
				paid: 0,
				penalty: 3 * PENALTY,
				refunded: 10 * PER_PERIOD + DEPOSIT,
				slashed: COLLATERAL - 3 * PENALTY
			}
		);
		assert_eq!(free(CLIENT), INITIAL + 3 * PENALTY);
		assert_eq!(free(NODE_OWNER), INITIAL - COLLATERAL);
	});
}

#[test]
fn a_provider_cannot_be_paid_for_periods_it_did_not_prove() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(1);
		assert_noop!(
			Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id),
			Error::<Test>::NothingToSettle
		);
		// Period 1 passes unproven: settling pays nothing and costs the penalty.
		run_to_period(2);
		assert_eq!(Deals::deal_status(id).unwrap().settle_pays, 0);
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		assert_eq!(
			last_event(),
			Event::DealSettled {
				deal: id,
				periods: 0,
				paid: 0,
				faults: 1,
				penalty: PENALTY,
				refunded: PER_PERIOD
			}
		);
		assert_eq!(free(NODE_OWNER), INITIAL - COLLATERAL);
		// A late proof of period 1 changes nothing.
		let (leaf, path) = proof_of(&data(), 0);
		assert_noop!(
			Deals::submit_proof(RuntimeOrigin::signed(NODE), id, 1, Box::new(leaf), path),
			Error::<Test>::ProofTooLate
		);
		assert_noop!(
			Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id),
			Error::<Test>::NothingToSettle
		);
	});
}

#[test]
fn a_client_cannot_get_back_what_proven_periods_earned() {
	build_and_execute(|| {
		let id = running_deal();
		for p in 1..=2 {
			run_to_period(p);
			assert_ok!(prove_now(id, &data()));
		}
		// The client cancels? Not a proposal any more.
		assert_noop!(
			Deals::cancel_proposal(RuntimeOrigin::signed(CLIENT), id),
			Error::<Test>::NotProposed
		);
		// The last period fails; the client's report refunds that one period only and the
		// provider is paid its two, even unsettled until now.
		run_to_period(4);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(CLIENT), id));
		let evs = events();
		assert_eq!(
			evs[evs.len() - 2],
			Event::DealSettled {
				deal: id,
				periods: 2,
				paid: 2 * PER_PERIOD,
				faults: 1,
				penalty: PENALTY,
				refunded: PER_PERIOD
			}
		);
		assert_eq!(
			evs[evs.len() - 1],
			Event::DealCompleted { deal: id, collateral: COLLATERAL - PENALTY, deposit: DEPOSIT }
		);
		assert_eq!(free(CLIENT), INITIAL - 2 * PER_PERIOD + PENALTY);
		assert_eq!(free(NODE_OWNER), INITIAL + 2 * PER_PERIOD - PENALTY);
	});
}

#[test]
fn faults_then_a_proof_then_more_faults_count_consecutive_runs_only() {
	build_and_execute(|| {
		let id = accepted_for(10);
		// Periods 1, 2 unproven; 3 proven; 4, 5 unproven: never 3 in a row.
		run_to_period(3);
		assert_ok!(prove_now(id, &data()));
		run_to_period(6);
		assert_eq!(Deals::deal_status(id).unwrap().phase, crate::DealPhase::Running);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(
			last_event(),
			Event::DealSettled {
				deal: id,
				periods: 1,
				paid: PER_PERIOD,
				faults: 4,
				penalty: 4 * PENALTY,
				refunded: 4 * PER_PERIOD
			}
		);
		assert_eq!(holds(NODE_OWNER), (0, 0, COLLATERAL - 4 * PENALTY));
		// Period 6 too: 3 in a row (4, 5, 6) terminate in period 7.
		run_to_period(7);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(
			last_event(),
			Event::DealTerminated {
				deal: id,
				paid: 0,
				penalty: PENALTY,
				refunded: 5 * PER_PERIOD + DEPOSIT,
				slashed: COLLATERAL - 5 * PENALTY
			}
		);
		assert_eq!(free(CLIENT), INITIAL - PER_PERIOD + 5 * PENALTY);
	});
}

#[test]
fn penalties_never_take_the_collateral_below_the_existential_deposit() {
	build_and_execute(|| {
		// A deal whose collateral is down to one penalty (as after earlier ones): two more
		// faults take it down to the existential deposit (1), no further.
		let id = accepted_for(10);
		crate::Deals::<Test>::mutate(id, |d| {
			let d = d.as_mut().unwrap();
			d.collateral_left = PENALTY;
		});
		// Keep the holds in step with the shrunk collateral.
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<AccountId>>::release(
			&crate::HoldReason::DealCollateral.into(),
			&NODE_OWNER,
			COLLATERAL - PENALTY,
			frame_support::traits::tokens::Precision::Exact
		));
		run_to_period(3);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(
			last_event(),
			Event::DealSettled {
				deal: id,
				periods: 0,
				paid: 0,
				faults: 2,
				penalty: PENALTY - 1,
				refunded: 2 * PER_PERIOD
			}
		);
		assert_eq!(holds(NODE_OWNER), (0, 0, 1));
		// The third fault in a row terminates: the last planck goes to the treasury.
		run_to_period(4);
		let treasury = free(TREASURY);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(
			last_event(),
			Event::DealTerminated {
				deal: id,
				paid: 0,
				penalty: 0,
				refunded: 8 * PER_PERIOD + DEPOSIT,
				slashed: 1
			}
		);
		assert_eq!(free(TREASURY), treasury + 1);
		assert_eq!(holds(NODE_OWNER), (0, 0, 0));
	});
}

#[test]
fn a_deal_unproven_to_its_end_terminates_at_its_settlement() {
	build_and_execute(|| {
		// Three periods, none proven: settled after the end, it terminates (it does not complete).
		let id = running_deal();
		run_to_period(9);
		assert_eq!(Deals::deal_status(id).unwrap().phase, crate::DealPhase::Terminable);
		assert_ok!(Deals::report_fault(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(
			last_event(),
			Event::DealTerminated {
				deal: id,
				paid: 0,
				penalty: 3 * PENALTY,
				refunded: TOTAL + DEPOSIT,
				slashed: COLLATERAL - 3 * PENALTY
			}
		);
		assert_eq!(free(CLIENT), INITIAL + 3 * PENALTY);
	});
}

#[test]
fn the_client_completes_an_ended_deal_the_owner_does_not_settle() {
	build_and_execute(|| {
		let id = running_deal();
		for p in 1..=3 {
			run_to_period(p);
			assert_ok!(prove_now(id, &data()));
		}
		run_to_period(4);
		// Nothing is a fault: a report has nothing to report.
		assert_noop!(
			Deals::report_fault(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NoFault
		);
		let s = Deals::deal_status(id).unwrap();
		assert_eq!((s.settle_pays, s.client_gets), (TOTAL, DEPOSIT));
		// The client settles: the owner is paid all three periods, the deposit comes back.
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(CLIENT), id));
		assert_eq!(
			last_event(),
			Event::DealCompleted { deal: id, collateral: COLLATERAL, deposit: DEPOSIT }
		);
		assert_eq!(free(CLIENT), INITIAL - TOTAL);
		assert_eq!(free(NODE_OWNER), INITIAL + TOTAL);
		assert_eq!(holds(CLIENT), (0, 0, 0));
		assert_eq!(holds(NODE_OWNER), (0, 0, 0));
	});
}

#[test]
fn a_settlement_is_refunded_down_to_what_it_did() {
	use crate::WeightInfo;
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(1);
		assert_ok!(prove_now(id, &data()));
		run_to_period(2);
		// Charged up front for the worst case; a plain payment keeps the completion's weight.
		let charged = crate::Pallet::<Test>::settlement_weight();
		assert!(charged.all_gte(<() as WeightInfo>::terminate_deal()));
		let info = Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::settle_deal()));
		// A termination keeps the termination's.
		let long = accepted_for(10);
		run_to_period(6);
		let info = Deals::report_fault(RuntimeOrigin::signed(STRANGER), long).unwrap();
		assert!(matches!(last_event(), Event::DealTerminated { .. }));
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::terminate_deal()));
	});
}
