//! `frame_system`, what the solo chain names itself: its block weights, its database and how its
//! code is set. The rest of the configuration is in `system_shared.rs`, shared with the parachain.

use super::system_shared::NORMAL_DISPATCH_RATIO;
use frame_support::{
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::BlockWeights;

parameter_types! {
	/// 2 seconds of compute in a 6 second block, leaving time to propagate and import it.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
}

/// The node stores state in ParityDB.
pub type DbWeight = frame_support::weights::constants::ParityDbWeight;

/// `system.setCode` replaces the code directly (governance, through sudo).
pub type OnSetCode = ();
