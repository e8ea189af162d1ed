//! The configuration of every pallet in the parachain runtime, one module per pallet.
//!
//! The depin pallets, balances, transaction payment, sudo, utility, the treasury account and
//! frame_system (all but the block weights, the database weights and the code-upgrade hook) are
//! configured by the solo runtime's files, included here by `#[path]` (one place defines each
//! pallet's configuration for both chains). The modules in `configs/` are what a parachain does
//! differently: system's weights, timestamp, Aura, authorship, session and collator selection,
//! the parachain pallets, XCM.

#[path = "../../runtime/src/configs/balances.rs"]
mod balances;
#[path = "../../runtime/src/configs/device_registry.rs"]
mod device_registry;
#[path = "../../runtime/src/configs/energy_settlement.rs"]
mod energy_settlement;
#[path = "../../runtime/src/configs/proof_of_coverage.rs"]
mod proof_of_coverage;
#[path = "../../runtime/src/configs/rewards.rs"]
mod rewards;
#[path = "../../runtime/src/configs/storage_deals.rs"]
mod storage_deals;
#[path = "../../runtime/src/configs/sudo.rs"]
mod sudo;
#[path = "../../runtime/src/configs/system_shared.rs"]
mod system_shared;
#[path = "../../runtime/src/configs/transaction_payment.rs"]
mod transaction_payment;
#[path = "../../runtime/src/configs/treasury.rs"]
pub mod treasury;
#[path = "../../runtime/src/configs/utility.rs"]
mod utility;

mod aura;
mod authorship;
mod collators;
mod parachain;
mod system;
mod timestamp;
mod xcm_config;

pub use parachain::ConsensusHook;

pub use collators::{CandidacyBond, SessionLength};
pub use device_registry::{DeviceDeposit, LocationFee, MakerBond, OnboardingFee};
pub use rewards::{HoldbackEpochs, HoldbackRatio, InitialEmission};
pub use system::RuntimeBlockWeights;
pub use system_shared::RuntimeBlockLength;
pub use treasury::TreasuryAccount;
