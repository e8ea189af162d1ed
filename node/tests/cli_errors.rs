//! Bad command-line input ends with a clear message and a non-zero exit, never a panic.

mod common;

use common::{run_to_end, scratch_dir};

fn assert_clean_failure(args: &[&str], expected: &str) {
	let out = run_to_end(args);
	assert!(!out.status.success(), "{args:?} should fail; stderr: {}", out.stderr);
	assert_eq!(out.status.code(), Some(1), "{args:?}: exit code; stderr: {}", out.stderr);
	assert!(!out.stderr.contains("panicked"), "{args:?} panicked: {}", out.stderr);
	assert!(out.stderr.contains(expected), "{args:?}: expected `{expected}` in: {}", out.stderr);
}

#[test]
fn unknown_chain_name_is_a_clear_error() {
	assert_clean_failure(
		&["--chain", "no-such-chain", "--tmp"],
		"unknown chain `no-such-chain`: expected `dev`, `local` or the path of a chain spec JSON file",
	);
	assert_clean_failure(&["export-chain-spec", "--chain", "no-such-chain"], "unknown chain");
}

#[test]
fn unreadable_chain_spec_file_is_a_clear_error() {
	let dir = scratch_dir("cli-errors");
	let garbage = dir.join("garbage.json");
	std::fs::write(&garbage, "this is not a chain spec").unwrap_or_else(|e| panic!("{e}"));
	let garbage = garbage.to_str().unwrap_or_else(|| panic!("path"));
	assert_clean_failure(&["--chain", garbage, "--tmp"], "cannot load the chain spec");

	// A directory exists but is not a readable spec file.
	let dir_path = dir.to_str().unwrap_or_else(|| panic!("path"));
	assert_clean_failure(&["export-chain-spec", "--chain", dir_path], "cannot load the chain spec");
}

#[test]
fn unknown_flag_is_rejected_with_usage() {
	let out = run_to_end(&["--no-such-flag"]);
	assert!(!out.status.success());
	assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
	assert!(out.stderr.contains("--no-such-flag"), "{}", out.stderr);
}
