//! Large comparisons against h3-py, on files that are not checked in.
//!
//! Generate them with `python3 tools/gen_vectors.py --exhaustive DIR` and run
//! `GEO_EXHAUSTIVE_DIR=DIR cargo test --release -- --ignored --nocapture`
//! (DIR defaults to `/tmp/w/geo-exhaustive`).
#![allow(
	clippy::float_arithmetic,
	clippy::cast_precision_loss,
	clippy::unwrap_used,
	clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader};

use depin_primitives::geo::{cell_centre_q60, grid_distance};

fn dir() -> String {
	std::env::var("GEO_EXHAUSTIVE_DIR").unwrap_or_else(|_| "/tmp/geo-exhaustive".into())
}

fn lines(name: &str) -> impl Iterator<Item = String> {
	let path = format!("{}/{name}", dir());
	let f = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
	BufReader::new(f).lines().map(Result::unwrap).filter(|l| !l.starts_with('#'))
}

fn cell(s: &str) -> u64 {
	u64::from_str_radix(s, 16).unwrap()
}

#[test]
#[ignore = "needs tools/gen_vectors.py --exhaustive output"]
fn grid_distance_exhaustive() {
	let (mut n, mut errs, mut bad) = (0u64, 0u64, 0u64);
	for line in lines("grid_exhaustive.txt") {
		let mut it = line.split_whitespace();
		let a = cell(it.next().unwrap());
		for t in it {
			let (b, want) = t.split_once(':').unwrap();
			let b = cell(b);
			let got = match grid_distance(a, b) {
				Ok(d) => d.to_string(),
				Err(e) => format!("E{}", e.h3_code()),
			};
			if want.starts_with('E') {
				errs += 1;
			}
			if got != want {
				bad += 1;
				if bad < 20 {
					println!("mismatch {a:x} {b:x}: got {got}, h3 {want}");
				}
			}
			n += 1;
		}
	}
	println!("exhaustive grid_distance: {n} pairs, {errs} H3 errors, {bad} mismatches");
	assert_eq!(bad, 0);
}

#[test]
#[ignore = "needs tools/gen_vectors.py --exhaustive output"]
fn centres_exhaustive() {
	let (mut n, mut max_err, mut worst) = (0u64, 0f64, 0u64);
	for line in lines("centres_exhaustive.txt") {
		let r: Vec<&str> = line.split_whitespace().collect();
		let c = cell(r[0]);
		let (lat, lng): (f64, f64) = (r[1].parse().unwrap(), r[2].parse().unwrap());
		let v = cell_centre_q60(c).unwrap();
		let s = (1u64 << 60) as f64;
		let (x, y, z) = (v[0] as f64 / s, v[1] as f64 / s, v[2] as f64 / s);
		let (la, lo) = (lat.to_radians(), lng.to_radians());
		let (x2, y2, z2) = (la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin());
		let (cx, cy, cz) = (y * z2 - z * y2, z * x2 - x * z2, x * y2 - y * x2);
		let err = (cx * cx + cy * cy + cz * cz).sqrt().atan2(x * x2 + y * y2 + z * z2)
			* 6_371_007.180_918_475;
		if err > max_err {
			max_err = err;
			worst = c;
		}
		n += 1;
	}
	println!("exhaustive centres: {n} cells, max offset {max_err:.3e} m ({worst:x})");
	assert!(max_err < 1e-3);
}
