//! Free-space path loss in fixed point.
//!
//! `FSPL(dB) = 20 log10(4 pi d f / c) = 20 log10(2) * log2(d f) + 20 log10(4 pi / c)`,
//! `c = 299 792 458 m/s`.  `log2` is computed in Q48 by integer squaring
//! ([`crate::geo::fixed::log2_q48`]); the two constants are generated in
//! `tools/geo/gen_tables.py`.

use crate::geo::fixed::log2_q48;
use crate::geo::tables::{FSPL_CONST_Q96, Q_FSPL, Q_LOG, TWENTY_LOG10_2_Q48};

// The product of two Q_LOG values is in the Q_FSPL format.
const _: () = assert!(2 * Q_LOG == Q_FSPL);

/// FSPL in dB, Q96.  `distance_m` and `frequency_hz` below 1 are treated as 1.
fn fspl_q96(distance_m: u32, frequency_hz: u64) -> i128 {
	let d = u128::from(distance_m.max(1));
	let f = u128::from(frequency_hz.max(1));
	// d * f < 2^96, so log2 < 96: Q48 value < 2^55.
	let l = log2_q48(d * f).unwrap_or(0);
	// Q48 * Q48 = Q96 (< 2^55 * 2^51 = 2^106)
	l * TWENTY_LOG10_2_Q48 + FSPL_CONST_Q96
}

/// Rounds a Q96 dB value to `1 / scale` dB units (round half up).
fn round_q96(v: i128, scale: i128) -> i32 {
	// |v| < 2^107, * 1000 < 2^117
	let r = (v * scale + (1i128 << (Q_FSPL - 1))) >> Q_FSPL;
	r as i32
}

/// Free-space path loss in centi-dB (1/100 dB), rounded to nearest.
///
/// `distance_m` in metres and `frequency_hz` in hertz; values below 1 are
/// treated as 1 (FSPL is undefined at 0).  Accurate to the rounding of the
/// result (<= 0.005 dB) for all inputs.
pub fn fspl_cdb(distance_m: u32, frequency_hz: u64) -> i32 {
	round_q96(fspl_q96(distance_m, frequency_hz), 100)
}

/// Free-space path loss in milli-dB (1/1000 dB), rounded to nearest.  Same
/// inputs as [`fspl_cdb`].
pub fn fspl_mdb(distance_m: u32, frequency_hz: u64) -> i32 {
	round_q96(fspl_q96(distance_m, frequency_hz), 1000)
}
