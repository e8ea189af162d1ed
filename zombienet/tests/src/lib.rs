//! Helpers shared by the zombienet scenarios (`tests/four_validators.rs` on depin-node,
//! `tests/parachain.rs` on a relay chain with the DePIN parachain): JSON-RPC over HTTP, metric
//! and finality waits, storage keys, transactions, killing a node's process.

use anyhow::{anyhow, bail, ensure, Result};
use serde_json::{json, Value};
use std::{
	path::PathBuf,
	time::{Duration, Instant},
};
use zombienet_sdk::{
	subxt::{dynamic::Value as DynValue, OnlineClient, PolkadotConfig},
	subxt_signer::sr25519::Keypair,
	NetworkNode,
};

/// The finalized height metric.
pub const FINALIZED: &str = "block_height{status=\"finalized\"}";
/// The best height metric.
pub const BEST: &str = "block_height{status=\"best\"}";

/// A fresh directory for the network (kept on failure for its logs).
pub fn network_dir() -> PathBuf {
	let stamp = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis())
		.unwrap_or_default();
	std::env::temp_dir().join(format!("depin-zombienet-{}-{stamp}", std::process::id()))
}

/// Submits `tx` signed by `signer` and waits for it to be finalized and succeed; the hash of
/// its block.
pub async fn finalize<Call: zombienet_sdk::subxt::tx::Payload>(
	client: &OnlineClient<PolkadotConfig>,
	tx: &Call,
	signer: &Keypair,
) -> Result<String> {
	let in_block = client
		.tx()
		.sign_and_submit_then_watch_default(tx, signer)
		.await?
		.wait_for_finalized()
		.await?;
	let block = format!("{:?}", in_block.block_hash());
	let events = in_block.wait_for_success().await?;
	// A sudo call that failed inside is still a successful extrinsic: look at `Sudid`.
	for event in events.iter() {
		let event = event?;
		if event.pallet_name() == "Sudo" && event.variant_name() == "Sudid" {
			let fields = format!("{:?}", event.field_values()?);
			ensure!(fields.contains("Ok"), "the sudo call failed: {fields}");
		}
	}
	Ok(block)
}

pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> Result<Vec<u8>> {
	let s = s.trim_start_matches("0x");
	ensure!(s.len() % 2 == 0, "odd hex length");
	(0..s.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| anyhow!("hex: {e}")))
		.collect()
}

/// Waits until `node` reports `metric` >= `value`.
pub async fn wait_metric_at_least(
	node: &NetworkNode,
	metric: &str,
	value: f64,
	timeout: Duration,
) -> Result<()> {
	let deadline = Instant::now() + timeout;
	loop {
		match node.reports(metric).await {
			Ok(v) if v >= value => return Ok(()),
			Ok(v) if Instant::now() > deadline => {
				bail!("{}: {metric} = {v} after {timeout:?}, wanted >= {value}", node.name())
			}
			Err(e) if Instant::now() > deadline => bail!("{}: {metric}: {e}", node.name()),
			_ => tokio::time::sleep(Duration::from_secs(2)).await,
		}
	}
}

/// A JSON-RPC call over HTTP to `node` (its RPC port serves HTTP and WebSocket).
pub async fn rpc(node: &NetworkNode, method: &str, params: Value) -> Result<Value> {
	let url = node.ws_uri().replacen("ws://", "http://", 1);
	let reply: Value = reqwest::Client::new()
		.post(&url)
		.timeout(Duration::from_secs(10))
		.json(&json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}))
		.send()
		.await?
		.json()
		.await?;
	if let Some(error) = reply.get("error") {
		bail!("{}: {method}: {error}", node.name());
	}
	Ok(reply["result"].clone())
}

pub async fn block_hash(node: &NetworkNode, number: u64) -> Result<String> {
	let v = rpc(node, "chain_getBlockHash", json!([number])).await?;
	v.as_str().map(str::to_owned).ok_or_else(|| anyhow!("{}: no block #{number}", node.name()))
}

pub async fn state_root(node: &NetworkNode, hash: &str) -> Result<String> {
	let header = rpc(node, "chain_getHeader", json!([hash])).await?;
	header["stateRoot"]
		.as_str()
		.map(str::to_owned)
		.ok_or_else(|| anyhow!("{}: no header {hash}", node.name()))
}

pub async fn storage(node: &NetworkNode, key: &str, at: &str) -> Result<Option<String>> {
	Ok(rpc(node, "state_getStorage", json!([key, at])).await?.as_str().map(str::to_owned))
}

/// Waits until `hash` is finalized on `node` (its finalized head is at or past that height and
/// has it as the block at that height).
pub async fn wait_finalized_hash(node: &NetworkNode, hash: &str, timeout: Duration) -> Result<()> {
	let header = rpc(node, "chain_getHeader", json!([hash])).await;
	let deadline = Instant::now() + timeout;
	let number = loop {
		if let Ok(h) = &header {
			if let Some(n) = h["number"].as_str() {
				break u64::from_str_radix(n.trim_start_matches("0x"), 16)?;
			}
		}
		ensure!(Instant::now() < deadline, "{}: block {hash} unknown", node.name());
		tokio::time::sleep(Duration::from_secs(2)).await;
	};
	wait_metric_at_least(node, FINALIZED, number as f64, timeout).await?;
	ensure!(block_hash(node, number).await? == hash, "{}: another block at #{number}", node.name());
	Ok(())
}

/// The raw storage key (hex) of `System::Account(who)`.
pub fn account_key(client: &OnlineClient<PolkadotConfig>, who: [u8; 32]) -> Result<String> {
	let address = zombienet_sdk::subxt::dynamic::storage(
		"System",
		"Account",
		vec![DynValue::from_bytes(who)],
	);
	let bytes = client.storage().address_bytes(&address)?;
	Ok(format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()))
}

/// Kills `node`'s process (a `binary` process) with SIGKILL: a crash, not a clean stop.
/// zombienet-sdk has no kill; the process is found by its base directory, which is unique to this
/// network and node.
pub fn kill(node: &NetworkNode, binary: &str) -> Result<()> {
	let marker = node.base_dir().to_string_lossy().to_string();
	let mut killed = 0;
	for entry in std::fs::read_dir("/proc")? {
		let entry = entry?;
		let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
		let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
		let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
		if cmdline.contains(binary) && cmdline.contains(&marker) {
			let status =
				std::process::Command::new("kill").args(["-9", &pid.to_string()]).status()?;
			ensure!(status.success(), "kill -9 {pid} failed");
			killed += 1;
		}
	}
	ensure!(killed == 1, "expected one process of {} under {marker}, killed {killed}", node.name());
	Ok(())
}

/// The package's directory, as cargo gives it to the test at run time: a compile-time
/// `env!("CARGO_MANIFEST_DIR")` would keep the path of whichever checkout first built this test
/// into a shared target directory (cargo does not rebuild a test for a moved checkout).
pub fn manifest_dir() -> String {
	std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string())
}

/// The cargo target directory the chain was built into: `CARGO_TARGET_DIR`, else the scripts'
/// default `~/.cache/depin-target`.
pub fn target_dir() -> String {
	std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| {
		format!("{}/.cache/depin-target", std::env::var("HOME").unwrap_or_default())
	})
}

/// The file named by variable `var`, else `default`; an error saying `hint` if nothing is there.
pub fn existing_file(var: &str, default: String, hint: &str) -> Result<String> {
	let path = std::env::var(var).unwrap_or(default);
	ensure!(std::path::Path::new(&path).is_file(), "{var}: nothing at {path} ({hint})");
	Ok(path)
}
