//! Benchmarks, each at its worst case: full indexes, the deepest proof (a 32 GiB file when
//! `MaxProofDepth` is 27), settlements that pay, penalise, refund and complete or terminate.

use super::*;
use crate::pallet::{ClientDeals, Config, Deals, Pallet, PeriodSeeds, Providers, ProvingPeriod};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{Bounded, Saturating};

/// An ask as roomy as the configuration allows, at the least price.
fn roomy_ask<T: Config>() -> Ask<BalanceOf<T>> {
	Ask {
		price: 1u32.into(),
		min_duration: 1,
		max_duration: T::MaxDuration::get(),
		capacity: u64::MAX,
	}
}

/// Gives `who` plenty.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = BalanceOf::<T>::max_value() / 8u32.into();
	T::Currency::set_balance(who, amount);
}

/// A storage node with an ask and `MaxDealsPerProvider - 1` deals on its index; returns
/// `(device, owner)`.
fn provider<T: Config>() -> (T::AccountId, T::AccountId) {
	let device: T::AccountId = account("node", 0, 0);
	let owner: T::AccountId = account("owner", 0, 0);
	T::BenchmarkHelper::register_storage_node(&owner, &device);
	fund::<T>(&owner);
	let deals: alloc::vec::Vec<DealId> =
		(0..T::MaxDealsPerProvider::get().saturating_sub(1)).map(|i| u64::MAX - i as u64).collect();
	Providers::<T>::insert(
		&device,
		Provider { ask: Some(roomy_ask::<T>()), used: 0, deals: BoundedVec::truncate_from(deals) },
	);
	(device, owner)
}

/// A funded client with `MaxDealsPerClient - 1` deals on its index.
fn client<T: Config>() -> T::AccountId {
	let client: T::AccountId = account("client", 0, 0);
	fund::<T>(&client);
	let deals: alloc::vec::Vec<DealId> =
		(0..T::MaxDealsPerClient::get().saturating_sub(1)).map(|i| u64::MAX - i as u64).collect();
	ClientDeals::<T>::insert(&client, BoundedVec::truncate_from(deals));
	client
}

/// A proposal of the largest file for the longest duration from `client` to `device`; its id.
fn largest_proposal<T: Config>(client: &T::AccountId, device: &T::AccountId) -> DealId {
	let id = crate::NextDealId::<T>::get();
	Pallet::<T>::do_propose(
		client.clone(),
		device.clone(),
		H256::repeat_byte(1),
		T::MaxDealSize::get(),
		T::MaxDuration::get(),
		1u32.into(),
		T::Currency::minimum_balance(),
	)
	.expect("a valid proposal");
	id
}

/// Sets the chain at the first block of `period`, with its seed recorded.
fn go_to_period<T: Config>(period: Period) {
	let len = ProvingPeriod::<T>::get();
	let block = len.saturating_mul((period as u32).into());
	frame_system::Pallet::<T>::set_block_number(block);
	PeriodSeeds::<T>::insert(period, H256::repeat_byte(period as u8 ^ 0x5a));
}

/// A running deal of `size` bytes and `duration` periods from `client` to `device`, with
/// collateral; it starts in period 1. Returns its id.
fn running<T: Config>(
	client: &T::AccountId,
	device: &T::AccountId,
	owner: &T::AccountId,
	root: H256,
	size: u64,
	duration: u32,
) -> DealId {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let id = crate::NextDealId::<T>::get();
	let collateral = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
	Pallet::<T>::do_propose(
		client.clone(),
		device.clone(),
		root,
		size,
		duration,
		1u32.into(),
		collateral,
	)
	.expect("a valid proposal");
	Pallet::<T>::do_accept(owner.clone(), id).expect("a valid acceptance");
	id
}

/// Sets the progress of running deal `id`.
fn set_progress<T: Config>(id: DealId, progress: Progress) {
	Deals::<T>::mutate(id, |d| {
		if let Some(d) = d {
			d.state = DealState::Active(progress);
		}
	});
}

