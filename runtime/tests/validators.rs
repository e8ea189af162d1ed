//! The validator set as wired in the runtime: presets, session keys with their proof of
//! possession, governance changes at the next session with Aura and GRANDPA following,
//! block rewards to the validator's account (never to a session key), and a crafted GRANDPA
//! equivocation reported with a key-ownership proof removing the offender.

mod common;

use codec::{Decode, Encode};
use common::externalities;
use depin_runtime::{
	configs::KeyDeposit, constants::time::SLOT_DURATION, genesis_config_presets, AccountId,
	Executive, Grandpa, Header, Historical, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	SessionKeys,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, KeyOwnerProofSystem},
};
use pallet_validator_set::{Error, Event as SetEvent, MinimumValidators, SessionLength};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_consensus_grandpa::{AuthorityId as GrandpaId, EquivocationProof, KEY_TYPE};
use sp_core::{crypto::Pair as _, H256};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	Digest, DigestItem, DispatchError,
};

type System = frame_system::Pallet<Runtime>;
type Session = pallet_session::Pallet<Runtime>;
type ValidatorSet = pallet_validator_set::Pallet<Runtime>;
type Aura = pallet_aura::Pallet<Runtime>;

/// Runs block `number` in Aura slot `slot` whole: the pre-runtime digest, every hook, the
/// timestamp inherent of the slot and the end of the block.
fn block(number: u32, slot: u64) {
	let digest =
		Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
	let parent = System::parent_hash();
	let parent = if number == 1 { parent } else { System::block_hash(number - 1) };
	let header = Header::new(number, Default::default(), Default::default(), parent, digest);
	Executive::initialize_block(&header);
	assert_ok!(pallet_timestamp::Pallet::<Runtime>::set(
		RuntimeOrigin::none(),
		slot * SLOT_DURATION
	));
	let header = Executive::finalize_block();
	frame_system::BlockHash::<Runtime>::insert(number, header.hash());
}

/// Runs blocks up to `last`; block `n` is in slot `n`.
fn run_to(last: u32) {
	for n in System::block_number() + 1..=last {
		block(n, n.into());
	}
}

/// The Aura slot after the current block in which validator `who` authors.
fn slot_of(who: &AccountId) -> u64 {
	let validators = Session::validators();
	let index = validators.iter().position(|v| v == who).expect("an active validator") as u64;
	let n = validators.len() as u64;
	let next = u64::from(System::block_number()) + 1;
	next + (index + n - next % n) % n
}

/// Session keys made of `aura` and `grandpa`, and the proof that their holder made them for
/// `owner` (what `author_rotateKeysWithOwner` returns).
fn keys_for(
	owner: &AccountId,
	aura: Sr25519Keyring,
	grandpa: Ed25519Keyring,
) -> (SessionKeys, Vec<u8>) {
	let statement = [b"POP_".as_slice(), owner.as_ref()].concat();
	let proof = (aura.pair().sign(&statement), grandpa.pair().sign(&statement)).encode();
	(SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() }, proof)
}

fn set_events() -> Vec<SetEvent<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::ValidatorSet(e) = r.event { Some(e) } else { None })
		.collect()
}

fn grandpa_keys() -> Vec<GrandpaId> {
	Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect()
}

#[test]
fn presets_make_the_session_key_holders_the_validators() {
	let (alice, bob) = (Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		assert_eq!(ValidatorSet::validators(), vec![alice.clone()]);
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_eq!(MinimumValidators::<Runtime>::get(), 1);
		assert_eq!(SessionLength::<Runtime>::get(), genesis_config_presets::DEV_SESSION_LENGTH);
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().into_inner(),
			vec![Sr25519Keyring::Alice.public().into()]
		);
		assert_eq!(grandpa_keys(), vec![Ed25519Keyring::Alice.public().into()]);
		// The genesis keys hold no deposit (nobody called setKeys).
		assert_eq!(pallet_balances::Pallet::<Runtime>::total_balance_on_hold(&alice), 0);
	});
	externalities(genesis_config_presets::local_config_genesis()).execute_with(|| {
		// Sorted by account: Bob's is the smaller.
		assert_eq!(ValidatorSet::validators(), vec![bob.clone(), alice.clone()]);
		assert_eq!(Session::validators(), vec![bob, alice]);
		assert_eq!(MinimumValidators::<Runtime>::get(), 2);
		assert_eq!(SessionLength::<Runtime>::get(), genesis_config_presets::LOCAL_SESSION_LENGTH);
	});
}

