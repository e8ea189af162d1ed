//! `pallet_device_registry`: one identity per device, deposits, makers, the denylist.

use super::TreasuryAccount;
use crate::{
	constants::{currency::DPN, time::DAYS},
	AccountId, Balance, Balances, BlockNumber, ProofOfCoverage, Rewards, Runtime,
	RuntimeHoldReason, StorageDeals,
};
use frame_support::{parameter_types, weights::Weight};
use frame_system::EnsureRoot;

parameter_types! {
	/// Held per device, returned after deregistration: makes a fleet of fake devices costly.
	pub const DeviceDeposit: Balance = 10 * DPN;
	/// Paid to the treasury per registration (Helium charges onboarding in burned DC).
	pub const OnboardingFee: Balance = DPN;
	/// Paid to the treasury per location change.
	pub const LocationFee: Balance = DPN / 10;
	/// Held from an approved maker; slashed when its hardware is found fake.
	pub const MakerBond: Balance = 10_000 * DPN;
	/// A large fleet fits; use more owner accounts beyond it.
	pub const MaxDevicesPerOwner: u32 = 10_000;
	/// One location change a day.
	pub const LocationCooldown: BlockNumber = DAYS;
	/// A week for governance to catch a device whose owner deregisters it to dodge a slash.
	pub const DeregistrationDelay: BlockNumber = 7 * DAYS;
	/// Longest maker name, in bytes.
	pub const MaxMakerNameLen: u32 = 64;
	/// A buyer has three days to accept a transfer offer.
	pub const TransferOfferExpiry: BlockNumber = 3 * DAYS;
}

impl pallet_device_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type DeviceDeposit = DeviceDeposit;
	type OnboardingFee = OnboardingFee;
	type LocationFee = LocationFee;
	type MakerBond = MakerBond;
	type Treasury = TreasuryAccount;
	type MaxDevicesPerOwner = MaxDevicesPerOwner;
	type LocationCooldown = LocationCooldown;
	type DeregistrationDelay = DeregistrationDelay;
	type MaxMakerNameLen = MaxMakerNameLen;
	type TransferOfferExpiry = TransferOfferExpiry;
	type DenyOrigin = EnsureRoot<AccountId>;
	type MakerOrigin = EnsureRoot<AccountId>;
	type AdminOrigin = EnsureRoot<AccountId>;
	// Epochs are the rewards pallet's.
	type EpochClock = Rewards;
	// A suspended device forfeits its held-back rewards at once; on a change of owner or a
	// removal, what the device earned is settled to the owner who held it; on a removal, proof
	// of coverage drops its record of the device, and storage deals its ask (and its provider
	// record when no deal runs).
	type OnChange = (Rewards, ProofOfCoverage, StorageDeals);
	type WeightInfo = RegistryWeights;
}

/// The registry's benchmarked weights, with the rewards pallet's hooks (benchmarked there,
/// worst case) added to the calls that trigger them: the forfeit to `suspend_device`, the
/// settlement to `accept_device_transfer`, `withdraw_deposit` and `purge_device`; and proof of
/// coverage's removal of its record (one write) to `withdraw_deposit` and `purge_device`.
pub struct RegistryWeights;

type Measured = pallet_device_registry::weights::SubstrateWeight<Runtime>;

/// Proof of coverage's and storage deals' `on_device_removed`: a removal, and a read and a
/// write (or removal) of the provider record.
struct CoverageRecordRemoval;
impl CoverageRecordRemoval {
	fn get() -> Weight {
		<Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 2)
	}
}
type RewardsMeasured = pallet_rewards::weights::SubstrateWeight<Runtime>;
use pallet_rewards::WeightInfo as _;

impl pallet_device_registry::WeightInfo for RegistryWeights {
	fn register_device() -> Weight {
		Measured::register_device()
	}
	fn assert_location() -> Weight {
		Measured::assert_location()
	}
	fn transfer_device() -> Weight {
		Measured::transfer_device()
	}
	fn accept_device_transfer() -> Weight {
		Measured::accept_device_transfer().saturating_add(RewardsMeasured::settle_device())
	}
	fn deregister_device() -> Weight {
		Measured::deregister_device()
	}
	fn withdraw_deposit() -> Weight {
		Measured::withdraw_deposit()
			.saturating_add(RewardsMeasured::settle_device())
			.saturating_add(CoverageRecordRemoval::get())
	}
	fn suspend_device() -> Weight {
		Measured::suspend_device().saturating_add(RewardsMeasured::forfeit_holdback())
	}
	fn reinstate_device() -> Weight {
		Measured::reinstate_device()
	}
	fn slash_device() -> Weight {
		Measured::slash_device()
	}
	fn apply_maker() -> Weight {
		Measured::apply_maker()
	}
	fn withdraw_maker_application() -> Weight {
		Measured::withdraw_maker_application()
	}
	fn approve_maker() -> Weight {
		Measured::approve_maker()
	}
	fn top_up_maker_bond() -> Weight {
		Measured::top_up_maker_bond()
	}
	fn top_up_deposit() -> Weight {
		Measured::top_up_deposit()
	}
	fn cancel_device_transfer() -> Weight {
		Measured::cancel_device_transfer()
	}
	fn geo_grid_distance() -> Weight {
		Measured::geo_grid_distance()
	}
	fn geo_distance_m() -> Weight {
		Measured::geo_distance_m()
	}
	fn geo_fspl() -> Weight {
		Measured::geo_fspl()
	}
	fn purge_device() -> Weight {
		Measured::purge_device()
			.saturating_add(RewardsMeasured::settle_device())
			.saturating_add(CoverageRecordRemoval::get())
	}
	fn remove_maker() -> Weight {
		Measured::remove_maker()
	}
	fn slash_maker() -> Weight {
		Measured::slash_maker()
	}
	fn set_kind_policy() -> Weight {
		Measured::set_kind_policy()
	}
}
