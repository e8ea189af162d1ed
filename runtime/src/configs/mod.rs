//! The configuration of every pallet in the runtime, one module per pallet.

mod aura;
mod balances;
mod device_registry;
mod energy_settlement;
mod grandpa;
mod proof_of_coverage;
mod rewards;
mod storage_deals;
mod sudo;
mod system;
mod timestamp;
mod transaction_payment;
mod utility;
mod validators;

pub use device_registry::{DeviceDeposit, LocationFee, MakerBond, OnboardingFee};
pub use rewards::{HoldbackEpochs, HoldbackRatio, InitialEmission};
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
pub use treasury::TreasuryAccount;
pub use validators::{HistoryDepth, KeyDeposit, MaxValidators};

/// The treasury account. There is no treasury pallet yet: fees (and, later, onboarding fees and
/// slashes) are paid to this keyless account, which governance can spend from with sudo.
pub mod treasury {
	use crate::AccountId;
	use frame_support::{parameter_types, PalletId};
	use sp_runtime::traits::AccountIdConversion;

	parameter_types! {
		/// Id from which the treasury account is derived.
		pub const TreasuryPalletId: PalletId = PalletId(*b"dpn/trsy");
		/// The treasury account: receives transaction fees.
		pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	}
}
