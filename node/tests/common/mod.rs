//! Test harness: starts the built `depin-node` on free loopback ports, talks JSON-RPC to it over
//! HTTP (std only: no client crate, so the test build resolves the same features as the node),
//! and always stops it. Each node's log goes to a file whose path is printed when a test fails.

#![allow(dead_code)] // each test binary uses its own part of the harness

pub mod chain;

use serde_json::{json, Value};
use std::{
	fs::File,
	io::{Read, Write},
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Stdio},
	sync::atomic::{AtomicUsize, Ordering},
	time::{Duration, Instant},
};

pub type Result<T> = std::result::Result<T, String>;

/// The node binary cargo built for these tests.
pub fn node_binary() -> &'static str {
	env!("CARGO_BIN_EXE_depin-node")
}

/// A port that nothing listens on now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.unwrap_or_else(|e| panic!("no free port: {e}"))
}

/// A fresh directory for one test's files, under cargo's per-target test scratch space.
pub fn scratch_dir(name: &str) -> PathBuf {
	static N: AtomicUsize = AtomicUsize::new(0);
	let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
		"{name}-{}-{}",
		std::process::id(),
		N.fetch_add(1, Ordering::Relaxed)
	));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
	dir
}

/// A running `depin-node`, killed when dropped.
pub struct Node {
	pub name: String,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub log: PathBuf,
	child: Option<Child>,
}

impl Node {
	/// Starts `depin-node <args>` with fresh RPC, p2p and Prometheus ports; logs to `dir/<name>.log`.
	pub fn start(name: &str, dir: &Path, args: &[&str]) -> Node {
		let (rpc_port, p2p_port, prom_port) = (free_port(), free_port(), free_port());
		Self::start_on(name, dir, args, rpc_port, p2p_port, prom_port)
	}

	/// Like `start`, on the given ports (to restart a node where it was).
	pub fn start_on(
		name: &str,
		dir: &Path,
		args: &[&str],
		rpc_port: u16,
		p2p_port: u16,
		prom_port: u16,
	) -> Node {
		let log = dir.join(format!("{name}.log"));
		let out = File::options()
			.create(true)
			.append(true)
			.open(&log)
			.unwrap_or_else(|e| panic!("open {}: {e}", log.display()));
		let err = out.try_clone().unwrap_or_else(|e| panic!("dup log: {e}"));
		let child = Command::new(node_binary())
			.args(args)
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--prometheus-port", &prom_port.to_string()])
			.args(["--no-telemetry", "--no-mdns", "--listen-addr"])
			.arg(format!("/ip4/127.0.0.1/tcp/{p2p_port}"))
			.stdin(Stdio::null())
			.stdout(out)
			.stderr(err)
			.spawn()
			.unwrap_or_else(|e| panic!("spawn {}: {e}", node_binary()));
		eprintln!("started {name} (pid {}), rpc {rpc_port}, log {}", child.id(), log.display());
		Node { name: name.into(), rpc_port, p2p_port, log, child: Some(child) }
	}

	/// One JSON-RPC call; the `result`, or the error object as text.
	pub fn rpc(&self, method: &str, params: Value) -> Result<Value> {
		rpc_call(self.rpc_port, method, params)
	}

	/// Waits until the RPC server answers.
	pub fn wait_rpc(&mut self, timeout: Duration) -> Result<()> {
		self.wait_until(timeout, "RPC to answer", |n| {
			n.rpc("system_health", json!([])).map(|_| true)
		})
	}

	/// Polls `cond` every 500 ms until it returns true, the node exits, or `timeout` passes.
	pub fn wait_until(
		&mut self,
		timeout: Duration,
		what: &str,
		mut cond: impl FnMut(&Node) -> Result<bool>,
	) -> Result<()> {
		let start = Instant::now();
		let mut last = String::from("not checked yet");
		while start.elapsed() < timeout {
			if let Some(status) = self.try_exit_status() {
				return Err(self.failure(&format!("exited ({status}) while waiting for {what}")));
			}
			match cond(self) {
				Ok(true) => return Ok(()),
				Ok(false) => last = "condition false".into(),
				Err(e) => last = e,
			}
			std::thread::sleep(Duration::from_millis(500));
		}
		Err(self.failure(&format!("timed out after {timeout:?} waiting for {what} (last: {last})")))
	}

	/// Number of the best block.
	pub fn best_number(&self) -> Result<u64> {
		header_number(&self.rpc("chain_getHeader", json!([]))?)
	}

	/// Number of the last finalized block.
	pub fn finalized_number(&self) -> Result<u64> {
		let hash = self.rpc("chain_getFinalizedHead", json!([]))?;
		header_number(&self.rpc("chain_getHeader", json!([hash]))?)
	}

