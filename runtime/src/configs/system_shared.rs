//! `frame_system`, for both chains (the parachain runtime includes this very file by `#[path]`):
//! block length, the hashes kept for mortal transactions, the version, the address prefix and the
//! configuration itself. Each runtime's `system.rs` names only what differs: its block weights
//! (2 s of compute on both; the parachain also limits proof size), the database its node writes
//! (`DbWeight`) and how a runtime upgrade is enacted (`OnSetCode`).

use super::system::{DbWeight, OnSetCode, RuntimeBlockWeights};
use crate::{
	constants::SS58_PREFIX, AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};
use frame_support::{derive_impl, dispatch::DispatchClass, parameter_types, traits::ConstU32};
use frame_system::limits::BlockLength;
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

/// Share of a block's weight and length that normal (user) transactions may fill; the rest is
/// kept for operational transactions and inherents.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Largest block in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	/// Blocks whose hashes `frame_system` keeps (for mortal transactions): 4 hours.
	pub const BlockHashCount: u32 = 2400;
	/// The runtime version, as `frame_system` reports it.
	pub const Version: RuntimeVersion = VERSION;
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

// `SolochainDefaultConfig` and `ParaChainDefaultConfig` are the same defaults (frame-system
// derives the second from the first); what a parachain changes is named below.
#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = DbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type OnSetCode = OnSetCode;
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
}
