//! Genesis presets: `development` (one validator, Alice, minimum 1) and `local_testnet` (Alice and
//! Bob, minimum 2).
//!
//! Dev keys (`//Alice`, ...) appear only here, in presets meant for dev and local test chains.

use crate::{
	configs::TreasuryAccount, constants::currency::*, AccountId, Balance, BalancesConfig,
	BlockNumber, DeviceRegistryConfig, EnergySettlementConfig, ProofOfCoverageConfig,
	RewardsConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, StorageDealsConfig,
	SudoConfig, ValidatorSetConfig,
};
use alloc::{vec, vec::Vec};
use depin_primitives::DeviceKind;
use frame_support::build_struct_json_patch;
use pallet_rewards::Split;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each dev account holds at genesis: 1,000,000 DPN.
pub const DEV_ACCOUNT_BALANCE: Balance = 1_000_000 * DPN;

/// The approved hardware maker of dev and local chains (`//Ferdie`), so that devices of kinds that
/// need a maker attestation can be registered out of the box.
pub const DEV_MAKER: Sr25519Keyring = Sr25519Keyring::Ferdie;
/// Its display name.
pub const DEV_MAKER_NAME: &[u8] = b"DePIN Dev Hardware";

/// A dev validator: its account (sr25519) and its session keys, sr25519 for Aura and ed25519 for
/// GRANDPA (what `--alice` puts in the keystore). On dev chains the account and the Aura key are
/// the same key; on a live chain the session keys are the node's own (`author_rotateKeys`).
fn validator(key: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, SessionKeys) {
	let aura: AuraId = key.public().into();
	let grandpa: GrandpaId = grandpa.public().into();
	(key.to_account_id(), SessionKeys { aura, grandpa })
}

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

/// Blocks per session on the dev chain: a minute, so that a new validator is active within
/// two minutes.
pub const DEV_SESSION_LENGTH: BlockNumber = 10;
/// Blocks per session on local test networks: an hour, as on a live chain.
pub const LOCAL_SESSION_LENGTH: BlockNumber = 600;

/// The services' clocks of a preset.
struct Clocks {
	/// Blocks per session.
	session_length: BlockNumber,
	/// Blocks per rewards epoch.
	epoch_length: BlockNumber,
	/// Proof of coverage's witness and reveal windows.
	coverage_windows: (BlockNumber, BlockNumber),
	/// Blocks per storage proving period.
	proving_period: BlockNumber,
	/// Energy intervals and their grace periods, blocks.
	energy_intervals: (u32, u32),
}

/// The dev chain's clocks: everything can be watched within minutes.
const DEV_CLOCKS: Clocks = Clocks {
	session_length: DEV_SESSION_LENGTH,
	epoch_length: DEV_EPOCH_LENGTH,
	coverage_windows: DEV_COVERAGE_WINDOWS,
	proving_period: DEV_PROVING_PERIOD,
	energy_intervals: DEV_ENERGY_INTERVALS,
};

/// Local test networks' clocks, as on a live chain.
const LOCAL_CLOCKS: Clocks = Clocks {
	session_length: LOCAL_SESSION_LENGTH,
	epoch_length: LOCAL_EPOCH_LENGTH,
	coverage_windows: LOCAL_COVERAGE_WINDOWS,
	proving_period: LOCAL_PROVING_PERIOD,
	energy_intervals: LOCAL_ENERGY_INTERVALS,
};

fn testnet_genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	minimum_validators: u32,
	endowed: Vec<AccountId>,
	root: AccountId,
	clocks: Clocks,
	kinds_requiring_maker: Vec<DeviceKind>,
) -> Value {
	let Clocks { session_length, epoch_length, coverage_windows, proving_period, energy_intervals } =
		clocks;
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.into_iter().map(|a| (a, DEV_ACCOUNT_BALANCE)).collect();
	// The treasury exists from genesis, so that fees smaller than the existential deposit are
	// credited to it rather than burned.
	balances.push((TreasuryAccount::get(), EXISTENTIAL_DEPOSIT));

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		// Aura's and GRANDPA's authorities come from the session keys; the validator set is every
		// account with keys here.
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig { session_length, minimum_validators },
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

/// The `development` preset: Alice is the only validator and the sudo key.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		1,
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		DEV_CLOCKS,
		// Open: any device registers without a maker, so that everything can be tried at once.
		vec![],
	)
}

/// The `local_testnet` preset: Alice and Bob are validators; Alice is the sudo key; hotspots
/// need a maker attestation (Ferdie, the dev maker, signs them).
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		2,
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		LOCAL_CLOCKS,
		// Helium's owner + device + maker model: hotspots need the dev maker's attestation.
		vec![DeviceKind::Hotspot],
	)
}

/// The JSON patch of the preset `id`, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
