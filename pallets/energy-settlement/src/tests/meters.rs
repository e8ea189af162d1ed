//! Zones, meters and escrow: every call's success with its event and holds, every refusal.

use super::*;
use crate::{Error, Event, Zone};
use depin_primitives::DeviceState;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn zones_are_created_by_zone_origin_with_valid_tariffs() {
	build_and_execute(|| {
		let t = Tariffs { import: 9, local: 5, feed_in: 5 };
		assert_noop!(
			Energy::create_zone(RuntimeOrigin::signed(STRANGER), OPERATOR, t),
			DispatchError::BadOrigin
		);
		let bad = Tariffs { import: 9, local: 10, feed_in: 1 };
		assert_noop!(
			Energy::create_zone(RuntimeOrigin::root(), OPERATOR, bad),
			Error::<Test>::InvalidTariffs
		);
		assert_ok!(Energy::create_zone(RuntimeOrigin::root(), STRANGER, t));
		assert_eq!(last_event(), Event::ZoneCreated { zone: 1, operator: STRANGER, tariffs: t });
		assert_eq!(
			crate::Zones::<Test>::get(1),
			Some(Zone { operator: STRANGER, tariffs: t, next_tariffs: None, meters: 0 })
		);
		assert_ok!(Energy::create_zone(RuntimeOrigin::root(), STRANGER, t));
		assert_noop!(
			Energy::create_zone(RuntimeOrigin::root(), STRANGER, t),
			Error::<Test>::TooManyZones
		);
		assert_eq!(crate::NextZoneId::<Test>::get(), MAX_ZONES);
	});
}

#[test]
fn tariffs_change_from_the_next_interval() {
	build_and_execute(|| {
		ready(&[M1, M4]);
		let new = Tariffs { import: 50, local: 40, feed_in: 5 };
		assert_noop!(
			Energy::update_tariffs(RuntimeOrigin::signed(OPERATOR), 0, new),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Energy::update_tariffs(RuntimeOrigin::root(), 9, new),
			Error::<Test>::UnknownZone
		);
		let bad = Tariffs { import: 50, local: 40, feed_in: 41 };
		assert_noop!(
			Energy::update_tariffs(RuntimeOrigin::root(), 0, bad),
			Error::<Test>::InvalidTariffs
		);
		// At block 10 (interval 1 in progress): the new prices apply from interval 2.
		assert_ok!(Energy::update_tariffs(RuntimeOrigin::root(), 0, new));
		assert_eq!(last_event(), Event::TariffsUpdated { zone: 0, from: 2, tariffs: new });
		run_to_reading(1);
		// In interval 2 the new prices start while interval 1 may still get its first reading at
		// the old ones: no third set yet.
		assert_noop!(
			Energy::update_tariffs(RuntimeOrigin::root(), 0, tariffs()),
			Error::<Test>::TariffsPending
		);
		read_one(M1, 10, 0);
		read_one(M4, 0, 10);
		assert_eq!(crate::Intervals::<Test>::get(0, 1).unwrap().tariffs, tariffs());
		run_to_reading(2);
		let (p, c) = base(M1);
		assert_ok!(read(M1, 2, p + 20, c));
		assert_ok!(read(M4, 2, base(M4).0, base(M4).1 + 20));
		assert_eq!(crate::Intervals::<Test>::get(0, 2).unwrap().tariffs, new);
		// A second update in interval 3 promotes the first to current.
		assert_ok!(Energy::update_tariffs(RuntimeOrigin::root(), 0, tariffs()));
		// A correction in the same interval replaces it.
		assert_ok!(Energy::update_tariffs(RuntimeOrigin::root(), 0, tariffs()));
		let zone = crate::Zones::<Test>::get(0).unwrap();
		assert_eq!((zone.tariffs, zone.next_tariffs), (new, Some((4, tariffs()))));
		run_to_final(2);
		for (k, price) in [(1, 20), (2, 40)] {
			let before = free(owner(M1));
			assert_ok!(settle(M1, k));
			assert_eq!(free(owner(M1)) - before, 10 * price, "interval {k}");
			assert_ok!(settle(M4, k));
		}
	});
}

