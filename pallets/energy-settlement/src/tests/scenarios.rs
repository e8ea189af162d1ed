//! Whole intervals: three producers and two consumers with production above, below and equal to
//! consumption; zones of producers only and consumers only; 1 Wh edges; prosumers. Every amount
//! is checked against [`super::expected`] (exact fractions) and, for the first cases, against
//! numbers worked by hand.

use super::*;
use crate::{Event, ReadingKind};
use frame_support::assert_noop;

#[test]
fn production_above_consumption() {
	build_and_execute(|| {
		// P = 601, C = 400, M = 400: consumers pay 20/Wh; producers get 10/Wh plus 10/Wh on
		// their share of 400: 5013 (3010 + 2003.33), 3381 (2030 + 1351.08), 1615 (970 + 645.59).
		assert_eq!(expected(tariffs(), Flow { produced: 601, consumed: 400 }, 301, 0).0, 5013);
		let net =
			settle_interval(&[(M1, 301, 0), (M2, 203, 0), (M3, 97, 0), (M4, 0, 250), (M5, 0, 150)]);
		// The operator pays feed-in on 201 exported Wh: 2010 exactly; 2009 after rounding.
		assert_eq!(net, 8_000 - (5_013 + 3_381 + 1_615));
		assert_eq!(net, -2_009);
		// Points: each producer's local share, floored (2003.33/10 → 200, ...).
		assert_eq!(points(), vec![(M1, 200), (M2, 135), (M3, 64)]);
	});
}

#[test]
fn production_below_consumption() {
	build_and_execute(|| {
		// P = 187, C = 504, M = 187: producers are paid 20/Wh; consumers pay 30/Wh less 10/Wh on
		// their share of 187: 9030 − 1116.81 = 7913.19 → 7913; 6090 − 753.19 → 5336.
		let net =
			settle_interval(&[(M1, 100, 0), (M2, 50, 0), (M3, 37, 0), (M4, 0, 301), (M5, 0, 203)]);
		assert_eq!(net, (7_913 + 5_336) - (2_000 + 1_000 + 740));
		// Exactly 30 × 317 imported = 9510; the operator absorbs the consumers' rounding.
		assert_eq!(net, 9_509);
		assert_eq!(points(), vec![(M1, 100), (M2, 50), (M3, 37)]);
	});
}

#[test]
fn production_equals_consumption() {
	build_and_execute(|| {
		// Everything is traded locally at 20/Wh: the operator nets nothing.
		let net =
			settle_interval(&[(M1, 101, 0), (M2, 100, 0), (M3, 50, 0), (M4, 0, 200), (M5, 0, 51)]);
		assert_eq!(net, 0);
		assert_eq!(free(owner(M1)), INITIAL - DEPOSIT - ESCROW + 2_020);
		assert_eq!(held(owner(M4), crate::HoldReason::Escrow), ESCROW - 4_000);
	});
}

#[test]
fn producers_only() {
	build_and_execute(|| {
		// Nothing consumed: all exported at the feed-in price, paid by the operator.
		let net = settle_interval(&[(M1, 70, 0), (M2, 30, 0)]);
		assert_eq!(net, -1_000);
		assert!(points().is_empty(), "nothing delivered locally earns nothing");
	});
}

#[test]
fn consumers_only() {
	build_and_execute(|| {
		// Nothing produced: all imported at the import price, paid to the operator.
		let net = settle_interval(&[(M4, 0, 70), (M5, 0, 30)]);
		assert_eq!(net, 3_000);
	});
}

#[test]
fn one_watt_hour_each_way() {
	build_and_execute(|| {
		let net = settle_interval(&[(M1, 1, 0), (M4, 0, 1)]);
		assert_eq!(net, 0);
		assert_eq!(points(), vec![(M1, 1)]);
	});
}

#[test]
fn one_watt_hour_shared_by_three_consumers() {
	build_and_execute(|| {
		// Each pays 30 − 10/3 = 26.67 → 26; the producer gets 20; exactly 60 imported.
		let net = settle_interval(&[(M1, 1, 0), (M4, 0, 1), (M5, 0, 1), (M6, 0, 1)]);
		assert_eq!(net, 3 * 26 - 20);
	});
}

