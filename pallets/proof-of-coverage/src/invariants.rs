//! `try_state`: proof of coverage's invariants, checked after every test, by try-runtime and by the runtime fuzzer (fuzz/).

use crate::pallet::*;
use alloc::collections::btree_set::BTreeSet;
use depin_primitives::EpochClock;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Zero, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// - each open beacon's witnesses are distinct, none is its beaconer, at most
	///   `MaxWitnessesPerBeacon`;
	/// - each open beacon has its entry in `Expiries` and vice versa (one each way);
	/// - no beacon outlives its reveal window: its expiry block is in the future, or the
	///   cleanup cursor has not passed it (a backlog beyond `MaxCleanupPerBlock`);
	/// - no expiry entry lies before the cursor;
	/// - every radio gain is at most `MaxGainDdbi`, no beacon epoch lies in the future, the
	///   radiated power cap is within its range.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let cursor = CleanupCursor::<T>::get();
		let mut beaconers = BTreeSet::new();
		for (beaconer, beacon) in Beacons::<T>::iter() {
			ensure!(
				beacon.witnesses.len() as u32 <= T::MaxWitnessesPerBeacon::get(),
				"too many witnesses"
			);
			let distinct: BTreeSet<_> = beacon.witnesses.iter().map(|w| &w.witness).collect();
			ensure!(distinct.len() == beacon.witnesses.len(), "a witness counted twice");
			ensure!(!distinct.contains(&beaconer), "a beaconer witnessed its own beacon");
			let expiry = Self::expiry(beacon.submitted_at);
			ensure!(Expiries::<T>::contains_key(expiry, &beaconer), "open beacon without expiry");
			ensure!(expiry > now || expiry >= cursor, "beacon outlived its reveal window");
			beaconers.insert(beaconer);
		}
		let mut entries = 0usize;
		for (block, beaconer, ()) in Expiries::<T>::iter() {
			ensure!(block >= cursor, "expiry entry behind the cleanup cursor");
			let beacon = Beacons::<T>::get(&beaconer).ok_or("expiry entry without a beacon")?;
			ensure!(Self::expiry(beacon.submitted_at) == block, "expiry entry at the wrong block");
			entries += 1;
		}
		ensure!(entries == beaconers.len(), "expiry entries differ from open beacons");

		let epoch = T::EpochClock::current_epoch();
		for (_, hotspot) in Hotspots::<T>::iter() {
			if let Some(radio) = hotspot.radio {
				ensure!(radio.gain_ddbi <= T::MaxGainDdbi::get(), "radio gain above the maximum");
			}
			ensure!(
				hotspot.last_beacon_epoch.is_none_or(|e| e <= epoch),
				"beacon epoch in the future"
			);
		}
		ensure!((-30..=60).contains(&MaxEirpDbm::<T>::get()), "radiated power cap out of range");
		ensure!(
			!Windows::<T>::get().witness.is_zero() && !Windows::<T>::get().reveal.is_zero(),
			"a window of zero blocks"
		);
		Ok(())
	}
}
