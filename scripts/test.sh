#!/usr/bin/env bash
# Runs every test of the project: `scripts/test.sh`. CI runs this through .ci/run.
#
# 1. One `cargo test --release --workspace` builds the node and runs the unit, runtime and node
#    integration tests on that same release build (no second profile, no per-package rebuilds).
# 2. The polkadot.js suite (e2e/, node's built-in test runner) against a fresh `depin-node --dev`,
#    then the depin-agent's live test (agent/tests/live.rs: keys, registration, two coverage
#    rounds among four hotspots, a claim, its errors; storage and energy; a small simulate with
#    cheaters) against the same node.
# 3. The zombienet scenarios (zombienet/tests, its own workspace and lock) on the same node binary
#    and target directory.
# 4. The parachain scenarios (zombienet/tests/tests/parachain.rs: depin-para-runtime collated by
#    two polkadot-omni-node collators on a rococo-local relay chain of two polkadot validators),
#    when the parachain tools are found (POLKADOT_BIN / OMNI_NODE_BIN, ~/.cache/depin-tools, PATH).
#    `scripts/test.sh --para` (or DEPIN_PARA=1) first builds the missing tools into the tools cache
#    (once; measured costs in the README, "Run as a parachain"); otherwise one line says they were
#    not run.
# Each part runs even when an earlier one fails; the exit status is non-zero if any failed.
. "$(dirname "$0")/lib/prereqs.sh"
. "$(dirname "$0")/lib/para-tools.sh"

para_wanted="${DEPIN_PARA:-0}"
for arg in "$@"; do
	case "$arg" in
		--para) para_wanted=1 ;;
		*) die "unknown option $arg (scripts/test.sh [--para])" ;;
	esac
done

ensure_prereqs
cd "$REPO_ROOT"

log "CARGO_TARGET_DIR=$CARGO_TARGET_DIR"
start=$(date +%s)
failed=()
summary=()

# -- 1. cargo test ---------------------------------------------------------------------------
log_file="$(mktemp -t depin-cargo-test.XXXXXX)"
set +e
cargo test --release --locked --workspace --no-fail-fast 2>&1 | tee "$log_file"
cargo_status=${PIPESTATUS[0]}
set -e
[ "$cargo_status" -eq 0 ] || failed+=("cargo test")
cargo_summary="$(grep -E '^\s+(Running|Doc-tests) |^test result:|^error|FAILED|panicked' "$log_file" |
	sed -E 's/^\s+Running ([^ ]+).*/\1:/; s/^\s+Doc-tests (.*)/doc-tests \1:/' || true)"
rm -f "$log_file"
summary+=("cargo test: exit $cargo_status, $(( $(date +%s) - start )) s")

# -- 2. polkadot.js end-to-end suite ---------------------------------------------------------
js_start=$(date +%s)
js_line="JS suite: not run"
if [ ! -x "$NODE_BIN" ]; then
	failed+=("JS suite (no node binary)")
elif ! ensure_node_js; then
	failed+=("JS suite (no Node.js)")
