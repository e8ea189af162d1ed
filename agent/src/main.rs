//! `depin-agent`: see `agent/README.md`.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use depin_agent::{
	chain::{parse_dpn, Chain},
	coverage, energy,
	keys::{self, Key, Scheme},
	ops, simulate, storage,
};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
	name = "depin-agent",
	version,
	about = "The program beside every DePIN device: keys, registration, coverage, storage, energy, claims; a simulated fleet; the load benchmark."
)]
struct Cli {
	/// The node's WebSocket RPC endpoint [env DEPIN_URL; default ws://127.0.0.1:9944].
	#[arg(long, global = true)]
	url: Option<String>,
	/// Refuse a node whose genesis hash is not this one (0x + 64 hex digits) [env DEPIN_GENESIS].
	#[arg(long, global = true)]
	genesis: Option<String>,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Device and account keys.
	#[command(subcommand)]
	Key(KeyCmd),
	/// Registers a device for its owner (the device's possession proof, the maker's attestation).
	Register {
		/// The owner, who pays the deposit: a key file or a dev URI (//Alice).
		#[arg(long)]
		owner: String,
		/// The device's key file (it signs its consent).
		#[arg(long)]
		device: PathBuf,
		/// hotspot, storage-node, energy-meter or sensor.
		#[arg(long, default_value = "hotspot")]
		kind: String,
		/// Its H3 cell (resolution 12), e.g. 0x08c1f1d48945d9ff.
		#[arg(long)]
		location: String,
		/// An approved maker that attests the hardware (key file or dev URI).
		#[arg(long)]
		maker: Option<String>,
	},
	/// Moves a device to another cell (by its owner).
	Location {
		#[arg(long)]
		owner: String,
		/// The device (address, key file or 0x public key).
		#[arg(long)]
		device: String,
		#[arg(long)]
		cell: String,
	},
	/// Declares a hotspot's antenna gain (needed before coverage; again after a move).
	Radio {
		#[arg(long)]
		owner: String,
		#[arg(long)]
		device: String,
		/// Antenna gain, deci-dBi (20 = 2 dBi).
		#[arg(long, default_value_t = 20)]
		gain: u16,
	},
	/// Sends DPN (transfer_keep_alive).
	Transfer {
		#[arg(long)]
		from: String,
		#[arg(long)]
		to: String,
		/// Amount in DPN, e.g. 1.5.
		#[arg(long)]
		amount: String,
	},
	/// A device's record, pending rewards and the epoch.
	Status {
		#[arg(long)]
		device: String,
	},
	/// Claims a device's rewards to its owner.
	Claim {
		#[arg(long)]
		owner: String,
		#[arg(long)]
		device: String,
	},
	/// Proof of coverage.
	#[command(subcommand)]
	Coverage(CoverageCmd),
	/// Storage deals: commit, ask, propose, accept, serve, settle.
	#[command(subcommand)]
	Storage(StorageCmd),
	/// Energy settlement: register a meter, submit readings, settle, preview a bill.
	#[command(subcommand)]
	Energy(EnergyCmd),
	/// A simulated fleet on a dev chain: honest devices and cheaters, and what the chain made of
	/// each report.
	Simulate {
		/// Hotspots in the fleet.
		#[arg(long, default_value_t = 40)]
		hotspots: usize,
		/// Storage nodes (each with a deal from a client).
		#[arg(long, default_value_t = 4)]
		storage: usize,
		/// Energy meters (in the dev zone 0).
		#[arg(long, default_value_t = 4)]
		meters: usize,
		/// Share of cheating devices, percent.
		#[arg(long, default_value_t = 25)]
		cheaters: u32,
		/// Coverage rounds (epochs).
		#[arg(long, default_value_t = 3)]
		rounds: u32,
		/// Seed of the fleet's randomness.
		#[arg(long, default_value_t = 1)]
		seed: u64,
		/// Who funds the fleet and proposes its storage deals: a dev URI or key file.
		#[arg(long, default_value = "//Alice")]
		funder: String,
		/// Also write the summary as JSON to this file.
		#[arg(long)]
		json: Option<PathBuf>,
	},
	/// Load benchmark: peak transfers and coverage reports, then a sustained coverage run.
	Bench {
		/// Start this depin-node binary on a bench chain (else use --url as it is).
		#[arg(long)]
		node: Option<PathBuf>,
		/// Hotspots in the fleet.
		#[arg(long, default_value_t = 5000)]
		hotspots: usize,
		/// Transfers in the peak batch (witness reports: --witnesses per hotspot's beacon).
		#[arg(long, default_value_t = 15000)]
		peak: usize,
		/// Target coverage reports per second in the sustained run (Helium: 110).
		#[arg(long, default_value_t = 120.0)]
		rate: f64,
		/// Witness reports per beacon in the sustained run.
		#[arg(long, default_value_t = 5)]
		witnesses: usize,
		/// Seconds of the sustained run (0: peaks only).
		#[arg(long, default_value_t = 600)]
		duration: u64,
		/// Where to write the results.
		#[arg(long, default_value = "bench/results.json")]
		json: PathBuf,
		/// Where to write the report.
		#[arg(long, default_value = "docs/PERFORMANCE.md")]
		doc: PathBuf,
	},
}

