//! The checked-in chain specs match the runtime: the genesis configuration of the preset, and
//! the runtime embedded in the spec (its version and the runtime APIs it offers, read from the
//! embedded wasm). A stale spec (an older runtime without an API a client expects, such as
//! `DepinApi`) fails here: run `scripts/gen-chain-specs.sh`.
//!
//! The embedded wasm is not compared byte for byte: the bytes depend on the path the runtime was
//! built at. Bump `spec_version` with every change of runtime logic (as for any upgrade); the
//! version then differs from the spec's until it is regenerated.

use sc_executor::{RuntimeVersionOf, WasmExecutor};
use serde_json::Value;
use sp_core::traits::{RuntimeCode, WrappedRuntimeCode};
use std::path::Path;

fn checked_in(name: &str) -> Value {
	let path = Path::new(&manifest_dir()).join("../chain-specs").join(name);
	let text = std::fs::read_to_string(&path)
		.unwrap_or_else(|e| panic!("{}: {e}; run scripts/gen-chain-specs.sh", path.display()));
	serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn from_hex(hex: &str) -> Vec<u8> {
	let hex = hex.strip_prefix("0x").unwrap_or(hex);
	(0..hex.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or_else(|e| panic!("hex: {e}")))
		.collect()
}

/// The version of the runtime `code`, as a node reads it.
fn version_of(code: &[u8]) -> sc_executor::RuntimeVersion {
	let executor = WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	let fetch = WrappedRuntimeCode(code.into());
	let runtime_code = RuntimeCode {
		code_fetcher: &fetch,
		heap_pages: None,
		hash: sp_io::hashing::blake2_256(code).to_vec(),
	};
	let mut storage = sp_io::TestExternalities::default();
	let mut ext = storage.ext();
	executor
		.runtime_version(&mut ext, &runtime_code)
		.unwrap_or_else(|e| panic!("the spec's runtime has no readable version: {e}"))
}

#[test]
fn local_spec_matches_the_local_testnet_preset() {
	let spec = checked_in("local.json");
	let preset = depin_runtime::genesis_config_presets::local_config_genesis();
	assert_eq!(
		spec["genesis"]["runtimeGenesis"]["patch"], preset,
		"chain-specs/local.json is out of date with the local_testnet preset: run \
		 scripts/gen-chain-specs.sh"
	);
	assert_eq!(spec["chainType"], "Local");
	assert_eq!(spec["properties"]["tokenSymbol"], "DPN");
	assert_eq!(spec["properties"]["tokenDecimals"], 12);
}

#[test]
fn local_spec_embeds_the_current_runtime() {
	let spec = checked_in("local.json");
	let code = spec["genesis"]["runtimeGenesis"]["code"].as_str().unwrap_or_default();
	assert!(code.starts_with("0x") && code.len() > 1000, "the spec must embed a runtime");
	let embedded = version_of(&from_hex(code));
	let current = depin_runtime::VERSION;
	assert_eq!(
		(embedded.spec_name.as_ref(), embedded.spec_version),
		(current.spec_name.as_ref(), current.spec_version),
		"chain-specs/local.json embeds another runtime version: run scripts/gen-chain-specs.sh"
	);
	// The same APIs at the same versions; the order of the list is not significant.
	let sorted = |apis: &[([u8; 8], u32)]| {
		let mut apis = apis.to_vec();
		apis.sort();
		apis
	};
	assert_eq!(
		sorted(&embedded.apis),
		sorted(&current.apis),
		"chain-specs/local.json embeds a runtime with other runtime APIs: run \
		 scripts/gen-chain-specs.sh"
	);
}

/// The package's directory, as cargo gives it to the test at run time: a compile-time
/// `env!("CARGO_MANIFEST_DIR")` would keep the path of whichever checkout first built this test
/// into a shared target directory (cargo does not rebuild a test for a moved checkout).
fn manifest_dir() -> String {
	std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string())
}
