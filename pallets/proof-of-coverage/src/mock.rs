//! A test runtime: proof of coverage over the in-memory registry, clock and reward sink of
//! `depin_primitives::testing`.

use crate::{self as pallet_proof_of_coverage, Payload};
use depin_primitives::{
	proofs::{beacon_commitment_preimage, witness_heard_preimage},
	testing::{self, MockClock, MockRegistry, RecordingRewardSink},
	Cell, DeviceInfo, DeviceKind, DeviceState,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstI32, ConstU16, ConstU32, ConstU64, Hooks},
};
use frame_system::EnsureRoot;
use sp_core::H256;
use sp_runtime::BuildStorage;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Coverage: pallet_proof_of_coverage,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
}

pub const WITNESS_WINDOW: u64 = 3;
pub const REVEAL_WINDOW: u64 = 4;
pub const RECIPROCITY: u64 = 100;
pub const MAX_WITNESSES: u32 = 14;

parameter_types! {
	/// Hotspots per res-8 hex before rewards are scaled down.
	pub static DensityTarget: u32 = 10;
	/// Expired beacons removed per block.
	pub static MaxCleanup: u32 = 8;
}

impl pallet_proof_of_coverage::Config for Test {
	type Registry = MockRegistry;
	type Rewards = RecordingRewardSink;
	type EpochClock = MockClock;
	type ReciprocityWindow = ConstU64<RECIPROCITY>;
	type MaxWitnessesPerBeacon = ConstU32<MAX_WITNESSES>;
	type DefaultMaxEirpDbm = ConstI32<16>;
	type MaxGainDdbi = ConstU16<150>;
	type RssiMarginDdb = ConstI32<0>;
	type MaxFrequencyDiffHz = ConstU64<100_000>;
	type MinGridDistance = ConstU32<8>;
	type MaxDistanceM = ConstU32<100_000>;
	type DensityTarget = DensityTarget;
	type MaxCleanupPerBlock = MaxCleanup;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Hotspots for the benchmarks, in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn register_hotspot(owner: &AccountId, device: &AccountId, location: u64) {
		put_device(*device, *owner, DeviceKind::Hotspot, location);
	}
}

// Resolution-12 cells around Berlin (distances from `A` between cell centres, per h3-py).
/// Berlin, Alexanderplatz.
pub const LOC_A: u64 = 0x08c1f1d48945d9ff;
/// 1.1 km north of `A`.
pub const LOC_B: u64 = 0x08c1f1d48988e3ff;
/// 1.35 km east of `A`.
pub const LOC_C: u64 = 0x08c1f1d4d69741ff;
/// 2.6 km north-east of `A`.
pub const LOC_D: u64 = 0x08c1f1d4f27263ff;
/// 1.3 km south-east of `A`.
pub const LOC_E: u64 = 0x08c1f1d4d6c1adff;
/// 17 m from `A`: one resolution-11 step.
pub const LOC_NEAR: u64 = 0x08c1f1d4894433ff;
/// 55.6 km north of `A`.
pub const LOC_MID: u64 = 0x08c1f1dc722ecdff;
/// 133 km north of `A`.
pub const LOC_FAR: u64 = 0x08c1f03315262dff;

/// EU868 frequency used by the tests.
pub const FREQ: u64 = 868_100_000;

/// Puts device `id` of `owner` in the mock registry.
pub fn put_device(id: AccountId, owner: AccountId, kind: DeviceKind, location: u64) {
	let location = Cell::new(location).expect("test locations are valid cells");
	MockRegistry::insert(
		&id,
		DeviceInfo { owner, kind, location, state: DeviceState::Active, registered_epoch: 0 },
	);
}

/// The owner of hotspot `id` in these tests: `100 + id`.
pub fn owner_of(id: AccountId) -> AccountId {
	100 + id
}

