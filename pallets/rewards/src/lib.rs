//! # Rewards
//!
//! The native token is minted per epoch and shared between the chain's services by the work
//! their devices did, between the block authors by blocks authored, and with the treasury.
//!
//! - **Epochs**: `EpochLength` blocks (set at genesis; a short one in the dev preset). The pallet
//!   is the chain's [`depin_primitives::EpochClock`].
//! - **Emission**: `InitialEmission` per epoch, halved every `HalvingPeriod` epochs. A
//!   governance [`Split`] (`AdminOrigin`) shares it between services, validators and treasury; it
//!   must sum to exactly 100%.
//! - **Points**: service pallets call [`depin_primitives::RewardSink::note_points`], which is
//!   O(1): it updates the device's ledger and the epoch's totals (u128 sums, which cannot
//!   saturate). Points for a device that is not active in the registry are refused.
//! - **Epoch boundary**: O(services) work only. For each service (and the validators) the pool of
//!   the closed epoch is fixed: its amount and the points it is shared among. A pot nobody earned
//!   goes to the treasury. No loop over devices, ever.
//! - **Lazy ledgers**: a device keeps one small ledger (per service, the points of the last epoch
//!   it earned in), valued when it earns again or is claimed for: `left * points / shares left`
//!   of its epoch's pool, rounded down, both counted down, so that a pool pays out exactly what
//!   it received (no dust) and is deleted when its last points are valued. `claim_rewards` (by
//!   the owner) mints what is owed. Rewards never expire: `TotalEmitted = TotalMinted + what
//!   pools still owe + what ledgers hold + forfeits awaiting the treasury`, exactly.
//! - **Owners**: what a device earned belongs to the owner who held it then. On a change of owner
//!   or the removal of the record (told by the registry through
//!   [`depin_primitives::OnDeviceChange`]) the device's ledger becomes a settled ledger of the
//!   previous owner, which that owner claims with the same `claim_rewards`; the new owner (or
//!   a re-registration of the key) starts clean, with the hold-back clock of its own
//!   registration.
//! - **Hold-back**: rewards earned while a device is younger than `HoldbackEpochs` are
//!   `HoldbackRatio` held back, and released once it comes of age. A device suspended before
//!   then forfeits them (and the hold-back share of the points it had earned until then, when
//!   they are valued) to the treasury; points earned after a reinstatement keep theirs.
//! - **Validators**: block authors (from pallet-authorship, wired in the runtime to
//!   [`Pallet::note_block_author`]) share the validator part by blocks authored, claimed with
//!   `claim_validator_rewards`.
//!
//! This file is the table of contents; the logic is in one module per feature.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod epochs;
mod invariants;
mod ledgers;
pub mod runtime_api;
pub mod types;
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

