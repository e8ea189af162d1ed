//! The rewards pallet as wired in the runtime: pallet-authorship credits the validator account of
//! each block's Aura author, epochs close on the genesis length, and authors claim their share.

mod common;

use codec::Encode;
use common::externalities;
use depin_runtime::{
	configs::InitialEmission, genesis_config_presets, Executive, Header, Runtime, RuntimeOrigin,
};
use frame_support::traits::Hooks;
use pallet_rewards::{Epoch, Split, ValidatorLedgers};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Header as _, Digest, DigestItem};

/// Starts block `number` in Aura slot `slot`, as an importing node does, and ends the
/// authorship pallet's view of it (the rest of the block is not needed here).
fn run_block(number: u32, slot: u64) {
	let digest =
		Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
	let parent = frame_system::Pallet::<Runtime>::parent_hash();
	let header = Header::new(number, Default::default(), Default::default(), parent, digest);
	Executive::initialize_block(&header);
	pallet_authorship::Pallet::<Runtime>::on_finalize(number);
}

#[test]
fn aura_authors_are_credited_and_claim_the_validator_share() {
	// The local preset (Alice and Bob validate) with epochs of 4 blocks.
	let mut preset = genesis_config_presets::local_config_genesis();
	preset["rewards"]["epochLength"] = 4.into();
	externalities(preset).execute_with(|| {
		let (alice, bob) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		// Authorities in account order, [Bob, Alice]: slot s is Bob's when even, Alice's when odd.
		for number in 1..=3 {
			run_block(number, number.into());
		}
		assert_eq!(ValidatorLedgers::<Runtime>::get(&alice).map(|l| l.blocks), Some(2));
		assert_eq!(ValidatorLedgers::<Runtime>::get(&bob).map(|l| l.blocks), Some(1));

		// Block 4 closes epoch 0 before its author (Bob) is credited in epoch 1.
		run_block(4, 4);
		assert_eq!(Epoch::<Runtime>::get().index, 1);
		assert_eq!(Epoch::<Runtime>::get().blocks, 1);

		let pool = Split::standard().validators * InitialEmission::get();
		let before = pallet_balances::Pallet::<Runtime>::free_balance(&alice);
		frame_support::assert_ok!(pallet_rewards::Pallet::<Runtime>::claim_validator_rewards(
			RuntimeOrigin::signed(alice.clone())
		));
		// Bob's block of epoch 0 was valued when he authored block 4 (a third, rounded down);
		// Alice's two thirds are the rest of the pool: it pays out exactly what it received.
		let bob_share = pool / 3;
		assert_eq!(
			pallet_balances::Pallet::<Runtime>::free_balance(&alice) - before,
			pool - bob_share
		);
		assert_eq!(ValidatorLedgers::<Runtime>::get(&bob).map(|l| l.owed), Some(bob_share));
	});
}
