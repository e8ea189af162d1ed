//! Weights of the SDK pallets benchmarked on this runtime by `scripts/bench.sh` (our own pallets
//! keep theirs in their crates). pallet_balances is also the baseline our pallets' weights are
//! compared with (docs/benchmarks.md).

pub mod pallet_balances;
