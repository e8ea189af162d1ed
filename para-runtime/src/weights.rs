//! Weights of the SDK pallets benchmarked on the solo runtime (`scripts/bench.sh`), the same
//! file: pallet_balances' weights are generic over the runtime's database weights.

#[path = "../../runtime/src/weights/pallet_balances.rs"]
pub mod pallet_balances;
