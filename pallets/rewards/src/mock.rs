//! Test runtime: System, Balances and the rewards pallet; devices live in a mock registry whose
//! ages count in the rewards pallet's own epochs.

use crate::{self as pallet_rewards, Split};
use depin_primitives::{
	testing::MockRegistry, Cell, DeviceInfo, DeviceKind, DeviceRegistry, DeviceState, EpochClock,
	EpochIndex, OnDeviceChange,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, Hooks},
};
use frame_system::EnsureRoot;
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
	pub type Rewards = pallet_rewards;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
}

/// Emission of an epoch before the first halving.
pub const EMISSION: Balance = 1_000_000;
/// Epochs between halvings.
pub const HALVING: EpochIndex = 4;
/// Epochs of hold-back for new devices.
pub const HOLDBACK_EPOCHS: EpochIndex = 2;
/// Blocks per epoch.
pub const EPOCH: u64 = 10;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const VALIDATOR_A: AccountId = 11;
pub const VALIDATOR_B: AccountId = 12;
pub const TREASURY: AccountId = 99;
/// Devices: 100 and up.
pub const DEVICE_1: AccountId = 101;
pub const DEVICE_2: AccountId = 102;

parameter_types! {
	pub const TreasuryAccount: AccountId = TREASURY;
	pub const HoldbackRatio: Perbill = Perbill::from_percent(50);
	pub const InitialEmission: Balance = EMISSION;
	pub const HalvingPeriod: EpochIndex = HALVING;
	pub const HoldbackEpochs: EpochIndex = HOLDBACK_EPOCHS;
}

/// The mock registry, with ages in the rewards pallet's epochs.
pub struct TestRegistry;

impl DeviceRegistry<AccountId> for TestRegistry {
	fn device(id: &AccountId) -> Option<DeviceInfo<AccountId>> {
		<MockRegistry as DeviceRegistry<AccountId>>::device(id)
	}
	fn age_in_epochs(id: &AccountId) -> Option<EpochIndex> {
		Self::device(id).map(|d| Rewards::current_epoch().saturating_sub(d.registered_epoch))
	}
	fn occupancy(kind: depin_primitives::DeviceKind, hex: u64) -> u32 {
		<MockRegistry as DeviceRegistry<AccountId>>::occupancy(kind, hex)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for TestRegistry {
	fn register_device(owner: &AccountId, device: &AccountId) {
		add_device(*device, *owner, 0);
	}
}

impl pallet_rewards::Config for Test {
	type Currency = Balances;
	type Registry = TestRegistry;
	type Treasury = TreasuryAccount;
	type InitialEmission = InitialEmission;
	type HalvingPeriod = HalvingPeriod;
	type HoldbackEpochs = HoldbackEpochs;
	type HoldbackRatio = HoldbackRatio;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestRegistry;
}

/// The split of the tests: 40% coverage, 20% storage, 20% energy, 10% validators, 10% treasury.
pub fn test_split() -> Split {
	Split {
		coverage: Perbill::from_percent(40),
		storage: Perbill::from_percent(20),
		energy: Perbill::from_percent(20),
		validators: Perbill::from_percent(10),
		treasury: Perbill::from_percent(10),
	}
}

/// A valid cell (Berlin, resolution 12).
pub fn berlin() -> Cell {
	Cell::new(0x08c1f1d48945d9ff).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Puts an active hotspot `device` of `owner`, registered in `epoch`, in the mock registry.
pub fn add_device(device: AccountId, owner: AccountId, epoch: EpochIndex) {
	MockRegistry::insert(
		&device,
		DeviceInfo {
			owner,
			kind: DeviceKind::Hotspot,
			location: berlin(),
			state: DeviceState::Active,
			registered_epoch: epoch,
		},
	);
}

/// Suspends `device` as the registry does: its state changes, then the hook runs.
pub fn suspend(device: AccountId) {
	MockRegistry::set_state(&device, DeviceState::Suspended);
	let owner = TestRegistry::owner(&device).unwrap_or_default();
	<Rewards as OnDeviceChange<AccountId>>::on_device_suspended(&device, &owner);
}

/// Reinstates `device` as the registry does.
pub fn reinstate(device: AccountId) {
	MockRegistry::set_state(&device, DeviceState::Active);
	<Rewards as OnDeviceChange<AccountId>>::on_device_reinstated(&device);
}

/// Hands `device` to `to` as the registry does on an accepted transfer.
pub fn change_owner(device: AccountId, to: AccountId) {
	let Some(mut info) = TestRegistry::device(&device) else { return };
	let from = info.owner;
	info.owner = to;
	MockRegistry::insert(&device, info);
	<Rewards as OnDeviceChange<AccountId>>::on_owner_changed(&device, &from, &to);
}

/// Removes `device`'s record as the registry does on a withdrawal or a purge.
pub fn remove_device(device: AccountId) {
	let Some(info) = TestRegistry::device(&device) else { return };
	MockRegistry::remove(&device);
	<Rewards as OnDeviceChange<AccountId>>::on_device_removed(&device, &info.owner);
}

/// Runs blocks up to `n`: each block's `on_initialize`, then its author (if any) is noted, as
/// pallet-authorship does.
pub fn run_to_block(n: u64, author: Option<AccountId>) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Rewards::on_initialize(next);
		if let Some(author) = author {
			Rewards::note_block_author(&author);
		}
	}
}

/// Runs blocks without authors until epoch `epoch` has begun.
pub fn run_to_epoch(epoch: EpochIndex) {
	while Rewards::current_epoch() < epoch {
		run_to_block(System::block_number() + 1, None);
	}
}

/// The rewards pallet's events so far.
pub fn rewards_events() -> Vec<pallet_rewards::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Rewards(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

/// Test externalities: Alice, Bob and the treasury funded; epochs of 10 blocks; the test split;
/// block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, 1_000), (BOB, 1_000), (TREASURY, 1)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap_or_else(|e| panic!("{e}"));
	pallet_rewards::GenesisConfig::<Test> { epoch_length: EPOCH, split: test_split() }
		.assimilate_storage(&mut storage)
		.unwrap_or_else(|e| panic!("{e}"));
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		depin_primitives::testing::reset();
	});
	ext
}

/// Runs `test` in fresh externalities, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Rewards::do_try_state().unwrap_or_else(|e| panic!("try_state: {e:?}"));
	});
}