#[derive(Subcommand)]
enum KeyCmd {
	/// Generates a key into a new file (mode 0600); prints the address only.
	Generate {
		#[arg(long, value_enum, default_value = "sr25519")]
		scheme: Scheme,
		/// Where to write it.
		#[arg(long)]
		out: PathBuf,
	},
	/// Prints a key file's scheme, public key and address (the seed with --show-secret).
	Inspect {
		file: PathBuf,
		#[arg(long)]
		show_secret: bool,
	},
}

#[derive(Subcommand)]
enum StorageCmd {
	/// Prints a file's Merkle root and size (streamed).
	Commit { file: PathBuf },
	/// Publishes a storage node's ask (by its owner).
	Ask {
		#[arg(long)]
		owner: String,
		#[arg(long)]
		device: String,
		/// Planck per byte and period.
		#[arg(long)]
		price: u128,
		#[arg(long, default_value_t = 1)]
		min_periods: u32,
		#[arg(long, default_value_t = 100)]
		max_periods: u32,
		/// Bytes it offers.
		#[arg(long)]
		capacity: u64,
	},
	/// Proposes a deal for a file to a storage node (by the client, who pays).
	Propose {
		#[arg(long)]
		client: String,
		#[arg(long)]
		provider: String,
		file: PathBuf,
		#[arg(long, default_value_t = 1)]
		periods: u32,
		/// Planck per byte and period.
		#[arg(long)]
		price: u128,
		/// Collateral asked of the provider, DPN.
		#[arg(long, default_value = "1")]
		collateral: String,
	},
	/// Accepts a deal (by the storage node's owner).
	Accept {
		#[arg(long)]
		owner: String,
		#[arg(long)]
		deal: u64,
	},
	/// Serves a file for a deal: proves every period; settles at the end with --owner.
	Serve {
		file: PathBuf,
		#[arg(long)]
		deal: u64,
		/// The storage node's key file.
		#[arg(long)]
		device: PathBuf,
		/// The node's owner, to settle once the deal ends.
		#[arg(long)]
		owner: Option<String>,
	},
	/// Settles a deal (its provider's owner or its client).
	Settle {
		#[arg(long)]
		signer: String,
		#[arg(long)]
		deal: u64,
	},
}

#[derive(Subcommand)]
enum EnergyCmd {
	/// Registers an energy meter in a zone (by its owner; the deposit is held).
	Register {
		#[arg(long)]
		owner: String,
		#[arg(long)]
		device: String,
		#[arg(long, default_value_t = 0)]
		zone: u32,
		/// Rated power, W.
		#[arg(long)]
		capacity_w: u32,
	},
	/// Submits cumulative registers from a CSV (`interval,produced_wh,consumed_wh`), each in its
	/// interval's reading window, signed by the meter (free when valid).
	Meter {
		/// The meter's key file.
		#[arg(long)]
		device: PathBuf,
		#[arg(long)]
		csv: PathBuf,
	},
	/// Settles a meter's reading of a final interval (anyone may).
	Settle {
		#[arg(long)]
		signer: String,
		#[arg(long)]
		meter: String,
		#[arg(long)]
		interval: u32,
	},
	/// Previews a meter's bill with the pallet's public formula, checked against the chain.
	Bill {
		#[arg(long)]
		meter: String,
		#[arg(long)]
		interval: u32,
	},
}

