#!/usr/bin/env bash
# Runs every test of the project: `scripts/test.sh`. CI runs this through .ci/run.
# One `cargo test --release --workspace` builds the node and runs the unit, runtime and node
# integration tests on that same release build (no second profile, no per-package rebuilds).
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

log "CARGO_TARGET_DIR=$CARGO_TARGET_DIR"
start=$(date +%s)
log_file="$(mktemp -t depin-cargo-test.XXXXXX)"
set +e
cargo test --release --locked --workspace --no-fail-fast 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}
set -e

echo
echo "== cargo test summary =="
grep -E '^test result:|^error|FAILED|panicked' "$log_file" | grep -v '^test .* ok$' || true
echo "cargo test: exit $status, $(( $(date +%s) - start )) s"
rm -f "$log_file"
exit "$status"