#[test]
fn register_meter_holds_the_deposit() {
	build_and_execute(|| {
		assert_ok!(Energy::register_meter(RuntimeOrigin::signed(owner(M1)), M1, 0, 5_000));
		assert_eq!(
			last_event(),
			Event::MeterRegistered {
				meter: M1,
				account: owner(M1),
				zone: 0,
				capacity_w: 5_000,
				deposit: DEPOSIT,
				first_interval: 0,
			}
		);
		assert_eq!(holds(owner(M1)), (DEPOSIT, 0, 0));
		assert_eq!(free(owner(M1)), INITIAL - DEPOSIT);
		assert_eq!(crate::Zones::<Test>::get(0).unwrap().meters, 1);
		let meter = crate::Meters::<Test>::get(M1).unwrap();
		assert_eq!((meter.next, meter.registers, meter.capacity_w), (0, None, 5_000));
	});
}

#[test]
fn register_meter_refusals() {
	build_and_execute(|| {
		let reg = |who, device, zone, cap| {
			Energy::register_meter(RuntimeOrigin::signed(who), device, zone, cap)
		};
		assert_noop!(reg(owner(M1), 77, 0, 1), Error::<Test>::NotRegistered);
		assert_noop!(reg(owner(M1), HOTSPOT, 0, 1), Error::<Test>::NotAnEnergyMeter);
		assert_noop!(reg(STRANGER, M1, 0, 1), Error::<Test>::NotOwner);
		assert_noop!(reg(owner(M1), M1, 0, 0), Error::<Test>::InvalidCapacity);
		assert_noop!(reg(owner(M1), M1, 0, MAX_CAPACITY + 1), Error::<Test>::InvalidCapacity);
		assert_noop!(reg(owner(M1), M1, 5, 1), Error::<Test>::UnknownZone);
		set_state(M2, DeviceState::Suspended);
		assert_noop!(reg(owner(M2), M2, 0, 1), Error::<Test>::Suspended);
		set_state(M2, DeviceState::Deregistered);
		assert_noop!(reg(owner(M2), M2, 0, 1), Error::<Test>::Deregistered);
		put_device(8, PAUPER, depin_primitives::DeviceKind::EnergyMeter);
		assert_noop!(reg(PAUPER, 8, 0, 1), Error::<Test>::InsufficientBalance);
		assert_ok!(reg(owner(M1), M1, 0, MAX_CAPACITY));
		assert_noop!(reg(owner(M1), M1, 0, 1), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn escrow_is_funded_and_withdrawn_down_to_the_reserve() {
	build_and_execute(|| {
		register(M4, 10_000);
		let fund = |who, amount| Energy::fund_escrow(RuntimeOrigin::signed(who), M4, amount);
		let withdraw =
			|who, amount| Energy::withdraw_escrow(RuntimeOrigin::signed(who), M4, amount);
		assert_noop!(fund(owner(M4), 0), Error::<Test>::ZeroAmount);
		assert_noop!(fund(STRANGER, 5), Error::<Test>::NotMeterAccount);
		assert_noop!(
			Energy::fund_escrow(RuntimeOrigin::signed(owner(M1)), M1, 5),
			Error::<Test>::UnknownMeter
		);
		assert_noop!(fund(owner(M4), INITIAL), Error::<Test>::InsufficientBalance);
		assert_ok!(fund(owner(M4), 5_000));
		assert_eq!(
			last_event(),
			Event::EscrowFunded { meter: M4, amount: 5_000, debt_paid: 0, deposit_restored: 0 }
		);
		assert_eq!(holds(owner(M4)), (DEPOSIT, 5_000, 0));
		// A reading of 100 Wh reserves 100 × import (30) = 3,000.
		run_to_reading(0);
		assert_ok!(read(M4, 0, 0, 0));
		run_to_reading(1);
		assert_ok!(read(M4, 1, 0, 100));
		assert_eq!(crate::Meters::<Test>::get(M4).unwrap().reserved(), 3_000);
		assert_noop!(withdraw(owner(M4), 2_001), Error::<Test>::EscrowReserved);
		assert_noop!(withdraw(owner(M4), 0), Error::<Test>::ZeroAmount);
		assert_noop!(withdraw(STRANGER, 1), Error::<Test>::NotMeterAccount);
		assert_noop!(
			Energy::withdraw_escrow(RuntimeOrigin::signed(owner(M1)), M1, 1),
			Error::<Test>::UnknownMeter
		);
		assert_ok!(withdraw(owner(M4), 2_000));
		assert_eq!(last_event(), Event::EscrowWithdrawn { meter: M4, amount: 2_000 });
		assert_eq!(holds(owner(M4)), (DEPOSIT, 3_000, 0));
		// Alone in the zone it pays the import price, 3,000: the reserve was exactly enough.
		run_to_final(1);
		assert_ok!(settle(M4, 1));
		assert_eq!(holds(owner(M4)), (DEPOSIT, 0, 0));
		assert_eq!(crate::Meters::<Test>::get(M4).unwrap().reserved(), 0);
	});
}

#[test]
fn a_short_escrow_leaves_debt_that_bars_readings_until_paid() {
	build_and_execute(|| {
		register(M4, 10_000);
		assert_ok!(Energy::fund_escrow(RuntimeOrigin::signed(owner(M4)), M4, 1_000));
		run_to_reading(0);
		assert_ok!(read(M4, 0, 0, 0));
		run_to_reading(1);
		// 150 Wh at 30: 4,500 owed, 1,000 in escrow. The reading is accepted (energy flowed).
		assert_ok!(read(M4, 1, 0, 150));
		run_to_final(1);
		let operator = free(OPERATOR);
		assert_ok!(settle(M4, 1));
		// The escrow pays 1,000, the deposit 1,000 (penalised for what escrow lacks), 2,500 is debt.
		assert_eq!(
			last_event(),
			Event::Settled {
				meter: M4,
				interval: 1,
				receipt: 0,
				payment: 4_500,
				credit: 0,
				debit: 4_500,
				from_escrow: 1_000,
				from_deposit: DEPOSIT,
				debt: 2_500,
				points: 0,
			}
		);
		assert_eq!(free(OPERATOR), operator + 2_000);
		assert_eq!(holds(owner(M4)), (0, 0, 0));
		assert_eq!(crate::Meters::<Test>::get(M4).unwrap().debt, 2_500);
		run_to_reading(2);
		assert_noop!(read(M4, 2, 0, 150), Error::<Test>::InDebt);
		assert_noop!(
			Energy::deregister_meter(RuntimeOrigin::signed(owner(M4)), M4),
			Error::<Test>::InDebt
		);
		// Funding pays the debt first, to the operator, then restores the deposit; the rest is
		// escrow.
		assert_ok!(Energy::fund_escrow(RuntimeOrigin::signed(owner(M4)), M4, 4_000));
		assert_eq!(
			last_event(),
			Event::EscrowFunded {
				meter: M4,
				amount: 4_000,
				debt_paid: 2_500,
				deposit_restored: DEPOSIT
			}
		);
		assert_eq!(free(OPERATOR), operator + 4_500);
		assert_eq!(holds(owner(M4)), (DEPOSIT, 500, 0));
		assert_ok!(read(M4, 2, 0, 200));
	});
}

#[test]
fn funding_less_than_the_debt_pays_part_of_it() {
	build_and_execute(|| {
		register(M4, 10_000);
		run_to_reading(0);
		assert_ok!(read(M4, 0, 0, 0));
		run_to_reading(1);
		assert_ok!(read(M4, 1, 0, 100));
		run_to_final(1);
		// 3,000 owed, no escrow: 1,000 from the deposit, 2,000 debt.
		assert_ok!(settle(M4, 1));
		assert_eq!(crate::Meters::<Test>::get(M4).unwrap().debt, 2_000);
		assert_ok!(Energy::fund_escrow(RuntimeOrigin::signed(owner(M4)), M4, 100));
		assert_eq!(crate::Meters::<Test>::get(M4).unwrap().debt, 1_900);
		assert_eq!(holds(owner(M4)), (0, 0, 0));
	});
}

#[test]
fn the_operator_must_be_able_to_pay() {
	build_and_execute(|| {
		ready(&[M1]);
		run_to_reading(1);
		read_one(M1, 100, 0);
		run_to_final(1);
		// The operator moves its money away: the producer's 1,000 cannot be paid yet.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(OPERATOR),
			STRANGER,
			INITIAL
		));
		assert_noop!(settle(M1, 1), Error::<Test>::OperatorCannotPay);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(STRANGER),
			OPERATOR,
			5_000
		));
		assert_ok!(settle(M1, 1));
		assert_eq!(free(OPERATOR), 4_000);
	});
}

