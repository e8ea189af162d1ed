//! H3 cell indexes, validated.
//!
//! A device's location is an H3 cell (Uber's hexagonal grid) given as its 64-bit index. The
//! layout, from the most significant bit:
//!
//! | bits  | field                                                 |
//! |-------|-------------------------------------------------------|
//! | 63    | reserved, 0                                           |
//! | 59-62 | mode: 1 for a cell                                    |
//! | 56-58 | reserved (edge/vertex number), 0 for a cell           |
//! | 52-55 | resolution, 0..=15                                    |
//! | 45-51 | base cell, 0..=121                                    |
//! | 0-44  | 15 digits of 3 bits; digit `r` at bits `(15 - r) * 3` |
//!
//! Digits up to the resolution are 0..=6; the digits after it are 7 ("unused"). In the 12
//! pentagon base cells the first non-zero digit cannot be 1 (the deleted K axis). These are the
//! checks of H3's `isValidCell`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

const MODE_SHIFT: u32 = 59;
const RESERVED_SHIFT: u32 = 56;
const RESOLUTION_SHIFT: u32 = 52;
const BASE_CELL_SHIFT: u32 = 45;
/// H3 mode of a cell index.
const CELL_MODE: u64 = 1;
/// Finest H3 resolution.
pub const MAX_RESOLUTION: u8 = 15;
/// Number of H3 base cells.
const BASE_CELLS: u8 = 122;
/// Digit value of the positions beyond the resolution.
const UNUSED_DIGIT: u8 = 7;
/// The K-axis digit, deleted from pentagons.
const K_AXIS_DIGIT: u8 = 1;
/// The base cells that are pentagons.
const PENTAGON_BASE_CELLS: [u8; 12] = [4, 14, 24, 38, 49, 58, 63, 72, 83, 97, 107, 117];

/// Why a 64-bit value is not an H3 cell index.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CellError {
	/// The high bit or the edge/vertex bits are set.
	ReservedBits,
	/// The mode is not 1 (it is an edge, a vertex, or garbage).
	NotACell,
	/// The base cell is 122 or above.
	BaseCell,
	/// A digit within the resolution is 7.
	Digit,
	/// A digit beyond the resolution is not 7.
	UnusedDigit,
	/// In a pentagon, the first non-zero digit is the deleted K axis.
	DeletedPentagonSubsequence,
}

/// A valid H3 cell index. Build it with [`Cell::new`], which validates; the SCALE `Decode` does
/// not validate, so decode cells only from trusted storage, never from user input.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cell(u64);

impl Cell {
	/// Validates `index` as an H3 cell (H3's `isValidCell`).
	pub fn new(index: u64) -> Result<Cell, CellError> {
		if index >> 63 != 0 || (index >> RESERVED_SHIFT) & 0b111 != 0 {
			return Err(CellError::ReservedBits);
		}
		if (index >> MODE_SHIFT) & 0b1111 != CELL_MODE {
			return Err(CellError::NotACell);
		}
		let cell = Cell(index);
		let base = cell.base_cell();
		if base >= BASE_CELLS {
			return Err(CellError::BaseCell);
		}
		let resolution = cell.resolution();
		let pentagon = PENTAGON_BASE_CELLS.contains(&base);
		let mut leading_zeros = true;
		for r in 1..=MAX_RESOLUTION {
			let digit = cell.digit(r);
			if r <= resolution {
				if digit == UNUSED_DIGIT {
					return Err(CellError::Digit);
				}
				if pentagon && leading_zeros && digit != 0 {
					if digit == K_AXIS_DIGIT {
						return Err(CellError::DeletedPentagonSubsequence);
					}
					leading_zeros = false;
				}
			} else if digit != UNUSED_DIGIT {
				return Err(CellError::UnusedDigit);
			}
		}
		Ok(cell)
	}

	/// The 64-bit H3 index.
	pub fn index(&self) -> u64 {
		self.0
	}

	/// Resolution, 0 (continental) to 15 (about 1 m²).
	pub fn resolution(&self) -> u8 {
		((self.0 >> RESOLUTION_SHIFT) & 0b1111) as u8
	}

	/// The base cell, 0..=121.
	pub fn base_cell(&self) -> u8 {
		((self.0 >> BASE_CELL_SHIFT) & 0b111_1111) as u8
	}

	/// The digit at position `r` (1..=15); 7 beyond the resolution.
	pub fn digit(&self, r: u8) -> u8 {
		let shift = u32::from(MAX_RESOLUTION.saturating_sub(r)) * 3;
		((self.0 >> shift) & 0b111) as u8
	}

