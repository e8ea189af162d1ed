# Shared by scripts/dev.sh, scripts/test.sh and the other scripts: puts what the build needs in place
# on a fresh machine, and sets the shared cargo target directory. Source it; do not run it.
#   . "$(dirname "$0")/lib/prereqs.sh"

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# One target directory outside the clone, shared by every checkout, CI run and script: a fresh
# clone then starts from a warm build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/depin-target}"
NODE_BIN="$CARGO_TARGET_DIR/release/depin-node"

log() { printf '\033[1m[depin]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[depin] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo when it is there.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"
	elif command -v sudo >/dev/null 2>&1; then sudo "$@"
	else return 1
	fi
}

ensure_rust() {
	command -v cargo >/dev/null 2>&1 ||
		die "cargo is not installed. Install Rust with rustup (https://rustup.rs), then run this again."
	if command -v rustup >/dev/null 2>&1; then
		# rustup does not install the targets rust-toolchain.toml lists (RUSTUP_AUTO_INSTALL=0), and
		# the toolchain must never be updated here: only the wasm target is added, quickly when present.
		if ! rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none; then
			log "adding the rust target wasm32v1-none (the runtime is built for it)"
			rustup target add wasm32v1-none >&2 ||
				die "could not add the rust target wasm32v1-none (needs Rust >= 1.84). See README, Troubleshooting."
		fi
	else
		rustc --print target-list | grep -qx wasm32v1-none ||
			die "no rustup and no wasm32v1-none target: install Rust with rustup."
	fi
}

ensure_protoc() {
	command -v protoc >/dev/null 2>&1 && return 0
	log "protoc is missing (litep2p's build needs it): installing protobuf-compiler"
	if command -v apt-get >/dev/null 2>&1; then
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q protobuf-compiler >&2 ||
			{ as_root apt-get update -q >&2 &&
				as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q protobuf-compiler >&2; } ||
			die "could not install protobuf-compiler with apt-get (are you root or a sudoer?). Install it, or point PROTOC at a protoc binary."
	elif command -v brew >/dev/null 2>&1; then
		brew install protobuf >&2 || die "could not install protobuf with brew."
	else
		die "protoc is not installed and there is no apt-get or brew here: install the Protocol Buffers compiler (protoc) and run this again."
	fi
	command -v protoc >/dev/null 2>&1 || die "protobuf-compiler was installed but protoc is not on PATH."
}

ensure_prereqs() {
	ensure_rust
	ensure_protoc
	# C/C++ compilers for binaryen (wasm-opt) and zstd.
	command -v cc >/dev/null 2>&1 && command -v c++ >/dev/null 2>&1 ||
		die "a C and C++ compiler are needed (Debian: apt-get install build-essential)."
	command -v pkg-config >/dev/null 2>&1 || log "warning: pkg-config is missing; openssl-sys may fail to build (Debian: apt-get install pkg-config libssl-dev)."
}

# A TCP port nobody listens on now (the kernel picks it).
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Node.js >= 18 and npm, for the polkadot.js suite: installed with apt when missing.
ensure_node_js() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		log "Node.js is missing (the polkadot.js suite needs it): installing nodejs and npm"
		if command -v apt-get >/dev/null 2>&1; then
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >&2 ||
				{ log "could not install Node.js with apt-get; install Node.js >= 18"; return 1; }
		else
			log "install Node.js >= 18 and npm, then run this again"; return 1
		fi
	fi
	local major
	major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
	if [ "$major" -lt 18 ]; then
		log "Node.js $(node --version) is too old for @polkadot/api: install Node.js >= 18"
		return 1
	fi
}

# Waits until a node answers JSON-RPC on 127.0.0.1:$1, for at most $2 seconds; gives up at once
# when process $3 (optional) has exited.
wait_for_rpc() {
	python3 - "$1" "$2" "${3:-}" <<'PY'
import json, os, sys, time, urllib.request
port, deadline, pid = sys.argv[1], time.time() + float(sys.argv[2]), sys.argv[3]
body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "system_health", "params": []}).encode()
while time.time() < deadline:
    if pid:
        try:
            if open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z":
                sys.exit(1)  # exited, not yet reaped
        except OSError:
            sys.exit(1)  # gone
    try:
        req = urllib.request.Request(f"http://127.0.0.1:{port}", body, {"Content-Type": "application/json"})
        if "result" in json.load(urllib.request.urlopen(req, timeout=2)):
            sys.exit(0)
    except Exception:
        pass
    time.sleep(1)
sys.exit(1)
PY
}
