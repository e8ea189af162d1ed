//! `pallet_grandpa`: the finality gadget's authority set, which follows the session, and its
//! equivocation reports: checked against a key-ownership proof of the historical session,
//! handled by the validator set (the offender leaves the next session's set).

use super::validators::{HistoryDepth, MaxValidators};
use crate::{
	constants::time::DAYS, Historical, Runtime, RuntimeCall, RuntimeEvent, UncheckedExtrinsic,
	ValidatorSet,
};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// How long (blocks) an equivocation report stays valid in the pool: a week, the history
	/// kept with hourly sessions.
	pub const ReportLongevity: u64 = 7 * DAYS as u64;
	/// GRANDPA sets whose session is remembered for reports: one per session kept, and two more
	/// (a report needs its set's entry and the previous one), so that every session whose
	/// historical root is kept can be reported.
	pub MaxSetIdSessionEntries: u64 = u64::from(HistoryDepth::get()) + 2;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxValidators;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, ValidatorSet, Historical, ReportLongevity>;
}

/// Unsigned transactions the runtime creates itself (a node's GRANDPA voter reports the
/// equivocations it sees this way; only its own pool accepts them).
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}
