use crate::{
	mock::*, Devices, Error, Event, HoldReason, MakerAttestation, OwnerDeviceCount, Registrations,
};
use depin_primitives::{
	proofs::{maker_payload, possession_payload},
	DeviceKind,
};
use frame_support::{assert_noop, assert_ok};
use sp_core::{ecdsa, ed25519, Pair};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	AccountId32, MultiSignature, MultiSigner,
};

fn register_call(
	owner: &AccountId,
	device: &AccountId,
	kind: DeviceKind,
	location: u64,
	proof: MultiSignature,
	maker: Option<MakerAttestation<AccountId, MultiSignature>>,
) -> frame_support::dispatch::DispatchResult {
	Registry::register_device(
		RuntimeOrigin::signed(owner.clone()),
		device.clone(),
		kind,
		location,
		proof,
		maker,
	)
}

#[test]
fn register_holds_deposit_pays_fee_and_records_device() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		let device = account(&key);
		assert_ok!(register_call(
			&alice(),
			&device,
			DeviceKind::Hotspot,
			BERLIN,
			possession_proof(&key, &alice()),
			None
		));

		let record = Devices::<Test>::get(&device).unwrap_or_else(|| panic!("not stored"));
		assert_eq!(record.owner, alice());
		assert_eq!(record.kind, DeviceKind::Hotspot);
		assert_eq!(record.location.index(), BERLIN);
		assert_eq!(record.deposit, DEPOSIT);
		assert_eq!(record.registered_at, 1);
		assert_eq!(OwnerDeviceCount::<Test>::get(alice()), 1);
		// Money: deposit held, fee paid to the treasury, nothing else moved.
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), DEPOSIT);
		assert_eq!(free(&alice()), INITIAL - DEPOSIT - ONBOARDING_FEE);
		assert_eq!(free(&treasury()), 1 + ONBOARDING_FEE);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DeviceRegistered {
				device,
				owner: alice(),
				kind: DeviceKind::Hotspot,
				location: BERLIN,
				maker: None,
				deposit: DEPOSIT,
				fee: ONBOARDING_FEE,
			})
		);
	});
}

#[test]
fn ed25519_device_keys_are_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let key = ed("device-ed");
		let device: AccountId32 = key.public().into();
		let proof = key.sign(&possession_payload(&genesis(), &alice(), &device, 0)).into();
		assert_ok!(register_call(&alice(), &device, DeviceKind::Sensor, BERLIN, proof, None));
		assert!(Devices::<Test>::contains_key(&device));
	});
}

#[test]
fn ecdsa_device_keys_are_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key =
			ecdsa::Pair::from_string("//device-ecdsa", None).unwrap_or_else(|e| panic!("{e:?}"));
		let device: AccountId32 = MultiSigner::from(key.public()).into_account();
		let proof = key.sign(&possession_payload(&genesis(), &alice(), &device, 0)).into();
		assert_noop!(
			register_call(&alice(), &device, DeviceKind::Sensor, BERLIN, proof, None),
			Error::<Test>::UnsupportedSignature
		);
	});
}

#[test]
fn registering_twice_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		let device = register(&alice(), &key);
		// The same proof replayed by the same owner...
		assert_noop!(
			register_call(
				&alice(),
				&device,
				DeviceKind::Hotspot,
				BERLIN,
				possession_proof(&key, &alice()),
				None
			),
			Error::<Test>::AlreadyRegistered
		);
		// ...or a fresh proof for another owner: the device has one identity.
		assert_noop!(
			register_call(
				&bob(),
				&device,
				DeviceKind::Hotspot,
				BERLIN,
				possession_proof(&key, &bob()),
				None
			),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn proof_signed_for_another_owner_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		// Bob replays the proof the device gave Alice.
		assert_noop!(
			register_call(
				&bob(),
				&account(&key),
				DeviceKind::Hotspot,
				BERLIN,
				possession_proof(&key, &alice()),
				None
			),
			Error::<Test>::InvalidPossessionProof
		);
	});
}

#[test]
fn proof_signed_for_another_chain_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		let device = account(&key);
		let other_chain = sp_core::H256::repeat_byte(0x42);
		assert_ne!(other_chain, genesis());
		let proof = key.sign(&possession_payload(&other_chain, &alice(), &device, 0)).into();
		assert_noop!(
			register_call(&alice(), &device, DeviceKind::Hotspot, BERLIN, proof, None),
			Error::<Test>::InvalidPossessionProof
		);
	});
}

