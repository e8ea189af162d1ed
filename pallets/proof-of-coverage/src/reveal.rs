//! The reveal: every witness judged, reciprocity, HIP-15 units scaled by hex density, points.

use crate::{pallet::*, types::*, units};
use alloc::vec::Vec;
use depin_primitives::{
	proofs::witness_heard_preimage, DeviceKind, DeviceRegistry, RewardSink, Service,
};
use frame_support::traits::Get;
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

/// A witness at the reveal: its id, its record if it proved hearing the payload and is still an
/// active hotspot, its verdict.
type Judged<T> =
	(<T as frame_system::Config>::AccountId, Option<Hotspot<BlockNumberFor<T>>>, Verdict);

impl<T: Config> Pallet<T> {
	/// Whether a reciprocity time `at` still counts at `now`.
	fn recent(at: Option<BlockNumberFor<T>>, now: BlockNumberFor<T>) -> bool {
		at.is_some_and(|at| now.saturating_sub(at) <= T::ReciprocityWindow::get())
	}

	/// The density scale of a beacon from `location`: `min(1, DensityTarget / hotspots in its
	/// resolution-8 hex)`.
	pub fn density_at(location: depin_primitives::Cell) -> Perbill {
		// A device location (resolution 12) always has a resolution-8 parent.
		let hex = depin_primitives::occupancy_hex(location).unwrap_or(0);
		units::density_scale(
			T::DensityTarget::get(),
			T::Registry::occupancy(DeviceKind::Hotspot, hex),
		)
	}

	/// Judges the witnesses of the checked `beacon` of `beaconer` against `payload`, notes the
	/// points, records the reciprocity times and removes the beacon. Returns how many
	/// witnesses were stored (the weight's parameter).
	pub(crate) fn do_reveal(beaconer: T::AccountId, beacon: BeaconOf<T>, payload: &Payload) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let stored = beacon.witnesses.len() as u32;

		// 1. Judge each witness on what it proved, before this reveal changes any time: a
		//    witness that heard the payload and is still an active hotspot is valid; it earns
		//    if it has a revealed beacon of its own in the reciprocity window.
		let mut judged: Vec<Judged<T>> = Vec::with_capacity(beacon.witnesses.len());
		let mut counted: u32 = 0;
		for Witness { witness, heard } in beacon.witnesses.into_iter() {
			let expected =
				H256(sp_io::hashing::blake2_256(&witness_heard_preimage(payload, &witness)));
			let verdict = if heard != expected {
				(None, Verdict::HeardMismatch)
			} else if !T::Registry::is_active(&witness, DeviceKind::Hotspot) {
				(None, Verdict::Inactive)
			} else {
				let record = Hotspots::<T>::get(&witness).unwrap_or_default();
				let verdict = if Self::recent(record.last_beacon_at, now) {
					counted = counted.saturating_add(1);
					// Points are set below, once the count is known.
					Verdict::Rewarded { points: 0 }
				} else {
					Verdict::NoReciprocity
				};
				(Some(record), verdict)
			};
			judged.push((witness, verdict.0, verdict.1));
		}

		// 2. Units for `counted`, scaled by the beaconer's hex density.
		let density = Self::density_at(beacon.location);
		let witness_points = density.mul_floor(units::witness_units(counted));
		let mut beaconer_record = Hotspots::<T>::get(&beaconer).unwrap_or_default();
		let reciprocity = Self::recent(beaconer_record.last_witness_at, now);
		let beaconer_points =
			if reciprocity { density.mul_floor(units::beaconer_units(counted)) } else { 0 };

		// 3. Points, times and verdicts. A valid witness's time is recorded even when
		//    reciprocity denied it points, so that a new network earns from its second round.
		for (witness, record, mut verdict) in judged {
			if let Some(mut record) = record {
				record.last_witness_at = Some(now);
				Hotspots::<T>::insert(&witness, record);
			}
			if let Verdict::Rewarded { points } = &mut verdict {
				*points = witness_points;
				if witness_points > 0 {
					T::Rewards::note_points(Service::Coverage, &witness, witness_points);
				}
			}
			Self::deposit_event(Event::WitnessJudged {
				beaconer: beaconer.clone(),
				witness,
				verdict,
			});
		}
		if beaconer_points > 0 {
			T::Rewards::note_points(Service::Coverage, &beaconer, beaconer_points);
		}
		beaconer_record.last_beacon_at = Some(now);
		Hotspots::<T>::insert(&beaconer, beaconer_record);
		Beacons::<T>::remove(&beaconer);
		Expiries::<T>::remove(Self::expiry(beacon.submitted_at), &beaconer);
		Self::deposit_event(Event::BeaconRevealed {
			beaconer,
			counted,
			points: beaconer_points,
			reciprocity,
			density,
		});
		stored
	}
}
