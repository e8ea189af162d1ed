//! Spawns a zombienet network file with the native provider and keeps it running until Ctrl-C:
//!
//!   cargo run --release --example spawn -- ../para.toml
//!
//! (`scripts/para.sh` runs it for zombienet/para.toml.) Commands in the file are looked up on
//! PATH; the token `DEPIN_PARA_WASM` in the file is replaced by that variable's value (the
//! parachain runtime's wasm). Prints every node's RPC endpoint, then waits.

use anyhow::{anyhow, Context, Result};
use std::path::Path;
use zombienet_sdk::{NetworkConfig, NetworkConfigExt};

#[tokio::main]
async fn main() -> Result<()> {
	let file = std::env::args().nth(1).ok_or_else(|| anyhow!("usage: spawn NETWORK.toml"))?;
	let path = Path::new(&file).canonicalize().with_context(|| file.clone())?;
	let mut text = std::fs::read_to_string(&path).with_context(|| file.clone())?;
	if let Ok(wasm) = std::env::var("DEPIN_PARA_WASM") {
		text = text.replace("DEPIN_PARA_WASM", &wasm);
	}
	let base = path.parent().ok_or_else(|| anyhow!("{file} has no directory"))?;
	let config = NetworkConfig::load_from_toml_string_with_base_dir(&text, base)
		.map_err(|e| anyhow!("{file}: {e}"))?;
	let network = config.spawn_native().await.context("spawning the network")?;
	println!("network up; base directory {}", network.base_dir().unwrap_or("?"));
	for node in network.relaychain().nodes() {
		println!("relay chain  {:<10} {}", node.name(), node.ws_uri());
	}
	for para in network.parachains() {
		for node in para.collators() {
			println!("para {:<7} {:<10} {}", para.para_id(), node.name(), node.ws_uri());
		}
	}
	println!("Ctrl-C stops the network");
	tokio::signal::ctrl_c().await?;
	network.destroy().await.context("tearing down")?;
	Ok(())
}
