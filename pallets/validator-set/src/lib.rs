//! # pallet-validator-set
//!
//! The chain's validator set, managed by governance, for `pallet-session`:
//!
//! - **Membership.** `add_validator` / `remove_validator` (`AddRemoveOrigin`, root on our chains)
//!   change the set; the change takes effect at the next session: pallet-session plans the set of
//!   session `s + 2` when session `s + 1` begins (it announces every set one session ahead, so that
//!   every node knows the next authorities' keys before they act), so a change made in session `s`
//!   is queued at the start of `s + 1` and authors and votes from `s + 2`. The events say which
//!   session that is. A validator needs session keys (`session.setKeys`) before it can be added.
//! - **Minimum.** The set never drops below `MinimumValidators` (genesis; `set_minimum_validators`):
//!   a removal that would is refused. A member that purges its session keys leaves the planned
//!   sessions until it sets keys again; if that leaves fewer than the minimum with keys, the event
//!   `FewWithKeys` warns governance (and if none has keys, pallet-session keeps the current
//!   validators that still have theirs).
//! - **Sessions.** A session is `SessionLength` blocks (genesis). This pallet's `on_initialize`
//!   rotates the session at every multiple of it, with a benchmarked weight that grows with the
//!   set (bounded by `MaxValidators`); pallet-session's own hook is told never to rotate, because
//!   it would charge a whole block for it.
//! - **Offences.** The pallet is the runtime's `ReportOffence` handler: a proven offence (a GRANDPA
//!   equivocation, checked by pallet-grandpa against a key-ownership proof from
//!   `pallet_session::historical`) removes the offender from the set, so it leaves the session
//!   after next; at the minimum the offender stays, marked (event `OffenderKept`), and governance
//!   decides. A report is a duplicate if the offender is no longer in the set, is already marked,
//!   or was added after the offence's session.
//! - **History.** Key-ownership proofs need the historical session roots; the pallet keeps the last
//!   `HistoryDepth` sessions and prunes older ones at every session start, so that storage stays
//!   bounded (reports older than that are refused by pallet-grandpa).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::EstimateNextSessionRotation};
use frame_system::pallet_prelude::*;
use pallet_session::historical::IdentificationTuple;
use sp_runtime::{
	traits::{Convert, One, Saturating, Zero},
	Permill,
};
use sp_staking::{
	offence::{Offence, OffenceError, ReportOffence},
	SessionIndex,
};

/// A member of the set: its account and the session in which governance added it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Member<AccountId> {
	/// The validator's account: it sets the session keys and receives the block rewards.
	pub account: AccountId,
	/// The session in progress when it was added (0 for genesis validators). Offences of earlier
	/// sessions are not its.
	pub added_in: SessionIndex,
	/// The session of a proven offence the set could not act on (it was at its minimum): further
	/// reports about this member are duplicates until governance removes it.
	pub offence_in: Option<SessionIndex>,
}

/// The full identification of a validator in key-ownership proofs: its account alone.
pub struct UnitIdentification;

