#!/usr/bin/env bash
# Benchmarks the runtime's pallets and regenerates their weights: `scripts/bench.sh [pallet ...]`;
# then the chain under load: `scripts/bench.sh agent [depin-agent bench options]` alone, or both
# with no argument.
#
# Load (`agent`): builds depin-node and depin-agent (the workspace's release build) and runs
# `depin-agent bench --node depin-node`: peaks of transfers and coverage reports, then 10 minutes
# of coverage at 110 reports/s; writes bench/results.json and docs/PERFORMANCE.md. Run it on an
# otherwise idle machine: node and load generator share its cores.
#
# - Builds depin-runtime with `runtime-benchmarks` in its own target directory
#   ($HOME/.cache/depin-bench-target), so that a benchmarking wasm can never end up in the node.
# - Runs frame-omni-bencher (installed on first use) over the wasm: our pallets get
#   pallets/<name>/src/weights.rs (scripts/bench/pallet-weight-template.hbs); pallet_balances
#   gets runtime/src/weights/pallet_balances.rs, measured in the same run as the baseline.
# - Writes the comparison of our calls with pallet_balances::transfer_keep_alive to
#   docs/benchmarks.md (scripts/bench/compare.py).
. "$(dirname "$0")/lib/prereqs.sh"
ensure_prereqs
cd "$REPO_ROOT"

run_agent_bench() {
	log "building depin-node and depin-agent"
	cargo build --release --locked --workspace --bins
	log "load benchmark (about 20 minutes)"
	"$CARGO_TARGET_DIR/release/depin-agent" bench --node "$NODE_BIN" --json bench/results.json \
		--doc docs/PERFORMANCE.md "$@"
}
if [ "${1:-}" = agent ]; then
	shift
	run_agent_bench "$@"
	exit 0
fi
both=$([ $# -eq 0 ] && echo yes || echo no)

OMNI_VERSION=0.28.0
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
BENCH_TARGET="$HOME/.cache/depin-bench-target"
OUT_JSON="$BENCH_TARGET/bench-json"

if ! command -v frame-omni-bencher >/dev/null 2>&1 ||
	! frame-omni-bencher --version 2>/dev/null | grep -q "$OMNI_VERSION"; then
	log "installing frame-omni-bencher $OMNI_VERSION (once; about 25 minutes on 2 cores)"
	# It builds RocksDB, whose bindings need libclang (the chain itself does not).
	if ! ls /usr/lib/llvm-*/lib/libclang.so* >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q libclang-dev >&2 ||
			die "frame-omni-bencher needs libclang: install libclang-dev (or clang) first."
	fi
	CARGO_TARGET_DIR="$HOME/.cache/depin-tools-target" \
		cargo install --locked frame-omni-bencher --version "$OMNI_VERSION"
fi

log "building depin-runtime with runtime-benchmarks (target $BENCH_TARGET)"
CARGO_TARGET_DIR="$BENCH_TARGET" cargo build --release --locked -p depin-runtime --features runtime-benchmarks
WASM="$BENCH_TARGET/release/wbuild/depin-runtime/depin_runtime.compact.compressed.wasm"
[ -f "$WASM" ] || die "no benchmark runtime at $WASM"

# pallet name -> weights file; our pallets use our template (trait + impls), the others the
# CLI's runtime template.
ours=(pallet_device_registry pallet_rewards pallet_proof_of_coverage pallet_storage_deals
	pallet_energy_settlement pallet_validator_set)
theirs=(pallet_balances)
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${theirs[@]}" "${ours[@]}")

mkdir -p "$OUT_JSON" runtime/src/weights
for pallet in "${selected[@]}"; do
	args=(v1 benchmark pallet --runtime "$WASM" --genesis-builder-preset development
		--pallet "$pallet" --extrinsic '*' --steps "$STEPS" --repeat "$REPEAT"
		--heap-pages 4096 --json-file "$OUT_JSON/$pallet.json")
	if [[ " ${ours[*]} " == *" $pallet "* ]]; then
		dir="pallets/${pallet#pallet_}"; dir="${dir//_/-}"
		args+=(--template scripts/bench/pallet-weight-template.hbs --output "$dir/src/weights.rs")
	else
		args+=(--output "runtime/src/weights/$pallet.rs")
	fi
	log "benchmarking $pallet"
	frame-omni-bencher "${args[@]}"
done

python3 scripts/bench/compare.py "$OUT_JSON" docs/benchmarks.md
log "wrote docs/benchmarks.md"
[ "$both" = yes ] && run_agent_bench
exit 0
