//! A test runtime: System, Balances and storage deals, over the in-memory registry and reward
//! sink of `depin_primitives::testing`. Files are real bytes; roots and proofs come from
//! `depin_primitives::merkle`.

use crate::{self as pallet_storage_deals, Ask, DealId, Leaf, Period};
use depin_primitives::{
	merkle,
	testing::{self, MockRegistry, RecordingRewardSink},
	Cell, DeviceInfo, DeviceKind, DeviceState,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::InspectHold, ConstU128, ConstU32, ConstU64, Hooks},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

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
	pub type Deals = pallet_storage_deals;
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

/// Blocks per proving period in these tests.
pub const PERIOD: u64 = 10;
pub const DEPOSIT: Balance = 10;
pub const EXPIRY: u64 = 5;
pub const MAX_FAULTS: u32 = 3;
/// 32 GiB: a path of 27 hashes, as in the runtime.
pub const MAX_SIZE: u64 = 1 << 35;
pub const MAX_CLIENT_DEALS: u32 = 3;
pub const MAX_PROVIDER_DEALS: u32 = 2;
pub const SEEDS: u32 = 4;
pub const INITIAL: Balance = 1_000_000;
pub const TREASURY: AccountId = 999;

/// Storage node devices and their owners.
pub const NODE: AccountId = 1;
pub const NODE_OWNER: AccountId = 11;
pub const NODE2: AccountId = 2;
pub const NODE2_OWNER: AccountId = 12;
/// A hotspot (not a storage node).
pub const HOTSPOT: AccountId = 3;
/// Clients.
pub const CLIENT: AccountId = 21;
pub const CLIENT2: AccountId = 22;
/// An account with nothing.
pub const PAUPER: AccountId = 30;
/// Someone else.
pub const STRANGER: AccountId = 40;

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
	pub const FaultPenalty: Perbill = Perbill::from_percent(10);
}

impl pallet_storage_deals::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = MockRegistry;
	type Rewards = RecordingRewardSink;
	type Treasury = Treasury;
	type DealDeposit = ConstU128<DEPOSIT>;
	type ProposalExpiry = ConstU64<EXPIRY>;
	type FaultPenalty = FaultPenalty;
	type MaxConsecutiveFaults = ConstU32<MAX_FAULTS>;
	type MaxDealSize = ConstU64<MAX_SIZE>;
	type MaxProofDepth = ConstU32<27>;
	type MaxDuration = ConstU32<100>;
	type MaxDealsPerClient = ConstU32<MAX_CLIENT_DEALS>;
	type MaxDealsPerProvider = ConstU32<MAX_PROVIDER_DEALS>;
	type SeedHistory = ConstU32<SEEDS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Storage nodes for the benchmarks, in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn register_storage_node(owner: &AccountId, device: &AccountId) {
		put_device(*device, *owner, DeviceKind::StorageNode);
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

/// The ask of the tests: at least 2 per byte-period, 1..=10 periods, 10,000 bytes.
pub fn ask() -> Ask<Balance> {
	Ask { price: 2, min_duration: 1, max_duration: 10, capacity: 10_000 }
}

/// A file of `n` bytes, different for each `seed`.
pub fn file(n: usize, seed: u8) -> Vec<u8> {
	(0..n).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect()
}

/// The Merkle root of `data`.
pub fn root_of(data: &[u8]) -> H256 {
	H256(merkle::root(data).expect("a non-empty file"))
}

/// Leaf `index` of `data` with its path.
pub fn proof_of(data: &[u8], index: u64) -> (Leaf, BoundedVec<H256, ConstU32<27>>) {
	let (leaf, path) = merkle::prove(data, index).expect("a leaf of the file");
	(leaf, BoundedVec::truncate_from(path.into_iter().map(H256).collect()))
}

/// The free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// What `who` has on hold for `reason`.
pub fn held(who: AccountId, reason: crate::HoldReason) -> Balance {
	<Balances as InspectHold<AccountId>>::balance_on_hold(&reason.into(), &who)
}

/// `(payment, deposit, collateral)` held from `who`.
pub fn holds(who: AccountId) -> (Balance, Balance, Balance) {
	(
		held(who, crate::HoldReason::DealPayment),
		held(who, crate::HoldReason::DealDeposit),
		held(who, crate::HoldReason::DealCollateral),
	)
}

/// The block hash the tests give block `n` (the next block's parent hash).
pub fn block_hash(n: u64) -> H256 {
	H256(sp_io::hashing::blake2_256(&n.to_le_bytes()))
}

/// Runs blocks up to `n`, each with its parent's hash and the pallet's `on_initialize`.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		System::set_parent_hash(block_hash(next - 1));
		Deals::on_initialize(next);
	}
}

/// Runs to the first block of period `p`.
pub fn run_to_period(p: Period) {
	run_to(p * PERIOD);
}

/// The leaf deal `id` must prove in the period in progress.
pub fn challenged(id: DealId) -> u64 {
	let deal = crate::Deals::<Test>::get(id).expect("a deal");
	crate::Pallet::<Test>::challenge(id, crate::Pallet::<Test>::current_period(), deal.size)
		.expect("a seed for the period")
}

/// The provider of deal `id` proves the period in progress from `data`.
pub fn prove_now(id: DealId, data: &[u8]) -> sp_runtime::DispatchResult {
	let deal = crate::Deals::<Test>::get(id).expect("a deal");
	let (leaf, path) = proof_of(data, challenged(id));
	Deals::submit_proof(
		RuntimeOrigin::signed(deal.provider),
		id,
		crate::Pallet::<Test>::current_period(),
		Box::new(leaf),
		path,
	)
}

/// The pallet's events so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Deals(e) = r.event { Some(e) } else { None })
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

/// A fresh test state at block 1: storage nodes `NODE`, `NODE2` (with asks), a hotspot,
/// funded clients and owners.
pub fn new_test_ext() -> sp_io::TestExternalities {
	testing::reset();
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: vec![
				(NODE_OWNER, INITIAL),
				(NODE2_OWNER, INITIAL),
				(CLIENT, INITIAL),
				(CLIENT2, INITIAL),
				(STRANGER, INITIAL),
				(TREASURY, 1),
			],
			..Default::default()
		},
		deals: crate::GenesisConfig { proving_period: PERIOD },
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		put_device(NODE, NODE_OWNER, DeviceKind::StorageNode);
		put_device(NODE2, NODE2_OWNER, DeviceKind::StorageNode);
		put_device(HOTSPOT, NODE_OWNER, DeviceKind::Hotspot);
		frame_support::assert_ok!(Deals::set_ask(RuntimeOrigin::signed(NODE_OWNER), NODE, ask()));
		frame_support::assert_ok!(Deals::set_ask(RuntimeOrigin::signed(NODE2_OWNER), NODE2, ask()));
		System::reset_events();
	});
	ext
}

/// Runs `test` and then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("try_state after the test");
	});
}
