//! Cell centres as fixed-point 3D vectors and great-circle distance between
//! cell centres.
//!
//! H3 (v4.5.0 `_hex2dToVec3`) places the centre of a cell with face
//! coordinates `(face, ijk)` at
//! `normalize(cos(r) C + sin(r) (cos(az) N + sin(az) E))`, with
//! `r = atan(G |v| 7^(-res/2))` and `az = A0 - theta` (`v` = hex2d vector,
//! `theta` its angle, `C`, `N`, `E` the face centre and its north/east
//! tangents, `A0` the face i-axis azimuth, `G = RES0_U_GNOMONIC`).  That is a
//! gnomonic projection, so the same point is
//!
//! `P ~ C + 7^(-floor(res/2)) (i' AX + j' BX)`,  `i' = i - k`, `j' = j - k`,
//!
//! where the per-face tangent vectors `AX`, `BX` (one pair for Class II and one
//! for Class III resolutions, which also absorb the `1/sqrt 7` factor and the
//! aperture-7 rotation) are precomputed by `tools/geo/gen_tables.py`.  No
//! trigonometry is needed at run time: `P` is exact up to Q60 rounding.  The
//! central angle between two centres is `atan2(|P1 x P2|, P1 . P2)` (scale
//! invariant, so `P` need not be normalized), computed with integer CORDIC.

use crate::geo::face_ijk::{h3_to_face_ijk, is_class_iii};
use crate::geo::fixed::{atan2_q62, isqrt_round_u128, isqrt_u128};
use crate::geo::index::{is_valid_cell, resolution};
use crate::geo::tables::{
	EARTH_RADIUS_MM_Q24, FACE_AXIS_I_CIII_Q60, FACE_AXIS_I_CII_Q60, FACE_AXIS_J_CIII_Q60,
	FACE_AXIS_J_CII_Q60, FACE_CENTER_Q60, Q_ANG, Q_RADIUS, Q_VEC,
};
use crate::geo::GridError;

/// 7^n for n = 0..=7.
const POW7: [i128; 8] = [1, 7, 49, 343, 2401, 16807, 117_649, 823_543];

/// Un-normalized direction of a cell centre, Q60 (|P| in [1, 1.3]).
///
/// # Errors
/// [`GridError::CellInvalid`] if `cell` is not a valid H3 cell.
pub fn cell_centre_direction_q60(cell: u64) -> Result<[i128; 3], GridError> {
	if !is_valid_cell(cell) {
		return Err(GridError::CellInvalid);
	}
	let fijk = h3_to_face_ijk(cell)?;
	let res = resolution(cell);
	let face = usize::from(fijk.face);
	let (ax, bx) = if is_class_iii(res) {
		(FACE_AXIS_I_CIII_Q60.get(face), FACE_AXIS_J_CIII_Q60.get(face))
	} else {
		(FACE_AXIS_I_CII_Q60.get(face), FACE_AXIS_J_CII_Q60.get(face))
	};
	let (Some(c), Some(ax), Some(bx)) = (FACE_CENTER_Q60.get(face), ax, bx) else {
		return Err(GridError::CellInvalid);
	};
	let scale = POW7.get(usize::from(res / 2)).copied().ok_or(GridError::CellInvalid)?;
	let i = i128::from(fijk.coord.i - fijk.coord.k);
	let j = i128::from(fijk.coord.j - fijk.coord.k);
	let mut p = [0i128; 3];
	for (n, out) in p.iter_mut().enumerate() {
		let (Some(&cn), Some(&an), Some(&bn)) = (c.get(n), ax.get(n), bx.get(n)) else {
			return Err(GridError::CellInvalid);
		};
		// |i|, |j| < 2^23 at res 15 and |a|, |b| < 2^59: products < 2^82.
		let num = i128::from(cn) * scale + i * i128::from(an) + j * i128::from(bn);
		*out = div_round(num, scale);
	}
	Ok(p)
}

