//! H3 index bit layout, validation, digit rotations and `cellToParent`.
//!
//! Port of parts of H3's `h3Index.c` / `h3Index.h` (H3 v4.5.0, Apache-2.0,
//! Copyright Uber Technologies, Inc.).

use crate::geo::coord::{rotate_digit_60_ccw, rotate_digit_60_cw, CENTER_DIGIT, K_AXES_DIGIT};
use crate::geo::tables::{BASE_CELL_DATA, NUM_BASE_CELLS};
use crate::geo::GridError;

/// Maximum H3 resolution.
pub const MAX_RES: u8 = 15;
const RES_OFFSET: u32 = 52;
const BC_OFFSET: u32 = 45;
const DIGIT_MASK: u64 = 7;

/// Resolution of an index (`H3_GET_RESOLUTION`).
pub const fn resolution(h: u64) -> u8 {
	((h >> RES_OFFSET) & 15) as u8
}

/// Base cell number of an index (`H3_GET_BASE_CELL`), 0..=127.
pub const fn base_cell(h: u64) -> u8 {
	((h >> BC_OFFSET) & 127) as u8
}

/// Digit `r` (1..=15) of an index (`H3_GET_INDEX_DIGIT`); 0 for `r` outside 1..=15.
pub const fn digit(h: u64, r: u8) -> u8 {
	if r == 0 || r > MAX_RES {
		return 0;
	}
	((h >> ((MAX_RES - r) as u32 * 3)) & DIGIT_MASK) as u8
}

/// Sets digit `r` (1..=15) of an index (`H3_SET_INDEX_DIGIT`); no-op otherwise.
pub const fn set_digit(h: u64, r: u8, d: u8) -> u64 {
	if r == 0 || r > MAX_RES {
		return h;
	}
	let shift = (MAX_RES - r) as u32 * 3;
	(h & !(DIGIT_MASK << shift)) | (((d as u64) & DIGIT_MASK) << shift)
}

/// Whether a base cell number is a pentagon (`_isBaseCellPentagon`).
pub fn is_base_cell_pentagon(bc: u8) -> bool {
	BASE_CELL_DATA.get(usize::from(bc)).is_some_and(|d| d.is_pentagon)
}

/// Whether a base cell is one of the two polar pentagons (`_isBaseCellPolarPentagon`).
pub const fn is_base_cell_polar_pentagon(bc: u8) -> bool {
	bc == 4 || bc == 117
}

/// First non-zero digit of an index, or 0 (`_h3LeadingNonZeroDigit`).
pub const fn leading_non_zero_digit(h: u64) -> u8 {
	let res = resolution(h);
	let mut r = 1;
	while r <= res {
		let d = digit(h, r);
		if d != 0 {
			return d;
		}
		r += 1;
	}
	CENTER_DIGIT
}

/// Rotates all digits 60 degrees ccw (`_h3Rotate60ccw`).
pub const fn rotate60_ccw(mut h: u64) -> u64 {
	let res = resolution(h);
	let mut r = 1;
	while r <= res {
		h = set_digit(h, r, rotate_digit_60_ccw(digit(h, r)));
		r += 1;
	}
	h
}

/// Rotates all digits 60 degrees cw (`_h3Rotate60cw`).
pub const fn rotate60_cw(mut h: u64) -> u64 {
	let res = resolution(h);
	let mut r = 1;
	while r <= res {
		h = set_digit(h, r, rotate_digit_60_cw(digit(h, r)));
		r += 1;
	}
	h
}

/// Rotates 60 degrees ccw about a pentagonal centre, skipping the deleted
/// k-axes subsequence (`_h3RotatePent60ccw`).  Mirrors the C loop exactly
/// (including that the extra whole-index rotation also affects the digits not
/// yet visited by the loop).
pub const fn rotate_pent60_ccw(mut h: u64) -> u64 {
	let res = resolution(h);
	let mut found = false;
	let mut r = 1;
	while r <= res {
		h = set_digit(h, r, rotate_digit_60_ccw(digit(h, r)));
		if !found && digit(h, r) != 0 {
			found = true;
			if leading_non_zero_digit(h) == K_AXES_DIGIT {
				h = rotate60_ccw(h);
			}
		}
		r += 1;
	}
	h
}

