//! `pallet_energy_settlement`: meters of a grid zone net every interval on chain and settle in
//! O(1). The interval and grace period are set in the genesis presets (15 and 5 minutes on live
//! chains, a minute and 24 seconds on the dev chain), with a zone operated by `//Dave` on dev
//! and local chains.

use super::TreasuryAccount;
use crate::{
	constants::{currency::DPN, time::MILLISECS_PER_BLOCK},
	Balances, DeviceRegistry, Rewards, Runtime, RuntimeHoldReason,
};
use frame_support::parameter_types;
use frame_system::EnsureRoot;

parameter_types! {
	/// Held per meter: its ~170 bytes of state and the stake its readings put at risk (slashed
	/// by an upheld dispute).
	pub const MeterDeposit: crate::Balance = DPN;
	/// Held from a disputer until governance resolves the dispute; slashed if rejected.
	pub const DisputeBond: crate::Balance = DPN;
	/// Each unread interval costs a meter 1% of its deposit: a day offline costs ~1 DPN.
	pub const MissedReadingPenalty: crate::Balance = DPN / 100;
	/// Zones: grid areas behind one substation each.
	pub const MaxZones: u32 = 1_024;
	/// 10 MW: a solar farm's connection; a household meter is rated ~10 kW.
	pub const MaxCapacityW: u32 = 10_000_000;
	/// Twelve hours of 15-minute intervals awaiting settlement (anyone may settle; a meter's
	/// agent settles each interval once final); then the meter must be settled to read on.
	pub const MaxUnsettled: u32 = 48;
	/// Block time: the physics bound's clock.
	pub const MillisecsPerBlock: u64 = MILLISECS_PER_BLOCK;
}

impl pallet_energy_settlement::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = DeviceRegistry;
	type Rewards = Rewards;
	type ZoneOrigin = EnsureRoot<crate::AccountId>;
	type Treasury = TreasuryAccount;
	type MeterDeposit = MeterDeposit;
	type DisputeBond = DisputeBond;
	type MissedReadingPenalty = MissedReadingPenalty;
	type MaxZones = MaxZones;
	type MaxCapacityW = MaxCapacityW;
	type MaxUnsettled = MaxUnsettled;
	type MillisecsPerBlock = MillisecsPerBlock;
	// The credit settlement benchmark puts the rewards pallet's `note_points` in its worst case.
	type WeightInfo = pallet_energy_settlement::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = EnergyBenchmarkHelper;
}

/// Energy meters for the benchmarks, put straight into the registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct EnergyBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_energy_settlement::BenchmarkHelper<crate::AccountId> for EnergyBenchmarkHelper {
	fn register_energy_meter(owner: &crate::AccountId, device: &crate::AccountId) {
		// Berlin, resolution 12.
		DeviceRegistry::insert_device_at_for_benchmarks(
			owner,
			device,
			depin_primitives::DeviceKind::EnergyMeter,
			0x08c1f1d48945d9ff,
		)
	}
	fn worst_case_notes(device: &crate::AccountId) {
		Rewards::worst_case_notes_for_benchmarks(core::slice::from_ref(device))
	}
}
