//! Test runtime: System, Balances and the registry; device, owner and maker keys are real
//! sr25519/ed25519 keys so that proofs are really signed and verified.

use crate::{self as pallet_device_registry, MakerAttestation};
use depin_primitives::{
	proofs::{maker_payload, possession_payload},
	testing::{MockClock, RecordingChanges},
	DeviceKind,
};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_core::{ed25519, sr25519, Pair};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage, MultiSignature};

pub type AccountId = AccountId32;
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
	pub type Registry = pallet_device_registry;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const DEPOSIT: Balance = 100;
pub const ONBOARDING_FEE: Balance = 10;
pub const LOCATION_FEE: Balance = 5;
pub const MAKER_BOND: Balance = 1_000;
pub const COOLDOWN: u64 = 10;
pub const DELAY: u64 = 20;
pub const MAX_DEVICES: u32 = 3;
pub const INITIAL: Balance = 10_000;
pub const OFFER_EXPIRY: u64 = 15;

parameter_types! {
	pub TreasuryAccount: AccountId = AccountId32::new([0xee; 32]);
	/// Changeable in a test, as a runtime upgrade would change it.
	pub static DeregistrationDelay: u64 = DELAY;
}

// Three distinct governance origins, so that a call checking the wrong one fails a test: the
// denylist and the maker council are plain accounts here, the kind policy is root's.
ord_parameter_types! {
	pub const Denylist: AccountId = AccountId32::new([0xd0; 32]);
	pub const MakerCouncil: AccountId = AccountId32::new([0xc0; 32]);
}

impl pallet_device_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type DeviceDeposit = ConstU128<DEPOSIT>;
	type OnboardingFee = ConstU128<ONBOARDING_FEE>;
	type LocationFee = ConstU128<LOCATION_FEE>;
	type MakerBond = ConstU128<MAKER_BOND>;
	type Treasury = TreasuryAccount;
	type MaxDevicesPerOwner = ConstU32<MAX_DEVICES>;
	type LocationCooldown = ConstU64<COOLDOWN>;
	type DeregistrationDelay = DeregistrationDelay;
	type MaxMakerNameLen = ConstU32<16>;
	type TransferOfferExpiry = ConstU64<OFFER_EXPIRY>;
	type DenyOrigin = EnsureSignedBy<Denylist, AccountId>;
	type MakerOrigin = EnsureSignedBy<MakerCouncil, AccountId>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type EpochClock = MockClock;
	type OnChange = RecordingChanges;
	type WeightInfo = ();
}

// Real H3 cells at resolution 12 (h3-py latlng_to_cell), and coarser/finer ones.
pub const BERLIN: u64 = 0x08c1f1d48945d9ff;
pub const SAN_FRANCISCO: u64 = 0x08c283082800b3ff;
pub const BERLIN_RES11: u64 = 0x08b1f1d48945dfff;

/// A named sr25519 key (`//name`).
pub fn sr(name: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//{name}"), None).unwrap_or_else(|e| panic!("{e:?}"))
}

/// A named ed25519 key (`//name`).
pub fn ed(name: &str) -> ed25519::Pair {
	ed25519::Pair::from_string(&format!("//{name}"), None).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The account of an sr25519 key.
pub fn account(pair: &sr25519::Pair) -> AccountId {
	pair.public().into()
}

pub fn alice() -> AccountId {
	account(&sr("Alice"))
}
pub fn bob() -> AccountId {
	account(&sr("Bob"))
}
pub fn maker_key() -> sr25519::Pair {
	sr("Maker")
}
pub fn maker() -> AccountId {
	account(&maker_key())
}
pub fn treasury() -> AccountId {
	TreasuryAccount::get()
}

/// The genesis hash proofs are bound to in this test chain.
pub fn genesis() -> sp_core::H256 {
	frame_system::BlockHash::<Test>::get(0)
}

/// The denylist's origin (`DenyOrigin`).
pub fn deny() -> RuntimeOrigin {
	RuntimeOrigin::signed(Denylist::get())
}

/// The maker council's origin (`MakerOrigin`).
pub fn council() -> RuntimeOrigin {
	RuntimeOrigin::signed(MakerCouncil::get())
}

/// `device` proves it consents to be registered by `owner`, for its next registration.
pub fn possession_proof(device: &sr25519::Pair, owner: &AccountId) -> MultiSignature {
	let device_id = account(device);
	let registration = crate::Registrations::<Test>::get(&device_id);
	device.sign(&possession_payload(&genesis(), owner, &device_id, registration)).into()
}

/// The test maker attests `device` as genuine hardware of `kind`.
pub fn attestation(
	device: &AccountId,
	kind: DeviceKind,
) -> MakerAttestation<AccountId, MultiSignature> {
	let signature = maker_key().sign(&maker_payload(&genesis(), device, kind)).into();
	MakerAttestation { maker: maker(), signature }
}

/// Registers sr25519 `device_key` for `owner` as a hotspot in Berlin, without a maker.
pub fn register(owner: &AccountId, device_key: &sr25519::Pair) -> AccountId {
	let device = account(device_key);
	frame_support::assert_ok!(Registry::register_device(
		RuntimeOrigin::signed(owner.clone()),
		device.clone(),
		DeviceKind::Hotspot,
		BERLIN,
		possession_proof(device_key, owner),
		None,
	));
	device
}

/// The registry's events so far.
pub fn registry_events() -> Vec<pallet_device_registry::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Registry(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Free balance of `who`.
pub fn free(who: &AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

/// Balance held from `who` for `reason`.
pub fn held(reason: crate::HoldReason, who: &AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	<Balances as InspectHold<AccountId>>::balance_on_hold(&reason.into(), who)
}

/// Test externalities: Alice, Bob and the maker funded; the maker approved; the treasury exists.
pub struct ExtBuilder {
	maker_approved: bool,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { maker_approved: true }
	}
}

impl ExtBuilder {
	/// No maker approved at genesis.
	pub fn without_maker(mut self) -> Self {
		self.maker_approved = false;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage =
			frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
		pallet_balances::GenesisConfig::<Test> {
			balances: vec![
				(alice(), INITIAL),
				(bob(), INITIAL),
				(maker(), INITIAL),
				(treasury(), 1),
			],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap_or_else(|e| panic!("{e}"));
		pallet_device_registry::GenesisConfig::<Test> {
			makers: if self.maker_approved { vec![(maker(), b"Acme".to_vec())] } else { vec![] },
			kinds_requiring_maker: vec![DeviceKind::EnergyMeter],
		}
		.assimilate_storage(&mut storage)
		.unwrap_or_else(|e| panic!("{e}"));
		let mut ext = sp_io::TestExternalities::new(storage);
		// Benchmarks generate and sign with keys through the keystore.
		ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
		ext.execute_with(|| {
			System::set_block_number(1);
			depin_primitives::testing::reset();
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Registry::do_try_state().unwrap_or_else(|e| panic!("try_state: {e:?}"));
		});
	}
}

/// Externalities for the benchmark tests.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().without_maker().build()
}