impl<A> Convert<A, Option<()>> for UnitIdentification {
	fn convert(_: A) -> Option<()> {
		Some(())
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The set, sorted by account.
	pub type MembersOf<T> =
		BoundedVec<Member<<T as frame_system::Config>::AccountId>, <T as Config>::MaxValidators>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
		+ pallet_session::historical::Config
	{
		/// Who adds and removes validators and sets the minimum (root on our chains).
		type AddRemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The largest set; at most the consensus pallets' `MaxAuthorities`.
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Sessions of key-ownership history kept for equivocation reports.
		#[pallet::constant]
		type HistoryDepth: Get<SessionIndex>;
		/// Benchmarked weights.
		type WeightInfo: WeightInfo;
	}

	/// The validator set governance has: the set the next planned session gets (its members with
	/// session keys). Sorted by account.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, MembersOf<T>, ValueQuery>;

	/// The set never has fewer members than this (at least 1).
	#[pallet::storage]
	pub type MinimumValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Blocks per session; the session rotates at every multiple of it.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Blocks per session (must be at least 1).
		pub session_length: BlockNumberFor<T>,
		/// The smallest set (must be at least 1). The genesis set itself is every account with
		/// session keys in pallet-session's genesis (`session.keys`).
		pub minimum_validators: u32,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// Sessions of 600 blocks (an hour of 6-second blocks), a minimum of 1.
		fn default() -> Self {
			Self { session_length: 600u32.into(), minimum_validators: 1 }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(!self.session_length.is_zero(), "the session length must be at least 1 block");
			assert!(
				(1..=T::MaxValidators::get()).contains(&self.minimum_validators),
				"the minimum must be between 1 and MaxValidators"
			);
			SessionLength::<T>::put(self.session_length);
			MinimumValidators::<T>::put(self.minimum_validators);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance added a validator; it authors and votes from session `active_from`.
		ValidatorAdded {
			/// The validator's account.
			validator: T::AccountId,
			/// The first session it validates in.
			active_from: SessionIndex,
		},
		/// Governance removed a validator; it no longer validates from session `inactive_from`.
		ValidatorRemoved {
			/// The validator's account.
			validator: T::AccountId,
			/// The first session without it.
			inactive_from: SessionIndex,
		},
		/// Governance set the minimum size of the set.
		MinimumValidatorsSet {
			/// The new minimum.
			minimum: u32,
		},
		/// A proven offence removed a validator from the set.
		OffenderRemoved {
			/// The offender.
			validator: T::AccountId,
			/// The session of the offence.
			offence_session: SessionIndex,
			/// The first session without it.
			inactive_from: SessionIndex,
		},
		/// A proven offence could not remove the offender: the set is at its minimum. The member is
		/// marked (later reports are duplicates); governance decides (add a validator, then remove
		/// it).
		OffenderKept {
			/// The offender.
			validator: T::AccountId,
			/// The session of the offence.
			offence_session: SessionIndex,
		},
		/// Fewer than the minimum of the set's members have session keys: the session being
		/// planned has only these (none: pallet-session keeps the current validators that still
		/// have keys). Members without keys must set them again.
		FewWithKeys {
			/// The session being planned.
			session: SessionIndex,
			/// Members with session keys.
			with_keys: u32,
			/// The minimum.
			minimum: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the set.
		AlreadyValidator,
		/// The account is not in the set.
		NotValidator,
		/// The set has `MaxValidators` members.
		TooManyValidators,
		/// The removal would leave fewer than `MinimumValidators` members.
		TooFewValidators,
		/// The account has no session keys: it must call `session.setKeys` first.
		NoSessionKeys,
		/// A minimum must be at least 1 and at most the set's size (and `MaxValidators`).
		InvalidMinimum,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Rotates the session at every multiple of `SessionLength` (O(validators), bounded by
		/// `MaxValidators`); otherwise one read.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if Self::is_session_boundary(now) {
				// The rotation's work grows with the active, queued and planned sets.
				let members = Validators::<T>::decode_len().unwrap_or_default() as u32;
				let active =
					pallet_session::Validators::<T>::decode_len().unwrap_or_default() as u32;
				let queued =
					pallet_session::QueuedKeys::<T>::decode_len().unwrap_or_default() as u32;
				pallet_session::Pallet::<T>::rotate_session();
				<T as Config>::WeightInfo::rotate_session(members.max(active).max(queued))
			} else {
				<T as Config>::WeightInfo::on_initialize_idle()
			}
		}

		fn integrity_test() {
			assert!(T::MaxValidators::get() >= 1, "MaxValidators must be at least 1");
			assert!(T::HistoryDepth::get() >= 1, "HistoryDepth must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `validator` to the set (`AddRemoveOrigin`). It must have session keys; it
		/// authors and votes from the session after next (event `ValidatorAdded`).
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			ensure!(
				pallet_session::NextKeys::<T>::contains_key(&validator),
				Error::<T>::NoSessionKeys
			);
			let session = pallet_session::CurrentIndex::<T>::get();
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				let pos = match Self::find(set, &validator) {
					Ok(_) => return Err(Error::<T>::AlreadyValidator.into()),
					Err(pos) => pos,
				};
				let member =
					Member { account: validator.clone(), added_in: session, offence_in: None };
				set.try_insert(pos, member).map_err(|_| Error::<T>::TooManyValidators.into())
			})?;
			Self::deposit_event(Event::ValidatorAdded {
				validator,
				active_from: Self::first_unplanned_session(),
			});
			Ok(())
		}

		/// Removes `validator` from the set (`AddRemoveOrigin`), unless that leaves fewer than
		/// `MinimumValidators`. It validates until the session after next (event
		/// `ValidatorRemoved`); its session keys stay until it purges them.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				let pos = Self::find(set, &validator).map_err(|_| Error::<T>::NotValidator)?;
				ensure!(
					set.len() as u32 > MinimumValidators::<T>::get(),
					Error::<T>::TooFewValidators
				);
				set.remove(pos);
				Ok(())
			})?;
			Self::deposit_event(Event::ValidatorRemoved {
				validator,
				inactive_from: Self::first_unplanned_session(),
			});
			Ok(())
		}

		/// Sets the smallest size of the set (`AddRemoveOrigin`): at least 1, at most the set's
		/// current size.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_minimum_validators())]
		pub fn set_minimum_validators(origin: OriginFor<T>, minimum: u32) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			let size = Validators::<T>::decode_len().unwrap_or_default() as u32;
			ensure!(minimum >= 1 && minimum <= size, Error::<T>::InvalidMinimum);
			MinimumValidators::<T>::put(minimum);
			Self::deposit_event(Event::MinimumValidatorsSet { minimum });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Whether block `now` starts a new session.
	fn is_session_boundary(now: BlockNumberFor<T>) -> bool {
		let length = SessionLength::<T>::get();
		!now.is_zero() && !length.is_zero() && (now % length).is_zero()
	}

	/// The accounts of the set, in order.
	pub fn validators() -> Vec<T::AccountId> {
		Validators::<T>::get().into_iter().map(|m| m.account).collect()
	}

	/// The set for session `index`: the members with session keys (`None` when none has keys:
	/// pallet-session then keeps the current validators that still have theirs). Returned at every
	/// session, even unchanged, so that every session has a historical root.
	fn plan(index: SessionIndex) -> Option<Vec<(T::AccountId, T::FullIdentification)>> {
		let planned: Vec<_> = Validators::<T>::get()
			.into_iter()
			.filter(|m| pallet_session::NextKeys::<T>::contains_key(&m.account))
			.filter_map(|m| {
				T::FullIdentificationOf::convert(m.account.clone()).map(|id| (m.account, id))
			})
			.collect();
		let minimum = MinimumValidators::<T>::get().max(1);
		if (planned.len() as u32) < minimum {
			Self::deposit_event(Event::FewWithKeys {
				session: index,
				with_keys: planned.len() as u32,
				minimum,
			});
		}
		(!planned.is_empty()).then_some(planned)
	}

	/// The genesis set: every account with session keys in pallet-session's genesis (its
	/// `NextKeys` are set before the session manager is asked; our presets put no
	/// `non_authority_keys` there), sorted. Only called while building genesis, where a set
	/// outside `MinimumValidators..=MaxValidators` is a configuration error.
	fn genesis_set() {
		if !Validators::<T>::get().is_empty() {
			return;
		}
		let mut accounts: Vec<T::AccountId> = pallet_session::NextKeys::<T>::iter_keys().collect();
		accounts.sort();
		accounts.dedup();
		// No keys at all is a default (empty) genesis, not a chain's.
		assert!(
			accounts.is_empty() || accounts.len() as u32 >= MinimumValidators::<T>::get(),
			"fewer genesis session keys than the minimum validator set"
		);
		let members: Vec<_> = accounts
			.into_iter()
			.map(|account| Member { account, added_in: 0, offence_in: None })
			.collect();
		let members = MembersOf::<T>::try_from(members)
			.unwrap_or_else(|_| panic!("more genesis session keys than MaxValidators"));
		Validators::<T>::put(members);
	}

	/// The first session a change of the set made now reaches: pallet-session planned the next
	/// one when the current one began, so a change is planned at the next boundary and takes
	/// effect at the session after next.
	fn first_unplanned_session() -> SessionIndex {
		pallet_session::CurrentIndex::<T>::get().saturating_add(2)
	}

	/// `who`'s position in the sorted set, or where it would be inserted.
	fn find(set: &[Member<T::AccountId>], who: &T::AccountId) -> Result<usize, usize> {
		set.binary_search_by(|m| m.account.cmp(who))
	}

	/// `who`'s membership, if it is in the set.
	fn member(who: &T::AccountId) -> Option<Member<T::AccountId>> {
		let set = Validators::<T>::get();
		Self::find(&set, who).ok().and_then(|i| set.get(i).cloned())
	}

	/// Checks the pallet's invariants.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let set = Validators::<T>::get();
		ensure!(
			set.windows(2).all(|w| w[0].account < w[1].account),
			"the set is not strictly sorted by account"
		);
		let minimum = MinimumValidators::<T>::get();
		ensure!(minimum >= 1, "the minimum is 0");
		ensure!(set.len() as u32 >= minimum, "the set is smaller than its minimum");
		ensure!(!SessionLength::<T>::get().is_zero(), "the session length is 0");
		let current = pallet_session::CurrentIndex::<T>::get();
		ensure!(
			set.iter().all(|m| m.added_in <= current),
			"a member was added in a future session"
		);
		ensure!(
			set.iter().all(|m| m.offence_in.is_none_or(|s| s >= m.added_in && s <= current)),
			"a member is marked with an offence outside its membership"
		);
		if let Some((start, end)) = pallet_session::historical::StoredRange::<T>::get() {
			ensure!(
				end.saturating_sub(start) <= T::HistoryDepth::get().saturating_add(2),
				"more historical sessions are kept than HistoryDepth"
			);
		}
		Ok(())
	}
}

impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, T::FullIdentification>
	for Pallet<T>
{
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, T::FullIdentification)>> {
		Self::plan(new_index)
	}

	fn new_session_genesis(
		new_index: SessionIndex,
	) -> Option<Vec<(T::AccountId, T::FullIdentification)>> {
		Self::genesis_set();
		Self::plan(new_index)
	}

	fn start_session(start_index: SessionIndex) {
		// Key-ownership proofs older than the history kept are refused; their roots go.
		let keep = T::HistoryDepth::get();
		if start_index > keep {
			pallet_session::historical::Pallet::<T>::prune_up_to(start_index.saturating_sub(keep));
		}
	}

	fn end_session(_end_index: SessionIndex) {}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		<Self as pallet_session::historical::SessionManager<_, _>>::new_session(new_index)
			.map(|set| set.into_iter().map(|(who, _)| who).collect())
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		<Self as pallet_session::historical::SessionManager<_, _>>::new_session_genesis(new_index)
			.map(|set| set.into_iter().map(|(who, _)| who).collect())
	}

	fn start_session(start_index: SessionIndex) {
		<Self as pallet_session::historical::SessionManager<_, _>>::start_session(start_index)
	}

	fn end_session(end_index: SessionIndex) {
		<Self as pallet_session::historical::SessionManager<_, _>>::end_session(end_index)
	}
}

