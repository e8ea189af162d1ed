//! `pallet_grandpa`: the finality gadget's authority set.

use crate::{Runtime, RuntimeEvent};
use frame_support::traits::{ConstU32, ConstU64};
use sp_core::Void;

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No session pallet yet, so no key-ownership proofs and no equivocation reports.
	type KeyOwnerProof = Void;
	type EquivocationReportSystem = ();
}
