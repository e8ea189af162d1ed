//! Chain specifications built into the node: `dev` and `local`, from the runtime's genesis
//! presets. Any other `--chain` value is a path to a chain spec JSON file.

use depin_runtime::{
	constants::{
		currency::{TOKEN_DECIMALS, TOKEN_SYMBOL},
		SS58_PREFIX,
	},
	WASM_BINARY,
};
use sc_service::ChainType;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The chain spec type of this node: no client extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Network protocol id, so that DePIN nodes do not talk to other Substrate chains.
const PROTOCOL_ID: &str = "depin";

/// Token symbol, decimals and address format, read by polkadot.js to display balances.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm binary is not available: the node was built with SKIP_WASM_BUILD"
			.to_string()
	})
}

/// `--dev`: a single validator (Alice), dev accounts funded.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("DePIN Development")
		.with_id("depin_dev")
		.with_protocol_id(PROTOCOL_ID)
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: two validators (Alice and Bob), dev accounts funded.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("DePIN Local Testnet")
		.with_id("depin_local")
		.with_protocol_id(PROTOCOL_ID)
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
