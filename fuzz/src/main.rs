//! `depin-fuzz`: the long mode. Random call sequences over the real runtime on every core until
//! a time or a count is reached; each failure minimised and saved as a regression case that
//! `cargo test` replays; a report of the count, the call mix and the run time.
//!
//! ```text
//! depin-fuzz [--minutes M] [--sequences N] [--seed S] [--threads T] [--max-ops K]
//!            [--regressions DIR] [--report FILE]
//! ```

use depin_fuzz::{ops::random_sequence, Harness, Op, Stats, DEVICES, SIGNERS};
use rand::SeedableRng;
use std::{
	collections::BTreeSet,
	fmt::Write as _,
	path::PathBuf,
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

struct Options {
	minutes: f64,
	sequences: u64,
	seed: u64,
	threads: usize,
	max_ops: usize,
	regressions: PathBuf,
	report: Option<PathBuf>,
}

fn parse() -> Result<Options, String> {
	let mut o = Options {
		minutes: 0.0,
		sequences: 0,
		seed: 0,
		threads: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
		max_ops: 24,
		regressions: PathBuf::from("fuzz/regressions"),
		report: None,
	};
	let mut args = std::env::args().skip(1);
	while let Some(flag) = args.next() {
		let mut value = || args.next().ok_or(format!("{flag} needs a value"));
		let number = |v: String| v.parse::<f64>().map_err(|_| format!("{flag}: not a number: {v}"));
		match flag.as_str() {
			"--minutes" => o.minutes = number(value()?)?,
			"--sequences" => o.sequences = number(value()?)? as u64,
			"--seed" => o.seed = number(value()?)? as u64,
			"--threads" => o.threads = (number(value()?)? as usize).max(1),
			"--max-ops" => o.max_ops = (number(value()?)? as usize).max(1),
			"--regressions" => o.regressions = PathBuf::from(value()?),
			"--report" => o.report = Some(PathBuf::from(value()?)),
			"-h" | "--help" => {
				println!(
					"depin-fuzz [--minutes M] [--sequences N] [--seed S] [--threads T] \
					 [--max-ops K] [--regressions DIR] [--report FILE]\n\
					 Runs random call sequences over the runtime until M minutes or N sequences \
					 (whichever comes first; at least one of them); failures are minimised and \
					 saved in DIR (default fuzz/regressions)."
				);
				std::process::exit(0);
			}
			other => return Err(format!("unknown argument {other} (see --help)")),
		}
	}
	if o.minutes <= 0.0 && o.sequences == 0 {
		return Err("give --minutes or --sequences".into());
	}
	Ok(o)
}

/// The sequence number `i` of a run with `seed` (each reproducible on its own).
pub fn sequence(seed: u64, i: u64, max_ops: usize) -> Vec<Op> {
	let mut rng = rand::rngs::StdRng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ i);
	random_sequence(&mut rng, max_ops, SIGNERS, DEVICES)
}

