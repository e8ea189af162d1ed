//! The connection to a node: the client, the chain's identity, submission with clear errors.

use crate::{depin, keys::Key};
use anyhow::{anyhow, bail, Context, Result};
use subxt::{
	config::{RpcConfigFor, SubstrateConfig, SubstrateExtrinsicParamsBuilder},
	error::{DispatchError, TransactionEventsError},
	extrinsics::ExtrinsicEvents,
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	tx::{Payload, TransactionStatus},
	utils::{AccountId32, H256},
	OnlineClient,
};

/// The chain's configuration as subxt sees it (standard Substrate types and extensions).
pub type Config = SubstrateConfig;
/// The online client.
pub type Client = OnlineClient<Config>;
/// Legacy RPC methods (pool-aware nonces, blocks, raw submission).
pub type Rpc = LegacyRpcMethods<RpcConfigFor<Config>>;

/// A client at one block.
pub type AtBlock = subxt::client::OnlineClientAtBlock<Config>;

/// 1 DPN in planck.
pub const DPN: u128 = 1_000_000_000_000;

/// How long a transaction signed by the agent stays valid, in blocks.
pub const MORTALITY: u64 = 64;

/// How long pre-signed transactions stay valid, in blocks (a benchmark signs ahead).
pub const BENCH_MORTALITY: u64 = 1024;

/// A connected node.
#[derive(Clone)]
pub struct Chain {
	/// The subxt client.
	pub client: Client,
	/// Raw RPC methods.
	pub rpc: Rpc,
	/// The raw RPC client, for methods subxt does not wrap.
	pub raw: RpcClient,
	/// The URL connected to.
	pub url: String,
}

/// A transaction included in a block, and what it did.
pub struct Included {
	/// The block it is in.
	pub block: H256,
	/// Its events.
	pub events: ExtrinsicEvents<Config>,
}

impl Chain {
	/// Connects to the node at `url`; with `genesis`, refuses a node of another chain.
	pub async fn connect(url: &str, genesis: Option<[u8; 32]>) -> Result<Chain> {
		let raw = RpcClient::from_insecure_url(url).await.map_err(|e| {
			anyhow!(
				"cannot reach a node at {url}: {e}\n(is depin-node running? `scripts/dev.sh` \
				 starts a dev chain; --url or DEPIN_URL picks another node)"
			)
		})?;
		let client = Client::from_rpc_client(raw.clone())
			.await
			.with_context(|| format!("the node at {url} did not answer as a depin chain"))?;
		let chain = Chain { client, rpc: Rpc::new(raw.clone()), raw, url: url.to_string() };
		if let Some(expected) = genesis {
			let actual = chain.genesis();
			if actual != expected {
				bail!(
					"wrong chain: the node at {url} runs genesis 0x{}, not the expected 0x{}",
					hex::encode(actual),
					hex::encode(expected)
				);
			}
		}
		// The agent's calls are generated from this repository's runtime; a node running another
		// runtime is named here rather than failing on the first call.
		let at = chain.client.at_current_block().await?;
		if !depin::is_codegen_valid_for(&at.metadata()) {
			eprintln!(
				"warning: the node at {url} runs spec version {}, whose metadata differs from the \
				 agent's; calls that changed will be refused",
				at.spec_version()
			);
		}
		Ok(chain)
	}

	/// The chain's genesis hash.
	pub fn genesis(&self) -> [u8; 32] {
		self.client.genesis_hash().0
	}

	/// A client at the best block (state the next block builds on), for reads that must not lag
	/// finality.
	pub async fn at_best(&self) -> Result<AtBlock> {
		let hash = self.rpc.chain_get_block_hash(None).await?.context("no best block")?;
		Ok(self.client.at_block(hash).await?)
	}

	/// The best block's number.
	pub async fn best_number(&self) -> Result<u64> {
		let header = self.rpc.chain_get_header(None).await?.context("no best block")?;
		Ok(header.number)
	}

	/// Waits until the best block is another than `last` (polling twice a second); returns it.
	pub async fn next_best(&self, last: u64) -> Result<u64> {
		loop {
			let best = self.best_number().await?;
			if best != last {
				return Ok(best);
			}
			tokio::time::sleep(std::time::Duration::from_millis(500)).await;
		}
	}

	/// The next nonce of `who`, counting its transactions in the pool.
	pub async fn next_nonce(&self, who: &AccountId32) -> Result<u64> {
		Ok(self.rpc.system_account_next_index(who).await?)
	}

	/// Signs `call` with `signer` (nonce from the pool, mortal from the finalized block), submits
	/// it and waits until it is in a block; a failed dispatch is an error naming the module error.
	/// Another program signing with the same key at the same moment can take the nonce first:
	/// the pool then refuses ours as a replacement of too low a priority, and it is signed again
	/// with the next nonce (three tries).
	pub async fn submit<C: Payload>(&self, call: &C, signer: &Key) -> Result<Included> {
		let mut tries = 0;
		loop {
			let nonce = self.next_nonce(&signer.account()).await?;
			match self.submit_with_nonce(call, signer, nonce).await {
				Err(e) if tries < 2 && is_nonce_race(&e) => {
					tries += 1;
					tokio::time::sleep(std::time::Duration::from_millis(500)).await;
				}
				other => return other,
			}
		}
	}

