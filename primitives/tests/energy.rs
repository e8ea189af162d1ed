//! The energy netting formula against exact fractions computed independently here (one fraction
//! per amount, floored by integer division), over hand-checked cases and random zones: every
//! amount within 1 planck below the exact one, the operator's net within a planck per meter of
//! its exact net, and no panic at the extremes.

use depin_primitives::energy::{bill, grid_bill, worst_payment, Bill, Flow, NettingError, Tariffs};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

/// The exact receipt of a producer of `p` as a fraction `(numerator, denominator)`:
/// `(feed_in·p·P + (local − feed_in)·M·p) / P`.
fn exact_receipt(t: &Tariffs<u128>, zone: Flow, p: u64) -> (u128, u128) {
	let (p, big_p, m) = (p as u128, zone.produced as u128, zone.matched() as u128);
	if big_p == 0 {
		return (0, 1);
	}
	(t.feed_in * p * big_p + (t.local - t.feed_in) * m * p, big_p)
}

/// The exact payment of a consumer of `c`: `(import·c·C − (import − local)·M·c) / C`.
fn exact_payment(t: &Tariffs<u128>, zone: Flow, c: u64) -> (u128, u128) {
	let (c, big_c, m) = (c as u128, zone.consumed as u128, zone.matched() as u128);
	if big_c == 0 {
		return (0, 1);
	}
	(t.import * c * big_c - (t.import - t.local) * m * c, big_c)
}

/// `amount` is the exact fraction rounded down: `amount·den ≤ num < (amount + 1)·den`.
fn is_floor(amount: u128, (num, den): (u128, u128)) -> bool {
	amount * den <= num && num < (amount + 1) * den
}

fn t(import: u128, local: u128, feed_in: u128) -> Tariffs<u128> {
	Tariffs { import, local, feed_in }
}

fn flow(produced: u64, consumed: u64) -> Flow {
	Flow { produced, consumed }
}

#[test]
fn hand_checked_surplus_zone() {
	// Producers 301, 203, 97 Wh (P = 601), consumers 250, 150 Wh (C = 400): M = 400.
	// Receipts 10·p + 10·400·p/601: 3010 + 2003.33, 2030 + 1351.08, 970 + 645.59.
	let (tariffs, zone) = (t(30, 20, 10), flow(601, 400));
	let r = |p| bill(&tariffs, zone, flow(p, 0)).unwrap().receipt;
	assert_eq!((r(301), r(203), r(97)), (5013, 3381, 1615));
	// Consumers: all matched, 20 per Wh.
	let pay = |c| bill(&tariffs, zone, flow(0, c)).unwrap().payment;
	assert_eq!((pay(250), pay(150)), (5000, 3000));
	// The operator pays 10 per exported Wh: exactly 2010, here 2009 (it absorbs the rounding).
	assert_eq!(5000 + 3000 - (5013 + 3381 + 1615), -2009i64);
}

#[test]
fn hand_checked_deficit_zone() {
	// Producers 100, 50, 37 (P = 187), consumers 301, 203 (C = 504): M = 187.
	let (tariffs, zone) = (t(30, 20, 10), flow(187, 504));
	let b = |p, c| bill(&tariffs, zone, flow(p, c)).unwrap();
	assert_eq!((b(100, 0).receipt, b(50, 0).receipt, b(37, 0).receipt), (2000, 1000, 740));
	// 30·301 − 10·187·301/504 = 9030 − 1116.81 = 7913.19; 6090 − 753.19 = 5336.81.
	assert_eq!((b(0, 301).payment, b(0, 203).payment), (7913, 5336));
	assert_eq!(b(0, 301).local_consumed, 111); // 187·301/504 = 111.68
}

#[test]
fn one_watt_hour_edges() {
	let tariffs = t(30, 20, 10);
	// One Wh each way: all local.
	let b = bill(&tariffs, flow(1, 1), flow(1, 0)).unwrap();
	assert_eq!((b.receipt, b.local_produced), (20, 1));
	assert_eq!(bill(&tariffs, flow(1, 1), flow(0, 1)).unwrap().payment, 20);
	// One Wh produced, three consumers of 1 Wh: each pays 30 − 10/3 = 26.67 → 26.
	let b = bill(&tariffs, flow(1, 3), flow(0, 1)).unwrap();
	assert_eq!((b.payment, b.local_consumed), (26, 0));
	// Three producers of 1 Wh, one consumer of 1 Wh: each gets 10 + 10/3 = 13.33 → 13.
	let b = bill(&tariffs, flow(3, 1), flow(1, 0)).unwrap();
	assert_eq!((b.receipt, b.local_produced), (13, 0));
	// A prosumer of 1 Wh each way in a zone of exactly that: nets to zero.
	let b = bill(&tariffs, flow(1, 1), flow(1, 1)).unwrap();
	assert_eq!((b.receipt, b.payment, b.credit(), b.debit()), (20, 20, 0, 0));
}

