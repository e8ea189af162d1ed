//! `pallet_storage_deals`: storage nodes prove clients' files every proving period with Merkle
//! spot checks; collateral, lazy faults, pull payment. The proving period is set in the genesis
//! presets (an hour on live chains, an epoch of 10 blocks on the dev chain).

use super::TreasuryAccount;
use crate::{
	constants::{currency::DPN, time::DAYS},
	Balances, BlockNumber, DeviceRegistry, Rewards, Runtime, RuntimeHoldReason,
};
use frame_support::parameter_types;
use sp_runtime::Perbill;

parameter_types! {
	/// Held from the client per deal for its ~200 bytes of state; returned with the deal.
	pub const DealDeposit: crate::Balance = DPN / 10;
	/// A provider has a day to accept a proposal.
	pub const ProposalExpiry: BlockNumber = DAYS;
	/// Each unproven period costs the provider 10% of the deal's collateral, to the client.
	pub const FaultPenalty: Perbill = Perbill::from_percent(10);
	/// Three unproven periods in a row (three hours live) terminate a deal.
	pub const MaxConsecutiveFaults: u32 = 3;
	/// 32 GiB: Filecoin's sector size.
	pub const MaxDealSize: u64 = 32 << 30;
	/// The depth of a 32 GiB file: 2^27 leaves of 256 bytes.
	pub const MaxProofDepth: u32 = 27;
	/// A year of hourly proving periods.
	pub const MaxDuration: u32 = 24 * 365;
	/// Deals (proposed or running) per client; more clients for more.
	pub const MaxDealsPerClient: u32 = 64;
	/// Running deals per storage node: 8 TiB of 32 GiB files.
	pub const MaxDealsPerProvider: u32 = 256;
	/// A day of hourly seeds kept for queries.
	pub const SeedHistory: u32 = 24;
}

impl pallet_storage_deals::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = DeviceRegistry;
	type Rewards = Rewards;
	type Treasury = TreasuryAccount;
	type DealDeposit = DealDeposit;
	type ProposalExpiry = ProposalExpiry;
	type FaultPenalty = FaultPenalty;
	type MaxConsecutiveFaults = MaxConsecutiveFaults;
	type MaxDealSize = MaxDealSize;
	type MaxProofDepth = MaxProofDepth;
	type MaxDuration = MaxDuration;
	type MaxDealsPerClient = MaxDealsPerClient;
	type MaxDealsPerProvider = MaxDealsPerProvider;
	type SeedHistory = SeedHistory;
	// The proof benchmark puts the rewards pallet's `note_points` in its worst case.
	type WeightInfo = pallet_storage_deals::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = StorageBenchmarkHelper;
}

/// Storage nodes for the benchmarks, put straight into the registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct StorageBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_storage_deals::BenchmarkHelper<crate::AccountId> for StorageBenchmarkHelper {
	fn register_storage_node(owner: &crate::AccountId, device: &crate::AccountId) {
		// Berlin, resolution 12.
		DeviceRegistry::insert_device_at_for_benchmarks(
			owner,
			device,
			depin_primitives::DeviceKind::StorageNode,
			0x08c1f1d48945d9ff,
		)
	}
	fn worst_case_notes(device: &crate::AccountId) {
		Rewards::worst_case_notes_for_benchmarks(core::slice::from_ref(device))
	}
}
