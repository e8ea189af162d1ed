//! Storage: a client commits to a file and proposes a deal; a storage node's owner publishes an
//! ask and accepts; the storage node serves the file: it answers every period's challenge with a
//! Merkle proof (streamed from the file, never loaded whole) and its owner settles.

use crate::{
	chain::{fmt_dpn, Chain},
	depin::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_storage_deals::types::{Ask, DealPhase},
		},
	},
	keys::{address_of, Key},
};
use anyhow::{bail, Context, Result};
use depin_primitives::merkle;
use std::{collections::HashSet, io::Read, path::Path};
use subxt::utils::{AccountId32, H256};

/// Bytes read from a file at a time.
const CHUNK: usize = 1 << 20;

/// Streams `f` through `sink` in chunks.
fn stream(path: &Path, mut sink: impl FnMut(&[u8])) -> Result<()> {
	let mut f =
		std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
	let mut buf = vec![0u8; CHUNK];
	loop {
		let n = f.read(&mut buf)?;
		if n == 0 {
			return Ok(());
		}
		sink(&buf[..n]);
	}
}

/// The file's Merkle root and size (DESIGN.md's commitment), streamed.
pub fn commit(path: &Path) -> Result<([u8; 32], u64)> {
	let mut h = merkle::Hasher::new();
	stream(path, |b| h.update(b))?;
	h.finish().context("an empty file cannot be committed to")
}

/// Leaf `index` of the file and its Merkle path, streamed.
pub fn prove(
	path: &Path,
	size: u64,
	index: u64,
) -> Result<([u8; merkle::LEAF_SIZE], Vec<[u8; 32]>)> {
	let mut p =
		merkle::Prover::new(size, index).context("the challenged leaf is outside the file")?;
	stream(path, |b| p.update(b))?;
	p.finish().context("the file is shorter than the deal's size")
}

/// Publishes a storage node's ask (by its owner).
pub async fn set_ask(
	chain: &Chain,
	owner: &Key,
	device: AccountId32,
	ask: (u128, u32, u32, u64),
) -> Result<()> {
	let (price, min_duration, max_duration, capacity) = ask;
	let call = depin::tx()
		.storage_deals()
		.set_ask(device, Ask { price, min_duration, max_duration, capacity });
	chain.submit(&call, owner).await?;
	println!("ask of {}: {price} planck per byte and period, {min_duration}..{max_duration} periods, {capacity} bytes", address_of(&device.0));
	Ok(())
}

/// Proposes a deal for `file` to `provider`; prints and returns the deal id.
pub async fn propose(
	chain: &Chain,
	client: &Key,
	provider: AccountId32,
	file: &Path,
	periods: u32,
	price: u128,
	collateral: u128,
) -> Result<u64> {
	let (root, size) = commit(file)?;
	let call = depin::tx().storage_deals().propose_deal(
		provider,
		H256(root),
		size,
		periods,
		price,
		collateral,
	);
	let done = chain.submit(&call, client).await?;
	let ev = done
		.events
		.find_first::<depin::storage_deals::events::DealProposed>()
		.context("no DealProposed event")??;
	println!(
		"deal {} proposed: root 0x{}, {size} bytes, {periods} periods, {} per period held, deposit {}",
		ev.deal,
		hex::encode(root),
		fmt_dpn(ev.total),
		fmt_dpn(ev.deposit)
	);
	Ok(ev.deal)
}

/// Accepts deal `deal` (by the storage node's owner).
pub async fn accept(chain: &Chain, owner: &Key, deal: u64) -> Result<()> {
	let done = chain.submit(&depin::tx().storage_deals().accept_deal(deal), owner).await?;
	let ev = done
		.events
		.find_first::<depin::storage_deals::events::DealAccepted>()
		.context("no DealAccepted")??;
	println!("deal {deal} accepted: periods {}..{}", ev.start, ev.end);
	Ok(())
}

/// Serves `file` for deal `deal`: proves every challenged period with the device's key; once
/// the deal has ended, settles it with `owner` (if given) and returns.
pub async fn serve(
	chain: &Chain,
	device: &Key,
	file: &Path,
	deal: u64,
	owner: Option<&Key>,
) -> Result<()> {
	let (root, size) = commit(file)?;
	let mut proved: HashSet<u64> = HashSet::new();
	let mut last = 0;
	loop {
		let best = chain.next_best(last).await?;
		last = best;
		let at = chain.at_best().await?;
		let Some(status) =
			at.runtime_apis().call(depin::runtime_apis().depin_api().deal(deal)).await?
		else {
			println!("deal {deal} is gone (settled or never existed)");
			return Ok(());
		};
		if status.deal.root.0 != root || status.deal.size != size {
			bail!("{} is not deal {deal}'s file (root or size differ)", file.display());
		}
		if status.deal.provider.0 != device.public() {
			bail!(
				"deal {deal} is stored by {}, not this device",
				address_of(&status.deal.provider.0)
			);
		}
		if let Some((period, index)) = status.challenge {
			if proved.insert(period) {
				let (leaf, path) = prove(file, size, index)?;
				let call = depin::tx().storage_deals().submit_proof(
					deal,
					period,
					leaf,
					BoundedVec(path.into_iter().map(H256).collect()),
				);
				match chain.submit(&call, device).await {
					Ok(_) => println!("period {period}: leaf {index} proved"),
					Err(e) => {
						proved.remove(&period);
						println!("period {period}: proof refused: {e:#}");
					}
				}
			}
		}
		if matches!(status.phase, DealPhase::Ended) {
			let Some(owner) = owner else {
				println!("deal {deal} ended: its owner settles it (depin-agent storage settle)");
				return Ok(());
			};
			settle(chain, owner, deal).await?;
			return Ok(());
		}
	}
}

/// Settles deal `deal` (by the provider's owner or the client).
pub async fn settle(chain: &Chain, who: &Key, deal: u64) -> Result<()> {
	let done = chain.submit(&depin::tx().storage_deals().settle_deal(deal), who).await?;
	let paid: u128 = done
		.events
		.find::<depin::storage_deals::events::DealSettled>()
		.flatten()
		.map(|e| e.paid)
		.sum();
	println!("deal {deal} settled: {} paid", fmt_dpn(paid));
	Ok(())
}
