//! Energy settlement as wired in the runtime, with the dev preset (10-block intervals, 4-block
//! grace, zone 0 operated by //Dave): meters with no funds read for free, an invalid reading is
//! refused by the transaction pool, the physics bound uses the runtime's 6-second blocks, and a
//! producer and a consumer settle one interval exactly.

mod common;

use common::{externalities, signed, start_block, validate};
use depin_primitives::{proofs::possession_payload, DeviceKind};
use depin_runtime::{
	genesis_config_presets, AccountId, Executive, Runtime, RuntimeCall, RuntimeOrigin,
};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiSignature,
};

type Balances = pallet_balances::Pallet<Runtime>;
type System = frame_system::Pallet<Runtime>;
type Energy = pallet_energy_settlement::Pallet<Runtime>;

/// Berlin.
const HERE: u64 = 0x08c1f1d48945d9ff;
const DPN: u128 = 1_000_000_000_000;

/// Registers a balance-less energy meter of `owner` (device index `n`) in zone 0, rated 10 kW.
fn meter(owner: &AccountId, n: u32) -> sr25519::Pair {
	let key = sr25519::Pair::from_string(&format!("//device/meter/{n}"), None).expect("a key");
	let device: AccountId = key.public().into();
	let nonce = pallet_device_registry::Registrations::<Runtime>::get(&device);
	let proof = key.sign(&possession_payload(&System::block_hash(0), owner, &device, nonce));
	assert_ok!(pallet_device_registry::Pallet::<Runtime>::register_device(
		RuntimeOrigin::signed(owner.clone()),
		device.clone(),
		DeviceKind::EnergyMeter,
		HERE,
		MultiSignature::Sr25519(proof),
		None,
	));
	assert_ok!(Energy::register_meter(RuntimeOrigin::signed(owner.clone()), device, 0, 10_000));
	key
}

fn reading(interval: u32, produced: u64, consumed: u64) -> RuntimeCall {
	RuntimeCall::EnergySettlement(pallet_energy_settlement::Call::submit_reading {
		interval,
		produced_total: produced,
		consumed_total: consumed,
	})
}

/// Validates and applies `call` signed by `key`: it must be free.
fn read_free(key: &sr25519::Pair, call: RuntimeCall) {
	let xt = signed(key, call);
	assert_eq!(validate(&xt), Ok(()));
	assert_ok!(Executive::apply_extrinsic(xt).expect("applied"));
}

#[test]
fn a_producer_and_a_consumer_settle_an_interval_in_the_runtime() {
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		start_block(1);
		let (alice, bob) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		let dave = Sr25519Keyring::Dave.to_account_id();
		let producer = meter(&bob, 0);
		let consumer = meter(&alice, 1);
		let consumer_id: AccountId = consumer.public().into();
		assert_ok!(Energy::fund_escrow(
			RuntimeOrigin::signed(alice.clone()),
			consumer_id.clone(),
			DPN
		));
		let escrow = depin_runtime::RuntimeHoldReason::EnergySettlement(
			pallet_energy_settlement::HoldReason::Escrow,
		);
		assert_eq!(Balances::balance_on_hold(&escrow, &alice), DPN);

		// Interval 0 ends at block 10: the baselines, free.
		for n in 2..=10 {
			start_block(n);
		}
		read_free(&producer, reading(0, 5_000, 0));
		read_free(&consumer, reading(0, 0, 7_000));
		assert_eq!(
			validate(&signed(&producer, reading(0, 5_000, 0))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)),
			"a duplicate must pay, and cannot"
		);

		// Interval 1 (blocks 10..19): 10 kW for a minute is 166.67 Wh at most.
		for n in 11..=20 {
			start_block(n);
		}
		assert_eq!(
			validate(&signed(&producer, reading(1, 5_167, 0))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)),
			"over capacity"
		);
		assert_eq!(
			validate(&signed(&producer, reading(1, 4_999, 0))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)),
			"backwards"
		);
		read_free(&producer, reading(1, 5_100, 0));
		read_free(&consumer, reading(1, 0, 7_060));
		assert_eq!(Balances::total_balance(&producer.public().into()), 0, "meters pay nothing");

		// Final at block 24: P = 100, C = 60, M = 60. The producer gets 100 × 1e8 + 60 × 1e8, the
		// consumer pays 60 × 2e8; the operator pays the 40 Wh exported at feed-in, 4e9.
		for n in 21..=24 {
			start_block(n);
		}
		let preview = Energy::bill_preview(&producer.public().into(), 1).expect("a reading");
		assert!(preview.is_final);
		let (bob0, dave0) = (Balances::free_balance(&bob), Balances::free_balance(&dave));
		assert_ok!(Energy::settle(
			RuntimeOrigin::signed(alice.clone()),
			producer.public().into(),
			1
		));
		assert_ok!(Energy::settle(RuntimeOrigin::signed(bob.clone()), consumer_id, 1));
		assert_eq!(Balances::free_balance(&bob) - bob0, 16_000_000_000);
		assert_eq!(preview.credit, 16_000_000_000);
		assert_eq!(Balances::balance_on_hold(&escrow, &alice), DPN - 12_000_000_000);
		assert_eq!(dave0 - Balances::free_balance(&dave), 4_000_000_000);
	});
}