#[derive(Subcommand)]
enum CoverageCmd {
	/// Keeps a hotspot honest: beacons once per epoch, witnesses what it hears, reveals in time.
	Run {
		/// The hotspot's key file.
		#[arg(long)]
		device: PathBuf,
		/// The shared air directory of the simulated radio.
		#[arg(long)]
		air: Option<PathBuf>,
		/// Stop after this many reveals (0: run until stopped).
		#[arg(long, default_value_t = 0)]
		rounds: u32,
		/// Give up after this many blocks without a reveal (0: never).
		#[arg(long, default_value_t = 0)]
		max_blocks: u64,
	},
}

async fn connect(cli: &Cli) -> Result<Chain> {
	let url = cli
		.url
		.clone()
		.or_else(|| std::env::var("DEPIN_URL").ok())
		.unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let genesis = cli.genesis.clone().or_else(|| std::env::var("DEPIN_GENESIS").ok());
	let genesis = genesis.as_deref().map(keys::parse_hex32).transpose().context("--genesis")?;
	Chain::connect(&url, genesis).await
}

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	if let Err(e) = run(cli).await {
		eprintln!("error: {e:#}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<()> {
	match &cli.command {
		Command::Key(KeyCmd::Generate { scheme, out }) => {
			let seed: [u8; 32] = rand::random();
			let key = Key::from_seed(*scheme, &seed);
			key.save(&seed, out)?;
			println!("{}", key.address());
		}
		Command::Key(KeyCmd::Inspect { file, show_secret }) => {
			let (key, seed) = Key::load_with_seed(file)?;
			println!("scheme   {:?}", key.scheme());
			println!("public   0x{}", hex::encode(key.public()));
			println!("address  {}", key.address());
			if *show_secret {
				println!("seed     0x{}", hex::encode(seed));
			}
		}
		Command::Register { owner, device, kind, location, maker } => {
			let owner = Key::from_arg(owner)?;
			let device = Key::load(device)?;
			let maker = maker.as_deref().map(Key::from_arg).transpose()?;
			let kind = ops::parse_kind(kind)?;
			let location = ops::parse_cell(location)?;
			let chain = connect(&cli).await?;
			ops::register(&chain, &owner, &device, kind, location, maker.as_ref()).await?;
		}
		Command::Location { owner, device, cell } => {
			let (owner, device, cell) =
				(Key::from_arg(owner)?, keys::account_arg(device)?, ops::parse_cell(cell)?);
			ops::assert_location(&connect(&cli).await?, &owner, device, cell).await?;
		}
		Command::Radio { owner, device, gain } => {
			let (owner, device) = (Key::from_arg(owner)?, keys::account_arg(device)?);
			ops::set_radio(&connect(&cli).await?, &owner, device, *gain).await?;
		}
		Command::Transfer { from, to, amount } => {
			let (from, to, amount) =
				(Key::from_arg(from)?, keys::account_arg(to)?, parse_dpn(amount)?);
			ops::transfer(&connect(&cli).await?, &from, to, amount).await?;
		}
		Command::Status { device } => {
			let device = keys::account_arg(device)?;
			ops::status(&connect(&cli).await?, device).await?;
		}
		Command::Claim { owner, device } => {
			let (owner, device) = (Key::from_arg(owner)?, keys::account_arg(device)?);
			ops::claim(&connect(&cli).await?, &owner, device).await?;
		}
		Command::Coverage(CoverageCmd::Run { device, air, rounds, max_blocks }) => {
			let key = Key::load(device)?;
			let chain = connect(&cli).await?;
			let opts = coverage::RunOptions {
				air: air.clone().unwrap_or_else(coverage::default_air),
				rounds: *rounds,
				max_blocks: *max_blocks,
			};
			let r = coverage::run(&chain, &key, &opts).await?;
			println!(
				"done: {} beacons, {} witness reports, {} reveals, {} beaconer points",
				r.beacons, r.witnesses, r.reveals, r.beacon_points
			);
		}
		Command::Storage(StorageCmd::Commit { file }) => {
			let (root, size) = storage::commit(file)?;
			println!("root 0x{}\nsize {size}", hex::encode(root));
		}
		Command::Storage(StorageCmd::Ask {
			owner,
			device,
			price,
			min_periods,
			max_periods,
			capacity,
		}) => {
			let (owner, device) = (Key::from_arg(owner)?, keys::account_arg(device)?);
			storage::set_ask(
				&connect(&cli).await?,
				&owner,
				device,
				(*price, *min_periods, *max_periods, *capacity),
			)
			.await?;
		}
		Command::Storage(StorageCmd::Propose {
			client,
			provider,
			file,
			periods,
			price,
			collateral,
		}) => {
			let (client, provider, collateral) =
				(Key::from_arg(client)?, keys::account_arg(provider)?, parse_dpn(collateral)?);
			storage::propose(
				&connect(&cli).await?,
				&client,
				provider,
				file,
				*periods,
				*price,
				collateral,
			)
			.await?;
		}
		Command::Storage(StorageCmd::Accept { owner, deal }) => {
			storage::accept(&connect(&cli).await?, &Key::from_arg(owner)?, *deal).await?;
		}
		Command::Storage(StorageCmd::Serve { file, deal, device, owner }) => {
			let device = Key::load(device)?;
			let owner = owner.as_deref().map(Key::from_arg).transpose()?;
			storage::serve(&connect(&cli).await?, &device, file, *deal, owner.as_ref()).await?;
		}
		Command::Storage(StorageCmd::Settle { signer, deal }) => {
			storage::settle(&connect(&cli).await?, &Key::from_arg(signer)?, *deal).await?;
		}
		Command::Energy(EnergyCmd::Register { owner, device, zone, capacity_w }) => {
			let (owner, device) = (Key::from_arg(owner)?, keys::account_arg(device)?);
			energy::register(&connect(&cli).await?, &owner, device, *zone, *capacity_w).await?;
		}
		Command::Energy(EnergyCmd::Meter { device, csv }) => {
			energy::meter(&connect(&cli).await?, &Key::load(device)?, csv).await?;
		}
		Command::Energy(EnergyCmd::Settle { signer, meter, interval }) => {
			let (signer, meter) = (Key::from_arg(signer)?, keys::account_arg(meter)?);
			energy::settle(&connect(&cli).await?, &signer, meter, *interval).await?;
		}
		Command::Energy(EnergyCmd::Bill { meter, interval }) => {
			energy::bill(&connect(&cli).await?, keys::account_arg(meter)?, *interval).await?;
		}
		Command::Simulate { hotspots, storage, meters, cheaters, rounds, seed, funder, json } => {
			let opts = simulate::Options {
				hotspots: *hotspots,
				storage: *storage,
				meters: *meters,
				cheaters: *cheaters,
				rounds: *rounds,
				seed: *seed,
				funder: Key::from_arg(funder)?,
			};
			let summary = simulate::run(&connect(&cli).await?, opts).await?;
			simulate::print_summary(&summary);
			if let Some(path) = json {
				std::fs::write(path, serde_json::to_vec_pretty(&summary)?)
					.with_context(|| format!("writing {}", path.display()))?;
			}
		}
		Command::Bench { node, hotspots, peak, rate, witnesses, duration, json, doc } => {
			let opts = depin_agent::bench::Options {
				node: node.clone(),
				url: cli.url.clone().unwrap_or_else(|| "ws://127.0.0.1:9944".into()),
				hotspots: *hotspots,
				peak: *peak,
				rate: *rate,
				witnesses: *witnesses,
				duration: *duration,
				json: json.clone(),
				doc: doc.clone(),
			};
			let results = depin_agent::bench::run(opts).await?;
			if let Some(dir) = json.parent().filter(|d| !d.as_os_str().is_empty()) {
				std::fs::create_dir_all(dir)?;
			}
			std::fs::write(json, serde_json::to_vec_pretty(&results)?)?;
			let command: Vec<String> = std::env::args().collect();
			std::fs::write(doc, depin_agent::bench::markdown(&results, &command.join(" ")))?;
			println!("wrote {} and {}", json.display(), doc.display());
		}
	}
	Ok(())
}
