//! `try_state`: the rewards pallet's invariants, checked after every test and by try-runtime.

#![cfg(any(feature = "try-runtime", test))]

use crate::{pallet::*, service_index, Pot};
use alloc::collections::btree_map::BTreeMap;
use depin_primitives::{EpochIndex, Points, Service};
use frame_support::ensure;
use sp_runtime::{traits::Zero, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// - the split sums to 100% and the epoch length is not zero;
	/// - everything minted (claims, treasury) never exceeds what closed epochs emitted;
	/// - the epoch's points per service equal the sum of the points the device ledgers hold for
	///   it, and its blocks the sum of the validator ledgers' blocks;
	/// - points (blocks) of a closed epoch still in ledgers have a pool, and add up to no more
	///   than the pool's shares;
	/// - no ledger is ahead of the epoch in progress.
	pub(crate) fn do_try_state() -> Result<(), TryRuntimeError> {
		ensure!(CurrentSplit::<T>::get().is_whole(), "split does not sum to 100%");
		ensure!(!EpochLength::<T>::get().is_zero(), "epoch length is zero");
		ensure!(TotalMinted::<T>::get() <= TotalEmitted::<T>::get(), "minted more than emitted");

		let epoch = Epoch::<T>::get();
		let mut current = [0 as Points; 3];
		let mut closed: BTreeMap<(EpochIndex, Pot), Points> = BTreeMap::new();
		for (_, ledger) in DeviceLedgers::<T>::iter() {
			for service in Service::ALL {
				let entry = ledger.unvalued[service_index(service)];
				ensure!(entry.epoch <= epoch.index, "device ledger ahead of the epoch");
				if entry.points == 0 {
					continue;
				}
				if entry.epoch == epoch.index {
					let sum = &mut current[service_index(service)];
					*sum = sum.saturating_add(entry.points);
				} else {
					let sum = closed.entry((entry.epoch, Pot::Service(service))).or_default();
					*sum = sum.saturating_add(entry.points);
				}
			}
		}
		for service in Service::ALL {
			ensure!(
				current[service_index(service)] == epoch.points[service_index(service)],
				"epoch points differ from the device ledgers' points"
			);
		}

		let mut blocks: u32 = 0;
		for (_, ledger) in ValidatorLedgers::<T>::iter() {
			ensure!(ledger.epoch <= epoch.index, "validator ledger ahead of the epoch");
			if ledger.blocks == 0 {
				continue;
			}
			if ledger.epoch == epoch.index {
				blocks = blocks.saturating_add(ledger.blocks);
			} else {
				let sum = closed.entry((ledger.epoch, Pot::Validators)).or_default();
				*sum = sum.saturating_add(ledger.blocks.into());
			}
		}
		ensure!(blocks == epoch.blocks, "epoch blocks differ from the validator ledgers' blocks");

		for ((index, pot), sum) in closed {
			let pool = Pools::<T>::get(index, pot).ok_or("unvalued points without a pool")?;
			ensure!(sum <= pool.shares, "ledgers hold more points than their pool");
		}
		Ok(())
	}
}
