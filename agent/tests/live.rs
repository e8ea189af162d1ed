//! The agent as a user runs it, against a live dev node: keys, funding, registration, radios, a
//! full coverage round among four hotspots (beacons, witnesses, reveals) and a claim; and its
//! clear errors. Needs a running `depin-node --dev` at `DEPIN_URL`; `scripts/test.sh` starts one
//! and runs this test with `--ignored`.

use std::{path::Path, process::Command};

const AGENT: &str = env!("CARGO_BIN_EXE_depin-agent");
/// Resolution-12 cells near Munich, 1.1 to 1.7 km apart (far enough to witness each other).
const CELLS: [&str; 4] =
	["0x08c1f8d7a498e1ff", "0x08c1f8d44a30b5ff", "0x08c1f8d7a4a205ff", "0x08c1f8d44b1b23ff"];

fn url() -> String {
	std::env::var("DEPIN_URL")
		.expect("DEPIN_URL: the dev node to test against (scripts/test.sh sets it)")
}

/// Runs the agent; returns (success, stdout, stderr).
fn agent(args: &[&str]) -> (bool, String, String) {
	let out =
		Command::new(AGENT).arg("--url").arg(url()).args(args).output().expect("run depin-agent");
	(
		out.status.success(),
		String::from_utf8_lossy(&out.stdout).into_owned(),
		String::from_utf8_lossy(&out.stderr).into_owned(),
	)
}

fn ok(args: &[&str]) -> String {
	let (success, out, err) = agent(args);
	assert!(success, "depin-agent {args:?} failed:\n{out}\n{err}");
	out
}

/// Runs the agent with a deadline (a hang fails the test instead of stalling the suite).
fn ok_within(args: &[&str], limit: std::time::Duration) {
	let mut child = Command::new(AGENT)
		.arg("--url")
		.arg(url())
		.args(args)
		.stdout(std::process::Stdio::inherit())
		.spawn()
		.expect("run depin-agent");
	let start = std::time::Instant::now();
	loop {
		if let Some(status) = child.try_wait().expect("wait") {
			assert!(status.success(), "depin-agent {args:?} failed: {status}");
			return;
		}
		if start.elapsed() > limit {
			let _ = child.kill();
			panic!("depin-agent {args:?} still running after {limit:?}");
		}
		std::thread::sleep(std::time::Duration::from_secs(1));
	}
}

fn fails(args: &[&str], needle: &str) {
	let (success, out, err) = agent(args);
	assert!(!success, "depin-agent {args:?} should fail:\n{out}");
	assert!(err.contains(needle), "depin-agent {args:?}: expected {needle:?} in:\n{err}");
}

fn path(dir: &Path, name: &str) -> String {
	dir.join(name).to_string_lossy().into_owned()
}

