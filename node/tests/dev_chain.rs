//! `depin-node --dev`: a single validator that produces a block every 6 s, finalizes, includes
//! signed transactions, and survives a restart on the same base path.

mod common;

use common::{chain, scratch_dir, Node};
use depin_runtime::{RuntimeCall, DPN};
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

const STARTUP: Duration = Duration::from_secs(120);

#[test]
fn dev_chain_produces_a_block_every_six_seconds_and_finalizes() {
	let dir = scratch_dir("dev-blocks");
	let mut node = Node::start("dev", &dir, &["--dev", "--tmp"]);
	node.wait_rpc(STARTUP).unwrap_or_else(|e| panic!("{e}"));
	node.wait_until(Duration::from_secs(90), "5 finalized blocks", |n| {
		Ok(n.finalized_number()? >= 5)
	})
	.unwrap_or_else(|e| panic!("{e}"));

	// Aura gives each block its own 6 s slot; with one validator every slot has a block (bar a
	// rare slot missed on a loaded machine), and the timestamp follows the slot.
	let blocks: Vec<(u64, u64)> = (1..=5)
		.map(|n| {
			let hash = node.block_hash(n).and_then(|h| h.ok_or("no hash".into()));
			hash.and_then(|h| Ok((chain::aura_slot(&node, &h)?, chain::timestamp(&node, &h)?)))
				.unwrap_or_else(|e| panic!("{e}"))
		})
		.collect();
	let steps: Vec<(u64, u64)> =
		blocks.windows(2).map(|w| (w[1].0 - w[0].0, w[1].1 - w[0].1)).collect();
	let consecutive = steps.iter().filter(|(slots, _)| *slots == 1).count();
	assert!(consecutive >= 3, "blocks should fill consecutive slots: {steps:?}");
	for (slots, millis) in &steps {
		let expected = slots * 6_000;
		assert!(millis.abs_diff(expected) < 1_000, "{millis} ms for {slots} slot(s): {steps:?}");
	}
}

#[test]
fn signed_transfer_from_alice_is_included_and_moves_both_balances() {
	let dir = scratch_dir("dev-transfer");
	let mut node = Node::start("dev", &dir, &["--dev", "--tmp"]);
	node.wait_rpc(STARTUP).unwrap_or_else(|e| panic!("{e}"));
	node.wait_until(Duration::from_secs(90), "3 finalized blocks", |n| {
		Ok(n.finalized_number()? >= 3)
	})
	.unwrap_or_else(|e| panic!("{e}"));

	let alice = Sr25519Keyring::Alice.to_account_id();
	// A fresh account, so that the transfer also creates it.
	let dest = Sr25519Keyring::One.to_account_id();
	let treasury = depin_runtime::configs::TreasuryAccount::get();
	let before = chain::finalized_head(&node).unwrap_or_else(|e| panic!("{e}"));
	let read = |node: &Node, who, at: &str| {
		chain::account(node, who, Some(at)).unwrap_or_else(|e| panic!("{e}"))
	};
	let (alice_0, dest_0, treasury_0) = (
		read(&node, &alice, &before),
		read(&node, &dest, &before),
		read(&node, &treasury, &before),
	);
	assert_eq!(dest_0.data.free, 0, "destination must start empty");

	let amount = 1_234 * DPN;
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: dest.clone().into(),
		value: amount,
	});
	let xt = chain::sign(&node, Sr25519Keyring::Alice, call, alice_0.nonce)
		.unwrap_or_else(|e| panic!("{e}"));
	chain::submit(&node, &xt).unwrap_or_else(|e| panic!("{e}"));

	// Included and finalized: the nonce moves in finalized state.
	let mut after = String::new();
	node.wait_until(Duration::from_secs(60), "the transfer to be finalized", |n| {
		after = chain::finalized_head(n)?;
		Ok(chain::account(n, &alice, Some(&after))?.nonce == alice_0.nonce + 1)
	})
	.unwrap_or_else(|e| panic!("{e}"));

	let (alice_1, dest_1, treasury_1) =
		(read(&node, &alice, &after), read(&node, &dest, &after), read(&node, &treasury, &after));
	assert_eq!(dest_1.data.free, amount, "the destination receives exactly the amount");
	let spent = alice_0.data.free - alice_1.data.free;
	let fee = spent - amount;
	assert!(fee > 0 && fee < DPN / 100, "fee {fee} out of the expected range");
	// Fees go to the treasury account, whole: nothing is lost. The only other credit is the
	// rewards pallet's mint at an epoch close (every 10 blocks here; nobody claims in this test).
	let minted = chain::rewards_minted(&node, &after).unwrap_or_else(|e| panic!("{e}"))
		- chain::rewards_minted(&node, &before).unwrap_or_else(|e| panic!("{e}"));
	assert_eq!(treasury_1.data.free - treasury_0.data.free, fee + minted);
}

#[test]
fn restart_on_the_same_base_path_continues_from_the_last_block() {
	let dir = scratch_dir("dev-restart");
	let base = dir.join("chain");
	let base = base.to_str().unwrap_or_else(|| panic!("non-UTF-8 path"));
	let args = ["--dev", "--base-path", base];
	let mut node = Node::start("dev-1", &dir, &args);
	node.wait_rpc(STARTUP).unwrap_or_else(|e| panic!("{e}"));
	node.wait_until(Duration::from_secs(90), "3 finalized blocks", |n| {
		Ok(n.finalized_number()? >= 3)
	})
	.unwrap_or_else(|e| panic!("{e}"));

	let finalized = node.finalized_number().unwrap_or_else(|e| panic!("{e}"));
	let best = node.best_number().unwrap_or_else(|e| panic!("{e}"));
	let hash = node.block_hash(finalized).unwrap_or_else(|e| panic!("{e}"));
	let status = node.interrupt(Duration::from_secs(60)).unwrap_or_else(|e| panic!("{e}"));
	assert!(status.success(), "Ctrl-C should stop the node cleanly, got {status}");
	let (rpc, p2p) = (node.rpc_port, node.p2p_port);
	drop(node);

	let mut node = Node::start_on("dev-2", &dir, &args, rpc, p2p, common::free_port());
	node.wait_rpc(STARTUP).unwrap_or_else(|e| panic!("{e}"));
	// Same block at the old finalized height, and the chain grows past the old best block.
	assert_eq!(node.block_hash(finalized).unwrap_or_else(|e| panic!("{e}")), hash);
	assert!(node.finalized_number().unwrap_or_else(|e| panic!("{e}")) >= finalized);
	node.wait_until(Duration::from_secs(60), "blocks beyond the last one", |n| {
		Ok(n.best_number()? > best && n.finalized_number()? > finalized)
	})
	.unwrap_or_else(|e| panic!("{e}"));
}
