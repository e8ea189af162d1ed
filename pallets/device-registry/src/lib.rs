//! # Device registry
//!
//! One identity per physical device, for every service of the chain. A device is its own key
//! (an account): it signs its own reports. Its owner registers it with the device's proof of
//! possession and, for kinds that require one, an approved maker's attestation that the key lives
//! in genuine hardware (Helium's owner + device + maker onboarding).
//!
//! - Money: a `DeviceDeposit` is held from the owner per device and returned after deregistration
//!   and `DeregistrationDelay` (so that a device cannot escape a pending slash); the
//!   `OnboardingFee` and `LocationFee` are paid to the treasury; makers hold a `MakerBond`.
//! - Governance (`DenyOrigin`) suspends cheating devices (Helium's denylist, with economic
//!   teeth: the deposit of a suspended device can be slashed, the device purged, and services are
//!   told at once through [`depin_primitives::OnDeviceChange`], which also reports changes of
//!   owner and removals so that rewards are settled to the owner who earned them).
//! - Makers apply themselves (`apply_maker` holds their own bond); `MakerOrigin` approves,
//!   removes and slashes them. A slashed bond or deposit must be topped up before the maker
//!   attests again or the device is reinstated. `AdminOrigin` sets which kinds need a maker
//!   attestation.
//! - Keys: a possession proof is good for one registration of the device (it signs the
//!   device's registration counter); weak keys (the identity, small-order points) are refused.
//! - Other pallets read devices through [`depin_primitives::DeviceRegistry`].
//!
//! What device and maker keys sign is specified in [`depin_primitives::proofs`].
//!
//! This file is the table of contents; the logic is in one module per feature.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod governance;
mod invariants;
mod lifecycle;
mod money;
mod registration;
mod registry;
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

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::{DeviceKind, EpochClock, OnDeviceChange};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, EnsureOrigin},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{AccountId32, MultiSignature};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration. Devices are `AccountId32`s: the public keys behind `MultiSignature`.
	#[pallet::config]
	pub trait Config: frame_system::Config<AccountId = AccountId32> {
		/// The native currency: deposits and bonds are held, fees transferred.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// Deposit held from the owner for each device.
		#[pallet::constant]
		type DeviceDeposit: Get<BalanceOf<Self>>;

		/// Fee paid to the treasury for each registration.
		#[pallet::constant]
		type OnboardingFee: Get<BalanceOf<Self>>;

		/// Fee paid to the treasury for each location change.
		#[pallet::constant]
		type LocationFee: Get<BalanceOf<Self>>;

		/// Bond held from a maker while it is approved.
		#[pallet::constant]
		type MakerBond: Get<BalanceOf<Self>>;

		/// The account that receives fees and slashes.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// Most devices one owner may hold (registered, suspended or awaiting withdrawal).
		#[pallet::constant]
		type MaxDevicesPerOwner: Get<u32>;

		/// Blocks between two location changes of a device.
		#[pallet::constant]
		type LocationCooldown: Get<BlockNumberFor<Self>>;

		/// Blocks between deregistration and the deposit's withdrawal, so that governance can
		/// still suspend and slash a device whose owner tries to leave.
		#[pallet::constant]
		type DeregistrationDelay: Get<BlockNumberFor<Self>>;

		/// Longest maker name, in bytes.
		#[pallet::constant]
		type MaxMakerNameLen: Get<u32>;

		/// Blocks during which a transfer offer may be accepted.
		#[pallet::constant]
		type TransferOfferExpiry: Get<BlockNumberFor<Self>>;

		/// Suspends, reinstates and slashes devices (the denylist).
		type DenyOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Approves, removes and slashes makers.
		type MakerOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets which kinds need a maker attestation.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The chain's epoch clock (devices' ages count in epochs).
		type EpochClock: EpochClock;

		/// Told of suspensions, reinstatements, changes of owner and removals.
		type OnChange: OnDeviceChange<Self::AccountId>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A device's deposit, held from its owner.
		DeviceDeposit,
		/// A maker's bond, held while it is approved.
		MakerBond,
	}

	/// Devices by id (the device's own account).
	#[pallet::storage]
	pub type Devices<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, DeviceOf<T>>;

	/// Index of the devices of each owner, for UIs: `(owner, device) -> ()`.
	#[pallet::storage]
	pub type DevicesByOwner<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// Number of devices of each owner: the number of its entries in [`DevicesByOwner`].
	#[pallet::storage]
	pub type OwnerDeviceCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// How many times each device key was registered: the possession proof signs it, so that a
	/// proof serves one registration only. Kept after a record is removed (4 bytes a device).
	#[pallet::storage]
	pub type Registrations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Devices per kind and resolution-8 hex (`depin_primitives::OCCUPANCY_RESOLUTION`): those
	/// registered and not deregistered, suspended ones included. Kept in step on registration,
	/// location change, deregistration and purge (O(1) each); proof of coverage scales rewards
	/// by it (hex density). No zero count is stored.
	#[pallet::storage]
	pub type Occupancy<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DeviceKind, Twox64Concat, u64, u32, ValueQuery>;

	/// Makers (applied, approved and removed) by account.
	#[pallet::storage]
	pub type Makers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MakerOf<T>>;

	/// Whether registering a device of a kind requires a maker attestation.
	#[pallet::storage]
	pub type RequiresMaker<T: Config> = StorageMap<_, Twox64Concat, DeviceKind, bool, ValueQuery>;

	/// Genesis: approved makers (their bonds are held; listing them is their consent) and the
	/// kinds that require one.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(maker account, name)`; each must be able to pay the `MakerBond`.
		pub makers: alloc::vec::Vec<(T::AccountId, alloc::vec::Vec<u8>)>,
		/// Kinds that require a maker attestation.
		pub kinds_requiring_maker: alloc::vec::Vec<DeviceKind>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (maker, name) in &self.makers {
				let name = MakerNameOf::<T>::try_from(name.clone())
					.unwrap_or_else(|_| panic!("genesis maker name longer than MaxMakerNameLen"));
				Pallet::<T>::do_apply_maker(maker.clone(), name)
					.and_then(|()| Pallet::<T>::do_approve_maker(maker.clone()))
					.unwrap_or_else(|e| panic!("genesis maker cannot be added: {e:?}"));
			}
			for kind in &self.kinds_requiring_maker {
				RequiresMaker::<T>::insert(kind, true);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A device was registered.
		DeviceRegistered {
			/// The device.
			device: T::AccountId,
			/// Its owner.
			owner: T::AccountId,
			/// What it is.
			kind: DeviceKind,
			/// Its H3 cell.
			location: u64,
			/// The maker that attested it, if any.
			maker: Option<T::AccountId>,
			/// Deposit held from the owner.
			deposit: BalanceOf<T>,
			/// Fee paid to the treasury.
			fee: BalanceOf<T>,
		},
		/// A device moved.
		LocationAsserted {
			/// The device.
			device: T::AccountId,
			/// Its new H3 cell.
			location: u64,
			/// Fee paid to the treasury.
			fee: BalanceOf<T>,
		},
		/// The owner offered the device to another account.
		TransferProposed {
			/// The device.
			device: T::AccountId,
			/// Current owner.
			from: T::AccountId,
			/// The account that may accept it.
			to: T::AccountId,
			/// The last block at which it may accept.
			expires_at: BlockNumberFor<T>,
		},
		/// A transfer offer ended without being accepted.
		TransferCancelled {
			/// The device.
			device: T::AccountId,
			/// The account it had been offered to.
			to: T::AccountId,
			/// Why the offer ended.
			reason: OfferEnd,
		},
		/// A device changed owner; the deposit moved with it.
		DeviceTransferred {
			/// The device.
			device: T::AccountId,
			/// Previous owner (its deposit was released).
			from: T::AccountId,
			/// New owner (the deposit is now held from it).
			to: T::AccountId,
		},
		/// The owner deregistered a device; its deposit can be withdrawn from `withdrawable_at`.
		DeviceDeregistered {
			/// The device.
			device: T::AccountId,
			/// Its owner.
			owner: T::AccountId,
			/// First block at which `withdraw_deposit` succeeds.
			withdrawable_at: BlockNumberFor<T>,
		},
		/// A deregistered device's record was removed and its deposit released.
		DepositWithdrawn {
			/// The device.
			device: T::AccountId,
			/// Its owner, who got the deposit back.
			owner: T::AccountId,
			/// Amount released.
			amount: BalanceOf<T>,
		},
		/// Governance suspended a device.
		DeviceSuspended {
			/// The device.
			device: T::AccountId,
			/// Why.
			reason: SuspensionReason,
		},
		/// Governance lifted a device's suspension.
		DeviceReinstated {
			/// The device.
			device: T::AccountId,
		},
		/// Part of a suspended device's deposit went to the treasury.
		DeviceSlashed {
			/// The device.
			device: T::AccountId,
			/// Its owner, who lost the amount.
			owner: T::AccountId,
			/// Amount slashed.
			amount: BalanceOf<T>,
		},
		/// An account applied to be a maker; its bond is held until it is removed or withdraws.
		MakerApplied {
			/// The maker's account.
			maker: T::AccountId,
			/// Its name.
			name: MakerNameOf<T>,
			/// Bond held.
			bond: BalanceOf<T>,
		},
		/// An applicant withdrew its application; its bond was released.
		MakerApplicationWithdrawn {
			/// The applicant.
			maker: T::AccountId,
			/// Bond released.
			released: BalanceOf<T>,
		},
		/// Governance approved an applicant: its attestations are accepted.
		MakerApproved {
			/// The maker's account.
			maker: T::AccountId,
		},
		/// A maker restored its bond to `MakerBond` after a slash.
		MakerBondToppedUp {
			/// The maker's account.
			maker: T::AccountId,
			/// Amount added to the hold.
			amount: BalanceOf<T>,
		},
		/// An owner restored a device's deposit to `DeviceDeposit` after a slash.
		DepositToppedUp {
			/// The device.
			device: T::AccountId,
			/// Its owner, from whom the amount is held.
			owner: T::AccountId,
			/// Amount added to the hold.
			amount: BalanceOf<T>,
		},
		/// Governance removed a suspended device's record; its deposit was slashed or returned.
		DevicePurged {
			/// The device.
			device: T::AccountId,
			/// Its owner.
			owner: T::AccountId,
			/// Deposit sent to the treasury.
			slashed: BalanceOf<T>,
			/// Deposit released to the owner.
			released: BalanceOf<T>,
		},
		/// A maker was removed; what remained of its bond was released.
		MakerRemoved {
			/// The maker's account.
			maker: T::AccountId,
			/// Bond released.
			released: BalanceOf<T>,
		},
		/// Part of a maker's bond went to the treasury.
		MakerSlashed {
			/// The maker's account.
			maker: T::AccountId,
			/// Amount slashed.
			amount: BalanceOf<T>,
		},
		/// Governance changed whether a kind requires a maker attestation.
		KindPolicySet {
			/// The kind.
			kind: DeviceKind,
			/// Whether registration needs a maker attestation.
			requires_maker: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The device is already registered.
		AlreadyRegistered,
		/// No such device.
		UnknownDevice,
		/// Only the device's owner may do this.
		NotOwner,
		/// The possession proof is not the device key's signature over
		/// `("depin/register/v2", genesis hash, owner, device, registration)`, where
		/// `registration` is the device's `Registrations` counter now (an old proof is spent).
		InvalidPossessionProof,
		/// Device and maker keys must be sr25519 or ed25519.
		UnsupportedSignature,
		/// This kind of device needs a maker attestation.
		MakerAttestationRequired,
		/// The attestation is not the maker's signature over
		/// `("depin/maker/v1", genesis hash, device, kind)`.
		InvalidMakerAttestation,
		/// No such maker.
		UnknownMaker,
		/// The maker is not approved (it applied and waits, or was removed): it attests no new
		/// devices.
		MakerNotActive,
		/// The maker is already approved.
		MakerAlreadyActive,
		/// The account already applied to be a maker.
		MakerApplicationPending,
		/// The account has not applied to be a maker (governance cannot bond an account without
		/// its consent).
		NoMakerApplication,
		/// The maker's bond was slashed below `MakerBond`: it attests nothing until it tops up.
		MakerBondTooLow,
		/// The device key (or maker key) is a weak key: the identity or a point of small order,
		/// for which any signature check passes.
		WeakKey,
		/// The bond or deposit is already at the required amount.
		NothingToTopUp,
		/// The device's deposit was slashed below `DeviceDeposit`: top it up first.
		DepositTooLow,
		/// A slash of zero.
		ZeroSlash,
		/// The device has no pending transfer offer.
		NoTransferOffer,
		/// The transfer offer expired.
		TransferOfferExpired,
		/// The maker's name is longer than `MaxMakerNameLen`.
		MakerNameTooLong,
		/// The owner already holds `MaxDevicesPerOwner` devices.
		TooManyDevices,
		/// The location is not a valid H3 cell index.
		InvalidLocation,
		/// The location must be an H3 cell at resolution 12.
		WrongResolution,
		/// The device is already at that location.
		LocationUnchanged,
		/// The device moved less than `LocationCooldown` blocks ago.
		LocationCooldown,
		/// The device is suspended.
		DeviceSuspended,
		/// The device is not suspended.
		NotSuspended,
		/// The device is deregistered.
		DeviceDeregistered,
		/// The device is not deregistered.
		NotDeregistered,
		/// The deregistration delay has not passed yet.
		DeregistrationDelayNotOver,
		/// A device cannot be transferred to its own owner.
		TransferToSelf,
		/// The caller is not the account the device was offered to.
		NotPendingOwner,
		/// The slash is larger than what is held.
		SlashTooLarge,
		/// The account cannot pay the deposit, bond or fee and stay alive.
		InsufficientBalance,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers `device`, owned by the caller, at H3 cell `location` (resolution 12).
		///
		/// `possession_proof` is the device key's signature over
		/// `("depin/register/v2", genesis hash, owner, device, registration)` (`registration`:
		/// the device's `Registrations` counter, 0 the first time); `maker_attestation` an approved
		/// maker's signature over `("depin/maker/v1", genesis hash, device, kind)`, required for
		/// kinds so configured. Holds `DeviceDeposit` and pays `OnboardingFee` to the treasury.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_device())]
		pub fn register_device(
			origin: OriginFor<T>,
			device: T::AccountId,
			kind: DeviceKind,
			location: u64,
			possession_proof: MultiSignature,
			maker_attestation: Option<MakerAttestation<T::AccountId, MultiSignature>>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register(owner, device, kind, location, possession_proof, maker_attestation)
		}

		/// Moves `device` to H3 cell `location` (resolution 12), at most once per
		/// `LocationCooldown`; pays `LocationFee` to the treasury. Owner only.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::assert_location())]
		pub fn assert_location(
			origin: OriginFor<T>,
			device: T::AccountId,
			location: u64,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_assert_location(owner, device, location)
		}

		/// Offers `device` to `new_owner`, who takes it (and its deposit) with
		/// `accept_device_transfer` within `TransferOfferExpiry` blocks. A later offer replaces an
		/// earlier one. Owner only.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::transfer_device())]
		pub fn transfer_device(
			origin: OriginFor<T>,
			device: T::AccountId,
			new_owner: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_transfer(owner, device, new_owner)
		}

		/// Takes `device` that was offered to the caller: the deposit is held from the caller and
		/// released to the previous owner; what the device earned so far stays the previous
		/// owner's (services are told of the change).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accept_device_transfer())]
		pub fn accept_device_transfer(
			origin: OriginFor<T>,
			device: T::AccountId,
		) -> DispatchResult {
			let new_owner = ensure_signed(origin)?;
			Self::do_accept_transfer(new_owner, device)
		}

		/// Deregisters `device`: it stops working at once; its deposit can be withdrawn after
		/// `DeregistrationDelay`. Owner only.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::deregister_device())]
		pub fn deregister_device(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_deregister(owner, device)
		}

		/// Removes a deregistered `device` once the delay has passed and returns its deposit.
		/// Not while it is suspended. What it earned stays claimable by the owner. Owner only.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_deposit())]
		pub fn withdraw_deposit(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_withdraw(owner, device)
		}

		/// Suspends `device` (the denylist): its work is refused, services are told, and its
		/// deposit becomes slashable. `DenyOrigin` only.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::suspend_device())]
		pub fn suspend_device(
			origin: OriginFor<T>,
			device: T::AccountId,
			reason: SuspensionReason,
		) -> DispatchResult {
			T::DenyOrigin::ensure_origin(origin)?;
			Self::do_suspend(device, reason)
		}

		/// Lifts the suspension of `device`, whose deposit must be whole again (top it up after a
		/// slash). `DenyOrigin` only.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reinstate_device())]
		pub fn reinstate_device(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			T::DenyOrigin::ensure_origin(origin)?;
			Self::do_reinstate(device)
		}

		/// Moves `amount` (not zero) of a suspended device's deposit to the treasury. `DenyOrigin`
		/// only.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::slash_device())]
		pub fn slash_device(
			origin: OriginFor<T>,
			device: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::DenyOrigin::ensure_origin(origin)?;
			Self::do_slash_device(device, amount)
		}

		/// Approves `maker`, which applied with `apply_maker` (its bond is held), as a hardware
		/// vendor. `MakerOrigin` only.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::approve_maker())]
		pub fn approve_maker(origin: OriginFor<T>, maker: T::AccountId) -> DispatchResult {
			T::MakerOrigin::ensure_origin(origin)?;
			Self::do_approve_maker(maker)
		}

		/// Removes `maker` (approved or applied): no new attestations; what remains of its bond
		/// is released; the devices it attested keep working. `MakerOrigin` only.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_maker())]
		pub fn remove_maker(origin: OriginFor<T>, maker: T::AccountId) -> DispatchResult {
			T::MakerOrigin::ensure_origin(origin)?;
			Self::do_remove_maker(maker)
		}

		/// Moves `amount` (not zero) of `maker`'s bond to the treasury (fake hardware). The maker
		/// attests nothing until it tops its bond up. `MakerOrigin` only.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::slash_maker())]
		pub fn slash_maker(
			origin: OriginFor<T>,
			maker: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::MakerOrigin::ensure_origin(origin)?;
			Self::do_slash_maker(maker, amount)
		}

		/// Sets whether registering a device of `kind` requires a maker attestation.
		/// `AdminOrigin` only.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_kind_policy())]
		pub fn set_kind_policy(
			origin: OriginFor<T>,
			kind: DeviceKind,
			requires_maker: bool,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			RequiresMaker::<T>::insert(kind, requires_maker);
			Self::deposit_event(Event::KindPolicySet { kind, requires_maker });
			Ok(())
		}

		/// Applies to be a hardware maker named `name`: holds `MakerBond` from the caller, who
		/// attests devices once `MakerOrigin` approves it. A removed maker may apply again.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::apply_maker())]
		pub fn apply_maker(origin: OriginFor<T>, name: alloc::vec::Vec<u8>) -> DispatchResult {
			let maker = ensure_signed(origin)?;
			let name =
				MakerNameOf::<T>::try_from(name).map_err(|_| Error::<T>::MakerNameTooLong)?;
			Self::do_apply_maker(maker, name)
		}

		/// Withdraws the caller's maker application before it is approved; releases the bond.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::withdraw_maker_application())]
		pub fn withdraw_maker_application(origin: OriginFor<T>) -> DispatchResult {
			let maker = ensure_signed(origin)?;
			Self::do_withdraw_maker_application(maker)
		}

		/// Restores the caller's maker bond to `MakerBond` after a slash, holding the
		/// difference.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::top_up_maker_bond())]
		pub fn top_up_maker_bond(origin: OriginFor<T>) -> DispatchResult {
			let maker = ensure_signed(origin)?;
			Self::do_top_up_maker_bond(maker)
		}

		/// Restores `device`'s deposit to `DeviceDeposit` after a slash, holding the difference
		/// from the owner. Owner only.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::top_up_deposit())]
		pub fn top_up_deposit(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_top_up_deposit(owner, device)
		}

		/// Withdraws the pending transfer offer of `device`. Owner only.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::cancel_device_transfer())]
		pub fn cancel_device_transfer(
			origin: OriginFor<T>,
			device: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_cancel_transfer(owner, device)
		}

		/// Removes a suspended `device`'s record for good: its deposit goes to the treasury if
		/// `slash`, else back to the owner; what it earned stays claimable by the owner (services
		/// are told). `DenyOrigin` only.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::purge_device())]
		pub fn purge_device(
			origin: OriginFor<T>,
			device: T::AccountId,
			slash: bool,
		) -> DispatchResult {
			T::DenyOrigin::ensure_origin(origin)?;
			Self::do_purge(device, slash)
		}
	}
}
