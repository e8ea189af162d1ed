//! Every refusal of asks, proposals, acceptance, cancellation and settlement, each with its
//! error and nothing changed.

use super::*;
use crate::{Ask, Error};
use depin_primitives::{DeviceKind, DeviceState};
use frame_support::{assert_noop, assert_ok};

fn propose_to(
	client: AccountId,
	provider: AccountId,
	size: u64,
	duration: u32,
	price: Balance,
) -> sp_runtime::DispatchResult {
	Deals::propose_deal(
		RuntimeOrigin::signed(client),
		provider,
		bogus_root(),
		size,
		duration,
		price,
		COLLATERAL,
	)
}

#[test]
fn set_ask_refusals() {
	build_and_execute(|| {
		let o = RuntimeOrigin::signed(NODE_OWNER);
		assert_noop!(Deals::set_ask(o.clone(), 77, ask()), Error::<Test>::NotRegistered);
		assert_noop!(Deals::set_ask(o.clone(), HOTSPOT, ask()), Error::<Test>::NotAStorageNode);
		assert_noop!(
			Deals::set_ask(RuntimeOrigin::signed(STRANGER), NODE, ask()),
			Error::<Test>::NotOwner
		);
		for bad in [
			Ask { min_duration: 0, ..ask() },
			Ask { min_duration: 5, max_duration: 4, ..ask() },
			Ask { max_duration: 101, ..ask() },
			Ask { capacity: 0, ..ask() },
		] {
			assert_noop!(Deals::set_ask(o.clone(), NODE, bad), Error::<Test>::InvalidAsk);
		}
		set_state(NODE, DeviceState::Suspended);
		assert_noop!(Deals::set_ask(o.clone(), NODE, ask()), Error::<Test>::Suspended);
		set_state(NODE, DeviceState::Deregistered);
		assert_noop!(Deals::set_ask(o, NODE, ask()), Error::<Test>::Deregistered);
	});
}

#[test]
fn clear_ask_refusals() {
	build_and_execute(|| {
		assert_noop!(
			Deals::clear_ask(RuntimeOrigin::signed(NODE_OWNER), 77),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Deals::clear_ask(RuntimeOrigin::signed(STRANGER), NODE),
			Error::<Test>::NotOwner
		);
		assert_ok!(Deals::clear_ask(RuntimeOrigin::signed(NODE_OWNER), NODE));
		assert_noop!(
			Deals::clear_ask(RuntimeOrigin::signed(NODE_OWNER), NODE),
			Error::<Test>::NoAsk
		);
		// A suspended node's owner may still withdraw its ask.
		set_state(NODE2, DeviceState::Suspended);
		assert_ok!(Deals::clear_ask(RuntimeOrigin::signed(NODE2_OWNER), NODE2));
	});
}

#[test]
fn propose_refusals() {
	build_and_execute(|| {
		assert_noop!(propose_to(CLIENT, 77, SIZE, 3, PRICE), Error::<Test>::NotRegistered);
		assert_noop!(propose_to(CLIENT, HOTSPOT, SIZE, 3, PRICE), Error::<Test>::NotAStorageNode);
		assert_noop!(propose_to(NODE_OWNER, NODE, SIZE, 3, PRICE), Error::<Test>::SelfDeal);
		assert_noop!(propose_to(CLIENT, NODE, 0, 3, PRICE), Error::<Test>::EmptyFile);
		// Too large for the chain (the ask's capacity raised so that only the size limit bites).
		let roomy = Ask { capacity: u64::MAX, ..ask() };
		assert_ok!(Deals::set_ask(RuntimeOrigin::signed(NODE2_OWNER), NODE2, roomy));
		assert_noop!(
			propose_to(CLIENT, NODE2, MAX_SIZE + 1, 3, PRICE),
			Error::<Test>::DealTooLarge
		);
		assert_noop!(propose_to(CLIENT, NODE, SIZE, 0, PRICE), Error::<Test>::DurationOutOfRange);
		assert_noop!(propose_to(CLIENT, NODE, SIZE, 11, PRICE), Error::<Test>::DurationOutOfRange);
		assert_noop!(propose_to(CLIENT, NODE, SIZE, 3, PRICE - 1), Error::<Test>::PriceBelowAsk);
		assert_noop!(
			Deals::propose_deal(
				RuntimeOrigin::signed(CLIENT),
				NODE,
				bogus_root(),
				SIZE,
				3,
				PRICE,
				0
			),
			Error::<Test>::CollateralTooLow
		);
		assert_noop!(
			propose_to(CLIENT, NODE, 10_001, 3, PRICE),
			Error::<Test>::InsufficientCapacity
		);
		assert_noop!(
			propose_to(CLIENT, NODE, SIZE, 3, Balance::MAX / 1_000),
			Error::<Test>::PriceOverflow
		);
		assert_noop!(propose_to(PAUPER, NODE, SIZE, 3, PRICE), Error::<Test>::InsufficientBalance);
		// Enough for the payment but not for the deposit too.
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), PAUPER, TOTAL + 1);
		assert_noop!(propose_to(PAUPER, NODE, SIZE, 3, PRICE), Error::<Test>::InsufficientBalance);
		set_state(NODE, DeviceState::Suspended);
		assert_noop!(propose_to(CLIENT, NODE, SIZE, 3, PRICE), Error::<Test>::Suspended);
		set_state(NODE, DeviceState::Deregistered);
		assert_noop!(propose_to(CLIENT, NODE, SIZE, 3, PRICE), Error::<Test>::Deregistered);
		set_state(NODE, DeviceState::Active);
		assert_ok!(Deals::clear_ask(RuntimeOrigin::signed(NODE_OWNER), NODE));
		assert_noop!(propose_to(CLIENT, NODE, SIZE, 3, PRICE), Error::<Test>::NoAsk);
	});
}

