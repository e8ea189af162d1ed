//! `simulate`: a fleet on a dev chain, honest devices and cheaters, and what the chain made of
//! each of their reports.
//!
//! Hotspots stand in real cities and hear each other through the simulated radio (free-space
//! path loss minus realistic losses). Cheaters, in equal shares:
//! - *too close*: a second hotspot in the same cell as an honest one, witnessing it
//!   (`TooClose`);
//! - *inflated RSSI*: reports signals 15 dB stronger than free space allows (`SignalTooStrong`);
//! - *copied proofs*: witnesses beacons it never heard by copying another witness's `heard`
//!   (accepted on submission, judged `HeardMismatch` at the reveal, unpaid);
//! - storage nodes that *skip proofs* (faults: penalty and refund at settlement);
//! - meters that report *more than their capacity* (`OverCapacity`).
//!
//! Every device holds 1 DPN, so that a report the chain refuses is included, pays its fee and
//! fails with a named error (an unfunded device's invalid report is refused by the pool before
//! any block, and the reason is not visible).

use crate::{
	chain::{AtBlock, Chain, DPN},
	depin::{
		self,
		proof_of_coverage::events as pev,
		runtime_types::{
			pallet_energy_settlement::types::ReadingKind, pallet_proof_of_coverage::types::Verdict,
		},
	},
	fleet,
	keys::{Key, Scheme},
	monitor::{self, Kind, Tags},
	ops::rt_kind,
	proofs, radio,
};
use anyhow::{Context, Result};
use depin_primitives::{merkle, DeviceKind};
use futures::future::join_all;
use indicatif::{ProgressBar, ProgressStyle};
use rand::{seq::SliceRandom, Rng, SeedableRng};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use subxt::utils::{AccountId32, H256};

/// Settings.
pub struct Options {
	/// Hotspots.
	pub hotspots: usize,
	/// Storage nodes.
	pub storage: usize,
	/// Energy meters.
	pub meters: usize,
	/// Cheaters, percent.
	pub cheaters: u32,
	/// Coverage rounds (epochs).
	pub rounds: u32,
	/// Seed.
	pub seed: u64,
	/// Who funds the fleet and proposes the storage deals (a dev account).
	pub funder: Key,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cheat {
	Honest,
	TooClose(usize),
	InflatedRssi,
	CopiedHeard,
}

/// What became of reports, by report and outcome, for honest and cheating devices.
#[derive(Default)]
struct Tally(BTreeMap<(String, String, bool), u64>);

impl Tally {
	fn add(&mut self, report: &str, outcome: &str, cheater: bool) {
		*self.0.entry((report.into(), outcome.into(), cheater)).or_default() += 1;
	}
}

struct Device {
	owner: Key,
	key: Key,
	cheater: bool,
}

/// A call that can be signed offline at a block (object-safe, for lists of different calls).
trait EncodeCall {
	fn sign(&self, chain: &Chain, at: &AtBlock, key: &Key, nonce: u64) -> Result<Vec<u8>>;
}

impl<C: subxt::tx::Payload> EncodeCall for C {
	fn sign(&self, chain: &Chain, at: &AtBlock, key: &Key, nonce: u64) -> Result<Vec<u8>> {
		chain.sign_at(at, self, key, nonce)
	}
}

/// The summary's name of a report kind.
fn report_name(kind: Kind) -> &'static str {
	match kind {
		Kind::Transfer => "transfer",
		Kind::Beacon => "beacon",
		Kind::Witness => "witness",
		Kind::Reveal => "reveal",
		Kind::StorageProof => "storage proof",
		Kind::Settlement => "storage settle",
		Kind::Reading => "meter reading",
		Kind::EnergySettle => "energy settle",
	}
}

/// A short reason for a transaction the pool refused (from the node's JSON-RPC error).
fn pool_reason(error: &str) -> String {
	for (needle, reason) in [
		("Inability to pay", "refused by the pool: cannot pay"),
		("outdated", "refused by the pool: stale nonce"),
		("priority is too low", "refused by the pool: nonce taken"),
		("Custom error", "refused by the pool: pallet check"),
	] {
		if error.contains(needle) {
			return reason.into();
		}
	}
	"refused by the pool".into()
}

