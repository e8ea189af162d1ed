//! Settlement: lazy fault judgment, payment of proven periods, penalties, termination and
//! completion. One plan ([`Settlement`]) serves the calls and the runtime API, so that what the
//! API promises is what a settlement does.

use crate::WeightInfo;
use crate::{pallet::*, BalanceOf, DealId, DealState, Period, Progress};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

/// What settling a running deal in a given period does.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Settlement<Balance> {
	/// The deal's progress after judging the past periods.
	pub progress: Progress,
	/// Past periods judged faults by this settlement.
	pub new_faults: u32,
	/// Proven periods paid to the provider's owner.
	pub pay_periods: u32,
	/// What they pay.
	pub pay: Balance,
	/// Fault periods whose penalty and refund move now.
	pub fault_periods: u32,
	/// Fault penalties to the client, from the collateral.
	pub penalty: Balance,
	/// Payment released to the client: the fault periods' price, or on a termination all the
	/// payment still held but for the proven periods.
	pub refund: Balance,
	/// `MaxConsecutiveFaults` faults in a row: the deal terminates.
	pub terminate: bool,
	/// Every period judged (and not terminated): the deal completes.
	pub complete: bool,
	/// To the treasury on a termination: what is left of the collateral after the penalties.
	pub slashed: Balance,
	/// Released to the owner on completion: what is left of the collateral.
	pub collateral_back: Balance,
}

impl<Balance: Zero> Settlement<Balance> {
	/// Whether the settlement moves anything or changes the deal.
	pub fn is_noop(&self) -> bool {
		self.new_faults == 0
			&& self.pay_periods == 0
			&& self.fault_periods == 0
			&& !self.terminate
			&& !self.complete
	}
}

impl<T: Config> Pallet<T> {
	/// The settlement of `deal` (running with `progress`) in period `current`. Pure: reads
	/// nothing but the configuration.
	pub(crate) fn plan(
		deal: &DealOf<T>,
		mut progress: Progress,
		current: Period,
	) -> Settlement<BalanceOf<T>> {
		let end = progress.end(deal.duration);
		let upto = current.min(end);
		let new_faults = Self::periods_u32(upto.saturating_sub(progress.judged));
		if upto > progress.judged {
			progress.judged = upto;
		}
		progress.faults = progress.faults.saturating_add(new_faults);
		progress.consecutive = progress.consecutive.saturating_add(new_faults);
		let n = |k: u32| deal.per_period.saturating_mul(BalanceOf::<T>::from(k));
		// Every product below is at most `per_period × duration`, checked at the proposal.
		let pay_periods = progress.proven.saturating_sub(progress.paid);
		let pay = n(pay_periods);
		let fault_periods = progress.faults.saturating_sub(progress.faults_settled);
		// Penalties leave the existential deposit held until the deal ends, so that the owner's
		// account lives to be paid (the termination's slash takes the rest).
		let floor = T::Currency::minimum_balance();
		let penalty = (T::FaultPenalty::get() * deal.collateral)
			.saturating_mul(BalanceOf::<T>::from(fault_periods))
			.min(deal.collateral_left.saturating_sub(floor));
		let terminate = progress.consecutive >= T::MaxConsecutiveFaults::get();
		let left = deal.collateral_left.saturating_sub(penalty);
		let (refund, slashed, complete, collateral_back) = if terminate {
			// All of the payment still held but what the proven periods earned.
			let held =
				deal.duration.saturating_sub(progress.paid).saturating_sub(progress.faults_settled);
			(n(held.saturating_sub(pay_periods)), left, false, Zero::zero())
		} else {
			let complete = progress.judged >= end;
			(n(fault_periods), Zero::zero(), complete, if complete { left } else { Zero::zero() })
		};
		progress.paid = progress.proven;
		progress.faults_settled = progress.faults;
		Settlement {
			progress,
			new_faults,
			pay_periods,
			pay,
			fault_periods,
			penalty,
			refund,
			terminate,
			complete,
			slashed,
			collateral_back,
		}
	}

	/// `settle_deal` (`caller` a party of the deal) and `report_fault` (`caller` `None`). The
	/// weight used: a termination's, or a completion's (the worst case of the rest).
	pub(crate) fn do_settle(
		caller: Option<T::AccountId>,
		id: DealId,
	) -> DispatchResultWithPostInfo {
		let mut deal = Deals::<T>::get(id).ok_or(Error::<T>::UnknownDeal)?;
		let DealState::Active(progress) = deal.state else {
			return Err(Error::<T>::NotActive.into());
		};
		let s = Self::plan(&deal, progress, Self::current_period());
		match &caller {
			Some(who) => {
				ensure!(who == &deal.owner || who == &deal.client, Error::<T>::NotDealParty);
				ensure!(!s.is_noop(), Error::<T>::NothingToSettle);
			}
			None => ensure!(s.fault_periods > 0 || s.terminate, Error::<T>::NoFault),
		}
		Self::transfer_held(HoldReason::DealPayment, &deal.client, &deal.owner, s.pay)?;
		Self::transfer_held(HoldReason::DealCollateral, &deal.owner, &deal.client, s.penalty)?;
		Self::release(HoldReason::DealPayment, &deal.client, s.refund)?;
		deal.collateral_left = deal.collateral_left.saturating_sub(s.penalty);
		if s.terminate {
			Self::transfer_held(
				HoldReason::DealCollateral,
				&deal.owner,
				&T::Treasury::get(),
				s.slashed,
			)?;
			Self::release(HoldReason::DealDeposit, &deal.client, deal.deposit)?;
			Self::remove_deal(id, &deal);
			Self::deposit_event(Event::DealTerminated {
				deal: id,
				paid: s.pay,
				penalty: s.penalty,
				refunded: s.refund.saturating_add(deal.deposit),
				slashed: s.slashed,
			});
			return Ok(Some(T::WeightInfo::terminate_deal()).into());
		}
		if s.pay_periods > 0 || s.fault_periods > 0 {
			Self::deposit_event(Event::DealSettled {
				deal: id,
				periods: s.pay_periods,
				paid: s.pay,
				faults: s.fault_periods,
				penalty: s.penalty,
				refunded: s.refund,
			});
		}
		if s.complete {
			Self::release(HoldReason::DealCollateral, &deal.owner, s.collateral_back)?;
			Self::release(HoldReason::DealDeposit, &deal.client, deal.deposit)?;
			Self::remove_deal(id, &deal);
			Self::deposit_event(Event::DealCompleted {
				deal: id,
				collateral: s.collateral_back,
				deposit: deal.deposit,
			});
		} else {
			deal.state = DealState::Active(s.progress);
			Deals::<T>::insert(id, deal);
		}
		Ok(Some(T::WeightInfo::settle_deal()).into())
	}

	/// Removes a running deal and its entries in the indexes.
	fn remove_deal(id: DealId, deal: &DealOf<T>) {
		Deals::<T>::remove(id);
		Self::forget_client_deal(&deal.client, id);
		Providers::<T>::mutate_exists(&deal.provider, |p| {
			if let Some(record) = p {
				record.deals.retain(|d| *d != id);
				record.used = record.used.saturating_sub(deal.size);
				if record.deals.is_empty() && record.ask.is_none() {
					*p = None;
				}
			}
		});
	}

	/// Moves exactly `amount` held from `from` for `reason` to `to`'s free balance (nothing
	/// for zero).
	fn transfer_held(
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::transfer_on_hold(
				&reason.into(),
				from,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		Ok(())
	}
}
