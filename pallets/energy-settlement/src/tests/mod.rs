//! Tests of energy settlement: netting scenarios with exact payouts computed independently
//! (one exact fraction per amount), every reading rule, penalties, debt, disputes, escrow and
//! meters, every error. `try_state` runs after every test.

mod disputes;
mod meters;
mod readings;
mod scenarios;

use crate::{mock::*, Flow, IntervalIndex, Tariffs, Wh};
use frame_support::assert_ok;

/// Escrow every consumer of the scenarios holds: more than any bill.
pub const ESCROW: Balance = 1_000_000;

/// Registers meter `m` (by its owner) in zone 0 with `capacity` W.
pub fn register(m: AccountId, capacity: u32) {
	assert_ok!(Energy::register_meter(RuntimeOrigin::signed(owner(m)), m, 0, capacity));
}

/// Registers meters `ms` in zone 0 (10 kW), funds `ESCROW` for each, and reads their
/// baselines for interval 0 (registers `(1_000·m, 2_000·m)`): they are ready to read
/// interval 1 at block 20.
pub fn ready(ms: &[AccountId]) {
	for &m in ms {
		register(m, 10_000);
		assert_ok!(Energy::fund_escrow(RuntimeOrigin::signed(owner(m)), m, ESCROW));
	}
	run_to_reading(0);
	for &m in ms {
		let (p, c) = base(m);
		assert_ok!(read(m, 0, p, c));
	}
}

/// The baseline registers of meter `m` in [`ready`].
pub fn base(m: AccountId) -> (Wh, Wh) {
	(1_000 * m, 2_000 * m)
}

/// Meter `m` (made [`ready`]) reads interval 1: `produced` and `consumed` Wh in it.
pub fn read_one(m: AccountId, produced: Wh, consumed: Wh) {
	let (p, c) = base(m);
	assert_ok!(read(m, 1, p + produced, c + consumed));
}

/// `floor(num / den)` with the remainder: the exact fraction's floor, independently of the
/// pallet (one fraction per amount, where the pallet splits it).
fn floor(num: u128, den: u128) -> u128 {
	num / den
}

/// The exact bill of a meter `(p, c)` in a zone `zone` at `t`, floored: `(receipt, payment)`.
/// Receipt `(feed_in·p·P + (local − feed_in)·M·p) / P`; payment
/// `(import·c·C − (import − local)·M·c) / C`.
pub fn expected(t: Tariffs<Balance>, zone: Flow, p: Wh, c: Wh) -> (Balance, Balance) {
	let (big_p, big_c, m) = (zone.produced as u128, zone.consumed as u128, zone.matched() as u128);
	let (p, c) = (p as u128, c as u128);
	let receipt = if big_p == 0 {
		0
	} else {
		floor(t.feed_in * p * big_p + (t.local - t.feed_in) * m * p, big_p)
	};
	let payment = if big_c == 0 {
		0
	} else {
		floor(t.import * c * big_c - (t.import - t.local) * m * c, big_c)
	};
	(receipt, payment)
}

/// Everything one interval of `meters` (`(m, produced, consumed)`) moves, checked: the meters
/// are made ready, read interval 1, every reading is settled at the final block; each meter's
/// account gains its credit or its escrow pays its debit exactly as [`expected`] computes, the
/// operator's free balance changes by payments − receipts, and the treasury is untouched.
/// Returns the operator's net.
pub fn settle_interval(meters: &[(AccountId, Wh, Wh)]) -> i128 {
	let ms: Vec<AccountId> = meters.iter().map(|m| m.0).collect();
	ready(&ms);
	run_to_reading(1);
	for &(m, p, c) in meters {
		read_one(m, p, c);
	}
	let zone = Flow {
		produced: meters.iter().map(|m| m.1).sum(),
		consumed: meters.iter().map(|m| m.2).sum(),
	};
	let totals = crate::Intervals::<Test>::get(0, 1).expect("totals");
	assert_eq!(totals.flow, zone, "interval totals are the sum of the readings");
	run_to_final(1);
	let before: Vec<(Balance, Balance)> = meters
		.iter()
		.map(|m| (free(owner(m.0)), held(owner(m.0), crate::HoldReason::Escrow)))
		.collect();
	let (operator, treasury) = (free(OPERATOR), free(TREASURY));
	let (mut receipts, mut payments) = (0i128, 0i128);
	for (i, &(m, p, c)) in meters.iter().enumerate() {
		assert_ok!(settle(m, 1));
		let (receipt, payment) = expected(tariffs(), zone, p, c);
		receipts += receipt as i128;
		payments += payment as i128;
		let (credit, debit) = (receipt.saturating_sub(payment), payment.saturating_sub(receipt));
		assert_eq!(free(owner(m)), before[i].0 + credit, "meter {m}: credit");
		assert_eq!(
			held(owner(m), crate::HoldReason::Escrow),
			before[i].1 - debit,
			"meter {m}: debit"
		);
	}
	let net = payments - receipts;
	assert_eq!(free(OPERATOR) as i128, operator as i128 + net, "the operator takes the net");
	assert_eq!(free(TREASURY), treasury);
	assert!(crate::Intervals::<Test>::get(0, 1).is_none(), "settled totals are removed");
	net
}

/// Meter `m`'s unsettled reading of interval `k`.
pub fn reading(m: AccountId, k: IntervalIndex) -> Option<crate::Reading<Balance>> {
	crate::Meters::<Test>::get(m).and_then(|meter| meter.reading(k).cloned())
}

/// The interval index as the pallet sees it at block `n`.
pub fn interval_at(n: u64) -> IntervalIndex {
	crate::Pallet::<Test>::interval_of(n)
}