else
	(cd e2e && npm ci --no-audit --no-fund --loglevel=error) || failed+=("npm ci")
	rpc_port=$(free_port)
	node_dir="$(mktemp -d -t depin-e2e.XXXXXX)"
	"$NODE_BIN" --dev --tmp --rpc-port "$rpc_port" --no-prometheus \
		--listen-addr "/ip4/127.0.0.1/tcp/$(free_port)" >"$node_dir/node.log" 2>&1 &
	node_pid=$!
	stop_node() { kill -INT "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }
	trap stop_node EXIT
	if wait_for_rpc "$rpc_port" 120 "$node_pid"; then
		js_log="$node_dir/js.log"
		set +e
		(cd e2e && DEPIN_WS="ws://127.0.0.1:$rpc_port" node --test --test-concurrency=1 \
			--test-timeout=240000 test/) 2>&1 | tee "$js_log"
		js_status=${PIPESTATUS[0]}
		set -e
		pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$js_log" | tail -1)
		fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$js_log" | tail -1)
		js_line="JS suite: ${pass:-0} passed, ${fail:-?} failed, $(( $(date +%s) - js_start )) s"
		[ "$js_status" -eq 0 ] || failed+=("JS suite")
		agent_start=$(date +%s)
		agent_log="$node_dir/agent.log"
		set +e
		DEPIN_URL="ws://127.0.0.1:$rpc_port" cargo test --release --locked --workspace --test live \
			-- --ignored --nocapture 2>&1 | tee "$agent_log"
		agent_status=${PIPESTATUS[0]}
		set -e
		agent_result="$(grep -E '^test result:' "$agent_log" | tail -1)"
		agent_line="agent live test: exit $agent_status, $(( $(date +%s) - agent_start )) s (${agent_result:-no result})"
		[ "$agent_status" -eq 0 ] || failed+=("agent live test")
	else
		js_line="JS suite: the dev node did not answer on $rpc_port (log: $node_dir/node.log)"
		tail -5 "$node_dir/node.log" >&2
		failed+=("JS suite (node start)")
	fi
	stop_node
	trap - EXIT
	[ "${#failed[@]}" -gt 0 ] && echo "dev node log kept at $node_dir/node.log" || rm -rf "$node_dir"
fi
summary+=("$js_line" "${agent_line:-agent live test: not run}")

# -- 3. zombienet ----------------------------------------------------------------------------
zn_start=$(date +%s)
zn_log="$(mktemp -t depin-zombienet.XXXXXX)"
set +e
(cd zombienet/tests && DEPIN_NODE="$NODE_BIN" cargo test --release --locked -- --nocapture) \
	2>&1 | tee "$zn_log"
zn_status=${PIPESTATUS[0]}
set -e
[ "$zn_status" -eq 0 ] || failed+=("zombienet")
zn_summary="$(grep -E '^test result:|^[1-5]\. |network up|all scenarios|FAILED|kept under' "$zn_log" || true)"
rm -f "$zn_log"
summary+=("zombienet: exit $zn_status, $(( $(date +%s) - zn_start )) s")

# -- 4. parachain ----------------------------------------------------------------------------
para_start=$(date +%s)
para_summary=""
para_not_run="no polkadot / polkadot-omni-node in $DEPIN_TOOLS_DIR or on PATH; scripts/test.sh --para builds them once"
if [ "$para_wanted" = 1 ] && ! para_tools_found; then
	if ! install_para_tools; then
		failed+=("parachain tools (build)")
		para_not_run="building the tools failed, see above"
	fi
fi
if para_tools_found; then
	log "parachain scenarios: polkadot $POLKADOT_BIN, collator $OMNI_NODE_BIN, runtime $DEPIN_PARA_WASM"
	para_log="$(mktemp -t depin-para.XXXXXX)"
	set +e
	(cd zombienet/tests && cargo test --release --locked --test parachain -- --ignored --nocapture) \
		2>&1 | tee "$para_log"
	para_status=${PIPESTATUS[0]}
	set -e
	[ "$para_status" -eq 0 ] || failed+=("parachain")
	para_summary="$(grep -E '^test result:|^[1-4]\. |para network up|all parachain scenarios|FAILED|kept under' "$para_log" || true)"
	rm -f "$para_log"
	summary+=("parachain: exit $para_status, $(( $(date +%s) - para_start )) s")
else
	summary+=("parachain: not run ($para_not_run)")
fi

# -- summary ---------------------------------------------------------------------------------
echo
echo "== cargo test summary =="
echo "$cargo_summary"
echo
echo "== zombienet =="
echo "$zn_summary"
if [ -n "$para_summary" ]; then
	echo
	echo "== parachain =="
	echo "$para_summary"
fi
echo
echo "== summary =="
printf '%s\n' "${summary[@]}"
echo "total: $(( $(date +%s) - start )) s"
if [ "${#failed[@]}" -gt 0 ]; then
	echo "FAILED: ${failed[*]}"
	exit 1
fi
echo "all passed"
