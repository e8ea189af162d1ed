//! Builds the runtime's wasm blob (embedded in the node as `WASM_BINARY`). With the
//! `metadata-hash` feature the metadata's hash is computed and built in, so that
//! `CheckMetadataHash` can be used in mode `Enabled` (hardware wallets, offline signers).

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("DPN", 12)
		.build();
}

#[cfg(not(feature = "std"))]
fn main() {}
