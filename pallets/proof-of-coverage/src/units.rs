//! HIP-15 reward units and the hex density scale, in fixed point.
//!
//! With `n` counted witnesses of a beacon (HIP-15):
//! - the beaconer earns `n / 4` units for `n <= 4`, else `2 - 0.8^(n-4)`;
//! - each witness earns 1 unit for `n <= 4`, else `(4 - (1 - 0.8^(n-4))) / n`.
//!
//! Units are fixed point with [`UNIT`] = 10^4 = 1 unit, rounded half up. `0.8^k = 4^k / 5^k`
//! is exact in `u128` for the `k` that occur (`n` is at most `MaxWitnessesPerBeacon`; above
//! [`MAX_N`] the value of `MAX_N` is used, which differs from the limit by less than one unit
//! in the fourth decimal).

use sp_runtime::Perbill;

/// One reward unit.
pub const UNIT: u64 = 10_000;

/// Largest `n` computed exactly: `5^(MAX_N - 4) < 2^128 / 10^5`.
pub const MAX_N: u32 = 44;

/// `num / den` in units, rounded half up. `den > 0`.
fn ratio_units(num: u128, den: u128) -> u64 {
	let unit = u128::from(UNIT);
	let r = num.saturating_mul(unit).saturating_add(den / 2) / den.max(1);
	u64::try_from(r).unwrap_or(u64::MAX)
}

/// `(4^k, 5^k)` for `k = n - 4`, `n > 4`.
fn powers(n: u32) -> (u128, u128) {
	let k = n.min(MAX_N).saturating_sub(4);
	(4u128.pow(k), 5u128.pow(k))
}

/// The beaconer's units for `n` counted witnesses.
pub fn beaconer_units(n: u32) -> u64 {
	if n <= 4 {
		return u64::from(n) * UNIT / 4;
	}
	let (p, q) = powers(n);
	// 2 - p/q = (2q - p) / q
	ratio_units(2 * q - p, q)
}

/// Each witness's units for `n` counted witnesses (0 for none).
pub fn witness_units(n: u32) -> u64 {
	if n == 0 {
		return 0;
	}
	if n <= 4 {
		return UNIT;
	}
	let (p, q) = powers(n);
	// (4 - (1 - p/q)) / n = (3q + p) / (n q)
	ratio_units(3 * q + p, u128::from(n.min(MAX_N)) * q)
}

/// `min(1, target / occupancy)`: the share of the units a beacon from a hex of `occupancy`
/// hotspots pays (HIP-17's idea, simplified to one resolution as DESIGN.md says).
pub fn density_scale(target: u32, occupancy: u32) -> Perbill {
	if occupancy <= target {
		Perbill::one()
	} else {
		Perbill::from_rational(target, occupancy)
	}
}
