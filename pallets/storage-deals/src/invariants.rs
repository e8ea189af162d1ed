//! `try_state`: the storage deals' invariants, checked after every test, by try-runtime and by the runtime fuzzer (fuzz/).

use crate::{pallet::*, BalanceOf, DealState};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, InspectHold},
		Get,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// - held amounts equal what open deals owe: per client, the payment held is the price of
	///   every period neither paid nor refunded and the deposit held is the deposits of its
	///   deals; per provider owner, the collateral held is what is left of its running deals';
	/// - the indexes equal the deals: each client's list holds exactly its deals, each
	///   provider's list exactly its running deals, and its `used` their sizes;
	/// - every deal id is below `NextDealId`; every running deal's counters are consistent
	///   (judged periods = proven + faults, paid <= proven, settled faults <= faults, judged
	///   within the deal);
	/// - at most `SeedHistory` seeds are kept.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextDealId::<T>::get();
		let mut payment: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut collateral: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut by_client: BTreeMap<T::AccountId, alloc::vec::Vec<u64>> = BTreeMap::new();
		let mut by_provider: BTreeMap<T::AccountId, (alloc::vec::Vec<u64>, u64)> = BTreeMap::new();
		for (id, deal) in Deals::<T>::iter() {
			ensure!(id < next, "a deal id at or above NextDealId");
			ensure!(deal.size > 0 && deal.size <= T::MaxDealSize::get(), "deal size out of range");
			let periods_held = match deal.state {
				DealState::Proposed { .. } => deal.duration,
				DealState::Active(p) => {
					let end = p.end(deal.duration);
					ensure!(p.start <= p.judged && p.judged <= end, "judged outside the deal");
					ensure!(
						p.judged - p.start == p.proven as u64 + p.faults as u64,
						"judged periods are not proven + faults"
					);
					ensure!(p.paid <= p.proven, "paid more periods than proven");
					ensure!(p.faults_settled <= p.faults, "settled more faults than found");
					ensure!(p.consecutive <= p.faults, "more consecutive faults than faults");
					ensure!(deal.collateral_left <= deal.collateral, "collateral grew");
					ensure!(
						deal.collateral_left >= T::Currency::minimum_balance(),
						"penalties took the owner's collateral below the existential deposit"
					);
					let c = collateral.entry(deal.owner.clone()).or_insert_with(Zero::zero);
					*c = c.saturating_add(deal.collateral_left);
					let e = by_provider.entry(deal.provider.clone()).or_default();
					e.0.push(id);
					e.1 = e.1.saturating_add(deal.size);
					deal.duration.saturating_sub(p.paid).saturating_sub(p.faults_settled)
				}
			};
			let owed = deal.per_period.saturating_mul(periods_held.into());
			let x = payment.entry(deal.client.clone()).or_insert_with(Zero::zero);
			*x = x.saturating_add(owed);
			let d = deposits.entry(deal.client.clone()).or_insert_with(Zero::zero);
			*d = d.saturating_add(deal.deposit);
			by_client.entry(deal.client.clone()).or_default().push(id);
		}
		for (who, owed) in &payment {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::DealPayment.into(), who) == *owed,
				"a client's held payment differs from what its deals owe"
			);
		}
		for (who, owed) in &deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::DealDeposit.into(), who) == *owed,
				"a client's held deposit differs from its deals' deposits"
			);
		}
		for (who, owed) in &collateral {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::DealCollateral.into(), who) == *owed,
				"an owner's held collateral differs from its running deals'"
			);
		}
		let mut clients = 0usize;
		for (client, ids) in ClientDeals::<T>::iter() {
			clients += 1;
			let mut listed = ids.into_inner();
			listed.sort();
			let mut actual = by_client.get(&client).cloned().unwrap_or_default();
			actual.sort();
			ensure!(listed == actual, "a client's index differs from its deals");
			ensure!(!listed.is_empty(), "an empty client index kept");
		}
		ensure!(clients == by_client.len(), "a client with deals has no index");
		let mut providers_with_deals = 0usize;
		for (device, record) in Providers::<T>::iter() {
			let mut listed = record.deals.clone().into_inner();
			listed.sort();
			let (mut actual, used) = by_provider.get(&device).cloned().unwrap_or_default();
			actual.sort();
			ensure!(listed == actual, "a provider's index differs from its running deals");
			ensure!(record.used == used, "a provider's used bytes differ from its deals'");
			ensure!(record.ask.is_some() || !listed.is_empty(), "an empty provider record kept");
			if !listed.is_empty() {
				providers_with_deals += 1;
			}
		}
		ensure!(providers_with_deals == by_provider.len(), "a provider with deals has no record");
		ensure!(
			PeriodSeeds::<T>::iter_keys().count() <= T::SeedHistory::get() as usize,
			"more seeds kept than SeedHistory"
		);
		Ok(())
	}
}
