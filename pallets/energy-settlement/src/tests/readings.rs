//! Readings: the window, order, registers, the physics bound, missed intervals, the device's
//! standing, free when valid.

use super::*;
use crate::{Error, Event, HoldReason, ReadingKind};
use depin_primitives::DeviceState;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{CheckIfFeeless, GetDispatchInfo},
};

#[test]
fn the_first_reading_is_a_baseline() {
	build_and_execute(|| {
		register(M1, 1_000);
		run_to_reading(0);
		// Registers can start anywhere: a meter has a history.
		assert_ok!(read(M1, 0, 123_456_789, 987_654_321));
		assert_eq!(
			last_event(),
			Event::ReadingAccepted {
				meter: M1,
				interval: 0,
				flow: Flow::default(),
				kind: ReadingKind::Baseline,
				missed: 0,
				penalty: 0,
			}
		);
		assert!(crate::Meters::<Test>::get(M1).unwrap().readings.is_empty());
		assert_noop!(settle(M1, 0), Error::<Test>::NoReading);
		let meter = crate::Meters::<Test>::get(M1).unwrap();
		assert_eq!((meter.next, meter.readings.len()), (1, 0));
	});
}

#[test]
fn readings_only_in_the_grace_period_once_per_interval() {
	build_and_execute(|| {
		ready(&[M1]);
		let (p, c) = base(M1);
		// Block 10..=13: interval 0's grace. Interval 1 has not ended.
		assert_noop!(read(M1, 1, p, c), Error::<Test>::ReadingTooEarly);
		run_to(19);
		assert_noop!(read(M1, 1, p, c), Error::<Test>::ReadingTooEarly);
		run_to(20);
		assert_noop!(read(M1, 0, p, c), Error::<Test>::ReadingTooLate);
		assert_ok!(read(M1, 1, p + 5, c));
		assert_noop!(read(M1, 1, p + 5, c), Error::<Test>::AlreadyRead);
		run_to(33);
		assert_ok!(read(M1, 2, p + 5, c));
		run_to(44);
		assert_noop!(read(M1, 3, p + 5, c), Error::<Test>::ReadingTooLate);
	});
}

#[test]
fn a_meter_registered_after_an_interval_cannot_read_it() {
	build_and_execute(|| {
		run_to(11);
		register(M1, 100);
		assert_noop!(read(M1, 0, 0, 0), Error::<Test>::AlreadyRead);
		run_to(20);
		assert_ok!(read(M1, 1, 0, 0));
	});
}

#[test]
fn registers_never_go_backwards() {
	build_and_execute(|| {
		ready(&[M1]);
		run_to_reading(1);
		let (p, c) = base(M1);
		assert_noop!(read(M1, 1, p - 1, c), Error::<Test>::RegistersBackwards);
		assert_noop!(read(M1, 1, p, c - 1), Error::<Test>::RegistersBackwards);
		assert_ok!(read(M1, 1, p, c));
	});
}

#[test]
fn energy_is_bounded_by_rated_power_over_the_time_covered() {
	build_and_execute(|| {
		// 10 kW for an hour: 10,000 Wh each way at most.
		ready(&[M1]);
		run_to_reading(1);
		let (p, c) = base(M1);
		assert_noop!(read(M1, 1, p + 10_001, c), Error::<Test>::OverCapacity);
		assert_noop!(read(M1, 1, p, c + 10_001), Error::<Test>::OverCapacity);
		assert_ok!(read(M1, 1, p + 10_000, c + 10_000));
		// After two missed intervals the reading covers three hours.
		run_to_reading(4);
		let (p, c) = (p + 10_000, c + 10_000);
		assert_noop!(read(M1, 4, p + 30_001, c), Error::<Test>::OverCapacity);
		assert_ok!(read(M1, 4, p + 30_000, c));
	});
}

#[test]
fn missed_intervals_cost_the_penalty_and_settle_with_the_grid() {
	build_and_execute(|| {
		ready(&[M1, M2, M4]);
		// M1 skips intervals 1 and 2; M2 and M4 trade locally in interval 3.
		run_to_reading(3);
		let treasury = free(TREASURY);
		let (p, c) = base(M1);
		assert_ok!(read(M1, 3, p + 300, c + 60));
		assert_eq!(
			last_event(),
			Event::ReadingAccepted {
				meter: M1,
				interval: 3,
				flow: Flow { produced: 300, consumed: 60 },
				kind: ReadingKind::Grid,
				missed: 2,
				penalty: 2 * PENALTY,
			}
		);
		assert_eq!(free(TREASURY), treasury + 2 * PENALTY);
		assert_eq!(holds(owner(M1)), (DEPOSIT - 2 * PENALTY, ESCROW, 0));
		// M2 and M4 also missed 1 and 2.
		let (p2, c2) = base(M2);
		assert_ok!(read(M2, 3, p2 + 50, c2));
		let (p4, c4) = base(M4);
		assert_ok!(read(M4, 3, p4, c4 + 50));
		// Grid readings stay out of the zone's market.
		assert_eq!(crate::Intervals::<Test>::get(0, 3).unwrap().flow, Flow::default());
		run_to_final(3);
		let before = free(owner(M1));
		assert_ok!(settle(M1, 3));
		// 300 × feed-in 10 − 60 × import 30.
		assert_eq!(free(owner(M1)), before + 3_000 - 1_800);
		assert!(points().is_empty());
		// The next reading is local again.
		run_to_reading(4);
		assert_ok!(read(M1, 4, p + 310, c + 60));
		assert!(matches!(
			last_event(),
			Event::ReadingAccepted { kind: ReadingKind::Local, missed: 0, .. }
		));
	});
}

