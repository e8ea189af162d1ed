//! # Proof of coverage
//!
//! Wireless hotspots prove on chain that they provide radio coverage where they claim to be:
//! Helium's beacon and witness model, with every report verified by the runtime instead of a
//! trusted oracle.
//!
//! A round, for a beacon of hotspot B heard by hotspots W1..Wn:
//! 1. B's owner declares its antenna once: `set_radio(device, gain_ddbi)` (void after a move).
//! 2. B commits: `submit_beacon(commitment, frequency_hz, tx_power_dbm)` with
//!    `commitment = blake2_256("depin/beacon/v1" ‖ payload)`, and transmits the 32-byte payload.
//! 3. Within `WitnessWindow` blocks, each Wi that received it reports
//!    `submit_witness(B, heard, signal_ddbm, snr_ddb, frequency_hz)` with
//!    `heard = blake2_256("depin/witness/v1" ‖ payload ‖ Wi)`. Helium's physics rules are checked
//!    at once (frequency, minimum and maximum distance, free-space signal bound with the
//!    beaconer's radiated power capped at `MaxEirpDbm`); the first `MaxWitnessesPerBeacon`
//!    valid witnesses are kept.
//! 4. In the `RevealWindow` blocks after that, B reveals: `reveal_beacon(B, payload)`. The
//!    commitment and every `heard` are checked, reciprocity is judged (HIP-106) and HIP-15
//!    reward units, scaled by the density of B's resolution-8 hex, go to the rewards pallet as
//!    points. The beacon and its witnesses are removed; an unrevealed beacon is removed at the
//!    end of its reveal window and pays nobody.
//!
//! Beacons, witnesses and reveals are *device transactions*: signed by the hotspot's own key,
//! which holds no funds (the registry gives it a sufficient reference). A report that passes its
//! checks is free (`#[pallet::feeless_if]`, running the same check function as the call); one
//! that does not would have to pay, cannot, and is refused by the transaction pool.
//!
//! This file is the table of contents; the checks are in `checks`, the reveal in `reveal`, the
//! cleanup in `cleanup`, the reward units in [`units`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod checks;
mod cleanup;
mod invariants;
mod reveal;
pub mod types;
pub mod units;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: hotspots in the registry.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers `device` of `owner` as an active hotspot at `location` (a resolution-12 cell).
	fn register_hotspot(owner: &AccountId, device: &AccountId, location: u64);
	/// Puts the reward sink's `note_points` for each of `devices` in its worst case (a runtime
	/// without rewards needs nothing).
	fn worst_case_notes(_devices: &[AccountId]) {}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::{DeviceRegistry, EpochClock, OnDeviceChange, RewardSink};
	use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration. Constants follow Helium's IoT verifier unless their doc says otherwise.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The device registry: who is an active hotspot, where, whose, and hex occupancy.
		type Registry: DeviceRegistry<Self::AccountId>;

		/// Where points go (the rewards pallet).
		type Rewards: RewardSink<Self::AccountId>;

		/// The chain's epoch clock: one beacon per hotspot per epoch.
		type EpochClock: EpochClock;

		/// Blocks a reciprocity time counts for (HIP-106: 48 hours).
		#[pallet::constant]
		type ReciprocityWindow: Get<BlockNumberFor<Self>>;

		/// Most witnesses counted per beacon (Helium: 14); later valid ones are refused.
		#[pallet::constant]
		type MaxWitnessesPerBeacon: Get<u32>;

		/// Radiated power cap in dBm until governance sets [`MaxEirpDbm`] (EU868: 16 dBm).
		#[pallet::constant]
		type DefaultMaxEirpDbm: Get<i32>;

		/// Highest antenna gain `set_radio` accepts, in deci-dBi.
		#[pallet::constant]
		type MaxGainDdbi: Get<u16>;

		/// Tolerance of the free-space signal bound, in deci-dB (Helium: 0).
		#[pallet::constant]
		type RssiMarginDdb: Get<i32>;

		/// Largest difference between a witness's and the beacon's frequency, in Hz (100 kHz).
		#[pallet::constant]
		type MaxFrequencyDiffHz: Get<u64>;

		/// Fewest grid steps between the resolution-11 parents of beaconer and witness (8).
		#[pallet::constant]
		type MinGridDistance: Get<u32>;

		/// Longest distance between beaconer and witness cell centres, in metres (100 km).
		#[pallet::constant]
		type MaxDistanceM: Get<u32>;

		/// Hotspots per resolution-8 hex above which rewards are scaled down (`min(1, target /
		/// hotspots in the hex)`).
		#[pallet::constant]
		type DensityTarget: Get<u32>;

		/// Most expired beacons removed in one block's `on_initialize`; any more wait for the
		/// next blocks (and `on_idle`).
		#[pallet::constant]
		type MaxCleanupPerBlock: Get<u32>;

		/// Sets the radiated power cap.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Hotspots for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// An open beacon with its witnesses.
	pub type BeaconOf<T> = Beacon<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxWitnessesPerBeacon,
	>;

	/// What proof of coverage keeps per hotspot: radio, last beacon epoch, reciprocity times.
	/// Covered by the device's registry deposit; removed with the device's record.
	#[pallet::storage]
	pub type Hotspots<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Hotspot<BlockNumberFor<T>>, OptionQuery>;

	/// Open beacons by beaconer (a hotspot has at most one): from `submit_beacon` to the reveal
	/// or the end of the reveal window.
	#[pallet::storage]
	pub type Beacons<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BeaconOf<T>>;

	/// The open beacons by the block at which they expire (`submitted_at + WitnessWindow +
	/// RevealWindow + 1`): `(block, beaconer) -> ()`. Removed with the beacon.
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// The first block whose expiries are not all removed yet; `on_initialize` works from here.
	#[pallet::storage]
	pub type CleanupCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The witness window (blocks after a beacon during which witnesses are accepted, the
	/// beacon's own block included) and the reveal window (blocks after the witness window during
	/// which the beaconer may reveal). Set at genesis (short on the dev chain); fixed afterwards,
	/// so that every open beacon keeps its windows. One value: both are read together.
	#[pallet::storage]
	pub type Windows<T: Config> = StorageValue<_, CoverageWindows<BlockNumberFor<T>>, ValueQuery>;

	/// Genesis: the witness and reveal windows.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks of the witness window (0: the default, 10 blocks = 1 minute).
		pub witness_window: BlockNumberFor<T>,
		/// Blocks of the reveal window (0: the default, 20 blocks = 2 minutes).
		pub reveal_window: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::traits::Zero;
			let or = |v: BlockNumberFor<T>, d: u32| if v.is_zero() { d.into() } else { v };
			Windows::<T>::put(CoverageWindows {
				witness: or(self.witness_window, 10),
				reveal: or(self.reveal_window, 20),
			});
		}
	}

	/// The radiated power cap in dBm, set by governance; `DefaultMaxEirpDbm` until then.
	#[pallet::storage]
	pub type MaxEirpDbm<T: Config> = StorageValue<_, i32, ValueQuery, T::DefaultMaxEirpDbm>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The owner of `device` declared its antenna gain (in deci-dBi) at `location`.
		RadioSet { device: T::AccountId, gain_ddbi: u16, location: u64 },
		/// `beaconer` committed to a beacon in `epoch`; witnesses are accepted until
		/// `witness_until`, the reveal until `reveal_until`.
		BeaconSubmitted {
			beaconer: T::AccountId,
			epoch: u32,
			commitment: H256,
			frequency_hz: u64,
			eirp_ddbm: i32,
			witness_until: BlockNumberFor<T>,
			reveal_until: BlockNumberFor<T>,
		},
		/// `witness` reported hearing the beacon of `beaconer`; it passed every check of
		/// submission and is the `count`-th witness kept.
		WitnessSubmitted {
			beaconer: T::AccountId,
			witness: T::AccountId,
			signal_ddbm: i32,
			snr_ddb: i32,
			count: u32,
		},
		/// `beaconer` revealed its beacon: `counted` witnesses earned, the beaconer earned
		/// `points` (0 without a valid witness of its own in the reciprocity window:
		/// `reciprocity` false), at hex density scale `density`.
		BeaconRevealed {
			beaconer: T::AccountId,
			counted: u32,
			points: u64,
			reciprocity: bool,
			density: sp_runtime::Perbill,
		},
		/// What became of `witness` of the beacon of `beaconer` at its reveal.
		WitnessJudged { beaconer: T::AccountId, witness: T::AccountId, verdict: Verdict },
		/// The beacon of `beaconer` was not revealed in time and was removed; it paid nobody.
		BeaconExpired { beaconer: T::AccountId, witnesses: u32 },
		/// Governance set the radiated power cap.
		MaxEirpSet { dbm: i32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer (or the device named) is not a registered device.
		NotRegistered,
		/// The device is registered, but not as a hotspot.
		NotAHotspot,
		/// The device is suspended by governance.
		Suspended,
		/// The device is deregistered.
		Deregistered,
		/// Only the device's owner may set its radio.
		NotOwner,
		/// The antenna gain is above `MaxGainDdbi`.
		GainTooHigh,
		/// The radiated power cap must be between -30 and 60 dBm.
		EirpOutOfRange,
		/// The hotspot has no radio profile at its present location: its owner must call
		/// `set_radio` (again, after a move).
		NoRadio,
		/// The hotspot already beaconed in this epoch.
		AlreadyBeaconed,
		/// The hotspot's previous beacon is still open (witness or reveal window).
		BeaconOpen,
		/// The frequency must be above zero.
		InvalidFrequency,
		/// No open beacon of that hotspot.
		UnknownBeacon,
		/// The beacon's witness window is over.
		WitnessWindowOver,
		/// A hotspot cannot witness its own beacon.
		SelfWitness,
		/// The witness has the same owner as the beaconer.
		SameOwner,
		/// The witness already witnessed this beacon.
		AlreadyWitnessed,
		/// The witness's frequency differs from the beacon's by more than `MaxFrequencyDiffHz`.
		FrequencyMismatch,
		/// The witness is closer to the beaconer than `MinGridDistance` resolution-11 cells (or
		/// their grid distance is undefined).
		TooClose,
		/// The witness is farther from the beaconer than `MaxDistanceM`.
		TooFar,
		/// The signal is stronger than free space allows from the beaconer's capped power.
		SignalTooStrong,
		/// The beacon already has `MaxWitnessesPerBeacon` witnesses.
		TooManyWitnesses,
		/// Only the beaconer may reveal its beacon.
		NotBeaconer,
		/// The witness window is not over yet.
		RevealTooEarly,
		/// The reveal window is over.
		RevealWindowOver,
		/// The payload does not match the beacon's commitment.
		CommitmentMismatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Removes the beacons whose reveal window ended (at most `MaxCleanupPerBlock`).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::cleanup(now, T::MaxCleanupPerBlock::get())
		}

		/// Works off a backlog of expired beacons with the block's spare weight.
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::cleanup_idle(now, remaining)
		}

		fn integrity_test() {
			assert!(
				T::MaxWitnessesPerBeacon::get() <= units::MAX_N,
				"MaxWitnessesPerBeacon above the exact range of the reward units"
			);
			assert!(T::MaxCleanupPerBlock::get() > 0, "MaxCleanupPerBlock must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Declares the antenna gain of hotspot `device`, in deci-dBi (0..=`MaxGainDdbi`), at
		/// its present location. By the device's owner; needed before the device beacons or
		/// witnesses, and again after each `assert_location`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_radio())]
		pub fn set_radio(
			origin: OriginFor<T>,
			device: T::AccountId,
			gain_ddbi: u16,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_set_radio(owner, device, gain_ddbi)
		}

		/// Commits to a beacon: `commitment = blake2_256("depin/beacon/v1" ‖ payload)`, the
		/// payload being the 32 random bytes the hotspot transmits at `frequency_hz` with
		/// `tx_power_dbm`. Signed by the hotspot; free when valid. At most one per epoch.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::submit_beacon())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _commitment: &H256, frequency_hz: &u64,
			_tx_power_dbm: &i32| -> bool {
			Pallet::<T>::check_beacon(origin, *frequency_hz).is_ok()
		})]
		pub fn submit_beacon(
			origin: OriginFor<T>,
			commitment: H256,
			frequency_hz: u64,
			tx_power_dbm: i32,
		) -> DispatchResult {
			let checked = Self::check_beacon(&origin, frequency_hz)?;
			Self::do_submit_beacon(checked, commitment, frequency_hz, tx_power_dbm);
			Ok(())
		}

		/// Reports hearing the open beacon of `beacon` (its beaconer): `heard =
		/// blake2_256("depin/witness/v1" ‖ payload ‖ witness)`, the received signal in deci-dBm,
		/// its SNR in deci-dB and the frequency heard. Signed by the witnessing hotspot within
		/// the witness window; free when valid. Each refusal has its own error.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit_witness())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, beacon: &T::AccountId, _heard: &H256,
			signal_ddbm: &i32, _snr_ddb: &i32, frequency_hz: &u64| -> bool {
			Pallet::<T>::check_witness(origin, beacon, *signal_ddbm, *frequency_hz).is_ok()
		})]
		pub fn submit_witness(
			origin: OriginFor<T>,
			beacon: T::AccountId,
			heard: H256,
			signal_ddbm: i32,
			snr_ddb: i32,
			frequency_hz: u64,
		) -> DispatchResult {
			let checked = Self::check_witness(&origin, &beacon, signal_ddbm, frequency_hz)?;
			Self::do_submit_witness(checked, beacon, heard, signal_ddbm, snr_ddb);
			Ok(())
		}

		/// Reveals the payload of the open beacon of `beacon` (the signer, its beaconer), after
		/// the witness window and within the reveal window: checks the commitment and every
		/// witness's `heard`, pays points and removes the beacon. Free when valid.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal_beacon(T::MaxWitnessesPerBeacon::get()))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, beacon: &T::AccountId, payload: &Payload|
			-> bool {
			Pallet::<T>::check_reveal(origin, beacon, payload).is_ok()
		})]
		pub fn reveal_beacon(
			origin: OriginFor<T>,
			beacon: T::AccountId,
			payload: Payload,
		) -> DispatchResultWithPostInfo {
			let checked = Self::check_reveal(&origin, &beacon, &payload)?;
			let witnesses = Self::do_reveal(beacon, checked, &payload);
			Ok(Some(T::WeightInfo::reveal_beacon(witnesses)).into())
		}

		/// Sets the radiated power cap in dBm (-30..=60). By `AdminOrigin`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_max_eirp())]
		pub fn set_max_eirp(origin: OriginFor<T>, dbm: i32) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!((-30..=60).contains(&dbm), Error::<T>::EirpOutOfRange);
			MaxEirpDbm::<T>::put(dbm);
			Self::deposit_event(Event::MaxEirpSet { dbm });
			Ok(())
		}
	}

	/// A device's record goes: so does what proof of coverage keeps about it.
	impl<T: Config> OnDeviceChange<T::AccountId> for Pallet<T> {
		fn on_device_removed(device: &T::AccountId, _owner: &T::AccountId) {
			Hotspots::<T>::remove(device);
		}
	}
}

