//! Weights for `pallet_validator_set`: provisional until `scripts/bench.sh pallet_validator_set`
//! regenerates this file from measurements.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_validator_set`.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn set_minimum_validators() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn rotate_session(v: u32, ) -> Weight;
}

/// Weights for `pallet_validator_set` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(3, 1))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(3, 1))
	}
	fn set_minimum_validators() -> Weight {
		Weight::from_parts(20_000_000, 2000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_000_000, 500).saturating_add(T::DbWeight::get().reads(1))
	}
	fn rotate_session(v: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10000)
			.saturating_add(Weight::from_parts(20_000_000, 3000).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
			.saturating_add(T::DbWeight::get().reads(2_u64.saturating_mul(v.into())))
	}
}

// For tests.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(3, 1))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(3, 1))
	}
	fn set_minimum_validators() -> Weight {
		Weight::from_parts(20_000_000, 2000).saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_000_000, 500).saturating_add(ParityDbWeight::get().reads(1))
	}
	fn rotate_session(v: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10000)
			.saturating_add(Weight::from_parts(20_000_000, 3000).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(20, 20))
	}
}
