use crate::{
	mock::*, Devices, DevicesByOwner, Error, Event, HoldReason, OfferEnd, OwnerDeviceCount,
	SuspensionReason, TransferOffer,
};
use depin_primitives::testing::{DeviceChange, RecordingChanges};
use frame_support::{assert_noop, assert_ok};

#[test]
fn accepted_transfer_moves_device_index_and_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_eq!(
			registry_events().last(),
			Some(&Event::TransferProposed {
				device: device.clone(),
				from: alice(),
				to: bob(),
				expires_at: 1 + OFFER_EXPIRY
			})
		);
		// Nothing moves until Bob accepts.
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), DEPOSIT);
		let (alice_free, bob_free) = (free(&alice()), free(&bob()));

		assert_ok!(Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device.clone()));
		let record = Devices::<Test>::get(&device).unwrap_or_else(|| panic!("gone"));
		assert_eq!(record.owner, bob());
		assert_eq!(record.transfer_offer, None);
		assert!(DevicesByOwner::<Test>::contains_key(bob(), &device));
		assert!(!DevicesByOwner::<Test>::contains_key(alice(), &device));
		assert_eq!(OwnerDeviceCount::<Test>::get(bob()), 1);
		assert!(!OwnerDeviceCount::<Test>::contains_key(alice()));
		assert_eq!(held(HoldReason::DeviceDeposit, &alice()), 0);
		assert_eq!(held(HoldReason::DeviceDeposit, &bob()), DEPOSIT);
		assert_eq!(free(&alice()), alice_free + DEPOSIT);
		assert_eq!(free(&bob()), bob_free - DEPOSIT);
		assert_eq!(
			registry_events().last(),
			Some(&Event::DeviceTransferred { device: device.clone(), from: alice(), to: bob() })
		);
		// Services learn of the new owner (rewards settle what Alice earned to Alice).
		assert_eq!(
			RecordingChanges::seen::<AccountId>(),
			vec![DeviceChange::OwnerChanged(device, alice(), bob())]
		);
	});
}

#[test]
fn transfer_to_self_or_by_non_owner_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::transfer_device(RuntimeOrigin::signed(alice()), device.clone(), alice()),
			Error::<Test>::TransferToSelf
		);
		assert_noop!(
			Registry::transfer_device(RuntimeOrigin::signed(bob()), device, bob()),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn only_the_offered_account_can_accept() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device.clone()),
			Error::<Test>::NotPendingOwner
		);
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(maker()), device),
			Error::<Test>::NotPendingOwner
		);
	});
}

#[test]
fn accepting_beyond_the_owner_limit_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		for i in 0..MAX_DEVICES {
			register(&bob(), &sr(&format!("bob-{i}")));
		}
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device),
			Error::<Test>::TooManyDevices
		);
	});
}

#[test]
fn deregistration_cancels_a_pending_transfer() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert!(registry_events().contains(&Event::TransferCancelled {
			device: device.clone(),
			to: bob(),
			reason: OfferEnd::Deregistered
		}));
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device),
			Error::<Test>::NotPendingOwner
		);
	});
}

#[test]
fn suspension_cancels_a_pending_transfer_with_an_event() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_ok!(Registry::suspend_device(deny(), device.clone(), SuspensionReason::Other));
		assert!(registry_events().contains(&Event::TransferCancelled {
			device: device.clone(),
			to: bob(),
			reason: OfferEnd::Suspended
		}));
		assert_eq!(Devices::<Test>::get(&device).and_then(|d| d.transfer_offer), None);
	});
}

#[test]
fn owner_cancels_an_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_noop!(
			Registry::cancel_device_transfer(RuntimeOrigin::signed(alice()), device.clone()),
			Error::<Test>::NoTransferOffer
		);
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		assert_noop!(
			Registry::cancel_device_transfer(RuntimeOrigin::signed(bob()), device.clone()),
			Error::<Test>::NotOwner
		);
		assert_ok!(Registry::cancel_device_transfer(
			RuntimeOrigin::signed(alice()),
			device.clone()
		));
		assert_eq!(
			registry_events().last(),
			Some(&Event::TransferCancelled {
				device: device.clone(),
				to: bob(),
				reason: OfferEnd::Cancelled
			})
		);
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device),
			Error::<Test>::NotPendingOwner
		);
	});
}

#[test]
fn a_new_offer_replaces_the_old_one_with_an_event() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		System::set_block_number(3);
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			maker()
		));
		assert!(registry_events().contains(&Event::TransferCancelled {
			device: device.clone(),
			to: bob(),
			reason: OfferEnd::Replaced
		}));
		assert_eq!(
			Devices::<Test>::get(&device).and_then(|d| d.transfer_offer),
			Some(TransferOffer { to: maker(), expires_at: 3 + OFFER_EXPIRY })
		);
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device),
			Error::<Test>::NotPendingOwner
		);
	});
}

#[test]
fn an_offer_expires() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::transfer_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			bob()
		));
		System::set_block_number(2 + OFFER_EXPIRY);
		assert_noop!(
			Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device.clone()),
			Error::<Test>::TransferOfferExpired
		);
		// The last block of the offer still works.
		System::set_block_number(1 + OFFER_EXPIRY);
		assert_ok!(Registry::accept_device_transfer(RuntimeOrigin::signed(bob()), device));
	});
}

#[test]
fn deregistered_device_cannot_be_offered() {
	ExtBuilder::default().build_and_execute(|| {
		let device = register(&alice(), &sr("device-1"));
		assert_ok!(Registry::deregister_device(RuntimeOrigin::signed(alice()), device.clone()));
		assert_noop!(
			Registry::transfer_device(RuntimeOrigin::signed(alice()), device, bob()),
			Error::<Test>::DeviceDeregistered
		);
	});
}