/// Runs the simulation; returns what it found.
pub async fn run(chain: &Chain, o: Options) -> Result<Summary> {
	let mut rng = rand::rngs::StdRng::seed_from_u64(o.seed);
	let tag = format!("sim/{}/{}", o.seed, chain.best_number().await?);
	let alice = &o.funder;
	let pb = ProgressBar::new(0);
	pb.set_style(
		ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
			.expect("template"),
	);

	// The fleet: hotspots in two cities; cheaters in equal shares of the three kinds.
	let mut hotspots = fleet::hotspots(&tag, o.hotspots, 2, o.seed);
	anyhow::ensure!(o.cheaters <= 100, "--cheaters is a percentage, 0 to 100");
	anyhow::ensure!(o.hotspots >= 2, "--hotspots: at least 2 (a beacon needs a witness)");
	let n_cheat = (o.hotspots * o.cheaters as usize).div_ceil(100);
	anyhow::ensure!(
		n_cheat < o.hotspots,
		"--cheaters {}% of {} hotspots leaves none honest (cheaters copy honest hotspots' cells)",
		o.cheaters,
		o.hotspots
	);
	let mut cheat = vec![Cheat::Honest; o.hotspots];
	for (k, c) in cheat.iter_mut().enumerate().take(n_cheat) {
		*c = match k % 3 {
			0 => Cheat::TooClose(n_cheat + k % (o.hotspots - n_cheat).max(1)),
			1 => Cheat::InflatedRssi,
			_ => Cheat::CopiedHeard,
		};
	}
	for i in 0..o.hotspots {
		if let Cheat::TooClose(j) = cheat[i] {
			hotspots[i].cell = hotspots[j].cell;
		}
	}
	let storage: Vec<Device> = (0..o.storage)
		.map(|i| device(&tag, "storage", i, i < (o.storage * o.cheaters as usize).div_ceil(100)))
		.collect();
	let meters: Vec<Device> = (0..o.meters)
		.map(|i| device(&tag, "meter", i, i < (o.meters * o.cheaters as usize).div_ceil(100)))
		.collect();

	pb.set_message("funding owners and devices");
	let mut owners: Vec<AccountId32> = hotspots.iter().map(|h| h.owner.account()).collect();
	owners.extend(storage.iter().chain(&meters).map(|d| d.owner.account()));
	fleet::fund(chain, alice, &owners, 100 * DPN).await?;
	let mut devs: Vec<AccountId32> = hotspots.iter().map(|h| h.device.account()).collect();
	devs.extend(storage.iter().map(|d| d.key.account()));
	fleet::fund(chain, alice, &devs, DPN).await?;
	fleet::fund(chain, alice, &meters.iter().map(|d| d.key.account()).collect::<Vec<_>>(), DPN)
		.await?;
	pb.set_message("registering");
	fleet::register_hotspots(chain, &hotspots, radio::GAIN_DDBI).await?;
	register_devices(chain, &storage, DeviceKind::StorageNode).await?;
	register_devices(chain, &meters, DeviceKind::EnergyMeter).await?;

	let mut tally = Tally::default();
	// Storage: an ask, a deal of two periods from Alice for a random file, accepted.
	let mut deals: Vec<(usize, u64, Vec<u8>)> = vec![];
	for (i, d) in storage.iter().enumerate() {
		let call = depin::tx().storage_deals().set_ask(
			d.key.account(),
			depin::runtime_types::pallet_storage_deals::types::Ask {
				price: 1,
				min_duration: 1,
				max_duration: 10,
				capacity: 1 << 20,
			},
		);
		chain.submit(&call, &d.owner).await?;
		let data: Vec<u8> = (0..4096).map(|_| rng.gen()).collect();
		let root = merkle::root(&data).context("root")?;
		let call = depin::tx().storage_deals().propose_deal(
			d.key.account(),
			H256(root),
			data.len() as u64,
			2,
			1,
			DPN,
		);
		let done = chain.submit(&call, alice).await?;
		let id = done
			.events
			.find_first::<depin::storage_deals::events::DealProposed>()
			.context("no deal")??
			.deal;
		chain.submit(&depin::tx().storage_deals().accept_deal(id), &d.owner).await?;
		deals.push((i, id, data));
	}
	// Meters: 5 kW each in zone 0, 10 DPN of escrow.
	for d in &meters {
		chain
			.submit(
				&depin::tx().energy_settlement().register_meter(d.key.account(), 0, 5_000),
				&d.owner,
			)
			.await?;
		chain
			.submit(
				&depin::tx().energy_settlement().fund_escrow(d.key.account(), 10 * DPN),
				&d.owner,
			)
			.await?;
	}
	let mut registers = vec![(0u64, 0u64); meters.len()];

	// The rounds, block by block: every transaction is signed offline, submitted raw and tagged;
	// what became of it is read from the block that holds it (no per-transaction watch).
	let tags = Tags::default();
	let (_monitor, mut rx) = monitor::start(chain.clone(), tags.clone()).await?;
	let by_account: BTreeMap<AccountId32, usize> =
		hotspots.iter().enumerate().map(|(i, h)| (h.device.account(), i)).collect();
	let is_cheater = |kind: Kind, i: usize| match kind {
		Kind::StorageProof | Kind::Settlement => storage[i].cheater,
		Kind::Reading | Kind::EnergySettle => meters[i].cheater,
		_ => cheat[i] != Cheat::Honest,
	};
	let signer = |kind: Kind, i: usize| -> (Key, AccountId32) {
		match kind {
			Kind::StorageProof => (storage[i].key.clone(), storage[i].key.account()),
			Kind::Settlement => (storage[i].owner.clone(), storage[i].owner.account()),
			Kind::Reading => (meters[i].key.clone(), meters[i].key.account()),
			Kind::EnergySettle => (meters[i].owner.clone(), meters[i].owner.account()),
			_ => (hotspots[i].device.clone(), hotspots[i].device.account()),
		}
	};
	pb.set_length(u64::from(o.rounds));
	pb.set_message("coverage rounds");
	let epoch0 = epoch(chain).await?;
	// beaconer -> (payload, last block of its witness window; MAX until included)
	let mut open: HashMap<usize, ([u8; 32], u64)> = HashMap::new();
	let mut witnessed: HashSet<usize> = HashSet::new();
	let mut proved: HashSet<(u64, u64)> = HashSet::new();
	let mut read: HashSet<(usize, u32)> = HashSet::new();
	let mut beaconed: HashMap<usize, u32> = HashMap::new();
	let mut settling: HashSet<u64> = HashSet::new();
	let mut settled: HashSet<u64> = HashSet::new();
	// Next nonce of each signer, kept here (every device signs only through this loop).
	// Storage owners signed the asks and acceptances already: their nonces come from the node.
	let mut nonces: BTreeMap<AccountId32, u64> = BTreeMap::new();
	for d in storage.iter().chain(&meters) {
		nonces.insert(d.owner.account(), chain.next_nonce(&d.owner.account()).await?);
	}
	// Meter readings accepted (not baselines) and not yet settled: (meter, interval).
	let mut to_settle: BTreeSet<(usize, u32)> = BTreeSet::new();
	let mut settling_energy: BTreeSet<(usize, u32)> = BTreeSet::new();
	let mut outstanding = 0usize;
	let mut last_progress = 0u64;
	let eirp = radio::eirp_ddbm(radio::TX_POWER_DBM, radio::GAIN_DDBI);
	loop {
		let Some((best, seen)) = rx.recv().await else {
			anyhow::bail!("the block monitor stopped");
		};
		if last_progress == 0 || !seen.is_empty() {
			last_progress = best;
		}
		for s in &seen {
			outstanding = outstanding.saturating_sub(1);
			let cheater = is_cheater(s.kind, s.index);
			let outcome = s.error.clone().unwrap_or_else(|| "accepted".into());
			tally.add(report_name(s.kind), &outcome, cheater);
			match (s.kind, &s.error) {
				(Kind::Beacon, None) => {
					if let Some(b) = s.find::<pev::BeaconSubmitted>().first() {
						if let Some(o) = open.get_mut(&s.index) {
							o.1 = u64::from(b.witness_until);
						}
					}
				}
				(Kind::Beacon, Some(_)) => {
					open.remove(&s.index);
				}
				(Kind::Reveal, None) => {
					for j in s.find::<pev::WitnessJudged>() {
						let w = by_account.get(&j.witness).copied().unwrap_or(0);
						let verdict = match j.verdict {
							Verdict::Rewarded { .. } => "judged at reveal: Rewarded",
							Verdict::NoReciprocity => "judged at reveal: NoReciprocity",
							Verdict::HeardMismatch => "judged at reveal: HeardMismatch",
							Verdict::Inactive => "judged at reveal: Inactive",
						};
						tally.add("witness", verdict, cheat[w] != Cheat::Honest);
					}
				}
				(Kind::Reading, None) => {
					for r in s.find::<depin::energy_settlement::events::ReadingAccepted>() {
						if !matches!(r.kind, ReadingKind::Baseline) {
							to_settle.insert((s.index, r.interval));
						}
					}
				}
				(Kind::EnergySettle, _) => {
					let first = settling_energy.iter().find(|(m, _)| *m == s.index).copied();
					settling_energy.remove(&first.unwrap_or_default());
				}
				(Kind::Settlement, None) => {
					for d in s.find::<depin::storage_deals::events::DealSettled>() {
						settled.insert(d.deal);
						tally.add(
							"storage deal",
							if d.faults > 0 {
								"settled with faults (penalty)"
							} else {
								"settled, fully paid"
							},
							cheater,
						);
					}
				}
				_ => {}
			}
		}
		if outstanding > 0 && best > last_progress + 40 {
			tally.add("(any)", "never included (40 blocks)", false);
			eprintln!("simulate: {outstanding} transactions not included after 40 blocks");
			break;
		}
		let at = chain.at_best().await?;
		let e = at.runtime_apis().call(depin::runtime_apis().rewards_api().epoch_info()).await?;
		let e = e.current_epoch;
		let round = e.saturating_sub(epoch0);
		pb.set_position(u64::from(round.min(o.rounds)));
		let coverage_on = round < o.rounds;
		let storage_on = deals.iter().any(|(_, id, _)| !settled.contains(id));
		if !coverage_on
			&& open.is_empty()
			&& !storage_on
			&& to_settle.is_empty()
			&& settling_energy.is_empty()
			&& outstanding == 0
		{
			break;
		}
		let mut calls: Vec<(Kind, usize, Vec<u8>)> = vec![];
		let mut sign = |kind: Kind, i: usize, call: &dyn EncodeCall| -> Result<()> {
			let (key, account) = signer(kind, i);
			let n = nonces.get(&account).copied().unwrap_or(0);
			let tx = call.sign(chain, &at, &key, n)?;
			nonces.insert(account, n + 1);
			calls.push((kind, i, tx));
			Ok(())
		};
		// Reveals of beacons whose witness window is over.
		let due: Vec<usize> =
			open.iter().filter(|(_, (_, until))| best + 1 > *until).map(|(b, _)| *b).collect();
		for b in due {
			let (payload, _) = open.remove(&b).expect("listed");
			let call = depin::tx()
				.proof_of_coverage()
				.reveal_beacon(hotspots[b].device.account(), payload);
			sign(Kind::Reveal, b, &call)?;
		}
		// New beacons at the start of each epoch.
		if coverage_on {
			for i in 0..hotspots.len() {
				if beaconed.get(&i) != Some(&e) && !open.contains_key(&i) {
					beaconed.insert(i, e);
					let payload: [u8; 32] = rng.gen();
					let call = depin::tx().proof_of_coverage().submit_beacon(
						H256(proofs::beacon_commitment(&payload)),
						radio::FREQUENCY_HZ,
						radio::TX_POWER_DBM,
					);
					open.insert(i, (payload, u64::MAX));
					witnessed.remove(&i);
					sign(Kind::Beacon, i, &call)?;
				}
			}
		}
		// Witnesses of beacons on chain (their windows known) not yet witnessed.
		let on_chain: Vec<usize> =
			open.iter().filter(|(_, (_, u))| *u != u64::MAX).map(|(b, _)| *b).collect();
		for b in on_chain {
			if !witnessed.insert(b) {
				continue;
			}
			let payload = open[&b].0;
			let mut heard_by: Vec<[u8; 32]> = vec![];
			let mut cands: Vec<usize> = (0..hotspots.len())
				.filter(|&w| w != b && hotspots[w].city == hotspots[b].city)
				.collect();
			cands.shuffle(&mut rng);
			for w in cands.into_iter().take(8) {
				let honest_signal = radio::hear(
					hotspots[b].cell,
					hotspots[w].cell,
					eirp,
					radio::GAIN_DDBI,
					radio::FREQUENCY_HZ,
					radio::link_loss(&mut rng),
				);
				let (signal, snr, heard) = match cheat[w] {
					Cheat::InflatedRssi => {
						let d =
							depin_primitives::geo::distance_m(hotspots[b].cell, hotspots[w].cell)
								.unwrap_or(1)
								.max(1);
						let bound =
							radio::free_space_ddbm(eirp, radio::GAIN_DDBI, d, radio::FREQUENCY_HZ);
						(
							bound + 150,
							100,
							proofs::witness_heard(&payload, &hotspots[w].device.public()),
						)
					}
					Cheat::CopiedHeard => match heard_by.first() {
						Some(h) => (-1100, 50, *h),
						None => continue,
					},
					Cheat::TooClose(_) | Cheat::Honest => match honest_signal {
						Some((s, n)) => {
							(s, n, proofs::witness_heard(&payload, &hotspots[w].device.public()))
						}
						None => continue,
					},
				};
				if cheat[w] == Cheat::Honest {
					heard_by.push(heard);
				}
				let call = depin::tx().proof_of_coverage().submit_witness(
					hotspots[b].device.account(),
					H256(heard),
					signal,
					snr,
					radio::FREQUENCY_HZ,
				);
				sign(Kind::Witness, w, &call)?;
			}
			// A too-close cheater witnesses its twin.
			for (c, kind) in cheat.iter().enumerate() {
				if *kind == Cheat::TooClose(b) {
					let call = depin::tx().proof_of_coverage().submit_witness(
						hotspots[b].device.account(),
						H256(proofs::witness_heard(&payload, &hotspots[c].device.public())),
						-400,
						100,
						radio::FREQUENCY_HZ,
					);
					sign(Kind::Witness, c, &call)?;
				}
			}
		}
		// Storage proofs (cheaters skip them) and settlement once a deal has ended.
		for (i, id, data) in &deals {
			if settling.contains(id) {
				continue;
			}
			let Some(st) =
				at.runtime_apis().call(depin::runtime_apis().depin_api().deal(*id)).await?
			else {
				continue;
			};
			if let Some((period, index)) = st.challenge {
				if proved.insert((*id, period)) {
					if storage[*i].cheater {
						tally.add("storage proof", "skipped", true);
					} else {
						let (leaf, path) = merkle::prove(data, index).context("prove")?;
						let call = depin::tx().storage_deals().submit_proof(
							*id,
							period,
							leaf,
							depin::runtime_types::bounded_collections::bounded_vec::BoundedVec(
								path.into_iter().map(H256).collect(),
							),
						);
						sign(Kind::StorageProof, *i, &call)?;
					}
				}
			}
			if matches!(
				st.phase,
				depin::runtime_types::pallet_storage_deals::types::DealPhase::Ended
			) {
				settling.insert(*id);
				sign(Kind::Settlement, *i, &depin::tx().storage_deals().settle_deal(*id))?;
			}
		}
		// Meter readings in each reading window while the rounds last (cheaters: ten times
		// their capacity); each accepted reading settled once its interval is final.
		if let Some(z) =
			at.runtime_apis().call(depin::runtime_apis().depin_api().energy_zone(0)).await?
		{
			if let Some(k) = z.reading_interval.filter(|_| coverage_on) {
				let max_wh = 5_000u64 * u64::from(z.interval_length) * 6 / 3600;
				for (m, d) in meters.iter().enumerate() {
					if !read.insert((m, k)) {
						continue;
					}
					let (p, c) = if d.cheater {
						(max_wh * 10, 0)
					} else {
						(rng.gen_range(0..=max_wh), rng.gen_range(0..=max_wh / 2))
					};
					let (rp, rc) = (registers[m].0 + p, registers[m].1 + c);
					registers[m] = (rp, rc);
					let call = depin::tx().energy_settlement().submit_reading(k, rp, rc);
					sign(Kind::Reading, m, &call)?;
				}
			}
			let final_now: Vec<(usize, u32)> = to_settle
				.iter()
				.filter(|(_, k)| z.reading_interval != Some(*k) && *k < z.current_interval)
				.copied()
				.collect();
			for (m, k) in final_now {
				to_settle.remove(&(m, k));
				settling_energy.insert((m, k));
				let call = depin::tx().energy_settlement().settle(meters[m].key.account(), k);
				sign(Kind::EnergySettle, m, &call)?;
			}
		}
		// Submit everything of this block at once; what the pool refuses is counted here and
		// its signer's nonce taken again from the node (which counts its pooled transactions).
		for (kind, i, tx) in &calls {
			tags.tag(tx, *kind, *i);
		}
		let refusals = fleet::submit_all(chain, calls.iter().map(|c| c.2.clone()).collect()).await;
		for ((kind, i, _), refusal) in calls.iter().zip(refusals) {
			match refusal {
				None => outstanding += 1,
				Some(why) => {
					tally.add(report_name(*kind), &pool_reason(&why), is_cheater(*kind, *i));
					if *kind == Kind::Beacon {
						open.remove(i);
					}
					if *kind == Kind::EnergySettle {
						let first = settling_energy.iter().find(|(m, _)| m == i).copied();
						settling_energy.remove(&first.unwrap_or_default());
					}
					if *kind == Kind::Settlement {
						if let Some((_, id, _)) = deals.iter().find(|(d, _, _)| d == i) {
							settling.remove(id);
						}
					}
					let account = signer(*kind, *i).1;
					let n = chain.next_nonce(&account).await?;
					nonces.insert(account, n);
				}
			}
		}
	}
	pb.finish_with_message("done");

	// Wait for the last epoch to close, then what each class of device earned.
	let e = epoch(chain).await?;
	while epoch(chain).await? <= e {
		tokio::time::sleep(std::time::Duration::from_secs(2)).await;
	}
	let at = chain.at_best().await?;
	let mut earned: BTreeMap<(&str, bool), (u128, u32)> = BTreeMap::new();
	let classes = hotspots
		.iter()
		.enumerate()
		.map(|(i, h)| ("hotspot", cheat[i] != Cheat::Honest, h.device.account()))
		.chain(storage.iter().map(|d| ("storage node", d.cheater, d.key.account())))
		.chain(meters.iter().map(|d| ("energy meter", d.cheater, d.key.account())));
	for (class, cheater, account) in classes {
		let p = at
			.runtime_apis()
			.call(depin::runtime_apis().rewards_api().pending_rewards(account))
			.await?;
		let e = earned.entry((class, cheater)).or_default();
		e.0 += p.claimable + p.held_back;
		e.1 += 1;
	}
	Ok(summary(&tally, &earned))
}

