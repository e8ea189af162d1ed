//! `bench`: how many reports the chain carries, on this machine, node and load generator
//! together.
//!
//! 1. Setup: a node on a bench chain (the dev preset with longer coverage windows, so that a
//!    burst of witness reports fits its window), funded owners and senders, registered hotspots.
//! 2. Peaks: N pre-signed transfers, then N beacons, N witness reports and N reveals, each batch
//!    submitted as fast as the node accepts it; the rate is read from block contents (included
//!    and succeeded per 6-second block).
//! 3. Sustained: coverage at a target rate of reports (beacons + witnesses; reveals on top) for
//!    a duration, driven block by block; block weight, finality lag and pool size recorded.
//!
//! Results go to a JSON file and a Markdown report (docs/PERFORMANCE.md).

use crate::{
	chain::{Chain, DPN},
	depin,
	fleet::{self, Hotspot},
	keys::Key,
	monitor::{self, BlockStat, Kind, Monitor, Seen, Tags},
	proofs, radio,
};
use anyhow::{bail, Context, Result};
use rand::{seq::SliceRandom, Rng, SeedableRng};
use serde::Serialize;
use std::{
	collections::{BTreeMap, HashMap},
	path::PathBuf,
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};
use subxt::utils::{MultiAddress, H256};
use tokio::sync::mpsc::UnboundedReceiver;

/// Seconds per block (Aura slot).
const BLOCK_S: f64 = 6.0;
/// The bench chain's coverage windows and epoch, blocks.
const WITNESS_WINDOW: u32 = 10;
const REVEAL_WINDOW: u32 = 20;
const EPOCH_LENGTH: u32 = 20;

/// Settings.
pub struct Options {
	/// Start this `depin-node` on a bench chain (else use `url` as it is).
	pub node: Option<PathBuf>,
	/// The node to use when no binary is given.
	pub url: String,
	/// Hotspots in the fleet.
	pub hotspots: usize,
	/// Transfers (and witness reports) in the peak batches.
	pub peak: usize,
	/// Target coverage reports per second in the sustained run.
	pub rate: f64,
	/// Witnesses per beacon in the sustained run (Helium: about 5).
	pub witnesses: usize,
	/// Seconds of the sustained run.
	pub duration: u64,
	/// Results (JSON).
	pub json: PathBuf,
	/// Report (Markdown).
	pub doc: PathBuf,
}

/// A peak measurement of one kind.
#[derive(Serialize, Clone, Debug)]
pub struct Peak {
	kind: Kind,
	submitted: usize,
	refused_by_pool: usize,
	included_ok: u32,
	included_failed: u32,
	blocks: usize,
	/// The most in one block, per second.
	peak_per_s: f64,
	/// All included over the blocks that held them, per second.
	mean_per_s: f64,
	max_normal_weight: f64,
	submit_s: f64,
}

/// The sustained run.
#[derive(Serialize, Clone, Debug)]
pub struct Sustained {
	target_reports_per_s: f64,
	witnesses_per_beacon: usize,
	duration_s: f64,
	blocks: usize,
	beacons_ok: u64,
	witnesses_ok: u64,
	reveals_ok: u64,
	failed: BTreeMap<String, u64>,
	refused_by_pool: u64,
	reports_per_s: f64,
	min_minute_reports_per_s: f64,
	max_normal_weight: f64,
	mean_normal_weight: f64,
	max_finality_lag: u64,
	pool_first_minute: f64,
	pool_last_minute: f64,
	pool_max: usize,
	pool_after_submit_mean: f64,
	pool_after_submit_max: usize,
}

/// Everything measured.
#[derive(Serialize)]
pub struct Results {
	machine: BTreeMap<String, String>,
	hotspots: usize,
	setup_s: f64,
	peaks: Vec<Peak>,
	coverage_mix_peak_per_s: f64,
	transfer_peak_per_s: f64,
	coverage_to_transfer: f64,
	with_reveals_peak_per_s: f64,
	with_reveals_to_transfer: f64,
	sustained: Option<Sustained>,
	blocks: Vec<BlockStat>,
}

struct Node(Child);
impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

