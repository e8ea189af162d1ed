//! The DePIN parachain (para id 2000, `depin-para-runtime` from its `local_testnet` preset)
//! collated by two `polkadot-omni-node` collators (alice, bob) on a `rococo-local` relay chain of
//! two `polkadot` validators (charlie, dave), spawned by zombienet-sdk's native provider, in four
//! scenarios run in order on one network:
//!
//! 1. the parachain produces blocks and the relay chain finalizes them: para height >= 5
//!    finalized on both collators, and the relay chain's finalized state holds a head of the
//!    para at least that high;
//! 2. a balance transfer and a device registration (a storage node, with its possession proof)
//!    are finalized on the parachain; `DepinApi_device` answers for the device;
//! 3. bob is killed (SIGKILL): alice keeps producing, and the relay chain keeps finalizing her
//!    blocks;
//! 4. bob restarts on the same base path and catches up to alice's finalized hash, with the
//!    transfer of step 2 in its state.
//!
//! It needs the relay chain and collator binaries (`POLKADOT_BIN`, `OMNI_NODE_BIN`) and the
//! parachain runtime's wasm (`DEPIN_PARA_WASM`); `scripts/test.sh --para` installs the binaries
//! into the tools cache and runs it (`cargo test --release -- --ignored` here). Ignored otherwise,
//! so that plain `cargo test` of this crate needs only depin-node.

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
	LocalFileSystem, Network, NetworkConfigBuilder, NetworkConfigExt, NetworkNode,
};

const PARA_ID: u32 = 2000;
/// 1,234 DPN (12 decimals), the transfer of step 2.
const AMOUNT: u128 = 1_234 * 1_000_000_000_000;
/// A resolution-12 H3 cell in Berlin (as in the polkadot.js suite).
const BERLIN: u64 = 0x08c1_f1d4_8945_d9ff;
/// `DeviceKind::StorageNode`: needs no maker attestation in the local_testnet preset.
const STORAGE_NODE: &str = "StorageNode";

/// What `scripts/test.sh --para` does when a tool is missing.
const INSTALL_HINT: &str = "scripts/test.sh --para installs the parachain tools";

fn tools_bin(name: &str) -> String {
	let tools = std::env::var("DEPIN_TOOLS_DIR").unwrap_or_else(|_| {
		format!("{}/.cache/depin-tools", std::env::var("HOME").unwrap_or_default())
	});
	format!("{tools}/bin/{name}")
}