fn device(tag: &str, kind: &str, i: usize, cheater: bool) -> Device {
	Device {
		owner: Key::from_uri(&format!("//{tag}/{kind}-owner/{i}"), Scheme::Sr25519).expect("uri"),
		key: Key::from_uri(&format!("//{tag}/{kind}/{i}"), Scheme::Sr25519).expect("uri"),
		cheater,
	}
}

async fn register_devices(chain: &Chain, devices: &[Device], kind: DeviceKind) -> Result<()> {
	let genesis = chain.genesis();
	let jobs = devices.iter().map(|d| {
		let proof = proofs::possession_proof(&genesis, &d.owner.public(), &d.key, 0);
		let call = depin::tx().device_registry().register_device(
			d.key.account(),
			rt_kind(kind),
			radio::CITIES[0].1,
			proof,
			None,
		);
		// Each owner is a fresh account of this simulation: the registration is its first
		// transaction (nonce 0), as the device's first registration (counter 0) above.
		chain.submit_with_nonce_owned(call, d.owner.clone(), 0)
	});
	for r in join_all(jobs).await {
		r?;
	}
	Ok(())
}

async fn epoch(chain: &Chain) -> Result<u32> {
	let at = chain.at_best().await?;
	Ok(at
		.runtime_apis()
		.call(depin::runtime_apis().rewards_api().epoch_info())
		.await?
		.current_epoch)
}

