#!/usr/bin/env bash
# Spawns the DePIN parachain on a local relay chain: `scripts/para.sh`.
# zombienet/para.toml: two `polkadot` validators on rococo-local, parachain 2000 collated by two
# `polkadot-omni-node` collators (alice, bob) running depin-para-runtime. Installs what is missing
# on a fresh machine (the relay chain and collator binaries are built once into
# ~/.cache/depin-tools, 1-2 hours on 2 cores; see the README), builds the runtime, then keeps the network
# running until Ctrl-C and prints every node's RPC endpoint (polkadot.js: the collators' ports).
. "$(dirname "$0")/lib/prereqs.sh"
. "$(dirname "$0")/lib/para-tools.sh"
ensure_prereqs
cd "$REPO_ROOT"

para_tools_found || install_para_tools || die "the parachain tools are missing and could not be built (see above)"
log "relay chain: $POLKADOT_BIN"
log "collator: $OMNI_NODE_BIN"
log "building the parachain runtime (release; shares the chain's target directory)"
cargo build --release --locked --workspace --lib
[ -f "$DEPIN_PARA_WASM" ] || die "no parachain runtime at $DEPIN_PARA_WASM after the build"

# The network file names its commands; put the chosen binaries first on PATH under those names.
bin_dir="$(mktemp -d -t depin-para-bin.XXXXXX)"
trap 'rm -rf "$bin_dir"' EXIT
# (polkadot finds its PVF workers beside its real path.)
ln -s "$POLKADOT_BIN" "$bin_dir/polkadot"
ln -s "$OMNI_NODE_BIN" "$bin_dir/polkadot-omni-node"
export PATH="$bin_dir:$PATH"

log "spawning zombienet/para.toml (Ctrl-C stops it)"
cd zombienet/tests
cargo run --release --locked --example spawn -- ../para.toml
