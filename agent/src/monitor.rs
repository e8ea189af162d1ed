//! Watches the chain's best blocks and says what each contained: the agent's tagged
//! transactions by kind (included and succeeded or failed, with the module error), the normal
//! class's block weight, the finality lag, and the transaction pool's size.

use crate::{
	chain::{Chain, Config},
	depin,
};
use anyhow::Result;
use serde::Serialize;
use sp_crypto_hashing::blake2_256;
use std::{
	collections::{BTreeMap, HashMap},
	sync::{Arc, Mutex},
	time::Instant,
};
use subxt::{
	error::DispatchError,
	events::{DecodeAsEvent, Events, Phase},
};
use tokio::sync::mpsc;

/// What a tagged transaction is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
	/// A balance transfer (the baseline).
	Transfer,
	/// A coverage beacon.
	Beacon,
	/// A witness report.
	Witness,
	/// A beacon's reveal.
	Reveal,
	/// A storage node's proof for a period.
	StorageProof,
	/// A deal's settlement.
	Settlement,
	/// A meter reading.
	Reading,
	/// A meter reading's settlement.
	EnergySettle,
}

/// A tagged transaction seen in a block.
#[derive(Clone, Debug)]
pub struct Seen {
	/// Its kind.
	pub kind: Kind,
	/// The caller's index (e.g. the hotspot).
	pub index: usize,
	/// `None` if it succeeded, else the module error (`Pallet.Error`).
	pub error: Option<String>,
	/// Its index in the block.
	pub xt: u32,
	/// The block's events.
	pub events: Arc<Events<Config>>,
}

impl Seen {
	/// This transaction's events of type `E`.
	pub fn find<E: DecodeAsEvent>(&self) -> Vec<E> {
		self.events
			.iter()
			.flatten()
			.filter(|e| e.phase() == Phase::ApplyExtrinsic(self.xt))
			.filter_map(|e| e.decode_fields_as::<E>())
			.flatten()
			.collect()
	}
}

/// One best block.
#[derive(Clone, Debug, Serialize)]
pub struct BlockStat {
	/// Its number.
	pub number: u64,
	/// Seconds since the monitor started, when it was seen.
	pub seen_s: f64,
	/// Extrinsics in it, inherents included.
	pub extrinsics: usize,
	/// Tagged transactions by kind: `(succeeded, failed)`.
	pub kinds: BTreeMap<Kind, (u32, u32)>,
	/// Normal-class weight used, as a share of the normal class's limit.
	pub normal_weight: f64,
	/// Best minus finalized when it was seen.
	pub finality_lag: u64,
	/// Transactions in the pool when it was seen (if measured).
	pub pool: Option<usize>,
}

/// Shared: tags of submitted transactions, and the blocks seen.
#[derive(Clone, Default)]
pub struct Tags(Arc<Mutex<TagMap>>);

/// Transaction hash → its kind and caller's index.
type TagMap = HashMap<[u8; 32], (Kind, usize)>;

impl Tags {
	/// Tags a signed transaction (by the hash of its bytes).
	pub fn tag(&self, tx: &[u8], kind: Kind, index: usize) {
		self.0.lock().expect("not poisoned").insert(blake2_256(tx), (kind, index));
	}
}

/// The running monitor.
pub struct Monitor {
	/// Blocks seen so far.
	pub blocks: Arc<Mutex<Vec<BlockStat>>>,
	/// Whether to ask the pool for its size at each block.
	pub measure_pool: Arc<std::sync::atomic::AtomicBool>,
}

