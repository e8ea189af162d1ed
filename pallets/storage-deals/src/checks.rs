//! The checks of the calls: the storage node's standing, and a proof (shared by the call and
//! its `feeless_if`, so that a proof is free exactly when it would succeed).

use crate::{pallet::*, DealId, DealState, Leaf, Period, Progress, WeightInfo};
use depin_primitives::{merkle, DeviceInfo, DeviceKind, DeviceRefusal, DeviceRegistry, RewardSink};
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::traits::{UniqueSaturatedInto, Zero};

/// A proof that passed every check: what the call records.
pub(crate) struct CheckedProof<T: Config> {
	pub deal_id: DealId,
	pub deal: DealOf<T>,
	pub progress: Progress,
	pub period: Period,
	pub index: u64,
}

impl<T: Config> From<DeviceRefusal> for Error<T> {
	fn from(r: DeviceRefusal) -> Self {
		match r {
			DeviceRefusal::NotRegistered => Error::<T>::NotRegistered,
			DeviceRefusal::WrongKind => Error::<T>::NotAStorageNode,
			DeviceRefusal::Suspended => Error::<T>::Suspended,
			DeviceRefusal::Deregistered => Error::<T>::Deregistered,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// `device` as an active storage node.
	pub(crate) fn storage_node(
		device: &T::AccountId,
	) -> Result<DeviceInfo<T::AccountId>, Error<T>> {
		T::Registry::active_device(device, DeviceKind::StorageNode).map_err(Into::into)
	}

	/// `device` as an active storage node owned by `who`.
	pub(crate) fn owned_storage_node(
		who: &T::AccountId,
		device: &T::AccountId,
	) -> Result<DeviceInfo<T::AccountId>, Error<T>> {
		let info = Self::storage_node(device)?;
		ensure!(&info.owner == who, Error::<T>::NotOwner);
		Ok(info)
	}

	/// The proving period of block `n`.
	pub fn period_of(n: BlockNumberFor<T>) -> Period {
		let len: u64 = ProvingPeriod::<T>::get().unique_saturated_into();
		let n: u64 = n.unique_saturated_into();
		n.checked_div(len).unwrap_or_default()
	}

	/// The proving period in progress.
	pub fn current_period() -> Period {
		Self::period_of(frame_system::Pallet::<T>::block_number())
	}

	/// The leaf of deal `deal_id` (of `size` bytes) challenged in `period`, if its seed is
	/// recorded.
	pub fn challenge(deal_id: DealId, period: Period, size: u64) -> Option<u64> {
		let seed = PeriodSeeds::<T>::get(period)?;
		merkle::challenge_index(&seed.0, deal_id, period, size)
	}

	/// Everything `submit_proof` checks, in order: the deal runs, the signer is its storage
	/// node and active, the period is the one in progress and one of the deal's, not proven,
	/// the deal not terminable, and the leaf and path verify against the root at the
	/// challenged index. O(log n) hashing; reads the deal, the device and the seed.
	pub(crate) fn check_proof(
		origin: &OriginFor<T>,
		deal_id: DealId,
		period: Period,
		leaf: &Leaf,
		path: &BoundedVec<H256, T::MaxProofDepth>,
	) -> Result<CheckedProof<T>, Error<T>> {
		let signer = ensure_signed(origin.clone()).map_err(|_| Error::<T>::NotProvider)?;
		let deal = Deals::<T>::get(deal_id).ok_or(Error::<T>::UnknownDeal)?;
		let DealState::Active(progress) = deal.state else { return Err(Error::<T>::NotActive) };
		ensure!(deal.provider == signer, Error::<T>::NotProvider);
		Self::storage_node(&signer)?;
		let end = progress.end(deal.duration);
		ensure!(progress.start <= period && period < end, Error::<T>::PeriodOutsideDeal);
		let current = Self::current_period();
		ensure!(period <= current, Error::<T>::PeriodNotStarted);
		ensure!(period == current, Error::<T>::ProofTooLate);
		ensure!(progress.judged <= period, Error::<T>::AlreadyProven);
		let missed = Self::periods_u32(period.saturating_sub(progress.judged));
		ensure!(
			progress.consecutive.saturating_add(missed) < T::MaxConsecutiveFaults::get(),
			Error::<T>::DealTerminable
		);
		let index = Self::challenge(deal_id, period, deal.size).ok_or(Error::<T>::SeedUnknown)?;
		ensure!(
			merkle::verify(&deal.root.0, deal.size, index, leaf, Self::path_bytes(path).as_slice()),
			Error::<T>::InvalidProof
		);
		Ok(CheckedProof { deal_id, deal, progress, period, index })
	}

	/// The path as plain hashes (`H256` is a 32-byte array; this copies at most
	/// `MaxProofDepth` of them).
	fn path_bytes(path: &[H256]) -> alloc::vec::Vec<[u8; 32]> {
		path.iter().map(|h| h.0).collect()
	}

	/// A count of periods within one deal (at most its `u32` duration).
	pub(crate) fn periods_u32(n: u64) -> u32 {
		u32::try_from(n).unwrap_or(u32::MAX)
	}

	/// Records a checked proof: the periods skipped since the last judged one are faults, the
	/// period is proven, the device earns `size` points. Two writes (the deal, the points).
	pub(crate) fn do_submit_proof(checked: CheckedProof<T>) {
		let CheckedProof { deal_id, mut deal, mut progress, period, index } = checked;
		let faults = Self::periods_u32(period.saturating_sub(progress.judged));
		progress.faults = progress.faults.saturating_add(faults);
		progress.consecutive = 0;
		progress.proven = progress.proven.saturating_add(1);
		progress.judged = period.saturating_add(1);
		deal.state = DealState::Active(progress);
		let points = deal.size;
		T::Rewards::note_points(depin_primitives::Service::Storage, &deal.provider, points);
		Deals::<T>::insert(deal_id, deal);
		Self::deposit_event(Event::ProofAccepted { deal: deal_id, period, index, points, faults });
	}

	/// At a proving period's first block: records the parent hash as the period's seed and
	/// prunes the seed `SeedHistory` periods older.
	pub(crate) fn record_seed(now: BlockNumberFor<T>) -> Weight {
		let len = ProvingPeriod::<T>::get();
		if len.is_zero() || !(now % len).is_zero() {
			return T::WeightInfo::on_initialize_idle();
		}
		let period = Self::period_of(now);
		let parent = frame_system::Pallet::<T>::parent_hash();
		let mut seed = H256::zero();
		let bytes = parent.as_ref();
		let n = bytes.len().min(32);
		if let (Some(dst), Some(src)) = (seed.0.get_mut(..n), bytes.get(..n)) {
			dst.copy_from_slice(src);
		}
		PeriodSeeds::<T>::insert(period, seed);
		if let Some(old) = period.checked_sub(T::SeedHistory::get() as u64) {
			PeriodSeeds::<T>::remove(old);
		}
		T::WeightInfo::on_initialize_seed()
	}
}
