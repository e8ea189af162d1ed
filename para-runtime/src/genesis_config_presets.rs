//! Genesis presets of the parachain, para id 2000: `development` (one collator, Alice, and the
//! dev chain's minute-long clocks) and `local_testnet` (Alice and Bob collate; a live chain's
//! clocks; hotspots need the dev maker's attestation). The services' part is the solo chain's
//! ([`crate::services_genesis`]); this file adds the para id, the collators and their Aura keys,
//! and pallet-xcm's safe XCM version.
//!
//! Dev keys (`//Alice`, ...) appear only here, in presets meant for dev and local test chains.

pub use crate::services_genesis::*;
use crate::{
	configs::CandidacyBond, AccountId, CollatorSelectionConfig, ParachainInfoConfig,
	PolkadotXcmConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
};
use alloc::{vec, vec::Vec};
use depin_primitives::DeviceKind;
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

/// The para id of dev and local test networks (zombienet's first parachain).
pub const PARA_ID: u32 = 2000;

/// A dev collator: its account and its Aura key, the same sr25519 key (what `--alice` puts in
/// the keystore). On a live chain the key is the collator's own (`author_rotateKeys`).
fn collator(key: Sr25519Keyring) -> (AccountId, SessionKeys) {
	let aura: AuraId = key.public().into();
	(key.to_account_id(), SessionKeys { aura })
}

fn parachain_genesis(
	collators: Vec<(AccountId, SessionKeys)>,
	clocks: Clocks,
	kinds_requiring_maker: Vec<DeviceKind>,
) -> Value {
	let consensus = build_struct_json_patch!(RuntimeGenesisConfig {
		parachain_info: ParachainInfoConfig { parachain_id: PARA_ID.into() },
		// The dev collators are invulnerable: governance set them, nobody bonded.
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
			candidacy_bond: CandidacyBond::get(),
		},
		// Aura's authorities come from the session keys.
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(xcm::prelude::XCM_VERSION) },
	});
	merge(
		services_genesis(
			dev_accounts(),
			Sr25519Keyring::Alice.to_account_id(),
			clocks,
			kinds_requiring_maker,
		),
		consensus,
	)
}

/// The `development` preset: Alice is the only collator and the sudo key.
pub fn development_config_genesis() -> Value {
	parachain_genesis(vec![collator(Sr25519Keyring::Alice)], DEV_CLOCKS, vec![])
}

/// The `local_testnet` preset: Alice and Bob collate; Alice is the sudo key; hotspots need a
/// maker attestation (Ferdie, the dev maker, signs them).
pub fn local_config_genesis() -> Value {
	parachain_genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		LOCAL_CLOCKS,
		vec![DeviceKind::Hotspot],
	)
}

/// The JSON patch of the preset `id`, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	preset_patch(id, development_config_genesis, local_config_genesis)
}

/// The presets this runtime offers (both runtimes offer the same two).
pub use crate::services_genesis::preset_names;
