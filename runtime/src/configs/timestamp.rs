//! `pallet_timestamp`: the block's time, set by the author's inherent.

use crate::{constants::time::SLOT_DURATION, Aura, Runtime};
use frame_support::traits::ConstU64;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	/// Aura checks the timestamp against the slot.
	type OnTimestampSet = Aura;
	/// Aura derives its slot duration as twice this.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