/// Writes the bench chain spec (the dev preset, longer coverage windows) and starts the node.
fn start_node(bin: &PathBuf, dir: &std::path::Path) -> Result<(Node, String)> {
	let spec = dir.join("bench-spec.json");
	let out = Command::new(bin)
		.args(["export-chain-spec", "--chain", "dev", "--output"])
		.arg(&spec)
		.output()
		.with_context(|| format!("cannot run {}", bin.display()))?;
	if !out.status.success() {
		bail!("export-chain-spec failed: {}", String::from_utf8_lossy(&out.stderr));
	}
	let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&spec)?)?;
	let patch = &mut json["genesis"]["runtimeGenesis"]["patch"];
	patch["proofOfCoverage"]["witnessWindow"] = WITNESS_WINDOW.into();
	patch["proofOfCoverage"]["revealWindow"] = REVEAL_WINDOW.into();
	patch["rewards"]["epochLength"] = EPOCH_LENGTH.into();
	json["id"] = "depin_bench".into();
	json["name"] = "DePIN bench".into();
	std::fs::write(&spec, serde_json::to_vec_pretty(&json)?)?;
	let port = 19944;
	let log = std::fs::File::create(dir.join("node.log"))?;
	let child = Command::new(bin)
		.arg("--chain")
		.arg(&spec)
		.args(["--alice", "--validator", "--force-authoring", "--tmp", "--no-mdns"])
		// A throw-away network key: the bench node has no peers.
		.args(["--node-key", "0000000000000000000000000000000000000000000000000000000000000001"])
		.args(["--rpc-port", &port.to_string(), "--port", "30733", "--prometheus-port", "19615"])
		.args(["--rpc-max-connections", "1000", "--pool-limit", "100000", "--pool-kbytes", "1000000"])
		.args(["--rpc-max-request-size", "64", "--rpc-max-response-size", "64"])
		.stdout(Stdio::null())
		.stderr(log)
		.spawn()
		.with_context(|| format!("cannot start {}", bin.display()))?;
	Ok((Node(child), format!("ws://127.0.0.1:{port}")))
}

async fn connect_retry(url: &str) -> Result<Chain> {
	let mut last = None;
	for _ in 0..60 {
		match Chain::connect(url, None).await {
			Ok(c) => return Ok(c),
			Err(e) => last = Some(e),
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	Err(last.unwrap_or_else(|| anyhow::anyhow!("no node")))
}

fn machine() -> BTreeMap<String, String> {
	let mut m = BTreeMap::new();
	let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
	let model = cpu.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split(':').nth(1));
	m.insert("cpu".into(), model.unwrap_or("unknown").trim().to_string());
	m.insert(
		"cores".into(),
		std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0).to_string(),
	);
	let mem = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
	if let Some(l) = mem.lines().next() {
		m.insert("memory".into(), l.trim_start_matches("MemTotal:").trim().to_string());
	}
	m.insert(
		"date".into(),
		String::from_utf8_lossy(
			&Command::new("date").arg("-u").output().map(|o| o.stdout).unwrap_or_default(),
		)
		.trim()
		.to_string(),
	);
	m
}

