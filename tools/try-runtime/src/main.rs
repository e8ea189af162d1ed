//! `depin-try-runtime`: try-runtime for this chain, without the try-runtime CLI.
//!
//! ```text
//! depin-try-runtime [on-runtime-upgrade|try-state|all] [--uri http://127.0.0.1:9944] [--at HASH]
//! ```
//!
//! 1. Downloads the whole state of a running node at a block (its finalized head unless `--at`)
//!    over JSON-RPC (`state_getKeysPaged`, `state_queryStorageAt`), as the try-runtime CLI's
//!    remote externalities do.
//! 2. Runs this tree's runtime of that chain, compiled natively with the `try-runtime` feature, on
//!    that state: the solo runtime (`depin-runtime`) for a `depin-node`, the parachain runtime
//!    (`depin-para-runtime`) for a `polkadot-omni-node` collator of it, chosen by the spec name
//!    the node reports:
//!    - `on-runtime-upgrade`: every migration of the runtime (`Executive::try_runtime_upgrade`,
//!      with every `pre_upgrade`/`post_upgrade` check and then every pallet's `try_state`), and
//!      the upgrade's weight against the block's maximum;
//!    - `try-state`: every pallet's `try_state` on the state as it is;
//!    - `all` (the default): both, `try-state` first.
//!
//! Exit status 0 when every check passes, 1 when one fails (the failure is printed), 2 for a
//! usage or connection error.

use frame_support::{
	traits::{TryState, TryStateSelect},
	weights::Weight,
};
use frame_try_runtime::UpgradeCheckSelect;
use serde_json::{json, Value};
use sp_runtime::TryRuntimeError;
use sp_version::RuntimeVersion;
use std::{
	io::{Read, Write},
	net::TcpStream,
	process::ExitCode,
	time::{Duration, Instant},
};

/// Keys fetched per `state_getKeysPaged` call (the node's maximum is 1,000).
const PAGE: usize = 1_000;
/// Values fetched per `state_queryStorageAt` call.
const BATCH: usize = 200;

/// What the checks need of one of this tree's runtimes.
struct Target {
	version: RuntimeVersion,
	block_number: fn() -> u32,
	try_state: fn(u32) -> Result<(), TryRuntimeError>,
	upgrade: fn(UpgradeCheckSelect) -> Result<Weight, TryRuntimeError>,
	max_block: fn() -> Weight,
}

/// The [`Target`] of runtime crate `$rt`.
macro_rules! target {
	($rt:ident) => {
		Target {
			version: $rt::VERSION,
			block_number: || frame_system::Pallet::<$rt::Runtime>::block_number(),
			try_state: |n| {
				<$rt::AllPalletsWithSystem as TryState<u32>>::try_state(n, TryStateSelect::All)
			},
			upgrade: |checks| $rt::Executive::try_runtime_upgrade(checks),
			max_block: || $rt::configs::RuntimeBlockWeights::get().max_block,
		}
	};
}

/// This tree's runtimes: the solo chain's and the parachain's.
fn targets() -> [Target; 2] {
	[target!(depin_runtime), target!(depin_para_runtime)]
}

#[derive(Clone, Copy, PartialEq)]
enum Check {
	Upgrade,
	State,
	All,
}

struct Args {
	check: Check,
	uri: String,
	at: Option<String>,
}

fn usage() -> String {
	"usage: depin-try-runtime [on-runtime-upgrade|try-state|all] [--uri http://127.0.0.1:9944] [--at HASH]"
		.to_string()
}

