//! # depin-para-runtime
//!
//! The DePIN chain as a parachain: the same depin pallets (device registry, rewards, proof of
//! coverage, storage deals, energy settlement) with the same configuration as the solo runtime
//! (`depin-runtime`), plus what a parachain needs: parachain-system and parachain-info,
//! Aura with aura-ext (asynchronous backing), collator-selection and session, the XCM queues
//! (XCMP, the message queue) and pallet-xcm with a minimal, governance-only configuration.
//! Collated by `polkadot-omni-node`: there is no second node codebase.
//!
//! One source: the configuration files of the depin pallets, balances, transaction payment,
//! sudo, utility and the treasury, the token and time constants, the fee-less payment extension,
//! `DepinApi`, the runtime APIs both chains serve and the services' genesis are the solo
//! runtime's own files, included here by `#[path]`. Only what a parachain does differently is
//! written here: system (PoV-limited blocks, `ParachainSetCode`), timestamp, Aura, session with
//! collator selection, authorship, XCM, and the presets' consensus part.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand deeply.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

#[macro_use]
#[path = "../../runtime/src/apis_shared.rs"]
mod apis_shared;
pub mod apis;
pub mod configs;
#[path = "../../runtime/src/constants.rs"]
pub mod constants;
#[path = "../../runtime/src/depin_api.rs"]
pub mod depin_api;
#[path = "../../runtime/src/feeless.rs"]
pub mod feeless;
pub mod genesis_config_presets;
#[path = "../../runtime/src/services_genesis.rs"]
pub mod services_genesis;
#[path = "../../runtime/src/types.rs"]
pub mod types;
pub mod weights;

use sp_runtime::impl_opaque_keys;
use sp_version::RuntimeVersion;

pub use constants::{currency::*, time::*};
pub use feeless::ChargeUnlessFeeless;
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use types::*;

impl_opaque_keys! {
	/// The keys a collator holds: Aura, for authoring (finality comes from the relay chain).
	pub struct SessionKeys {
		pub aura: Aura,
	}
}

/// The runtime's version. Bump `spec_version` with every change of runtime logic,
/// `transaction_version` with every change of a call's index or arguments.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("depin-para"),
	impl_name: alloc::borrow::Cow::Borrowed("depin-para"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Relay chain slot duration, milliseconds.
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6_000;
/// Parachain blocks the relay chain includes per relay block: one, 6 second blocks.
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// Parachain blocks that may be built ahead of the relay chain's inclusion (asynchronous backing).
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;

/// The transaction extensions: the solo chain's [`BaseTxExtension`] (standard ones only, the
/// payment skipped for valid device reports), inside `StorageWeightReclaim`, which refunds the
/// proof size a transaction did not use. Wallets see the solo chain's extensions plus
/// `StorageWeightReclaim`, which carries no data (polkadot.js signs with it, treating it as
/// no-effect; so does subxt).
pub type TxExtension =
	cumulus_pallet_weight_reclaim::StorageWeightReclaim<Runtime, BaseTxExtension>;

/// Migrations to run on the next runtime upgrade, beside the pallets' own.
#[allow(unused_parens)]
type Migrations = ();

/// The pallets of the runtime. Indices are part of the transaction format: never reuse one. The
/// depin pallets, balances, payment, sudo and utility have the solo chain's indices, so that a
/// call encodes the same on both chains. Indices also order the hooks: the rewards pallet closes
/// the epoch before Authorship credits the author; Authorship, CollatorSelection, Session, Aura
/// and AuraExt run in that order (the author is found in the set that authored the block before
/// the session rotates it).
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;

	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(8)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;

	#[runtime::pallet_index(9)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;

	#[runtime::pallet_index(20)]
	pub type DeviceRegistry = pallet_device_registry;

	#[runtime::pallet_index(21)]
	pub type Rewards = pallet_rewards;

	#[runtime::pallet_index(22)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(23)]
	pub type ProofOfCoverage = pallet_proof_of_coverage;

	#[runtime::pallet_index(24)]
	pub type StorageDeals = pallet_storage_deals;

	#[runtime::pallet_index(25)]
	pub type EnergySettlement = pallet_energy_settlement;

	#[runtime::pallet_index(26)]
	pub type CollatorSelection = pallet_collator_selection;

	#[runtime::pallet_index(27)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(28)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(29)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	#[runtime::pallet_index(30)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;

	#[runtime::pallet_index(31)]
	pub type PolkadotXcm = pallet_xcm;

	#[runtime::pallet_index(32)]
	pub type CumulusXcm = cumulus_pallet_xcm;

	#[runtime::pallet_index(33)]
	pub type MessageQueue = pallet_message_queue;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