/// Unit vector of a cell centre, Q60 (each component in `[-2^60, 2^60]`).
///
/// # Errors
/// [`GridError::CellInvalid`] if `cell` is not a valid H3 cell.
pub fn cell_centre_q60(cell: u64) -> Result<[i64; 3], GridError> {
	let p = cell_centre_direction_q60(cell)?;
	// |p|^2 in Q120, < 2^122
	let n2: u128 = p.iter().map(|&c| c.unsigned_abs() * c.unsigned_abs()).sum();
	// Q60, >= 2^60 - 1 for any valid cell (|P| >= 1)
	let norm = isqrt_round_u128(n2) as i128;
	let mut out = [0i64; 3];
	for (o, &c) in out.iter_mut().zip(p.iter()) {
		// |c| < 2^61, so c << 60 < 2^121
		*o = div_round(c << Q_VEC, norm) as i64;
	}
	Ok(out)
}

/// Division rounded to nearest (ties away from zero); `d` is clamped to >= 1
/// (callers always pass a positive divisor; the clamp removes the panic path).
const fn div_round(n: i128, d: i128) -> i128 {
	let d = if d < 1 { 1 } else { d };
	if n >= 0 {
		(n + d / 2) / d
	} else {
		-((-n + d / 2) / d)
	}
}

/// Central angle between two (not necessarily normalized) vectors, Q62 radians.
fn central_angle_q62(a: &[i128; 3], b: &[i128; 3]) -> i128 {
	// Components are Q60 with |.| < 2^61: products Q120 < 2^122.
	let cx = (a[1] * b[2] - a[2] * b[1]) >> Q_VEC;
	let cy = (a[2] * b[0] - a[0] * b[2]) >> Q_VEC;
	let cz = (a[0] * b[1] - a[1] * b[0]) >> Q_VEC;
	let dot = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) >> Q_VEC;
	// |a x b| <= |a||b| < 2^122 in Q120 -> sum of squares of Q60 < 2^124.
	let cross2 = cx.unsigned_abs() * cx.unsigned_abs()
		+ cy.unsigned_abs() * cy.unsigned_abs()
		+ cz.unsigned_abs() * cz.unsigned_abs();
	let cross = isqrt_u128(cross2) as i128;
	atan2_q62(cross, dot)
}

/// Central angle between the centres of two cells in radians, Q62.
///
/// # Errors
/// [`GridError::CellInvalid`] if either input is not a valid H3 cell.
pub fn centre_angle_q62(a: u64, b: u64) -> Result<i128, GridError> {
	let pa = cell_centre_direction_q60(a)?;
	let pb = cell_centre_direction_q60(b)?;
	Ok(central_angle_q62(&pa, &pb))
}

/// Great-circle distance between the centres of two cells in millimetres, on
/// H3's sphere (`EARTH_RADIUS_KM` = 6371.007180918475 km).  Any resolutions.
///
/// # Errors
/// [`GridError::CellInvalid`] if either input is not a valid H3 cell.
pub fn distance_mm(a: u64, b: u64) -> Result<u64, GridError> {
	// angle <= pi (Q62, < 2^63.7); angle * radius (Q24, < 2^57) < 2^121
	let angle = centre_angle_q62(a, b)?.unsigned_abs();
	let shift = Q_ANG + Q_RADIUS;
	let mm = (angle * EARTH_RADIUS_MM_Q24 + (1u128 << (shift - 1))) >> shift;
	// <= pi * 6371007181 mm < 2^35
	Ok(mm as u64)
}

/// Great-circle distance between the centres of two cells in metres, rounded
/// to the nearest metre (see [`distance_mm`]).
///
/// # Errors
/// [`GridError::CellInvalid`] if either input is not a valid H3 cell.
pub fn distance_m(a: u64, b: u64) -> Result<u32, GridError> {
	let mm = distance_mm(a, b)?;
	// <= pi * R = 20_015_110 m
	Ok(((mm + 500) / 1000) as u32)
}
