//! Tests of storage deals: a deal's whole life with exact balances, proofs, faults and
//! termination, and every refusal. `try_state` runs after every test.

mod faults;
mod lifecycle;
mod proofs;
mod refusals;

use crate::mock::*;
use frame_support::assert_ok;
use sp_core::H256;

/// The file of the standard deal: 1,000 bytes (4 leaves, the last one padded).
pub fn data() -> Vec<u8> {
	file(1_000, 7)
}

pub const SIZE: u64 = 1_000;
pub const PRICE: Balance = 2;
pub const DURATION: u32 = 3;
pub const PER_PERIOD: Balance = PRICE * SIZE as Balance;
pub const TOTAL: Balance = PER_PERIOD * DURATION as Balance;
pub const COLLATERAL: Balance = 5_000;
/// `FaultPenalty` (10%) of the collateral.
pub const PENALTY: Balance = COLLATERAL / 10;

/// `CLIENT` proposes a deal of `data` to `NODE` for `duration` periods; returns its id.
pub fn propose_for(duration: u32) -> u64 {
	let id = crate::NextDealId::<Test>::get();
	assert_ok!(Deals::propose_deal(
		RuntimeOrigin::signed(CLIENT),
		NODE,
		root_of(&data()),
		SIZE,
		duration,
		PRICE,
		COLLATERAL
	));
	id
}

/// `CLIENT` proposes the standard deal (`DURATION` periods); returns its id.
pub fn propose() -> u64 {
	propose_for(DURATION)
}

/// A deal of `duration` periods, proposed and accepted at once; returns its id.
pub fn accepted_for(duration: u32) -> u64 {
	let id = propose_for(duration);
	assert_ok!(Deals::accept_deal(RuntimeOrigin::signed(NODE_OWNER), id));
	id
}

/// The standard deal, proposed and accepted at block 1: it runs in periods 1, 2 and 3.
pub fn running_deal() -> u64 {
	accepted_for(DURATION)
}

/// A root nobody can prove.
pub fn bogus_root() -> H256 {
	H256([0xab; 32])
}
