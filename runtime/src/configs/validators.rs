//! The validator set: `pallet_validator_set` (governance adds and removes validators, sessions,
//! offences), `pallet_session` (session keys, the queue of the next set) and its historical part
//! (key-ownership proofs for GRANDPA equivocation reports).

use crate::{
	constants::currency::SESSION_KEY_DEPOSIT, AccountId, Balance, Balances, Runtime, RuntimeEvent,
	SessionKeys, ValidatorSet,
};
use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};
use sp_staking::SessionIndex;

parameter_types! {
	/// Sessions of key-ownership history kept: a week of hourly sessions. An equivocation older
	/// than that can no longer be reported.
	pub const HistoryDepth: SessionIndex = 7 * 24;
	/// Held from a validator's account while its session keys are registered.
	pub const KeyDeposit: Balance = SESSION_KEY_DEPOSIT;
}

/// The largest validator set: Aura's and GRANDPA's `MaxAuthorities`.
pub type MaxValidators = ConstU32<32>;

impl pallet_validator_set::Config for Runtime {
	type AddRemoveOrigin = EnsureRoot<AccountId>;
	type MaxValidators = MaxValidators;
	type HistoryDepth = HistoryDepth;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is its account: session keys are set by it, block rewards go to it.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, ValidatorSet>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// Offenders leave at the next session; nobody is disabled within one.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = KeyDeposit;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_validator_set::UnitIdentification;
}
