//! A fleet of simulated devices on one chain: deterministic keys (dev derivations, so that a run
//! can be repeated and inspected from polkadot.js), owners funded in batches by a dev account,
//! hotspots registered with their radios, and for each hotspot the others that can witness it.

use crate::{
	chain::{Chain, DPN},
	depin::{
		self,
		runtime_types::{
			depin_runtime::RuntimeCall, pallet_balances::pallet::Call as BalancesCall,
		},
	},
	keys::{Key, Scheme},
	ops::rt_kind,
	proofs, radio,
};
use anyhow::{bail, Result};
use depin_primitives::{geo, DeviceKind};
use futures::{stream, StreamExt};
use rand::{Rng, SeedableRng};
use subxt::utils::MultiAddress;

/// Calls per `utility.batch_all` when funding.
const FUND_BATCH: usize = 1000;
/// Transactions in flight at once when submitting many.
pub const IN_FLIGHT: usize = 64;

/// One simulated hotspot.
pub struct Hotspot {
	/// Its owner (one per hotspot: a witness may not share the beaconer's owner).
	pub owner: Key,
	/// The device key.
	pub device: Key,
	/// Its cell.
	pub cell: u64,
	/// Its city (index into `radio::CITIES`).
	pub city: usize,
	/// Hotspots that hear it and may witness it (other owners, far enough apart).
	pub witnesses: Vec<usize>,
}

/// The owner and device keys of hotspot `i` of fleet `tag` (dev derivations).
pub fn hotspot_keys(tag: &str, i: usize) -> (Key, Key) {
	let owner = Key::from_uri(&format!("//{tag}/owner/{i}"), Scheme::Sr25519).expect("valid URI");
	let device =
		Key::from_uri(&format!("//{tag}/hotspot/{i}"), Scheme::Sr25519).expect("valid URI");
	(owner, device)
}

/// Builds `n` hotspots spread over the first `cities` cities, with their witness candidates.
pub fn hotspots(tag: &str, n: usize, cities: usize, seed: u64) -> Vec<Hotspot> {
	let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
	let mut fleet: Vec<Hotspot> = (0..n)
		.map(|i| {
			let (owner, device) = hotspot_keys(tag, i);
			let city = i % cities.clamp(1, radio::CITIES.len());
			let cell = radio::scatter(radio::CITIES[city].1, &mut rng);
			Hotspot { owner, device, cell, city, witnesses: vec![] }
		})
		.collect();
	let parents: Vec<Option<u64>> = fleet.iter().map(|h| geo::parent(h.cell, 11).ok()).collect();
	for i in 0..n {
		let mut w = vec![];
		for j in 0..n {
			if i == j || fleet[i].city != fleet[j].city {
				continue;
			}
			let far = match (parents[i], parents[j]) {
				(Some(a), Some(b)) => geo::grid_distance(a, b).is_ok_and(|d| d >= 8),
				_ => false,
			};
			if far {
				w.push(j);
			}
			if w.len() >= 32 {
				break;
			}
		}
		fleet[i].witnesses = w;
	}
	fleet
}

/// Funds `accounts` with `amount` each from `funder`, in `utility.batch_all` transactions.
pub async fn fund(
	chain: &Chain,
	funder: &Key,
	accounts: &[subxt::utils::AccountId32],
	amount: u128,
) -> Result<()> {
	let mut nonce = chain.next_nonce(&funder.account()).await?;
	let mut pending = vec![];
	for chunk in accounts.chunks(FUND_BATCH) {
		let calls = chunk
			.iter()
			.map(|a| {
				RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
					dest: MultiAddress::Id(*a),
					value: amount,
				})
			})
			.collect();
		let call = depin::tx().utility().batch_all(calls);
		pending.push(chain.submit_with_nonce_owned(call, funder.clone(), nonce));
		nonce += 1;
	}
	for r in futures::future::join_all(pending).await {
		r?;
	}
	Ok(())
}

/// Registers every hotspot (owner-signed, device-proved) and sets its radio; waits for both.
pub async fn register_hotspots(chain: &Chain, fleet: &[Hotspot], gain_ddbi: u16) -> Result<()> {
	let genesis = chain.genesis();
	let at = chain.at_best().await?;
	let mut txs = Vec::with_capacity(fleet.len() * 2);
	for h in fleet {
		let proof = proofs::possession_proof(&genesis, &h.owner.public(), &h.device, 0);
		let reg = depin::tx().device_registry().register_device(
			h.device.account(),
			rt_kind(DeviceKind::Hotspot),
			h.cell,
			proof,
			None,
		);
		txs.push(chain.sign_at(&at, &reg, &h.owner, 0)?);
		let radio = depin::tx().proof_of_coverage().set_radio(h.device.account(), gain_ddbi);
		txs.push(chain.sign_at(&at, &radio, &h.owner, 1)?);
	}
	let refused = submit_all(chain, txs).await;
	if refused.iter().any(|r| r.is_some()) {
		let first = refused.into_iter().flatten().next().unwrap_or_default();
		bail!("registration refused by the pool: {first}");
	}
	// Wait until every hotspot has its radio (other programs' transactions may share the pool).
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(240);
	let mut next = 0;
	while next < fleet.len() {
		let at = chain.at_best().await?;
		while next < fleet.len() {
			let cov = at
				.runtime_apis()
				.call(depin::runtime_apis().depin_api().coverage(fleet[next].device.account()))
				.await?;
			if !cov.is_some_and(|c| c.radio_valid) {
				break;
			}
			next += 1;
		}
		if next < fleet.len() {
			if std::time::Instant::now() > deadline {
				bail!(
					"hotspot {} has no radio 4 minutes after its registration",
					fleet[next].device.address()
				);
			}
			tokio::time::sleep(std::time::Duration::from_secs(2)).await;
		}
	}
	Ok(())
}

/// Submits signed transactions (raw bytes), `IN_FLIGHT` at a time; returns each one's refusal.
pub async fn submit_all(chain: &Chain, txs: Vec<Vec<u8>>) -> Vec<Option<String>> {
	stream::iter(txs)
		.map(|tx| async move {
			chain.rpc.author_submit_extrinsic(&tx).await.err().map(|e| format!("{e:?}"))
		})
		.buffered(IN_FLIGHT)
		.collect()
		.await
}

/// Transactions in the node's pool.
pub async fn pool_size(chain: &Chain) -> Result<usize> {
	let pending: Vec<subxt::rpcs::methods::legacy::Bytes> =
		chain.raw.request("author_pendingExtrinsics", subxt::rpcs::rpc_params![]).await?;
	Ok(pending.len())
}

/// A random realistic link loss for a witness report.
pub fn loss(rng: &mut impl Rng) -> i32 {
	radio::link_loss(rng)
}

/// 1 DPN, for callers that fund in whole DPN.
pub const ONE_DPN: u128 = DPN;
