//! Benchmarks, each at its worst case: the largest records, the longest checks, every witness
//! rewarded.

use super::*;
use crate::pallet::{Beacons, Call, Config, Hotspots, Pallet};
use depin_primitives::{
	proofs::{beacon_commitment_preimage, witness_heard_preimage},
	DeviceRegistry,
};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::One;

/// Berlin; the beaconer's place.
const HERE: u64 = 0x08c1f1d48945d9ff;
/// 1.1 km away.
const NEAR: u64 = 0x08c1f1d48988e3ff;
/// 55.6 km away: a long geometry check.
const FAR: u64 = 0x08c1f1dc722ecdff;
const FREQ: u64 = 868_100_000;
const PAYLOAD: Payload = [7u8; 32];

/// Hotspot `i`, owned by its own owner, at `location`, with a radio and reciprocity at `now`.
fn seasoned_hotspot<T: Config>(name: &'static str, i: u32, location: u64) -> T::AccountId {
	let device: T::AccountId = account(name, i, 0);
	// Each device its own owner: the device name with another seed.
	let owner: T::AccountId = account(name, i, 1_000);
	T::BenchmarkHelper::register_hotspot(&owner, &device, location);
	let now = frame_system::Pallet::<T>::block_number();
	let location = T::Registry::location(&device).expect("registered by the helper");
	Hotspots::<T>::insert(
		&device,
		Hotspot {
			radio: Some(Radio { gain_ddbi: 30, location }),
			last_beacon_epoch: None,
			last_beacon_at: Some(now),
			last_witness_at: Some(now),
		},
	);
	device
}

fn commitment() -> H256 {
	H256(sp_io::hashing::blake2_256(&beacon_commitment_preimage(&PAYLOAD)))
}

/// An open beacon of `beaconer` with `n` witnesses (valid `heard`, seasoned hotspots); returns
/// the witnesses.
fn open_beacon<T: Config>(beaconer: &T::AccountId, n: u32) -> alloc::vec::Vec<T::AccountId> {
	let origin = RawOrigin::Signed(beaconer.clone()).into();
	let checked = Pallet::<T>::check_beacon(&origin, FREQ).expect("a valid beacon");
	Pallet::<T>::do_submit_beacon(checked, commitment(), FREQ, 14);
	let mut witnesses = alloc::vec::Vec::new();
	for i in 0..n {
		let w = seasoned_hotspot::<T>("witness", i, NEAR);
		let heard = H256(sp_io::hashing::blake2_256(&witness_heard_preimage(&PAYLOAD, &w)));
		let origin = RawOrigin::Signed(w.clone()).into();
		let checked =
			Pallet::<T>::check_witness(&origin, beaconer, -1000, FREQ).expect("a valid witness");
		Pallet::<T>::do_submit_witness(checked, beaconer.clone(), heard, -1000, 50);
		witnesses.push(w);
	}
	witnesses
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_radio() {
		let device = seasoned_hotspot::<T>("hotspot", 0, HERE);
		let owner = T::Registry::owner(&device).expect("registered");
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), 150);
		assert_eq!(
			Hotspots::<T>::get(&device).and_then(|h| h.radio).map(|r| r.gain_ddbi),
			Some(150)
		);
	}

	#[benchmark]
	fn submit_beacon() {
		let beaconer = seasoned_hotspot::<T>("hotspot", 0, HERE);
		#[extrinsic_call]
		_(RawOrigin::Signed(beaconer.clone()), commitment(), FREQ, 14);
		assert!(Beacons::<T>::contains_key(&beaconer));
	}

	#[benchmark]
	fn submit_witness() {
		let beaconer = seasoned_hotspot::<T>("hotspot", 0, HERE);
		// The last place: the longest scan for a repeat, the largest record to write.
		open_beacon::<T>(&beaconer, T::MaxWitnessesPerBeacon::get() - 1);
		let w = seasoned_hotspot::<T>("far", 0, FAR);
		let heard = H256(sp_io::hashing::blake2_256(&witness_heard_preimage(&PAYLOAD, &w)));
		#[extrinsic_call]
		_(RawOrigin::Signed(w), beaconer.clone(), heard, -1400, 50, FREQ);

		let count = Beacons::<T>::get(&beaconer).map(|b| b.witnesses.len() as u32);
		assert_eq!(count, Some(T::MaxWitnessesPerBeacon::get()));
	}

	/// Worst case: every witness valid and rewarded, and every device's `note_points` in its
	/// own worst case (a closed epoch to value first).
	#[benchmark]
	fn reveal_beacon(n: Linear<0, { T::MaxWitnessesPerBeacon::get() }>) {
		let beaconer = seasoned_hotspot::<T>("hotspot", 0, HERE);
		let mut paid = open_beacon::<T>(&beaconer, n);
		paid.push(beaconer.clone());
		T::BenchmarkHelper::worst_case_notes(&paid);
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(
			now + Windows::<T>::get().witness + BlockNumberFor::<T>::one(),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(beaconer.clone()), beaconer.clone(), PAYLOAD);
		assert!(!Beacons::<T>::contains_key(&beaconer));
	}

	#[benchmark]
	fn set_max_eirp() {
		#[extrinsic_call]
		_(RawOrigin::Root, 20);
		assert_eq!(MaxEirpDbm::<T>::get(), 20);
	}

	/// `n` unrevealed beacons, each with every witness place taken, expire in one block.
	#[benchmark]
	fn cleanup(n: Linear<0, { T::MaxCleanupPerBlock::get() }>) {
		let full = T::MaxWitnessesPerBeacon::get();
		for i in 0..n {
			let beaconer = seasoned_hotspot::<T>("beaconer", i, HERE);
			let origin = RawOrigin::Signed(beaconer.clone()).into();
			let checked = Pallet::<T>::check_beacon(&origin, FREQ).expect("a valid beacon");
			Pallet::<T>::do_submit_beacon(checked, commitment(), FREQ, 14);
			Beacons::<T>::mutate(&beaconer, |b| {
				if let Some(b) = b {
					for j in 0..full {
						let _ = b.witnesses.try_push(Witness {
							witness: account("w", j, i),
							heard: H256::repeat_byte(j as u8),
						});
					}
				}
			});
		}
		let now = frame_system::Pallet::<T>::block_number();
		let expiry = Pallet::<T>::expiry(now);
		CleanupCursor::<T>::put(expiry);
		frame_system::Pallet::<T>::set_block_number(expiry);
		#[block]
		{
			Pallet::<T>::cleanup(expiry, n);
		}
		assert_eq!(Beacons::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
