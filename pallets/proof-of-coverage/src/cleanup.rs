//! Removal of unrevealed beacons at the end of their reveal window: bounded per block.

use crate::{pallet::*, WeightInfo};
use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{One, Saturating};

impl<T: Config> Pallet<T> {
	/// Removes expired beacons of the blocks from [`CleanupCursor`] to `now`, at most `limit`
	/// beacons (and `limit + 1` blocks); the cursor stays at the first block not done. Returns
	/// the weight used.
	pub(crate) fn cleanup(now: BlockNumberFor<T>, limit: u32) -> Weight {
		let mut cursor = CleanupCursor::<T>::get();
		let (mut removed, mut blocks) = (0u32, 0u32);
		while cursor <= now && blocks <= limit {
			blocks = blocks.saturating_add(1);
			let due: Vec<T::AccountId> = Expiries::<T>::iter_key_prefix(cursor)
				.take(limit.saturating_sub(removed) as usize)
				.collect();
			for beaconer in due {
				Expiries::<T>::remove(cursor, &beaconer);
				let expired =
					Beacons::<T>::get(&beaconer).filter(|b| Self::expiry(b.submitted_at) == cursor);
				if let Some(beacon) = expired {
					Beacons::<T>::remove(&beaconer);
					Self::deposit_event(Event::BeaconExpired {
						beaconer,
						witnesses: beacon.witnesses.len() as u32,
					});
				}
				removed = removed.saturating_add(1);
			}
			if removed >= limit && Expiries::<T>::iter_key_prefix(cursor).next().is_some() {
				break;
			}
			cursor = cursor.saturating_add(One::one());
		}
		CleanupCursor::<T>::put(cursor);
		T::WeightInfo::cleanup(removed)
			.saturating_add(T::DbWeight::get().reads_writes(u64::from(blocks).saturating_add(1), 1))
	}

	/// `on_idle`: works off a backlog (the cursor behind `now`) with the spare weight.
	pub(crate) fn cleanup_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
		let check = T::DbWeight::get().reads(1);
		if remaining.any_lt(check) || CleanupCursor::<T>::get() > now {
			return check.min(remaining);
		}
		// What one more beacon costs, and the fixed part of a pass.
		let base = T::WeightInfo::cleanup(0).saturating_add(T::DbWeight::get().reads_writes(2, 1));
		let per = T::WeightInfo::cleanup(1).saturating_sub(T::WeightInfo::cleanup(0));
		let per = per.saturating_add(T::DbWeight::get().reads(1));
		let spare = remaining.saturating_sub(base).saturating_sub(check);
		let fits = if per.ref_time() == 0 {
			T::MaxCleanupPerBlock::get()
		} else {
			let by_time = spare.ref_time() / per.ref_time().max(1);
			let by_proof = spare.proof_size().checked_div(per.proof_size()).unwrap_or(u64::MAX);
			u32::try_from(by_time.min(by_proof)).unwrap_or(u32::MAX)
		};
		if fits == 0 {
			return check;
		}
		check.saturating_add(Self::cleanup(now, fits.min(T::MaxCleanupPerBlock::get())))
	}
}
