//! The checks of the three device reports, one function each: the call runs it, and so does its
//! `feeless_if`, so that the transaction pool refuses (as unable to pay) exactly the reports the
//! call would refuse. Then the writes of `set_radio`, `submit_beacon` and `submit_witness`.

use crate::{pallet::*, types::*};
use depin_primitives::{
	geo, proofs::beacon_commitment_preimage, Cell, DeviceInfo, DeviceKind, DeviceRefusal,
	DeviceRegistry, EpochClock, EpochIndex,
};
use frame_support::{pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::traits::Saturating;

/// Resolution of the cells whose grid distance is the minimum-distance rule (Helium: 11).
pub const GRID_RESOLUTION: u8 = 11;

/// A beacon that passed its checks.
pub struct CheckedBeacon<T: Config> {
	pub(crate) beaconer: T::AccountId,
	pub(crate) device: DeviceInfo<T::AccountId>,
	pub(crate) hotspot: Hotspot<BlockNumberFor<T>>,
	pub(crate) radio: Radio,
	pub(crate) epoch: EpochIndex,
}

/// A witness that passed its checks, with the beacon it witnesses.
pub struct CheckedWitness<T: Config> {
	pub(crate) witness: T::AccountId,
	pub(crate) beacon: BeaconOf<T>,
}

impl<T: Config> Pallet<T> {
	/// The signer of `origin` as an active hotspot, or the reason it is not one.
	pub(crate) fn signing_hotspot(
		origin: &OriginFor<T>,
	) -> Result<(T::AccountId, DeviceInfo<T::AccountId>), DispatchError> {
		let who = ensure_signed(origin.clone())?;
		let device = Self::active_hotspot(&who)?;
		Ok((who, device))
	}

	/// `device` as an active hotspot, or the reason it is not one.
	pub(crate) fn active_hotspot(
		device: &T::AccountId,
	) -> Result<DeviceInfo<T::AccountId>, Error<T>> {
		T::Registry::active_device(device, DeviceKind::Hotspot).map_err(|refusal| match refusal {
			DeviceRefusal::NotRegistered => Error::<T>::NotRegistered,
			DeviceRefusal::WrongKind => Error::<T>::NotAHotspot,
			DeviceRefusal::Suspended => Error::<T>::Suspended,
			DeviceRefusal::Deregistered => Error::<T>::Deregistered,
		})
	}

	/// The last block of the witness window of a beacon of block `at`.
	pub(crate) fn witness_until(at: BlockNumberFor<T>) -> BlockNumberFor<T> {
		at.saturating_add(Windows::<T>::get().witness)
	}

	/// The last blocks of the witness and reveal windows of a beacon of block `at` (one read).
	pub(crate) fn windows_of(at: BlockNumberFor<T>) -> (BlockNumberFor<T>, BlockNumberFor<T>) {
		let w = Windows::<T>::get();
		let witness_until = at.saturating_add(w.witness);
		(witness_until, witness_until.saturating_add(w.reveal))
	}

	/// The block at which a beacon of block `at` is removed if unrevealed: the one after its
	/// reveal window.
	pub(crate) fn expiry(at: BlockNumberFor<T>) -> BlockNumberFor<T> {
		Self::windows_of(at).1.saturating_add(1u32.into())
	}

	/// The check of `submit_beacon`.
	pub(crate) fn check_beacon(
		origin: &OriginFor<T>,
		frequency_hz: u64,
	) -> Result<CheckedBeacon<T>, DispatchError> {
		let (beaconer, device) = Self::signing_hotspot(origin)?;
		ensure!(frequency_hz > 0, Error::<T>::InvalidFrequency);
		let hotspot = Hotspots::<T>::get(&beaconer).unwrap_or_default();
		let radio = hotspot.radio_at(device.location).ok_or(Error::<T>::NoRadio)?;
		let epoch = T::EpochClock::current_epoch();
		ensure!(hotspot.last_beacon_epoch != Some(epoch), Error::<T>::AlreadyBeaconed);
		ensure!(!Beacons::<T>::contains_key(&beaconer), Error::<T>::BeaconOpen);
		Ok(CheckedBeacon { beaconer, device, hotspot, radio, epoch })
	}

	/// The check of `submit_witness`: each refusal its own error, in this order.
	pub(crate) fn check_witness(
		origin: &OriginFor<T>,
		beaconer: &T::AccountId,
		signal_ddbm: i32,
		frequency_hz: u64,
	) -> Result<CheckedWitness<T>, DispatchError> {
		let witness = ensure_signed(origin.clone())?;
		ensure!(&witness != beaconer, Error::<T>::SelfWitness);
		let device = Self::active_hotspot(&witness)?;
		let beacon = Beacons::<T>::get(beaconer).ok_or(Error::<T>::UnknownBeacon)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= Self::witness_until(beacon.submitted_at), Error::<T>::WitnessWindowOver);
		ensure!(device.owner != beacon.owner, Error::<T>::SameOwner);
		ensure!(
			!beacon.witnesses.iter().any(|w| w.witness == witness),
			Error::<T>::AlreadyWitnessed
		);
		let radio = Hotspots::<T>::get(&witness)
			.and_then(|h| h.radio_at(device.location))
			.ok_or(Error::<T>::NoRadio)?;
		ensure!(
			frequency_hz.abs_diff(beacon.frequency_hz) <= T::MaxFrequencyDiffHz::get(),
			Error::<T>::FrequencyMismatch
		);
		let distance_m =
			geo::distance_m(beacon.location.index(), device.location.index()).unwrap_or(u32::MAX);
		ensure!(distance_m <= T::MaxDistanceM::get(), Error::<T>::TooFar);
		ensure!(
			Self::grid_steps(beacon.location, device.location)
				.is_some_and(|steps| steps >= T::MinGridDistance::get()),
			Error::<T>::TooClose
		);
		ensure!(
			i64::from(signal_ddbm) * 10
				<= Self::max_signal_cdb(
					beacon.eirp_ddbm,
					radio.gain_ddbi,
					distance_m,
					beacon.frequency_hz
				),
			Error::<T>::SignalTooStrong
		);
		ensure!(
			(beacon.witnesses.len() as u32) < T::MaxWitnessesPerBeacon::get(),
			Error::<T>::TooManyWitnesses
		);
		Ok(CheckedWitness { witness, beacon })
	}

	/// The check of `reveal_beacon`; returns the beacon.
	pub(crate) fn check_reveal(
		origin: &OriginFor<T>,
		beaconer: &T::AccountId,
		payload: &Payload,
	) -> Result<BeaconOf<T>, DispatchError> {
		let who = ensure_signed(origin.clone())?;
		let beacon = Beacons::<T>::get(beaconer).ok_or(Error::<T>::UnknownBeacon)?;
		ensure!(&who == beaconer, Error::<T>::NotBeaconer);
		Self::active_hotspot(&who)?;
		let now = frame_system::Pallet::<T>::block_number();
		let (witness_until, reveal_until) = Self::windows_of(beacon.submitted_at);
		ensure!(now > witness_until, Error::<T>::RevealTooEarly);
		ensure!(now <= reveal_until, Error::<T>::RevealWindowOver);
		let commitment = H256(sp_io::hashing::blake2_256(&beacon_commitment_preimage(payload)));
		ensure!(commitment == beacon.commitment, Error::<T>::CommitmentMismatch);
		Ok(beacon)
	}

	/// Grid steps between the resolution-11 parents of two device locations; `None` where H3
	/// has no grid distance (which counts as too close, as in Helium).
	pub fn grid_steps(a: Cell, b: Cell) -> Option<u32> {
		let pa = geo::parent(a.index(), GRID_RESOLUTION).ok()?;
		let pb = geo::parent(b.index(), GRID_RESOLUTION).ok()?;
		geo::grid_distance(pa, pb).ok()
	}

	/// The strongest signal free space allows, in centi-dBm: `10 x (eirp_ddbm + gain_ddbi) -
	/// FSPL_cdb + 10 x RssiMarginDdb`, where `eirp_ddbm` is already capped by `MaxEirpDbm`.
	pub fn max_signal_cdb(
		eirp_ddbm: i32,
		witness_gain_ddbi: u16,
		distance_m: u32,
		frequency_hz: u64,
	) -> i64 {
		let received_ddbm = i64::from(eirp_ddbm) + i64::from(witness_gain_ddbi);
		received_ddbm * 10 - i64::from(geo::fspl_cdb(distance_m, frequency_hz))
			+ i64::from(T::RssiMarginDdb::get()) * 10
	}

	/// Radiated power in deci-dBm: `min(10 x tx_power_dbm + gain_ddbi, 10 x MaxEirpDbm)`.
	pub fn capped_eirp_ddbm(tx_power_dbm: i32, gain_ddbi: u16) -> i32 {
		let eirp = tx_power_dbm.saturating_mul(10).saturating_add(i32::from(gain_ddbi));
		eirp.min(MaxEirpDbm::<T>::get().saturating_mul(10))
	}

	pub(crate) fn do_set_radio(
		owner: T::AccountId,
		device: T::AccountId,
		gain_ddbi: u16,
	) -> DispatchResult {
		let info = Self::active_hotspot(&device)?;
		ensure!(info.owner == owner, Error::<T>::NotOwner);
		ensure!(gain_ddbi <= T::MaxGainDdbi::get(), Error::<T>::GainTooHigh);
		Hotspots::<T>::mutate(&device, |h| {
			h.get_or_insert_with(Default::default).radio =
				Some(Radio { gain_ddbi, location: info.location })
		});
		Self::deposit_event(Event::RadioSet { device, gain_ddbi, location: info.location.index() });
		Ok(())
	}

	pub(crate) fn do_submit_beacon(
		checked: CheckedBeacon<T>,
		commitment: H256,
		frequency_hz: u64,
		tx_power_dbm: i32,
	) {
		let CheckedBeacon { beaconer, device, mut hotspot, radio, epoch } = checked;
		let now = frame_system::Pallet::<T>::block_number();
		let eirp_ddbm = Self::capped_eirp_ddbm(tx_power_dbm, radio.gain_ddbi);
		Beacons::<T>::insert(
			&beaconer,
			Beacon {
				owner: device.owner,
				epoch,
				commitment,
				frequency_hz,
				eirp_ddbm,
				location: device.location,
				submitted_at: now,
				witnesses: Default::default(),
			},
		);
		let (witness_until, reveal_until) = Self::windows_of(now);
		Expiries::<T>::insert(Self::expiry(now), &beaconer, ());
		hotspot.last_beacon_epoch = Some(epoch);
		Hotspots::<T>::insert(&beaconer, hotspot);
		Self::deposit_event(Event::BeaconSubmitted {
			beaconer,
			epoch,
			commitment,
			frequency_hz,
			eirp_ddbm,
			witness_until,
			reveal_until,
		});
	}

	pub(crate) fn do_submit_witness(
		checked: CheckedWitness<T>,
		beaconer: T::AccountId,
		heard: H256,
		signal_ddbm: i32,
		snr_ddb: i32,
	) {
		let CheckedWitness { witness, mut beacon } = checked;
		// The check made room: fewer than `MaxWitnessesPerBeacon` witnesses.
		if beacon.witnesses.try_push(Witness { witness: witness.clone(), heard }).is_err() {
			frame_support::defensive!("witness list full after its check");
			return;
		}
		let count = beacon.witnesses.len() as u32;
		Beacons::<T>::insert(&beaconer, beacon);
		Self::deposit_event(Event::WitnessSubmitted {
			beaconer,
			witness,
			signal_ddbm,
			snr_ddb,
			count,
		});
	}
}
