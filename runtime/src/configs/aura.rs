//! `pallet_aura`: round-robin block authoring by the validator set.

use super::MaxValidators;
use crate::Runtime;
use frame_support::traits::ConstBool;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	// The validator set's bound: the author index of every validator maps to its account.
	type MaxAuthorities = MaxValidators;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}
