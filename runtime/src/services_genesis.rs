//! The genesis of the DePIN services, shared by both runtimes' presets (the parachain runtime
//! includes this file by `#[path]`): dev accounts and their balances, the sudo key, the dev
//! hardware maker, the rewards split and epoch, proof of coverage's windows, the storage proving
//! period and the dev grid zone. Each runtime's `genesis_config_presets` adds its consensus part
//! (the solo chain's validator set and session keys; the parachain's id, collators and their keys).
//!
//! Dev keys (`//Alice`, ...) appear only here and in the presets, meant for dev and local test chains.

use crate::{
	configs::TreasuryAccount, constants::currency::*, AccountId, Balance, BalancesConfig,
	BlockNumber, DeviceRegistryConfig, EnergySettlementConfig, ProofOfCoverageConfig,
	RewardsConfig, RuntimeGenesisConfig, StorageDealsConfig, SudoConfig,
};
use alloc::{vec, vec::Vec};
use depin_primitives::DeviceKind;
use frame_support::build_struct_json_patch;
use pallet_rewards::Split;
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// What each dev account holds at genesis: 1,000,000 DPN.
pub const DEV_ACCOUNT_BALANCE: Balance = 1_000_000 * DPN;

/// The approved hardware maker of dev and local chains (`//Ferdie`), so that devices of kinds that
/// need a maker attestation can be registered out of the box.
pub const DEV_MAKER: Sr25519Keyring = Sr25519Keyring::Ferdie;
/// Its display name.
pub const DEV_MAKER_NAME: &[u8] = b"DePIN Dev Hardware";

/// The accounts funded on dev and local chains: the six well-known dev accounts and the
/// validators' stashes.
pub fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| !matches!(k, Sr25519Keyring::One | Sr25519Keyring::Two))
		.map(|k| k.to_account_id())
		.collect()
}

/// Blocks per epoch of the dev chain: a minute, so that rewards can be watched.
pub const DEV_EPOCH_LENGTH: BlockNumber = 10;
/// Blocks per epoch of local test networks: an hour, as on a live chain.
pub const LOCAL_EPOCH_LENGTH: BlockNumber = 600;
/// Proof of coverage's witness and reveal windows on the dev chain: 4 blocks each, so that a
/// whole round fits in one 10-block epoch.
pub const DEV_COVERAGE_WINDOWS: (BlockNumber, BlockNumber) = (4, 4);
/// The windows on local test networks, as on a live chain: a minute to witness, two to reveal.
pub const LOCAL_COVERAGE_WINDOWS: (BlockNumber, BlockNumber) = (10, 20);
/// Blocks per storage proving period on the dev chain: a minute, so that a whole deal runs in
/// a few minutes.
pub const DEV_PROVING_PERIOD: BlockNumber = 10;
/// Blocks per proving period on local test networks: an hour, as on a live chain.
pub const LOCAL_PROVING_PERIOD: BlockNumber = 600;
/// Energy intervals and grace periods on the dev chain: a minute and 24 seconds, so that an
/// interval is read, final and settled within two minutes.
pub const DEV_ENERGY_INTERVALS: (u32, u32) = (10, 4);
/// On local test networks, as on a live chain: 15 minutes and 5 minutes.
pub const LOCAL_ENERGY_INTERVALS: (u32, u32) = (150, 50);
/// The grid zone of dev and local chains (zone 0), operated by `//Dave`.
pub const DEV_ZONE_OPERATOR: Sr25519Keyring = Sr25519Keyring::Dave;
/// Its tariffs, per Wh: import 0.0003 DPN (0.30 per kWh), local 0.0002, feed-in 0.0001.
pub fn dev_zone_tariffs() -> pallet_energy_settlement::Tariffs<Balance> {
	pallet_energy_settlement::Tariffs {
		import: 3 * DPN / 10_000,
		local: 2 * DPN / 10_000,
		feed_in: DPN / 10_000,
	}
}

/// The services' clocks of a preset.
pub struct Clocks {
	/// Blocks per rewards epoch.
	pub epoch_length: BlockNumber,
	/// Proof of coverage's witness and reveal windows.
	pub coverage_windows: (BlockNumber, BlockNumber),
	/// Blocks per storage proving period.
	pub proving_period: BlockNumber,
	/// Energy intervals and their grace periods, blocks.
	pub energy_intervals: (u32, u32),
}

/// The dev chain's clocks: everything can be watched within minutes.
pub const DEV_CLOCKS: Clocks = Clocks {
	epoch_length: DEV_EPOCH_LENGTH,
	coverage_windows: DEV_COVERAGE_WINDOWS,
	proving_period: DEV_PROVING_PERIOD,
	energy_intervals: DEV_ENERGY_INTERVALS,
};

/// Local test networks' clocks, as on a live chain.
pub const LOCAL_CLOCKS: Clocks = Clocks {
	epoch_length: LOCAL_EPOCH_LENGTH,
	coverage_windows: LOCAL_COVERAGE_WINDOWS,
	proving_period: LOCAL_PROVING_PERIOD,
	energy_intervals: LOCAL_ENERGY_INTERVALS,
};

/// The services' part of a preset: balances (`endowed` with [`DEV_ACCOUNT_BALANCE`] each, and the
/// treasury), the sudo key, the dev maker, rewards, proof of coverage, storage deals and the dev
/// grid zone, on `clocks`; hotspots of `kinds_requiring_maker` need the maker's attestation.
pub fn services_genesis(
	endowed: Vec<AccountId>,
	root: AccountId,
	clocks: Clocks,
	kinds_requiring_maker: Vec<DeviceKind>,
) -> Value {
	let Clocks { epoch_length, coverage_windows, proving_period, energy_intervals } = clocks;
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.into_iter().map(|a| (a, DEV_ACCOUNT_BALANCE)).collect();
	// The treasury exists from genesis, so that fees smaller than the existential deposit are
	// credited to it rather than burned.
	balances.push((TreasuryAccount::get(), EXISTENTIAL_DEPOSIT));

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		sudo: SudoConfig { key: Some(root) },
		device_registry: DeviceRegistryConfig {
			makers: vec![(DEV_MAKER.to_account_id(), DEV_MAKER_NAME.to_vec())],
			kinds_requiring_maker,
		},
		rewards: RewardsConfig { epoch_length, split: Split::standard() },
		proof_of_coverage: ProofOfCoverageConfig {
			witness_window: coverage_windows.0,
			reveal_window: coverage_windows.1,
		},
		storage_deals: StorageDealsConfig { proving_period },
		energy_settlement: EnergySettlementConfig {
			interval_length: energy_intervals.0,
			grace_period: energy_intervals.1,
			zones: vec![(DEV_ZONE_OPERATOR.to_account_id(), dev_zone_tariffs())],
		},
	})
}

/// Adds the top-level entries of `patch` (a runtime's consensus part) to `preset`.
pub fn merge(mut preset: Value, patch: Value) -> Value {
	if let (Value::Object(preset), Value::Object(patch)) = (&mut preset, patch) {
		preset.extend(patch);
	}
	preset
}

/// The JSON patch of the preset `id`: `development` built by `dev`, `local_testnet` by `local`;
/// `None` for an unknown preset.
pub fn preset_patch(id: &PresetId, dev: fn() -> Value, local: fn() -> Value) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => dev(),
		LOCAL_TESTNET_RUNTIME_PRESET => local(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The presets both runtimes offer.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
