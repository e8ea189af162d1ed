//! Benchmarks of the calls, the hooks and the functions other pallets and the runtime call
//! (`note_points`, `note_block_author`, the suspension hook), each in its worst case.

use crate::{
	pallet::*, BalanceOf, BenchmarkHelper, DeviceLedgerOf, Pool, Pot, Split, Unvalued,
	ValidatorLedgerOf,
};
use depin_primitives::{EpochIndex, Service};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{
	traits::{One, Saturating},
	Perbill, SaturatedConversion,
};

const SEED: u32 = 0;

fn last_event<T: Config>(event: Event<T>) {
	let event: <T as frame_system::Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event);
}

/// A pool for `pot` in closed epoch `epoch` worth 1000 x the existential balance unit, shared
/// among `shares` points (more than one ledger's, so that valuing one writes the pool back).
fn pool<T: Config>(epoch: EpochIndex, pot: Pot, shares: u128) {
	let amount: BalanceOf<T> = 1_000_000_000_000u128.saturated_into();
	Pools::<T>::insert(epoch, pot, Pool { amount, shares });
}

/// Pools for every service in epoch 1, each shared by `ledgers` ledgers of 10 points.
fn service_pools<T: Config>(ledgers: u128) {
	for service in Service::ALL {
		pool::<T>(1, Pot::Service(service), 10 * ledgers);
	}
}

/// Moves the clock to epoch `index` (started at the current block).
fn set_epoch<T: Config>(index: EpochIndex) {
	Epoch::<T>::mutate(|e| {
		e.index = index;
		e.start = frame_system::Pallet::<T>::block_number();
	});
}

/// A ledger of a device registered in epoch 1 holding 10 points of epoch 1 in every service
/// and a held-back amount: valuing it reads a pool per service and splits hold-back.
fn young_ledger<T: Config>() -> DeviceLedgerOf<T> {
	DeviceLedgerOf::<T> {
		unvalued: [Unvalued { epoch: 1, points: 10, forfeit_points: 10 }; 3],
		owed: 0u32.into(),
		held: 1_000_000_000u128.saturated_into(),
		registered_epoch: 1,
	}
}

