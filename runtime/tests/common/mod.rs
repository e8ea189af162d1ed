//! Genesis state from a preset, as the node's genesis builder makes it.

use depin_runtime::{BuildStorage, RuntimeGenesisConfig};

/// Externalities holding the genesis state of `preset` (a JSON patch over the defaults).
pub fn externalities(preset: serde_json::Value) -> sp_io::TestExternalities {
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).unwrap_or_else(|e| panic!("{e}"));
	json_merge(&mut config, preset);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).unwrap_or_else(|e| panic!("preset: {e}"));
	config.build_storage().unwrap_or_else(|e| panic!("build: {e}")).into()
}

/// Applies a JSON patch the way the genesis builder does (objects merge, the rest replaces).
fn json_merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				json_merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}