#[test]
fn proof_signed_for_another_purpose_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		let device = account(&key);
		// A maker-style signature by the device key is not a possession proof.
		let proof = key.sign(&maker_payload(&genesis(), &device, DeviceKind::Hotspot)).into();
		assert_noop!(
			register_call(&alice(), &device, DeviceKind::Hotspot, BERLIN, proof, None),
			Error::<Test>::InvalidPossessionProof
		);
		// Another key's signature over the right payload is not the device's.
		let stranger = sr("stranger");
		let proof = stranger.sign(&possession_payload(&genesis(), &alice(), &device, 0)).into();
		assert_noop!(
			register_call(&alice(), &device, DeviceKind::Hotspot, BERLIN, proof, None),
			Error::<Test>::InvalidPossessionProof
		);
	});
}

#[test]
fn maker_required_kind_without_attestation_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("meter");
		let device = account(&key);
		assert_noop!(
			register_call(
				&alice(),
				&device,
				DeviceKind::EnergyMeter,
				BERLIN,
				possession_proof(&key, &alice()),
				None
			),
			Error::<Test>::MakerAttestationRequired
		);
	});
}

#[test]
fn maker_required_kind_with_attestation_is_registered() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("meter");
		let device = account(&key);
		assert_ok!(register_call(
			&alice(),
			&device,
			DeviceKind::EnergyMeter,
			BERLIN,
			possession_proof(&key, &alice()),
			Some(attestation(&device, DeviceKind::EnergyMeter))
		));
		assert_eq!(Devices::<Test>::get(&device).and_then(|d| d.maker), Some(maker()));
	});
}

#[test]
fn attestation_for_another_kind_or_by_another_key_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("meter");
		let device = account(&key);
		let proof = possession_proof(&key, &alice());
		// Attested as a sensor, registered as a meter.
		assert_noop!(
			register_call(
				&alice(),
				&device,
				DeviceKind::EnergyMeter,
				BERLIN,
				proof.clone(),
				Some(attestation(&device, DeviceKind::Sensor))
			),
			Error::<Test>::InvalidMakerAttestation
		);
		// Signed by someone claiming to be the maker.
		let forged =
			sr("forger").sign(&maker_payload(&genesis(), &device, DeviceKind::EnergyMeter));
		let forged = MakerAttestation { maker: maker(), signature: forged.into() };
		assert_noop!(
			register_call(&alice(), &device, DeviceKind::EnergyMeter, BERLIN, proof, Some(forged)),
			Error::<Test>::InvalidMakerAttestation
		);
	});
}

#[test]
fn attestation_by_unknown_or_removed_maker_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("meter");
		let device = account(&key);
		let proof = possession_proof(&key, &alice());
		let stranger = sr("stranger");
		let signature =
			stranger.sign(&maker_payload(&genesis(), &device, DeviceKind::EnergyMeter)).into();
		let unknown = MakerAttestation { maker: account(&stranger), signature };
		assert_noop!(
			register_call(
				&alice(),
				&device,
				DeviceKind::EnergyMeter,
				BERLIN,
				proof.clone(),
				Some(unknown)
			),
			Error::<Test>::UnknownMaker
		);

		assert_ok!(Registry::remove_maker(council(), maker()));
		assert_noop!(
			register_call(
				&alice(),
				&device,
				DeviceKind::EnergyMeter,
				BERLIN,
				proof,
				Some(attestation(&device, DeviceKind::EnergyMeter))
			),
			Error::<Test>::MakerNotActive
		);
	});
}

#[test]
fn invalid_or_coarse_location_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		let device = account(&key);
		let proof = possession_proof(&key, &alice());
		for bad in [0, u64::MAX, 0x08c1f1d48945d9f8] {
			assert_noop!(
				register_call(&alice(), &device, DeviceKind::Hotspot, bad, proof.clone(), None),
				Error::<Test>::InvalidLocation
			);
		}
		assert_noop!(
			register_call(&alice(), &device, DeviceKind::Hotspot, BERLIN_RES11, proof, None),
			Error::<Test>::WrongResolution
		);
	});
}

