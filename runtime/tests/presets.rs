//! The genesis presets build, and set up the device registry as documented: one approved maker
//! with its bond held, no devices; the dev chain open to every kind, the local testnet requiring
//! a maker's attestation for hotspots.

mod common;

use common::externalities;
use depin_runtime::{
	genesis_config_presets::{self, DEV_MAKER, DEV_MAKER_NAME},
	Runtime, RuntimeHoldReason,
};
use frame_support::traits::fungible::InspectHold;
use pallet_device_registry::{HoldReason, MakerStatus};

#[test]
fn presets_approve_one_dev_maker_and_register_nothing_else() {
	for preset in [
		genesis_config_presets::development_config_genesis(),
		genesis_config_presets::local_config_genesis(),
	] {
		externalities(preset).execute_with(|| {
			let makers: Vec<_> = pallet_device_registry::Makers::<Runtime>::iter().collect();
			assert_eq!(makers.len(), 1);
			let (account, maker) = &makers[0];
			assert_eq!(account, &DEV_MAKER.to_account_id());
			assert_eq!(maker.name.to_vec(), DEV_MAKER_NAME.to_vec());
			assert_eq!(maker.status, MakerStatus::Active);
			let reason: RuntimeHoldReason = HoldReason::MakerBond.into();
			assert_eq!(
				pallet_balances::Pallet::<Runtime>::balance_on_hold(&reason, account),
				depin_runtime::configs::MakerBond::get()
			);
			assert_eq!(pallet_device_registry::Devices::<Runtime>::iter().count(), 0);
		});
	}
}

#[test]
fn the_dev_chain_is_open_and_the_local_testnet_requires_a_maker_for_hotspots() {
	use depin_primitives::DeviceKind;
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		assert_eq!(pallet_device_registry::RequiresMaker::<Runtime>::iter().count(), 0);
	});
	externalities(genesis_config_presets::local_config_genesis()).execute_with(|| {
		let required: Vec<_> = pallet_device_registry::RequiresMaker::<Runtime>::iter()
			.filter(|(_, required)| *required)
			.map(|(kind, _)| kind)
			.collect();
		assert_eq!(required, vec![DeviceKind::Hotspot]);
	});
}

#[test]
fn presets_set_the_epoch_length_and_the_standard_split() {
	for (preset, length) in [
		(
			genesis_config_presets::development_config_genesis(),
			genesis_config_presets::DEV_EPOCH_LENGTH,
		),
		(
			genesis_config_presets::local_config_genesis(),
			genesis_config_presets::LOCAL_EPOCH_LENGTH,
		),
	] {
		externalities(preset).execute_with(|| {
			assert_eq!(pallet_rewards::EpochLength::<Runtime>::get(), length);
			assert_eq!(
				pallet_rewards::CurrentSplit::<Runtime>::get(),
				pallet_rewards::Split::standard()
			);
			assert!(pallet_rewards::Split::standard().is_whole());
		});
	}
	assert_eq!(genesis_config_presets::DEV_EPOCH_LENGTH, 10);
}
