//! The configuration of every pallet in the runtime, one module per pallet.
//!
//! The depin pallets' modules (device registry, rewards and authorship, proof of coverage,
//! storage deals, energy settlement), those of balances, transaction payment, sudo, utility and
//! the treasury account, and `system_shared.rs` (frame_system: all but the block weights, the
//! database weights and the code-upgrade hook, which `system.rs` names) are also the parachain
//! runtime's (`para-runtime/src/configs.rs` includes these very files by `#[path]`): one place
//! defines each pallet's configuration for both chains. They name only what both runtimes have
//! (`crate::Runtime`, the pallets, `crate::constants`). System's weights, Aura, timestamp,
//! authorship, GRANDPA and the validator set are the solo chain's own.

mod aura;
mod authorship;
mod balances;
mod device_registry;
mod energy_settlement;
mod grandpa;
mod proof_of_coverage;
mod rewards;
mod storage_deals;
mod sudo;
mod system;
mod system_shared;
mod timestamp;
mod transaction_payment;
pub mod treasury;
mod utility;
mod validators;

pub use device_registry::{DeviceDeposit, LocationFee, MakerBond, OnboardingFee};
pub use rewards::{HoldbackEpochs, HoldbackRatio, InitialEmission};
pub use system::RuntimeBlockWeights;
pub use system_shared::RuntimeBlockLength;
pub use treasury::TreasuryAccount;
pub use validators::{HistoryDepth, KeyDeposit, MaxValidators};