fn main() {
	let o = match parse() {
		Ok(o) => o,
		Err(e) => {
			eprintln!("depin-fuzz: {e}");
			std::process::exit(2);
		}
	};
	// The prepared state, built once (a setup failure panics here, loudly).
	let prepared = Harness::new();
	println!("depin-fuzz: prepared state of {} trie nodes", prepared.state_nodes());
	// Panics are caught and reported as failures; keep their default output off the terminal.
	std::panic::set_hook(Box::new(|_| {}));
	let deadline =
		(o.minutes > 0.0).then(|| Instant::now() + Duration::from_secs_f64(o.minutes * 60.0));
	let limit = if o.sequences == 0 { u64::MAX } else { o.sequences };
	let next = Arc::new(AtomicU64::new(0));
	let done = Arc::new(AtomicU64::new(0));
	let ops_run = Arc::new(AtomicU64::new(0));
	let stop = Arc::new(AtomicBool::new(false));
	let total = Arc::new(Mutex::new(Stats::default()));
	let failures = Arc::new(Mutex::new(Vec::<(u64, String, usize)>::new()));
	let kinds = Arc::new(Mutex::new(BTreeSet::<String>::new()));
	let start = Instant::now();
	println!(
		"depin-fuzz: {} threads, seed {}, up to {} ops a sequence, until {}",
		o.threads,
		o.seed,
		o.max_ops,
		match (deadline, o.sequences) {
			(Some(_), 0) => format!("{} minutes", o.minutes),
			(None, n) => format!("{n} sequences"),
			(Some(_), n) => format!("{} minutes or {n} sequences", o.minutes),
		}
	);
	let workers: Vec<_> = (0..o.threads)
		.map(|_| {
			let (next, done, ops_run, stop, total, failures, kinds) = (
				next.clone(),
				done.clone(),
				ops_run.clone(),
				stop.clone(),
				total.clone(),
				failures.clone(),
				kinds.clone(),
			);
			let (seed, max_ops, dir) = (o.seed, o.max_ops, o.regressions.clone());
			let harness = prepared.clone();
			std::thread::spawn(move || {
				let mut local = Stats::default();
				loop {
					if stop.load(Ordering::Relaxed) || deadline.is_some_and(|d| Instant::now() > d)
					{
						break;
					}
					let i = next.fetch_add(1, Ordering::Relaxed);
					if i >= limit {
						break;
					}
					let ops = sequence(seed, i, max_ops);
					ops_run.fetch_add(ops.len() as u64, Ordering::Relaxed);
					match harness.run(&ops) {
						Ok(stats) => local.merge(&stats),
						Err(f) => {
							// One saved case per kind of failure; the rest are counted.
							let new = kinds.lock().expect("not poisoned").insert(f.kind());
							let mut saved = 0;
							if new {
								let small = harness.minimise(&ops, &f, 2_000);
								let path = dir.join(format!("seed{seed}-seq{i}.json"));
								let case = serde_json::json!({
									"failure": f.what,
									"found": format!("depin-fuzz --seed {seed}, sequence {i}"),
									"ops": small,
								});
								let _ = std::fs::create_dir_all(&dir);
								match std::fs::write(
									&path,
									serde_json::to_string_pretty(&case).unwrap_or_default(),
								) {
									Ok(()) => {
										println!("FAILURE {}: {} -> {}", i, f.what, path.display())
									}
									Err(e) => println!("FAILURE {i}: {} (not saved: {e})", f.what),
								}
								saved = small.len();
							}
							// `saved` stays 0 for a kind already saved.
							failures.lock().expect("not poisoned").push((i, f.what, saved));
						}
					}
					let n = done.fetch_add(1, Ordering::Relaxed) + 1;
					if n % 50_000 == 0 {
						println!(
							"depin-fuzz: {n} sequences in {:.0} s ({:.0}/s)",
							start.elapsed().as_secs_f64(),
							n as f64 / start.elapsed().as_secs_f64()
						);
					}
				}
				total.lock().expect("not poisoned").merge(&local);
			})
		})
		.collect();
	for w in workers {
		if w.join().is_err() {
			eprintln!("depin-fuzz: a worker thread panicked outside a sequence");
			std::process::exit(2);
		}
	}
	let elapsed = start.elapsed().as_secs_f64();
	let n = done.load(Ordering::Relaxed);
	let total = total.lock().expect("not poisoned").clone();
	let failures = failures.lock().expect("not poisoned").clone();
	let report = report(&o, n, ops_run.load(Ordering::Relaxed), elapsed, &total, &failures);
	println!("{report}");
	if let Some(path) = &o.report {
		if let Err(e) = std::fs::write(path, &report) {
			eprintln!("depin-fuzz: writing {}: {e}", path.display());
		}
	}
	if !failures.is_empty() {
		std::process::exit(1);
	}
}

fn report(
	o: &Options,
	n: u64,
	ops: u64,
	elapsed: f64,
	total: &Stats,
	failures: &[(u64, String, usize)],
) -> String {
	let mut m = String::new();
	let calls: u64 = total.calls.values().map(|c| c.0 + c.1 + c.2).sum();
	let _ = writeln!(
		m,
		"## Fuzzing run\n\n{n} sequences ({ops} steps: {calls} extrinsics, {} blocks) in {:.0} s \
		 ({:.0} sequences/s) on {} threads, seed {}, up to {} draws a sequence (a draw is one \
		 step or, one time in 50, a scripted scenario of several); {} failures.\n",
		total.blocks,
		elapsed,
		n as f64 / elapsed.max(1e-9),
		o.threads,
		o.seed,
		o.max_ops,
		failures.len()
	);
	let _ = writeln!(
		m,
		"Time summed over the threads: applying extrinsics {:.1} s, blocks' hooks and state \
		 roots {:.1} s, invariants {:.1} s.\n",
		total.time[0], total.time[1], total.time[2]
	);
	for (i, what, kept) in failures.iter().take(20) {
		let _ = if *kept > 0 {
			writeln!(m, "- sequence {i}: {what} (minimised to {kept} steps, saved)")
		} else {
			writeln!(m, "- sequence {i}: {what} (a kind already saved)")
		};
	}
	let _ = writeln!(m, "\n| call | succeeded | failed (module error) | refused before dispatch |");
	let _ = writeln!(m, "|---|---:|---:|---:|");
	for (name, (ok, failed, refused)) in &total.calls {
		let _ = writeln!(m, "| {name} | {ok} | {failed} | {refused} |");
	}
	let _ = writeln!(m, "\n| error | times |\n|---|---:|");
	for (name, count) in &total.errors {
		let _ = writeln!(m, "| {name} | {count} |");
	}
	let _ = writeln!(m, "\n| refused before dispatch (transaction validity) | times |\n|---|---:|");
	for (why, count) in &total.refusals {
		let _ = writeln!(m, "| {why} | {count} |");
	}
	m
}