#[test]
fn deregistration_returns_escrow_and_deposit_after_missed_penalties() {
	build_and_execute(|| {
		ready(&[M4]);
		assert_noop!(
			Energy::deregister_meter(RuntimeOrigin::signed(STRANGER), M4),
			Error::<Test>::NotMeterAccount
		);
		assert_noop!(
			Energy::deregister_meter(RuntimeOrigin::signed(owner(M4)), M5),
			Error::<Test>::UnknownMeter
		);
		run_to_reading(1);
		read_one(M4, 0, 10);
		assert_noop!(
			Energy::deregister_meter(RuntimeOrigin::signed(owner(M4)), M4),
			Error::<Test>::UnsettledReadings
		);
		run_to_final(1);
		assert_ok!(settle(M4, 1));
		// Intervals 2 and 3 are final and unread: two penalties. Interval 4 is in its grace.
		run_to_reading(4);
		let treasury = free(TREASURY);
		assert_ok!(Energy::deregister_meter(RuntimeOrigin::signed(owner(M4)), M4));
		assert_eq!(
			last_event(),
			Event::MeterDeregistered {
				meter: M4,
				account: owner(M4),
				released: DEPOSIT - 2 * PENALTY + ESCROW - 300,
				missed: 2,
				penalty: 2 * PENALTY,
			}
		);
		assert_eq!(free(TREASURY), treasury + 2 * PENALTY);
		assert_eq!(holds(owner(M4)), (0, 0, 0));
		assert_eq!(free(owner(M4)), INITIAL - 300 - 2 * PENALTY);
		assert!(crate::Meters::<Test>::get(M4).is_none());
		assert_eq!(crate::Zones::<Test>::get(0).unwrap().meters, 0);
	});
}

