# The parachain tools: the relay chain (`polkadot`, with its two PVF workers) and the collator
# (`polkadot-omni-node`), at the stable2609 versions the chain is built on. Sourced after
# prereqs.sh by scripts/test.sh and scripts/para.sh; do not run it.
#
# A binary the user already has is used as it is: POLKADOT_BIN / OMNI_NODE_BIN, else the tools
# cache (DEPIN_TOOLS_DIR, ~/.cache/depin-tools: outside the clone, like the target directory),
# else PATH. Only `install_para_tools` builds: `cargo install --locked` from crates.io into the
# tools cache, sharing CARGO_TARGET_DIR with the chain's build (once; the measured times are in
# the README, "Run as a parachain").

DEPIN_TOOLS_DIR="${DEPIN_TOOLS_DIR:-$HOME/.cache/depin-tools}"
export DEPIN_TOOLS_DIR
# polkadot 41.0.0 is the stable2609 relay chain (polkadot-cli 42.0.0, as the umbrella crate
# polkadot-sdk 2609.2.0 pins; the binary reports 1.25.1); polkadot-omni-node 0.24.0 its collator.
POLKADOT_CRATE_VERSION=41.0.0
OMNI_NODE_CRATE_VERSION=0.24.0
# The parachain runtime's wasm, built by `cargo build/test --release --workspace`.
DEPIN_PARA_WASM="${DEPIN_PARA_WASM:-$CARGO_TARGET_DIR/release/wbuild/depin-para-runtime/depin_para_runtime.compact.compressed.wasm}"
export DEPIN_PARA_WASM

# The path of tool $2 (a binary name), from variable $1, the tools cache or PATH; empty if none.
# polkadot is only usable with its workers beside it.
find_tool() {
	local var="$1" name="$2" path=""
	if [ -n "${!var:-}" ]; then
		path="${!var}"
	elif [ -x "$DEPIN_TOOLS_DIR/bin/$name" ]; then
		path="$DEPIN_TOOLS_DIR/bin/$name"
	else
		path="$(command -v "$name" 2>/dev/null || true)"
	fi
	[ -n "$path" ] && [ -x "$path" ] || return 0
	if [ "$name" = polkadot ]; then
		local dir
		dir="$(dirname "$path")"
		[ -x "$dir/polkadot-prepare-worker" ] && [ -x "$dir/polkadot-execute-worker" ] || return 0
	fi
	echo "$path"
}

# Sets POLKADOT_BIN and OMNI_NODE_BIN when both tools are found; returns 1 otherwise.
para_tools_found() {
	local polkadot omni
	polkadot="$(find_tool POLKADOT_BIN polkadot)"
	omni="$(find_tool OMNI_NODE_BIN polkadot-omni-node)"
	[ -n "$polkadot" ] && [ -n "$omni" ] || return 1
	export POLKADOT_BIN="$polkadot" OMNI_NODE_BIN="$omni"
}

# clang and libclang: polkadot keeps RocksDB, whose bindings need them. Returns 1 (after saying
# why) if they cannot be installed.
ensure_clang() {
	command -v clang >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q 'libclang[-.0-9]*\.so' && return 0
	log "clang/libclang are missing (the relay chain's RocksDB needs them): installing clang libclang-dev"
	command -v apt-get >/dev/null 2>&1 || {
		log "error: install clang and libclang (the relay chain's RocksDB bindings need them), then run this again."
		return 1
	}
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang libclang-dev >&2 ||
		{ as_root apt-get update -q >&2 &&
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang libclang-dev >&2; } ||
		{ log "error: could not install clang and libclang-dev with apt-get (are you root or a sudoer?)."; return 1; }
}

# Builds what is missing into the tools cache, saying what it does while the long builds run.
# Returns 1 (after saying why) if a build fails, so that scripts/test.sh can still report the
# parts that ran.
install_para_tools() {
	local start
	if [ -z "$(find_tool POLKADOT_BIN polkadot)" ]; then
		ensure_clang || return 1
		start=$(date +%s)
		log "building the relay chain: cargo install polkadot@$POLKADOT_CRATE_VERSION into $DEPIN_TOOLS_DIR"
		log "  (once: 20 min measured on 2 cores into a target directory warm from the chain and omni-node,"
		log "   about 40 from the chain's alone; it builds RocksDB, OpenSSL and the rococo and westend runtimes)"
		cargo install --locked "polkadot@$POLKADOT_CRATE_VERSION" --root "$DEPIN_TOOLS_DIR" >&2 ||
			{ log "error: building polkadot failed (see above)"; return 1; }
		log "polkadot installed in $(( ($(date +%s) - start) / 60 )) min"
	fi
	if [ -z "$(find_tool OMNI_NODE_BIN polkadot-omni-node)" ]; then
		start=$(date +%s)
		log "building the collator: cargo install polkadot-omni-node@$OMNI_NODE_CRATE_VERSION into $DEPIN_TOOLS_DIR"
		log "  (once: 84 min measured on 2 cores into an empty target directory; less when it is warm)"
		cargo install --locked "polkadot-omni-node@$OMNI_NODE_CRATE_VERSION" --root "$DEPIN_TOOLS_DIR" >&2 ||
			{ log "error: building polkadot-omni-node failed (see above)"; return 1; }
		log "polkadot-omni-node installed in $(( ($(date +%s) - start) / 60 )) min"
	fi
	para_tools_found || { log "error: the parachain tools are still not found after installing them"; return 1; }
}
