#!/usr/bin/env bash
# try-runtime against a running node: this tree's runtime, built with the `try-runtime` feature, runs
# on the node's state (downloaded over RPC): every migration with its pre/post checks, then every
# pallet's try_state. The solo runtime for a depin-node, the parachain runtime for a
# polkadot-omni-node collator of it (by the spec name the node reports).
#
#   scripts/try-runtime.sh [all|try-state|on-runtime-upgrade] [--uri ws://127.0.0.1:9944] [--at HASH]
#
# Start a node first (e.g. scripts/dev.sh). The runner (tools/try-runtime, its own workspace, so
# that the try-runtime feature never reaches the chain's builds) is built on first use into its own
# target directory, $HOME/.cache/depin-try-runtime-target: about 10 minutes cold on 2 cores, seconds
# afterwards. It needs no wasm (SKIP_WASM_BUILD=1 is safe in that directory).
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

TARGET="${TRY_RUNTIME_TARGET_DIR:-$HOME/.cache/depin-try-runtime-target}"
BIN="$TARGET/release/depin-try-runtime"
log "building the try-runtime runner (target $TARGET; the first build takes about 10 minutes)"
CARGO_TARGET_DIR="$TARGET" SKIP_WASM_BUILD=1 \
	cargo build --release --locked --manifest-path tools/try-runtime/Cargo.toml >&2 ||
	die "the try-runtime runner did not build"
exec "$BIN" "$@"
