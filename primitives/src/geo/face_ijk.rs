//! Cell index -> icosahedron face + IJK+ coordinates (`_h3ToFaceIjk`).
//!
//! Port of `_h3ToFaceIjkWithInitializedFijk`, `_h3ToFaceIjk` (h3Index.c) and
//! `_adjustOverageClassII` (faceijk.c) of H3 v4.5.0 (Apache-2.0, Copyright Uber
//! Technologies, Inc.).  Integer only.

use crate::geo::coord::{CoordIjk, I_AXES_DIGIT};
use crate::geo::index::{
	base_cell, digit, is_base_cell_pentagon, leading_non_zero_digit, resolution, rotate60_cw,
};
use crate::geo::tables::{
	BASE_CELL_DATA, FACE_NEIGHBORS, MAX_DIM_BY_CII_RES, UNIT_SCALE_BY_CII_RES,
};
use crate::geo::GridError;

/// Face number and IJK+ coordinates on that face (`FaceIJK`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FaceIjk {
	/// Icosahedron face, 0..20.
	pub face: u8,
	/// Coordinates on the face.
	pub coord: CoordIjk,
}

/// Whether a resolution is Class III (odd).
pub const fn is_class_iii(res: u8) -> bool {
	res % 2 == 1
}

/// Applies digits 1..=res of `h` to `coord` (`_h3ToFaceIjkWithInitializedFijk`).
///
/// Returns the coordinates and whether an overage onto a neighbouring face
/// is possible.
pub fn apply_digits(h: u64, start: CoordIjk) -> (CoordIjk, bool) {
	let res = resolution(h);
	let possible_overage = !(!is_base_cell_pentagon(base_cell(h))
		&& (res == 0 || (start.i == 0 && start.j == 0 && start.k == 0)));
	let mut ijk = start;
	for r in 1..=res {
		ijk = if is_class_iii(r) { ijk.down_ap7() } else { ijk.down_ap7r() };
		ijk = ijk.neighbor(digit(h, r));
	}
	(ijk, possible_overage)
}

/// Result of an overage adjustment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Overage {
	/// On the original face.
	None,
	/// Moved to a new face interior.
	NewFace,
}

/// `_adjustOverageClassII` for a non-substrate grid.  `res` is a Class II
/// resolution (0..=16).
fn adjust_overage_class_ii(fijk: &mut FaceIjk, res: u8, pent_leading4: bool) -> Overage {
	let Some(&max_dim) = MAX_DIM_BY_CII_RES.get(usize::from(res)) else {
		return Overage::None;
	};
	let ijk = fijk.coord;
	if ijk.i + ijk.j + ijk.k <= max_dim {
		return Overage::None;
	}
	let mut ijk = ijk;
	let quadrant = if ijk.k > 0 {
		if ijk.j > 0 {
			3 // JK
		} else {
			if pent_leading4 {
				// translate origin to the centre of the pentagon, rotate to
				// adjust for the missing sequence, translate back
				let origin = CoordIjk::new(max_dim, 0, 0);
				ijk = ijk.sub(origin).rotate60_cw().add(origin);
			}
			2 // KI
		}
	} else {
		1 // IJ
	};
	let Some(orient) = FACE_NEIGHBORS.get(usize::from(fijk.face)).and_then(|row| row.get(quadrant))
	else {
		return Overage::None;
	};
	for _ in 0..orient.ccw_rot60 {
		ijk = ijk.rotate60_ccw();
	}
	let unit_scale = UNIT_SCALE_BY_CII_RES.get(usize::from(res)).copied().unwrap_or(0);
	let [ti, tj, tk] = orient.translate;
	ijk = ijk.add(CoordIjk::new(ti, tj, tk).scale(unit_scale)).normalize();
	fijk.face = orient.face;
	fijk.coord = ijk;
	Overage::NewFace
}

/// Face and IJK+ coordinates of a cell, with the overage adjustment onto the
/// face that actually contains the cell centre (`_h3ToFaceIjk`).
///
/// # Errors
/// [`GridError::CellInvalid`] for a base cell number >= 122.
pub fn h3_to_face_ijk(mut h: u64) -> Result<FaceIjk, GridError> {
	let bc = base_cell(h);
	let data = BASE_CELL_DATA.get(usize::from(bc)).ok_or(GridError::CellInvalid)?;
	let pentagon = data.is_pentagon;
	// adjust for the pentagonal missing sequence; all of sub-sequence 5 needs
	// to be adjusted (and some of sub-sequence 4 below)
	if pentagon && leading_non_zero_digit(h) == 5 {
		h = rotate60_cw(h);
	}
	let [i, j, k] = data.ijk;
	let (coord, possible_overage) = apply_digits(h, CoordIjk::new(i, j, k));
	let mut fijk = FaceIjk { face: data.face, coord };
	if !possible_overage {
		return Ok(fijk);
	}
	let orig = fijk.coord;
	let h_res = resolution(h);
	let mut res = h_res;
	// if we're in Class III, drop into the next finer Class II grid
	if is_class_iii(res) {
		fijk.coord = fijk.coord.down_ap7r();
		res += 1;
	}
	let pent_leading4 = pentagon && leading_non_zero_digit(h) == I_AXES_DIGIT;
	if adjust_overage_class_ii(&mut fijk, res, pent_leading4) != Overage::None {
		// pentagon base cells can have secondary overages (H3 loops until none;
		// at most a couple of iterations occur, bounded here defensively)
		if pentagon {
			for _ in 0..8 {
				if adjust_overage_class_ii(&mut fijk, res, false) == Overage::None {
					break;
				}
			}
		}
		if res != h_res {
			fijk.coord = fijk.coord.up_ap7r();
		}
	} else if res != h_res {
		fijk.coord = orig;
	}
	Ok(fijk)
}
