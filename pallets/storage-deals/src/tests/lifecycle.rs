//! A deal's whole life, with exact balances and holds at every step; asks; cancellation;
//! the runtime API's view.

use super::*;
use crate::{DealPhase, DealState, Event, Progress};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_full_deal_pays_the_provider_releases_everything_and_earns_points() {
	build_and_execute(|| {
		// Propose: the total price and the deposit are held from the client.
		let id = propose();
		assert_eq!(id, 0);
		assert_eq!(holds(CLIENT), (TOTAL, DEPOSIT, 0));
		assert_eq!(free(CLIENT), INITIAL - TOTAL - DEPOSIT);
		assert_eq!(
			last_event(),
			Event::DealProposed {
				deal: 0,
				client: CLIENT,
				provider: NODE,
				root: root_of(&data()),
				size: SIZE,
				duration: DURATION,
				total: TOTAL,
				collateral: COLLATERAL,
				deposit: DEPOSIT,
				expires_at: 1 + EXPIRY,
			}
		);
		assert_eq!(Deals::deals_of_client(&CLIENT), vec![0]);

		// Accept: the collateral is held from the owner; the deal runs in periods 1..4.
		assert_ok!(Deals::accept_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		assert_eq!(holds(NODE_OWNER), (0, 0, COLLATERAL));
		assert_eq!(free(NODE_OWNER), INITIAL - COLLATERAL);
		assert_eq!(
			last_event(),
			Event::DealAccepted { deal: 0, owner: NODE_OWNER, start: 1, end: 4 }
		);
		assert_eq!(Deals::deals_of_provider(&NODE), vec![0]);
		assert_eq!(crate::Providers::<Test>::get(NODE).unwrap().used, SIZE);
		assert_eq!(Deals::deal_status(id).unwrap().phase, DealPhase::Pending);

		// Period 1: the node proves the challenged leaf; it earns `size` points.
		run_to_period(1);
		let status = Deals::deal_status(id).unwrap();
		assert_eq!(status.phase, DealPhase::Running);
		assert_eq!(status.challenge, Some((1, challenged(id))));
		assert_ok!(prove_now(id, &data()));
		assert_eq!(
			last_event(),
			Event::ProofAccepted {
				deal: 0,
				period: 1,
				index: challenged(id),
				points: SIZE,
				faults: 0
			}
		);
		assert_eq!(points(), vec![(NODE, SIZE)]);
		assert_eq!(Deals::deal_status(id).unwrap().challenge, None, "period 1 is proven");
		assert_eq!(Deals::deal_status(id).unwrap().settle_pays, PER_PERIOD);

		// Settle: one period paid from the client's hold to the owner.
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		assert_eq!(
			last_event(),
			Event::DealSettled {
				deal: 0,
				periods: 1,
				paid: PER_PERIOD,
				faults: 0,
				penalty: 0,
				refunded: 0
			}
		);
		assert_eq!(holds(CLIENT), (TOTAL - PER_PERIOD, DEPOSIT, 0));
		assert_eq!(free(NODE_OWNER), INITIAL - COLLATERAL + PER_PERIOD);
		crate::Pallet::<Test>::do_try_state().unwrap();

		// Periods 2 and 3 proven; settled after the end, the deal completes.
		run_to_period(2);
		assert_ok!(prove_now(id, &data()));
		run_to_period(3);
		assert_ok!(prove_now(id, &data()));
		assert_eq!(holds(CLIENT), (TOTAL - PER_PERIOD, DEPOSIT, 0), "proven is not yet paid");
		run_to_period(4);
		assert_eq!(Deals::deal_status(id).unwrap().phase, DealPhase::Ended);
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		let evs = events();
		assert_eq!(
			evs[evs.len() - 2],
			Event::DealSettled {
				deal: 0,
				periods: 2,
				paid: 2 * PER_PERIOD,
				faults: 0,
				penalty: 0,
				refunded: 0
			}
		);
		assert_eq!(
			evs[evs.len() - 1],
			Event::DealCompleted { deal: 0, collateral: COLLATERAL, deposit: DEPOSIT }
		);
		assert_eq!(holds(CLIENT), (0, 0, 0));
		assert_eq!(holds(NODE_OWNER), (0, 0, 0));
		assert_eq!(free(CLIENT), INITIAL - TOTAL);
		assert_eq!(free(NODE_OWNER), INITIAL + TOTAL);
		assert_eq!(points(), vec![(NODE, SIZE), (NODE, SIZE), (NODE, SIZE)]);
		assert!(crate::Deals::<Test>::get(id).is_none());
		assert!(Deals::deal_status(id).is_none());
		assert!(Deals::deals_of_client(&CLIENT).is_empty());
		assert!(Deals::deals_of_provider(&NODE).is_empty());
		assert_eq!(crate::Providers::<Test>::get(NODE).unwrap().used, 0, "the ask stays");
	});
}

#[test]
fn the_client_cancels_a_proposal_and_gets_everything_back() {
	build_and_execute(|| {
		let id = propose();
		assert_ok!(Deals::cancel_proposal(RuntimeOrigin::signed(CLIENT), id));
		assert_eq!(
			last_event(),
			Event::ProposalCancelled { deal: 0, client: CLIENT, refunded: TOTAL + DEPOSIT }
		);
		assert_eq!(holds(CLIENT), (0, 0, 0));
		assert_eq!(free(CLIENT), INITIAL);
		assert!(crate::Deals::<Test>::get(id).is_none());
		assert!(crate::ClientDeals::<Test>::get(CLIENT).is_empty());
	});
}

#[test]
fn an_expired_proposal_cannot_be_accepted_and_anyone_cancels_it_for_the_client() {
	build_and_execute(|| {
		let id = propose();
		assert_noop!(
			Deals::cancel_proposal(RuntimeOrigin::signed(STRANGER), id),
			crate::Error::<Test>::NotClient
		);
		run_to(1 + EXPIRY);
		assert_eq!(Deals::deal_status(id).unwrap().phase, DealPhase::Proposed);
		run_to(2 + EXPIRY);
		assert_eq!(Deals::deal_status(id).unwrap().phase, DealPhase::Expired);
		assert_noop!(
			Deals::accept_deal(RuntimeOrigin::signed(NODE_OWNER), id),
			crate::Error::<Test>::ProposalExpired
		);
		assert_ok!(Deals::cancel_proposal(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(free(CLIENT), INITIAL);
		assert_eq!(holds(CLIENT), (0, 0, 0));
		assert_eq!(free(STRANGER), INITIAL, "the canceller gets nothing");
	});
}

#[test]
fn asks_are_set_replaced_and_cleared_by_the_owner() {
	build_and_execute(|| {
		let new = crate::Ask { price: 5, min_duration: 2, max_duration: 4, capacity: 50 };
		assert_ok!(Deals::set_ask(RuntimeOrigin::signed(NODE_OWNER), NODE, new.clone()));
		assert_eq!(last_event(), Event::AskSet { device: NODE, ask: new.clone() });
		assert_eq!(crate::Providers::<Test>::get(NODE).unwrap().ask, Some(new));
		assert_ok!(Deals::clear_ask(RuntimeOrigin::signed(NODE_OWNER), NODE));
		assert_eq!(last_event(), Event::AskCleared { device: NODE });
		assert!(crate::Providers::<Test>::get(NODE).is_none(), "no deals: the record goes");
	});
}

#[test]
fn a_cleared_ask_leaves_running_deals_alone_and_the_record_goes_with_the_last() {
	build_and_execute(|| {
		let id = running_deal();
		assert_ok!(Deals::clear_ask(RuntimeOrigin::signed(NODE_OWNER), NODE));
		let record = crate::Providers::<Test>::get(NODE).unwrap();
		assert_eq!((record.ask, record.deals.into_inner()), (None, vec![id]));
		for p in 1..=3 {
			run_to_period(p);
			assert_ok!(prove_now(id, &data()));
		}
		run_to_period(4);
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		assert!(crate::Providers::<Test>::get(NODE).is_none());
	});
}

#[test]
fn a_removed_device_loses_its_ask_but_not_its_deals() {
	use depin_primitives::OnDeviceChange;
	build_and_execute(|| {
		let id = running_deal();
		<crate::Pallet<Test> as OnDeviceChange<AccountId>>::on_device_removed(&NODE, &NODE_OWNER);
		let record = crate::Providers::<Test>::get(NODE).unwrap();
		assert_eq!((record.ask, record.deals.into_inner()), (None, vec![id]));
		<crate::Pallet<Test> as OnDeviceChange<AccountId>>::on_device_removed(&NODE2, &NODE2_OWNER);
		assert!(crate::Providers::<Test>::get(NODE2).is_none());
	});
}

#[test]
fn seeds_are_recorded_at_each_period_start_and_pruned() {
	build_and_execute(|| {
		run_to(PERIOD - 1);
		assert_eq!(crate::PeriodSeeds::<Test>::iter().count(), 0);
		run_to(PERIOD);
		assert_eq!(crate::PeriodSeeds::<Test>::get(1), Some(block_hash(PERIOD - 1)));
		run_to(PERIOD + 5);
		assert_eq!(crate::PeriodSeeds::<Test>::iter().count(), 1, "mid-period: nothing new");
		run_to_period(SEEDS as u64 + 2);
		assert_eq!(crate::PeriodSeeds::<Test>::iter().count(), SEEDS as usize);
		assert!(crate::PeriodSeeds::<Test>::get(2).is_none(), "pruned");
		assert!(crate::PeriodSeeds::<Test>::get(3).is_some());
	});
}

#[test]
fn the_api_reports_the_challenge_faults_and_what_a_settlement_would_pay() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(1);
		assert_ok!(prove_now(id, &data()));
		run_to_period(3);
		let s = Deals::deal_status(id).unwrap();
		assert_eq!(s.current_period, 3);
		assert_eq!(s.phase, DealPhase::Running);
		assert_eq!(s.pending_faults, 1, "period 2 unproven");
		assert_eq!(s.settle_pays, PER_PERIOD);
		assert_eq!(s.client_gets, PENALTY + PER_PERIOD);
		assert_eq!(s.challenge, Some((3, challenged(id))));
		// What the API said is what the settlement does.
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(NODE_OWNER), id));
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
		let DealState::Active(p) = crate::Deals::<Test>::get(id).unwrap().state else {
			panic!("running")
		};
		assert_eq!(
			p,
			Progress {
				start: 1,
				judged: 3,
				proven: 1,
				paid: 1,
				faults: 1,
				faults_settled: 1,
				consecutive: 1
			}
		);
	});
}