#[test]
fn one_sided_zones_trade_with_the_grid() {
	let tariffs = t(30, 20, 10);
	let b = bill(&tariffs, flow(100, 0), flow(70, 0)).unwrap();
	assert_eq!(b, Bill { receipt: 700, payment: 0, local_produced: 0, local_consumed: 0 });
	let b = bill(&tariffs, flow(0, 100), flow(0, 30)).unwrap();
	assert_eq!(b, Bill { receipt: 0, payment: 900, local_produced: 0, local_consumed: 0 });
	assert_eq!(bill(&tariffs, flow(0, 0), flow(0, 0)).unwrap(), Bill::default());
	assert_eq!(grid_bill(&tariffs, flow(7, 5)).unwrap().receipt, 70);
	assert_eq!(grid_bill(&tariffs, flow(7, 5)).unwrap().payment, 150);
	assert_eq!(worst_payment(&tariffs, 5), Some(150));
}

#[test]
fn refusals() {
	assert_eq!(bill(&t(30, 40, 10), flow(1, 1), flow(1, 1)), Err(NettingError::InvalidTariffs));
	assert_eq!(bill(&t(30, 20, 25), flow(1, 1), flow(1, 1)), Err(NettingError::InvalidTariffs));
	assert_eq!(grid_bill(&t(30, 20, 25), flow(1, 1)), Err(NettingError::InvalidTariffs));
	assert_eq!(bill(&t(30, 20, 10), flow(5, 5), flow(6, 0)), Err(NettingError::MeterAboveZone));
	assert_eq!(bill(&t(30, 20, 10), flow(5, 5), flow(0, 6)), Err(NettingError::MeterAboveZone));
	let huge = t(u128::MAX, u128::MAX, u128::MAX);
	assert_eq!(bill(&huge, flow(2, 2), flow(2, 2)), Err(NettingError::Overflow));
	assert_eq!(grid_bill(&huge, flow(2, 0)), Err(NettingError::Overflow));
	assert_eq!(worst_payment(&huge, 2), None);
}

#[test]
fn extremes_do_not_panic() {
	let max = u64::MAX;
	for tariffs in [t(1, 1, 1), t(1 << 60, 1 << 59, 1), t(u128::MAX / 2, 1, 0), t(0, 0, 0)] {
		for (zone, meter) in [
			(flow(max, max), flow(max, max)),
			(flow(max, 1), flow(max - 1, 1)),
			(flow(1, max), flow(1, max)),
			(flow(max, max), flow(1, 1)),
		] {
			if let Ok(b) = bill(&tariffs, zone, meter) {
				assert!(b.local_produced <= meter.produced && b.local_consumed <= meter.consumed);
			}
		}
	}
	// 2^64 Wh at 2^60 planck per Wh fits in 128 bits.
	let b = bill(&t(1 << 60, 1 << 60, 1 << 60), flow(max, max), flow(max, max)).unwrap();
	assert_eq!(b.receipt, (max as u128) << 60);
}

#[test]
fn random_zones_amounts_are_floors_and_the_operator_absorbs_rounding() {
	let mut rng = Rng(0x5eed_0fe4_e79e);
	for round in 0..2_000 {
		let feed_in = rng.below(1 << 20) as u128;
		let local = feed_in + rng.below(1 << 20) as u128;
		let import = local + rng.below(1 << 20) as u128;
		let tariffs = t(import, local, feed_in);
		let n = 1 + rng.below(12) as usize;
		// Each meter produces, consumes, both or neither; some zones are one-sided.
		let one_sided = rng.below(5);
		let meters: Vec<Flow> = (0..n)
			.map(|_| {
				let big = if rng.below(4) == 0 { 1 << 20 } else { 50 };
				let mut p = rng.below(big);
				let mut c = rng.below(big);
				if one_sided == 0 {
					c = 0;
				} else if one_sided == 1 {
					p = 0;
				}
				flow(p, c)
			})
			.collect();
		let zone =
			flow(meters.iter().map(|m| m.produced).sum(), meters.iter().map(|m| m.consumed).sum());
		let (mut receipts, mut payments, mut local_p, mut local_c) = (0u128, 0u128, 0u64, 0u64);
		for m in &meters {
			let b = bill(&tariffs, zone, *m).unwrap();
			assert!(
				is_floor(b.receipt, exact_receipt(&tariffs, zone, m.produced)),
				"round {round}"
			);
			assert!(
				is_floor(b.payment, exact_payment(&tariffs, zone, m.consumed)),
				"round {round}"
			);
			assert_eq!(
				b.credit() as i128 - b.debit() as i128,
				b.receipt as i128 - b.payment as i128
			);
			receipts += b.receipt;
			payments += b.payment;
			local_p += b.local_produced;
			local_c += b.local_consumed;
		}
		let matched = zone.matched();
		assert!(local_p <= matched && local_c <= matched);
		assert!(matched - local_p < n as u64 + 1 && matched - local_c < n as u64 + 1);
		// The operator's exact net: import on imports, feed-in on exports (local parts cancel).
		let exact = (import * (zone.consumed - matched) as u128) as i128
			- (feed_in * (zone.produced - matched) as u128) as i128;
		let net = payments as i128 - receipts as i128;
		// Producers' floors add to the operator, consumers' floors take from it: < 1 each.
		assert!((net - exact).abs() < n as i128, "round {round}: net {net}, exact {exact}");
	}
}