/// Runs the whole benchmark.
pub async fn run(opts: Options) -> Result<Results> {
	let dir = tempfile_dir()?;
	let (_node, url) = match &opts.node {
		Some(bin) => {
			let (n, u) = start_node(bin, &dir)?;
			(Some(n), u)
		}
		None => (None, opts.url.clone()),
	};
	let chain = connect_retry(&url).await?;
	println!("bench: node at {url}, genesis 0x{}", hex::encode(chain.genesis()));
	let tags = Tags::default();
	let (mon, mut rx) = monitor::start(chain.clone(), tags.clone()).await?;

	// 1. Setup.
	let t0 = Instant::now();
	let fleet = fleet::hotspots("bench", opts.hotspots, 6, 7);
	let senders: Vec<Key> = (0..opts.peak.div_ceil(8))
		.map(|i| {
			Key::from_uri(&format!("//bench/sender/{i}"), crate::keys::Scheme::Sr25519)
				.expect("uri")
		})
		.collect();
	let alice = Key::from_arg("//Alice")?;
	let mut accounts: Vec<_> = fleet.iter().map(|h| h.owner.account()).collect();
	accounts.extend(senders.iter().map(|s| s.account()));
	println!("bench: funding {} accounts", accounts.len());
	fleet::fund(&chain, &alice, &accounts, 100 * DPN).await?;
	println!("bench: registering {} hotspots with radios", fleet.len());
	fleet::register_hotspots(&chain, &fleet, radio::GAIN_DDBI).await?;
	let setup_s = t0.elapsed().as_secs_f64();
	println!("bench: setup done in {setup_s:.0} s");
	drain(&mut rx);

	let mut peaks = vec![];
	let mut driver = Driver::new(&chain, &tags, &fleet);
	// 2a. Transfers.
	let bob = Key::from_arg("//Bob")?.account();
	let at = chain.at_best().await?;
	let mut txs = vec![];
	for i in 0..opts.peak {
		let s = &senders[i % senders.len()];
		let call = depin::tx().balances().transfer_keep_alive(MultiAddress::Id(bob), DPN / 100);
		let tx = chain.sign_at(&at, &call, s, (i / senders.len()) as u64)?;
		tags.tag(&tx, Kind::Transfer, i);
		txs.push(tx);
	}
	peaks.push(peak(&chain, &mon, &mut rx, Kind::Transfer, txs, &mut |_| {}).await?);
	// 2b. Beacons from every hotspot.
	let txs = driver.beacons(&(0..fleet.len()).collect::<Vec<_>>()).await?;
	let mut included = vec![];
	let txs = txs.into_iter().map(|(tx, _)| tx).collect();
	peaks.push(
		peak(&chain, &mon, &mut rx, Kind::Beacon, txs, &mut |s| {
			included.extend(s.iter().filter(|s| s.error.is_none()).map(|s| s.index))
		})
		.await?,
	);
	let beacons_done = chain.best_number().await?;
	let epoch = chain
		.at_best()
		.await?
		.runtime_apis()
		.call(depin::runtime_apis().rewards_api().epoch_info())
		.await?;
	driver.mark_epoch(&included, epoch.current_epoch);
	// 2c. Witness reports: `witnesses` for each open beacon (Helium's mix).
	let per = opts.witnesses;
	let txs = driver.witnesses(&included, per).await?.into_iter().map(|(tx, _)| tx).collect();
	peaks.push(peak(&chain, &mon, &mut rx, Kind::Witness, txs, &mut |_| {}).await?);
	// 2d. Reveals, once the witness windows are over.
	wait_for_block(&chain, beacons_done + u64::from(WITNESS_WINDOW) + 1).await?;
	let txs = driver.reveals(&included).await?.into_iter().map(|(tx, _)| tx).collect();
	peaks.push(peak(&chain, &mon, &mut rx, Kind::Reveal, txs, &mut |_| {}).await?);

	let transfer = peaks[0].peak_per_s;
	let rate = |k: Kind| peaks.iter().find(|p| p.kind == k).map(|p| p.peak_per_s).unwrap_or(0.0);
	// Helium's mix: one beacon and `w` witness reports are 1 + w reports (what Helium counts);
	// on this chain each beacon also costs a reveal, shown with it.
	let w = opts.witnesses as f64;
	let reports_time = 1.0 / rate(Kind::Beacon) + w / rate(Kind::Witness);
	let mix = (1.0 + w) / reports_time;
	let with_reveal = (1.0 + w) / (reports_time + 1.0 / rate(Kind::Reveal));
	println!(
		"bench: peak transfers {transfer:.0}/s; coverage reports {mix:.0}/s ({:.2}x), with each beacon's reveal {with_reveal:.0}/s ({:.2}x)",
		mix / transfer,
		with_reveal / transfer
	);

	// 3. Sustained, from the next epoch (every hotspot beaconed in this one).
	let sustained = if opts.duration > 0 {
		loop {
			let e = chain
				.at_best()
				.await?
				.runtime_apis()
				.call(depin::runtime_apis().rewards_api().epoch_info())
				.await?;
			if e.current_epoch > epoch.current_epoch {
				break;
			}
			tokio::time::sleep(Duration::from_secs(2)).await;
		}
		Some(driver.sustain(&mon, &mut rx, opts.rate, opts.witnesses, opts.duration).await?)
	} else {
		None
	};
	let blocks = mon.blocks.lock().expect("not poisoned").clone();
	Ok(Results {
		machine: machine(),
		hotspots: opts.hotspots,
		setup_s,
		peaks,
		coverage_mix_peak_per_s: mix,
		transfer_peak_per_s: transfer,
		coverage_to_transfer: mix / transfer,
		with_reveals_peak_per_s: with_reveal,
		with_reveals_to_transfer: with_reveal / transfer,
		sustained,
		blocks,
	})
}