#[test]
fn the_challenge_follows_the_specified_derivation() {
	build_and_execute(|| {
		let id = running_deal();
		run_to_period(2);
		let seed = block_hash(2 * PERIOD - 1);
		let mut buf = b"depin/challenge/v1".to_vec();
		buf.extend_from_slice(&seed.0);
		buf.extend_from_slice(&id.to_le_bytes());
		buf.extend_from_slice(&2u64.to_le_bytes());
		let h = sp_io::hashing::blake2_256(&buf);
		let expected = u64::from_le_bytes(h[..8].try_into().unwrap()) % SIZE.div_ceil(256);
		assert_eq!(challenged(id), expected);
	});
}

#[test]
fn try_state_catches_holds_and_indexes_that_differ_from_the_deals() {
	use frame_support::traits::fungible::MutateHold;
	new_test_ext().execute_with(|| {
		let id = running_deal();
		assert_ok!(crate::Pallet::<Test>::do_try_state());
		// One planck more held than the deal owes.
		assert_ok!(Balances::hold(&crate::HoldReason::DealPayment.into(), &CLIENT, 1));
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
		assert_ok!(Balances::release(
			&crate::HoldReason::DealPayment.into(),
			&CLIENT,
			1,
			frame_support::traits::tokens::Precision::Exact
		));
		assert_ok!(crate::Pallet::<Test>::do_try_state());
		// The provider's index loses the deal.
		crate::Providers::<Test>::mutate(NODE, |p| p.as_mut().unwrap().deals.clear());
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
		crate::Providers::<Test>::mutate(NODE, |p| p.as_mut().unwrap().deals.try_push(id).unwrap());
		assert_ok!(crate::Pallet::<Test>::do_try_state());
		// Judged periods that are neither proven nor faults.
		crate::Deals::<Test>::mutate(id, |d| {
			if let Some(crate::Deal { state: DealState::Active(p), .. }) = d {
				p.judged += 1;
			}
		});
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
	});
}