#[test]
fn owner_limit_is_enforced() {
	ExtBuilder::default().build_and_execute(|| {
		for i in 0..MAX_DEVICES {
			register(&alice(), &sr(&format!("device-{i}")));
		}
		let key = sr("one-too-many");
		assert_noop!(
			register_call(
				&alice(),
				&account(&key),
				DeviceKind::Hotspot,
				BERLIN,
				possession_proof(&key, &alice()),
				None
			),
			Error::<Test>::TooManyDevices
		);
		assert_eq!(OwnerDeviceCount::<Test>::get(alice()), MAX_DEVICES);
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), DEPOSIT * MAX_DEVICES as u128);
	});
}

#[test]
fn owner_who_cannot_pay_is_rejected_without_losing_funds() {
	ExtBuilder::default().build_and_execute(|| {
		let poor = account(&sr("poor"));
		// Enough for the deposit but not the fee as well.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), poor.clone(), DEPOSIT + 5));
		let key = sr("device-1");
		assert_noop!(
			register_call(
				&poor,
				&account(&key),
				DeviceKind::Hotspot,
				BERLIN,
				possession_proof(&key, &poor),
				None
			),
			Error::<Test>::InsufficientBalance
		);
		assert_eq!(free(&poor), DEPOSIT + 5);
		assert_eq!(held(HoldReason::DeviceDeposit, &poor), 0);
	});
}

#[test]
fn seller_cannot_replay_an_old_proof_after_the_buyer_leaves() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("device-1");
		let device = account(&key);
		// Alice registers with the device's proof, keeps a copy of it, and sells the device.
		let old_proof = possession_proof(&key, &alice());
		assert_ok!(register_call(
			&alice(),
			&device,
			DeviceKind::Hotspot,
			BERLIN,
			old_proof.clone(),
			None
		));
		assert_eq!(Registrations::<Test>::get(&device), 1);
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_ok!(Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device.clone()));
		// Bob leaves: the record is withdrawn.
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(bob()), device.clone()));
		System::set_block_number(1 + DELAY);
		assert_ok!(Registry::withdraw_deposit(RuntimeOrigin::signed(bob()), device.clone()));
		// Alice replays the old proof: it was spent on registration 0.
		assert_noop!(
			register_call(&alice(), &device, DeviceKind::Hotspot, BERLIN, old_proof, None),
			Error::<Test>::InvalidPossessionProof
		);
		// Only a fresh proof by the device, for its next registration, registers it again.
		assert_ok!(register_call(
			&bob(),
			&device,
			DeviceKind::Hotspot,
			BERLIN,
			possession_proof(&key, &bob()),
			None
		));
		assert_eq!(Registrations::<Test>::get(&device), 2);
	});
}

#[test]
fn the_zero_key_with_a_zero_signature_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let zero = AccountId32::new([0; 32]);
		let forged = MultiSignature::Ed25519(ed25519::Signature::from_raw([0; 64]));
		// The forgery is real: ZIP-215 verification accepts it for the zero key.
		assert!(forged.verify(&possession_payload(&genesis(), &alice(), &zero, 0)[..], &zero));
		assert_noop!(
			register_call(&alice(), &zero, DeviceKind::Hotspot, BERLIN, forged, None),
			Error::<Test>::WeakKey
		);
	});
}

#[test]
fn every_small_order_key_is_refused_and_really_forges() {
	ExtBuilder::default().build_and_execute(|| {
		// R = the identity's encoding, s = 0: verifies any message for a small-order key.
		let mut raw = [0u8; 64];
		raw[0] = 1;
		let forged = MultiSignature::Ed25519(ed25519::Signature::from_raw(raw));
		for key in depin_primitives::keys::weak_keys() {
			let device = AccountId32::new(key);
			let payload = possession_payload(&genesis(), &alice(), &device, 0);
			assert!(forged.verify(&payload[..], &device), "{key:02x?} does not forge");
			assert_noop!(
				register_call(&alice(), &device, DeviceKind::Hotspot, BERLIN, forged.clone(), None),
				Error::<Test>::WeakKey
			);
		}
	});
}

#[test]
fn the_sr25519_identity_key_forges_and_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let zero = AccountId32::new([0; 32]);
		// schnorrkel: R = identity, s = 0 (with the schnorrkel marker bit).
		let mut raw = [0u8; 64];
		raw[63] = 0x80;
		let forged = MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw(raw));
		assert!(forged.verify(&possession_payload(&genesis(), &alice(), &zero, 0)[..], &zero));
		assert_noop!(
			register_call(&alice(), &zero, DeviceKind::Hotspot, BERLIN, forged, None),
			Error::<Test>::WeakKey
		);
	});
}
