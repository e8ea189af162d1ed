//! Compares the integer fixed-point math with `std` floating point.
#![allow(
	clippy::float_arithmetic,
	clippy::cast_precision_loss,
	clippy::cast_possible_truncation,
	clippy::unwrap_used
)]

use depin_primitives::geo::fixed::{atan2_q62, log2_q48};

fn q62_to_f(v: i128) -> f64 {
	v as f64 / (1u128 << 62) as f64
}

#[test]
fn atan2_matches_std() {
	let cases: [(f64, f64); 10] = [
		(1.0, 1.0),
		(1.0, 0.0),
		(0.0, 1.0),
		(1.0, -1.0),
		(-1.0, -1.0),
		(1e-9, 1.0),
		(0.3, 0.9),
		(-0.2, 0.05),
		(3.0, -7.0),
		(2e-12, -1.5),
	];
	for (y, x) in cases {
		let s = (1u128 << 60) as f64;
		let got = q62_to_f(atan2_q62((y * s) as i128, (x * s) as i128));
		let want = y.atan2(x);
		assert!((got - want).abs() < 1e-15, "{y} {x} {got} {want}");
	}
	// tiny angle keeps full relative precision
	let got = q62_to_f(atan2_q62(1 << 20, 1 << 60));
	assert!((got / 2f64.powi(-40) - 1.0).abs() < 1e-12);
	// pseudo-random sweep
	let mut s: u64 = 0x1234_5678_9abc_def1;
	let mut max_err: f64 = 0.0;
	for _ in 0..100_000 {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		let y = (s as i64 >> 3) as i128;
		let x = ((s.rotate_left(29)) as i64 >> 5) as i128;
		let got = q62_to_f(atan2_q62(y, x));
		let want = (y as f64).atan2(x as f64);
		max_err = max_err.max((got - want).abs());
	}
	assert!(max_err < 1e-15, "{max_err}");
}

#[test]
fn log2_matches_std() {
	for x in [1u128, 2, 3, 10, 1000, 123_456_789, 1 << 90, (1 << 95) + 77, 299_792_458] {
		let got = log2_q48(x).unwrap() as f64 / (1u64 << 48) as f64;
		let want = (x as f64).log2();
		assert!((got - want).abs() < 1e-12, "{x} {got} {want}");
	}
}