/// What the benchmarks need from the runtime: a device in the registry the pallet reads.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `device`, owned by `owner`, a registered device (registered in epoch 0).
	fn register_device(owner: &AccountId, device: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::{DeviceRegistry, EpochIndex};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, EnsureOrigin},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Zero, Perbill};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency: rewards are minted into it.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// The device registry: owners claim, and devices' ages decide the hold-back.
		type Registry: DeviceRegistry<Self::AccountId>;

		/// The account that receives the treasury share, unearned pots and forfeits.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// Emission of each epoch before the first halving.
		#[pallet::constant]
		type InitialEmission: Get<BalanceOf<Self>>;

		/// Epochs between two halvings of the emission (0: never halve).
		#[pallet::constant]
		type HalvingPeriod: Get<EpochIndex>;

		/// Epochs during which a new device's rewards are partly held back.
		#[pallet::constant]
		type HoldbackEpochs: Get<EpochIndex>;

		/// The part of a young device's rewards that is held back.
		#[pallet::constant]
		type HoldbackRatio: Get<Perbill>;

		/// Sets the split table.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of the calls and hooks, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Puts devices in place for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Blocks per epoch, set at genesis.
	#[pallet::storage]
	pub type EpochLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// How each epoch's emission is shared; sums to exactly 100%.
	#[pallet::storage]
	pub type CurrentSplit<T: Config> = StorageValue<_, Split, ValueQuery>;

	/// The epoch in progress: its index, start, points per service, blocks authored and
	/// forfeits to pass to the treasury. Read and written in every block (the hook and the author note pay for it once per block).
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Epoch<T: Config> = StorageValue<_, EpochStateOf<T>, ValueQuery>;

	/// What each closed epoch pays to each pot that earned something: `(epoch, pot) -> pool`.
	#[pallet::storage]
	pub type Pools<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EpochIndex, Twox64Concat, Pot, PoolOf<T>>;

	/// Each device's ledger: unvalued points per service, owed and held-back rewards.
	#[pallet::storage]
	pub type DeviceLedgers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, DeviceLedgerOf<T>>;

	/// What devices earned for owners who no longer hold them (after a transfer or the removal
	/// of the record): `(device, former owner) -> ledger`, claimed by that owner with
	/// `claim_rewards(device)` and removed once empty. At most one per device and owner.
	#[pallet::storage]
	pub type SettledLedgers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		DeviceLedgerOf<T>,
	>;

	/// Each block author's ledger: unvalued blocks and owed rewards.
	#[pallet::storage]
	pub type ValidatorLedgers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ValidatorLedgerOf<T>>;

	/// Emission of all closed epochs.
	#[pallet::storage]
	pub type TotalEmitted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Everything minted: claims, and the treasury's shares and forfeits. Never exceeds
	/// [`TotalEmitted`]; the difference is what is owed, held back, unvalued or rounding dust.
	#[pallet::storage]
	pub type TotalMinted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Genesis: the epoch length and the split table. Defaults: hourly epochs (600 blocks of
	/// 6 s) and [`Split::standard`].
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Blocks per epoch; must not be zero.
		pub epoch_length: BlockNumberFor<T>,
		/// The split table; must sum to exactly 100%.
		pub split: Split,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { epoch_length: 600u32.into(), split: Split::standard() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(!self.epoch_length.is_zero(), "rewards: epoch_length must not be zero");
			assert!(self.split.is_whole(), "rewards: the split must sum to exactly 100%");
			EpochLength::<T>::put(self.epoch_length);
			CurrentSplit::<T>::put(self.split);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An epoch closed: its emission was shared into the pools of the pots that earned.
		EpochClosed {
			/// The closed epoch.
			epoch: EpochIndex,
			/// What it emitted.
			emission: BalanceOf<T>,
			/// What the treasury received: its share, unearned pots and forfeits.
			to_treasury: BalanceOf<T>,
		},
		/// An owner claimed a device's rewards.
		RewardsClaimed {
			/// The device.
			device: T::AccountId,
			/// Its owner, who received them.
			owner: T::AccountId,
			/// What was minted.
			amount: BalanceOf<T>,
		},
		/// A block author claimed its rewards.
		ValidatorRewardsClaimed {
			/// The validator.
			validator: T::AccountId,
			/// What was minted.
			amount: BalanceOf<T>,
		},
		/// A suspended device forfeited held-back rewards to the treasury: at its suspension,
		/// and again when the points it had earned until then are valued.
		HoldbackForfeited {
			/// The device.
			device: T::AccountId,
			/// What it forfeited now.
			amount: BalanceOf<T>,
		},
		/// A device changed owner or its record was removed: what it had earned was set aside
		/// for the owner who held it then.
		DeviceRewardsSettled {
			/// The device.
			device: T::AccountId,
			/// The owner the rewards belong to (claims with `claim_rewards(device)`).
			owner: T::AccountId,
		},
		/// Governance set a new split table (from the next epoch close).
		SplitSet {
			/// The new table.
			split: Split,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The split's parts do not sum to exactly 100%.
		SplitNotWhole,
		/// The device is not in the registry, and the caller has no settled rewards of it.
		UnknownDevice,
		/// Only the device's owner (or a former owner, for what it earned then) may claim.
		NotOwner,
		/// Nothing is owed now (rewards of the epoch in progress are valued when it closes;
		/// held-back rewards when the device comes of age).
		NothingToClaim,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Closes the epoch when its last block has passed: O(services) work, whatever the
		/// number of devices. Also pays for this block's author note (pallet-authorship reports
		/// it without weight).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::advance_epoch(now)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Claims the rewards of `device` for the caller: as its owner, what the device earned
		/// under the caller; as a former owner, what it earned until it changed hands or was
		/// removed. Values the ledgers, releases what was held back if the device has come of
		/// age, and mints what is owed.
		///
		/// Errors: `UnknownDevice`, `NotOwner`, `NothingToClaim`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim_rewards())]
		pub fn claim_rewards(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_rewards(who, device)
		}

		/// Claims the caller's rewards as a block author.
		///
		/// Errors: `NothingToClaim`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::claim_validator_rewards())]
		pub fn claim_validator_rewards(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_validator_rewards(who)
		}

		/// Sets the split table used from the next epoch close (`AdminOrigin`).
		///
		/// Errors: `SplitNotWhole` unless the parts sum to exactly 100%.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_split())]
		pub fn set_split(origin: OriginFor<T>, split: Split) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(split.is_whole(), Error::<T>::SplitNotWhole);
			CurrentSplit::<T>::put(split);
			Self::deposit_event(Event::SplitSet { split });
			Ok(())
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// For service pallets' benchmarks: puts `note_points` for each of `devices` in its worst
	/// case (the one `note_points` is benchmarked in). Each device gets a ledger holding young
	/// points of the epoch in progress in every service, marked for forfeit, with a pool for
	/// them; then the clock moves one epoch on, so that the device's next note values a closed
	/// epoch first (a pool read and write, a forfeit).
	pub fn worst_case_notes_for_benchmarks(devices: &[T::AccountId]) {
		use depin_primitives::Service;
		use sp_runtime::SaturatedConversion;
		let epoch = Epoch::<T>::get().index;
		let young = Unvalued { epoch, points: 10, forfeit_points: 10 };
		for device in devices {
			DeviceLedgers::<T>::insert(
				device,
				DeviceLedgerOf::<T> {
					unvalued: [young; 3],
					owed: 0u32.into(),
					held: 1_000_000_000u128.saturated_into(),
					registered_epoch: epoch,
				},
			);
		}
		let shares = 10u128.saturating_mul(devices.len() as u128 + 1);
		for service in Service::ALL {
			let amount: BalanceOf<T> = 1_000_000_000_000u128.saturated_into();
			Pools::<T>::insert(epoch, Pot::Service(service), Pool { amount, shares });
		}
		Epoch::<T>::mutate(|e| {
			e.index = epoch.saturating_add(1);
			e.start = frame_system::Pallet::<T>::block_number();
		});
	}
}
