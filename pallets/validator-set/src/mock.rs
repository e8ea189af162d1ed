//! Test runtime: System, Balances (session keys hold a deposit), pallet-session with its
//! historical part, and the validator set. Validators 1, 2 and 3 have keys at genesis; sessions
//! are 5 blocks; the minimum is 2 and the largest set 5.

use crate::{self as pallet_validator_set, UnitIdentification};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, Hooks},
};
use frame_system::EnsureRoot;
use pallet_session::historical::IdentificationTuple;
use sp_runtime::{
	key_types::DUMMY,
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, KeyTypeId, Perbill,
};
use sp_staking::{offence::Offence, SessionIndex};

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

/// Blocks per session.
pub const SESSION: u64 = 5;
/// The largest set.
pub const MAX: u32 = 5;
/// The deposit pallet-session holds for keys set by `set_keys`.
pub const KEY_DEPOSIT: Balance = 10;
/// Sessions of history kept.
pub const HISTORY: u32 = 3;

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
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(4)]
	pub type Historical = pallet_session::historical;
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
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Checks that pallet-session hands the consensus side the sets it planned.
pub struct TestSessionHandler;

impl pallet_session::SessionHandler<AccountId> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[DUMMY];
	fn on_genesis_session<Ks: OpaqueKeys>(_validators: &[(AccountId, Ks)]) {}
	fn on_new_session<Ks: OpaqueKeys>(
		_changed: bool,
		_validators: &[(AccountId, Ks)],
		_queued: &[(AccountId, Ks)],
	) {
	}
	fn on_disabled(_validator_index: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Test, ValidatorSet>;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU128<KEY_DEPOSIT>;
}

impl pallet_session::historical::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = UnitIdentification;
}

parameter_types! {
	pub const HistoryDepth: SessionIndex = HISTORY;
}

impl pallet_validator_set::Config for Test {
	type AddRemoveOrigin = EnsureRoot<AccountId>;
	type MaxValidators = ConstU32<MAX>;
	type HistoryDepth = HistoryDepth;
	type WeightInfo = ();
}

/// An offence of the test: `offenders` in `session`.
pub struct TestOffence {
	pub offenders: Vec<AccountId>,
	pub session: SessionIndex,
}

impl Offence<IdentificationTuple<Test>> for TestOffence {
	const ID: sp_staking::offence::Kind = *b"test:offence....";
	type Slot = u32;
	fn offenders(&self) -> Vec<IdentificationTuple<Test>> {
		self.offenders.iter().map(|o| (*o, ())).collect()
	}
	fn session_index(&self) -> SessionIndex {
		self.session
	}
	fn validator_set_count(&self) -> u32 {
		3
	}
	fn slot(&self) -> u32 {
		self.session
	}
	fn slash_fraction(&self, _offenders: u32) -> Perbill {
		Perbill::zero()
	}
}

/// Genesis: accounts 1..=10 hold 1,000; 1, 2 and 3 have session keys (their own ids).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).map(|a| (a, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Test> { session_length: SESSION, minimum_validators: 2 }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: (1..=3).map(|a| (a, a, UintAuthorityId(a))).collect(),
		non_authority_keys: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on the genesis state, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		ValidatorSet::do_try_state().expect("invariants hold after the test");
	});
}

/// Runs blocks up to and including `n`, with every hook.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		System::on_initialize(next);
		ValidatorSet::on_initialize(next);
		Session::on_initialize(next);
		ValidatorSet::do_try_state().expect("invariants hold after every block");
	}
}

/// Runs to the first block of session `index`.
pub fn run_to_session(index: u32) {
	run_to_block(index as u64 * SESSION);
	assert_eq!(Session::current_index(), index);
}

/// Sets session keys for `who` (its own id as key), as a validator would.
pub fn set_keys(who: AccountId) {
	frame_support::assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(who),
		UintAuthorityId(who),
		vec![]
	));
}

/// The validators of the session in progress.
pub fn active() -> Vec<AccountId> {
	Session::validators()
}

/// The validators queued for the next session.
pub fn queued() -> Vec<AccountId> {
	Session::queued_keys().into_iter().map(|(v, _)| v).collect()
}

/// This pallet's events, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::ValidatorSet(e) = r.event { Some(e) } else { None })
		.collect()
}