#[test]
fn a_new_validator_sets_keys_is_added_and_authors_from_the_session_after_next_for_its_account() {
	externalities(genesis_config_presets::development_config_genesis()).execute_with(|| {
		let (alice, dave) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Dave.to_account_id());
		// Block 1 (a genesis-state block records no events).
		run_to(1);
		// Dave's node made session keys (here Eve's dev keys: not Dave's account key).
		let (keys, proof) = keys_for(&dave, Sr25519Keyring::Eve, Ed25519Keyring::Eve);
		// A proof made for another account is refused.
		let (_, proof_for_alice) = keys_for(&alice, Sr25519Keyring::Eve, Ed25519Keyring::Eve);
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys.clone(), proof_for_alice),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys, proof));
		assert_eq!(
			pallet_balances::Pallet::<Runtime>::total_balance_on_hold(&dave),
			KeyDeposit::get()
		);
		// Only governance adds.
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(dave.clone()), dave.clone()),
			DispatchError::BadOrigin
		);
		let sudo = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			validator: dave.clone(),
		});
		assert_ok!(pallet_sudo::Pallet::<Runtime>::sudo(
			RuntimeOrigin::signed(alice.clone()),
			Box::new(sudo)
		));
		assert_eq!(
			set_events(),
			vec![SetEvent::ValidatorAdded { validator: dave.clone(), active_from: 2 }]
		);

		// Session 1 (block 10) queues Dave; Alice alone authors up to block 19.
		run_to(19);
		assert_eq!(Session::current_index(), 1);
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert!(Session::queued_keys().iter().any(|(v, _)| *v == dave));
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		// Session 2 (block 20): Aura and GRANDPA follow.
		run_to(20);
		assert_eq!(Session::current_index(), 2);
		assert!(Session::validators().contains(&dave));
		assert!(pallet_aura::Authorities::<Runtime>::get()
			.contains(&Sr25519Keyring::Eve.public().into()));
		assert!(grandpa_keys().contains(&Ed25519Keyring::Eve.public().into()));

		// A block in Dave's slot is credited to Dave's account, not to the session key's.
		let slot = slot_of(&dave);
		block(21, slot);
		let eve = Sr25519Keyring::Eve.to_account_id();
		assert_eq!(
			pallet_rewards::ValidatorLedgers::<Runtime>::get(&dave).map(|l| l.blocks),
			Some(1)
		);
		assert!(pallet_rewards::ValidatorLedgers::<Runtime>::get(&eve).is_none());
		// After the epoch closes (block 30) Dave claims with his account.
		for n in 22..=31 {
			block(n, slot + u64::from(n - 21));
		}
		let before = pallet_balances::Pallet::<Runtime>::free_balance(&dave);
		assert_ok!(pallet_rewards::Pallet::<Runtime>::claim_validator_rewards(
			RuntimeOrigin::signed(dave.clone())
		));
		assert!(pallet_balances::Pallet::<Runtime>::free_balance(&dave) > before);
		assert_eq!(Aura::slot_duration(), SLOT_DURATION);
	});
}

#[test]
fn a_removal_leaves_at_the_session_after_next_and_never_below_the_minimum() {
	let mut preset = genesis_config_presets::local_config_genesis();
	preset["validatorSet"]["sessionLength"] = 5.into();
	externalities(preset).execute_with(|| {
		let (alice, bob) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		// Two validators, minimum two.
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), bob.clone()),
			Error::<Runtime>::TooFewValidators
		);
		assert_ok!(ValidatorSet::set_minimum_validators(RuntimeOrigin::root(), 1));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), bob.clone()));
		run_to(9);
		assert_eq!(Session::validators(), vec![bob.clone(), alice.clone()]);
		assert_eq!(grandpa_keys().len(), 2);
		run_to(10);
		assert_eq!(Session::current_index(), 2);
		assert_eq!(Session::validators(), vec![alice]);
		assert_eq!(grandpa_keys(), vec![Ed25519Keyring::Alice.public().into()]);
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().into_inner(),
			vec![Sr25519Keyring::Alice.public().into()]
		);
	});
}

