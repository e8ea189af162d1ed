use crate::{mock::*, Error, Event, HoldReason, MakerStatus, Makers, RequiresMaker};
use depin_primitives::DeviceKind;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{AccountId32, DispatchError};

fn name(text: &str) -> crate::MakerNameOf<Test> {
	text.as_bytes().to_vec().try_into().unwrap_or_default()
}

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
fn maker_applies_with_its_own_bond_and_governance_approves() {
	ExtBuilder::default().without_maker().build_and_execute(|| {
		assert_ok!(Registry::apply_maker(RuntimeOrigin::signed(maker()), b"Acme".to_vec()));
		assert_eq!(held(HoldReason::MakerBond, &maker()), MAKER_BOND);
		assert_eq!(free(&maker()), INITIAL - MAKER_BOND);
		assert_eq!(Makers::<Test>::get(maker()).map(|m| m.status), Some(MakerStatus::Applied));
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerApplied { maker: maker(), name: name("Acme"), bond: MAKER_BOND })
		);
		assert_noop!(
			Registry::apply_maker(RuntimeOrigin::signed(maker()), b"Acme".to_vec()),
			Error::<Test>::MakerApplicationPending
		);

		assert_ok!(Registry::approve_maker(council(), maker()));
		assert_eq!(Makers::<Test>::get(maker()).map(|m| m.status), Some(MakerStatus::Active));
		assert_eq!(registry_events().last(), Some(&Event::MakerApproved { maker: maker() }));
		assert_noop!(
			Registry::approve_maker(council(), maker()),
			Error::<Test>::MakerAlreadyActive
		);
		assert_noop!(
			Registry::apply_maker(RuntimeOrigin::signed(maker()), b"Acme".to_vec()),
			Error::<Test>::MakerAlreadyActive
		);
	});
}

#[test]
fn governance_cannot_bond_an_account_that_did_not_apply() {
	ExtBuilder::default().without_maker().build_and_execute(|| {
		let before = free(&bob());
		assert_noop!(Registry::approve_maker(council(), bob()), Error::<Test>::NoMakerApplication);
		assert_eq!(free(&bob()), before);
		assert_eq!(held(HoldReason::MakerBond, &bob()), 0);
		assert_eq!(Makers::<Test>::get(bob()), None);
	});
}

#[test]
fn an_applicant_attests_nothing_until_approved() {
	ExtBuilder::default().without_maker().build_and_execute(|| {
		assert_ok!(Registry::apply_maker(RuntimeOrigin::signed(maker()), b"Acme".to_vec()));
		let key = sr("meter");
		let device = account(&key);
		assert_noop!(
			Registry::register_device(
				RuntimeOrigin::signed(alice()),
				device.clone(),
				DeviceKind::EnergyMeter,
				BERLIN,
				possession_proof(&key, &alice()),
				Some(attestation(&device, DeviceKind::EnergyMeter)),
			),
			Error::<Test>::MakerNotActive
		);
	});
}

#[test]
fn an_applicant_withdraws_and_gets_its_bond_back() {
	ExtBuilder::default().without_maker().build_and_execute(|| {
		assert_noop!(
			Registry::withdraw_maker_application(RuntimeOrigin::signed(maker())),
			Error::<Test>::NoMakerApplication
		);
		assert_ok!(Registry::apply_maker(RuntimeOrigin::signed(maker()), b"Acme".to_vec()));
		assert_ok!(Registry::withdraw_maker_application(RuntimeOrigin::signed(maker())));
		assert_eq!(free(&maker()), INITIAL);
		assert_eq!(held(HoldReason::MakerBond, &maker()), 0);
		assert_eq!(Makers::<Test>::get(maker()), None);
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerApplicationWithdrawn { maker: maker(), released: MAKER_BOND })
		);
	});
}

#[test]
fn an_approved_maker_cannot_withdraw_as_an_applicant() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Registry::withdraw_maker_application(RuntimeOrigin::signed(maker())),
			Error::<Test>::NoMakerApplication
		);
	});
}

#[test]
fn apply_maker_checks_name_funds_and_key() {
	ExtBuilder::default().without_maker().build_and_execute(|| {
		assert_noop!(
			Registry::apply_maker(RuntimeOrigin::signed(maker()), vec![b'x'; 17]),
			Error::<Test>::MakerNameTooLong
		);
		let poor = account(&sr("poor"));
		assert_noop!(
			Registry::apply_maker(RuntimeOrigin::signed(poor), b"Poor".to_vec()),
			Error::<Test>::InsufficientBalance
		);
		let zero = AccountId32::new([0; 32]);
		assert_noop!(
			Registry::apply_maker(RuntimeOrigin::signed(zero), b"Zero".to_vec()),
			Error::<Test>::WeakKey
		);
	});
}

