//! Benchmarks, each at its worst case: an interval's first reading (the zone read for its
//! prices), a reading after missed intervals (the penalty), settlements that pay through the
//! operator with reward points or from escrow, funding that pays debt, deregistration with a
//! penalty, an upheld dispute.

use super::*;
use crate::pallet::{
	Config, Disputes, IntervalTiming, Intervals, Meters, NextZoneId, Pallet, Zones,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

/// Blocks per interval and grace period in the benchmarks.
const LEN: u32 = 10;
const GRACE: u32 = 4;

/// Gives `who` plenty.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = BalanceOf::<T>::max_value() / 8u32.into();
	T::Currency::set_balance(who, amount);
}

fn go_to<T: Config>(block: u32) {
	frame_system::Pallet::<T>::set_block_number(block.into());
}

/// The first block of interval `k`'s grace period.
fn reading_block(k: u32) -> u32 {
	(k + 1) * LEN
}

/// The first block at which interval `k` is final.
fn final_block(k: u32) -> u32 {
	(k + 1) * LEN + GRACE
}

fn tariffs<T: Config>() -> Tariffs<BalanceOf<T>> {
	Tariffs { import: 300u32.into(), local: 200u32.into(), feed_in: 100u32.into() }
}

/// A zone with a funded operator at block 1, the clock at `LEN`/`GRACE`; its id.
fn zone<T: Config>() -> ZoneId {
	IntervalTiming::<T>::put(Timing { interval_length: LEN, grace_period: GRACE });
	let operator: T::AccountId = account("operator", 0, 0);
	fund::<T>(&operator);
	fund::<T>(&T::Treasury::get());
	go_to::<T>(1);
	let id = NextZoneId::<T>::get();
	Pallet::<T>::do_create_zone(operator, tariffs::<T>()).expect("room for a zone");
	id
}

/// Meter `i` of a funded owner in `zone`, rated for plenty, with escrow; `(device, owner)`.
fn meter<T: Config>(i: u32, zone: ZoneId) -> (T::AccountId, T::AccountId) {
	let device: T::AccountId = account("meter", i, 0);
	let owner: T::AccountId = account("owner", i, 0);
	fund::<T>(&owner);
	T::BenchmarkHelper::register_energy_meter(&owner, &device);
	Pallet::<T>::do_register_meter(owner.clone(), device.clone(), zone, T::MaxCapacityW::get())
		.expect("a valid meter");
	Pallet::<T>::do_fund_escrow(owner.clone(), device.clone(), 1_000_000_000u32.into())
		.expect("funds");
	(device, owner)
}

/// `device` reads interval `k` with registers `(p, c)`.
fn read<T: Config>(device: &T::AccountId, k: u32, p: Wh, c: Wh) {
	let origin = RawOrigin::Signed(device.clone()).into();
	let checked = Pallet::<T>::check_reading(&origin, k, p, c).expect("a valid reading");
	Pallet::<T>::do_submit_reading(checked).expect("recorded");
}

/// Whether `device` has an unsettled reading of interval `k`.
fn unsettled<T: Config>(device: &T::AccountId, k: u32) -> bool {
	Meters::<T>::get(device).is_some_and(|m| m.reading(k).is_some())
}

