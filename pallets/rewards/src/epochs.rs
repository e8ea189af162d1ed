//! The epoch clock, the emission schedule and the epoch boundary.

use crate::{pallet::*, service_index, BalanceOf, EpochStateOf, PointTotal, Pool, Pot, WeightInfo};
use depin_primitives::{EpochClock, EpochIndex, Service};
use frame_support::{
	defensive,
	traits::{fungible::Mutate, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	SaturatedConversion,
};

/// The device count up to which the epoch-boundary benchmark measured (flat) cost; the hook is
/// charged at that point of the curve.
pub const BENCHMARKED_DEVICES: u32 = 10_000;

impl<T: Config> Pallet<T> {
	/// The emission of `epoch`: `InitialEmission` halved once per `HalvingPeriod` epochs.
	pub fn emission(epoch: EpochIndex) -> BalanceOf<T> {
		let period = T::HalvingPeriod::get();
		let halvings = epoch.checked_div(period).unwrap_or(0);
		let initial: u128 = T::InitialEmission::get().saturated_into();
		// After 128 halvings nothing is left of any u128.
		initial.checked_shr(halvings).unwrap_or(0).saturated_into()
	}

	/// Blocks per epoch (never zero: the genesis build refuses zero).
	pub fn epoch_length() -> BlockNumberFor<T> {
		EpochLength::<T>::get().max(One::one())
	}

	/// `on_initialize`: closes the epoch in progress once `EpochLength` blocks have passed since
	/// it started. Returns the hook's weight, including the author note that follows it.
	pub(crate) fn advance_epoch(now: BlockNumberFor<T>) -> Weight {
		let state = Epoch::<T>::get();
		let closes = now >= state.start.saturating_add(Self::epoch_length());
		let weight = if closes {
			let unminted = Self::close_epoch(&state);
			Epoch::<T>::put(EpochStateOf::<T> {
				index: state.index.saturating_add(1),
				start: now,
				forfeited: unminted,
				..Default::default()
			});
			T::WeightInfo::on_initialize_close(BENCHMARKED_DEVICES)
		} else {
			T::WeightInfo::on_initialize_idle()
		};
		// The epoch state is whitelisted in the benchmarks; it is read and written once per
		// block, charged here.
		weight
			.saturating_add(T::WeightInfo::note_author())
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// Fixes the pools of the closed epoch `state`: per service (and for the validators) the
	/// share of the emission and the points it is divided among. A pot without points goes to
	/// the treasury, with the treasury's share (the remainder of the split, so that nothing is
	/// lost to rounding) and the epoch's forfeits. A pot of a 0% part with points gets a pool of
	/// zero, so that its points are valued (at zero) like any others. O(services). Returns what
	/// could not be minted to the treasury, carried to the next close.
	fn close_epoch(state: &EpochStateOf<T>) -> BalanceOf<T> {
		let emission = Self::emission(state.index);
		let split = CurrentSplit::<T>::get();
		let mut shared = BalanceOf::<T>::zero();
		let mut to_treasury = BalanceOf::<T>::zero();

		let mut fill = |pot: Pot, share: sp_runtime::Perbill, shares: PointTotal| {
			let amount = share.mul_floor(emission);
			shared = shared.saturating_add(amount);
			if shares == 0 {
				to_treasury = to_treasury.saturating_add(amount);
			} else {
				Pools::<T>::insert(state.index, pot, Pool { amount, shares });
			}
		};
		for service in Service::ALL {
			fill(Pot::Service(service), split.of(service), state.points[service_index(service)]);
		}
		fill(Pot::Validators, split.validators, PointTotal::from(state.blocks));

		// The treasury's own share is what the other parts left.
		to_treasury = to_treasury
			.saturating_add(emission.saturating_sub(shared))
			.saturating_add(state.forfeited);
		TotalEmitted::<T>::mutate(|total| *total = total.saturating_add(emission));
		let mut unminted = BalanceOf::<T>::zero();
		if !to_treasury.is_zero() {
			match T::Currency::mint_into(&T::Treasury::get(), to_treasury) {
				Ok(minted) => {
					TotalMinted::<T>::mutate(|total| *total = total.saturating_add(minted))
				}
				// Only possible if the treasury account cannot exist (below the existential
				// deposit): the amount is tried again at the next close, so none is lost.
				Err(_) => {
					defensive!("rewards: minting to the treasury failed");
					unminted = to_treasury;
				}
			}
		}
		Self::deposit_event(Event::EpochClosed { epoch: state.index, emission, to_treasury });
		unminted
	}
}

impl<T: Config> EpochClock for Pallet<T> {
	fn current_epoch() -> EpochIndex {
		Epoch::<T>::get().index
	}
}

impl<T: Config> Pallet<T> {
	/// The epoch in progress, for the runtime API.
	pub fn epoch_info() -> crate::EpochInfo<BalanceOf<T>, BlockNumberFor<T>> {
		let state = Epoch::<T>::get();
		let length = Self::epoch_length();
		let ends = state.start.saturating_add(length);
		let now = frame_system::Pallet::<T>::block_number();
		crate::EpochInfo {
			current_epoch: state.index,
			epoch_length: length,
			epoch_start: state.start,
			blocks_left: ends.saturating_sub(now),
			emission: Self::emission(state.index),
			split: CurrentSplit::<T>::get(),
			points: state.points,
			blocks_authored: state.blocks,
		}
	}
}
