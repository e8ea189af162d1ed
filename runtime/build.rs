//! Builds the runtime's wasm blob (embedded in the node as `WASM_BINARY`).

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
