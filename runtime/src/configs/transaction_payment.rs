//! `pallet_transaction_payment`: fees, paid to the treasury account.
//!
//! A fee is `weight (ps) x 1 planck + length (bytes) x 1 micro-DPN`, times a multiplier that
//! rises when blocks are more than a quarter full (spam costs more) and falls back when they are
//! not. A balance transfer costs about well under 0.01 DPN at the base multiplier.

use super::TreasuryAccount;
use crate::{constants::currency::MICRO_DPN, Balance, Balances, Runtime, RuntimeEvent};
use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU128, ConstU8},
	weights::{ConstantMultiplier, IdentityFee},
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{traits::Bounded, FixedPointNumber, Perquintill};

parameter_types! {
	/// Blocks a quarter full keep the fee multiplier where it is.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier follows congestion (Polkadot's value: x2.3 per day of full blocks).
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never fall below a tenth of the base fee.
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	/// No ceiling: under sustained spam, fees keep rising.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

/// The fee multiplier update used by the runtime.
pub type FeeMultiplierUpdate = TargetedFeeAdjustment<
	Runtime,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ResolveTo<TreasuryAccount, Balances>>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_DPN>>;
	type FeeMultiplierUpdate = FeeMultiplierUpdate;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}