/// Two prevotes of `offender` in the same round for different blocks.
fn equivocation(offender: Ed25519Keyring, set_id: u64, round: u64) -> EquivocationProof<H256, u32> {
	let vote = |byte: u8| {
		let prevote = sp_consensus_grandpa::Prevote::<Header> {
			target_hash: H256::repeat_byte(byte),
			target_number: 1,
		};
		let message = sp_consensus_grandpa::Message::<Header>::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
		let signature: sp_consensus_grandpa::AuthoritySignature =
			offender.pair().sign(&payload).into();
		(prevote, signature)
	};
	let identity: GrandpaId = offender.public().into();
	// `EquivocationProof::new(set_id, Equivocation::Prevote(..))`, built from its encoding:
	// the vote types come from the finality-grandpa crate, which the runtime does not name.
	let encoded = (set_id, 0u8, round, identity, vote(1), vote(2)).encode();
	EquivocationProof::decode(&mut &encoded[..]).expect("an equivocation proof")
}

#[test]
fn a_grandpa_equivocation_report_removes_the_offender_from_the_next_session() {
	let validators = [
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	];
	let keys: Vec<_> = validators
		.iter()
		.map(|(sr, ed)| {
			let keys = SessionKeys { aura: sr.public().into(), grandpa: ed.public().into() };
			(sr.to_account_id(), sr.to_account_id(), keys)
		})
		.collect();
	let mut preset = genesis_config_presets::local_config_genesis();
	preset["session"]["keys"] = serde_json::to_value(keys).expect("keys serialize");
	preset["validatorSet"]["sessionLength"] = 5.into();
	externalities(preset).execute_with(|| {
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		run_to(5);
		assert_eq!(Session::current_index(), 1);
		assert_eq!(grandpa_keys().len(), 4);
		let set_id = Grandpa::current_set_id();
		let proof = equivocation(Ed25519Keyring::Charlie, set_id, 1);
		let owner_proof =
			Historical::prove((KEY_TYPE, GrandpaId::from(Ed25519Keyring::Charlie.public())))
				.expect("Charlie's key is in the session");

		// The unsigned path: only the node's own pool takes it.
		let call = pallet_grandpa::Call::<Runtime>::report_equivocation_unsigned {
			equivocation_proof: Box::new(proof.clone()),
			key_owner_proof: owner_proof.clone(),
		};
		assert!(Grandpa::validate_unsigned(TransactionSource::Local, &call).is_ok());
		assert!(Grandpa::validate_unsigned(TransactionSource::External, &call).is_err());
		// A proof of another validator's key does not fit the offender.
		let bob_proof =
			Historical::prove((KEY_TYPE, GrandpaId::from(Ed25519Keyring::Bob.public())))
				.expect("Bob's key is in the session");
		assert!(Grandpa::report_equivocation(
			RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
			Box::new(proof.clone()),
			bob_proof,
		)
		.is_err());

		assert_ok!(Grandpa::report_equivocation(
			RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
			Box::new(proof.clone()),
			owner_proof.clone(),
		));
		assert!(set_events().contains(&SetEvent::OffenderRemoved {
			validator: charlie.clone(),
			offence_session: 1,
			inactive_from: 3,
		}));
		assert!(!ValidatorSet::validators().contains(&charlie));
		// Reported again: stale, in the pool and on chain.
		assert_eq!(
			Grandpa::validate_unsigned(TransactionSource::Local, &call),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
		assert!(Grandpa::report_equivocation(
			RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
			Box::new(proof),
			owner_proof,
		)
		.is_err());

		// Dave equivocates in session 1 too; the proof is made then and reported two sessions
		// later: the history kept still proves it.
		let dave = Sr25519Keyring::Dave.to_account_id();
		let dave_proof = equivocation(Ed25519Keyring::Dave, set_id, 2);
		let dave_owner =
			Historical::prove((KEY_TYPE, GrandpaId::from(Ed25519Keyring::Dave.public())))
				.expect("Dave's key is in the session");

		// Charlie still validates in sessions 1 and 2 (already planned), not from session 3.
		run_to(14);
		assert!(Session::validators().contains(&charlie));
		run_to(15);
		assert_eq!(Session::current_index(), 3);
		assert!(!Session::validators().contains(&charlie));
		assert_eq!(grandpa_keys().len(), 3);
		assert!(!grandpa_keys().contains(&Ed25519Keyring::Charlie.public().into()));

		assert!(Grandpa::current_set_id() > set_id);
		assert_ok!(Grandpa::report_equivocation(
			RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
			Box::new(dave_proof),
			dave_owner,
		));
		assert!(set_events().contains(&SetEvent::OffenderRemoved {
			validator: dave.clone(),
			offence_session: 1,
			inactive_from: 5,
		}));
		// Two validators left, the minimum.
		assert_eq!(ValidatorSet::validators().len(), 2);
	});
}