	/// Hash of the canonical block at `number`, if the node has it.
	pub fn block_hash(&self, number: u64) -> Result<Option<String>> {
		let v = self.rpc("chain_getBlockHash", json!([number]))?;
		Ok(v.as_str().map(str::to_owned))
	}

	/// The node's libp2p address on loopback, for `--bootnodes`.
	pub fn multiaddr(&self) -> Result<String> {
		let peer_id = self.rpc("system_localPeerId", json!([]))?;
		let peer_id = peer_id.as_str().ok_or("system_localPeerId: not a string")?;
		Ok(format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", self.p2p_port))
	}

	/// Sends SIGINT (what Ctrl-C sends) and waits for a clean exit.
	pub fn interrupt(&mut self, timeout: Duration) -> Result<ExitStatus> {
		let pid = self.child.as_ref().ok_or("node not running")?.id();
		let sent = Command::new("kill").args(["-INT", &pid.to_string()]).status();
		if !matches!(sent, Ok(s) if s.success()) {
			return Err(format!("kill -INT {pid} failed: {sent:?}"));
		}
		let start = Instant::now();
		while start.elapsed() < timeout {
			if let Some(status) = self.try_exit_status() {
				self.child = None;
				return Ok(status);
			}
			std::thread::sleep(Duration::from_millis(200));
		}
		Err(self.failure("did not exit after SIGINT"))
	}

	fn try_exit_status(&mut self) -> Option<ExitStatus> {
		self.child.as_mut().and_then(|c| c.try_wait().ok().flatten())
	}

	/// An error message with the log's path and its last lines.
	pub fn failure(&self, what: &str) -> String {
		let text = std::fs::read_to_string(&self.log).unwrap_or_default();
		let tail: Vec<&str> = text.lines().rev().take(30).collect();
		let tail: Vec<&str> = tail.into_iter().rev().collect();
		format!(
			"{}: {what}\nlog kept at {}\n--- last lines ---\n{}",
			self.name,
			self.log.display(),
			tail.join("\n")
		)
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

fn header_number(header: &Value) -> Result<u64> {
	let n = header["number"].as_str().ok_or_else(|| format!("header without number: {header}"))?;
	u64::from_str_radix(n.trim_start_matches("0x"), 16).map_err(|e| format!("number {n}: {e}"))
}

/// JSON-RPC 2.0 over HTTP/1.1 on 127.0.0.1:`port`.
pub fn rpc_call(port: u16, method: &str, params: Value) -> Result<Value> {
	let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).to_string();
	let mut stream =
		TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("{method}: {e}"))?;
	stream.set_read_timeout(Some(Duration::from_secs(30))).map_err(|e| e.to_string())?;
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)
	.map_err(|e| format!("{method}: {e}"))?;
	let mut response = Vec::new();
	stream.read_to_end(&mut response).map_err(|e| format!("{method}: {e}"))?;
	let response = String::from_utf8_lossy(&response);
	let (head, body) = response
		.split_once("\r\n\r\n")
		.ok_or_else(|| format!("{method}: malformed HTTP response"))?;
	let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
		dechunk(body)?
	} else {
		body.to_string()
	};
	let reply: Value =
		serde_json::from_str(&body).map_err(|e| format!("{method}: bad JSON ({e}): {body}"))?;
	match reply.get("error") {
		Some(error) => Err(format!("{method}: RPC error {error}")),
		None => Ok(reply["result"].clone()),
	}
}

fn dechunk(mut body: &str) -> Result<String> {
	let mut out = String::new();
	loop {
		let (size, rest) = body.split_once("\r\n").ok_or("bad chunk")?;
		let size = usize::from_str_radix(size.trim(), 16).map_err(|e| e.to_string())?;
		if size == 0 {
			return Ok(out);
		}
		out.push_str(rest.get(..size).ok_or("short chunk")?);
		body = rest.get(size + 2..).ok_or("short chunk")?;
	}
}

/// Output of a `depin-node` command that is expected to end by itself.
pub struct Finished {
	pub status: ExitStatus,
	pub stdout: String,
	pub stderr: String,
}

/// Runs `depin-node <args>` to completion (killed after 60 s).
pub fn run_to_end(args: &[&str]) -> Finished {
	let mut child = Command::new(node_binary())
		.args(args)
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.unwrap_or_else(|e| panic!("spawn: {e}"));
	let start = Instant::now();
	loop {
		if let Ok(Some(_)) = child.try_wait() {
			break;
		}
		if start.elapsed() > Duration::from_secs(60) {
			let _ = child.kill();
			break;
		}
		std::thread::sleep(Duration::from_millis(100));
	}
	let out = child.wait_with_output().unwrap_or_else(|e| panic!("wait: {e}"));
	Finished {
		status: out.status,
		stdout: String::from_utf8_lossy(&out.stdout).into(),
		stderr: String::from_utf8_lossy(&out.stderr).into(),
	}
}