#[test]
fn removed_maker_gets_its_bond_back_and_can_return() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Registry::remove_maker(council(), maker()));
		assert_eq!(held(HoldReason::MakerBond, &maker()), 0);
		assert_eq!(free(&maker()), INITIAL);
		let record = Makers::<Test>::get(maker()).unwrap_or_else(|| panic!("record must stay"));
		assert_eq!((record.status, record.bond), (MakerStatus::Removed, 0));
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerRemoved { maker: maker(), released: MAKER_BOND })
		);
		assert_noop!(Registry::remove_maker(council(), maker()), Error::<Test>::MakerNotActive);
		assert_noop!(Registry::remove_maker(council(), alice()), Error::<Test>::UnknownMaker);
		assert_noop!(
			Registry::approve_maker(council(), maker()),
			Error::<Test>::NoMakerApplication
		);
		assert_noop!(
			Registry::top_up_maker_bond(RuntimeOrigin::signed(maker())),
			Error::<Test>::MakerNotActive
		);
		// It applies again: a new bond is held.
		assert_ok!(Registry::apply_maker(RuntimeOrigin::signed(maker()), b"Acme 2".to_vec()));
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
		assert_ok!(Registry::remove_maker(council(), maker()));
		// try_state (run after the test) checks the device's maker is still known.
		assert!(Makers::<Test>::contains_key(maker()));
	});
}

#[test]
fn maker_bond_is_slashed_to_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let treasury_before = free(&treasury());
		assert_ok!(Registry::slash_maker(council(), maker(), 400));
		assert_eq!(held(HoldReason::MakerBond, &maker()), MAKER_BOND - 400);
		assert_eq!(Makers::<Test>::get(maker()).map(|m| m.bond), Some(MAKER_BOND - 400));
		assert_eq!(free(&treasury()), treasury_before + 400);
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerSlashed { maker: maker(), amount: 400 })
		);
		assert_noop!(
			Registry::slash_maker(council(), maker(), MAKER_BOND),
			Error::<Test>::SlashTooLarge
		);
		assert_noop!(Registry::slash_maker(council(), alice(), 1), Error::<Test>::UnknownMaker);
		// The rest comes back on removal.
		assert_ok!(Registry::remove_maker(council(), maker()));
		assert_eq!(free(&maker()), INITIAL - 400);
	});
}

#[test]
fn zero_slashes_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Registry::slash_maker(council(), maker(), 0), Error::<Test>::ZeroSlash);
	});
}

#[test]
fn a_slashed_maker_attests_nothing_until_it_tops_up() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Registry::top_up_maker_bond(RuntimeOrigin::signed(maker())),
			Error::<Test>::NothingToTopUp
		);
		assert_noop!(
			Registry::top_up_maker_bond(RuntimeOrigin::signed(alice())),
			Error::<Test>::UnknownMaker
		);
		assert_ok!(Registry::slash_maker(council(), maker(), 1));
		let key = sr("meter");
		let device = account(&key);
		let register = || {
			Registry::register_device(
				RuntimeOrigin::signed(alice()),
				device.clone(),
				DeviceKind::EnergyMeter,
				BERLIN,
				possession_proof(&key, &alice()),
				Some(attestation(&device, DeviceKind::EnergyMeter)),
			)
		};
		assert_noop!(register(), Error::<Test>::MakerBondTooLow);

		let before = free(&maker());
		assert_ok!(Registry::top_up_maker_bond(RuntimeOrigin::signed(maker())));
		assert_eq!(free(&maker()), before - 1);
		assert_eq!(held(HoldReason::MakerBond, &maker()), MAKER_BOND);
		assert_eq!(Makers::<Test>::get(maker()).map(|m| m.bond), Some(MAKER_BOND));
		assert_eq!(
			registry_events().last(),
			Some(&Event::MakerBondToppedUp { maker: maker(), amount: 1 })
		);
		assert_ok!(register());
	});
}

#[test]
fn maker_calls_need_the_maker_council() {
	ExtBuilder::default().build_and_execute(|| {
		for wrong in [RuntimeOrigin::root(), deny(), RuntimeOrigin::signed(alice())] {
			assert_noop!(Registry::approve_maker(wrong.clone(), maker()), DispatchError::BadOrigin);
			assert_noop!(Registry::remove_maker(wrong.clone(), maker()), DispatchError::BadOrigin);
			assert_noop!(Registry::slash_maker(wrong, maker(), 1), DispatchError::BadOrigin);
		}
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
		for wrong in [deny(), council(), RuntimeOrigin::signed(alice())] {
			assert_noop!(
				Registry::set_kind_policy(wrong, DeviceKind::Hotspot, false),
				DispatchError::BadOrigin
			);
		}
	});
}
