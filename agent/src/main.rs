//! `depin-agent`: see `agent/README.md`.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use depin_agent::{
	chain::{parse_dpn, Chain},
	coverage,
	keys::{self, Key, Scheme},
	ops,
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
	}
	Ok(())
}
