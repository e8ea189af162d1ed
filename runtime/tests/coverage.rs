//! Device transactions as wired in the runtime: a registered device signs its own reports
//! without holding funds (sufficient reference), a valid report pays no fee, an invalid one is
//! refused by the transaction pool (`validate_transaction`), and ordinary transactions still pay.

mod common;

use common::{externalities, signed, start_block, validate};
use depin_primitives::{
	proofs::{beacon_commitment_preimage, possession_payload, witness_heard_preimage},
	DeviceKind,
};
use depin_runtime::{
	configs::TreasuryAccount, genesis_config_presets, AccountId, Executive, Runtime, RuntimeCall,
	RuntimeOrigin,
};
use frame_support::{assert_ok, traits::fungible::Inspect as _};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiSignature,
};

type Balances = pallet_balances::Pallet<Runtime>;
type System = frame_system::Pallet<Runtime>;

const FREQ: u64 = 868_100_000;
/// Berlin, and a place 1.1 km north of it.
const HERE: u64 = 0x08c1f1d48945d9ff;
const NORTH: u64 = 0x08c1f1d48988e3ff;

fn device_key(name: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//device/{name}"), None).expect("a valid derivation")
}

/// Registers `key` as a hotspot of `owner` at `location` and sets its radio (gain 0).
fn register_hotspot(owner: Sr25519Keyring, key: &sr25519::Pair, location: u64) -> AccountId {
	let device: AccountId = key.public().into();
	let genesis = System::block_hash(0);
	let proof = key.sign(&possession_payload(&genesis, &owner.to_account_id(), &device, 0));
	assert_ok!(pallet_device_registry::Pallet::<Runtime>::register_device(
		RuntimeOrigin::signed(owner.to_account_id()),
		device.clone(),
		DeviceKind::Hotspot,
		location,
		MultiSignature::Sr25519(proof),
		None,
	));
	assert_ok!(pallet_proof_of_coverage::Pallet::<Runtime>::set_radio(
		RuntimeOrigin::signed(owner.to_account_id()),
		device.clone(),
		0
	));
	device
}

fn beacon_call(payload: &[u8; 32], frequency_hz: u64) -> RuntimeCall {
	let commitment = H256(sp_io::hashing::blake2_256(&beacon_commitment_preimage(payload)));
	RuntimeCall::ProofOfCoverage(pallet_proof_of_coverage::Call::submit_beacon {
		commitment,
		frequency_hz,
		tx_power_dbm: 14,
	})
}

#[test]
fn a_balance_less_device_reports_for_free_and_invalid_reports_are_refused_by_the_pool() {
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		start_block(1);
		let (b_key, w_key) = (device_key("beaconer"), device_key("witness"));
		let beaconer = register_hotspot(Sr25519Keyring::Alice, &b_key, HERE);
		let witness = register_hotspot(Sr25519Keyring::Bob, &w_key, NORTH);
		// Neither device holds a planck; the registry gave each a sufficient reference.
		assert_eq!(Balances::total_balance(&beaconer), 0);
		assert_eq!(System::sufficients(&beaconer), 1);

		// An invalid beacon (frequency 0) must pay, cannot, and never enters the pool.
		let invalid = signed(&b_key, beacon_call(&[1; 32], 0));
		assert_eq!(
			validate(&invalid),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);

		// A valid one is accepted, applied, and costs nothing.
		let treasury_before = Balances::total_balance(&TreasuryAccount::get());
		let valid = signed(&b_key, beacon_call(&[1; 32], FREQ));
		assert_eq!(validate(&valid), Ok(()));
		assert_ok!(Executive::apply_extrinsic(valid).expect("applied"));
		assert!(pallet_proof_of_coverage::Beacons::<Runtime>::contains_key(&beaconer));
		assert_eq!(Balances::total_balance(&beaconer), 0);
		assert_eq!(System::account_nonce(&beaconer), 1);
		assert_eq!(Balances::total_balance(&TreasuryAccount::get()), treasury_before);

		// A witness: too strong a signal is refused by the pool; a plausible one is free.
		let heard = H256(sp_io::hashing::blake2_256(&witness_heard_preimage(&[1; 32], &witness)));
		let witness_call = |signal_ddbm| {
			RuntimeCall::ProofOfCoverage(pallet_proof_of_coverage::Call::submit_witness {
				beacon: beaconer.clone(),
				heard,
				signal_ddbm,
				snr_ddb: 50,
				frequency_hz: FREQ,
			})
		};
		assert_eq!(
			validate(&signed(&w_key, witness_call(-100))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		let valid_witness = signed(&w_key, witness_call(-1000));
		assert_eq!(validate(&valid_witness), Ok(()));
		assert_ok!(Executive::apply_extrinsic(valid_witness).expect("applied"));
		assert_eq!(Balances::total_balance(&witness), 0);

		// A second beacon in the epoch is invalid: refused by the pool, not included for free.
		assert_eq!(
			validate(&signed(&b_key, beacon_call(&[2; 32], FREQ))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);

		// Ordinary transactions still pay their fee.
		let alice = Sr25519Keyring::Alice.pair();
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Charlie.to_account_id().into(),
			value: 1_000_000_000_000,
		});
		let alice_before = Balances::free_balance(Sr25519Keyring::Alice.to_account_id());
		assert_ok!(Executive::apply_extrinsic(signed(&alice, transfer)).expect("applied"));
		let paid = alice_before - Balances::free_balance(Sr25519Keyring::Alice.to_account_id());
		assert!(paid > 1_000_000_000_000, "the transfer paid a fee on top: {paid}");
		assert!(Balances::total_balance(&TreasuryAccount::get()) > treasury_before);
	});
}