fn para_wasm() -> String {
	format!(
		"{}/release/wbuild/depin-para-runtime/depin_para_runtime.compact.compressed.wasm",
		target_dir()
	)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs polkadot and polkadot-omni-node: run by scripts/test.sh --para"]
async fn parachain_produces_finalizes_and_survives_a_collator_death() -> Result<()> {
	let polkadot = existing_file("POLKADOT_BIN", tools_bin("polkadot"), INSTALL_HINT)?;
	let omni = existing_file("OMNI_NODE_BIN", tools_bin("polkadot-omni-node"), INSTALL_HINT)?;
	let wasm = existing_file(
		"DEPIN_PARA_WASM",
		para_wasm(),
		"cargo build --release --workspace builds it",
	)?;
	let dir = network_dir();
	let config = NetworkConfigBuilder::new()
		.with_relaychain(|r| {
			r.with_chain("rococo-local")
				.with_default_command(polkadot.as_str())
				.with_validator(|n| n.with_name("charlie"))
				.with_validator(|n| n.with_name("dave"))
		})
		.with_parachain(|p| {
			p.with_id(PARA_ID)
				.cumulus_based(true)
				.with_chain_spec_runtime(wasm.as_str(), Some("local_testnet"))
				.with_default_command(omni.as_str())
				.with_collator(|n| n.with_name("alice"))
				.with_collator(|n| n.with_name("bob"))
		})
		.with_global_settings(|g| {
			g.with_base_dir(&dir)
				// Its watcher would end the process when bob is killed on purpose; this test
				// tears the network down itself, always.
				.with_tear_down_on_failure(false)
				.with_network_spawn_timeout(300)
				.with_node_spawn_timeout(180)
		})
		.build()
		.map_err(|e| anyhow!("network config: {e:?}"))?;

	let started = Instant::now();
	let network = config.spawn_native().await.context("spawning the network")?;
	println!("para network up in {:.0?} at {}", started.elapsed(), dir.display());

	let outcome = scenarios(&network).await;
	if let Err(e) = network.destroy().await {
		eprintln!("tearing down the network: {e}");
	}
	match outcome {
		Ok(()) => {
			let _ = std::fs::remove_dir_all(&dir);
			println!("all parachain scenarios passed in {:.0?}", started.elapsed());
			Ok(())
		}
		Err(e) => {
			eprintln!("FAILED; every node's log is kept under {}", dir.display());
			Err(e)
		}
	}
}

async fn scenarios(network: &Network<LocalFileSystem>) -> Result<()> {
	let alice = network.get_node("alice")?;
	let bob = network.get_node("bob")?;
	let relay = network.get_node("charlie")?;

	// 1. Para blocks, finalized by the relay chain.
	let t = Instant::now();
	for node in [alice, bob] {
		wait_para_finalized(node, 5, Duration::from_secs(300)).await?;
	}
	let relay_client: OnlineClient<PolkadotConfig> = relay.wait_client().await?;
	let included = relay_head_number(relay, &relay_client).await?;
	ensure!(included >= 5, "the relay chain's finalized head of para {PARA_ID} is #{included}");
	println!(
		"1. para height >= 5 finalized on both collators in {:.0?}; the relay chain's finalized \
		 state holds para head #{included}",
		t.elapsed()
	);

	// 2. A transfer and a device registration, finalized.
	let t = Instant::now();
	let client: OnlineClient<PolkadotConfig> = alice.wait_client().await?;
	let dest = Keypair::from_uri(&"//ParaDest".parse()?)?.public_key();
	let transfer = zombienet_sdk::subxt::dynamic::tx(
		"Balances",
		"transfer_keep_alive",
		vec![
			DynValue::unnamed_variant("Id", [DynValue::from_bytes(dest.0)]),
			DynValue::u128(AMOUNT),
		],
	);
	let transfer_block = finalize(&client, &transfer, &dev::alice()).await.context("transfer")?;
	let key = account_key(&client, dest.0)?;
	let balance = storage(alice, &key, &transfer_block).await?;
	ensure!(balance.is_some(), "the transfer's destination is missing");

	let owner = dev::charlie();
	let device = Keypair::from_uri(&"//ParaStorageNode".parse()?)?;
	let mut payload = b"depin/register/v2".to_vec();
	payload.extend_from_slice(client.genesis_hash().as_ref());
	payload.extend_from_slice(&owner.public_key().0);
	payload.extend_from_slice(&device.public_key().0);
	payload.extend_from_slice(&0u32.to_le_bytes());
	let proof = device.sign(&payload);
	let register = zombienet_sdk::subxt::dynamic::tx(
		"DeviceRegistry",
		"register_device",
		vec![
			DynValue::from_bytes(device.public_key().0),
			DynValue::unnamed_variant(STORAGE_NODE, []),
			DynValue::u128(u128::from(BERLIN)),
			DynValue::unnamed_variant("Sr25519", [DynValue::from_bytes(proof.0)]),
			DynValue::unnamed_variant("None", []),
		],
	);
	let registered = finalize(&client, &register, &owner).await.context("register_device")?;
	let record = rpc(
		alice,
		"state_call",
		json!(["DepinApi_device", format!("0x{}", hex(&device.public_key().0)), registered]),
	)
	.await?;
	ensure!(
		record.as_str().is_some_and(|r| r.starts_with("0x01")),
		"DepinApi_device has no record of the registered device: {record}"
	);
	println!(
		"2. transfer finalized in {transfer_block}, storage node registered in {registered} \
		 ({:.0?})",
		t.elapsed()
	);

	// 3. bob killed: alice keeps producing, the relay chain keeps finalizing.
	let t = Instant::now();
	kill(bob, "polkadot-omni-node")?;
	ensure!(rpc(bob, "system_health", json!([])).await.is_err(), "bob still answers");
	let before = para_finalized(alice).await?;
	wait_para_finalized(alice, before + 3, Duration::from_secs(240))
		.await
		.context("alice stopped producing without bob")?;
	println!(
		"3. bob killed; alice's para blocks finalized #{before} -> #{} in {:.0?}",
		before + 3,
		t.elapsed()
	);

	// 4. bob restarts and catches up to the same finalized hash.
	let restart = Instant::now();
	bob.restart(None).await.context("restarting bob")?;
	let target = para_finalized(alice).await?;
	wait_para_finalized(bob, target, Duration::from_secs(240))
		.await
		.context("bob did not catch up")?;
	let caught_up = restart.elapsed();
	let hash = block_hash(alice, target).await?;
	ensure!(block_hash(bob, target).await? == hash, "bob finalized another block at #{target}");
	ensure!(storage(bob, &key, &transfer_block).await? == balance, "bob lost the transfer");
	println!(
		"4. bob restarted and caught up to alice's finalized #{target} {hash} in {:.1} s",
		caught_up.as_secs_f64()
	);
	Ok(())
}

/// The parachain's finalized height on `node` (what the relay chain has finalized of it).
async fn para_finalized(node: &NetworkNode) -> Result<u64> {
	let head = rpc(node, "chain_getFinalizedHead", json!([])).await?;
	let header = rpc(node, "chain_getHeader", json!([head])).await?;
	let number = header["number"].as_str().ok_or_else(|| anyhow!("no header: {header}"))?;
	Ok(u64::from_str_radix(number.trim_start_matches("0x"), 16)?)
}

/// Waits until `node`'s finalized para height is at least `height`.
async fn wait_para_finalized(node: &NetworkNode, height: u64, timeout: Duration) -> Result<()> {
	let deadline = Instant::now() + timeout;
	loop {
		match para_finalized(node).await {
			Ok(n) if n >= height => return Ok(()),
			Ok(n) if Instant::now() > deadline => {
				anyhow::bail!(
					"{}: para finalized #{n} after {timeout:?}, wanted #{height}",
					node.name()
				)
			}
			Err(e) if Instant::now() > deadline => return Err(e),
			_ => tokio::time::sleep(Duration::from_secs(3)).await,
		}
	}
}

/// The block number in the head of the para that the relay chain's finalized state holds
/// (`Paras::Heads(2000)`: a SCALE `Vec<u8>` of the para header, whose number follows the
/// 32-byte parent hash as a compact integer).
async fn relay_head_number(
	relay: &NetworkNode,
	client: &OnlineClient<PolkadotConfig>,
) -> Result<u64> {
	let address = zombienet_sdk::subxt::dynamic::storage(
		"Paras",
		"Heads",
		vec![DynValue::u128(u128::from(PARA_ID))],
	);
	let key = format!("0x{}", hex(&client.storage().address_bytes(&address)?));
	let finalized = rpc(relay, "chain_getFinalizedHead", json!([])).await?;
	let finalized = finalized.as_str().ok_or_else(|| anyhow!("no finalized head"))?;
	let value = storage(relay, &key, finalized)
		.await?
		.ok_or_else(|| anyhow!("the relay chain holds no head of para {PARA_ID}"))?;
	let bytes = unhex(&value)?;
	let (_, len_bytes) = compact(&bytes)?;
	let header = bytes.get(len_bytes..).ok_or_else(|| anyhow!("short head data"))?;
	let number = header.get(32..).ok_or_else(|| anyhow!("short header"))?;
	Ok(compact(number)?.0)
}

/// A SCALE compact integer at the start of `bytes`: its value and length.
fn compact(bytes: &[u8]) -> Result<(u64, usize)> {
	let first = *bytes.first().ok_or_else(|| anyhow!("empty compact"))?;
	let le = |n: usize| -> Result<u64> {
		let b = bytes.get(..n).ok_or_else(|| anyhow!("short compact"))?;
		Ok(b.iter().rev().fold(0u64, |acc, x| (acc << 8) | u64::from(*x)))
	};
	Ok(match first & 0b11 {
		0 => (u64::from(first >> 2), 1),
		1 => (le(2)? >> 2, 2),
		2 => (le(4)? >> 2, 4),
		_ => {
			let n = usize::from(first >> 2) + 4;
			let b = bytes.get(1..1 + n).ok_or_else(|| anyhow!("short compact"))?;
			(b.iter().rev().fold(0u64, |acc, x| (acc << 8) | u64::from(*x)), 1 + n)
		}
	})
}

#[test]
fn compact_decodes_scale() -> Result<()> {
	assert_eq!(compact(&[0x14])?, (5, 1));
	assert_eq!(compact(&[0x15, 0x01])?, (69, 2));
	assert_eq!(compact(&[0x02, 0x00, 0x01, 0x00])?, (16384, 4));
	assert_eq!(compact(&[0x03, 0xff, 0xff, 0xff, 0xff])?, (u64::from(u32::MAX), 5));
	Ok(())
}

#[test]
fn the_cli_network_file_describes_the_same_network() -> Result<()> {
	let path = Path::new(&manifest_dir()).join("../para.toml");
	let config = zombienet_sdk::NetworkConfig::load_from_toml(
		path.to_str().ok_or_else(|| anyhow!("non-UTF-8 path"))?,
	)
	.map_err(|e| anyhow!("{}: {e}", path.display()))?;
	let relay = config.relaychain();
	ensure!(relay.chain().as_str() == "rococo-local", "not rococo-local");
	let names: Vec<&str> = relay.nodes().iter().map(|n| n.name()).collect();
	ensure!(names == ["charlie", "dave"], "relay nodes {names:?}");
	ensure!(relay.nodes().iter().all(|n| n.is_validator()), "a relay node is not a validator");
	let paras = config.parachains();
	ensure!(paras.len() == 1, "{} parachains", paras.len());
	let para = paras[0];
	ensure!(
		para.id() == PARA_ID && para.is_cumulus_based(),
		"para {} is not 2000, cumulus",
		para.id()
	);
	let collators: Vec<&str> = para.collators().iter().map(|n| n.name()).collect();
	ensure!(collators == ["alice", "bob"], "collators {collators:?}");
	Ok(())
}