fn tempfile_dir() -> Result<PathBuf> {
	let dir = std::env::temp_dir().join(format!("depin-bench-{}", std::process::id()));
	std::fs::create_dir_all(&dir)?;
	Ok(dir)
}

fn drain(rx: &mut UnboundedReceiver<(u64, Vec<Seen>)>) {
	while rx.try_recv().is_ok() {}
}

async fn wait_for_block(chain: &Chain, n: u64) -> Result<()> {
	while chain.best_number().await? < n {
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Ok(())
}

/// Submits a pre-signed batch as fast as the node takes it; waits until it is all in blocks
/// (or three blocks pass without any of it); returns the rates read from those blocks.
async fn peak(
	chain: &Chain,
	mon: &Monitor,
	rx: &mut UnboundedReceiver<(u64, Vec<Seen>)>,
	kind: Kind,
	txs: Vec<Vec<u8>>,
	on_block: &mut dyn FnMut(&[Seen]),
) -> Result<Peak> {
	drain(rx);
	let n = txs.len();
	println!("bench: peak {kind:?}: submitting {n}");
	let t = Instant::now();
	let refusals = fleet::submit_all(chain, txs).await;
	let submit_s = t.elapsed().as_secs_f64();
	let refused = refusals.iter().filter(|r| r.is_some()).count();
	if let Some(Some(first)) = refusals.iter().find(|r| r.is_some()) {
		println!("bench: {refused} refused by the pool, first: {first}");
	}
	let (mut ok, mut failed, mut idle) = (0u32, 0u32, 0);
	let mut numbers = vec![];
	while ((ok + failed) as usize) < n - refused && idle < 3 {
		let Some((number, seen)) = rx.recv().await else { break };
		let mine: Vec<Seen> = seen.into_iter().filter(|s| s.kind == kind).collect();
		if mine.is_empty() {
			idle += usize::from(!numbers.is_empty());
			continue;
		}
		idle = 0;
		numbers.push(number);
		ok += mine.iter().filter(|s| s.error.is_none()).count() as u32;
		failed += mine.iter().filter(|s| s.error.is_some()).count() as u32;
		on_block(&mine);
	}
	let blocks = mon.blocks.lock().expect("not poisoned");
	let mine: Vec<&BlockStat> = blocks.iter().filter(|b| numbers.contains(&b.number)).collect();
	let per_block = |b: &BlockStat| b.kinds.get(&kind).map(|k| k.0).unwrap_or(0);
	let peak_n = mine.iter().map(|b| per_block(b)).max().unwrap_or(0);
	let p = Peak {
		kind,
		submitted: n,
		refused_by_pool: refused,
		included_ok: ok,
		included_failed: failed,
		blocks: mine.len(),
		peak_per_s: f64::from(peak_n) / BLOCK_S,
		mean_per_s: f64::from(ok) / (mine.len().max(1) as f64 * BLOCK_S),
		max_normal_weight: mine.iter().map(|b| b.normal_weight).fold(0.0, f64::max),
		submit_s,
	};
	println!(
		"bench: peak {kind:?}: {ok} ok, {failed} failed, {refused} refused, {} blocks, best block {peak_n} ({:.0}/s), weight {:.0}%",
		p.blocks,
		p.peak_per_s,
		p.max_normal_weight * 100.0
	);
	Ok(p)
}

/// Builds and tracks the fleet's coverage transactions: nonces, payloads, open beacons.
struct Driver<'a> {
	chain: &'a Chain,
	tags: &'a Tags,
	fleet: &'a [Hotspot],
	nonces: Vec<u64>,
	payloads: HashMap<usize, [u8; 32]>,
	last_beacon_epoch: Vec<Option<u32>>,
	rng: rand::rngs::StdRng,
}

