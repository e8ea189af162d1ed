//! depin-node: the client of the DePIN chain (Aura + GRANDPA consensus, ParityDB, RPC).

// sc-cli's and sc-service's error types are large; they are the substrate client's API, not ours.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod depin_rpc;
mod rpc;
mod service;

fn main() {
	// Report errors in one readable line (not a Debug dump) and exit non-zero.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
