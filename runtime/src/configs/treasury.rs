//! The treasury account. There is no treasury pallet yet: fees (and, later, onboarding fees and
//! slashes) are paid to this keyless account, which governance can spend from with sudo.

use crate::AccountId;
use frame_support::{parameter_types, PalletId};
use sp_runtime::traits::AccountIdConversion;

parameter_types! {
	/// Id from which the treasury account is derived.
	pub const TreasuryPalletId: PalletId = PalletId(*b"dpn/trsy");
	/// The treasury account: receives transaction fees.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
}
