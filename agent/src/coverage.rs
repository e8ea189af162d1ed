//! `coverage run`: keeps one hotspot honest. Once per epoch it beacons with a random payload
//! (committing to it on chain, then "transmitting" it), witnesses the beacons its simulated radio
//! hears, and reveals its own payload once the witness window is over, within the reveal window.
//!
//! The radio is simulated: beacons are transmitted into an *air* directory shared by the agents
//! on one machine (one JSON file per beacon: payload, cell, frequency, power); an agent hears a
//! beacon if the free-space signal at its own cell, minus a random realistic loss, is above a
//! LoRa receiver's sensitivity.

use crate::{
	chain::Chain,
	depin::{self, proof_of_coverage::events as ev},
	keys::Key,
	proofs, radio,
};
use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::{
	collections::HashSet,
	path::{Path, PathBuf},
};
use subxt::utils::H256;

/// A beacon on the air.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Transmission {
	/// The beaconer's public key (hex).
	pub beaconer: String,
	/// Its cell.
	pub cell: u64,
	/// The payload (hex), secret until the reveal.
	pub payload: String,
	/// Frequency, Hz.
	pub frequency_hz: u64,
	/// Radiated power, deci-dBm (capped).
	pub eirp_ddbm: i32,
	/// The block of the beacon.
	pub block: u64,
}

/// The shared air of the agents on one machine: a directory of transmissions.
pub struct DirAir(pub PathBuf);

impl DirAir {
	/// Transmits a beacon (atomically: written aside, then renamed).
	pub fn transmit(&self, t: &Transmission) -> Result<()> {
		std::fs::create_dir_all(&self.0)
			.with_context(|| format!("cannot create the air directory {}", self.0.display()))?;
		let name = format!("{}-{}.json", t.beaconer, t.block);
		let tmp = self.0.join(format!(".{name}.tmp"));
		std::fs::write(&tmp, serde_json::to_vec(t)?)?;
		std::fs::rename(&tmp, self.0.join(name))?;
		Ok(())
	}

	/// Every transmission on the air.
	pub fn listen(&self) -> Result<Vec<Transmission>> {
		let Ok(dir) = std::fs::read_dir(&self.0) else { return Ok(vec![]) };
		let mut out = vec![];
		for entry in dir.flatten() {
			let path = entry.path();
			if path.extension().is_some_and(|e| e == "json") {
				if let Ok(bytes) = std::fs::read(&path) {
					if let Ok(t) = serde_json::from_slice(&bytes) {
						out.push(t);
					}
				}
			}
		}
		Ok(out)
	}
}

/// Settings of `coverage run`.
pub struct RunOptions {
	/// The shared air directory.
	pub air: PathBuf,
	/// Stop after this many reveals (0: run forever).
	pub rounds: u32,
	/// Stop after this many blocks without a reveal (0: never).
	pub max_blocks: u64,
}

/// What one run did.
#[derive(Default, Debug)]
pub struct RunReport {
	/// Beacons committed.
	pub beacons: u32,
	/// Witness reports accepted.
	pub witnesses: u32,
	/// Reveals accepted.
	pub reveals: u32,
	/// Points the reveals paid the beaconer.
	pub beacon_points: u64,
}

