//! Local IJK coordinates anchored at an origin cell, and H3 `gridDistance`.
//!
//! Port of `cellToLocalIjk` and `gridDistance` from H3 v4.5.0 `localij.c`
//! (Apache-2.0, Copyright Uber Technologies, Inc.), including every failure
//! case, so that results and errors are identical to H3.

use crate::geo::coord::{
	rotate_digit_60_cw, unit_vec, CoordIjk, CENTER_DIGIT, INVALID_DIGIT, K_AXES_DIGIT,
};
use crate::geo::face_ijk::{apply_digits, is_class_iii};
use crate::geo::index::{
	base_cell, is_base_cell_pentagon, is_valid_cell, leading_non_zero_digit, resolution,
	rotate60_cw, rotate_pent60_cw,
};
use crate::geo::tables::{
	BASE_CELL_NEIGHBORS, BASE_CELL_NEIGHBOR_60CCW_ROTS, FAILED_DIRECTIONS, NUM_BASE_CELLS,
	PENTAGON_ROTATIONS,
};
use crate::geo::GridError;

/// Neighbouring base cell of `bc` in direction `dir` (`_getBaseCellNeighbor`);
/// 127 (`INVALID_BASE_CELL`) when there is none or the arguments are out of range.
fn base_cell_neighbor(bc: u8, dir: u8) -> u8 {
	BASE_CELL_NEIGHBORS
		.get(usize::from(bc))
		.and_then(|row| row.get(usize::from(dir)))
		.copied()
		.unwrap_or(crate::geo::tables::INVALID_BASE_CELL)
}

/// Direction from `origin` base cell to a neighbouring base cell, or
/// `INVALID_DIGIT` (`_getBaseCellDirection`; first matching direction).
fn base_cell_direction(origin: u8, neighbor: u8) -> u8 {
	(CENTER_DIGIT..INVALID_DIGIT)
		.find(|&dir| base_cell_neighbor(origin, dir) == neighbor)
		.unwrap_or(INVALID_DIGIT)
}

/// `baseCellNeighbor60CCWRots[bc][dir]` (-1 when out of range).
fn base_cell_rotations(bc: u8, dir: u8) -> i8 {
	BASE_CELL_NEIGHBOR_60CCW_ROTS
		.get(usize::from(bc))
		.and_then(|row| row.get(usize::from(dir)))
		.copied()
		.unwrap_or(-1)
}

/// Looks up a 7x7 direction table; `None` when out of range.
fn table7<T: Copy>(t: &[[T; 7]; 7], a: u8, b: u8) -> Option<T> {
	t.get(usize::from(a)).and_then(|row| row.get(usize::from(b))).copied()
}

/// `FAILED_DIRECTIONS[a][b]`; out of range counts as failed.
fn failed_direction(a: u8, b: u8) -> bool {
	table7(&FAILED_DIRECTIONS, a, b).unwrap_or(true)
}

/// `PENTAGON_ROTATIONS[a][b]`; out of range gives -1 (invalid).
fn pentagon_rotations(a: u8, b: u8) -> i8 {
	table7(&PENTAGON_ROTATIONS, a, b).unwrap_or(-1)
}