#[test]
#[ignore = "needs a dev node at DEPIN_URL; scripts/test.sh runs it"]
fn register_cover_and_claim() {
	let dir = tempfile::tempdir().unwrap();
	let d = dir.path();
	let mut owners = vec![];
	let mut devices = vec![];
	for i in 0..4 {
		let owner = path(d, &format!("owner{i}.json"));
		let device = path(d, &format!("hotspot{i}.json"));
		ok(&["key", "generate", "--out", &owner]);
		// One device key of each scheme at least.
		let scheme = if i == 3 { "ed25519" } else { "sr25519" };
		ok(&["key", "generate", "--scheme", scheme, "--out", &device]);
		let inspect = ok(&["key", "inspect", &device]);
		assert!(!inspect.contains("seed"), "the seed is printed only when asked");
		assert!(ok(&["key", "inspect", &device, "--show-secret"]).contains("seed"));
		ok(&["transfer", "--from", "//Alice", "--to", &owner, "--amount", "100"]);
		owners.push(owner);
		devices.push(device);
	}
	for i in 0..4 {
		let out = ok(&[
			"register",
			"--owner",
			&owners[i],
			"--device",
			&devices[i],
			"--location",
			CELLS[i],
		]);
		assert!(out.contains("registered"), "{out}");
		ok(&["radio", "--owner", &owners[i], "--device", &devices[i], "--gain", "20"]);
	}

	// Clear errors: a module error by name, insufficient balance, wrong chain, no device.
	fails(
		&["register", "--owner", &owners[0], "--device", &devices[0], "--location", CELLS[0]],
		"DeviceRegistry.AlreadyRegistered",
	);
	fails(
		&["transfer", "--from", &owners[0], "--to", "//Bob", "--amount", "1000000"],
		"insufficient balance",
	);
	let zero = format!("0x{}", "00".repeat(32));
	fails(&["--genesis", &zero, "status", "--device", &devices[0]], "wrong chain");
	fails(&["status", "--device", "//Nobody"], "is not a registered device");

	// Two coverage rounds among the four: the first builds reciprocity, the second pays.
	let air = path(d, "air");
	let children: Vec<_> = devices
		.iter()
		.map(|dev| {
			Command::new(AGENT)
				.args(["--url", &url(), "coverage", "run", "--device", dev, "--air", &air])
				.args(["--rounds", "2", "--max-blocks", "60"])
				.stdout(std::process::Stdio::piped())
				.stderr(std::process::Stdio::piped())
				.spawn()
				.expect("start coverage run")
		})
		.collect();
	let mut witnesses = 0;
	for child in children {
		let out = child.wait_with_output().unwrap();
		let text = String::from_utf8_lossy(&out.stdout);
		assert!(
			out.status.success(),
			"coverage run failed:\n{text}\n{}",
			String::from_utf8_lossy(&out.stderr)
		);
		let done = text.lines().find(|l| l.starts_with("done:")).expect("a summary line");
		assert!(done.contains("2 reveals"), "{done}");
		witnesses += text.lines().filter(|l| l.starts_with("witnessed")).count();
		assert!(
			text.contains("Rewarded"),
			"a witness of this hotspot's beacon was rewarded:\n{text}"
		);
	}
	assert!(witnesses >= 8, "each hotspot witnessed its neighbours' beacons ({witnesses})");

	// The epoch closes; the owner claims what the device earned.
	let mut claimable = false;
	for _ in 0..40 {
		let status = ok(&["status", "--device", &devices[0]]);
		if status.lines().any(|l| l.starts_with("claimable") && !l.contains(" 0 DPN")) {
			claimable = true;
			break;
		}
		std::thread::sleep(std::time::Duration::from_secs(3));
	}
	assert!(claimable, "rewards became claimable");
	let out = ok(&["claim", "--owner", &owners[0], "--device", &devices[0]]);
	assert!(out.starts_with("claimed ") && !out.starts_with("claimed 0 DPN"), "{out}");
	fails(&["claim", "--owner", &owners[1], "--device", &devices[0]], "Rewards.NotOwner");
}