/// What the runtime API reports about a hotspot.
#[derive(
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
)]
pub struct CoverageInfo<BlockNumber> {
	/// Its proof-of-coverage record (radio, last beacon epoch, reciprocity times).
	pub hotspot: Hotspot<BlockNumber>,
	/// Whether its radio profile is valid at its present location.
	pub radio_valid: bool,
	/// Its open beacon, if any: `(epoch, submitted_at, witnesses so far)`.
	pub open_beacon: Option<(depin_primitives::EpochIndex, BlockNumber, u32)>,
}

impl<T: Config> Pallet<T> {
	/// A hotspot's radio profile, last beacon and witness times and open beacon, for the
	/// runtime API. `None` for a device proof of coverage knows nothing of.
	pub fn coverage_info(
		device: &T::AccountId,
	) -> Option<CoverageInfo<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		use depin_primitives::DeviceRegistry;
		let hotspot = Hotspots::<T>::get(device);
		let open = Beacons::<T>::get(device);
		if hotspot.is_none() && open.is_none() {
			return None;
		}
		let hotspot = hotspot.unwrap_or_default();
		let radio_valid = T::Registry::location(device)
			.is_some_and(|location| hotspot.radio_at(location).is_some());
		Some(CoverageInfo {
			hotspot,
			radio_valid,
			open_beacon: open.map(|b| (b.epoch, b.submitted_at, b.witnesses.len() as u32)),
		})
	}
}

