//! Two validators (Alice and Bob) started from `chain-specs/local.json` author and finalize the
//! same chain. The spec's embedded runtime is replaced by the one this build made, so that the
//! test runs the current runtime with the checked-in genesis configuration.

mod common;

use common::{chain, scratch_dir, Node};
use serde_json::Value;
use std::{path::Path, time::Duration};

fn spec_with_current_runtime(dir: &Path) -> String {
	let path = Path::new(&manifest_dir()).join("../chain-specs/local.json");
	let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
	let mut spec: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
	let wasm = depin_runtime::WASM_BINARY.unwrap_or_else(|| panic!("built without wasm"));
	spec["genesis"]["runtimeGenesis"]["code"] = sp_core::bytes::to_hex(wasm, false).into();
	let out = dir.join("local.json");
	std::fs::write(&out, spec.to_string()).unwrap_or_else(|e| panic!("{e}"));
	out.to_str().unwrap_or_else(|| panic!("path")).to_owned()
}

#[test]
fn alice_and_bob_finalize_the_same_blocks() {
	let dir = scratch_dir("two-validators");
	let spec = spec_with_current_runtime(&dir);
	// Fixed node keys: validators refuse to invent a network identity on their own.
	let alice_key = "0000000000000000000000000000000000000000000000000000000000000001";
	let bob_key = "0000000000000000000000000000000000000000000000000000000000000002";

	let mut alice = Node::start(
		"alice",
		&dir,
		&["--chain", &spec, "--alice", "--tmp", "--node-key", alice_key],
	);
	alice.wait_rpc(Duration::from_secs(120)).unwrap_or_else(|e| panic!("{e}"));
	let bootnode = alice.multiaddr().unwrap_or_else(|e| panic!("{e}"));
	let mut bob = Node::start(
		"bob",
		&dir,
		&["--chain", &spec, "--bob", "--tmp", "--node-key", bob_key, "--bootnodes", &bootnode],
	);
	bob.wait_rpc(Duration::from_secs(120)).unwrap_or_else(|e| panic!("{e}"));

	// GRANDPA needs both votes (more than 2/3 of 2), so finality proves they talk to each other.
	for node in [&mut alice, &mut bob] {
		node.wait_until(Duration::from_secs(180), "block 5 finalized", |n| {
			Ok(n.finalized_number()? >= 5)
		})
		.unwrap_or_else(|e| panic!("{e}"));
	}
	let height = alice
		.finalized_number()
		.unwrap_or_else(|e| panic!("{e}"))
		.min(bob.finalized_number().unwrap_or_else(|e| panic!("{e}")));
	assert!(height >= 5);
	let on_alice = alice.block_hash(height).unwrap_or_else(|e| panic!("{e}"));
	let on_bob = bob.block_hash(height).unwrap_or_else(|e| panic!("{e}"));
	assert!(on_alice.is_some(), "alice has no block {height}");
	assert_eq!(on_alice, on_bob, "alice and bob finalized different blocks at {height}");

	// Both authored: Aura gives them alternate slots, so neither chain is a one-validator chain.
	let authors: std::collections::BTreeSet<u64> = (1..=height)
		.map(|n| {
			let hash = alice.block_hash(n).and_then(|h| h.ok_or("no hash".into()));
			// Aura's author of a slot is authorities[slot % 2].
			hash.and_then(|h| chain::aura_slot(&alice, &h)).map(|slot| slot % 2)
		})
		.collect::<Result<_, _>>()
		.unwrap_or_else(|e| panic!("{e}"));
	assert_eq!(authors.len(), 2, "both validators should author blocks");
}

/// The package's directory, as cargo gives it to the test at run time: a compile-time
/// `env!("CARGO_MANIFEST_DIR")` would keep the path of whichever checkout first built this test
/// into a shared target directory (cargo does not rebuild a test for a moved checkout).
fn manifest_dir() -> String {
	std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string())
}