/// Registers hotspot `id` (owned by `owner_of(id)`) at `location` and sets its radio (gain
/// `gain_ddbi`).
pub fn hotspot(id: AccountId, location: u64, gain_ddbi: u16) {
	put_device(id, owner_of(id), DeviceKind::Hotspot, location);
	frame_support::assert_ok!(Coverage::set_radio(
		RuntimeOrigin::signed(owner_of(id)),
		id,
		gain_ddbi
	));
}

/// Gives `ids` the reciprocity of a network that ran before: a revealed beacon and a valid
/// witness at the current block.
pub fn seasoned(ids: &[AccountId]) {
	let now = System::block_number();
	for id in ids {
		crate::Hotspots::<Test>::mutate(id, |h| {
			let h = h.get_or_insert_with(Default::default);
			h.last_beacon_at = Some(now);
			h.last_witness_at = Some(now);
		});
	}
}

/// A payload a beaconer transmits.
pub fn payload(seed: u8) -> Payload {
	[seed; 32]
}

/// The commitment to `payload`.
pub fn commitment(payload: &Payload) -> H256 {
	H256(sp_io::hashing::blake2_256(&beacon_commitment_preimage(payload)))
}

/// What `witness` proves it heard of `payload`.
pub fn heard(payload: &Payload, witness: AccountId) -> H256 {
	H256(sp_io::hashing::blake2_256(&witness_heard_preimage(payload, &witness)))
}

/// `beaconer` beacons `payload` at `FREQ` and 14 dBm.
pub fn beacon(beaconer: AccountId, payload: &Payload) -> sp_runtime::DispatchResult {
	Coverage::submit_beacon(RuntimeOrigin::signed(beaconer), commitment(payload), FREQ, 14)
}

/// `witness` reports `payload` of `beaconer` heard at `signal_ddbm`.
pub fn witness(
	witness: AccountId,
	beaconer: AccountId,
	payload: &Payload,
	signal_ddbm: i32,
) -> sp_runtime::DispatchResult {
	Coverage::submit_witness(
		RuntimeOrigin::signed(witness),
		beaconer,
		heard(payload, witness),
		signal_ddbm,
		50,
		FREQ,
	)
}

/// `beaconer` reveals `payload`.
pub fn reveal(beaconer: AccountId, payload: &Payload) -> sp_runtime::DispatchResult {
	Coverage::reveal_beacon(RuntimeOrigin::signed(beaconer), beaconer, *payload)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// Runs blocks up to `n`, with the pallet's hooks (`on_idle` given half a second).
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Coverage::on_initialize(next);
		Coverage::on_idle(
			next,
			frame_support::weights::Weight::from_parts(500_000_000_000, 1 << 20),
		);
	}
}

/// Runs to the first block in which `beaconer`'s open beacon may be revealed.
pub fn run_to_reveal(beaconer: AccountId) {
	let at = crate::Beacons::<Test>::get(beaconer).expect("an open beacon").submitted_at;
	run_to(at + WITNESS_WINDOW + 1);
}

/// The pallet's events so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Coverage(e) = r.event { Some(e) } else { None })
		.collect()
}

/// Points noted so far, as `(device, points)`.
pub fn points() -> Vec<(AccountId, u64)> {
	RecordingRewardSink::noted::<AccountId>().into_iter().map(|(_, d, p)| (d, p)).collect()
}

/// Points noted so far for `device`.
pub fn points_of(device: AccountId) -> u64 {
	points().into_iter().filter(|(d, _)| *d == device).map(|(_, p)| p).sum()
}

/// A fresh test state at block 1, epoch 0.
pub fn new_test_ext() -> sp_io::TestExternalities {
	testing::reset();
	DensityTarget::set(10);
	MaxCleanup::set(8);
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		coverage: crate::GenesisConfig {
			witness_window: WITNESS_WINDOW,
			reveal_window: REVEAL_WINDOW,
		},
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("try_state after the test");
	});
}
