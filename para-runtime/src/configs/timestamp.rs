//! `pallet_timestamp`: the block's time, set by the collator's inherent and checked by Aura
//! against the slot.

use crate::{Aura, Runtime};
use frame_support::traits::ConstU64;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Several parachain blocks may share a relay chain slot: no minimum between two.
	type MinimumPeriod = ConstU64<0>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