	/// [`Self::submit`] with a given nonce (for several transactions of one signer at once).
	pub async fn submit_with_nonce<C: Payload>(
		&self,
		call: &C,
		signer: &Key,
		nonce: u64,
	) -> Result<Included> {
		let bytes = self.sign(call, signer, nonce).await?;
		let what = format!("{}.{}", call.pallet_name(), call.call_name());
		let at = self.client.at_current_block().await?;
		let tx = at.tx().from_bytes(bytes);
		let mut progress = tx.submit_and_watch().await.map_err(|e| refused(&what, e))?;
		while let Some(status) = progress.next().await {
			match status? {
				TransactionStatus::InBestBlock(inb) | TransactionStatus::InFinalizedBlock(inb) => {
					let block = inb.block_hash();
					let events = inb.wait_for_success().await.map_err(|e| failed(&what, e))?;
					return Ok(Included { block, events });
				}
				TransactionStatus::Invalid { message } if message.contains("pay") => bail!(
					"{what} refused by the transaction pool: {message}. A device report is free \
					 only when it passes the pallet's checks (a device holds no DPN to pay for one \
					 that does not); an account needs DPN for everything else"
				),
				TransactionStatus::Invalid { message } => {
					bail!("{what} refused by the transaction pool: {message}")
				}
				TransactionStatus::Dropped { message } => {
					bail!("{what} dropped by the transaction pool: {message}")
				}
				TransactionStatus::Error { message } => bail!("{what}: node error: {message}"),
				_ => {}
			}
		}
		bail!("{what}: the node stopped reporting the transaction's progress")
	}

	/// [`Self::submit_with_nonce`] taking its arguments by value (for futures kept in a list).
	pub async fn submit_with_nonce_owned<C: Payload>(
		&self,
		call: C,
		signer: Key,
		nonce: u64,
	) -> Result<Included> {
		self.submit_with_nonce(&call, &signer, nonce).await
	}

	/// The bytes of `call` signed by `signer` with `nonce`, mortal from block `at` (offline: no
	/// RPC, for signing many transactions fast).
	pub fn sign_at<C: Payload>(
		&self,
		at: &AtBlock,
		call: &C,
		signer: &Key,
		nonce: u64,
	) -> Result<Vec<u8>> {
		sign_mortal(at, call, signer, nonce, BENCH_MORTALITY)
	}

	/// The bytes of `call` signed by `signer` with `nonce`, mortal from the finalized block.
	pub async fn sign<C: Payload>(&self, call: &C, signer: &Key, nonce: u64) -> Result<Vec<u8>> {
		let at = self.client.at_current_block().await?;
		sign_mortal(&at, call, signer, nonce, MORTALITY)
	}
}

/// The bytes of `call` signed by `signer` with `nonce`, mortal for `period` blocks from `at`.
fn sign_mortal<C: Payload>(
	at: &AtBlock,
	call: &C,
	signer: &Key,
	nonce: u64,
	period: u64,
) -> Result<Vec<u8>> {
	let params = SubstrateExtrinsicParamsBuilder::<Config>::new()
		.nonce(nonce)
		.mortal_from_unchecked(period, at.block_number(), at.block_hash())
		.build();
	let mut signable = at.tx().create_signable_offline(call, params)?;
	Ok(signable.sign(signer)?.into_encoded())
}

/// Whether the pool refused a transaction because another one took its nonce.
fn is_nonce_race(e: &anyhow::Error) -> bool {
	let t = format!("{e:#}");
	t.contains("priority of the transaction is too low") || t.contains("Transaction is outdated")
}

/// An error for a transaction the node refused at submission.
fn refused(what: &str, e: subxt::error::ExtrinsicError) -> anyhow::Error {
	let text = e.to_string();
	if text.contains("Inability to pay some fees") || text.contains("Payment") {
		anyhow!(
			"{what} refused by the transaction pool: the signer cannot pay its fee ({text}). A \
			 device report is free only when it passes the pallet's checks; an account needs \
			 DPN for everything else"
		)
	} else {
		anyhow!("{what} refused by the node: {text}")
	}
}

/// An error for a transaction that was included but failed: the module error by name and doc.
fn failed(what: &str, e: TransactionEventsError) -> anyhow::Error {
	if let TransactionEventsError::ExtrinsicFailed(DispatchError::Module(m)) = &e {
		if let Ok(d) = m.details() {
			let doc = d.variant.docs.join(" ");
			return anyhow!(
				"{what} failed: {}.{}: {}",
				d.pallet.name(),
				d.variant.name,
				doc.trim()
			);
		}
	}
	anyhow!("{what} failed: {e}")
}

/// Formats planck as DPN with up to 12 decimals.
pub fn fmt_dpn(planck: u128) -> String {
	let whole = planck / DPN;
	let frac = planck % DPN;
	if frac == 0 {
		format!("{whole} DPN")
	} else {
		let f = format!("{frac:012}");
		format!("{whole}.{} DPN", f.trim_end_matches('0'))
	}
}

/// Parses a DPN amount ("1.5") into planck; refuses more than 12 decimals.
pub fn parse_dpn(s: &str) -> Result<u128> {
	let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
	if frac.len() > 12 {
		bail!("{s}: at most 12 decimals (1 planck = 10^-12 DPN)");
	}
	let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().context("not an amount")? };
	let frac: u128 = if frac.is_empty() {
		0
	} else {
		format!("{frac:0<12}").parse().context("not an amount")?
	};
	whole.checked_mul(DPN).and_then(|w| w.checked_add(frac)).context("amount too large")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dpn_amounts() {
		assert_eq!(parse_dpn("1.5").unwrap(), 1_500_000_000_000);
		assert_eq!(parse_dpn("0.000000000001").unwrap(), 1);
		assert!(parse_dpn("0.0000000000001").is_err());
		assert!(parse_dpn("x").is_err());
		assert_eq!(fmt_dpn(1_500_000_000_000), "1.5 DPN");
		assert_eq!(fmt_dpn(2 * DPN), "2 DPN");
	}
}
