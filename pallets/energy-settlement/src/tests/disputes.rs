//! Disputes: upheld (reading voided, the interval settled without it, the deposit slashed, the
//! meter barred) and rejected (the bond slashed); every refusal.

use super::*;
use crate::{Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// Three meters read interval 1: producers M1 (300) and M2 (100), consumer M4 (200).
fn three_readings() {
	ready(&[M1, M2, M4]);
	run_to_reading(1);
	read_one(M1, 300, 0);
	read_one(M2, 100, 0);
	read_one(M4, 0, 200);
}

fn dispute(who: AccountId, m: AccountId) -> sp_runtime::DispatchResult {
	Energy::dispute_reading(RuntimeOrigin::signed(who), m, 1)
}

#[test]
fn an_upheld_dispute_voids_the_reading_and_slashes_the_meter() {
	build_and_execute(|| {
		three_readings();
		assert_ok!(dispute(STRANGER, M1));
		assert_eq!(
			last_event(),
			Event::ReadingDisputed { meter: M1, interval: 1, disputer: STRANGER, bond: BOND }
		);
		assert_eq!(holds(STRANGER), (0, 0, BOND));
		run_to_final(1);
		// Nobody in the interval settles while the dispute is open.
		assert_noop!(settle(M2, 1), Error::<Test>::IntervalDisputed);
		assert_noop!(
			Energy::resolve_dispute(RuntimeOrigin::signed(STRANGER), M1, 1, true),
			DispatchError::BadOrigin
		);
		let treasury = free(TREASURY);
		assert_ok!(Energy::resolve_dispute(RuntimeOrigin::root(), M1, 1, true));
		assert_eq!(
			last_event(),
			Event::DisputeUpheld { meter: M1, interval: 1, disputer: STRANGER, slashed: DEPOSIT }
		);
		assert_eq!(free(TREASURY), treasury + DEPOSIT);
		assert_eq!((free(STRANGER), holds(STRANGER)), (INITIAL, (0, 0, 0)));
		assert_eq!(holds(owner(M1)), (0, ESCROW, 0));
		assert!(reading(M1, 1).is_none());
		// The interval settles without M1: P = 100, C = 200, M = 100.
		let zone = Flow { produced: 100, consumed: 200 };
		assert_eq!(crate::Intervals::<Test>::get(0, 1).unwrap().flow, zone);
		assert_noop!(settle(M1, 1), Error::<Test>::NoReading);
		let (m2, m4) = (free(owner(M2)), held(owner(M4), crate::HoldReason::Escrow));
		assert_ok!(settle(M2, 1));
		assert_ok!(settle(M4, 1));
		assert_eq!(free(owner(M2)), m2 + expected(tariffs(), zone, 100, 0).0);
		assert_eq!(free(owner(M2)), m2 + 2_000);
		assert_eq!(held(owner(M4), crate::HoldReason::Escrow), m4 - 5_000);
		// The barred meter reads no more, but can leave with its escrow.
		run_to_reading(2);
		let (p, c) = base(M1);
		assert_noop!(read(M1, 2, p + 300, c), Error::<Test>::MeterBarred);
		// Its deposit stays slashed: funding goes to escrow.
		assert_ok!(Energy::fund_escrow(RuntimeOrigin::signed(owner(M1)), M1, 10));
		assert_eq!(holds(owner(M1)), (0, ESCROW + 10, 0));
		assert_ok!(Energy::deregister_meter(RuntimeOrigin::signed(owner(M1)), M1));
		assert_eq!(free(owner(M1)), INITIAL - DEPOSIT);
	});
}

#[test]
fn a_rejected_dispute_slashes_the_bond() {
	build_and_execute(|| {
		three_readings();
		assert_ok!(dispute(STRANGER, M4));
		let treasury = free(TREASURY);
		assert_ok!(Energy::resolve_dispute(RuntimeOrigin::root(), M4, 1, false));
		assert_eq!(
			last_event(),
			Event::DisputeRejected { meter: M4, interval: 1, disputer: STRANGER, slashed: BOND }
		);
		assert_eq!(free(TREASURY), treasury + BOND);
		assert_eq!((free(STRANGER), holds(STRANGER)), (INITIAL - BOND, (0, 0, 0)));
		assert_eq!(holds(owner(M4)), (DEPOSIT, ESCROW, 0));
		// The reading stands; resolved within the grace period, it can be disputed again.
		assert!(!reading(M4, 1).unwrap().disputed);
		assert!(crate::Disputes::<Test>::get(M4, 1).is_none());
		assert_noop!(
			Energy::resolve_dispute(RuntimeOrigin::root(), M4, 1, false),
			Error::<Test>::NotDisputed
		);
		run_to_final(1);
		let zone = Flow { produced: 400, consumed: 200 };
		let before = held(owner(M4), crate::HoldReason::Escrow);
		assert_ok!(settle(M4, 1));
		assert_eq!(
			held(owner(M4), crate::HoldReason::Escrow),
			before - expected(tariffs(), zone, 0, 200).1
		);
	});
}

#[test]
fn dispute_refusals() {
	build_and_execute(|| {
		three_readings();
		assert_noop!(dispute(STRANGER, M5), Error::<Test>::NoReading);
		assert_noop!(dispute(PAUPER, M1), Error::<Test>::InsufficientBalance);
		assert_ok!(dispute(STRANGER, M1));
		assert_noop!(dispute(owner(M2), M1), Error::<Test>::AlreadyDisputed);
		assert_noop!(
			Energy::resolve_dispute(RuntimeOrigin::root(), M5, 1, true),
			Error::<Test>::NoReading
		);
		assert_noop!(
			Energy::resolve_dispute(RuntimeOrigin::root(), M2, 1, true),
			Error::<Test>::NotDisputed
		);
		run_to_final(1);
		assert_noop!(dispute(STRANGER, M2), Error::<Test>::DisputeWindowOver);
		assert_noop!(settle(M2, 1), Error::<Test>::IntervalDisputed);
		// Settlement waits for the end of the grace period.
		assert_ok!(Energy::resolve_dispute(RuntimeOrigin::root(), M1, 1, false));
		assert_ok!(settle(M2, 1));
	});
}

#[test]
fn settlement_waits_for_the_interval_to_be_final() {
	build_and_execute(|| {
		three_readings();
		run_to(23);
		assert_noop!(settle(M1, 1), Error::<Test>::IntervalNotFinal);
		run_to(24);
		assert_ok!(settle(M1, 1));
		assert_noop!(Energy::settle(RuntimeOrigin::none(), M2, 1), DispatchError::BadOrigin);
	});
}

#[test]
fn a_void_of_the_last_reading_removes_the_totals() {
	build_and_execute(|| {
		ready(&[M1]);
		run_to_reading(1);
		read_one(M1, 5, 0);
		assert_ok!(dispute(STRANGER, M1));
		assert_ok!(Energy::resolve_dispute(RuntimeOrigin::root(), M1, 1, true));
		assert!(crate::Intervals::<Test>::get(0, 1).is_none());
	});
}

#[test]
fn an_upheld_dispute_of_a_consumer_releases_its_reserve() {
	build_and_execute(|| {
		three_readings();
		assert_eq!(crate::Meters::<Test>::get(M4).unwrap().reserved(), 6_000);
		assert_ok!(dispute(STRANGER, M4));
		assert_ok!(Energy::resolve_dispute(RuntimeOrigin::root(), M4, 1, true));
		let meter = crate::Meters::<Test>::get(M4).unwrap();
		assert_eq!((meter.reserved(), meter.deposit, meter.barred), (0, 0, true));
		assert_eq!(holds(owner(M4)), (0, ESCROW, 0));
		// Producers only are left: 400 Wh exported at the feed-in price.
		assert_eq!(
			crate::Intervals::<Test>::get(0, 1).unwrap().flow,
			Flow { produced: 400, consumed: 0 }
		);
		run_to_final(1);
		let m1 = free(owner(M1));
		assert_ok!(settle(M1, 1));
		assert_eq!(free(owner(M1)), m1 + 3_000);
	});
}

#[test]
fn a_disputed_grid_reading_waits_alone() {
	build_and_execute(|| {
		ready(&[M1, M2]);
		// M1 misses interval 1: its reading of interval 2 is a grid reading; M2 reads locally.
		run_to_reading(1);
		read_one(M2, 10, 0);
		run_to_reading(2);
		let (p, c) = base(M1);
		assert_ok!(read(M1, 2, p + 50, c));
		let (p2, c2) = base(M2);
		assert_ok!(read(M2, 2, p2 + 20, c2));
		// Disputed at the last block of the grace period.
		run_to(33);
		assert_ok!(Energy::dispute_reading(RuntimeOrigin::signed(STRANGER), M1, 2));
		assert_eq!(crate::Intervals::<Test>::get(0, 2).unwrap().disputes, 0);
		run_to_final(2);
		assert_noop!(settle(M1, 2), Error::<Test>::IntervalDisputed);
		assert_ok!(settle(M2, 2));
		assert_ok!(Energy::resolve_dispute(RuntimeOrigin::root(), M1, 2, false));
		let before = free(owner(M1));
		assert_ok!(settle(M1, 2));
		assert_eq!(free(owner(M1)), before + 500);
	});
}
