//! The parachain runtime: its presets build the genesis a parachain needs (para id 2000, the
//! invulnerable collators with their Aura keys, the services' dev setup), it serves metadata V16
//! and every runtime API of the solo runtime but GRANDPA's (and the benchmark/try-runtime ones),
//! and it runs the solo runtime's pallets with the same configuration: same pallet indices, same
//! constants.

use depin_para_runtime::{
	genesis_config_presets::{self, PARA_ID},
	AccountId, Runtime, RuntimeGenesisConfig,
};
use frame_support::traits::{BuildGenesisConfig, PalletInfoAccess};
use sp_keyring::Sr25519Keyring;

/// Externalities holding the genesis of `preset` (a JSON patch over the defaults, merged as
/// the genesis builder does).
fn externalities(preset: serde_json::Value) -> sp_io::TestExternalities {
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).unwrap_or_else(|e| panic!("{e}"));
	sc_chain_spec::json_merge(&mut config, preset);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).unwrap_or_else(|e| panic!("preset: {e}"));
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| config.build());
	ext
}

fn accounts(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	keys.iter().map(|k| k.to_account_id()).collect()
}

#[test]
fn presets_make_para_2000_with_invulnerable_collators() {
	for (preset, collators) in [
		(genesis_config_presets::development_config_genesis(), accounts(&[Sr25519Keyring::Alice])),
		(
			genesis_config_presets::local_config_genesis(),
			accounts(&[Sr25519Keyring::Alice, Sr25519Keyring::Bob]),
		),
	] {
		externalities(preset).execute_with(|| {
			assert_eq!(u32::from(parachain_info::Pallet::<Runtime>::parachain_id()), PARA_ID);
			// The same accounts, in whatever order each pallet keeps them.
			let sorted = |mut accounts: Vec<AccountId>| {
				accounts.sort();
				accounts
			};
			let collators = sorted(collators);
			assert_eq!(
				sorted(pallet_collator_selection::Invulnerables::<Runtime>::get().to_vec()),
				collators
			);
			assert_eq!(sorted(pallet_session::Validators::<Runtime>::get()), collators);
			let aura: Vec<AccountId> = pallet_aura::Authorities::<Runtime>::get()
				.iter()
				.map(|key| AccountId::from(sp_core::sr25519::Public::from(key.clone())))
				.collect();
			assert_eq!(sorted(aura), collators, "Aura's authorities are the collators' keys");
			assert_eq!(
				pallet_sudo::Key::<Runtime>::get(),
				Some(Sr25519Keyring::Alice.to_account_id())
			);
			// The services' dev setup, as on the solo chain.
			assert!(pallet_device_registry::Makers::<Runtime>::contains_key(
				genesis_config_presets::DEV_MAKER.to_account_id()
			));
			assert!(pallet_energy_settlement::Zones::<Runtime>::contains_key(0));
			assert_eq!(
				pallet_balances::Pallet::<Runtime>::free_balance(
					Sr25519Keyring::Charlie.to_account_id()
				),
				genesis_config_presets::DEV_ACCOUNT_BALANCE
			);
		});
	}
}

#[test]
fn the_services_genesis_is_the_solo_chains() {
	// The same clocks and dev setup on both chains: every pallet the two presets share holds
	// the same configuration.
	for (para, solo) in [
		(
			genesis_config_presets::development_config_genesis(),
			depin_runtime::genesis_config_presets::development_config_genesis(),
		),
		(
			genesis_config_presets::local_config_genesis(),
			depin_runtime::genesis_config_presets::local_config_genesis(),
		),
	] {
		for pallet in [
			"balances",
			"sudo",
			"deviceRegistry",
			"rewards",
			"proofOfCoverage",
			"storageDeals",
			"energySettlement",
		] {
			assert!(!para[pallet].is_null(), "the parachain preset has no {pallet}");
			assert_eq!(para[pallet], solo[pallet], "{pallet} differs between the presets");
		}
	}
}

#[test]
fn metadata_v16_and_the_solo_runtimes_apis() {
	assert!(Runtime::metadata_versions().contains(&16), "no metadata V16");
	sp_io::TestExternalities::default()
		.execute_with(|| assert!(Runtime::metadata_at_version(16).is_some()));
	// Every API of the solo runtime, at the same version, except GRANDPA's (finality comes from
	// the relay chain).
	let grandpa = sp_crypto_hashing::blake2_64(b"GrandpaApi");
	let para = depin_para_runtime::VERSION.apis;
	for (id, version) in depin_runtime::VERSION.apis.iter() {
		if *id == grandpa {
			continue;
		}
		assert!(
			para.iter().any(|(i, v)| i == id && v == version),
			"the parachain runtime lacks API {id:?} v{version}"
		);
	}
	// And what polkadot-omni-node needs of a parachain.
	for name in [
		"CollectCollationInfo",
		"GetParachainInfo",
		"AuraUnincludedSegmentApi",
		"RelayParentOffsetApi",
	] {
		let id = sp_crypto_hashing::blake2_64(name.as_bytes());
		assert!(para.iter().any(|(i, _)| *i == id), "no {name}");
	}
}

/// `(index, constants)` of a pallet: its index in the runtime and its constants' names and
/// encoded values, as the metadata shows them.
macro_rules! pallet_view {
	($runtime:ty, $pallet:ident) => {{
		let constants: Vec<(String, Vec<u8>)> =
			$pallet::Pallet::<$runtime>::pallet_constants_metadata()
				.into_iter()
				.map(|c| (c.name.to_string(), c.value))
				.collect();
		(<$pallet::Pallet<$runtime> as PalletInfoAccess>::index(), constants)
	}};
}

macro_rules! same_pallet {
	($pallet:ident) => {{
		let para = pallet_view!(depin_para_runtime::Runtime, $pallet);
		let solo = pallet_view!(depin_runtime::Runtime, $pallet);
		assert_eq!(para, solo, "{} differs between the runtimes", stringify!($pallet));
	}};
}

#[test]
fn the_shared_pallets_have_the_same_index_and_constants() {
	same_pallet!(pallet_device_registry);
	same_pallet!(pallet_rewards);
	same_pallet!(pallet_proof_of_coverage);
	same_pallet!(pallet_storage_deals);
	same_pallet!(pallet_energy_settlement);
	same_pallet!(pallet_balances);
	same_pallet!(pallet_transaction_payment);
	same_pallet!(pallet_utility);
	same_pallet!(pallet_sudo);
}
