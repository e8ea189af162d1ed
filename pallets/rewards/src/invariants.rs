//! `try_state`: the rewards pallet's invariants, checked after every test, by try-runtime and by the runtime fuzzer (fuzz/).

use crate::{pallet::*, service_index, BalanceOf, DeviceLedgerOf, PointTotal, Pot};
use alloc::collections::btree_map::BTreeMap;
use depin_primitives::{EpochIndex, Service};
use frame_support::ensure;
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// - the split sums to 100% and the epoch length is not zero;
	/// - every planck emitted is accounted for, exactly: `TotalEmitted = TotalMinted` + what
	///   pools still owe + what ledgers (device, settled, validator) hold as owed or held back +
	///   the forfeits awaiting the treasury (no dust, nothing created);
	/// - the epoch's points per service equal the sum of the points the device and settled
	///   ledgers hold for it, and its blocks the sum of the validator ledgers' blocks;
	/// - the points (blocks) of each closed epoch still in ledgers equal their pool's shares
	///   exactly, and no pool is left without the points behind it;
	/// - no forfeit mark covers more points than its entry holds, and no ledger is ahead of the
	///   epoch in progress; no stored ledger is empty.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		ensure!(CurrentSplit::<T>::get().is_whole(), "split does not sum to 100%");
		ensure!(!EpochLength::<T>::get().is_zero(), "epoch length is zero");
		let (emitted, minted) = (TotalEmitted::<T>::get(), TotalMinted::<T>::get());
		ensure!(minted <= emitted, "minted more than emitted");

		let epoch = Epoch::<T>::get();
		let mut current = [0 as PointTotal; 3];
		let mut closed: BTreeMap<(EpochIndex, Pot), PointTotal> = BTreeMap::new();
		let mut holds = BalanceOf::<T>::zero();
		let mut check_device = |ledger: &DeviceLedgerOf<T>| -> Result<(), TryRuntimeError> {
			holds = holds.saturating_add(ledger.owed).saturating_add(ledger.held);
			for service in Service::ALL {
				let entry = ledger.unvalued[service_index(service)];
				ensure!(entry.epoch <= epoch.index, "device ledger ahead of the epoch");
				ensure!(entry.forfeit_points <= entry.points, "forfeit mark beyond the points");
				if entry.points == 0 {
					continue;
				}
				let sum = if entry.epoch == epoch.index {
					&mut current[service_index(service)]
				} else {
					closed.entry((entry.epoch, Pot::Service(service))).or_default()
				};
				*sum = sum.saturating_add(entry.points);
			}
			Ok(())
		};
		for (_, ledger) in DeviceLedgers::<T>::iter() {
			check_device(&ledger)?;
		}
		for (_, _, ledger) in SettledLedgers::<T>::iter() {
			ensure!(!ledger.is_empty(), "an empty settled ledger is stored");
			check_device(&ledger)?;
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
			holds = holds.saturating_add(ledger.owed);
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

		let mut owed_by_pools = BalanceOf::<T>::zero();
		for (index, pot, pool) in Pools::<T>::iter() {
			ensure!(index < epoch.index, "a pool of an epoch that has not closed");
			let sum = closed.remove(&(index, pot)).unwrap_or_default();
			ensure!(sum == pool.shares, "a pool's shares differ from the points behind it");
			owed_by_pools = owed_by_pools.saturating_add(pool.amount);
		}
		ensure!(closed.is_empty(), "unvalued points without a pool");

		let accounted = minted
			.saturating_add(owed_by_pools)
			.saturating_add(holds)
			.saturating_add(epoch.forfeited);
		ensure!(accounted == emitted, "emission not accounted for to the planck");
		Ok(())
	}
}