/// Where an open beacon stands.
#[derive(
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum BeaconPhase {
	/// Witnesses are accepted.
	Witnessing,
	/// The beaconer may reveal.
	Revealing,
	/// Unrevealed past its reveal window; removed by the cleanup.
	Expired,
}

/// An open beacon as the runtime API reports it.
#[derive(codec::Encode, codec::Decode, scale_info::TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct BeaconStatus<AccountId, BlockNumber> {
	/// Its epoch.
	pub epoch: depin_primitives::EpochIndex,
	/// The commitment to its payload.
	pub commitment: sp_core::H256,
	/// Its frequency in Hz.
	pub frequency_hz: u64,
	/// Its radiated power (capped) in deci-dBm.
	pub eirp_ddbm: i32,
	/// The beaconer's location (H3 cell index).
	pub location: u64,
	/// Block of the beacon.
	pub submitted_at: BlockNumber,
	/// Last block of the witness window.
	pub witness_until: BlockNumber,
	/// Last block of the reveal window.
	pub reveal_until: BlockNumber,
	/// The witnesses kept so far, in inclusion order.
	pub witnesses: alloc::vec::Vec<AccountId>,
	/// Where it stands now.
	pub phase: BeaconPhase,
}

impl<T: Config> Pallet<T> {
	/// The open beacon of `beaconer`, for the runtime API.
	pub fn beacon_status(
		beaconer: &T::AccountId,
	) -> Option<BeaconStatus<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let b = Beacons::<T>::get(beaconer)?;
		let now = frame_system::Pallet::<T>::block_number();
		let (witness_until, reveal_until) = Self::windows_of(b.submitted_at);
		let phase = if now <= witness_until {
			BeaconPhase::Witnessing
		} else if now <= reveal_until {
			BeaconPhase::Revealing
		} else {
			BeaconPhase::Expired
		};
		Some(BeaconStatus {
			epoch: b.epoch,
			commitment: b.commitment,
			frequency_hz: b.frequency_hz,
			eirp_ddbm: b.eirp_ddbm,
			location: b.location.index(),
			submitted_at: b.submitted_at,
			witness_until,
			reveal_until,
			witnesses: b.witnesses.into_iter().map(|w| w.witness).collect(),
			phase,
		})
	}
}
