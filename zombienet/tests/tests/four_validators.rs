//! Four validators (alice, bob, charlie, dave) on `depin-node`, spawned by zombienet-sdk's native
//! provider from the `local` chain, in five scenarios run in order on one network:
//!
//! 1. all four start and finalize at least 10 blocks;
//! 2. a balance transfer is finalized and visible on every node;
//! 3. dave is killed (SIGKILL): finality keeps advancing on the other three (3 of 4 > 2/3);
//! 4. dave restarts on the same base path, catches up to alice's finalized hash and sees the
//!    state of step 2 (same state root and same account at that block); the catch-up time is
//!    printed;
//! 5. charlie and dave are paused (SIGSTOP): finality stops while alice and bob still author;
//!    resumed: finality resumes and all four agree on the finalized hash;
//! 6. a fifth validator joins as the README's "Run a validator" says: a new node (eve) started
//!    with `--validator`, session keys made by it (`author_rotateKeysWithOwner`) and registered
//!    with `session.setKeys` from the //Eve account, a sudo `validatorSet.addValidator`; after
//!    the next session it authors (its account earns a block in the rewards ledger) and votes
//!    (with dave paused, finality needs four of five: eve's vote);
//! 7. dave is removed by sudo `validatorSet.removeValidator`: from the session after next the
//!    authority set is the other four, and finality continues.
//!
//! Sessions are shortened to 10 blocks for this network (a genesis override), so that a set
//! change takes effect within two minutes.
//!
//! The network is always torn down; on failure its directory (every node's log) is kept and
//! printed. `DEPIN_NODE` names the node binary (scripts/test.sh sets it).

use anyhow::{anyhow, ensure, Context, Result};
use depin_zombienet_tests::*;
use serde_json::json;
use std::{
	path::Path,
	time::{Duration, Instant},
};
use zombienet_sdk::{
	subxt::{dynamic::Value as DynValue, OnlineClient, PolkadotConfig},
	subxt_signer::sr25519::{dev, Keypair},
	AddNodeOptions, LocalFileSystem, Network, NetworkConfigBuilder, NetworkConfigExt, NetworkNode,
};

const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
/// 1,000,000 DPN (12 decimals): what the local preset gives dev accounts; zombienet sets the
/// validators' balances to this.
const VALIDATOR_BALANCE: u128 = 1_000_000 * 1_000_000_000_000;
/// 1,234 DPN, the transfer of step 2.
const AMOUNT: u128 = 1_234 * 1_000_000_000_000;
/// Blocks per session on this network (the local preset's is an hour).
const SESSION_LENGTH: u64 = 10;

