//! H3 geometry without floats, for the runtime (proof of coverage judges witnesses by it):
//!
//! * [`grid_distance`]: H3 `gridDistance`, bit-exact including its errors;
//! * [`distance_m`] / [`distance_mm`]: great-circle distance between cell
//!   centres (fixed-point port of H3 `cellToLatLng` + haversine);
//! * [`fspl_cdb`] / [`fspl_mdb`]: free-space path loss;
//! * [`parent`]: H3 `cellToParent`.
//!
//! All arithmetic is integer (`clippy::float_arithmetic` is denied).  The H3
//! algorithms and tables are ported from the H3 C library v4.5.0
//! (<https://github.com/uber/h3>, Apache-2.0, Copyright Uber Technologies,
//! Inc.); the integer tables in [`tables`] are generated from its C sources by
//! `tools/geo/gen_tables.py`. Method, error bounds measured against h3-py and the cost of each
//! function in the runtime: `primitives/GEO.md`.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing))]
#![deny(clippy::float_arithmetic)]
#![deny(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::panic,
	clippy::indexing_slicing,
	clippy::unreachable,
	clippy::todo,
	clippy::unimplemented
)]

pub mod centre;
pub mod coord;
pub mod face_ijk;
pub mod fixed;
pub mod fspl;
pub mod index;
pub mod local_ij;
#[rustfmt::skip]
pub mod tables;

pub use centre::{cell_centre_q60, distance_m, distance_mm};
pub use fspl::{fspl_cdb, fspl_mdb};
pub use index::{is_valid_cell, parent};
pub use local_ij::{cell_to_local_ijk, grid_distance};

/// Errors, mirroring the H3 error codes (`H3Error`) that these functions can
/// return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GridError {
	/// `E_FAILED` (1): the operation failed (e.g. cells too far apart for
	/// local IJ coordinates, or across pentagon distortion).
	Failed,
	/// `E_RES_DOMAIN` (4): resolution out of range.
	ResDomain,
	/// `E_CELL_INVALID` (5): not a valid cell index.
	CellInvalid,
	/// `E_PENTAGON` (9): pentagon distortion was encountered.
	Pentagon,
	/// `E_RES_MISMATCH` (12): resolutions do not match.
	ResMismatch,
}

impl GridError {
	/// The numeric H3 error code (`H3Error`), as in h3-py's
	/// `H3BaseException.h3_error_code`.
	pub const fn h3_code(self) -> u32 {
		match self {
			Self::Failed => 1,
			Self::ResDomain => 4,
			Self::CellInvalid => 5,
			Self::Pentagon => 9,
			Self::ResMismatch => 12,
		}
	}
}

impl core::fmt::Display for GridError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		let s = match self {
			Self::Failed => "operation failed (E_FAILED)",
			Self::ResDomain => "resolution out of range (E_RES_DOMAIN)",
			Self::CellInvalid => "invalid cell index (E_CELL_INVALID)",
			Self::Pentagon => "pentagon distortion (E_PENTAGON)",
			Self::ResMismatch => "resolution mismatch (E_RES_MISMATCH)",
		};
		f.write_str(s)
	}
}