#[test]
fn one_watt_hour_shared_by_three_producers() {
	build_and_execute(|| {
		// Each gets 10 + 10/3 = 13.33 → 13; the consumer pays 20; exactly 20 exported.
		let net = settle_interval(&[(M1, 1, 0), (M2, 1, 0), (M3, 1, 0), (M4, 0, 1)]);
		assert_eq!(net, 20 - 3 * 13);
		assert!(points().is_empty(), "a third of a Wh floors to no point");
	});
}

#[test]
fn prosumers_net_their_bills() {
	build_and_execute(|| {
		// M1 produces 100 and consumes 40; M2 consumes 90. P = 100, C = 130, M = 100.
		let net = settle_interval(&[(M1, 100, 40), (M2, 0, 90)]);
		// M1: receipt 2000, payment 1200 − 10·100·40/130 = 892.3 → 892: credit 1108.
		let (r, p) = expected(tariffs(), Flow { produced: 100, consumed: 130 }, 100, 40);
		assert_eq!((r, p), (2_000, 892));
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::Settled { meter: M1, credit: 1_108, .. })));
		assert_eq!(net, (892 + 2_007) - 2_000);
	});
}

#[test]
fn settlement_is_once_per_meter_and_interval_in_any_order() {
	build_and_execute(|| {
		ready(&[M1, M4]);
		run_to_reading(1);
		read_one(M1, 10, 0);
		read_one(M4, 0, 10);
		run_to_final(1);
		// The producer first: the operator fronts the local price and is repaid by the consumer.
		assert_ok!(settle(M1, 1));
		assert_noop!(settle(M1, 1), crate::Error::<Test>::NoReading);
		assert_ok!(settle(M4, 1));
		assert_noop!(settle(M4, 1), crate::Error::<Test>::NoReading);
		assert_eq!(free(OPERATOR), INITIAL);
		assert_eq!(
			last_event(),
			Event::Settled {
				meter: M4,
				interval: 1,
				receipt: 0,
				payment: 200,
				credit: 0,
				debit: 200,
				from_escrow: 200,
				from_deposit: 0,
				debt: 0,
				points: 0,
			}
		);
		let reading = events().into_iter().find_map(|e| match e {
			Event::ReadingAccepted { meter: M4, interval: 1, kind, flow, .. } => Some((kind, flow)),
			_ => None,
		});
		assert_eq!(reading, Some((ReadingKind::Local, Flow { produced: 0, consumed: 10 })));
	});
}

#[test]
fn the_runtime_api_previews_what_settlement_pays() {
	build_and_execute(|| {
		ready(&[M1, M2, M4]);
		run_to_reading(1);
		read_one(M1, 301, 0);
		read_one(M2, 203, 0);
		read_one(M4, 0, 250);
		let status = crate::Pallet::<Test>::zone_status(0).unwrap();
		assert_eq!((status.current_interval, status.reading_interval), (2, Some(1)));
		let interval = crate::Pallet::<Test>::interval_status(0, 1).unwrap();
		assert_eq!((interval.matched, interval.is_final), (250, false));
		let preview = crate::Pallet::<Test>::bill_preview(&M1, 1).unwrap();
		assert!(!preview.is_final);
		run_to_final(1);
		let preview = crate::Pallet::<Test>::bill_preview(&M1, 1).unwrap();
		assert!(preview.is_final);
		let before = free(owner(M1));
		assert_ok!(settle(M1, 1));
		assert_eq!(free(owner(M1)) - before, preview.credit);
		assert_eq!(
			preview.credit,
			expected(tariffs(), Flow { produced: 504, consumed: 250 }, 301, 0).0
		);
		assert!(crate::Pallet::<Test>::bill_preview(&M1, 1).is_none(), "settled");
		assert!(crate::Pallet::<Test>::zone_status(7).is_none());
		assert_eq!(crate::Pallet::<Test>::zone_status(0).unwrap().reading_interval, None);
	});
}
