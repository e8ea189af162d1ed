//! Benchmarks at their worst cases: a set one short of `MaxValidators` for an addition (the
//! insertion shifts every member), a full set for a removal of its first member, and a session
//! rotation with `v` validators with keys, active and planned (pallet-session's queue, the
//! consensus pallets' authority changes and the historical root all grow with `v`).

use super::*;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{traits::Hooks, Hashable};
use sp_runtime::traits::TrailingZeroInput;

const SEED: u32 = 0;

/// Distinct session keys for validator `i` (any bytes decode as public keys).
fn keys<T: Config>(i: u32) -> Result<T::Keys, BenchmarkError> {
	let bytes: Vec<u8> =
		(0..8u32).flat_map(|j| (*b"depin/validator-set/keys", i, j).blake2_256()).collect();
	T::Keys::decode(&mut TrailingZeroInput::new(&bytes))
		.map_err(|_| BenchmarkError::Stop("session keys do not decode"))
}

/// Gives `who` session keys, as `session.setKeys` would.
fn give_keys<T: Config>(who: &T::AccountId, i: u32) -> Result<(), BenchmarkError> {
	pallet_session::NextKeys::<T>::insert(who, keys::<T>(i)?);
	Ok(())
}

/// Makes the set `n` validators with keys; returns them sorted.
fn members<T: Config>(n: u32) -> Result<Vec<T::AccountId>, BenchmarkError> {
	let mut accounts = Vec::new();
	for i in 0..n {
		let who: T::AccountId = account("validator", i, SEED);
		give_keys::<T>(&who, i)?;
		accounts.push(who);
	}
	accounts.sort();
	let set: Vec<_> = accounts
		.iter()
		.cloned()
		.map(|account| Member { account, added_in: 0, offence_in: None })
		.collect();
	Validators::<T>::put(
		MembersOf::<T>::try_from(set).map_err(|_| BenchmarkError::Stop("set over its bound"))?,
	);
	MinimumValidators::<T>::put(1);
	Ok(accounts)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		members::<T>(T::MaxValidators::get() - 1)?;
		let new: T::AccountId = account("new", 0, SEED);
		give_keys::<T>(&new, u32::MAX)?;
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new.clone());

		assert!(Pallet::<T>::member(&new).is_some());
		assert_eq!(Validators::<T>::decode_len(), Some(T::MaxValidators::get() as usize));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let accounts = members::<T>(T::MaxValidators::get())?;
		let first = accounts[0].clone();
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, first.clone());

		assert!(Pallet::<T>::member(&first).is_none());
		Ok(())
	}

	#[benchmark]
	fn set_minimum_validators() -> Result<(), BenchmarkError> {
		members::<T>(T::MaxValidators::get())?;
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::MaxValidators::get());

		assert_eq!(MinimumValidators::<T>::get(), T::MaxValidators::get());
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() {
		SessionLength::<T>::put(BlockNumberFor::<T>::from(10u32));
		let block = BlockNumberFor::<T>::from(11u32);

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}

		assert_eq!(pallet_session::CurrentIndex::<T>::get(), 0);
	}

	#[benchmark]
	fn rotate_session(v: Linear<1, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		let accounts = members::<T>(v)?;
		SessionLength::<T>::put(BlockNumberFor::<T>::from(10u32));
		// A chain past its history depth: each rotation prunes one historical root.
		let depth = T::HistoryDepth::get();
		let current = depth.saturating_add(100);
		pallet_session::CurrentIndex::<T>::put(current);
		for index in current - depth..=current {
			pallet_session::historical::HistoricalSessions::<T>::insert(
				index,
				(T::Hash::default(), v),
			);
		}
		pallet_session::historical::StoredRange::<T>::put((current - depth, current + 1));
		// Once, so that these `v` validators are queued: the measured rotation makes them
		// active and plans them again.
		pallet_session::Pallet::<T>::rotate_session();
		let before = pallet_session::CurrentIndex::<T>::get();
		let block = BlockNumberFor::<T>::from(20u32);
		frame_system::Pallet::<T>::set_block_number(block);

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}

		assert_eq!(pallet_session::CurrentIndex::<T>::get(), before + 1);
		assert_eq!(pallet_session::Validators::<T>::get(), accounts);
		// The oldest root kept went.
		let kept_from = before + 1 - depth;
		assert!(pallet_session::historical::HistoricalSessions::<T>::get(kept_from - 1).is_none());
		assert!(pallet_session::historical::HistoricalSessions::<T>::get(kept_from).is_some());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