#[test]
fn a_client_has_at_most_max_deals() {
	build_and_execute(|| {
		for _ in 0..MAX_CLIENT_DEALS {
			assert_ok!(propose_to(CLIENT, NODE, 10, 3, PRICE));
		}
		assert_noop!(propose_to(CLIENT, NODE, 10, 3, PRICE), Error::<Test>::TooManyDeals);
		assert_ok!(Deals::cancel_proposal(RuntimeOrigin::signed(CLIENT), 0));
		assert_ok!(propose_to(CLIENT, NODE, 10, 3, PRICE));
	});
}

#[test]
fn accept_refusals() {
	build_and_execute(|| {
		let owner = RuntimeOrigin::signed(NODE_OWNER);
		assert_noop!(Deals::accept_deal(owner.clone(), 9), Error::<Test>::UnknownDeal);
		let id = propose();
		assert_noop!(
			Deals::accept_deal(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NotOwner
		);
		set_state(NODE, DeviceState::Suspended);
		assert_noop!(Deals::accept_deal(owner.clone(), id), Error::<Test>::Suspended);
		set_state(NODE, DeviceState::Deregistered);
		assert_noop!(Deals::accept_deal(owner.clone(), id), Error::<Test>::Deregistered);
		set_state(NODE, DeviceState::Active);
		// The owner cannot afford the collateral.
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), NODE_OWNER, COLLATERAL - 1);
		assert_noop!(Deals::accept_deal(owner.clone(), id), Error::<Test>::InsufficientBalance);
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), NODE_OWNER, INITIAL);
		// The ask withdrawn since the proposal.
		assert_ok!(Deals::clear_ask(owner.clone(), NODE));
		assert_noop!(Deals::accept_deal(owner.clone(), id), Error::<Test>::NoAsk);
		// The capacity lowered below the deal since the proposal.
		assert_ok!(Deals::set_ask(owner.clone(), NODE, Ask { capacity: SIZE - 1, ..ask() }));
		assert_noop!(Deals::accept_deal(owner.clone(), id), Error::<Test>::InsufficientCapacity);
		assert_ok!(Deals::set_ask(owner.clone(), NODE, ask()));
		// The device now belongs to the client: no deal with oneself.
		put_device(NODE, CLIENT, DeviceKind::StorageNode);
		assert_noop!(
			Deals::accept_deal(RuntimeOrigin::signed(CLIENT), id),
			Error::<Test>::SelfDeal
		);
		put_device(NODE, NODE_OWNER, DeviceKind::StorageNode);
		assert_ok!(Deals::accept_deal(owner.clone(), id));
		assert_noop!(Deals::accept_deal(owner, id), Error::<Test>::NotProposed);
	});
}

#[test]
fn a_provider_runs_at_most_max_deals() {
	build_and_execute(|| {
		let owner = RuntimeOrigin::signed(NODE_OWNER);
		for i in 0..=MAX_PROVIDER_DEALS as u64 {
			let client = if i == 0 { CLIENT } else { CLIENT2 };
			assert_ok!(propose_to(client, NODE, 10, 3, PRICE));
		}
		for i in 0..MAX_PROVIDER_DEALS as u64 {
			assert_ok!(Deals::accept_deal(owner.clone(), i));
		}
		assert_noop!(
			Deals::accept_deal(owner, MAX_PROVIDER_DEALS as u64),
			Error::<Test>::ProviderFull
		);
	});
}

#[test]
fn cancel_refusals() {
	build_and_execute(|| {
		assert_noop!(
			Deals::cancel_proposal(RuntimeOrigin::signed(CLIENT), 9),
			Error::<Test>::UnknownDeal
		);
		let id = propose();
		assert_noop!(
			Deals::cancel_proposal(RuntimeOrigin::signed(NODE_OWNER), id),
			Error::<Test>::NotClient
		);
		assert_ok!(Deals::accept_deal(RuntimeOrigin::signed(NODE_OWNER), id));
		assert_noop!(
			Deals::cancel_proposal(RuntimeOrigin::signed(CLIENT), id),
			Error::<Test>::NotProposed
		);
	});
}

#[test]
fn settle_and_report_refusals() {
	build_and_execute(|| {
		let owner = RuntimeOrigin::signed(NODE_OWNER);
		assert_noop!(Deals::settle_deal(owner.clone(), 9), Error::<Test>::UnknownDeal);
		assert_noop!(
			Deals::report_fault(RuntimeOrigin::signed(STRANGER), 9),
			Error::<Test>::UnknownDeal
		);
		let proposed = propose();
		assert_noop!(Deals::settle_deal(owner.clone(), proposed), Error::<Test>::NotActive);
		assert_noop!(
			Deals::report_fault(RuntimeOrigin::signed(STRANGER), proposed),
			Error::<Test>::NotActive
		);
		assert_ok!(Deals::accept_deal(owner.clone(), proposed));
		run_to_period(1);
		assert_ok!(prove_now(proposed, &data()));
		assert_noop!(
			Deals::settle_deal(RuntimeOrigin::signed(STRANGER), proposed),
			Error::<Test>::NotDealParty
		);
		assert_noop!(
			Deals::settle_deal(RuntimeOrigin::signed(NODE), proposed),
			Error::<Test>::NotDealParty
		);
		assert_noop!(
			Deals::report_fault(RuntimeOrigin::signed(STRANGER), proposed),
			Error::<Test>::NoFault
		);
		assert_ok!(Deals::settle_deal(owner.clone(), proposed));
		assert_noop!(Deals::settle_deal(owner, proposed), Error::<Test>::NothingToSettle);
	});
}
