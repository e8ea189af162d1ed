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
	chain::{Chain, DPN},
	depin::{
		self, proof_of_coverage::events as pev,
		runtime_types::pallet_proof_of_coverage::types::Verdict,
	},
	fleet,
	keys::{Key, Scheme},
	ops::rt_kind,
	proofs, radio,
};
use anyhow::{Context, Result};
use depin_primitives::{merkle, DeviceKind};
use futures::future::join_all;
use indicatif::{ProgressBar, ProgressStyle};
use rand::{seq::SliceRandom, Rng, SeedableRng};
use std::collections::{BTreeMap, HashMap, HashSet};
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

	fn outcome(r: &Result<crate::chain::Included>) -> String {
		match r {
			Ok(_) => "accepted".into(),
			Err(e) => {
				let t = format!("{e:#}");
				// "<call> failed: Pallet.Error: doc" → "Pallet.Error"
				t.split(" failed: ")
					.nth(1)
					.and_then(|s| s.split(':').next())
					.map(str::to_string)
					.unwrap_or_else(|| {
						if t.contains("refused") {
							"refused by the pool".into()
						} else {
							t
						}
					})
			}
		}
	}
}

struct Device {
	owner: Key,
	key: Key,
	nonce: u64,
	cheater: bool,
}

async fn nonce_submit<C: subxt::tx::Payload>(
	chain: &Chain,
	call: C,
	key: Key,
	nonce: u64,
) -> Result<crate::chain::Included> {
	chain.submit_with_nonce(&call, &key, nonce).await
}