#[test]
#[ignore = "needs a dev node at DEPIN_URL; scripts/test.sh runs it"]
fn store_a_file_and_settle_energy() {
	let dir = tempfile::tempdir().unwrap();
	let d = dir.path();
	let (owner, client, node) =
		(path(d, "owner.json"), path(d, "client.json"), path(d, "node.json"));
	let (meter_owner, meter) = (path(d, "meter-owner.json"), path(d, "meter.json"));
	for k in [&owner, &client, &node, &meter_owner, &meter] {
		ok(&["key", "generate", "--out", k]);
	}
	// Funded by Bob: the other test funds from Alice at the same time.
	for k in [&owner, &client, &meter_owner] {
		ok(&["transfer", "--from", "//Bob", "--to", k, "--amount", "100"]);
	}

	// Storage: a node, its ask, a client's 10,000-byte file in a one-period deal, served and
	// settled by the agent.
	ok(&[
		"register",
		"--owner",
		&owner,
		"--device",
		&node,
		"--kind",
		"storage-node",
		"--location",
		CELLS[0],
	]);
	ok(&[
		"storage",
		"ask",
		"--owner",
		&owner,
		"--device",
		&node,
		"--price",
		"1",
		"--capacity",
		"1000000",
	]);
	let file = d.join("data.bin");
	let data: Vec<u8> =
		(0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
	std::fs::write(&file, &data).unwrap();
	let file = file.to_string_lossy().into_owned();
	let commit = ok(&["storage", "commit", &file]);
	let root = depin_primitives::merkle::root(&data).unwrap();
	assert!(commit.contains(&format!("root 0x{}", hex::encode(root))), "{commit}");
	assert!(commit.contains("size 10000"), "{commit}");
	let proposed = ok(&[
		"storage",
		"propose",
		"--client",
		&client,
		"--provider",
		&node,
		&file,
		"--periods",
		"1",
		"--price",
		"2",
	]);
	let deal: String = proposed
		.split_whitespace()
		.nth(1)
		.filter(|_| proposed.starts_with("deal "))
		.unwrap_or_else(|| panic!("no deal id in {proposed}"))
		.to_string();
	ok(&["storage", "accept", "--owner", &owner, "--deal", &deal]);
	let served =
		ok(&["storage", "serve", &file, "--deal", &deal, "--device", &node, "--owner", &owner]);
	assert!(served.contains("proved"), "{served}");
	assert!(served.contains("settled: 0.00000002 DPN paid"), "2 planck x 10,000 bytes:\n{served}");

	// Energy: a 5 kW meter in the dev zone (at most 83 Wh in a 60-second interval); a baseline,
	// then 50 Wh produced in the next interval;
	// the bill from the public formula equals the chain's; anyone settles it.
	ok(&[
		"register",
		"--owner",
		&meter_owner,
		"--device",
		&meter,
		"--kind",
		"energy-meter",
		"--location",
		CELLS[1],
	]);
	ok(&[
		"energy",
		"register",
		"--owner",
		&meter_owner,
		"--device",
		&meter,
		"--zone",
		"0",
		"--capacity-w",
		"5000",
	]);
	let csv = d.join("readings.csv");
	std::fs::write(&csv, "produced_wh,consumed_wh\n1000,500\n1050,500\n").unwrap();
	let out = ok(&["energy", "meter", "--device", &meter, "--csv", &csv.to_string_lossy()]);
	let intervals: Vec<&str> = out.lines().filter(|l| l.contains("registers")).collect();
	assert_eq!(intervals.len(), 2, "{out}");
	let k = intervals[1].trim_start_matches("interval ").split(':').next().unwrap().to_string();
	// Wait until the interval is final, then preview and settle.
	let mut billed = String::new();
	for _ in 0..40 {
		let (success, out, _) = agent(&["energy", "bill", "--meter", &meter, "--interval", &k]);
		if success && out.contains("(final)") {
			billed = out;
			break;
		}
		std::thread::sleep(std::time::Duration::from_secs(3));
	}
	assert!(billed.contains("produced 50 Wh, consumed 0 Wh"), "{billed}");
	let settled =
		ok(&["energy", "settle", "--signer", "//Alice", "--meter", &meter, "--interval", &k]);
	assert!(settled.contains("credit") && !settled.contains("credit 0 DPN"), "{settled}");
}

#[test]
#[ignore = "needs a dev node at DEPIN_URL; scripts/test.sh runs it"]
fn simulate_a_small_fleet_with_cheaters() {
	let dir = tempfile::tempdir().unwrap();
	let json = path(dir.path(), "summary.json");
	// 9 hotspots, 34% cheaters: two too close, one inflating RSSI, one copying proofs; one of
	// the two storage nodes skips its proofs, one of the two meters reads ten times its
	// capacity. Funded by Charlie: the other tests fund from Alice and Bob meanwhile.
	let args = [
		"simulate",
		"--hotspots",
		"9",
		"--storage",
		"2",
		"--meters",
		"2",
		"--cheaters",
		"34",
		"--rounds",
		"3",
		"--seed",
		"7",
		"--funder",
		"//Charlie",
		"--json",
		&json,
	];
	// About 5.5 minutes on this 2-core machine beside the other live tests.
	ok_within(&args, std::time::Duration::from_secs(15 * 60));
	let s: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
	let rows = s["outcomes"].as_array().unwrap();
	let count = |report: &str, outcome: &str| -> (u64, u64) {
		rows.iter()
			.filter(|r| r["report"] == report && r["outcome"] == outcome)
			.map(|r| (r["honest"].as_u64().unwrap(), r["cheaters"].as_u64().unwrap()))
			.fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
	};
	let of = |report: &str| -> Vec<String> {
		rows.iter()
			.filter(|r| r["report"] == report)
			.map(|r| r["outcome"].as_str().unwrap().to_string())
			.collect()
	};
	// Nothing lost on the way: every transaction was included and reported.
	assert!(rows.iter().all(|r| r["report"] != "(any)"), "transactions never included: {s}");
	assert!(
		rows.iter().all(|r| !r["outcome"].as_str().unwrap().contains("refused by the pool")),
		"{s}"
	);
	// Beacons and reveals: all accepted, of every hotspot, every round.
	assert_eq!(of("beacon"), ["accepted"], "{s}");
	assert_eq!(of("reveal"), ["accepted"], "{s}");
	let (honest_beacons, cheating_beacons) = count("beacon", "accepted");
	assert!(honest_beacons >= 5 * 2 && cheating_beacons >= 4 * 2, "{s}");
	assert_eq!(count("reveal", "accepted"), (honest_beacons, cheating_beacons));
	// Inflated signals refused, only the cheater's; no honest witness fails its proof.
	let (h, c) = count("witness", "ProofOfCoverage.SignalTooStrong");
	assert!(h == 0 && c > 0, "{s}");
	assert_eq!(count("witness", "judged at reveal: HeardMismatch").0, 0, "{s}");
	assert!(count("witness", "judged at reveal: Rewarded").0 > 0, "{s}");
	// The meter over capacity is refused (its first reading, the baseline, is accepted); the
	// honest meter's readings settle.
	assert_eq!(count("meter reading", "EnergySettlement.OverCapacity").0, 0, "{s}");
	assert!(count("meter reading", "EnergySettlement.OverCapacity").1 >= 1, "{s}");
	assert!(count("energy settle", "accepted").0 >= 1, "{s}");
	// The storage node that skipped proofs is settled with faults, the honest one fully paid.
	assert_eq!(count("storage deal", "settled with faults (penalty)"), (0, 1), "{s}");
	assert_eq!(count("storage deal", "settled, fully paid"), (1, 0), "{s}");
	assert_eq!(count("storage proof", "skipped"), (0, 2), "{s}");
	// Rewards: cheaters earn less (hotspots) or nothing (storage, meter).
	let per = |device: &str, cheater: bool| -> u128 {
		let r = s["rewards"]
			.as_array()
			.unwrap()
			.iter()
			.find(|r| r["device"] == device && r["cheater"] == cheater)
			.unwrap_or_else(|| panic!("no {device} row: {s}"));
		r["per_device"].as_u64().map(u128::from).unwrap_or_else(|| {
			r["per_device"].as_str().and_then(|v| v.parse().ok()).expect("an amount")
		})
	};
	assert!(per("hotspot", false) > per("hotspot", true), "{s}");
	assert!(per("storage node", false) > 0 && per("storage node", true) == 0, "{s}");
	assert!(per("energy meter", false) > 0 && per("energy meter", true) == 0, "{s}");
}
