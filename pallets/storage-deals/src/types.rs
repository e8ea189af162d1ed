//! The records of storage deals: asks, providers, deals and their progress.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::{Get, H256};

/// A proving period's index: `block / ProvingPeriod`.
pub type Period = u64;

/// A deal's id: assigned in order from 0, never reused.
pub type DealId = u64;

/// What a storage node offers: the least price it takes, per byte and proving period; the
/// shortest and longest deal, in proving periods; the bytes it will store in all.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Ask<Balance> {
	/// Least price per byte and proving period (a "byte-epoch"), in planck.
	pub price: Balance,
	/// Shortest deal accepted, in proving periods (at least 1).
	pub min_duration: u32,
	/// Longest deal accepted, in proving periods.
	pub max_duration: u32,
	/// Bytes the node stores in all, over its accepted deals.
	pub capacity: u64,
}

/// A storage node's record: its ask and its accepted, open deals.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxDeals))]
pub struct Provider<Balance: Clone + PartialEq + Eq + core::fmt::Debug, MaxDeals: Get<u32>> {
	/// Its ask; `None` after `clear_ask` (open deals go on).
	pub ask: Option<Ask<Balance>>,
	/// Bytes of its open accepted deals.
	pub used: u64,
	/// Its open accepted deals (the index of `Deals` by provider).
	pub deals: BoundedVec<DealId, MaxDeals>,
}

impl<Balance: Clone + PartialEq + Eq + core::fmt::Debug, MaxDeals: Get<u32>> Default
	for Provider<Balance, MaxDeals>
{
	fn default() -> Self {
		Self { ask: None, used: 0, deals: BoundedVec::new() }
	}
}

/// How an accepted deal's periods stand. Periods before `judged` are judged (proven or fault);
/// the money of proven periods moves at `settle_deal` (`paid`), that of faults at the next
/// settlement (`faults_settled`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Progress {
	/// First proving period of the deal (the one after acceptance).
	pub start: Period,
	/// Periods before this one are judged.
	pub judged: Period,
	/// Periods proven.
	pub proven: u32,
	/// Proven periods paid to the provider.
	pub paid: u32,
	/// Periods judged faults (no proof in the period).
	pub faults: u32,
	/// Faults whose penalty went to the client and whose price was refunded.
	pub faults_settled: u32,
	/// Faults since the last proof (or the start): `MaxConsecutiveFaults` terminates the deal.
	pub consecutive: u32,
}

impl Progress {
	/// The first period after a deal of `duration` periods with this progress.
	pub fn end(&self, duration: u32) -> Period {
		self.start.saturating_add(duration as u64)
	}
}

/// A deal waits for the provider, or runs.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum DealState<BlockNumber> {
	/// Proposed by the client; the provider may accept it until `expires_at` (inclusive).
	Proposed {
		/// Last block at which it may be accepted.
		expires_at: BlockNumber,
	},
	/// Accepted: the provider proves it every period.
	Active(Progress),
}

/// A storage deal: `size` bytes committed to by `root`, stored by the storage node `provider`
/// for `duration` proving periods at `price` per byte and period.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Deal<AccountId, Balance, BlockNumber> {
	/// Who buys the storage; its payment and deposit are held.
	pub client: AccountId,
	/// The storage node (device) that stores and proves the file.
	pub provider: AccountId,
	/// The provider's owner: at the proposal, then the account that accepted (its collateral
	/// is held, and it is paid).
	pub owner: AccountId,
	/// Merkle root of the file (`depin_primitives::merkle`).
	pub root: H256,
	/// Size of the file in bytes (leaves: `ceil(size / 256)`).
	pub size: u64,
	/// Proving periods the deal runs.
	pub duration: u32,
	/// Price per byte and proving period.
	pub price: Balance,
	/// Price of one period: `price × size`.
	pub per_period: Balance,
	/// Collateral the provider holds while the deal runs.
	pub collateral: Balance,
	/// What is left of the collateral after fault penalties.
	pub collateral_left: Balance,
	/// The client's deposit for the deal's storage, returned when the deal is removed.
	pub deposit: Balance,
	/// Proposed or running.
	pub state: DealState<BlockNumber>,
}

/// Where a deal stands, for the runtime API.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum DealPhase {
	/// Waiting for the provider's acceptance.
	Proposed,
	/// Proposed, past its acceptance window: anyone may cancel it (refunding the client).
	Expired,
	/// Accepted; its first period has not begun.
	Pending,
	/// Running: the provider proves each period.
	Running,
	/// Every period is judged; the next settlement completes it.
	Ended,
	/// `MaxConsecutiveFaults` periods in a row unproven: the next settlement or `report_fault`
	/// terminates it.
	Terminable,
}

/// A deal as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct DealStatus<AccountId, Balance, BlockNumber> {
	/// The deal's record.
	pub deal: Deal<AccountId, Balance, BlockNumber>,
	/// Where it stands.
	pub phase: DealPhase,
	/// The proving period in progress.
	pub current_period: Period,
	/// The challenge the provider must answer now: `(period, leaf index)`, while the period in
	/// progress is one of the deal's and is not proven yet.
	pub challenge: Option<(Period, u64)>,
	/// Periods a settlement would judge as faults now (the unproven ones before the current).
	pub pending_faults: u32,
	/// What `settle_deal` would pay the provider now.
	pub settle_pays: Balance,
	/// What a settlement would move to the client now: fault penalties, the refunded price of
	/// fault periods (of every unproven period, on a termination) and, when the settlement
	/// ends the deal, its deposit.
	pub client_gets: Balance,
}