/// Epochs after which a device registered in epoch 1 has come of age.
fn of_age<T: Config>() -> EpochIndex {
	T::HoldbackEpochs::get().saturating_add(2)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: the owner held the device before, so both its ledger and the owner's settled
	/// ledger hold points of a closed epoch to value in every service (six pools, forfeits) and
	/// hold-backs to release; the owner is paid by minting.
	#[benchmark]
	fn claim_rewards() {
		let owner: T::AccountId = whitelisted_caller();
		let device: T::AccountId = account("device", 0, SEED);
		T::BenchmarkHelper::register_device(&owner, &device);
		service_pools::<T>(3);
		DeviceLedgers::<T>::insert(&device, young_ledger::<T>());
		SettledLedgers::<T>::insert(&device, &owner, young_ledger::<T>());
		set_epoch::<T>(of_age::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), device.clone());

		assert!(DeviceLedgers::<T>::get(&device).is_none());
		assert!(SettledLedgers::<T>::get(&device, &owner).is_none());
	}

	/// The registry's change-of-owner and removal hook. Worst case: the device's ledger holds
	/// young points of a closed epoch in every service, and the former owner already has a
	/// settled ledger of it to roll and merge (six pools).
	#[benchmark]
	fn settle_device() {
		let owner: T::AccountId = account("owner", 0, SEED);
		let device: T::AccountId = account("device", 0, SEED);
		service_pools::<T>(3);
		DeviceLedgers::<T>::insert(&device, young_ledger::<T>());
		SettledLedgers::<T>::insert(&device, &owner, young_ledger::<T>());
		set_epoch::<T>(2);

		#[block]
		{
			Pallet::<T>::settle_device(&device, &owner);
		}

		assert!(DeviceLedgers::<T>::get(&device).is_none());
		assert!(SettledLedgers::<T>::get(&device, &owner).is_some());
	}

	/// Worst case: blocks of a closed epoch to value; the validator is paid by minting.
	#[benchmark]
	fn claim_validator_rewards() {
		let validator: T::AccountId = whitelisted_caller();
		pool::<T>(1, Pot::Validators, 20);
		ValidatorLedgers::<T>::insert(
			&validator,
			ValidatorLedgerOf::<T> { epoch: 1, blocks: 10, owed: 1_000u32.into() },
		);
		set_epoch::<T>(2);

		#[extrinsic_call]
		_(RawOrigin::Signed(validator.clone()));

		assert!(ValidatorLedgers::<T>::get(&validator).is_none());
	}

	#[benchmark]
	fn set_split() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let split = Split {
			coverage: Perbill::from_percent(30),
			storage: Perbill::from_percent(30),
			energy: Perbill::from_percent(20),
			validators: Perbill::from_percent(10),
			treasury: Perbill::from_percent(10),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, split);

		last_event::<T>(Event::SplitSet { split });
		Ok(())
	}

	/// `RewardSink::note_points`, as a service pallet calls it. Worst case: the registry record
	/// is read (every call reads it: only active devices earn), and the device's ledger holds
	/// young points of a closed epoch marked for forfeit, valued first (one pool read and write)
	/// with a forfeit event. (The first-ledger path reads the same registry record and no pool.)
	#[benchmark]
	fn note_points() {
		let owner: T::AccountId = account("owner", 0, SEED);
		let device: T::AccountId = account("device", 0, SEED);
		T::BenchmarkHelper::register_device(&owner, &device);
		pool::<T>(1, Pot::Service(Service::Coverage), 20);
		DeviceLedgers::<T>::insert(&device, young_ledger::<T>());
		set_epoch::<T>(2);

		#[block]
		{
			Pallet::<T>::do_note_points(Service::Coverage, &device, 10);
		}

		assert_eq!(DeviceLedgers::<T>::get(&device).map(|l| l.unvalued[0].epoch), Some(2));
		assert!(Epoch::<T>::get().forfeited > 0u32.into());
	}

	/// The author note of every block. Worst case: blocks of a closed epoch to value first.
	#[benchmark]
	fn note_author() {
		let author: T::AccountId = account("author", 0, SEED);
		pool::<T>(1, Pot::Validators, 20);
		ValidatorLedgers::<T>::insert(
			&author,
			ValidatorLedgerOf::<T> { epoch: 1, blocks: 10, owed: 0u32.into() },
		);
		set_epoch::<T>(2);

		#[block]
		{
			Pallet::<T>::note_block_author(&author);
		}

		assert_eq!(ValidatorLedgers::<T>::get(&author).map(|l| l.blocks), Some(1));
	}

	/// The suspension hook. Worst case: a young device with held-back rewards and points of a
	/// closed epoch in every service.
	#[benchmark]
	fn forfeit_holdback() {
		let device: T::AccountId = account("device", 0, SEED);
		service_pools::<T>(2);
		DeviceLedgers::<T>::insert(&device, young_ledger::<T>());
		set_epoch::<T>(2);

		#[block]
		{
			Pallet::<T>::forfeit_holdback(&device);
		}

		assert!(Epoch::<T>::get().forfeited > 0u32.into());
	}

	/// A block inside an epoch.
	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		Epoch::<T>::mutate(|e| e.start = now);

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(Epoch::<T>::get().index, 0);
	}

	/// The epoch boundary with `d` devices holding points of the closing epoch: every pot
	/// earned (four pools written), forfeits and the treasury share are minted. Its cost must
	/// not depend on `d`.
	#[benchmark]
	fn on_initialize_close(d: Linear<10, 10_000>) {
		for i in 0..d {
			let device: T::AccountId = account("device", i, SEED);
			let mut ledger = DeviceLedgerOf::<T>::default();
			ledger.unvalued[0].points = 1;
			DeviceLedgers::<T>::insert(&device, ledger);
		}
		let start = frame_system::Pallet::<T>::block_number();
		Epoch::<T>::mutate(|e| {
			e.start = start;
			e.points = [d.into(), d.into(), d.into()];
			e.blocks = 1;
			e.forfeited = 1_000_000_000u128.saturated_into();
		});
		let now: BlockNumberFor<T> = start.saturating_add(Pallet::<T>::epoch_length());

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(Epoch::<T>::get().index, 1);
		assert!(Pools::<T>::get(0, Pot::Validators).is_some());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
