#!/usr/bin/env bash
# Regenerates the checked-in chain specs from the runtime's genesis presets:
#   chain-specs/local.json  <- preset `local_testnet` (validators Alice and Bob)
# Run it after changing a preset or the runtime (bump `spec_version` with every runtime change):
# node/tests/chain_specs.rs fails until you do, comparing the spec's genesis configuration with the
# preset, and the version and runtime APIs of the runtime it embeds with the current runtime's.
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

cargo build --release --locked -p depin-node
mkdir -p chain-specs
"$NODE_BIN" export-chain-spec --chain local --output chain-specs/local.json
log "wrote chain-specs/local.json ($(wc -c < chain-specs/local.json) bytes)"
