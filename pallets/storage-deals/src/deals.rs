//! Asks, proposals, acceptance and cancellation.

use crate::{pallet::*, Ask, BalanceOf, Deal, DealId, DealState, Progress};
use depin_primitives::DeviceRegistry;
use frame_support::{
	pallet_prelude::*,
	traits::fungible::{Inspect, MutateHold},
};
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedMul, Saturating, UniqueSaturatedFrom, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_ask(
		who: T::AccountId,
		device: T::AccountId,
		ask: Ask<BalanceOf<T>>,
	) -> DispatchResult {
		Self::owned_storage_node(&who, &device)?;
		ensure!(
			ask.min_duration >= 1
				&& ask.min_duration <= ask.max_duration
				&& ask.max_duration <= T::MaxDuration::get()
				&& ask.capacity > 0,
			Error::<T>::InvalidAsk
		);
		Providers::<T>::mutate(&device, |p| {
			p.get_or_insert_with(Default::default).ask = Some(ask.clone());
		});
		Self::deposit_event(Event::AskSet { device, ask });
		Ok(())
	}

	pub(crate) fn do_clear_ask(who: T::AccountId, device: T::AccountId) -> DispatchResult {
		let info = T::Registry::device(&device).ok_or(Error::<T>::NotRegistered)?;
		ensure!(info.owner == who, Error::<T>::NotOwner);
		Providers::<T>::try_mutate_exists(&device, |p| -> DispatchResult {
			let record = p.as_mut().ok_or(Error::<T>::NoAsk)?;
			ensure!(record.ask.is_some(), Error::<T>::NoAsk);
			record.ask = None;
			if record.deals.is_empty() {
				*p = None;
			}
			Ok(())
		})?;
		Self::deposit_event(Event::AskCleared { device });
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_propose(
		client: T::AccountId,
		provider: T::AccountId,
		root: H256,
		size: u64,
		duration: u32,
		price: BalanceOf<T>,
		collateral: BalanceOf<T>,
	) -> DispatchResult {
		let info = Self::storage_node(&provider)?;
		ensure!(info.owner != client, Error::<T>::SelfDeal);
		let record = Providers::<T>::get(&provider).unwrap_or_default();
		let ask = record.ask.ok_or(Error::<T>::NoAsk)?;
		ensure!(size > 0, Error::<T>::EmptyFile);
		ensure!(size <= T::MaxDealSize::get(), Error::<T>::DealTooLarge);
		ensure!(
			ask.min_duration <= duration && duration <= ask.max_duration,
			Error::<T>::DurationOutOfRange
		);
		ensure!(price >= ask.price, Error::<T>::PriceBelowAsk);
		ensure!(collateral >= T::Currency::minimum_balance(), Error::<T>::CollateralTooLow);
		ensure!(record.used.saturating_add(size) <= ask.capacity, Error::<T>::InsufficientCapacity);
		let per_period = price
			.checked_mul(&BalanceOf::<T>::unique_saturated_from(size))
			.ok_or(Error::<T>::PriceOverflow)?;
		let total = per_period
			.checked_mul(&BalanceOf::<T>::from(duration))
			.ok_or(Error::<T>::PriceOverflow)?;
		let id = NextDealId::<T>::get();
		ClientDeals::<T>::try_mutate(&client, |ids| ids.try_push(id))
			.map_err(|_| Error::<T>::TooManyDeals)?;
		let deposit = T::DealDeposit::get();
		T::Currency::hold(&HoldReason::DealPayment.into(), &client, total)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::Currency::hold(&HoldReason::DealDeposit.into(), &client, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let expires_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ProposalExpiry::get());
		Deals::<T>::insert(
			id,
			Deal {
				client: client.clone(),
				provider: provider.clone(),
				owner: info.owner,
				root,
				size,
				duration,
				price,
				per_period,
				collateral,
				collateral_left: collateral,
				deposit,
				state: DealState::Proposed { expires_at },
			},
		);
		NextDealId::<T>::put(id.saturating_add(1));
		Self::deposit_event(Event::DealProposed {
			deal: id,
			client,
			provider,
			root,
			size,
			duration,
			total,
			collateral,
			deposit,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_accept(who: T::AccountId, id: DealId) -> DispatchResult {
		let mut deal = Deals::<T>::get(id).ok_or(Error::<T>::UnknownDeal)?;
		let DealState::Proposed { expires_at } = deal.state else {
			return Err(Error::<T>::NotProposed.into());
		};
		ensure!(
			frame_system::Pallet::<T>::block_number() <= expires_at,
			Error::<T>::ProposalExpired
		);
		Self::owned_storage_node(&who, &deal.provider)?;
		ensure!(who != deal.client, Error::<T>::SelfDeal);
		let mut record = Providers::<T>::get(&deal.provider).unwrap_or_default();
		let capacity = record.ask.as_ref().map(|a| a.capacity).ok_or(Error::<T>::NoAsk)?;
		let used = record.used.saturating_add(deal.size);
		ensure!(used <= capacity, Error::<T>::InsufficientCapacity);
		record.deals.try_push(id).map_err(|_| Error::<T>::ProviderFull)?;
		record.used = used;
		T::Currency::hold(&HoldReason::DealCollateral.into(), &who, deal.collateral)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let start = Self::current_period().saturating_add(1);
		deal.owner = who.clone();
		let progress = Progress { start, judged: start, ..Default::default() };
		let end = progress.end(deal.duration);
		deal.state = DealState::Active(progress);
		Providers::<T>::insert(&deal.provider, record);
		Deals::<T>::insert(id, deal);
		Self::deposit_event(Event::DealAccepted { deal: id, owner: who, start, end });
		Ok(())
	}

	pub(crate) fn do_cancel(who: T::AccountId, id: DealId) -> DispatchResult {
		let deal = Deals::<T>::get(id).ok_or(Error::<T>::UnknownDeal)?;
		let DealState::Proposed { expires_at } = deal.state else {
			return Err(Error::<T>::NotProposed.into());
		};
		let expired = frame_system::Pallet::<T>::block_number() > expires_at;
		ensure!(who == deal.client || expired, Error::<T>::NotClient);
		let total = deal.per_period.saturating_mul(BalanceOf::<T>::from(deal.duration));
		Self::release(HoldReason::DealPayment, &deal.client, total)?;
		Self::release(HoldReason::DealDeposit, &deal.client, deal.deposit)?;
		Self::forget_client_deal(&deal.client, id);
		Deals::<T>::remove(id);
		Self::deposit_event(Event::ProposalCancelled {
			deal: id,
			client: deal.client,
			refunded: total.saturating_add(deal.deposit),
		});
		Ok(())
	}

	/// Removes `id` from the index of `client`'s deals.
	pub(crate) fn forget_client_deal(client: &T::AccountId, id: DealId) {
		ClientDeals::<T>::mutate_exists(client, |ids| {
			if let Some(list) = ids {
				list.retain(|d| *d != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
	}

	/// Releases exactly `amount` held from `who` for `reason` (nothing for zero).
	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(
				&reason.into(),
				who,
				amount,
				frame_support::traits::tokens::Precision::Exact,
			)?;
		}
		Ok(())
	}
}
