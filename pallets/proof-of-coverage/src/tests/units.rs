use crate::units::{beaconer_units, density_scale, witness_units, UNIT};
use sp_runtime::Perbill;

/// HIP-15's table (n = 1..=15), to four decimals.
const WITNESS: [f64; 15] = [
	1.0, 1.0, 1.0, 1.0, 0.7600, 0.6067, 0.5017, 0.4262, 0.3697, 0.3262, 0.2918, 0.2640, 0.2411,
	0.2220, 0.2057,
];
const BEACONER: [f64; 15] = [
	0.25, 0.5, 0.75, 1.0, 1.2, 1.36, 1.488, 1.5904, 1.6723, 1.7379, 1.7903, 1.8322, 1.8658, 1.8926,
	1.9141,
];

#[test]
fn reward_units_match_the_hip15_table() {
	for n in 1..=15u32 {
		let i = (n - 1) as usize;
		// The table's four decimals are the units exactly (10^4 per unit).
		assert_eq!(witness_units(n), (WITNESS[i] * 10_000.0).round() as u64, "witness n={n}");
		assert_eq!(beaconer_units(n), (BEACONER[i] * 10_000.0).round() as u64, "beaconer n={n}");
	}
	assert_eq!(witness_units(0), 0);
	assert_eq!(beaconer_units(0), 0);
}

#[test]
fn reward_units_follow_the_formula_beyond_the_table() {
	// 2 - 0.8^k and (3 + 0.8^k) / n, computed in floating point here (tests only).
	for n in 16..=crate::units::MAX_N {
		let p = 0.8f64.powi((n - 4) as i32);
		let b = ((2.0 - p) * UNIT as f64).round() as u64;
		let w = ((3.0 + p) / n as f64 * UNIT as f64).round() as u64;
		assert!(beaconer_units(n).abs_diff(b) <= 1, "beaconer n={n}");
		assert!(witness_units(n).abs_diff(w) <= 1, "witness n={n}");
	}
	// No overflow above the exact range.
	assert!(beaconer_units(u32::MAX) <= 2 * UNIT);
	assert!(witness_units(u32::MAX) <= UNIT);
}

#[test]
fn density_scale_is_one_up_to_the_target_then_target_over_count() {
	assert_eq!(density_scale(3, 0), Perbill::one());
	assert_eq!(density_scale(3, 3), Perbill::one());
	assert_eq!(density_scale(3, 4), Perbill::from_rational(3u32, 4u32));
	assert_eq!(density_scale(3, 12), Perbill::from_percent(25));
	assert_eq!(density_scale(0, 5), Perbill::zero());
}
