//! The short mode, in `cargo test`: every saved regression case replayed, then random sequences
//! for a fixed budget (`DEPIN_FUZZ_SEQUENCES`, default 3,000; seed `DEPIN_FUZZ_SEED`, default 1). A failure is minimised and printed as a case to save in
//! `fuzz/regressions/`.

use depin_fuzz::{ops::random_sequence, Harness, Op, Stats, DEVICES, SIGNERS};
use rand::SeedableRng;
use std::path::Path;

fn env_u64(name: &str) -> Option<u64> {
	std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn regression_cases_pass() {
	let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
	let harness = Harness::new();
	let mut cases = 0;
	for entry in std::fs::read_dir(&dir).expect("fuzz/regressions exists") {
		let path = entry.expect("a directory entry").path();
		if path.extension().is_none_or(|e| e != "json") {
			continue;
		}
		let case: serde_json::Value =
			serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
		let ops: Vec<Op> = serde_json::from_value(case["ops"].clone()).expect("a sequence");
		if let Err(f) = harness.run(&ops) {
			panic!("{} fails again: {f:?} (first found as: {})", path.display(), case["failure"]);
		}
		cases += 1;
	}
	println!("{cases} regression cases replayed");
}

#[test]
fn random_sequences_keep_every_invariant() {
	let n = env_u64("DEPIN_FUZZ_SEQUENCES").unwrap_or(3_000);
	// A fixed seed by default, so that a test run is repeatable; scripts/fuzz.sh explores.
	let seed = env_u64("DEPIN_FUZZ_SEED").unwrap_or(1);
	println!("short fuzzing: {n} sequences, seed {seed} (DEPIN_FUZZ_SEED to repeat)");
	let harness = Harness::new();
	let mut total = Stats::default();
	let start = std::time::Instant::now();
	for i in 0..n {
		let mut rng =
			rand::rngs::StdRng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ i);
		let ops = random_sequence(&mut rng, 24, SIGNERS, DEVICES);
		match harness.run(&ops) {
			Ok(stats) => total.merge(&stats),
			Err(f) => {
				let small = harness.minimise(&ops, &f, 500);
				panic!(
					"sequence {i} of seed {seed} broke an invariant: {f:?}\nminimised case (save as \
					 fuzz/regressions/<name>.json):\n{}",
					serde_json::to_string_pretty(&serde_json::json!({
						"failure": f.what,
						"found": format!("short mode, seed {seed}, sequence {i}"),
						"ops": small,
					}))
					.unwrap_or_default()
				);
			}
		}
	}
	let ok: u64 = total.calls.values().map(|c| c.0).sum();
	let failed: u64 = total.calls.values().map(|c| c.1).sum();
	let refused: u64 = total.calls.values().map(|c| c.2).sum();
	println!(
		"{n} sequences, {} blocks, {ok} calls succeeded, {failed} failed with documented errors, \
		 {refused} refused before dispatch, in {:.1} s",
		total.blocks,
		start.elapsed().as_secs_f64()
	);
	// The harness must reach the pallets' logic, not only their first checks.
	for call in [
		"deviceRegistry.register_device",
		"proofOfCoverage.submit_beacon",
		"proofOfCoverage.submit_witness",
		"proofOfCoverage.reveal_beacon",
		"storageDeals.propose_deal",
		"storageDeals.submit_proof",
		"storageDeals.settle_deal",
		"energySettlement.submit_reading",
		"energySettlement.settle",
		"balances.transfer_keep_alive",
		"validatorSet.add_validator",
	] {
		let (succeeded, _, _) = total.calls.get(call).copied().unwrap_or_default();
		assert!(succeeded > 0, "{call} never succeeded in {n} sequences");
	}
}