/// The root of a perfect tree of `2^depth` leaves in which leaf `index` is `leaf` and the
/// siblings are `path` (what `verify` recomputes).
fn fold_root(leaf: &Leaf, index: u64, path: &[H256]) -> H256 {
	use depin_primitives::merkle::{leaf_hash, node_hash};
	let mut hash = leaf_hash(leaf);
	for (level, sibling) in path.iter().enumerate() {
		hash = if (index >> level) & 1 == 0 {
			node_hash(&hash, &sibling.0)
		} else {
			node_hash(&sibling.0, &hash)
		};
	}
	H256(hash)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Replaces the ask of a node with a full index of deals (the largest record).
	#[benchmark]
	fn set_ask() {
		let (device, owner) = provider::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), roomy_ask::<T>());
		assert!(Providers::<T>::get(&device).and_then(|p| p.ask).is_some());
	}

	/// Withdraws the ask of a node with a full index of deals (the largest record).
	#[benchmark]
	fn clear_ask() {
		let (device, owner) = provider::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());
		assert!(Providers::<T>::get(&device).is_some_and(|p| p.ask.is_none()));
	}

	#[benchmark]
	fn propose_deal() {
		let (device, _) = provider::<T>();
		let client = client::<T>();
		let size = T::MaxDealSize::get();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(client.clone()),
			device,
			H256::repeat_byte(1),
			size,
			T::MaxDuration::get(),
			1u32.into(),
			T::Currency::minimum_balance(),
		);
		assert_eq!(ClientDeals::<T>::get(&client).len() as u32, T::MaxDealsPerClient::get());
	}

	#[benchmark]
	fn accept_deal() {
		let (device, owner) = provider::<T>();
		let client = client::<T>();
		let id = largest_proposal::<T>(&client, &device);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert_eq!(
			Pallet::<T>::deals_of_provider(&device).len() as u32,
			T::MaxDealsPerProvider::get()
		);
	}

	#[benchmark]
	fn cancel_proposal() {
		let (device, _) = provider::<T>();
		let client = client::<T>();
		let id = largest_proposal::<T>(&client, &device);
		#[extrinsic_call]
		_(RawOrigin::Signed(client), id);
		assert!(Deals::<T>::get(id).is_none());
	}

	/// A proof with a path of `d` hashes: a file of `2^d` full leaves (32 GiB at 27).
	#[benchmark]
	fn submit_proof(d: Linear<0, { T::MaxProofDepth::get() }>) {
		let (device, owner) = provider::<T>();
		let client = client::<T>();
		let size = (LEAF_BYTES << d).min(T::MaxDealSize::get());
		let leaf: Leaf = [7u8; depin_primitives::merkle::LEAF_SIZE];
		let path: alloc::vec::Vec<H256> = (0..d).map(|i| H256::repeat_byte(i as u8)).collect();
		// The root is fixed once the challenge is known: propose with a placeholder, then set it.
		let id = running::<T>(&client, &device, &owner, H256::zero(), size, 2);
		go_to_period::<T>(1);
		let index = Pallet::<T>::challenge(id, 1, size).expect("a seed");
		let root = fold_root(&leaf, index, &path);
		Deals::<T>::mutate(id, |deal| {
			if let Some(deal) = deal {
				deal.root = root;
			}
		});
		T::BenchmarkHelper::worst_case_notes(&device);
		let path = BoundedVec::truncate_from(path);
		#[extrinsic_call]
		_(RawOrigin::Signed(device), id, 1, alloc::boxed::Box::new(leaf), path);
		assert!(matches!(
			Deals::<T>::get(id).map(|d| d.state),
			Some(DealState::Active(Progress { proven: 1, .. }))
		));
	}

	/// A settlement that pays a proven period, judges and settles two faults (penalty and
	/// refund) and completes the deal: every transfer and both index removals.
	#[benchmark]
	fn settle_deal() {
		assert!(T::MaxConsecutiveFaults::get() >= 3, "the worst case needs 2 faults in a row");
		let (device, owner) = provider::<T>();
		let client = client::<T>();
		let id = running::<T>(&client, &device, &owner, H256::zero(), 1024, 3);
		// Period 1 proven, period 2 a fault; settled in period 4 (period 3 a fault too).
		set_progress::<T>(
			id,
			Progress {
				start: 1,
				judged: 3,
				proven: 1,
				paid: 0,
				faults: 1,
				faults_settled: 0,
				consecutive: 1,
			},
		);
		go_to_period::<T>(4);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert!(Deals::<T>::get(id).is_none());
	}

	/// A termination by `report_fault`: pays a proven period, the penalties, refunds the rest,
	/// slashes the collateral to the treasury, removes the deal.
	#[benchmark]
	fn terminate_deal() {
		let max = T::MaxConsecutiveFaults::get();
		let (device, owner) = provider::<T>();
		let client = client::<T>();
		let reporter: T::AccountId = account("reporter", 0, 0);
		let id = running::<T>(&client, &device, &owner, H256::zero(), 1024, max + 2);
		let faults = max.saturating_sub(1);
		set_progress::<T>(
			id,
			Progress {
				start: 1,
				judged: 2 + faults as u64,
				proven: 1,
				paid: 0,
				faults,
				faults_settled: 0,
				consecutive: faults,
			},
		);
		go_to_period::<T>(3 + faults as u64);
		#[extrinsic_call]
		report_fault(RawOrigin::Signed(reporter), id);
		assert!(Deals::<T>::get(id).is_none());
	}

	/// `on_initialize` in a block that starts no period.
	#[benchmark]
	fn on_initialize_idle() {
		let block: BlockNumberFor<T> = ProvingPeriod::<T>::get().saturating_add(1u32.into());
		#[block]
		{
			Pallet::<T>::record_seed(block);
		}
		assert!(PeriodSeeds::<T>::get(1).is_none());
	}

	/// `on_initialize` at a period's start: records the seed and prunes the oldest.
	#[benchmark]
	fn on_initialize_seed() {
		let history = T::SeedHistory::get() as u64;
		let period = history + 1;
		PeriodSeeds::<T>::insert(1, H256::zero());
		let block: BlockNumberFor<T> =
			ProvingPeriod::<T>::get().saturating_mul((period as u32).into());
		#[block]
		{
			Pallet::<T>::record_seed(block);
		}
		assert!(PeriodSeeds::<T>::get(period).is_some());
		assert!(PeriodSeeds::<T>::get(1).is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

/// Bytes of a leaf, as a `u64`.
const LEAF_BYTES: u64 = depin_primitives::merkle::LEAF_SIZE as u64;
