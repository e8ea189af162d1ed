//! depin-node: the client of the DePIN chain (Aura + GRANDPA consensus, ParityDB, RPC).

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() {
	// Report errors in one readable line (not a Debug dump) and exit non-zero.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