fn parse_args() -> Result<Args, String> {
	let mut args = Args { check: Check::All, uri: "http://127.0.0.1:9944".into(), at: None };
	let mut it = std::env::args().skip(1);
	while let Some(arg) = it.next() {
		match arg.as_str() {
			"on-runtime-upgrade" => args.check = Check::Upgrade,
			"try-state" => args.check = Check::State,
			"all" => args.check = Check::All,
			"--uri" => args.uri = it.next().ok_or_else(usage)?,
			"--at" => args.at = Some(it.next().ok_or_else(usage)?),
			"-h" | "--help" => return Err(usage()),
			other => return Err(format!("unknown argument {other:?}\n{}", usage())),
		}
	}
	// The node serves HTTP and WebSocket on one port; this tool speaks HTTP.
	args.uri = args.uri.replacen("ws://", "http://", 1);
	if !args.uri.starts_with("http://") {
		return Err(format!("{}: only plain http:// or ws:// node URIs are supported", args.uri));
	}
	Ok(args)
}

/// A minimal JSON-RPC client over HTTP/1.1 (one connection per call).
struct Rpc {
	host: String,
	path: String,
}

impl Rpc {
	fn new(uri: &str) -> Self {
		let rest = uri.trim_start_matches("http://");
		let (host, path) = match rest.find('/') {
			Some(i) => (rest[..i].to_string(), rest[i..].to_string()),
			None => (rest.to_string(), "/".to_string()),
		};
		Self { host, path }
	}

	fn call(&self, method: &str, params: Value) -> Result<Value, String> {
		let body =
			json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).to_string();
		let mut stream = TcpStream::connect(&self.host)
			.map_err(|e| format!("cannot reach the node at {}: {e}", self.host))?;
		stream.set_read_timeout(Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
		let request = format!(
			"POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
			self.path,
			self.host,
			body.len(),
			body
		);
		stream.write_all(request.as_bytes()).map_err(|e| format!("{method}: {e}"))?;
		let mut response = Vec::new();
		stream.read_to_end(&mut response).map_err(|e| format!("{method}: {e}"))?;
		let split = response
			.windows(4)
			.position(|w| w == b"\r\n\r\n")
			.ok_or_else(|| format!("{method}: malformed HTTP response"))?;
		let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
		let mut payload = response[split + 4..].to_vec();
		if head.contains("transfer-encoding: chunked") {
			payload =
				dechunk(&payload).ok_or_else(|| format!("{method}: malformed chunked body"))?;
		}
		if !head.starts_with("http/1.1 200") {
			return Err(format!("{method}: {}", String::from_utf8_lossy(&payload)));
		}
		let reply: Value =
			serde_json::from_slice(&payload).map_err(|e| format!("{method}: not JSON: {e}"))?;
		if let Some(error) = reply.get("error") {
			return Err(format!("{method}: {error}"));
		}
		Ok(reply["result"].clone())
	}
}

/// Decodes an HTTP/1.1 chunked body.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
	let mut out = Vec::new();
	loop {
		let line_end = body.windows(2).position(|w| w == b"\r\n")?;
		let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
		let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
		body = &body[line_end + 2..];
		if size == 0 {
			return Some(out);
		}
		out.extend_from_slice(body.get(..size)?);
		body = body.get(size + 2..)?;
	}
}

fn unhex(s: &str) -> Result<Vec<u8>, String> {
	sp_core::bytes::from_hex(s).map_err(|e| format!("bad hex {s:?}: {e}"))
}

/// A storage key and its value.
type KeyValue = (Vec<u8>, Vec<u8>);

/// The node's whole state at `at`: every key and value of the main trie.
fn download(rpc: &Rpc, at: &str) -> Result<Vec<KeyValue>, String> {
	let mut keys: Vec<String> = Vec::new();
	loop {
		let start = keys.last().cloned();
		let page = rpc.call("state_getKeysPaged", json!(["0x", PAGE, start, at]))?;
		let page: Vec<String> = serde_json::from_value(page).map_err(|e| e.to_string())?;
		let full = page.len() == PAGE;
		keys.extend(page);
		if !full {
			break;
		}
	}
	if keys.iter().any(|k| k.starts_with("0x3a6368696c645f73746f726167653a")) {
		return Err("the state has child tries, which this tool does not download".into());
	}
	let mut pairs = Vec::with_capacity(keys.len());
	for chunk in keys.chunks(BATCH) {
		let sets = rpc.call("state_queryStorageAt", json!([chunk, at]))?;
		let changes = sets
			.get(0)
			.and_then(|set| set.get("changes"))
			.and_then(Value::as_array)
			.ok_or("state_queryStorageAt: no changes")?;
		for change in changes {
			let key = change.get(0).and_then(Value::as_str).ok_or("a change without a key")?;
			if let Some(value) = change.get(1).and_then(Value::as_str) {
				pairs.push((unhex(key)?, unhex(value)?));
			}
		}
	}
	Ok(pairs)
}

