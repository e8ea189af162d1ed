//! `frame_system` for a parachain: a block's compute and proof size are limited by what the
//! relay chain's validators check (2 s of compute, the relay chain's largest PoV), and runtime
//! upgrades go through the relay chain (`ParachainSetCode`).

use crate::{
	constants::SS58_PREFIX, AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};
use cumulus_primitives_core::relay_chain::MAX_POV_SIZE;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::ConstU32,
	weights::{
		constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

/// Share of a block's weight and length that normal (user) transactions may fill; the rest is
/// kept for operational transactions and inherents.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Largest block in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// A block's limit: 2 seconds of compute (asynchronous backing gives a parachain block 2 s of
/// the relay validators' execution time) and the relay chain's largest proof of validity.
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, MAX_POV_SIZE as u64);

parameter_types! {
	/// Blocks whose hashes `frame_system` keeps (for mortal transactions): 4 hours.
	pub const BlockHashCount: u32 = 2400;
	/// The runtime version, as `frame_system` reports it.
	pub const Version: RuntimeVersion = VERSION;
	/// The block's compute and proof-size limits.
	pub RuntimeBlockWeights: BlockWeights =
		BlockWeights::with_sensible_defaults(MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO);
	/// 5 MiB blocks, of which normal transactions may fill 75%.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// SS58 prefix of addresses.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::ParaChainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// polkadot-omni-node stores state in RocksDB by default.
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Runtime upgrades are authorized and enacted through the relay chain.
	type OnSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Self>;
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
}

impl cumulus_pallet_weight_reclaim::Config for Runtime {
	// The crate's measured weights (its `SubstrateWeight` is not exported).
	type WeightInfo = ();
}