/// One row of the outcome table.
#[derive(Serialize)]
pub struct OutcomeRow {
	/// The report (`beacon`, `witness`, `meter reading`, ...).
	pub report: String,
	/// What became of it (`accepted`, a module error, a verdict at the reveal, ...).
	pub outcome: String,
	/// How many of honest devices.
	pub honest: u64,
	/// How many of cheating devices.
	pub cheaters: u64,
}

/// One row of the rewards table.
#[derive(Serialize)]
pub struct RewardRow {
	/// `hotspot`, `storage node` or `energy meter`.
	pub device: String,
	/// Whether these devices cheat.
	pub cheater: bool,
	/// How many there are.
	pub devices: u32,
	/// Rewards (claimable and held back) per device, planck.
	pub per_device: u128,
}

/// What a run found: the outcome table and the rewards table.
#[derive(Serialize)]
pub struct Summary {
	/// Reports by outcome.
	pub outcomes: Vec<OutcomeRow>,
	/// Rewards by kind of device, honest and cheating.
	pub rewards: Vec<RewardRow>,
}

fn summary(t: &Tally, earned: &BTreeMap<(&str, bool), (u128, u32)>) -> Summary {
	let mut rows: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
	for ((r, o, cheater), n) in &t.0 {
		let e = rows.entry((r.clone(), o.clone())).or_default();
		if *cheater {
			e.1 += n
		} else {
			e.0 += n
		}
	}
	Summary {
		outcomes: rows
			.into_iter()
			.map(|((report, outcome), (honest, cheaters))| OutcomeRow {
				report,
				outcome,
				honest,
				cheaters,
			})
			.collect(),
		rewards: earned
			.iter()
			.map(|((class, cheater), (sum, n))| RewardRow {
				device: (*class).into(),
				cheater: *cheater,
				devices: *n,
				per_device: sum / u128::from((*n).max(1)),
			})
			.collect(),
	}
}

/// Prints the two tables.
pub fn print_summary(s: &Summary) {
	println!("\n{:<16} {:<44} {:>8} {:>8}", "report", "outcome", "honest", "cheaters");
	for r in &s.outcomes {
		println!("{:<16} {:<44} {:>8} {:>8}", r.report, r.outcome, r.honest, r.cheaters);
	}
	println!("\n{:<16} {:>8} {:>10} {:>22}", "device", "cheater", "devices", "rewards per device");
	for r in &s.rewards {
		println!(
			"{:<16} {:>8} {:>10} {:>22}",
			r.device,
			if r.cheater { "yes" } else { "no" },
			r.devices,
			crate::chain::fmt_dpn(r.per_device)
		);
	}
}
