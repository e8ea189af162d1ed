//! Storage deals as wired in the runtime: a storage node with no funds proves its deal for free,
//! a wrong proof is refused by the transaction pool, the owner settles and the deal completes,
//! with the dev preset's 10-block proving periods and the runtime's hold reasons.

mod common;

use common::{externalities, signed, start_block, validate};
use depin_primitives::{merkle, proofs::possession_payload, DeviceKind};
use depin_runtime::{
	genesis_config_presets, AccountId, Executive, Runtime, RuntimeCall, RuntimeOrigin,
};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
	BoundedVec,
};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiSignature,
};

type Balances = pallet_balances::Pallet<Runtime>;
type System = frame_system::Pallet<Runtime>;
type Deals = pallet_storage_deals::Pallet<Runtime>;

/// Berlin.
const HERE: u64 = 0x08c1f1d48945d9ff;
const DPN: u128 = 1_000_000_000_000;

fn held(reason: pallet_storage_deals::HoldReason, who: &AccountId) -> u128 {
	Balances::balance_on_hold(&depin_runtime::RuntimeHoldReason::StorageDeals(reason), who)
}

#[test]
fn a_deal_runs_in_the_runtime_with_a_free_proof_and_a_pulled_payment() {
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		start_block(1);
		let (alice, bob) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		// Bob's storage node, a key without funds.
		let key = sr25519::Pair::from_string("//device/storage", None).expect("a derivation");
		let node: AccountId = key.public().into();
		let proof = key.sign(&possession_payload(&System::block_hash(0), &bob, &node, 0));
		assert_ok!(pallet_device_registry::Pallet::<Runtime>::register_device(
			RuntimeOrigin::signed(bob.clone()),
			node.clone(),
			DeviceKind::StorageNode,
			HERE,
			MultiSignature::Sr25519(proof),
			None,
		));
		assert_ok!(Deals::set_ask(
			RuntimeOrigin::signed(bob.clone()),
			node.clone(),
			pallet_storage_deals::Ask {
				price: 1,
				min_duration: 1,
				max_duration: 10,
				capacity: 1 << 20
			}
		));

		// Alice stores 1,000 bytes for one period at 3 planck per byte.
		let data: Vec<u8> = (0..1000u32).map(|i| (i * 13 % 251) as u8).collect();
		let root = H256(merkle::root(&data).expect("a root"));
		assert_ok!(Deals::propose_deal(
			RuntimeOrigin::signed(alice.clone()),
			node.clone(),
			root,
			1000,
			1,
			3,
			DPN
		));
		let deposit = <Runtime as pallet_storage_deals::Config>::DealDeposit::get();
		assert_eq!(held(pallet_storage_deals::HoldReason::DealPayment, &alice), 3_000);
		assert_eq!(held(pallet_storage_deals::HoldReason::DealDeposit, &alice), deposit);
		assert_ok!(Deals::accept_deal(RuntimeOrigin::signed(bob.clone()), 0));
		assert_eq!(held(pallet_storage_deals::HoldReason::DealCollateral, &bob), DPN);

		// Period 1 = blocks 10..19 (the dev preset's period is 10 blocks).
		for n in 2..=10 {
			start_block(n);
		}
		assert_eq!(Deals::current_period(), 1);
		let index = Deals::challenge(0, 1, 1000).expect("the seed of period 1");
		let (leaf, path) = merkle::prove(&data, index).expect("a leaf");
		let path: BoundedVec<H256, _> =
			BoundedVec::truncate_from(path.into_iter().map(H256).collect::<Vec<_>>());
		let proof_call = |leaf| {
			RuntimeCall::StorageDeals(pallet_storage_deals::Call::submit_proof {
				deal: 0,
				period: 1,
				leaf: Box::new(leaf),
				path: path.clone(),
			})
		};
		let mut wrong = leaf;
		wrong[0] ^= 1;
		assert_eq!(
			validate(&signed(&key, proof_call(wrong))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		let valid = signed(&key, proof_call(leaf));
		assert_eq!(validate(&valid), Ok(()));
		assert_ok!(Executive::apply_extrinsic(valid).expect("applied"));
		assert_eq!(Balances::total_balance(&node), 0, "the node paid nothing");
		assert_eq!(Deals::deal_status(0).map(|s| s.settle_pays), Some(3_000));

		// After the period: Bob settles; paid, the deal completes, every hold released.
		for n in 11..=20 {
			start_block(n);
		}
		let bob_before = Balances::free_balance(&bob);
		assert_ok!(Deals::settle_deal(RuntimeOrigin::signed(bob.clone()), 0));
		assert_eq!(Balances::free_balance(&bob), bob_before + 3_000 + DPN);
		assert!(pallet_storage_deals::Deals::<Runtime>::get(0).is_none());
		assert_eq!(held(pallet_storage_deals::HoldReason::DealPayment, &alice), 0);
		assert_eq!(held(pallet_storage_deals::HoldReason::DealDeposit, &alice), 0);
		assert_eq!(held(pallet_storage_deals::HoldReason::DealCollateral, &bob), 0);
	});
}