#[test]
fn a_device_without_registration_cannot_sign_at_all() {
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		start_block(1);
		let key = device_key("stranger");
		// No account (no balance, no sufficient reference): CheckNonce refuses before anything.
		assert_eq!(
			validate(&signed(&key, beacon_call(&[1; 32], FREQ))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
	});
}

/// The normal class's weight used in this block so far.
fn normal_weight() -> u64 {
	System::block_weight().get(frame_support::dispatch::DispatchClass::Normal).ref_time()
}

/// What a block is charged for `xt` before dispatch: its call, the extrinsic base and its
/// transaction extensions.
fn charged_before_dispatch(xt: &depin_runtime::UncheckedExtrinsic) -> u64 {
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::traits::TransactionExtension;
	let call = &xt.function;
	let extensions = xt.clone().preamble.to_signed().expect("signed").2.weight(call).ref_time();
	let base = <Runtime as frame_system::Config>::BlockWeights::get()
		.get(frame_support::dispatch::DispatchClass::Normal)
		.base_extrinsic
		.ref_time();
	call.get_dispatch_info().call_weight.ref_time() + base + extensions
}

#[test]
fn a_free_report_is_not_charged_the_payment_it_skipped_and_a_paid_call_is() {
	use pallet_transaction_payment::WeightInfo as _;
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		start_block(1);
		let key = device_key("weights");
		register_hotspot(Sr25519Keyring::Alice, &key, HERE);
		let payment =
			<Runtime as pallet_transaction_payment::Config>::WeightInfo::charge_transaction_payment()
				.ref_time();
		assert!(payment > 0);

		// A valid beacon: charged its call, the base and the extensions, less the payment.
		let beacon = signed(&key, beacon_call(&[3; 32], FREQ));
		let full = charged_before_dispatch(&beacon);
		let before = normal_weight();
		assert_ok!(Executive::apply_extrinsic(beacon).expect("applied"));
		assert_eq!(normal_weight() - before, full - payment);

		// A paid transfer is charged the payment it ran.
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Charlie.to_account_id().into(),
			value: 1_000_000_000_000,
		});
		let xt = signed(&Sr25519Keyring::Alice.pair(), transfer);
		let full = charged_before_dispatch(&xt);
		let before = normal_weight();
		assert_ok!(Executive::apply_extrinsic(xt).expect("applied"));
		// Its extensions may refund their own unspent weight (none here beyond the payment's
		// actual cost), never the payment as a whole.
		let used = normal_weight() - before;
		assert!(used > full - payment, "charged {used} of {full}");
		assert!(used <= full);
	});
}
