//! `pallet_collator_selection` (invulnerables set by governance, candidates who bond) and
//! `pallet_session` (collators' Aura keys, rotated every session).

use crate::{
	constants::{
		currency::{DPN, SESSION_KEY_DEPOSIT},
		time::HOURS,
	},
	AccountId, Balance, Balances, BlockNumber, CollatorSelection, Runtime, RuntimeEvent, Session,
	SessionKeys,
};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use frame_system::EnsureRoot;
use sp_runtime::traits::OpaqueKeys;

parameter_types! {
	/// Blocks per session: six hours.
	pub const SessionLength: BlockNumber = 6 * HOURS;
	/// Sessions start at block 0.
	pub const SessionOffset: BlockNumber = 0;
	/// The pot of collator rewards (fees sent to it are paid to authors).
	pub const PotId: PalletId = PalletId(*b"PotStake");
	/// Bonded by a collator candidate (reserved while it is a candidate).
	pub const CandidacyBond: Balance = 1_000 * DPN;
	/// Held while an account's session keys are registered, as on the solo chain.
	pub const KeyDeposit: Balance = SESSION_KEY_DEPOSIT;
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type UpdateOrigin = EnsureRoot<AccountId>;
	type PotId = PotId;
	type MaxCandidates = ConstU32<100>;
	type MinEligibleCollators = ConstU32<1>;
	type MaxInvulnerables = ConstU32<20>;
	/// A candidate that authored no block for two sessions is removed.
	type KickThreshold = KickThreshold;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Two sessions.
	pub const KickThreshold: BlockNumber = 2 * SessionLength::get();
}

type Sessions = pallet_session::PeriodicSessions<SessionLength, SessionOffset>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A collator is its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = CollatorSelection;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = KeyDeposit;
}