/// Starts watching; each block's tagged transactions are also sent on the returned channel.
pub async fn start(
	chain: Chain,
	tags: Tags,
) -> Result<(Monitor, mpsc::UnboundedReceiver<(u64, Vec<Seen>)>)> {
	let blocks: Arc<Mutex<Vec<BlockStat>>> = Arc::default();
	let measure_pool = Arc::new(std::sync::atomic::AtomicBool::new(false));
	let (tx, rx) = mpsc::unbounded_channel();
	let limit = {
		let at = chain.client.at_current_block().await?;
		let w = at.constants().entry(depin::constants().system().block_weights())?;
		w.per_class.normal.max_total.map(|w| w.ref_time).unwrap_or(w.max_block.ref_time)
	};
	let mut heads = chain.rpc.chain_subscribe_new_heads().await?;
	let (b2, m2) = (blocks.clone(), measure_pool.clone());
	tokio::spawn(async move {
		let start = Instant::now();
		let mut last = 0u64;
		while let Some(Ok(header)) = heads.next().await {
			let number = header.number;
			if number <= last {
				continue; // a re-org to a block we saw: keep the first view
			}
			last = number;
			match look(&chain, &tags, number, limit, m2.load(std::sync::atomic::Ordering::Relaxed))
				.await
			{
				Ok((mut stat, seen)) => {
					stat.seen_s = start.elapsed().as_secs_f64();
					b2.lock().expect("not poisoned").push(stat);
					let _ = tx.send((number, seen));
				}
				Err(e) => eprintln!("monitor: block {number}: {e:#}"),
			}
		}
	});
	Ok((Monitor { blocks, measure_pool }, rx))
}

async fn look(
	chain: &Chain,
	tags: &Tags,
	number: u64,
	limit: u64,
	pool: bool,
) -> Result<(BlockStat, Vec<Seen>)> {
	let hash = chain
		.rpc
		.chain_get_block_hash(Some(number.into()))
		.await?
		.ok_or_else(|| anyhow::anyhow!("no hash"))?;
	let block =
		chain.rpc.chain_get_block(Some(hash)).await?.ok_or_else(|| anyhow::anyhow!("no block"))?;
	let at = chain.client.at_block(hash).await?;
	let events = Arc::new(at.events().fetch().await?);
	let mut failed: HashMap<u32, String> = HashMap::new();
	for ev in events.iter().flatten() {
		if let Phase::ApplyExtrinsic(i) = ev.phase() {
			if ev.pallet_name() == "System" && ev.event_name() == "ExtrinsicFailed" {
				let why = match DispatchError::decode_from(ev.field_bytes(), at.metadata()) {
					Ok(DispatchError::Module(m)) => m
						.details()
						.map(|d| format!("{}.{}", d.pallet.name(), d.variant.name))
						.unwrap_or_else(|_| "unknown module error".into()),
					Ok(other) => format!("{other}"),
					Err(_) => "undecodable error".into(),
				};
				failed.insert(i, why);
			}
		}
	}
	let mut kinds: BTreeMap<Kind, (u32, u32)> = BTreeMap::new();
	let mut seen = vec![];
	{
		let tags = tags.0.lock().expect("not poisoned");
		for (i, xt) in block.block.extrinsics.iter().enumerate() {
			if let Some((kind, index)) = tags.get(&blake2_256(&xt.0)) {
				let error = failed.get(&(i as u32)).cloned();
				let e = kinds.entry(*kind).or_default();
				if error.is_some() {
					e.1 += 1
				} else {
					e.0 += 1
				}
				seen.push(Seen {
					kind: *kind,
					index: *index,
					error,
					xt: i as u32,
					events: events.clone(),
				});
			}
		}
	}
	let weight =
		at.storage().fetch(depin::storage().system().block_weight(), ()).await?.decode()?;
	let finalized = chain.rpc.chain_get_finalized_head().await?;
	let fin_number =
		chain.rpc.chain_get_header(Some(finalized)).await?.map(|h| h.number).unwrap_or(0);
	let pool = if pool { Some(crate::fleet::pool_size(chain).await?) } else { None };
	Ok((
		BlockStat {
			number,
			seen_s: 0.0,
			extrinsics: block.block.extrinsics.len(),
			kinds,
			normal_weight: weight.normal.ref_time as f64 / limit.max(1) as f64,
			finality_lag: number.saturating_sub(fin_number),
			pool,
		},
		seen,
	))
}
