//! Deterministic integer fixed-point math: square root, `atan2` (CORDIC) and
//! `log2`.  No floating point.

use crate::geo::tables::{CORDIC_ATAN_Q62, PI_Q62, Q_ANG};

/// Floor of the square root of `n` (bit-by-bit, exact).
pub const fn isqrt_u128(n: u128) -> u128 {
	let mut rem = n;
	let mut root: u128 = 0;
	// highest power of four <= n
	let mut bit: u128 = if n == 0 { 0 } else { 1u128 << ((127 - n.leading_zeros()) & !1) };
	while bit != 0 {
		if rem >= root + bit {
			rem -= root + bit;
			root = (root >> 1) + bit;
		} else {
			root >>= 1;
		}
		bit >>= 2;
	}
	root
}

/// Square root rounded to nearest.
pub const fn isqrt_round_u128(n: u128) -> u128 {
	let r = isqrt_u128(n);
	// round up when n - r^2 > r  (i.e. n >= (r + 1/2)^2 = r^2 + r + 1/4)
	if n - r * r > r {
		r + 1
	} else {
		r
	}
}

/// `atan2(y, x)` in radians, Q62 (`PI_Q62` = pi), range `[-pi, pi]`.
///
/// Any magnitudes below 2^125 are accepted; the inputs are renormalized to
/// 62 significant bits before a 63-step CORDIC vectoring iteration, so the
/// result is accurate to a few units of 2^-62 rad.  `atan2(0, 0)` is 0.
pub fn atan2_q62(y: i128, x: i128) -> i128 {
	let ax = x.unsigned_abs();
	let ay = y.unsigned_abs();
	let a = atan_first_quadrant(ay, ax);
	let a = if x < 0 { PI_Q62 - a } else { a };
	if y < 0 {
		-a
	} else {
		a
	}
}

/// `atan(y / x)` for `x, y >= 0`, Q62, in `[0, pi/2]`.
fn atan_first_quadrant(y: u128, x: u128) -> i128 {
	let m = if x > y { x } else { y };
	if m == 0 {
		return 0;
	}
	// Bring the larger operand to exactly 62 significant bits so the CORDIC
	// state (gain ~1.65, sqrt 2 growth) stays below 2^64 and keeps precision.
	let bits = 128 - m.leading_zeros();
	let (mut x, mut y) = if bits > 62 {
		let s = bits - 62;
		((x >> s) as i128, (y >> s) as i128)
	} else {
		let s = 62 - bits;
		((x << s) as i128, (y << s) as i128)
	};
	let mut z: i128 = 0;
	for (i, &step) in (0u32..).zip(CORDIC_ATAN_Q62.iter()) {
		let xs = x >> i;
		let ys = y >> i;
		if y > 0 {
			x += ys;
			y -= xs;
			z += i128::from(step);
		} else if y < 0 {
			x -= ys;
			y += xs;
			z -= i128::from(step);
		} else {
			break;
		}
	}
	// Final small-angle correction: the remaining angle is ~ y / x.
	if x > 0 && y != 0 {
		z += (y << Q_ANG) / x;
	}
	z
}

/// `log2(x)` in Q48 for `x >= 1`; `None` for `x == 0`.
///
/// The integer part is the bit length; the 48 fraction bits are produced by
/// repeated squaring of the normalized mantissa (Q62), each bit exact up to
/// the truncation of the mantissa (error below 2^-47).
pub fn log2_q48(x: u128) -> Option<i128> {
	const FRAC_BITS: u32 = 48;
	const MQ: u32 = 62;
	if x == 0 {
		return None;
	}
	let n = 127 - x.leading_zeros(); // floor(log2 x)
								  // mantissa in [1, 2) as Q62
	let mut m: u128 = if n > MQ { x >> (n - MQ) } else { x << (MQ - n) };
	let mut frac: i128 = 0;
	for _ in 0..FRAC_BITS {
		m = (m * m) >> MQ; // < 2^126 before the shift
		frac <<= 1;
		if m >= (2u128 << MQ) {
			m >>= 1;
			frac |= 1;
		}
	}
	Some((i128::from(n) << FRAC_BITS) | frac)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn sqrt_exact() {
		for n in 0u128..5000 {
			let r = isqrt_u128(n);
			assert!(r * r <= n && (r + 1) * (r + 1) > n, "{n}");
		}
		let big = (1u128 << 126) + 12345;
		let r = isqrt_u128(big);
		assert!(r * r <= big && (r + 1) * (r + 1) > big);
		assert_eq!(isqrt_round_u128(8), 3);
		assert_eq!(isqrt_round_u128(6), 2);
		assert_eq!(isqrt_u128(u128::MAX), u128::from(u64::MAX));
	}

	#[test]
	fn atan2_exact_points() {
		let one = 1i128 << 60;
		assert_eq!(atan2_q62(0, 0), 0);
		assert_eq!(atan2_q62(0, one), 0);
		assert!((atan2_q62(one, 0) - PI_Q62 / 2).abs() < 64);
		assert!((atan2_q62(one, one) - PI_Q62 / 4).abs() < 64);
		assert!((atan2_q62(0, -one) - PI_Q62).abs() < 64);
		assert!((atan2_q62(-one, -one) + 3 * PI_Q62 / 4).abs() < 64);
	}

	#[test]
	fn log2_exact_powers() {
		for n in 0..96u32 {
			assert_eq!(log2_q48(1u128 << n), Some(i128::from(n) << 48));
		}
		assert_eq!(log2_q48(0), None);
	}
}
