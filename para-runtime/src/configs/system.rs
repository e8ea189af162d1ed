//! `frame_system`, what a parachain names itself: a block's compute and proof size are limited by
//! what the relay chain's validators check (2 s of compute, the relay chain's largest PoV),
//! omni-node's database is RocksDB, and runtime upgrades go through the relay chain
//! (`ParachainSetCode`). The rest of the configuration is the solo chain's `system_shared.rs`.

use super::system_shared::NORMAL_DISPATCH_RATIO;
use crate::Runtime;
use cumulus_primitives_core::relay_chain::MAX_POV_SIZE;
use frame_support::{
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::BlockWeights;

/// A block's limit: 2 seconds of compute (asynchronous backing gives a parachain block 2 s of
/// the relay validators' execution time) and the relay chain's largest proof of validity.
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, MAX_POV_SIZE as u64);

parameter_types! {
	/// The block's compute and proof-size limits.
	pub RuntimeBlockWeights: BlockWeights =
		BlockWeights::with_sensible_defaults(MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO);
}

/// polkadot-omni-node stores state in RocksDB by default.
pub type DbWeight = frame_support::weights::constants::RocksDbWeight;

/// Runtime upgrades are authorized and enacted through the relay chain.
pub type OnSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Runtime>;

impl cumulus_pallet_weight_reclaim::Config for Runtime {
	// The crate's measured weights (its `SubstrateWeight` is not exported).
	type WeightInfo = ();
}
