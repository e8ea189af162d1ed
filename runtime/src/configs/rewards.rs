//! `pallet_rewards` (emission, split, lazy claims, hold-back), and what `pallet_authorship` (each
//! runtime's own `authorship.rs`) needs to tell it who authored each block: [`ValidatorOfAuthor`]
//! and [`CreditAuthor`].

use super::TreasuryAccount;
use crate::{
	constants::currency::DPN, AccountId, Aura, Balance, Balances, DeviceRegistry, Rewards, Runtime,
};
use depin_primitives::EpochIndex;
use frame_support::parameter_types;
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

parameter_types! {
	/// Emitted per epoch (an hour on a live chain) until the first halving: 4.38M DPN a year.
	pub const InitialEmission: Balance = 500 * DPN;
	/// Two years of hourly epochs between halvings (Helium's schedule).
	pub const HalvingPeriod: EpochIndex = 2 * 365 * 24;
	/// A new device's first week of hourly epochs is partly held back.
	pub const HoldbackEpochs: EpochIndex = 7 * 24;
	/// Half of a new device's rewards is held back.
	pub const HoldbackRatio: Perbill = Perbill::from_percent(50);
}

impl pallet_rewards::Config for Runtime {
	type Currency = Balances;
	type Registry = DeviceRegistry;
	type Treasury = TreasuryAccount;
	type InitialEmission = InitialEmission;
	type HalvingPeriod = HalvingPeriod;
	type HoldbackEpochs = HoldbackEpochs;
	type HoldbackRatio = HoldbackRatio;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = pallet_rewards::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = RegistryBenchmarkHelper;
}

/// The author of a block as an account: the validator (the account governance added, which set
/// the session keys) at the Aura author's index in the session's set, never the session key.
pub type ValidatorOfAuthor = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;

/// Credits each block's author with the rewards pallet. Its weight is charged by the rewards
/// pallet's `on_initialize`.
pub struct CreditAuthor;

impl pallet_authorship::EventHandler<AccountId, crate::BlockNumber> for CreditAuthor {
	fn note_author(author: AccountId) {
		Rewards::note_block_author(&author)
	}
}

/// Devices for the rewards benchmarks, put straight into the registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct RegistryBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_rewards::BenchmarkHelper<AccountId> for RegistryBenchmarkHelper {
	fn register_device(owner: &AccountId, device: &AccountId) {
		DeviceRegistry::insert_device_for_benchmarks(owner, device)
	}
}
