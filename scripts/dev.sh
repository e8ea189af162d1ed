#!/usr/bin/env bash
# Starts a single-validator development chain: `scripts/dev.sh [extra depin-node options]`.
# Installs what is missing on a fresh machine, builds depin-node (release), then runs
# `depin-node --dev` with RPC on ws://127.0.0.1:9944 (override with RPC_PORT=...).
# The chain is thrown away on exit; keep it with `scripts/dev.sh --base-path ./my-chain`.
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

log "building depin-node (release; the first build takes about 20 minutes on 2 cores)"
cargo build --release --locked -p depin-node

RPC_PORT="${RPC_PORT:-9944}"
log "starting the dev chain: RPC ws://127.0.0.1:$RPC_PORT, Prometheus http://127.0.0.1:9615/metrics"
exec "$NODE_BIN" --dev --rpc-port "$RPC_PORT" "$@"