/// IJK+ coordinates of `h` in the local coordinate space anchored at `origin`
/// (H3 `cellToLocalIjk`).
///
/// Inputs are not validated here beyond what H3's `cellToLocalIjk` checks.
///
/// # Errors
/// Exactly as H3: [`GridError::ResMismatch`] for different resolutions,
/// [`GridError::CellInvalid`] for an out-of-range base cell or an invalid
/// leading digit, [`GridError::Failed`] when the base cells are not neighbours
/// or the cells lie across pentagon distortion.
pub fn cell_to_local_ijk(origin: u64, h: u64) -> Result<CoordIjk, GridError> {
	let res = resolution(origin);
	if res != resolution(h) {
		return Err(GridError::ResMismatch);
	}
	let origin_bc = base_cell(origin);
	let bc = base_cell(h);
	if usize::from(origin_bc) >= NUM_BASE_CELLS || usize::from(bc) >= NUM_BASE_CELLS {
		return Err(GridError::CellInvalid);
	}

	// Direction from origin base cell to index base cell
	let mut dir = CENTER_DIGIT;
	let mut rev_dir = CENTER_DIGIT;
	if origin_bc != bc {
		dir = base_cell_direction(origin_bc, bc);
		if dir == INVALID_DIGIT {
			// Base cells are not neighbors, can't unfold.
			return Err(GridError::Failed);
		}
		rev_dir = base_cell_direction(bc, origin_bc);
	}

	let origin_on_pent = is_base_cell_pentagon(origin_bc);
	let index_on_pent = is_base_cell_pentagon(bc);

	let mut h = h;
	if dir != CENTER_DIGIT {
		// Rotate index into the orientation of the origin base cell.
		// cw because we are undoing the rotation into that base cell.
		let base_cell_rots = base_cell_rotations(origin_bc, dir);
		if index_on_pent {
			for _ in 0..base_cell_rots {
				h = rotate_pent60_cw(h);
				rev_dir = rotate_digit_60_cw(rev_dir);
				if rev_dir == K_AXES_DIGIT {
					rev_dir = rotate_digit_60_cw(rev_dir);
				}
			}
		} else {
			for _ in 0..base_cell_rots {
				h = rotate60_cw(h);
				rev_dir = rotate_digit_60_cw(rev_dir);
			}
		}
	}
	// Coordinates in the base cell's own coordinate space (face unused).
	let (mut ijk, _) = apply_digits(h, CoordIjk::default());

	if dir != CENTER_DIGIT {
		let mut pentagon_rots: i8 = 0;
		let mut direction_rots: i8 = 0;

		if origin_on_pent {
			let origin_leading = leading_non_zero_digit(origin);
			if origin_leading == INVALID_DIGIT {
				return Err(GridError::CellInvalid);
			}
			if failed_direction(origin_leading, dir) {
				// H3: "We may be unfolding the pentagon incorrectly in this case"
				return Err(GridError::Failed);
			}
			direction_rots = pentagon_rotations(origin_leading, dir);
			pentagon_rots = direction_rots;
		} else if index_on_pent {
			let index_leading = leading_non_zero_digit(h);
			if index_leading == INVALID_DIGIT {
				return Err(GridError::CellInvalid);
			}
			if failed_direction(index_leading, rev_dir) {
				return Err(GridError::Failed);
			}
			pentagon_rots = pentagon_rotations(rev_dir, index_leading);
		}

		if pentagon_rots < 0 || direction_rots < 0 {
			// This occurs when an invalid K axis digit is present
			return Err(GridError::CellInvalid);
		}

		for _ in 0..pentagon_rots {
			ijk = ijk.rotate60_cw();
		}

		let mut offset = unit_vec(dir).unwrap_or_default();
		// Scale offset based on resolution
		for r in (0..res).rev() {
			offset = if is_class_iii(r + 1) { offset.down_ap7() } else { offset.down_ap7r() };
		}
		for _ in 0..direction_rots {
			offset = offset.rotate60_cw();
		}
		// Perform necessary translation
		ijk = ijk.add(offset).normalize();
	} else if origin_on_pent && index_on_pent {
		// Same (pentagon) base cell.
		let origin_leading = leading_non_zero_digit(origin);
		let index_leading = leading_non_zero_digit(h);
		if origin_leading == INVALID_DIGIT || index_leading == INVALID_DIGIT {
			return Err(GridError::CellInvalid);
		}
		if failed_direction(origin_leading, index_leading) {
			return Err(GridError::Failed);
		}
		let within = pentagon_rotations(origin_leading, index_leading);
		for _ in 0..within {
			ijk = ijk.rotate60_cw();
		}
	}
	Ok(ijk)
}

/// Grid distance (number of cell steps) between two cells, exactly as H3
/// `gridDistance` called through h3-py (`h3.grid_distance`), which first
/// validates both cells.
///
/// # Errors
/// [`GridError::CellInvalid`] if either input is not a valid cell;
/// [`GridError::ResMismatch`] for different resolutions; [`GridError::Failed`]
/// where H3 cannot compute local IJ coordinates (base cells not adjacent,
/// pentagon distortion).
pub fn grid_distance(a: u64, b: u64) -> Result<u32, GridError> {
	if !is_valid_cell(a) || !is_valid_cell(b) {
		return Err(GridError::CellInvalid);
	}
	let origin = cell_to_local_ijk(a, a)?;
	let dest = cell_to_local_ijk(a, b)?;
	Ok(origin.distance(dest))
}
