//! A test runtime: System, Balances and energy settlement, over the in-memory registry and
//! reward sink of `depin_primitives::testing`.
//!
//! Blocks are 6 minutes here, so that an interval of 10 blocks is one hour and a meter rated
//! `W` watts moves at most `W` Wh per interval.

use crate::{self as pallet_energy_settlement, IntervalIndex, Tariffs, Wh};
use depin_primitives::{
	testing::{self, MockRegistry, RecordingRewardSink},
	Cell, DeviceInfo, DeviceKind, DeviceState,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::InspectHold, ConstU128, ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Energy = pallet_energy_settlement;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Blocks per interval and grace period in these tests.
pub const INTERVAL: u64 = 10;
pub const GRACE: u64 = 4;
/// Six-minute blocks: an interval is an hour.
pub const MS_PER_BLOCK: u64 = 360_000;
pub const DEPOSIT: Balance = 1_000;
pub const BOND: Balance = 500;
pub const PENALTY: Balance = 100;
pub const MAX_ZONES: u32 = 3;
pub const MAX_CAPACITY: u32 = 1_000_000;
pub const MAX_UNSETTLED: u32 = 3;
pub const INITIAL: Balance = 1_000_000_000;
pub const TREASURY: AccountId = 999;

/// The zone operator of zone 0.
pub const OPERATOR: AccountId = 50;
/// Energy meter devices (1..=6) and their owners (11..=16).
pub const M1: AccountId = 1;
pub const M2: AccountId = 2;
pub const M3: AccountId = 3;
pub const M4: AccountId = 4;
pub const M5: AccountId = 5;
pub const M6: AccountId = 6;
/// A hotspot (not an energy meter), owned by `owner(M1)`.
pub const HOTSPOT: AccountId = 7;
/// Someone else, funded.
pub const STRANGER: AccountId = 40;
/// An account with nothing.
pub const PAUPER: AccountId = 30;

/// The owner of meter device `m` (1..=6).
pub const fn owner(m: AccountId) -> AccountId {
	m + 10
}

/// The tariffs of zone 0: import 30, local 20, feed-in 10 per Wh.
pub fn tariffs() -> Tariffs<Balance> {
	Tariffs { import: 30, local: 20, feed_in: 10 }
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
}

impl pallet_energy_settlement::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = MockRegistry;
	type Rewards = RecordingRewardSink;
	type ZoneOrigin = EnsureRoot<AccountId>;
	type Treasury = Treasury;
	type MeterDeposit = ConstU128<DEPOSIT>;
	type DisputeBond = ConstU128<BOND>;
	type MissedReadingPenalty = ConstU128<PENALTY>;
	type MaxZones = ConstU32<MAX_ZONES>;
	type MaxCapacityW = ConstU32<MAX_CAPACITY>;
	type MaxUnsettled = ConstU32<MAX_UNSETTLED>;
	type MillisecsPerBlock = ConstU64<MS_PER_BLOCK>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Energy meters for the benchmarks, in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn register_energy_meter(owner: &AccountId, device: &AccountId) {
		put_device(*device, *owner, DeviceKind::EnergyMeter);
	}
}

/// Berlin, at resolution 12.
const HERE: u64 = 0x08c1f1d48945d9ff;

/// Puts device `id` of `owner` in the mock registry, active.
pub fn put_device(id: AccountId, owner: AccountId, kind: DeviceKind) {
	let location = Cell::new(HERE).expect("a valid cell");
	MockRegistry::insert(
		&id,
		DeviceInfo { owner, kind, location, state: DeviceState::Active, registered_epoch: 0 },
	);
}

/// Sets the state of device `id`.
pub fn set_state(id: AccountId, state: DeviceState) {
	MockRegistry::set_state(&id, state);
}

/// The free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// What `who` has on hold for `reason`.
pub fn held(who: AccountId, reason: crate::HoldReason) -> Balance {
	<Balances as InspectHold<AccountId>>::balance_on_hold(&reason.into(), &who)
}

/// `(deposit, escrow, bond)` held from `who`.
pub fn holds(who: AccountId) -> (Balance, Balance, Balance) {
	(
		held(who, crate::HoldReason::MeterDeposit),
		held(who, crate::HoldReason::Escrow),
		held(who, crate::HoldReason::DisputeBond),
	)
}

/// Runs to block `n`.
pub fn run_to(n: u64) {
	assert!(n >= System::block_number(), "time runs forward");
	System::set_block_number(n);
}

/// Runs to the first block of interval `k`'s grace period (its readings are due).
pub fn run_to_reading(k: IntervalIndex) {
	run_to((k as u64 + 1) * INTERVAL);
}

/// Runs to the first block at which interval `k` is final.
pub fn run_to_final(k: IntervalIndex) {
	run_to((k as u64 + 1) * INTERVAL + GRACE);
}

/// Meter `m` reads interval `k` with registers `produced` and `consumed`.
pub fn read(
	m: AccountId,
	k: IntervalIndex,
	produced: Wh,
	consumed: Wh,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Energy::submit_reading(RuntimeOrigin::signed(m), k, produced, consumed)
}

/// Settles meter `m`'s reading of interval `k` (by a stranger).
pub fn settle(
	m: AccountId,
	k: IntervalIndex,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Energy::settle(RuntimeOrigin::signed(STRANGER), m, k)
}

/// The pallet's events so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Energy(e) = r.event { Some(e) } else { None })
		.collect()
}

/// The last event of the pallet.
pub fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event")
}

/// Points noted so far, as `(device, points)`.
pub fn points() -> Vec<(AccountId, u64)> {
	RecordingRewardSink::noted::<AccountId>().into_iter().map(|(_, d, p)| (d, p)).collect()
}

/// A fresh test state at block 1: zone 0 (`OPERATOR`, [`tariffs`]), energy meter devices
/// `M1..=M6` owned by `owner(m)` (not yet registered as meters), a hotspot; owners, the
/// operator and a stranger funded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	testing::reset();
	let mut balances: Vec<(AccountId, Balance)> = (M1..=M6).map(|m| (owner(m), INITIAL)).collect();
	balances.extend([(OPERATOR, INITIAL), (STRANGER, INITIAL), (TREASURY, 1)]);
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
		energy: crate::GenesisConfig {
			interval_length: INTERVAL as u32,
			grace_period: GRACE as u32,
			zones: vec![(OPERATOR, tariffs())],
		},
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for m in M1..=M6 {
			put_device(m, owner(m), DeviceKind::EnergyMeter);
		}
		put_device(HOTSPOT, owner(M1), DeviceKind::Hotspot);
	});
	ext
}

/// Every account's holds are those of its meters and disputes, zeros included (`try_state`
/// checks the accounts that have a meter or a dispute; this also catches a hold left behind).
pub fn holds_are_explained() {
	let mut accounts: Vec<AccountId> = (0..=100).collect();
	accounts.push(TREASURY);
	for who in accounts {
		let meters: Vec<_> =
			crate::Meters::<Test>::iter_values().filter(|m| m.account == who).collect();
		let deposit: Balance = meters.iter().map(|m| m.deposit).sum();
		let escrow: Balance = meters.iter().map(|m| m.escrow).sum();
		let bonds: Balance =
			crate::Disputes::<Test>::iter_values().filter(|(d, _)| *d == who).map(|(_, b)| b).sum();
		assert_eq!(holds(who), (deposit, escrow, bonds), "holds of account {who}");
	}
}

/// Runs `test` and then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("try_state after the test");
		holds_are_explained();
	});
}
