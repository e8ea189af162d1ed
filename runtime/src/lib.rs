//! # depin-runtime
//!
//! The runtime of the DePIN chain. This file is the table of contents: the runtime's version and
//! the list of pallets. The types (accounts, blocks, extrinsics) are in [`types`], each pallet's
//! configuration in [`configs`], the runtime APIs in [`apis`], the genesis presets in
//! [`genesis_config_presets`] and the token and time units in [`constants`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand deeply.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

#[macro_use]
mod apis_shared;
pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod constants;
pub mod depin_api;
pub mod feeless;
pub mod genesis_config_presets;
pub mod services_genesis;
pub mod types;
pub mod weights;

use sp_runtime::impl_opaque_keys;
use sp_version::RuntimeVersion;

pub use constants::{currency::*, time::*};
pub use feeless::ChargeUnlessFeeless;
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use types::*;

impl_opaque_keys! {
	/// The keys a validator holds: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` with every change of runtime logic,
/// `transaction_version` with every change of a call's index or arguments.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("depin"),
	impl_name: alloc::borrow::Cow::Borrowed("depin-node"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// The transaction extensions: the standard ones of [`BaseTxExtension`], as they are.
pub type TxExtension = BaseTxExtension;

/// Migrations to run on the next runtime upgrade, beside the pallets' own.
#[allow(unused_parens)]
type Migrations = ();

/// The pallets of the runtime. Indices are part of the transaction format: never reuse one. They
/// also order the pallets' hooks.
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
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

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

	#[runtime::pallet_index(20)]
	pub type DeviceRegistry = pallet_device_registry;

	// Before Authorship: a block's `on_initialize` closes the epoch before its author is
	// credited, so that the author counts in the new epoch.
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

	// Hooks run in the order of the indices. After Authorship: a session-boundary block's author
	// is found in the set that authored it, before the rotation changes the validators.
	#[runtime::pallet_index(26)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(27)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(28)]
	pub type Historical = pallet_session::historical;
}
