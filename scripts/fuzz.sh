#!/usr/bin/env bash
# Long-mode runtime fuzzing: `scripts/fuzz.sh [minutes] [depin-fuzz options]` (default 60 minutes).
#
# Builds depin-fuzz (the workspace's release build, shared with the node and the tests) and runs
# random call sequences over the real runtime on every core, checking every invariant after
# every block (fuzz/src/lib.rs). Failures are minimised and saved in fuzz/regressions/, which
# `scripts/test.sh` replays (fuzz/tests/short.rs); the run's count, call mix and time are written
# to docs/fuzzing-run.md. Exit status 1 if anything failed.
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

minutes="${1:-60}"
[ $# -gt 0 ] && shift
case "$minutes" in
	''|*[!0-9.]*) die "usage: scripts/fuzz.sh [minutes] [depin-fuzz options]" ;;
esac
log "building depin-fuzz"
cargo build --release --locked --workspace --bins
log "fuzzing for $minutes minutes (failures: fuzz/regressions/, report: docs/fuzzing-run.md)"
"$CARGO_TARGET_DIR/release/depin-fuzz" --minutes "$minutes" --regressions fuzz/regressions \
	--report docs/fuzzing-run.md "$@"
