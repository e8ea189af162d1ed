//! IJK+ hexagonal coordinates and H3 digit directions.
//!
//! Port of the integer parts of H3's `coordijk.h` (H3 v4.5.0, Apache-2.0,
//! Copyright Uber Technologies, Inc.).
//!
//! Overflow: every coordinate handled here comes from a valid cell of resolution
//! <= 15 (or from an offset built from a unit vector over <= 15 aperture-7 steps),
//! so components stay below about `3 * 7^8 < 2^24`, far from `i32` limits.

/// H3 digit (direction) in the centre.
pub const CENTER_DIGIT: u8 = 0;
/// H3 digit in the k-axes direction (the deleted pentagon direction).
pub const K_AXES_DIGIT: u8 = 1;
/// H3 digit in the i-axes direction.
pub const I_AXES_DIGIT: u8 = 4;
/// Invalid digit / direction.
pub const INVALID_DIGIT: u8 = 7;

/// IJK+ coordinates (`CoordIJK`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoordIjk {
	/// i component.
	pub i: i32,
	/// j component.
	pub j: i32,
	/// k component.
	pub k: i32,
}

/// Unit vector of a digit (`UNIT_VECS`); `None` for digits >= 7.
pub const fn unit_vec(digit: u8) -> Option<CoordIjk> {
	let (i, j, k) = match digit {
		0 => (0, 0, 0),
		1 => (0, 0, 1),
		2 => (0, 1, 0),
		3 => (0, 1, 1),
		4 => (1, 0, 0),
		5 => (1, 0, 1),
		6 => (1, 1, 0),
		_ => return None,
	};
	Some(CoordIjk { i, j, k })
}

impl CoordIjk {
	/// Creates coordinates from components.
	pub const fn new(i: i32, j: i32, k: i32) -> Self {
		Self { i, j, k }
	}

	/// Component-wise sum (`_ijkAdd`).
	#[must_use]
	pub const fn add(self, o: Self) -> Self {
		Self::new(self.i + o.i, self.j + o.j, self.k + o.k)
	}

	/// Component-wise difference (`_ijkSub`).
	#[must_use]
	pub const fn sub(self, o: Self) -> Self {
		Self::new(self.i - o.i, self.j - o.j, self.k - o.k)
	}

	/// Uniform scaling (`_ijkScale`).
	#[must_use]
	pub const fn scale(self, f: i32) -> Self {
		Self::new(self.i * f, self.j * f, self.k * f)
	}

	/// Normalizes so that all components are >= 0 and at least one is 0
	/// (`_ijkNormalize`).
	#[must_use]
	pub const fn normalize(self) -> Self {
		let Self { mut i, mut j, mut k } = self;
		if i < 0 {
			j -= i;
			k -= i;
			i = 0;
		}
		if j < 0 {
			i -= j;
			k -= j;
			j = 0;
		}
		if k < 0 {
			i -= k;
			j -= k;
			k = 0;
		}
		let mut min = i;
		if j < min {
			min = j;
		}
		if k < min {
			min = k;
		}
		if min > 0 {
			i -= min;
			j -= min;
			k -= min;
		}
		Self::new(i, j, k)
	}

	/// Coordinates of the centre of the next finer aperture-7 cell, ccw
	/// (`_downAp7`, Class III).
	#[must_use]
	pub const fn down_ap7(self) -> Self {
		// i * (3,0,1) + j * (1,3,0) + k * (0,1,3)
		Self::new(3 * self.i + self.j, 3 * self.j + self.k, self.i + 3 * self.k).normalize()
	}

	/// Coordinates of the centre of the next finer aperture-7 cell, cw
	/// (`_downAp7r`, Class II).
	#[must_use]
	pub const fn down_ap7r(self) -> Self {
		// i * (3,1,0) + j * (0,3,1) + k * (1,0,3)
		Self::new(3 * self.i + self.k, self.i + 3 * self.j, self.j + 3 * self.k).normalize()
	}

	/// Parent coordinates in the coarser aperture-7 grid, cw (`_upAp7r`).
	///
	/// `lround(x / 7)` is computed exactly in integers (round half away from zero).
	#[must_use]
	pub const fn up_ap7r(self) -> Self {
		let i = self.i - self.k;
		let j = self.j - self.k;
		Self::new(div7_round(2 * i + j), div7_round(3 * j - i), 0).normalize()
	}

	/// Moves one step in the direction of `digit` (`_neighbor`); digits 0 and
	/// >= 7 leave the coordinates unchanged.
	#[must_use]
	pub const fn neighbor(self, digit: u8) -> Self {
		match unit_vec(digit) {
			Some(u) if digit != CENTER_DIGIT => self.add(u).normalize(),
			_ => self,
		}
	}

	/// Rotates 60 degrees counter-clockwise (`_ijkRotate60ccw`).
	#[must_use]
	pub const fn rotate60_ccw(self) -> Self {
		// i * (1,1,0) + j * (0,1,1) + k * (1,0,1)
		Self::new(self.i + self.k, self.i + self.j, self.j + self.k).normalize()
	}

	/// Rotates 60 degrees clockwise (`_ijkRotate60cw`).
	#[must_use]
	pub const fn rotate60_cw(self) -> Self {
		// i * (1,0,1) + j * (1,1,0) + k * (0,1,1)
		Self::new(self.i + self.j, self.j + self.k, self.i + self.k).normalize()
	}

	/// Grid distance between two IJK+ coordinates (`ijkDistance`).
	pub const fn distance(self, o: Self) -> u32 {
		let d = self.sub(o).normalize();
		let a = d.i.unsigned_abs();
		let b = d.j.unsigned_abs();
		let c = d.k.unsigned_abs();
		let m = if a > b { a } else { b };
		if m > c {
			m
		} else {
			c
		}
	}
}

/// `lround(x / 7.0)` in integers: nearest, ties away from zero (ties cannot
/// occur for a divisor of 7, but the rule matches `lround`).
const fn div7_round(x: i32) -> i32 {
	if x >= 0 {
		(2 * x + 7) / 14
	} else {
		-((-2 * x + 7) / 14)
	}
}

/// Rotates a digit 60 degrees counter-clockwise (`_rotate60ccw`).
pub const fn rotate_digit_60_ccw(digit: u8) -> u8 {
	match digit {
		1 => 5,
		5 => 4,
		4 => 6,
		6 => 2,
		2 => 3,
		3 => 1,
		d => d,
	}
}

/// Rotates a digit 60 degrees clockwise (`_rotate60cw`).
pub const fn rotate_digit_60_cw(digit: u8) -> u8 {
	match digit {
		1 => 3,
		3 => 2,
		2 => 6,
		6 => 4,
		4 => 5,
		5 => 1,
		d => d,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn div7_is_nearest() {
		for x in -100_000i32..100_000 {
			// nearest integer to x / 7: |7 r - x| <= 3 (no ties for a divisor of 7)
			let r = div7_round(x);
			assert!((7 * r - x).abs() <= 3, "{x}");
		}
	}

	#[test]
	fn rotations_roundtrip() {
		for d in 0..8u8 {
			assert_eq!(rotate_digit_60_cw(rotate_digit_60_ccw(d)), d);
		}
		let c = CoordIjk::new(3, 1, 0);
		assert_eq!(c.rotate60_ccw().rotate60_cw(), c);
		let mut r = c;
		for _ in 0..6 {
			r = r.rotate60_ccw();
		}
		assert_eq!(r, c);
	}
}
