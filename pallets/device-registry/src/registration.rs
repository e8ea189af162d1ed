//! Registration: proof of possession, maker attestation, location check, deposit and fee.

use crate::{pallet::*, Device, MakerAttestation, MakerStatus};
use depin_primitives::{
	keys::is_weak_key,
	proofs::{maker_payload, possession_payload},
	Cell, DeviceKind, EpochClock,
};
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Verify, Zero},
	AccountId32, MultiSignature,
};

/// Resolution of device locations: cells of about 300 m² (Helium's asserted-location resolution).
pub const LOCATION_RESOLUTION: u8 = 12;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register(
		owner: T::AccountId,
		device: T::AccountId,
		kind: DeviceKind,
		location: u64,
		possession_proof: MultiSignature,
		maker_attestation: Option<MakerAttestation<T::AccountId, MultiSignature>>,
	) -> DispatchResult {
		ensure!(!Devices::<T>::contains_key(&device), Error::<T>::AlreadyRegistered);
		Self::ensure_strong_key(&device)?;
		let location = Self::checked_location(location)?;
		let genesis = Self::genesis_hash();
		let registration = Registrations::<T>::get(&device);
		Self::verify_signature(
			&possession_proof,
			&possession_payload(&genesis, &owner, &device, registration),
			&device,
			Error::<T>::InvalidPossessionProof,
		)?;
		let maker = match maker_attestation {
			Some(MakerAttestation { maker, signature }) => {
				let record = Makers::<T>::get(&maker).ok_or(Error::<T>::UnknownMaker)?;
				ensure!(record.status == MakerStatus::Active, Error::<T>::MakerNotActive);
				// A slashed maker attests nothing until its bond is whole again.
				ensure!(record.bond >= T::MakerBond::get(), Error::<T>::MakerBondTooLow);
				Self::verify_signature(
					&signature,
					&maker_payload(&genesis, &device, kind),
					&maker,
					Error::<T>::InvalidMakerAttestation,
				)?;
				Some(maker)
			}
			None => {
				ensure!(!RequiresMaker::<T>::get(kind), Error::<T>::MakerAttestationRequired);
				None
			}
		};
		Self::ensure_room_for_device(&owner)?;

		let (deposit, fee) = (T::DeviceDeposit::get(), T::OnboardingFee::get());
		Self::ensure_can_pay(&owner, deposit.saturating_add(fee))?;
		T::Currency::hold(&HoldReason::DeviceDeposit.into(), &owner, deposit)?;
		Self::pay_treasury(&owner, fee)?;

		let now = frame_system::Pallet::<T>::block_number();
		Devices::<T>::insert(
			&device,
			Device {
				owner: owner.clone(),
				kind,
				location,
				deposit,
				maker: maker.clone(),
				registered_at: now,
				registered_epoch: T::EpochClock::current_epoch(),
				location_changed_at: now,
				suspension: None,
				withdrawable_at: None,
				transfer_offer: None,
			},
		);
		Registrations::<T>::insert(&device, registration.saturating_add(1));
		Self::index_insert(&owner, &device);
		Self::occupancy_add(kind, location);
		// The device signs its own reports without holding funds: the sufficient reference
		// keeps its account (and nonce) alive while it is registered.
		frame_system::Pallet::<T>::inc_sufficients(&device);
		Self::deposit_event(Event::DeviceRegistered {
			device,
			owner,
			kind,
			location: location.index(),
			maker,
			deposit,
			fee,
		});
		Ok(())
	}

	/// `index` as a device location: a valid H3 cell at resolution 12.
	pub(crate) fn checked_location(index: u64) -> Result<Cell, Error<T>> {
		let cell = Cell::new(index).map_err(|_| Error::<T>::InvalidLocation)?;
		ensure!(cell.resolution() == LOCATION_RESOLUTION, Error::<T>::WrongResolution);
		Ok(cell)
	}

	/// The genesis hash that proofs are bound to.
	pub(crate) fn genesis_hash() -> T::Hash {
		frame_system::BlockHash::<T>::get(BlockNumberFor::<T>::zero())
	}

	/// Fails with `WeakKey` for a key any signature check would pass (see
	/// [`depin_primitives::keys`]).
	pub(crate) fn ensure_strong_key(key: &AccountId32) -> DispatchResult {
		ensure!(!is_weak_key(key.as_ref()), Error::<T>::WeakKey);
		Ok(())
	}

	/// Checks that `signer` (an sr25519 or ed25519 key) signed `payload`.
	pub(crate) fn verify_signature(
		signature: &MultiSignature,
		payload: &[u8],
		signer: &AccountId32,
		invalid: Error<T>,
	) -> DispatchResult {
		// ECDSA keys are not device keys here; refusing them also keeps the benchmarked
		// worst case (sr25519) the real worst case.
		ensure!(!matches!(signature, MultiSignature::Ecdsa(_)), Error::<T>::UnsupportedSignature);
		ensure!(signature.verify(payload, signer), invalid);
		Ok(())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Puts an active hotspot `device` of `owner` (registered in epoch 0, no deposit held) in
	/// place without proofs: for other pallets' benchmarks, which need a device to exist.
	pub fn insert_device_for_benchmarks(owner: &T::AccountId, device: &T::AccountId) {
		Self::insert_device_at_for_benchmarks(
			owner,
			device,
			depin_primitives::DeviceKind::Hotspot,
			0x08c1f1d48945d9ff,
		)
	}

	/// Like [`Self::insert_device_for_benchmarks`], of `kind` at `location` (a resolution-12
	/// cell; nothing is inserted for an invalid one).
	pub fn insert_device_at_for_benchmarks(
		owner: &T::AccountId,
		device: &T::AccountId,
		kind: DeviceKind,
		location: u64,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let Ok(location) = Self::checked_location(location) else { return };
		Devices::<T>::insert(
			device,
			Device {
				owner: owner.clone(),
				kind,
				location,
				deposit: Zero::zero(),
				maker: None,
				registered_at: now,
				registered_epoch: 0,
				location_changed_at: now,
				suspension: None,
				withdrawable_at: None,
				transfer_offer: None,
			},
		);
		Registrations::<T>::mutate(device, |count| *count = count.saturating_add(1));
		Self::index_insert(owner, device);
		Self::occupancy_add(kind, location);
		frame_system::Pallet::<T>::inc_sufficients(device);
	}
}