/// Rotates 60 degrees cw about a pentagonal centre, skipping the deleted
/// k-axes subsequence (`_h3RotatePent60cw`).
pub const fn rotate_pent60_cw(mut h: u64) -> u64 {
	let res = resolution(h);
	let mut found = false;
	let mut r = 1;
	while r <= res {
		h = set_digit(h, r, rotate_digit_60_cw(digit(h, r)));
		if !found && digit(h, r) != 0 {
			found = true;
			if leading_non_zero_digit(h) == K_AXES_DIGIT {
				h = rotate60_cw(h);
			}
		}
		r += 1;
	}
	h
}

/// Whether `h` is a valid H3 cell index; exactly H3's `isValidCell`.
pub fn is_valid_cell(h: u64) -> bool {
	// High bit 0, mode 1 (cell), reserved bits 0.
	if (h >> 56) != 0b0000_1000 {
		return false;
	}
	let res = resolution(h);
	let bc = base_cell(h);
	if usize::from(bc) >= NUM_BASE_CELLS {
		return false;
	}
	if has_any_7_up_to_res(h, res) {
		return false;
	}
	if !has_all_7_after_res(h, res) {
		return false;
	}
	!has_deleted_subsequence(h, bc)
}

/// `_hasAny7UptoRes`: some digit 1..=res is 7.
const fn has_any_7_up_to_res(h: u64, res: u8) -> bool {
	const MHI: u64 = 0b100_100_100_100_100_100_100_100_100_100_100_100_100_100_100;
	const MLO: u64 = MHI >> 2;
	// res <= 15, so the shift is in 0..=45.
	let shift = 3 * (15 - res as u32);
	let h = (h >> shift) << shift;
	(h & MHI & (!h).wrapping_sub(MLO)) != 0
}

/// `_hasAll7AfterRes`: every digit after res is 7.
const fn has_all_7_after_res(h: u64, res: u8) -> bool {
	if res < 15 {
		let shift = 19 + 3 * res as u32;
		let h = ((!h) << shift) >> shift;
		h == 0
	} else {
		true
	}
}

/// `_hasDeletedSubsequence`: a pentagon cell whose first non-zero digit is 1.
fn has_deleted_subsequence(h: u64, bc: u8) -> bool {
	if is_base_cell_pentagon(bc) {
		let h = (h << 19) >> 19;
		if h == 0 {
			return false;
		}
		let first_one = 63 - h.leading_zeros();
		return first_one.is_multiple_of(3);
	}
	false
}

/// Whether a valid cell is a pentagon (`isPentagon`).
pub fn is_pentagon(h: u64) -> bool {
	is_base_cell_pentagon(base_cell(h)) && leading_non_zero_digit(h) == 0
}

/// Parent of `cell` at resolution `res`, as H3 `cellToParent` (with h3-py's
/// input validation first).
///
/// # Errors
/// [`GridError::CellInvalid`] if `cell` is not a valid cell,
/// [`GridError::ResDomain`] if `res > 15`, [`GridError::ResMismatch`] if
/// `res` is finer than the cell's resolution.
pub fn parent(cell: u64, res: u8) -> Result<u64, GridError> {
	if !is_valid_cell(cell) {
		return Err(GridError::CellInvalid);
	}
	let child_res = resolution(cell);
	if res > MAX_RES {
		return Err(GridError::ResDomain);
	}
	if res > child_res {
		return Err(GridError::ResMismatch);
	}
	let mut p = (cell & !(15u64 << RES_OFFSET)) | (u64::from(res) << RES_OFFSET);
	let mut r = res + 1;
	while r <= child_res {
		p = set_digit(p, r, 7);
		r += 1;
	}
	Ok(p)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn digits() {
		// 8c2a1072b59a5ff: res 12 cell
		let h = 0x08c2_a107_2b59_a5ff;
		assert_eq!(resolution(h), 12);
		assert!(is_valid_cell(h));
		assert_eq!(digit(h, 13), 7);
		for r in 1..=15 {
			assert_eq!(set_digit(h, r, digit(h, r)), h);
		}
		assert!(!is_valid_cell(h | 1 << 63));
		assert!(!is_valid_cell(set_digit(h, 13, 0)));
	}
}
