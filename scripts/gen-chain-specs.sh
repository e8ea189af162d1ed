#!/usr/bin/env bash
# Regenerates the checked-in chain specs from the runtime's genesis presets:
#   chain-specs/local.json  <- preset `local_testnet` (validators Alice and Bob)
# Run it after changing a preset; the test `local_spec_matches_the_local_testnet_preset` fails
# until you do. The spec embeds the runtime wasm of the build that wrote it; the test compares
# only the genesis configuration, so a runtime change alone does not force a new file.
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

cargo build --release --locked -p depin-node
mkdir -p chain-specs
"$NODE_BIN" export-chain-spec --chain local --output chain-specs/local.json
log "wrote chain-specs/local.json ($(wc -c < chain-specs/local.json) bytes)"