fn node_binary() -> Result<String> {
	existing_file(
		"DEPIN_NODE",
		format!("{}/release/depin-node", target_dir()),
		"build depin-node first",
	)
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_finalize_survive_a_death_and_a_pause() -> Result<()> {
	let command = node_binary()?;
	let dir = network_dir();
	let config = NetworkConfigBuilder::new()
		.with_relaychain(|r| {
			let r = r
				.with_chain("local")
				.with_default_command(command.as_str())
				.with_genesis_overrides(
					json!({ "validatorSet": { "sessionLength": SESSION_LENGTH } }),
				);
			r.with_validator(|n| n.with_name("alice").with_initial_balance(VALIDATOR_BALANCE))
				.with_validator(|n| n.with_name("bob").with_initial_balance(VALIDATOR_BALANCE))
				.with_validator(|n| n.with_name("charlie").with_initial_balance(VALIDATOR_BALANCE))
				.with_validator(|n| n.with_name("dave").with_initial_balance(VALIDATOR_BALANCE))
		})
		.with_global_settings(|g| {
			g.with_base_dir(&dir)
				// Its watcher would end the process when dave is killed on purpose; this test
				// tears the network down itself, always.
				.with_tear_down_on_failure(false)
				.with_network_spawn_timeout(300)
				.with_node_spawn_timeout(120)
		})
		.build()
		.map_err(|e| anyhow!("network config: {e:?}"))?;

	let started = Instant::now();
	let mut network = config.spawn_native().await.context("spawning the network")?;
	println!("network up in {:.0?} at {}", started.elapsed(), dir.display());

	let mut outcome = scenarios(&network).await;
	if outcome.is_ok() {
		outcome = validator_set_changes(&mut network).await;
	}
	// Torn down whatever happened.
	if let Err(e) = network.destroy().await {
		eprintln!("tearing down the network: {e}");
	}
	match outcome {
		Ok(()) => {
			let _ = std::fs::remove_dir_all(&dir);
			println!("all scenarios passed in {:.0?}", started.elapsed());
			Ok(())
		}
		Err(e) => {
			eprintln!("FAILED; every node's log is kept under {}", dir.display());
			Err(e)
		}
	}
}

async fn scenarios(network: &Network<LocalFileSystem>) -> Result<()> {
	let nodes: Vec<&NetworkNode> =
		VALIDATORS.iter().map(|n| network.get_node(*n)).collect::<Result<_>>()?;
	let (alice, charlie, dave) = (nodes[0], nodes[2], nodes[3]);

	// 1. All four finalize at least 10 blocks.
	let t = Instant::now();
	for node in &nodes {
		wait_metric_at_least(node, FINALIZED, 10.0, Duration::from_secs(180)).await?;
	}
	let authorities = rpc(alice, "state_call", json!(["AuraApi_authorities", "0x"])).await?;
	ensure!(
		authorities.as_str().is_some_and(|s| s.starts_with("0x10")),
		"the spec's Aura authorities are not the four validators: {authorities}"
	);
	println!("1. all four finalized 10 blocks in {:.0?}", t.elapsed());

	// 2. A transfer, finalized, visible on every node.
	let t = Instant::now();
	let dest = Keypair::from_uri(&"//ZombieDest".parse()?)?.public_key();
	let client: OnlineClient<PolkadotConfig> = alice.wait_client().await?;
	let tx = zombienet_sdk::subxt::dynamic::tx(
		"Balances",
		"transfer_keep_alive",
		vec![
			DynValue::unnamed_variant("Id", [DynValue::from_bytes(dest.0)]),
			DynValue::u128(AMOUNT),
		],
	);
	let finalized = client
		.tx()
		.sign_and_submit_then_watch_default(&tx, &dev::alice())
		.await?
		.wait_for_finalized()
		.await
		.context("the transfer was not finalized")?;
	let transfer_block = format!("{:?}", finalized.block_hash());
	finalized.wait_for_success().await.context("the transfer failed")?;
	let key = account_key(&client, dest.0)?;
	let value_on_alice = storage(alice, &key, &transfer_block).await?;
	ensure!(value_on_alice.is_some(), "the destination account is missing on alice");
	let root_on_alice = state_root(alice, &transfer_block).await?;
	for node in &nodes {
		wait_finalized_hash(node, &transfer_block, Duration::from_secs(60)).await?;
		ensure!(
			storage(node, &key, &transfer_block).await? == value_on_alice,
			"{} sees another balance for the destination",
			node.name()
		);
	}
	println!("2. transfer finalized in {transfer_block}, seen by all four in {:.0?}", t.elapsed());

	// 3. dave is killed: the other three keep finalizing.
	let t = Instant::now();
	kill(dave, "depin-node")?;
	let before = alice.reports(FINALIZED).await?;
	for node in &nodes[..3] {
		wait_metric_at_least(node, FINALIZED, before + 3.0, Duration::from_secs(90))
			.await
			.with_context(|| format!("{} stopped finalizing without dave", node.name()))?;
	}
	ensure!(rpc(dave, "system_health", json!([])).await.is_err(), "dave still answers");
	println!("3. dave killed; the other three finalized 3 more blocks in {:.0?}", t.elapsed());

	// 4. dave restarts on the same base path and catches up.
	let restart = Instant::now();
	dave.restart(None).await.context("restarting dave")?;
	let target = alice.reports(FINALIZED).await? as u64;
	wait_metric_at_least(dave, FINALIZED, target as f64, Duration::from_secs(120))
		.await
		.context("dave did not catch up")?;
	let caught_up = restart.elapsed();
	let hash_alice = block_hash(alice, target).await?;
	ensure!(
		block_hash(dave, target).await? == hash_alice,
		"dave finalized another block at height {target}"
	);
	ensure!(
		state_root(dave, &transfer_block).await? == root_on_alice,
		"dave has another state root at the transfer's block"
	);
	ensure!(
		storage(dave, &key, &transfer_block).await? == value_on_alice,
		"dave lost the transfer"
	);
	println!(
		"4. dave restarted and caught up to alice's finalized block #{target} in {:.1} s \
		 (catch-up time); same state root at the transfer's block",
		caught_up.as_secs_f64()
	);

	// 5. Two of four paused: finality stops; resumed: it resumes, without a fork.
	let t = Instant::now();
	charlie.pause().await?;
	dave.pause().await?;
	// Votes already cast may still finalize a block or two.
	tokio::time::sleep(Duration::from_secs(12)).await;
	let (stalled_at, best_before) = (alice.reports(FINALIZED).await?, alice.reports(BEST).await?);
	tokio::time::sleep(Duration::from_secs(30)).await;
	let (stalled_now, best_now) = (alice.reports(FINALIZED).await?, alice.reports(BEST).await?);
	ensure!(stalled_now == stalled_at, "finality moved with two of four paused");
	ensure!(best_now > best_before, "alice and bob stopped authoring");
	charlie.resume().await?;
	dave.resume().await?;
	for node in &nodes {
		wait_metric_at_least(node, FINALIZED, stalled_at + 3.0, Duration::from_secs(120))
			.await
			.with_context(|| format!("{} did not resume finalizing", node.name()))?;
	}
	let mut lowest = u64::MAX;
	for node in &nodes {
		lowest = lowest.min(node.reports(FINALIZED).await? as u64);
	}
	let agreed = block_hash(alice, lowest).await?;
	for node in &nodes {
		ensure!(block_hash(node, lowest).await? == agreed, "{} is on a fork", node.name());
	}
	println!(
		"5. finality stalled at #{stalled_at} with two paused (best went {best_before} -> \
		 {best_now}); resumed, all four agree on #{lowest} {agreed} ({:.0?})",
		t.elapsed()
	);
	Ok(())
}

/// Scenarios 6 and 7: a fifth validator joins through governance, then dave leaves.
async fn validator_set_changes(network: &mut Network<LocalFileSystem>) -> Result<()> {
	// 6. A new node, eve, started as a validator: it is not in the set yet.
	let t = Instant::now();
	network
		.add_node("eve", AddNodeOptions { is_validator: true, ..Default::default() })
		.await
		.context("adding eve")?;
	let alice = network.get_node("alice")?;
	let eve = network.get_node("eve")?;
	let target = alice.reports(BEST).await?;
	wait_metric_at_least(eve, BEST, target, Duration::from_secs(120))
		.await
		.context("eve did not sync")?;
	ensure!(authority_count(alice).await? == 4, "the set is not the four validators");

	// Session keys made by eve's node for the //Eve account, registered by that account.
	let account = dev::eve();
	let owner = account.public_key().0;
	let generated =
		rpc(eve, "author_rotateKeysWithOwner", json!([format!("0x{}", hex(&owner))])).await?;
	let keys = unhex(generated["keys"].as_str().ok_or_else(|| anyhow!("no keys: {generated}"))?)?;
	let proof =
		unhex(generated["proof"].as_str().ok_or_else(|| anyhow!("no proof: {generated}"))?)?;
	ensure!(keys.len() == 64, "session keys are Aura (32 bytes) + GRANDPA (32 bytes)");
	let client: OnlineClient<PolkadotConfig> = alice.wait_client().await?;
	let set_keys = zombienet_sdk::subxt::dynamic::tx(
		"Session",
		"set_keys",
		vec![
			DynValue::named_composite([
				("aura", DynValue::from_bytes(&keys[..32])),
				("grandpa", DynValue::from_bytes(&keys[32..])),
			]),
			DynValue::from_bytes(&proof),
		],
	);
	finalize(&client, &set_keys, &account).await.context("session.setKeys")?;

	// Governance (the local chain's sudo, //Alice) adds the //Eve account.
	let add = zombienet_sdk::subxt::dynamic::tx(
		"ValidatorSet",
		"add_validator",
		vec![DynValue::from_bytes(owner)],
	);
	let sudo = zombienet_sdk::subxt::dynamic::tx("Sudo", "sudo", vec![add.into_value()]);
	finalize(&client, &sudo, &dev::alice()).await.context("sudo validatorSet.addValidator")?;
	println!("6. eve set keys and was added by sudo in {:.0?}", t.elapsed());

	// After the next session eve is an authority (queued at the next session boundary, active
	// at the one after: at most two sessions) and authors: its account earns a block.
	let t = Instant::now();
	let deadline = Instant::now() + Duration::from_secs(3 * SESSION_LENGTH * 6 + 60);
	while authority_count(alice).await? != 5 {
		ensure!(Instant::now() < deadline, "eve did not join the authorities");
		tokio::time::sleep(Duration::from_secs(3)).await;
	}
	let ledger = ledger_key(&client, owner)?;
	while storage_at_best(alice, &ledger).await?.is_none() {
		ensure!(Instant::now() < deadline, "eve did not author a block");
		tokio::time::sleep(Duration::from_secs(3)).await;
	}
	println!("6. eve is an authority and authored a block, {:.0?} after being added", t.elapsed());

	// Eve votes: with dave paused, finality needs four of five, eve among them.
	let t = Instant::now();
	let dave = network.get_node("dave")?;
	dave.pause().await?;
	tokio::time::sleep(Duration::from_secs(12)).await;
	let before = alice.reports(FINALIZED).await?;
	let voted =
		wait_metric_at_least(alice, FINALIZED, before + 3.0, Duration::from_secs(120)).await;
	dave.resume().await?;
	voted.context("finality stopped with dave paused: eve does not vote")?;
	println!(
		"6. with dave paused, alice, bob, charlie and eve finalized 3 blocks ({:.0?})",
		t.elapsed()
	);

	// 7. Governance removes dave (its validator account is zombienet's //Dave//stash).
	let t = Instant::now();
	let dave_account = Keypair::from_uri(&"//Dave//stash".parse()?)?.public_key().0;
	let remove = zombienet_sdk::subxt::dynamic::tx(
		"ValidatorSet",
		"remove_validator",
		vec![DynValue::from_bytes(dave_account)],
	);
	let sudo = zombienet_sdk::subxt::dynamic::tx("Sudo", "sudo", vec![remove.into_value()]);
	finalize(&client, &sudo, &dev::alice()).await.context("sudo validatorSet.removeValidator")?;
	let deadline = Instant::now() + Duration::from_secs(3 * SESSION_LENGTH * 6 + 60);
	while authority_count(alice).await? != 4 {
		ensure!(Instant::now() < deadline, "dave did not leave the authorities");
		tokio::time::sleep(Duration::from_secs(3)).await;
	}
	let before = alice.reports(FINALIZED).await?;
	for node in ["alice", "bob", "charlie", "eve"] {
		wait_metric_at_least(
			network.get_node(node)?,
			FINALIZED,
			before + 3.0,
			Duration::from_secs(120),
		)
		.await
		.with_context(|| format!("{node} stopped finalizing after dave left"))?;
	}
	println!("7. dave removed; the four others finalize without him ({:.0?})", t.elapsed());
	Ok(())
}

/// How many Aura authorities `node`'s best block has.
async fn authority_count(node: &NetworkNode) -> Result<usize> {
	let encoded = rpc(node, "state_call", json!(["AuraApi_authorities", "0x"])).await?;
	let bytes = unhex(encoded.as_str().ok_or_else(|| anyhow!("no authorities: {encoded}"))?)?;
	// A SCALE compact length below 64 is one byte, the length times four.
	let first = *bytes.first().ok_or_else(|| anyhow!("empty authorities"))?;
	ensure!(first & 0b11 == 0, "more than 63 authorities");
	Ok(usize::from(first >> 2))
}

async fn storage_at_best(node: &NetworkNode, key: &str) -> Result<Option<String>> {
	Ok(rpc(node, "state_getStorage", json!([key])).await?.as_str().map(str::to_owned))
}

/// The raw storage key (hex) of `Rewards::ValidatorLedgers(who)`.
fn ledger_key(client: &OnlineClient<PolkadotConfig>, who: [u8; 32]) -> Result<String> {
	let address = zombienet_sdk::subxt::dynamic::storage(
		"Rewards",
		"ValidatorLedgers",
		vec![DynValue::from_bytes(who)],
	);
	Ok(format!("0x{}", hex(&client.storage().address_bytes(&address)?)))
}

#[test]
fn the_cli_network_file_describes_the_same_four_validators() -> Result<()> {
	let path = Path::new(&manifest_dir()).join("../local.toml");
	let config = zombienet_sdk::NetworkConfig::load_from_toml(
		path.to_str().ok_or_else(|| anyhow!("non-UTF-8 path"))?,
	)
	.map_err(|e| anyhow!("{}: {e}", path.display()))?;
	let relay = config.relaychain();
	ensure!(relay.chain().as_str() == "local", "not the local chain");
	let names: Vec<&str> = relay.nodes().iter().map(|n| n.name()).collect();
	ensure!(names == VALIDATORS, "nodes {names:?}");
	ensure!(relay.nodes().iter().all(|n| n.is_validator()), "a node is not a validator");
	ensure!(
		relay.nodes().iter().all(|n| n.initial_balance() == VALIDATOR_BALANCE),
		"initial balances differ from the preset's"
	);
	Ok(())
}
