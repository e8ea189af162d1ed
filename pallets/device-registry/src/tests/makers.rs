use crate::{mock::*, Error, Event, HoldReason, MakerStatus, Makers, RequiresMaker};
use depin_primitives::DeviceKind;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn genesis_maker_is_approved_with_its_bond_held() {
	ExtBuilder::default().build_and_execute(|| {
		let record = Makers::<Test>::get(maker()).unwrap_or_else(|| panic!("no maker"));
		assert_eq!(record.status, MakerStatus::Active);
		assert_eq!(record.name.to_vec(), b"Acme".to_vec());
		assert_eq!(held(HoldReason::MakerBond, &maker()), MAKER_BOND);
		assert!(RequiresMaker::<Test>::get(DeviceKind::EnergyMeter));
		assert!(!RequiresMaker::<Test>::get(DeviceKind::Hotspot));
	});
}

#[test]
fn add_maker_holds_bond() {
	ExtBuilder::default().without_maker().build_and_execute(|| {
		assert_ok!(Registry::add_maker(RuntimeOrigin::root(), maker(), b"Acme".to_vec()));
		assert_eq!(held(HoldReason::MakerBond, &maker()), MAKER_BOND);
		assert_eq!(free(&maker()), INITIAL - MAKER_BOND);
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerAdded {
				maker: maker(),
				name: b"Acme".to_vec().try_into().unwrap_or_default(),
				bond: MAKER_BOND
			})
		);
		assert_noop!(
			Registry::add_maker(RuntimeOrigin::root(), maker(), b"Acme".to_vec()),
			Error::<Test>::MakerAlreadyActive
		);
	});
}

#[test]
fn add_maker_checks_name_funds_and_origin() {
	ExtBuilder::default().without_maker().build_and_execute(|| {
		assert_noop!(
			Registry::add_maker(RuntimeOrigin::root(), maker(), vec![b'x'; 17]),
			Error::<Test>::MakerNameTooLong
		);
		let poor = account(&sr("poor"));
		assert_noop!(
			Registry::add_maker(RuntimeOrigin::root(), poor, b"Poor".to_vec()),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Registry::add_maker(RuntimeOrigin::signed(alice()), maker(), b"Acme".to_vec()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn removed_maker_gets_its_bond_back_and_can_return() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Registry::remove_maker(RuntimeOrigin::root(), maker()));
		assert_eq!(held(HoldReason::MakerBond, &maker()), 0);
		assert_eq!(free(&maker()), INITIAL);
		let record = Makers::<Test>::get(maker()).unwrap_or_else(|| panic!("record must stay"));
		assert_eq!((record.status, record.bond), (MakerStatus::Removed, 0));
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerRemoved { maker: maker(), released: MAKER_BOND })
		);
		assert_noop!(
			Registry::remove_maker(RuntimeOrigin::root(), maker()),
			Error::<Test>::MakerNotActive
		);
		assert_noop!(
			Registry::remove_maker(RuntimeOrigin::root(), alice()),
			Error::<Test>::UnknownMaker
		);
		// Approved again: a new bond is held.
		assert_ok!(Registry::add_maker(RuntimeOrigin::root(), maker(), b"Acme 2".to_vec()));
		assert_eq!(held(HoldReason::MakerBond, &maker()), MAKER_BOND);
	});
}

#[test]
fn devices_of_a_removed_maker_keep_a_known_maker() {
	ExtBuilder::default().build_and_execute(|| {
		let key = sr("meter");
		let device = account(&key);
		assert_ok!(Registry::register_device(
			RuntimeOrigin::signed(alice()),
			device.clone(),
			DeviceKind::EnergyMeter,
			BERLIN,
			possession_proof(&key, &alice()),
			Some(attestation(&device, DeviceKind::EnergyMeter)),
		));
		assert_ok!(Registry::remove_maker(RuntimeOrigin::root(), maker()));
		// try_state (run after the test) checks the device's maker is still known.
		assert!(Makers::<Test>::contains_key(maker()));
	});
}

#[test]
fn maker_bond_is_slashed_to_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let treasury_before = free(&treasury());
		assert_ok!(Registry::slash_maker(RuntimeOrigin::root(), maker(), 400));
		assert_eq!(held(HoldReason::MakerBond, &maker()), MAKER_BOND - 400);
		assert_eq!(Makers::<Test>::get(maker()).map(|m| m.bond), Some(MAKER_BOND - 400));
		assert_eq!(free(&treasury()), treasury_before + 400);
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerSlashed { maker: maker(), amount: 400 })
		);
		assert_noop!(
			Registry::slash_maker(RuntimeOrigin::root(), maker(), MAKER_BOND),
			Error::<Test>::SlashTooLarge
		);
		assert_noop!(
			Registry::slash_maker(RuntimeOrigin::root(), alice(), 1),
			Error::<Test>::UnknownMaker
		);
		// The rest comes back on removal.
		assert_ok!(Registry::remove_maker(RuntimeOrigin::root(), maker()));
		assert_eq!(free(&maker()), INITIAL - 400);
	});
}

#[test]
fn kind_policy_is_set_by_admin_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Registry::set_kind_policy(RuntimeOrigin::root(), DeviceKind::Hotspot, true));
		assert!(RequiresMaker::<Test>::get(DeviceKind::Hotspot));
		assert_eq!(
			registry_events().last(),
			Some(&Event::KindPolicySet { kind: DeviceKind::Hotspot, requires_maker: true })
		);
		assert_noop!(
			Registry::set_kind_policy(RuntimeOrigin::signed(alice()), DeviceKind::Hotspot, false),
			DispatchError::BadOrigin
		);
	});
}
