//! What the runtime API reports: a deal's phase, its challenge now, and what a settlement would
//! move now (from the same plan a settlement runs).

use crate::{pallet::*, BalanceOf, DealId, DealPhase, DealState, DealStatus};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Deal `id`: its record, phase, the challenge to answer now, the faults a settlement would
	/// find and what it would pay each side. `None` for an unknown (or removed) deal.
	pub fn deal_status(
		id: DealId,
	) -> Option<DealStatus<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let deal = Deals::<T>::get(id)?;
		let current = Self::current_period();
		let now = frame_system::Pallet::<T>::block_number();
		let (phase, challenge, pending_faults, settle_pays, client_gets) = match deal.state {
			DealState::Proposed { expires_at } => {
				let phase = if now > expires_at { DealPhase::Expired } else { DealPhase::Proposed };
				(phase, None, 0, Zero::zero(), Zero::zero())
			}
			DealState::Active(progress) => {
				let end = progress.end(deal.duration);
				let s = Self::plan(&deal, progress, current);
				let phase = if s.terminate {
					DealPhase::Terminable
				} else if current < progress.start {
					DealPhase::Pending
				} else if current >= end {
					DealPhase::Ended
				} else {
					DealPhase::Running
				};
				let open = phase == DealPhase::Running && progress.judged <= current;
				let challenge = open
					.then(|| Self::challenge(id, current, deal.size).map(|i| (current, i)))
					.flatten();
				let mut client_gets = s.penalty.saturating_add(s.refund);
				if s.terminate || s.complete {
					client_gets = client_gets.saturating_add(deal.deposit);
				}
				(phase, challenge, s.new_faults, s.pay, client_gets)
			}
		};
		Some(DealStatus {
			deal,
			phase,
			current_period: current,
			challenge,
			pending_faults,
			settle_pays,
			client_gets,
		})
	}

	/// The deals of `client`, proposed or running.
	pub fn deals_of_client(client: &T::AccountId) -> Vec<DealId> {
		ClientDeals::<T>::get(client).into_inner()
	}

	/// The running deals of storage node `device`.
	pub fn deals_of_provider(device: &T::AccountId) -> Vec<DealId> {
		Providers::<T>::get(device).map(|p| p.deals.into_inner()).unwrap_or_default()
	}
}