/// Runs the simulation and prints its summary.
pub async fn run(chain: &Chain, o: Options) -> Result<()> {
	let mut rng = rand::rngs::StdRng::seed_from_u64(o.seed);
	let tag = format!("sim/{}/{}", o.seed, chain.best_number().await?);
	let alice = Key::from_arg("//Alice")?;
	let pb = ProgressBar::new(0);
	pb.set_style(
		ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
			.expect("template"),
	);

	// The fleet: hotspots in two cities; cheaters in equal shares of the three kinds.
	let mut hotspots = fleet::hotspots(&tag, o.hotspots, 2, o.seed);
	let n_cheat = (o.hotspots * o.cheaters as usize).div_ceil(100);
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
	fleet::fund(chain, &alice, &owners, 100 * DPN).await?;
	let mut devs: Vec<AccountId32> = hotspots.iter().map(|h| h.device.account()).collect();
	devs.extend(storage.iter().map(|d| d.key.account()));
	fleet::fund(chain, &alice, &devs, DPN).await?;
	fleet::fund(chain, &alice, &meters.iter().map(|d| d.key.account()).collect::<Vec<_>>(), DPN)
		.await?;
	pb.set_message("registering");
	fleet::register_hotspots(chain, &hotspots, radio::GAIN_DDBI).await?;
	register_devices(chain, &storage, DeviceKind::StorageNode).await?;
	register_devices(chain, &meters, DeviceKind::EnergyMeter).await?;

	let mut tally = Tally::default();
	let mut nonces: HashMap<usize, u64> = HashMap::new();
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
		let done = chain.submit(&call, &alice).await?;
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
	let mut meter_nonce: Vec<u64> = Vec::new();
	for d in &meters {
		meter_nonce.push(chain.next_nonce(&d.key.account()).await?);
	}
	let mut registers = vec![(0u64, 0u64); meters.len()];

	// The rounds, block by block.
	pb.set_length(u64::from(o.rounds));
	pb.set_message("coverage rounds");
	let epoch0 = epoch(chain).await?;
	let mut open: HashMap<usize, ([u8; 32], u64)> = HashMap::new(); // beaconer -> payload, witness_until
	let mut witnessed: HashSet<usize> = HashSet::new();
	let mut proved: HashSet<(u64, u64)> = HashSet::new();
	let mut read: HashSet<(usize, u32)> = HashSet::new();
	let mut beaconed: HashMap<usize, u32> = HashMap::new();
	let mut settled_deals: HashSet<u64> = HashSet::new();
	let mut last = 0;
	let eirp = radio::eirp_ddbm(radio::TX_POWER_DBM, radio::GAIN_DDBI);
	loop {
		let best = chain.best_number().await?;
		if best == last {
			tokio::time::sleep(std::time::Duration::from_millis(500)).await;
			continue;
		}
		last = best;
		let e = epoch(chain).await?;
		let round = e.saturating_sub(epoch0);
		pb.set_position(u64::from(round.min(o.rounds)));
		let coverage_on = round < o.rounds;
		let storage_on = deals.iter().any(|(_, id, _)| !settled_deals.contains(id));
		if !coverage_on && open.is_empty() && !storage_on {
			break;
		}
		let mut jobs = vec![];
		let mut kinds = vec![];
		let next = |i: usize, nonces: &mut HashMap<usize, u64>| {
			let n = nonces.entry(i).or_insert(0);
			*n += 1;
			*n - 1
		};
		// Reveals of beacons whose witness window is over.
		let due: Vec<usize> =
			open.iter().filter(|(_, (_, until))| best + 1 > *until).map(|(b, _)| *b).collect();
		for b in due {
			let (payload, _) = open.remove(&b).expect("listed");
			let call = depin::tx()
				.proof_of_coverage()
				.reveal_beacon(hotspots[b].device.account(), payload);
			kinds.push(("reveal", cheat[b] != Cheat::Honest, b));
			jobs.push(Box::pin(nonce_submit(
				chain,
				call,
				hotspots[b].device.clone(),
				next(b, &mut nonces),
			))
				as std::pin::Pin<
					Box<
						dyn std::future::Future<Output = Result<crate::chain::Included>>
							+ Send
							+ '_,
					>,
				>);
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
					kinds.push(("beacon", cheat[i] != Cheat::Honest, i));
					jobs.push(Box::pin(nonce_submit(
						chain,
						call,
						hotspots[i].device.clone(),
						next(i, &mut nonces),
					)));
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
				kinds.push(("witness", cheat[w] != Cheat::Honest, w));
				jobs.push(Box::pin(nonce_submit(
					chain,
					call,
					hotspots[w].device.clone(),
					next(w, &mut nonces),
				)));
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
					kinds.push(("witness", true, c));
					jobs.push(Box::pin(nonce_submit(
						chain,
						call,
						hotspots[c].device.clone(),
						next(c, &mut nonces),
					)));
				}
			}
		}
		// Storage proofs (cheaters skip them) and settlement at the end.
		let at = chain.at_best().await?;
		for (i, id, data) in &deals {
			if settled_deals.contains(id) {
				continue;
			}
			let Some(st) =
				at.runtime_apis().call(depin::runtime_apis().depin_api().deal(*id)).await?
			else {
				continue;
			};
			if let Some((period, index)) = st.challenge {
				if !storage[*i].cheater && proved.insert((*id, period)) {
					let (leaf, path) = merkle::prove(data, index).context("prove")?;
					let call = depin::tx().storage_deals().submit_proof(
						*id,
						period,
						leaf,
						depin::runtime_types::bounded_collections::bounded_vec::BoundedVec(
							path.into_iter().map(H256).collect(),
						),
					);
					kinds.push(("storage proof", false, *i));
					let n = chain.next_nonce(&storage[*i].key.account()).await?;
					jobs.push(Box::pin(nonce_submit(chain, call, storage[*i].key.clone(), n)));
				} else if storage[*i].cheater && proved.insert((*id, period)) {
					tally.add("storage proof", "skipped", true);
				}
			}
			if matches!(
				st.phase,
				depin::runtime_types::pallet_storage_deals::types::DealPhase::Ended
			) {
				settled_deals.insert(*id);
				let done = chain
					.submit(&depin::tx().storage_deals().settle_deal(*id), &storage[*i].owner)
					.await?;
				for s in done.events.find::<depin::storage_deals::events::DealSettled>().flatten() {
					tally.add(
						"storage deal",
						if s.faults > 0 {
							"settled with faults (penalty)"
						} else {
							"settled, fully paid"
						},
						storage[*i].cheater,
					);
				}
			}
		}
		// Meter readings in each reading window (cheaters: ten times their capacity).
		if coverage_on {
			if let Some(z) =
				at.runtime_apis().call(depin::runtime_apis().depin_api().energy_zone(0)).await?
			{
				if let Some(k) = z.reading_interval {
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
						if !d.cheater {
							registers[m] = (rp, rc);
						}
						let call = depin::tx().energy_settlement().submit_reading(k, rp, rc);
						kinds.push(("meter reading", d.cheater, m));
						jobs.push(Box::pin(nonce_submit(
							chain,
							call,
							d.key.clone(),
							meter_nonce[m],
						)));
						meter_nonce[m] += 1;
					}
				}
			}
		}
		// Submit everything of this block at once.
		let results = join_all(jobs).await;
		for ((report, cheater, who), r) in kinds.iter().zip(results) {
			tally.add(report, &Tally::outcome(&r), *cheater);
			match (report, &r) {
				(&"beacon", Ok(done)) => {
					if let Some(Ok(b)) = done.events.find_first::<pev::BeaconSubmitted>() {
						open.insert(*who, (open[who].0, u64::from(b.witness_until)));
					}
				}
				(&"beacon", Err(_)) => {
					open.remove(who);
				}
				(&"reveal", Ok(done)) => {
					for j in done.events.find::<pev::WitnessJudged>().flatten() {
						let w = hotspots
							.iter()
							.position(|h| h.device.account() == j.witness)
							.unwrap_or(0);
						let verdict = match j.verdict {
							Verdict::Rewarded { .. } => "judged at reveal: Rewarded",
							Verdict::NoReciprocity => "judged at reveal: NoReciprocity",
							Verdict::HeardMismatch => "judged at reveal: HeardMismatch",
							Verdict::Inactive => "judged at reveal: Inactive",
						};
						tally.add("witness", verdict, cheat[w] != Cheat::Honest);
					}
				}
				(_, Err(e)) if format!("{e:#}").contains("refused") => {
					// The nonce was not used: take it again from the chain.
					if *report != "meter reading" && *report != "storage proof" {
						nonces.insert(
							*who,
							chain.next_nonce(&hotspots[*who].device.account()).await?,
						);
					}
				}
				_ => {}
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
	print_summary(&tally, &earned);
	Ok(())
}

fn device(tag: &str, kind: &str, i: usize, cheater: bool) -> Device {
	Device {
		owner: Key::from_uri(&format!("//{tag}/{kind}-owner/{i}"), Scheme::Sr25519).expect("uri"),
		key: Key::from_uri(&format!("//{tag}/{kind}/{i}"), Scheme::Sr25519).expect("uri"),
		nonce: 0,
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
		chain.submit_with_nonce_owned(call, d.owner.clone(), d.nonce)
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

fn print_summary(t: &Tally, earned: &BTreeMap<(&str, bool), (u128, u32)>) {
	println!("\n{:<16} {:<44} {:>8} {:>8}", "report", "outcome", "honest", "cheaters");
	let mut rows: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
	for ((r, o, cheater), n) in &t.0 {
		let e = rows.entry((r.clone(), o.clone())).or_default();
		if *cheater {
			e.1 += n
		} else {
			e.0 += n
		}
	}
	for ((r, o), (h, c)) in rows {
		println!("{r:<16} {o:<44} {h:>8} {c:>8}");
	}
	println!("\n{:<16} {:>8} {:>10} {:>22}", "device", "cheater", "devices", "rewards per device");
	for ((class, cheater), (sum, n)) in earned {
		let per = sum / u128::from((*n).max(1));
		println!(
			"{class:<16} {:>8} {n:>10} {:>22}",
			if *cheater { "yes" } else { "no" },
			crate::chain::fmt_dpn(per)
		);
	}
}