impl<'a> Driver<'a> {
	fn new(chain: &'a Chain, tags: &'a Tags, fleet: &'a [Hotspot]) -> Self {
		Driver {
			chain,
			tags,
			fleet,
			nonces: vec![0; fleet.len()],
			payloads: HashMap::new(),
			last_beacon_epoch: vec![None; fleet.len()],
			rng: rand::rngs::StdRng::seed_from_u64(11),
		}
	}

	fn sign_device<C: subxt::tx::Payload>(
		&mut self,
		at: &crate::chain::AtBlock,
		call: &C,
		i: usize,
		kind: Kind,
		tag: usize,
	) -> Result<(Vec<u8>, usize)> {
		let tx = self.chain.sign_at(at, call, &self.fleet[i].device, self.nonces[i])?;
		self.nonces[i] += 1;
		self.tags.tag(&tx, kind, tag);
		Ok((tx, i))
	}

	/// Marks hotspots as having beaconed in `epoch`.
	fn mark_epoch(&mut self, which: &[usize], epoch: u32) {
		for &i in which {
			self.last_beacon_epoch[i] = Some(epoch);
		}
	}

	async fn beacons(&mut self, which: &[usize]) -> Result<Vec<(Vec<u8>, usize)>> {
		let at = self.chain.at_best().await?;
		let mut txs = vec![];
		for &i in which {
			let payload: [u8; 32] = self.rng.gen();
			self.payloads.insert(i, payload);
			let call = depin::tx().proof_of_coverage().submit_beacon(
				H256(proofs::beacon_commitment(&payload)),
				radio::FREQUENCY_HZ,
				radio::TX_POWER_DBM,
			);
			txs.push(self.sign_device(&at, &call, i, Kind::Beacon, i)?);
		}
		Ok(txs)
	}

	/// Up to `per` witness reports for each beacon of `beaconers` (the hotspots that hear it).
	async fn witnesses(
		&mut self,
		beaconers: &[usize],
		per: usize,
	) -> Result<Vec<(Vec<u8>, usize)>> {
		let at = self.chain.at_best().await?;
		let mut txs = vec![];
		let eirp = radio::eirp_ddbm(radio::TX_POWER_DBM, radio::GAIN_DDBI);
		for &b in beaconers {
			let Some(payload) = self.payloads.get(&b).copied() else { continue };
			let mut cands = self.fleet[b].witnesses.clone();
			cands.shuffle(&mut self.rng);
			let mut n = 0;
			for w in cands {
				if n >= per {
					break;
				}
				let loss = radio::link_loss(&mut self.rng);
				let Some((signal, snr)) = radio::hear(
					self.fleet[b].cell,
					self.fleet[w].cell,
					eirp,
					radio::GAIN_DDBI,
					radio::FREQUENCY_HZ,
					loss,
				) else {
					continue;
				};
				let call = depin::tx().proof_of_coverage().submit_witness(
					self.fleet[b].device.account(),
					H256(proofs::witness_heard(&payload, &self.fleet[w].device.public())),
					signal,
					snr,
					radio::FREQUENCY_HZ,
				);
				txs.push(self.sign_device(&at, &call, w, Kind::Witness, b)?);
				n += 1;
			}
		}
		Ok(txs)
	}

	async fn reveals(&mut self, beaconers: &[usize]) -> Result<Vec<(Vec<u8>, usize)>> {
		let at = self.chain.at_best().await?;
		let mut txs = vec![];
		for &b in beaconers {
			let Some(payload) = self.payloads.remove(&b) else { continue };
			let call = depin::tx()
				.proof_of_coverage()
				.reveal_beacon(self.fleet[b].device.account(), payload);
			txs.push(self.sign_device(&at, &call, b, Kind::Reveal, b)?);
		}
		Ok(txs)
	}

