//! Source scan: the library sources contain no floating-point types or
//! literals (comments excluded).  Complements `#![deny(clippy::float_arithmetic)]`.

use std::path::Path;

fn is_float_token(tok: &str) -> bool {
	if tok == "f32" || tok == "f64" {
		return true;
	}
	if !tok.starts_with(|c: char| c.is_ascii_digit())
		|| tok.starts_with("0x")
		|| tok.starts_with("0b")
	{
		return false;
	}
	// after the integer digits: `.d` (fraction), `e`/`E` (exponent) or an f32/f64 suffix
	let rest = tok.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_');
	let mut chars = rest.chars();
	match (chars.next(), chars.next()) {
		(Some('.'), Some(c)) => c.is_ascii_digit(),
		(Some('e' | 'E'), Some(c)) => c.is_ascii_digit() || c == '+' || c == '-',
		_ => rest.starts_with("f32") || rest.starts_with("f64"),
	}
}

#[test]
fn library_sources_have_no_floats() {
	let dir = Path::new(&manifest_dir()).join("src").join("geo");
	let mut checked = 0;
	for entry in std::fs::read_dir(dir).unwrap() {
		let path = entry.unwrap().path();
		let text = std::fs::read_to_string(&path).unwrap();
		for (n, line) in text.lines().enumerate() {
			let code = line.split("//").next().unwrap_or("");
			let toks = code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'));
			for tok in toks {
				// `1.0`-style tokens survive the split; method calls like `x.abs` do not
				// start with a digit
				assert!(!is_float_token(tok), "{}:{}: float token `{tok}`", path.display(), n + 1);
			}
		}
		checked += 1;
	}
	assert!(checked >= 8);
	for t in ["1.0", "2e5", "3f64", "1_000.5", "7E-3", "f32"] {
		assert!(is_float_token(t), "{t}");
	}
	for t in ["0..7", "1u32", "0x1e5", "12", "i128", "3..=15"] {
		assert!(!is_float_token(t), "{t}");
	}
}

/// The package's directory, as cargo gives it to the test at run time: a compile-time
/// `env!("CARGO_MANIFEST_DIR")` would keep the path of whichever checkout first built this test
/// into a shared target directory (cargo does not rebuild a test for a moved checkout).
fn manifest_dir() -> String {
	std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string())
}
