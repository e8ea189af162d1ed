//! `pallet_proof_of_coverage` (beacons, witnesses, reveals) and `pallet_skip_feeless_payment`,
//! which lets valid device reports through without a fee.
//!
//! Constants follow Helium's IoT verifier; the witness and reveal windows are set in the genesis
//! presets (a minute and two on live chains, a few blocks on the dev chain).

use crate::{
	constants::time::HOURS, AccountId, BlockNumber, DeviceRegistry, Rewards, Runtime, RuntimeEvent,
};
use frame_support::parameter_types;
use frame_system::EnsureRoot;

parameter_types! {
	/// HIP-106: a report counts for reciprocity for 48 hours.
	pub const ReciprocityWindow: BlockNumber = 48 * HOURS;
	/// Helium counts the first 14 valid witnesses of a beacon.
	pub const MaxWitnessesPerBeacon: u32 = 14;
	/// EU868's radiated power limit, 16 dBm, until governance sets another (`set_max_eirp`).
	pub const DefaultMaxEirpDbm: i32 = 16;
	/// 15 dBi: the largest antenna gain a hotspot may declare.
	pub const MaxGainDdbi: u16 = 150;
	/// Helium compares the signal with free space exactly: no margin.
	pub const RssiMarginDdb: i32 = 0;
	/// 100 kHz between the frequencies of beacon and witness.
	pub const MaxFrequencyDiffHz: u64 = 100_000;
	/// 8 resolution-11 cells (about 200 m) between beaconer and witness at least.
	pub const MinGridDistance: u32 = 8;
	/// 100 km between beaconer and witness at most.
	pub const MaxDistanceM: u32 = 100_000;
	/// Full rewards for up to 4 hotspots in a resolution-8 hex (about 0.74 km²).
	pub const DensityTarget: u32 = 4;
	/// 64 expired beacons removed per block in `on_initialize` (more with spare weight in
	/// `on_idle`): 640 a minute, against one beacon per hotspot per hour.
	pub const MaxCleanupPerBlock: u32 = 64;
}

impl pallet_proof_of_coverage::Config for Runtime {
	type Registry = DeviceRegistry;
	type Rewards = Rewards;
	type EpochClock = Rewards;
	type ReciprocityWindow = ReciprocityWindow;
	type MaxWitnessesPerBeacon = MaxWitnessesPerBeacon;
	type DefaultMaxEirpDbm = DefaultMaxEirpDbm;
	type MaxGainDdbi = MaxGainDdbi;
	type RssiMarginDdb = RssiMarginDdb;
	type MaxFrequencyDiffHz = MaxFrequencyDiffHz;
	type MinGridDistance = MinGridDistance;
	type MaxDistanceM = MaxDistanceM;
	type DensityTarget = DensityTarget;
	type MaxCleanupPerBlock = MaxCleanupPerBlock;
	type AdminOrigin = EnsureRoot<AccountId>;
	// The reveal benchmark puts the rewards pallet's `note_points` in its worst case for every
	// device it pays, so the measured weight covers the whole call.
	type WeightInfo = pallet_proof_of_coverage::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = HotspotBenchmarkHelper;
}

impl pallet_skip_feeless_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
}

/// Hotspots for the benchmarks, put straight into the registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct HotspotBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_proof_of_coverage::BenchmarkHelper<AccountId> for HotspotBenchmarkHelper {
	fn register_hotspot(owner: &AccountId, device: &AccountId, location: u64) {
		DeviceRegistry::insert_device_at_for_benchmarks(
			owner,
			device,
			depin_primitives::DeviceKind::Hotspot,
			location,
		)
	}
	fn worst_case_notes(devices: &[AccountId]) {
		crate::Rewards::worst_case_notes_for_benchmarks(devices)
	}
}