#[test]
fn penalties_stop_at_the_deposit() {
	build_and_execute(|| {
		ready(&[M1]);
		// 15 missed intervals: 1,500 of penalties, 1,000 of deposit.
		run_to_reading(16);
		let (p, c) = base(M1);
		assert_ok!(read(M1, 16, p, c));
		assert!(matches!(
			last_event(),
			Event::ReadingAccepted { missed: 15, penalty: DEPOSIT, .. }
		));
		assert_eq!(holds(owner(M1)), (0, ESCROW, 0));
		// More than half the deposit gone: no reading until it is restored.
		run_to_reading(18);
		assert_noop!(read(M1, 18, p, c), Error::<Test>::DepositExhausted);
		assert_ok!(Energy::fund_escrow(RuntimeOrigin::signed(owner(M1)), M1, 1_500));
		assert!(matches!(
			last_event(),
			Event::EscrowFunded { deposit_restored: DEPOSIT, debt_paid: 0, .. }
		));
		assert_eq!(holds(owner(M1)), (DEPOSIT, ESCROW + 500, 0));
		assert_ok!(read(M1, 18, p, c));
		assert!(matches!(last_event(), Event::ReadingAccepted { missed: 1, penalty: PENALTY, .. }));
	});
}

#[test]
fn too_many_unsettled_readings() {
	build_and_execute(|| {
		ready(&[M1]);
		let (p, c) = base(M1);
		for k in 1..=MAX_UNSETTLED {
			run_to_reading(k);
			assert_ok!(read(M1, k, p, c));
		}
		run_to_reading(MAX_UNSETTLED + 1);
		assert_noop!(read(M1, MAX_UNSETTLED + 1, p, c), Error::<Test>::TooManyUnsettled);
		assert_ok!(settle(M1, 1));
		assert_ok!(read(M1, MAX_UNSETTLED + 1, p, c));
	});
}

#[test]
fn only_an_active_meter_with_a_record_reads() {
	build_and_execute(|| {
		ready(&[M1]);
		run_to_reading(1);
		let (p, c) = base(M1);
		assert_noop!(read(77, 1, p, c), Error::<Test>::NotRegistered);
		assert_noop!(read(HOTSPOT, 1, p, c), Error::<Test>::NotAnEnergyMeter);
		assert_noop!(read(M2, 1, p, c), Error::<Test>::UnknownMeter);
		set_state(M1, DeviceState::Suspended);
		assert_noop!(read(M1, 1, p, c), Error::<Test>::Suspended);
		set_state(M1, DeviceState::Deregistered);
		assert_noop!(read(M1, 1, p, c), Error::<Test>::Deregistered);
		set_state(M1, DeviceState::Active);
		assert_noop!(
			Energy::submit_reading(RuntimeOrigin::root(), 1, p, c),
			Error::<Test>::NotRegistered
		);
		// The owner's key is not the meter's.
		assert_noop!(
			Energy::submit_reading(RuntimeOrigin::signed(owner(M1)), 1, p, c),
			Error::<Test>::NotRegistered
		);
		assert_ok!(read(M1, 1, p, c));
	});
}

#[test]
fn amounts_that_do_not_fit_are_refused() {
	build_and_execute(|| {
		let huge = Tariffs { import: u128::MAX, local: 1, feed_in: 0 };
		assert_ok!(Energy::create_zone(RuntimeOrigin::root(), OPERATOR, huge));
		assert_ok!(Energy::register_meter(RuntimeOrigin::signed(owner(M1)), M1, 1, 100));
		run_to_reading(0);
		assert_ok!(read(M1, 0, 0, 0));
		run_to_reading(1);
		// 2 Wh at u128::MAX per Wh.
		assert_noop!(read(M1, 1, 0, 2), Error::<Test>::Overflow);
		assert_ok!(read(M1, 1, 0, 0));
	});
}

#[test]
fn a_valid_reading_is_free_and_an_invalid_one_is_not() {
	build_and_execute(|| {
		ready(&[M1]);
		run_to_reading(1);
		let (p, c) = base(M1);
		let call = |p, c| {
			RuntimeCall::Energy(crate::Call::submit_reading {
				interval: 1,
				produced_total: p,
				consumed_total: c,
			})
		};
		let origin = RuntimeOrigin::signed(M1);
		assert!(call(p + 1, c).is_feeless(&origin));
		assert!(!call(p - 1, c).is_feeless(&origin), "backwards");
		assert!(!call(p + 10_001, c).is_feeless(&origin), "over capacity");
		assert!(!call(p + 1, c).is_feeless(&RuntimeOrigin::signed(M2)), "not a meter");
		// Charged a reading with a penalty up front, refunded to a plain one.
		let charged = call(p + 1, c).get_dispatch_info().call_weight;
		let post = read(M1, 1, p + 1, c).unwrap();
		assert!(post.actual_weight.unwrap().all_lte(charged));
		assert_eq!(post.actual_weight, Some(<() as crate::WeightInfo>::submit_reading()));
		assert!(!call(p + 1, c).is_feeless(&origin), "a duplicate");
	});
}

#[test]
fn escrow_reserve_follows_readings() {
	build_and_execute(|| {
		ready(&[M4]);
		run_to_reading(1);
		read_one(M4, 0, 7);
		assert_eq!(crate::Meters::<Test>::get(M4).unwrap().reserved(), 210);
		assert_eq!(held(owner(M4), HoldReason::Escrow), ESCROW);
		assert_eq!(interval_at(20), 2);
	});
}
