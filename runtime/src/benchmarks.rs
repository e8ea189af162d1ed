//! The pallets benchmarked in this runtime (`scripts/bench.sh`). pallet_balances is measured in
//! the same run as our pallets, so that weights compare on one machine.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_device_registry, DeviceRegistry]
	[pallet_rewards, Rewards]
	[pallet_proof_of_coverage, ProofOfCoverage]
	[pallet_storage_deals, StorageDeals]
	[pallet_energy_settlement, EnergySettlement]
	[pallet_validator_set, ValidatorSet]
);

use crate::Runtime;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}
