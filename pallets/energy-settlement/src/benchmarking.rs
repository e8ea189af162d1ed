//! Benchmarks, each at its worst case: meters with `MaxUnsettled - 1` older readings awaiting
//! settlement (the record at its largest, the reading searched last), an interval's first
//! reading (the zone read for its prices), a reading after missed intervals (the penalty),
//! settlements that pay through the operator with reward points or take escrow, deposit and
//! leave debt, funding that pays debt and restores the deposit, deregistration with a penalty,
//! an upheld dispute.

use super::*;
use crate::pallet::{
	Config, Disputes, HoldReason, IntervalTiming, Intervals, Meters, NextZoneId, Pallet, Zones,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

/// Blocks per interval and grace period in the benchmarks.
const LEN: u32 = 10;
const GRACE: u32 = 4;
/// The interval of the meters' baselines; older intervals hold the prefilled readings.
const BASE: u32 = 1_000;

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

/// A meter's deposit per Wh imported: a consumption of a few Wh outruns escrow and deposit.
fn tariffs<T: Config>() -> Tariffs<BalanceOf<T>> {
	let import = T::MeterDeposit::get();
	Tariffs { import, local: import / 2u32.into(), feed_in: import / 4u32.into() }
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

/// Meter `i` of a funded owner in `zone`, rated for plenty, with a little escrow;
/// `(device, owner)`.
fn meter<T: Config>(i: u32, zone: ZoneId) -> (T::AccountId, T::AccountId) {
	let device: T::AccountId = account("meter", i, 0);
	let owner: T::AccountId = account("owner", i, 0);
	fund::<T>(&owner);
	T::BenchmarkHelper::register_energy_meter(&owner, &device);
	Pallet::<T>::do_register_meter(owner.clone(), device.clone(), zone, T::MaxCapacityW::get())
		.expect("a valid meter");
	Pallet::<T>::do_fund_escrow(owner.clone(), device.clone(), 1_000u32.into()).expect("funds");
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

/// Gives meter `device` `MaxUnsettled - 1` grid readings of intervals before `BASE` awaiting
/// settlement (nothing to reserve, outside every zone's totals).
fn fill<T: Config>(device: &T::AccountId) {
	Meters::<T>::mutate(device, |m| {
		if let Some(m) = m {
			let old = Reading {
				flow: Flow::default(),
				kind: ReadingKind::Grid,
				reserved: 0u32.into(),
				disputed: false,
			};
			for k in 1..T::MaxUnsettled::get() {
				let _ = m.readings.try_push((k, old.clone()));
			}
		}
	});
}

/// Meters `0..n`, full of older readings if `full`, their next reading due at `BASE` and their
/// baselines read for it, at block `reading_block(BASE)`.
fn ready<T: Config>(n: u32, full: bool) -> (ZoneId, alloc::vec::Vec<(T::AccountId, T::AccountId)>) {
	let zone = zone::<T>();
	let meters: alloc::vec::Vec<_> = (0..n).map(|i| meter::<T>(i, zone)).collect();
	for (device, _) in &meters {
		Meters::<T>::mutate(device, |m| {
			if let Some(m) = m {
				m.next = BASE;
			}
		});
		if full {
			fill::<T>(device);
		}
	}
	go_to::<T>(reading_block(BASE));
	for (device, _) in &meters {
		read::<T>(device, BASE, 0, 0);
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
		let (_, meters) = ready::<T>(1, false);
		let (device, owner) = meters[0].clone();
		go_to::<T>(final_block(BASE + 3));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());
		assert!(!Meters::<T>::contains_key(&device));
	}

	/// Pays a debt to the operator, restores half the deposit, holds the rest as escrow.
	#[benchmark]
	fn fund_escrow() {
		let (_, meters) = ready::<T>(1, true);
		let (device, owner) = meters[0].clone();
		let half = T::MeterDeposit::get() / 2u32.into();
		Pallet::<T>::transfer_held(HoldReason::MeterDeposit, &owner, &T::Treasury::get(), half)
			.expect("the deposit is held");
		Meters::<T>::mutate(&device, |m| {
			if let Some(m) = m {
				m.debt = 1_000u32.into();
				m.deposit -= half;
			}
		});
		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			device.clone(),
			T::MeterDeposit::get() * 2u32.into() + 1_000u32.into(),
		);
		let meter = Meters::<T>::get(&device).expect("a meter");
		assert!(meter.debt == 0u32.into() && meter.deposit == T::MeterDeposit::get());
		assert!(meter.escrow > 1_000u32.into());
	}

	#[benchmark]
	fn withdraw_escrow() {
		let (_, meters) = ready::<T>(1, true);
		let (device, owner) = meters[0].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device, 1_000u32.into());
	}

	/// The interval's first reading (its totals are created from the zone's prices), the
	/// meter's last free place for an unsettled reading.
	#[benchmark]
	fn submit_reading() {
		let (zone, meters) = ready::<T>(1, true);
		let (device, _) = meters[0].clone();
		go_to::<T>(reading_block(BASE + 1));
		#[extrinsic_call]
		_(RawOrigin::Signed(device.clone()), BASE + 1, 1_000, 1_000);
		assert!(unsettled::<T>(&device, BASE + 1));
		assert!(Intervals::<T>::contains_key(zone, BASE + 1));
	}

	/// A reading after missed intervals: the penalty moves to the treasury.
	#[benchmark]
	fn submit_reading_missed() {
		let (_, meters) = ready::<T>(1, true);
		let (device, _) = meters[0].clone();
		go_to::<T>(reading_block(BASE + 3));
		#[extrinsic_call]
		submit_reading(RawOrigin::Signed(device.clone()), BASE + 3, 1_000, 1_000);
		assert!(unsettled::<T>(&device, BASE + 3));
	}

	/// A producer paid by the operator, earning points; the totals stay (another reading).
	#[benchmark]
	fn settle_credit() {
		let (_, meters) = ready::<T>(2, true);
		let (producer, consumer) = (meters[0].0.clone(), meters[1].0.clone());
		go_to::<T>(reading_block(BASE + 1));
		read::<T>(&producer, BASE + 1, 1_000, 0);
		read::<T>(&consumer, BASE + 1, 0, 500);
		go_to::<T>(final_block(BASE + 1));
		T::BenchmarkHelper::worst_case_notes(&producer);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		settle(RawOrigin::Signed(caller), producer.clone(), BASE + 1);
		assert!(!unsettled::<T>(&producer, BASE + 1));
	}

	/// A consumer paying the operator from escrow, then from its deposit, the rest left as
	/// debt; the totals stay (another reading).
	#[benchmark]
	fn settle_debit() {
		let (_, meters) = ready::<T>(2, true);
		let (producer, consumer) = (meters[0].0.clone(), meters[1].0.clone());
		go_to::<T>(reading_block(BASE + 1));
		read::<T>(&producer, BASE + 1, 500, 0);
		read::<T>(&consumer, BASE + 1, 0, 1_000);
		go_to::<T>(final_block(BASE + 1));
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		settle(RawOrigin::Signed(caller), consumer.clone(), BASE + 1);
		assert!(!unsettled::<T>(&consumer, BASE + 1));
		let meter = Meters::<T>::get(&consumer).expect("a meter");
		assert!(meter.deposit == 0u32.into() && meter.debt > 0u32.into());
	}

	#[benchmark]
	fn dispute_reading() {
		let (_, meters) = ready::<T>(1, true);
		let device = meters[0].0.clone();
		go_to::<T>(reading_block(BASE + 1));
		read::<T>(&device, BASE + 1, 1_000, 0);
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), device.clone(), BASE + 1);
		assert!(Disputes::<T>::contains_key(&device, BASE + 1));
	}

	/// Upheld: the bond released, the deposit slashed, the reading voided.
	#[benchmark]
	fn resolve_dispute() {
		let (zone, meters) = ready::<T>(2, true);
		let (device, other) = (meters[0].0.clone(), meters[1].0.clone());
		go_to::<T>(reading_block(BASE + 1));
		read::<T>(&device, BASE + 1, 1_000, 0);
		read::<T>(&other, BASE + 1, 0, 1_000);
		let disputer: T::AccountId = account("disputer", 0, 0);
		fund::<T>(&disputer);
		Pallet::<T>::do_dispute(disputer, device.clone(), BASE + 1).expect("a dispute");
		#[extrinsic_call]
		_(RawOrigin::Root, device.clone(), BASE + 1, true);
		assert!(!unsettled::<T>(&device, BASE + 1));
		assert!(Intervals::<T>::contains_key(zone, BASE + 1));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