#[test]
fn a_new_device_owner_can_deregister_but_the_money_goes_back_to_the_meter_account() {
	build_and_execute(|| {
		register(M1, 100);
		put_device(M1, STRANGER, depin_primitives::DeviceKind::EnergyMeter);
		assert_noop!(
			Energy::register_meter(RuntimeOrigin::signed(STRANGER), M1, 0, 100),
			Error::<Test>::AlreadyRegistered
		);
		assert_ok!(Energy::deregister_meter(RuntimeOrigin::signed(STRANGER), M1));
		assert_eq!(free(owner(M1)), INITIAL);
		assert_eq!(free(STRANGER), INITIAL);
		assert_ok!(Energy::register_meter(RuntimeOrigin::signed(STRANGER), M1, 0, 100));
	});
}

#[test]
fn try_state_catches_broken_invariants() {
	new_test_ext().execute_with(|| {
		ready(&[M1, M4]);
		run_to_reading(1);
		read_one(M1, 10, 0);
		read_one(M4, 0, 10);
		assert_ok!(crate::Pallet::<Test>::do_try_state());
		crate::Intervals::<Test>::mutate(0, 1, |t| t.as_mut().unwrap().flow.produced += 1);
		assert!(crate::Pallet::<Test>::do_try_state().is_err(), "totals");
		crate::Intervals::<Test>::mutate(0, 1, |t| t.as_mut().unwrap().flow.produced -= 1);
		crate::Meters::<Test>::mutate(M4, |m| m.as_mut().unwrap().escrow += 1);
		assert!(crate::Pallet::<Test>::do_try_state().is_err(), "escrow hold");
		crate::Meters::<Test>::mutate(M4, |m| m.as_mut().unwrap().escrow -= 1);
		crate::Zones::<Test>::mutate(0, |z| z.as_mut().unwrap().meters += 1);
		assert!(crate::Pallet::<Test>::do_try_state().is_err(), "meter count");
		crate::Zones::<Test>::mutate(0, |z| z.as_mut().unwrap().meters -= 1);
		crate::Meters::<Test>::mutate(M1, |m| m.as_mut().unwrap().readings.clear());
		assert!(crate::Pallet::<Test>::do_try_state().is_err(), "a lost reading");
	});
}
