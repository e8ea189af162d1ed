//! Checks geo-proto against reference vectors generated from h3-py
//! (`tools/gen_vectors.py`).  Floats are used here only to compare results.
#![allow(
	clippy::float_arithmetic,
	clippy::cast_precision_loss,
	clippy::unwrap_used,
	clippy::indexing_slicing
)]

use depin_primitives::geo::centre::centre_angle_q62;
use depin_primitives::geo::{
	cell_centre_q60, distance_m, distance_mm, fspl_cdb, fspl_mdb, grid_distance, GridError,
};

const PAIRS: &str = include_str!("vectors/pairs.txt");
const CENTRES: &str = include_str!("vectors/centres.txt");
const FSPL: &str = include_str!("vectors/fspl.txt");

/// H3 EARTH_RADIUS_KM in metres.
const R_M: f64 = 6_371_007.180_918_475;

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
	text.lines()
		.filter(|l| !l.starts_with('#') && !l.trim().is_empty())
		.map(|l| l.split_whitespace().collect())
}

fn cell(s: &str) -> u64 {
	u64::from_str_radix(s, 16).unwrap()
}

fn fmt_result(r: Result<u32, GridError>) -> String {
	match r {
		Ok(d) => d.to_string(),
		Err(e) => format!("E{}", e.h3_code()),
	}
}

#[test]
fn grid_distance_matches_h3() {
	let mut n = 0;
	let mut errors = 0;
	let mut mismatches = Vec::new();
	for r in rows(PAIRS) {
		let (tag, a, b, want) = (r[0], cell(r[1]), cell(r[2]), r[3]);
		let got = fmt_result(grid_distance(a, b));
		if want.starts_with('E') {
			errors += 1;
		}
		if got != want {
			mismatches.push(format!("{tag} {:x} {:x}: got {got}, h3 {want}", a, b));
		}
		n += 1;
	}
	println!("grid_distance: {n} pairs ({errors} H3 errors), {} mismatches", mismatches.len());
	for m in mismatches.iter().take(30) {
		println!("  {m}");
	}
	assert!(mismatches.is_empty());
	assert!(n > 10_000);
}

#[test]
fn centre_distance_within_tolerance() {
	let mut n = 0;
	let mut max_abs_mm: f64 = 0.0; // distance_mm vs h3 (mm)
	let mut max_rel_mm: f64 = 0.0;
	let mut max_abs_m: f64 = 0.0; // distance_m (rounded) vs h3
	let mut max_abs_exact: f64 = 0.0; // unrounded (angle * R) vs h3
	let mut max_tol_ratio: f64 = 0.0; // distance_m error / max(0.5%, 2 m)
	let mut n_200km = 0;
	let mut worst = String::new();
	let mut failures = Vec::new();
	for r in rows(PAIRS) {
		let (tag, a, b, want) = (r[0], cell(r[1]), cell(r[2]), r[4]);
		if let Some(code) = want.strip_prefix('E') {
			let e = distance_m(a, b).unwrap_err();
			assert_eq!(e.h3_code().to_string(), code, "{tag} {a:x} {b:x}");
			continue;
		}
		let want: f64 = want.parse().unwrap();
		let mm = distance_mm(a, b).unwrap() as f64;
		let m = f64::from(distance_m(a, b).unwrap());
		let abs_mm = (mm / 1000.0 - want).abs();
		let abs_m = (m - want).abs();
		let exact = centre_angle_q62(a, b).unwrap() as f64 / (1u128 << 62) as f64 * R_M;
		max_abs_exact = max_abs_exact.max((exact - want).abs());
		max_tol_ratio = max_tol_ratio.max(abs_m / (0.005 * want).max(2.0));
		if want <= 200_000.0 {
			n_200km += 1;
		}
		if abs_mm > max_abs_mm {
			max_abs_mm = abs_mm;
			worst = format!("{tag} {a:x} {b:x} h3 {want} got {}", mm / 1000.0);
		}
		if want > 0.0 {
			max_rel_mm = max_rel_mm.max(abs_mm / want);
		}
		max_abs_m = max_abs_m.max(abs_m);
		if abs_m > (0.005 * want).max(2.0) {
			failures.push(format!("{tag} {a:x} {b:x}: got {m} m, h3 {want} m"));
		}
		n += 1;
	}
	println!(
		"distance: {n} pairs ({n_200km} <= 200 km); unrounded max abs err {max_abs_exact:.3e} m; \
		 distance_mm max abs err {max_abs_mm:.6} m, max rel err {max_rel_mm:.3e}; \
		 distance_m max abs err {max_abs_m:.4} m, max err / tolerance {max_tol_ratio:.3}; \
		 worst mm: {worst}"
	);
	assert!(failures.is_empty(), "{failures:?}");
}

/// Angle between our fixed-point unit vector and H3's lat/lng centre.
fn centre_error_m(c: u64, lat: f64, lng: f64) -> f64 {
	let v = cell_centre_q60(c).unwrap();
	let s = (1u64 << 60) as f64;
	let (x, y, z) = (v[0] as f64 / s, v[1] as f64 / s, v[2] as f64 / s);
	let (la, lo) = (lat.to_radians(), lng.to_radians());
	let (x2, y2, z2) = (la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin());
	let (cx, cy, cz) = (y * z2 - z * y2, z * x2 - x * z2, x * y2 - y * x2);
	let cross = (cx * cx + cy * cy + cz * cz).sqrt();
	let dot = x * x2 + y * y2 + z * z2;
	cross.atan2(dot) * R_M
}

#[test]
fn centres_match_h3() {
	let mut n = 0;
	let mut max_err: f64 = 0.0;
	let mut worst = String::new();
	for r in rows(CENTRES) {
		let c = cell(r[0]);
		let err = centre_error_m(c, r[1].parse().unwrap(), r[2].parse().unwrap());
		if err > max_err {
			max_err = err;
			worst = r[0].to_string();
		}
		n += 1;
	}
	println!("centres: {n} cells, max centre offset {max_err:.3e} m ({worst})");
	assert!(max_err < 1e-3, "{max_err} at {worst}");
}

#[test]
fn fspl_within_tolerance() {
	let mut n = 0;
	let mut max_cdb: f64 = 0.0;
	let mut max_mdb: f64 = 0.0;
	for r in rows(FSPL) {
		let d: u32 = r[0].parse().unwrap();
		let f: u64 = r[1].parse().unwrap();
		let want: f64 = r[2].parse().unwrap();
		let c = f64::from(fspl_cdb(d, f)) / 100.0;
		let m = f64::from(fspl_mdb(d, f)) / 1000.0;
		max_cdb = max_cdb.max((c - want).abs());
		max_mdb = max_mdb.max((m - want).abs());
		assert!((c - want).abs() <= 0.05, "{d} {f}: {c} vs {want}");
		n += 1;
	}
	println!("fspl: {n} points, max err centi-dB {max_cdb:.5} dB, milli-dB {max_mdb:.6} dB");
	assert!(max_cdb <= 0.005 + 1e-9);
	assert!(max_mdb <= 0.0005 + 1e-9);
}