	/// Resets local nonces of devices whose transactions the pool refused.
	async fn resync(&mut self, devices: &[usize]) -> Result<()> {
		for &i in devices {
			self.nonces[i] = self.chain.next_nonce(&self.fleet[i].device.account()).await?;
		}
		Ok(())
	}

	/// Coverage at `rate` reports per second for `duration` seconds, block by block.
	async fn sustain(
		&mut self,
		mon: &Monitor,
		rx: &mut UnboundedReceiver<(u64, Vec<Seen>)>,
		rate: f64,
		w: usize,
		duration: u64,
	) -> Result<Sustained> {
		// Let the peak phases' leftovers (expired beacons) clear.
		drain(rx);
		mon.measure_pool.store(true, std::sync::atomic::Ordering::Relaxed);
		let beacons_per_block = (rate * BLOCK_S / (1.0 + w as f64)).round() as usize;
		println!("bench: sustained {rate} reports/s: {beacons_per_block} beacons and {} witness reports per block for {duration} s", beacons_per_block * w);
		let start = Instant::now();
		let first_block = self.chain.best_number().await? + 1;
		let mut open: BTreeMap<u64, Vec<usize>> = BTreeMap::new(); // included block -> beaconers
		let mut busy = vec![false; self.fleet.len()];
		let mut cursor = 0usize;
		let (mut beacons_ok, mut witnesses_ok, mut reveals_ok, mut refused) =
			(0u64, 0u64, 0u64, 0u64);
		let mut failed: BTreeMap<String, u64> = BTreeMap::new();
		let mut last_block = first_block;
		// The pool right after each block's submissions (what waits for the next block).
		let mut pool_after: Vec<usize> = vec![];
		while start.elapsed().as_secs() < duration {
			let Some((number, seen)) = rx.recv().await else { break };
			last_block = number;
			let mut new_beacons = vec![];
			for s in &seen {
				match (&s.error, s.kind) {
					(None, Kind::Beacon) => {
						beacons_ok += 1;
						new_beacons.push(s.index);
					}
					(None, Kind::Witness) => witnesses_ok += 1,
					(None, Kind::Reveal) => {
						reveals_ok += 1;
						busy[s.index] = false;
					}
					(Some(e), _) => *failed.entry(e.clone()).or_default() += 1,
					_ => {}
				}
			}
			if !new_beacons.is_empty() {
				open.insert(number, new_beacons.clone());
			}
			let at = self.chain.at_best().await?;
			let epoch =
				at.runtime_apis().call(depin::runtime_apis().rewards_api().epoch_info()).await?;
			let mut txs = vec![];
			// Witnesses for the beacons of this block.
			let ws = self.witnesses(&new_beacons, w).await?;
			txs.extend(ws);
			// Reveals of beacons whose witness window ended.
			let due: Vec<u64> = open
				.range(..=number.saturating_sub(u64::from(WITNESS_WINDOW)))
				.map(|(k, _)| *k)
				.collect();
			for k in due {
				let bs = open.remove(&k).unwrap_or_default();
				let r = self.reveals(&bs).await?;
				txs.extend(r);
			}
			// New beacons: hotspots with nothing open that have not beaconed this epoch.
			let mut chosen = vec![];
			let mut tries = 0;
			while chosen.len() < beacons_per_block && tries < self.fleet.len() {
				let i = cursor % self.fleet.len();
				cursor += 1;
				tries += 1;
				if !busy[i] && self.last_beacon_epoch[i] != Some(epoch.current_epoch) {
					chosen.push(i);
				}
			}
			for &i in &chosen {
				busy[i] = true;
				self.last_beacon_epoch[i] = Some(epoch.current_epoch);
			}
			txs.extend(self.beacons(&chosen).await?);
			let devs: Vec<usize> = txs.iter().map(|(_, d)| *d).collect();
			let refusals =
				fleet::submit_all(self.chain, txs.into_iter().map(|(tx, _)| tx).collect()).await;
			pool_after.push(fleet::pool_size(self.chain).await?);
			let bad: Vec<usize> =
				refusals.iter().zip(&devs).filter(|(r, _)| r.is_some()).map(|(_, d)| *d).collect();
			if !bad.is_empty() {
				refused += bad.len() as u64;
				if let Some(Some(first)) = refusals.iter().find(|r| r.is_some()) {
					eprintln!(
						"bench: block {number}: {} refused by the pool, first: {first}",
						bad.len()
					);
				}
				for &d in &bad {
					busy[d] = false;
				}
				self.resync(&bad).await?;
			}
			if number % 10 == 0 {
				println!(
					"bench: {:>4.0} s, block {number}: {} beacons, {} witnesses, {} reveals ok so far",
					start.elapsed().as_secs_f64(),
					beacons_ok,
					witnesses_ok,
					reveals_ok
				);
			}
		}
		mon.measure_pool.store(false, std::sync::atomic::Ordering::Relaxed);
		let blocks = mon.blocks.lock().expect("not poisoned");
		let run: Vec<&BlockStat> =
			blocks.iter().filter(|b| b.number >= first_block && b.number <= last_block).collect();
		let reports = |b: &BlockStat| {
			b.kinds.get(&Kind::Beacon).map(|k| k.0).unwrap_or(0)
				+ b.kinds.get(&Kind::Witness).map(|k| k.0).unwrap_or(0)
		};
		let per_min: Vec<f64> = run
			.chunks(10)
			.filter(|c| c.len() == 10)
			.map(|c| c.iter().map(|b| f64::from(reports(b))).sum::<f64>() / (10.0 * BLOCK_S))
			.collect();
		// The backlog: what is still in the pool when each block arrives.
		let pools: Vec<usize> = run.iter().filter_map(|b| b.pool).collect();
		let mean = |v: &[usize]| {
			if v.is_empty() {
				0.0
			} else {
				v.iter().sum::<usize>() as f64 / v.len() as f64
			}
		};
		let k = pools.len().min(10);
		Ok(Sustained {
			target_reports_per_s: rate,
			witnesses_per_beacon: w,
			duration_s: start.elapsed().as_secs_f64(),
			blocks: run.len(),
			beacons_ok,
			witnesses_ok,
			reveals_ok,
			failed,
			refused_by_pool: refused,
			reports_per_s: run.iter().map(|b| f64::from(reports(b))).sum::<f64>()
				/ (run.len().max(1) as f64 * BLOCK_S),
			min_minute_reports_per_s: per_min.iter().copied().fold(f64::INFINITY, f64::min),
			max_normal_weight: run.iter().map(|b| b.normal_weight).fold(0.0, f64::max),
			mean_normal_weight: run.iter().map(|b| b.normal_weight).sum::<f64>()
				/ run.len().max(1) as f64,
			max_finality_lag: run.iter().map(|b| b.finality_lag).max().unwrap_or(0),
			pool_first_minute: mean(&pools[..k]),
			pool_last_minute: mean(&pools[pools.len() - k..]),
			pool_max: pools.iter().copied().max().unwrap_or(0),
			pool_after_submit_mean: mean(&pool_after),
			pool_after_submit_max: pool_after.iter().copied().max().unwrap_or(0),
		})
	}
}