fn run() -> Result<bool, String> {
	let args = parse_args()?;
	let rpc = Rpc::new(&args.uri);
	let at = match args.at {
		Some(at) => at,
		None => rpc
			.call("chain_getFinalizedHead", json!([]))?
			.as_str()
			.ok_or("no finalized head")?
			.to_string(),
	};
	let header = rpc.call("chain_getHeader", json!([at]))?;
	let number = header["number"].as_str().ok_or_else(|| format!("no block {at}"))?.to_string();
	let version = rpc.call("state_getRuntimeVersion", json!([at]))?;
	let spec_name = version["specName"].as_str().unwrap_or("?").to_string();
	let targets = targets();
	let target = targets.iter().find(|t| t.version.spec_name == spec_name.as_str());
	let native = target.map(|t| format!("{} v{}", t.version.spec_name, t.version.spec_version));
	println!(
		"node {}: block {} ({}), runtime {} v{}; this tree's runtime {}",
		args.uri,
		u64::from_str_radix(number.trim_start_matches("0x"), 16).unwrap_or_default(),
		at,
		spec_name,
		version["specVersion"],
		native.as_deref().unwrap_or("-"),
	);
	let Some(target) = target else {
		let ours: Vec<String> = targets.iter().map(|t| t.version.spec_name.to_string()).collect();
		return Err(format!(
			"the node runs another chain's runtime ({spec_name}; this tree's are {})",
			ours.join(", ")
		));
	};

	let started = Instant::now();
	let pairs = download(&rpc, &at)?;
	let bytes: usize = pairs.iter().map(|(k, v)| k.len() + v.len()).sum();
	println!("downloaded {} keys, {} bytes, in {:.1?}", pairs.len(), bytes, started.elapsed());

	let mut ext = sp_io::TestExternalities::new_empty();
	for (key, value) in pairs {
		ext.insert(key, value);
	}
	let mut passed = true;
	ext.execute_with(|| {
		let block = (target.block_number)();
		if matches!(args.check, Check::State | Check::All) {
			match (target.try_state)(block) {
				Ok(()) => println!("try-state: every pallet's invariants hold at block {block}"),
				Err(e) => {
					println!("try-state FAILED at block {block}: {e:?}");
					passed = false;
				}
			}
		}
		if matches!(args.check, Check::Upgrade | Check::All) {
			match (target.upgrade)(UpgradeCheckSelect::All) {
				Ok(weight) => {
					let max = (target.max_block)();
					println!(
						"on-runtime-upgrade: migrations, pre/post checks and try-state passed; \
						 weight {} ps / {} bytes of proof ({:.2}% of a block's ref time)",
						weight.ref_time(),
						weight.proof_size(),
						weight.ref_time() as f64 * 100.0 / max.ref_time() as f64
					);
				}
				Err(e) => {
					println!("on-runtime-upgrade FAILED: {e:?}");
					passed = false;
				}
			}
		}
	});
	Ok(passed)
}

fn main() -> ExitCode {
	// The runtime logs which check failed (a pallet's `try_state` error); print it.
	sp_tracing::try_init_simple();
	match run() {
		Ok(true) => ExitCode::SUCCESS,
		Ok(false) => ExitCode::from(1),
		Err(e) => {
			eprintln!("depin-try-runtime: {e}");
			ExitCode::from(2)
		}
	}
}
