//! Builds the parachain runtime's wasm blob, which the chain spec embeds and polkadot-omni-node
//! executes (there is no native runtime in the collator).

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
