//! Genesis presets: `development` (one validator, Alice, minimum 1) and `local_testnet` (Alice and
//! Bob, minimum 2). The services' part (balances, sudo, maker, rewards, coverage, storage, energy)
//! is [`crate::services_genesis`], shared with the parachain runtime; this file adds the validator
//! set and the session keys.
//!
//! Dev keys (`//Alice`, ...) appear only here, in presets meant for dev and local test chains.

pub use crate::services_genesis::*;
use crate::{
	AccountId, BlockNumber, RuntimeGenesisConfig, SessionConfig, SessionKeys, ValidatorSetConfig,
};
use alloc::{vec, vec::Vec};
use depin_primitives::DeviceKind;
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// A dev validator: its account (sr25519) and its session keys, sr25519 for Aura and ed25519 for
/// GRANDPA (what `--alice` puts in the keystore). On dev chains the account and the Aura key are
/// the same key; on a live chain the session keys are the node's own (`author_rotateKeys`).
fn validator(key: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, SessionKeys) {
	let aura: AuraId = key.public().into();
	let grandpa: GrandpaId = grandpa.public().into();
	(key.to_account_id(), SessionKeys { aura, grandpa })
}

/// Blocks per session on the dev chain: a minute, so that a new validator is active within
/// two minutes.
pub const DEV_SESSION_LENGTH: BlockNumber = 10;
/// Blocks per session on local test networks: an hour, as on a live chain.
pub const LOCAL_SESSION_LENGTH: BlockNumber = 600;

fn testnet_genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	minimum_validators: u32,
	session_length: BlockNumber,
	endowed: Vec<AccountId>,
	root: AccountId,
	clocks: Clocks,
	kinds_requiring_maker: Vec<DeviceKind>,
) -> Value {
	let consensus = build_struct_json_patch!(RuntimeGenesisConfig {
		// Aura's and GRANDPA's authorities come from the session keys; the validator set is every
		// account with keys here.
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig { session_length, minimum_validators },
	});
	merge(services_genesis(endowed, root, clocks, kinds_requiring_maker), consensus)
}

/// The `development` preset: Alice is the only validator and the sudo key.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		1,
		DEV_SESSION_LENGTH,
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
		LOCAL_SESSION_LENGTH,
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		LOCAL_CLOCKS,
		// Helium's owner + device + maker model: hotspots need the dev maker's attestation.
		vec![DeviceKind::Hotspot],
	)
}

/// The JSON patch of the preset `id`, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	preset_patch(id, development_config_genesis, local_config_genesis)
}

/// The presets this runtime offers (both runtimes offer the same two).
pub use crate::services_genesis::preset_names;
