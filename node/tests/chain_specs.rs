//! The checked-in chain specs match the runtime's genesis presets. Only the genesis
//! configuration is compared, not the embedded wasm: a runtime change alone does not make the
//! checked-in file stale, a preset change does (run `scripts/gen-chain-specs.sh`).

use serde_json::Value;
use std::path::Path;

fn checked_in(name: &str) -> Value {
	let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../chain-specs").join(name);
	let text = std::fs::read_to_string(&path)
		.unwrap_or_else(|e| panic!("{}: {e}; run scripts/gen-chain-specs.sh", path.display()));
	serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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
	let code = spec["genesis"]["runtimeGenesis"]["code"].as_str().unwrap_or_default();
	assert!(code.starts_with("0x") && code.len() > 1000, "the spec must embed a runtime");
}
