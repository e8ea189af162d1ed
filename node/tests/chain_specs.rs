//! The checked-in chain specs match the runtime: the genesis configuration of the preset, and
//! the runtime embedded in the spec (its version and the runtime APIs it offers, read from the
//! embedded wasm). A stale spec (an older runtime without an API a client expects, such as
//! `DepinApi`) fails here: run `scripts/gen-chain-specs.sh`.
//!
//! The embedded wasm is not compared byte for byte: the bytes depend on the path the runtime was
//! built at. Bump `spec_version` with every change of runtime logic (as for any upgrade); the
//! version then differs from the spec's until it is regenerated.

use sc_chain_spec::{ChainSpecExtension, ChainSpecGroup};
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
	// A parachain runtime imports cumulus' proof-size host function too; reading the version
	// calls none of them.
	let executor = WasmExecutor::<sp_io::SubstrateHostFunctions>::builder()
		.with_allow_missing_host_functions(true)
		.build();
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

/// The chain spec extensions a parachain's spec carries (read by polkadot-omni-node and zombienet).
#[derive(
	Debug,
	Clone,
	PartialEq,
	serde::Serialize,
	serde::Deserialize,
	ChainSpecGroup,
	ChainSpecExtension,
)]
#[serde(deny_unknown_fields)]
pub struct ParaExtensions {
	/// The relay chain's id.
	pub relay_chain: String,
	/// The para id.
	pub para_id: u32,
}

/// The parachain's local spec, built from depin-para-runtime's `local_testnet` preset (para id
/// 2000 on rococo-local, collators Alice and Bob).
fn para_local_spec() -> Value {
	let wasm = depin_para_runtime::WASM_BINARY.expect("the parachain runtime's wasm is built");
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), depin_para_runtime::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), depin_para_runtime::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), depin_para_runtime::constants::SS58_PREFIX.into());
	let spec = sc_chain_spec::GenericChainSpec::<ParaExtensions>::builder(
		wasm,
		ParaExtensions {
			relay_chain: "rococo-local".into(),
			para_id: depin_para_runtime::genesis_config_presets::PARA_ID,
		},
	)
	.with_name("DePIN Parachain Local")
	.with_id("depin_para_local")
	.with_chain_type(sc_chain_spec::ChainType::Local)
	.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
	.with_properties(properties)
	.build();
	let json = spec.as_json(false).unwrap_or_else(|e| panic!("the parachain spec: {e}"));
	serde_json::from_str(&json).unwrap_or_else(|e| panic!("the parachain spec: {e}"))
}

/// `chain-specs/para-local.json` is the parachain's spec of today (its preset and runtime).
/// `DEPIN_UPDATE_CHAIN_SPECS=1` (scripts/gen-chain-specs.sh) writes it instead.
#[test]
fn para_local_spec_matches_the_parachain_runtime() {
	let built = para_local_spec();
	if std::env::var("DEPIN_UPDATE_CHAIN_SPECS").is_ok_and(|v| v == "1") {
		let path = Path::new(&manifest_dir()).join("../chain-specs/para-local.json");
		let text = serde_json::to_string_pretty(&built).unwrap_or_else(|e| panic!("{e}"));
		std::fs::write(&path, text + "\n").unwrap_or_else(|e| panic!("{}: {e}", path.display()));
		return;
	}
	let spec = checked_in("para-local.json");
	assert_eq!(
		spec["genesis"]["runtimeGenesis"]["patch"],
		depin_para_runtime::genesis_config_presets::local_config_genesis(),
		"chain-specs/para-local.json is out of date with the local_testnet preset: run \
		 scripts/gen-chain-specs.sh"
	);
	assert_eq!(
		(&spec["relay_chain"], &spec["para_id"]),
		(&built["relay_chain"], &built["para_id"])
	);
	let code = spec["genesis"]["runtimeGenesis"]["code"].as_str().unwrap_or_default();
	let embedded = version_of(&from_hex(code));
	let current = depin_para_runtime::VERSION;
	assert_eq!(
		(embedded.spec_name.as_ref(), embedded.spec_version),
		(current.spec_name.as_ref(), current.spec_version),
		"chain-specs/para-local.json embeds another runtime version: run scripts/gen-chain-specs.sh"
	);
}

/// The package's directory, as cargo gives it to the test at run time: a compile-time
/// `env!("CARGO_MANIFEST_DIR")` would keep the path of whichever checkout first built this test
/// into a shared target directory (cargo does not rebuild a test for a moved checkout).
fn manifest_dir() -> String {
	std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string())
}