	/// The cell containing this one at the coarser `resolution`, or `None` when `resolution` is
	/// finer than this cell's.
	pub fn parent(&self, resolution: u8) -> Option<Cell> {
		let own = self.resolution();
		if resolution > own {
			return None;
		}
		let mut index = self.0 & !(0b1111 << RESOLUTION_SHIFT);
		index |= u64::from(resolution) << RESOLUTION_SHIFT;
		for r in resolution + 1..=own {
			let shift = u32::from(MAX_RESOLUTION - r) * 3;
			index |= u64::from(UNUSED_DIGIT) << shift;
		}
		Some(Cell(index))
	}
}

impl From<Cell> for u64 {
	fn from(cell: Cell) -> u64 {
		cell.0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	// Resolution-12 cells computed with the reference H3 library (h3-py 4.5.0, latlng_to_cell).
	const BERLIN: u64 = 0x08c1f1d48945d9ff; // 52.5200, 13.4050
	const SAN_FRANCISCO: u64 = 0x08c283082800b3ff; // 37.7749, -122.4194
	const NAIROBI: u64 = 0x08c7a6e42ca207ff; // -1.2921, 36.8219
	const SYDNEY: u64 = 0x08cbe0e35cbad1ff; // -33.8688, 151.2093
	const PENTAGON_RES12: u64 = 0x08c08000000001ff; // h3.get_pentagons(12)[0]
	const BERLIN_RES11: u64 = 0x08b1f1d48945dfff;
	const BERLIN_RES15: u64 = 0x08f1f1d48945d998;

	#[test]
	fn real_resolution_12_cells_are_valid() {
		for (index, base) in
			[(BERLIN, 15), (SAN_FRANCISCO, 20), (NAIROBI, 61), (SYDNEY, 95), (PENTAGON_RES12, 4)]
		{
			let cell = Cell::new(index).unwrap_or_else(|e| panic!("{index:#x}: {e:?}"));
			assert_eq!(cell.resolution(), 12);
			assert_eq!(cell.base_cell(), base);
			assert_eq!(cell.index(), index);
		}
	}

	#[test]
	fn other_resolutions_are_valid_cells() {
		assert_eq!(Cell::new(BERLIN_RES11).map(|c| c.resolution()), Ok(11));
		assert_eq!(Cell::new(BERLIN_RES15).map(|c| c.resolution()), Ok(15));
	}

	// Each malformed value was also checked invalid by h3-py's is_valid_cell.
	#[test]
	fn malformed_indexes_are_rejected() {
		let cases = [
			(0x10c1f1d48945d9ff, CellError::NotACell), // mode 2 (an edge)
			(0x88c1f1d48945d9ff, CellError::ReservedBits), // high bit
			(0x09c1f1d48945d9ff, CellError::ReservedBits), // edge bits in a cell
			(0x08cf51d48945d9ff, CellError::BaseCell), // base cell 122
			(0x08c1f1f48945d9ff, CellError::Digit),    // digit 3 is 7
			(0x08c1f1d48945d9f8, CellError::UnusedDigit), // digit 15 is not 7
			(0x08c08400000001ff, CellError::DeletedPentagonSubsequence), // first digit 1
			(0x08c08080000001ff, CellError::DeletedPentagonSubsequence), // 0 then 1
			(0, CellError::NotACell),
			(u64::MAX, CellError::ReservedBits),
		];
		for (index, error) in cases {
			assert_eq!(Cell::new(index), Err(error), "{index:#x}");
		}
	}

	#[test]
	fn parent_matches_the_reference_library() {
		let cell = Cell::new(BERLIN_RES15).unwrap_or_else(|e| panic!("{e:?}"));
		assert_eq!(cell.parent(12).map(|c| c.index()), Some(BERLIN));
		assert_eq!(cell.parent(11).map(|c| c.index()), Some(BERLIN_RES11));
		assert_eq!(cell.parent(15), Some(cell));
		let res12 = Cell::new(BERLIN).unwrap_or_else(|e| panic!("{e:?}"));
		assert_eq!(res12.parent(13), None);
		// A parent is itself a valid cell.
		for r in 0..=12 {
			let parent = res12.parent(r).unwrap_or_else(|| panic!("parent {r}"));
			assert_eq!(Cell::new(parent.index()), Ok(parent));
		}
	}
}