/// Runs one hotspot until `rounds` reveals are done.
pub async fn run(chain: &Chain, device: &Key, opts: &RunOptions) -> Result<RunReport> {
	let air = DirAir(opts.air.clone());
	let me = device.account();
	let at = chain.at_best().await?;
	let apis = at.runtime_apis();
	let Some(record) = apis.call(depin::runtime_apis().depin_api().device(me)).await? else {
		bail!(
			"{} is not a registered device: register it first (depin-agent register)",
			device.address()
		);
	};
	let info = apis
		.call(depin::runtime_apis().depin_api().coverage(me))
		.await?
		.context("the device is not a hotspot")?;
	let gain = match (&info.hotspot.radio, info.radio_valid) {
		(Some(r), true) => r.gain_ddbi,
		_ => bail!(
			"{} has no radio at its location: its owner runs `depin-agent radio`",
			device.address()
		),
	};
	let my_cell = record.location.0;
	println!(
		"hotspot {} at 0x{my_cell:016x}, gain {gain} deci-dBi, air {}",
		device.address(),
		air.0.display()
	);

	let mut report = RunReport::default();
	let mut heard: HashSet<(String, u64)> = HashSet::new();
	// Our open beacon: payload, last block of its witness window, last of its reveal window.
	let mut open: Option<([u8; 32], u64, u64)> = None;
	let mut last_block = 0u64;
	let mut idle_since = chain.best_number().await?;
	let mut rng = rand::thread_rng();
	loop {
		let best = chain.next_best(last_block).await?;
		last_block = best;
		let at = chain.at_best().await?;
		let apis = at.runtime_apis();
		let epoch = apis.call(depin::runtime_apis().rewards_api().epoch_info()).await?;
		let cov = apis.call(depin::runtime_apis().depin_api().coverage(me)).await?;

		// Reveal our beacon once its witness window is over (the next block is past it).
		if let Some((payload, witness_until, reveal_until)) = open {
			if best + 1 > reveal_until {
				println!("beacon of block {witness_until} expired unrevealed");
				open = None;
			} else if best + 1 > witness_until {
				let call = depin::tx().proof_of_coverage().reveal_beacon(me, payload);
				let done = chain.submit(&call, device).await?;
				let r = done
					.events
					.find_first::<ev::BeaconRevealed>()
					.context("no BeaconRevealed")??;
				report.reveals += 1;
				report.beacon_points += r.points;
				println!(
					"revealed in {:?}: {} witnesses counted, beaconer points {} (reciprocity {})",
					done.block, r.counted, r.points, r.reciprocity
				);
				for j in done.events.find::<ev::WitnessJudged>().flatten() {
					println!(
						"  witness {}: {:?}",
						crate::keys::address_of(&j.witness.0),
						j.verdict
					);
				}
				open = None;
				idle_since = best;
				if opts.rounds > 0 && report.reveals >= opts.rounds {
					return Ok(report);
				}
			}
		}

		// Beacon once per epoch when nothing of ours is open.
		let beaconed =
			cov.as_ref().and_then(|c| c.hotspot.last_beacon_epoch) == Some(epoch.current_epoch);
		let chain_open = cov.as_ref().is_some_and(|c| c.open_beacon.is_some());
		if open.is_none() && !beaconed && !chain_open {
			let payload: [u8; 32] = rand::random();
			let call = depin::tx().proof_of_coverage().submit_beacon(
				H256(proofs::beacon_commitment(&payload)),
				radio::FREQUENCY_HZ,
				radio::TX_POWER_DBM,
			);
			let done = chain.submit(&call, device).await?;
			let b =
				done.events.find_first::<ev::BeaconSubmitted>().context("no BeaconSubmitted")??;
			air.transmit(&Transmission {
				beaconer: hex::encode(device.public()),
				cell: my_cell,
				payload: hex::encode(payload),
				frequency_hz: radio::FREQUENCY_HZ,
				eirp_ddbm: b.eirp_ddbm,
				block: u64::from(b.witness_until),
			})?;
			report.beacons += 1;
			println!(
				"beacon in epoch {}: witnesses until block {}, reveal until {}",
				b.epoch, b.witness_until, b.reveal_until
			);
			open = Some((payload, u64::from(b.witness_until), u64::from(b.reveal_until)));
		}

		// Witness what we hear and have not reported, while its witness window is open.
		for t in air.listen()? {
			if t.beaconer == hex::encode(device.public())
				|| heard.contains(&(t.beaconer.clone(), t.block))
			{
				continue;
			}
			heard.insert((t.beaconer.clone(), t.block));
			if best + 1 > t.block {
				continue; // its witness window is over
			}
			let Some((signal, snr)) = radio::hear(
				t.cell,
				my_cell,
				t.eirp_ddbm,
				gain,
				t.frequency_hz,
				radio::link_loss(&mut rng),
			) else {
				continue;
			};
			let beaconer = crate::keys::parse_hex32(&t.beaconer)?;
			let payload = crate::keys::parse_hex32(&t.payload)?;
			let call = depin::tx().proof_of_coverage().submit_witness(
				subxt::utils::AccountId32(beaconer),
				H256(proofs::witness_heard(&payload, &device.public())),
				signal,
				snr,
				t.frequency_hz,
			);
			match chain.submit(&call, device).await {
				Ok(_) => {
					report.witnesses += 1;
					println!(
						"witnessed {} at {signal} deci-dBm",
						crate::keys::address_of(&beaconer)
					);
				}
				Err(e) => {
					println!("witness of {} refused: {e:#}", crate::keys::address_of(&beaconer))
				}
			}
		}

		if opts.max_blocks > 0 && best.saturating_sub(idle_since) > opts.max_blocks {
			bail!("no reveal in {} blocks: stopping", opts.max_blocks);
		}
	}
}

/// The default air directory: `$XDG_RUNTIME_DIR/depin-air` or `/tmp/depin-air`.
pub fn default_air() -> PathBuf {
	std::env::var_os("XDG_RUNTIME_DIR")
		.map(|d| Path::new(&d).join("depin-air"))
		.unwrap_or_else(|| PathBuf::from("/tmp/depin-air"))
}
