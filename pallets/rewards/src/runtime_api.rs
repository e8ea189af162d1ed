//! `RewardsApi`: what a wallet or explorer asks about rewards, free of fees.

use crate::{EpochInfo, PendingRewards};
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Rewards of devices and the epoch clock.
	pub trait RewardsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// What the owner of `device` can claim now, what is held back, and the device's points
		/// in the epoch in progress.
		fn pending_rewards(device: AccountId) -> PendingRewards<Balance>;

		/// The epoch in progress: index, length, start, blocks left, emission, split, points.
		fn epoch_info() -> EpochInfo<Balance, BlockNumber>;
	}
}
