//! Arbitrary inputs never panic (run in debug to include overflow checks),
//! and basic invariants hold.
#![allow(clippy::unwrap_used)]

use depin_primitives::geo::index::{base_cell, resolution, MAX_RES};
use depin_primitives::geo::{
	distance_m, distance_mm, grid_distance, is_valid_cell, parent, GridError,
};

struct XorShift(u64);

impl XorShift {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}
}

/// A random valid cell built bit by bit (any base cell, any resolution).
fn random_cell(rng: &mut XorShift) -> u64 {
	loop {
		let res = (rng.next() % 16) as u8;
		let bc = rng.next() % 122;
		let mut h: u64 = (1 << 59) | (u64::from(res) << 52) | (bc << 45) | ((1 << 45) - 1);
		for r in 1..=res {
			let d = rng.next() % 7;
			let shift = u32::from(15 - r) * 3;
			h = (h & !(7 << shift)) | (d << shift);
		}
		if is_valid_cell(h) {
			return h;
		}
	}
}

#[test]
fn arbitrary_u64_never_panics() {
	let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
	for _ in 0..200_000 {
		let a = rng.next();
		let b = rng.next();
		// mostly invalid
		if !is_valid_cell(a) || !is_valid_cell(b) {
			assert_eq!(grid_distance(a, b), Err(GridError::CellInvalid));
			assert_eq!(distance_m(a, b), Err(GridError::CellInvalid));
		}
		let _ = parent(a, (b % 20) as u8);
		// valid top bits, random rest
		let a2 = (a & ((1 << 56) - 1)) | (1 << 59);
		let b2 = (b & ((1 << 56) - 1)) | (1 << 59);
		let _ = grid_distance(a2, b2);
		let _ = distance_mm(a2, b2);
	}
}

#[test]
fn random_valid_cells() {
	let mut rng = XorShift(0x0123_4567_89AB_CDEF);
	for _ in 0..100_000 {
		let a = random_cell(&mut rng);
		let b = random_cell(&mut rng);
		let d = distance_mm(a, b).unwrap();
		assert!(d <= 20_015_109_356, "{a:x} {b:x} {d}");
		assert_eq!(distance_mm(a, a).unwrap(), 0);
		assert_eq!(grid_distance(a, a), Ok(0));
		let d_ab = distance_mm(a, b).unwrap();
		let d_ba = distance_mm(b, a).unwrap();
		assert!(d_ab.abs_diff(d_ba) <= 1);
		match grid_distance(a, b) {
			Ok(_) | Err(GridError::Failed) => {}
			Err(GridError::ResMismatch) => assert_ne!(resolution(a), resolution(b)),
			Err(e) => panic!("{a:x} {b:x} {e}"),
		}
		// same-resolution sibling through the parent
		let r = resolution(a);
		let p = parent(a, r / 2).unwrap();
		assert!(is_valid_cell(p));
		assert_eq!(resolution(p), r / 2);
		assert_eq!(base_cell(p), base_cell(a));
		assert_eq!(parent(a, r), Ok(a));
		if r < MAX_RES {
			assert_eq!(parent(a, r + 1), Err(GridError::ResMismatch));
		}
		assert_eq!(parent(a, 16), Err(GridError::ResDomain));
	}
}
