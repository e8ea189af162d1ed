//! Money movements: affordability checks, fees to the treasury, slashes of held funds.

use crate::{pallet::*, BalanceOf};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};

impl<T: Config> Pallet<T> {
	/// Fails with `InsufficientBalance` unless `who` can spend `amount` and stay alive.
	pub(crate) fn ensure_can_pay(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		let spendable =
			T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
		ensure!(spendable >= amount, Error::<T>::InsufficientBalance);
		Ok(())
	}

	/// Pays `fee` from `who` to the treasury.
	pub(crate) fn pay_treasury(who: &T::AccountId, fee: BalanceOf<T>) -> DispatchResult {
		T::Currency::transfer(who, &T::Treasury::get(), fee, Preservation::Preserve)?;
		Ok(())
	}

	/// Moves exactly `amount` held from `who` for `reason` to the treasury.
	pub(crate) fn slash_to_treasury(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::transfer_on_hold(
			&reason.into(),
			who,
			&T::Treasury::get(),
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)?;
		Ok(())
	}

	/// Releases exactly `amount` held from `who` for `reason`.
	pub(crate) fn release_held(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::release(&reason.into(), who, amount, Precision::Exact)?;
		Ok(())
	}
}
