//! `pallet_aura` and `cumulus_pallet_aura_ext`: round-robin block authoring by the collators,
//! whose slots follow the relay chain's (asynchronous backing).

use crate::{constants::time::SLOT_DURATION, Runtime};
use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	/// At most every invulnerable and every candidate of collator selection.
	type MaxAuthorities = ConstU32<128>;
	/// The unincluded segment may hold more than one block of a slot.
	type AllowMultipleBlocksPerSlot = ConstBool<true>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl cumulus_pallet_aura_ext::Config for Runtime {}