/// The Markdown report of a run (docs/PERFORMANCE.md).
pub fn markdown(r: &Results, command: &str) -> String {
	use std::fmt::Write;
	let mut m = String::new();
	let _ = writeln!(m, "# Performance\n");
	let _ = writeln!(
		m,
		"Generated by `{command}` (`depin-agent bench`); do not edit. Node and load generator ran \
		 together on one machine; rates are read from block contents (succeeded transactions per \
		 6-second block). Raw figures: `bench/results.json`.\n"
	);
	let _ = writeln!(m, "## Machine\n");
	for (k, v) in &r.machine {
		let _ = writeln!(m, "- {k}: {v}");
	}
	let _ = writeln!(
		m,
		"- hotspots in the fleet: {} (registered with radios in {:.0} s of setup)\n",
		r.hotspots, r.setup_s
	);
	let _ = writeln!(m, "## Peaks\n");
	let _ = writeln!(m, "Each batch pre-signed, then submitted as fast as the node accepted it.\n");
	let _ = writeln!(m, "| kind | submitted | refused by pool | included ok | failed | blocks | best block /s | mean /s | x transfers | max normal weight |");
	let _ = writeln!(m, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
	for p in &r.peaks {
		let _ = writeln!(
			m,
			"| {:?} | {} | {} | {} | {} | {} | {:.0} | {:.0} | {:.2} | {:.0}% |",
			p.kind,
			p.submitted,
			p.refused_by_pool,
			p.included_ok,
			p.included_failed,
			p.blocks,
			p.peak_per_s,
			p.mean_per_s,
			p.peak_per_s / r.transfer_peak_per_s,
			p.max_normal_weight * 100.0
		);
	}
	let _ = writeln!(
		m,
		"\n**Coverage reports at peak: {:.0}/s = {:.2}x transfers ({:.0}/s)**: Helium's mix of one \
		 beacon and 5 witness reports (the reports Helium counts), from the per-kind peaks, \
		 `6 / (1/beacon + 5/witness)`.\n\nWith each beacon's reveal (a seventh transaction, which \
		 verifies every witness's proof and pays the beaconer and each witness on chain, work \
		 Helium's oracles do off chain): **{:.0}/s = {:.2}x transfers**, \
		 `6 / (1/beacon + 5/witness + 1/reveal)`.\n",
		r.coverage_mix_peak_per_s,
		r.coverage_to_transfer,
		r.transfer_peak_per_s,
		r.with_reveals_peak_per_s,
		r.with_reveals_to_transfer
	);
	if let Some(s) = &r.sustained {
		let _ = writeln!(m, "## Sustained coverage\n");
		let _ = writeln!(
			m,
			"Target {:.0} reports/s (beacons + witness reports, {} witnesses per beacon; reveals on top) for {:.0} s ({} blocks).\n",
			s.target_reports_per_s, s.witnesses_per_beacon, s.duration_s, s.blocks
		);
		let _ = writeln!(m, "| figure | value | must hold |");
		let _ = writeln!(m, "|---|---:|---|");
		let _ = writeln!(
			m,
			"| reports per second (beacons + witnesses), whole run | {:.1} | ≥ 110 |",
			s.reports_per_s
		);
		let _ = writeln!(m, "| lowest minute | {:.1} | |", s.min_minute_reports_per_s);
		let _ = writeln!(
			m,
			"| beacons / witness reports / reveals succeeded | {} / {} / {} | |",
			s.beacons_ok, s.witnesses_ok, s.reveals_ok
		);
		let _ = writeln!(m, "| refused by the pool | {} | |", s.refused_by_pool);
		let _ = writeln!(m, "| failed in blocks | {:?} | |", s.failed);
		let _ = writeln!(
			m,
			"| normal-class block weight, max / mean | {:.1}% / {:.1}% | < 50% |",
			s.max_normal_weight * 100.0,
			s.mean_normal_weight * 100.0
		);
		let _ = writeln!(
			m,
			"| finality lag (best - finalized when a block arrives), max | {} blocks | ≤ 3 |",
			s.max_finality_lag
		);
		let _ = writeln!(m, "| pool backlog when a block arrives, first minute / last minute / max | {:.0} / {:.0} / {} | not growing |", s.pool_first_minute, s.pool_last_minute, s.pool_max);
		let _ = writeln!(
			m,
			"| pool right after each block's submissions, mean / max | {:.0} / {} | |",
			s.pool_after_submit_mean, s.pool_after_submit_max
		);
		let _ = writeln!(m, "\n### Pool size and weight over time (every 10th block)\n");
		let _ =
			writeln!(m, "| block | s | reports | normal weight | finality lag | pool backlog |");
		let _ = writeln!(m, "|---:|---:|---:|---:|---:|---:|");
		for b in r.blocks.iter().filter(|b| b.pool.is_some()).step_by(10) {
			let rep = b.kinds.get(&Kind::Beacon).map(|k| k.0).unwrap_or(0)
				+ b.kinds.get(&Kind::Witness).map(|k| k.0).unwrap_or(0);
			let _ = writeln!(
				m,
				"| {} | {:.0} | {} | {:.1}% | {} | {} |",
				b.number,
				b.seen_s,
				rep,
				b.normal_weight * 100.0,
				b.finality_lag,
				b.pool.unwrap_or(0)
			);
		}
	}
	m
}
