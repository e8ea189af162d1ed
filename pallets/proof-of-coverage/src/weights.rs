//! Weights for `pallet_proof_of_coverage`: placeholder until `scripts/bench.sh` regenerates it.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_proof_of_coverage`.
pub trait WeightInfo {
	fn set_radio() -> Weight;
	fn submit_beacon() -> Weight;
	fn submit_witness() -> Weight;
	fn reveal_beacon(n: u32, ) -> Weight;
	fn set_max_eirp() -> Weight;
	fn cleanup(n: u32, ) -> Weight;
}

/// Weights for `pallet_proof_of_coverage` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_radio() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn submit_beacon() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn submit_witness() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn reveal_beacon(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(Weight::from_parts(50_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn set_max_eirp() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn cleanup(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(Weight::from_parts(50_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
}

// For tests: the same with ParityDB weights.
impl WeightInfo for () {
	fn set_radio() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5))
	}
	fn submit_beacon() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5))
	}
	fn submit_witness() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5))
	}
	fn reveal_beacon(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(Weight::from_parts(50_000_000, 3_000).saturating_mul(n.into())).saturating_add(ParityDbWeight::get().reads_writes(5, 5))
	}
	fn set_max_eirp() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5))
	}
	fn cleanup(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(Weight::from_parts(50_000_000, 3_000).saturating_mul(n.into())).saturating_add(ParityDbWeight::get().reads_writes(5, 5))
	}
}
