#!/usr/bin/env bash
# Regenerates the checked-in chain specs from the runtime's genesis presets:
#   chain-specs/local.json       <- preset `local_testnet` (validators Alice and Bob)
#   chain-specs/para-local.json  <- the parachain runtime's `local_testnet` (para 2000 on rococo-local,
#                                   collators Alice and Bob), for polkadot-omni-node
# Run it after changing a preset or the runtime (bump `spec_version` with every runtime change):
# node/tests/chain_specs.rs fails until you do, comparing the spec's genesis configuration with the
# preset, and the version and runtime APIs of the runtime it embeds with the current runtime's.
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

cargo build --release --locked --workspace --bin depin-node
mkdir -p chain-specs
"$NODE_BIN" export-chain-spec --chain local --output chain-specs/local.json
log "wrote chain-specs/local.json ($(wc -c < chain-specs/local.json) bytes)"
DEPIN_UPDATE_CHAIN_SPECS=1 cargo test --release --locked --workspace --test chain_specs -- para_local
log "wrote chain-specs/para-local.json ($(wc -c < chain-specs/para-local.json) bytes)"