/// Meters `0..n` with their baselines read for interval 0, at block `reading_block(0)`.
fn ready<T: Config>(n: u32) -> (ZoneId, alloc::vec::Vec<(T::AccountId, T::AccountId)>) {
	let zone = zone::<T>();
	let meters: alloc::vec::Vec<_> = (0..n).map(|i| meter::<T>(i, zone)).collect();
	go_to::<T>(reading_block(0));
	for (device, _) in &meters {
		read::<T>(device, 0, 0, 0);
	}
	(zone, meters)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_zone() {
		let operator: T::AccountId = account("operator", 0, 0);
		let id = NextZoneId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Root, operator, tariffs::<T>());
		assert!(Zones::<T>::contains_key(id));
	}

	#[benchmark]
	fn update_tariffs() {
		let id = zone::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, id, tariffs::<T>());
		assert!(Zones::<T>::get(id).expect("a zone").next_tariffs.is_some());
	}

	#[benchmark]
	fn register_meter() {
		let id = zone::<T>();
		let device: T::AccountId = account("meter", 0, 0);
		let owner: T::AccountId = account("owner", 0, 0);
		fund::<T>(&owner);
		T::BenchmarkHelper::register_energy_meter(&owner, &device);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), id, T::MaxCapacityW::get());
		assert!(Meters::<T>::contains_key(&device));
	}

	/// With escrow to release and missed intervals to penalise.
	#[benchmark]
	fn deregister_meter() {
		let (_, meters) = ready::<T>(1);
		let (device, owner) = meters[0].clone();
		go_to::<T>(final_block(3));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());
		assert!(!Meters::<T>::contains_key(&device));
	}

	/// Pays a debt to the operator and holds the rest.
	#[benchmark]
	fn fund_escrow() {
		let (_, meters) = ready::<T>(1);
		let (device, owner) = meters[0].clone();
		Meters::<T>::mutate(&device, |m| {
			if let Some(m) = m {
				m.debt = 1_000u32.into();
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), 1_000_000u32.into());
		assert!(Meters::<T>::get(&device).expect("a meter").debt == 0u32.into());
	}

	#[benchmark]
	fn withdraw_escrow() {
		let (_, meters) = ready::<T>(1);
		let (device, owner) = meters[0].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device, 1_000u32.into());
	}

	/// The interval's first reading: its totals are created from the zone's prices.
	#[benchmark]
	fn submit_reading() {
		let (zone, meters) = ready::<T>(1);
		let (device, _) = meters[0].clone();
		go_to::<T>(reading_block(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(device.clone()), 1, 1_000, 1_000);
		assert!(unsettled::<T>(&device, 1));
		assert!(Intervals::<T>::contains_key(zone, 1));
	}

	/// A reading after missed intervals: the penalty moves to the treasury.
	#[benchmark]
	fn submit_reading_missed() {
		let (_, meters) = ready::<T>(1);
		let (device, _) = meters[0].clone();
		go_to::<T>(reading_block(3));
		#[extrinsic_call]
		submit_reading(RawOrigin::Signed(device.clone()), 3, 1_000, 1_000);
		assert!(unsettled::<T>(&device, 3));
	}

	/// A producer paid by the operator, earning points; the totals stay (another reading).
	#[benchmark]
	fn settle_credit() {
		let (_, meters) = ready::<T>(2);
		let (producer, consumer) = (meters[0].0.clone(), meters[1].0.clone());
		go_to::<T>(reading_block(1));
		read::<T>(&producer, 1, 1_000, 0);
		read::<T>(&consumer, 1, 0, 500);
		go_to::<T>(final_block(1));
		T::BenchmarkHelper::worst_case_notes(&producer);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		settle(RawOrigin::Signed(caller), producer.clone(), 1);
		assert!(!unsettled::<T>(&producer, 1));
	}

	/// A consumer paying the operator from escrow; the totals stay (another reading).
	#[benchmark]
	fn settle_debit() {
		let (_, meters) = ready::<T>(2);
		let (producer, consumer) = (meters[0].0.clone(), meters[1].0.clone());
		go_to::<T>(reading_block(1));
		read::<T>(&producer, 1, 500, 0);
		read::<T>(&consumer, 1, 0, 1_000);
		go_to::<T>(final_block(1));
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		settle(RawOrigin::Signed(caller), consumer.clone(), 1);
		assert!(!unsettled::<T>(&consumer, 1));
	}

	#[benchmark]
	fn dispute_reading() {
		let (_, meters) = ready::<T>(1);
		let device = meters[0].0.clone();
		go_to::<T>(reading_block(1));
		read::<T>(&device, 1, 1_000, 0);
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), device.clone(), 1);
		assert!(Disputes::<T>::contains_key(&device, 1));
	}

	/// Upheld: the bond released, the deposit slashed, the reading voided.
	#[benchmark]
	fn resolve_dispute() {
		let (zone, meters) = ready::<T>(2);
		let (device, other) = (meters[0].0.clone(), meters[1].0.clone());
		go_to::<T>(reading_block(1));
		read::<T>(&device, 1, 1_000, 0);
		read::<T>(&other, 1, 0, 1_000);
		let disputer: T::AccountId = account("disputer", 0, 0);
		fund::<T>(&disputer);
		Pallet::<T>::do_dispute(disputer, device.clone(), 1).expect("a dispute");
		#[extrinsic_call]
		_(RawOrigin::Root, device.clone(), 1, true);
		assert!(!unsettled::<T>(&device, 1));
		assert!(Intervals::<T>::contains_key(zone, 1));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