/// pallet-session never rotates by itself: this pallet's hook does (see the crate docs).
impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(_now: BlockNumberFor<T>) -> bool {
		false
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = SessionLength::<T>::get();
		if length.is_zero() {
			return (None, T::DbWeight::get().reads(1));
		}
		// The current block counts as elapsed: 100% in the session's last block.
		let elapsed = (now % length).saturating_add(One::one());
		(Some(Permill::from_rational(elapsed, length)), T::DbWeight::get().reads(1))
	}

	fn estimate_next_session_rotation(
		now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		let length = SessionLength::<T>::get();
		if length.is_zero() {
			return (None, T::DbWeight::get().reads(1));
		}
		let next = now.saturating_add(length.saturating_sub(now % length));
		(Some(next), T::DbWeight::get().reads(1))
	}
}

impl<T: Config, O: Offence<IdentificationTuple<T>>>
	ReportOffence<T::AccountId, IdentificationTuple<T>, O> for Pallet<T>
{
	/// Removes each offender that is a member since the offence's session or earlier, unless the
	/// set is at its minimum: then the member is marked. A report that concerns no unmarked such
	/// member is a duplicate (or stale).
	fn report_offence(_reporters: Vec<T::AccountId>, offence: O) -> Result<(), OffenceError> {
		let offence_session = offence.session_index();
		let inactive_from = Self::first_unplanned_session();
		let minimum = MinimumValidators::<T>::get();
		let mut concerned = false;
		for (offender, _) in offence.offenders() {
			let outcome = Validators::<T>::mutate(|set| {
				let pos = Self::find(set, &offender).ok()?;
				let at_minimum = set.len() as u32 <= minimum;
				let member = set.get_mut(pos)?;
				if member.added_in > offence_session || member.offence_in.is_some() {
					return None;
				}
				if at_minimum {
					member.offence_in = Some(offence_session);
					return Some(false);
				}
				set.remove(pos);
				Some(true)
			});
			let Some(removed) = outcome else { continue };
			concerned = true;
			Self::deposit_event(if removed {
				Event::OffenderRemoved { validator: offender, offence_session, inactive_from }
			} else {
				Event::OffenderKept { validator: offender, offence_session }
			});
		}
		if concerned {
			Ok(())
		} else {
			Err(OffenceError::DuplicateReport)
		}
	}

	/// Known when none of the offenders is an unmarked member any more.
	fn is_known_offence(offenders: &[IdentificationTuple<T>], _slot: &O::Slot) -> bool {
		offenders.iter().all(|(who, _)| Self::member(who).is_none_or(|m| m.offence_in.is_some()))
	}
}
