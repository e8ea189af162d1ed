//! The records of proof of coverage.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use depin_primitives::{Cell, EpochIndex};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::{Get, H256};

/// The 32 random bytes a beacon transmits over the air.
pub type Payload = [u8; 32];

/// A hotspot's antenna, as its owner declared it with `set_radio`.
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
pub struct Radio {
	/// Antenna gain in deci-dBi (dBi x 10).
	pub gain_ddbi: u16,
	/// The device's location when the profile was set: the profile is void once the device
	/// moves (`assert_location`), until the owner sets it again.
	pub location: Cell,
}

/// What proof of coverage keeps per hotspot: its radio and the times reciprocity is judged by.
/// Removed with the device's record.
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
pub struct Hotspot<BlockNumber> {
	/// The antenna; none until `set_radio`.
	pub radio: Option<Radio>,
	/// The epoch of its last beacon (one beacon per epoch).
	pub last_beacon_epoch: Option<EpochIndex>,
	/// The block of the reveal of its last beacon: a witness earns only with one in the last
	/// `ReciprocityWindow` blocks.
	pub last_beacon_at: Option<BlockNumber>,
	/// The block of the reveal that found its last valid witness: a beaconer earns only with
	/// one in the last `ReciprocityWindow` blocks.
	pub last_witness_at: Option<BlockNumber>,
}

impl<BlockNumber> Hotspot<BlockNumber> {
	/// The radio profile, if it was set at `location` (the device's present location).
	pub fn radio_at(&self, location: Cell) -> Option<Radio> {
		self.radio.filter(|r| r.location == location)
	}
}

/// A witness of a beacon, as stored until the reveal.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Witness<AccountId> {
	/// The witnessing hotspot.
	pub witness: AccountId,
	/// `blake2_256("depin/witness/v1" ‖ payload ‖ witness)`: checked at the reveal.
	pub heard: H256,
}

/// An open beacon: committed, witnessed, not yet revealed. At most one per hotspot.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxWitnesses))]
pub struct Beacon<AccountId, BlockNumber, MaxWitnesses: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The beaconer's owner when it beaconed (a witness of the same owner is refused).
	pub owner: AccountId,
	/// The epoch of the beacon.
	pub epoch: EpochIndex,
	/// `blake2_256("depin/beacon/v1" ‖ payload)`.
	pub commitment: H256,
	/// Transmit frequency in Hz.
	pub frequency_hz: u64,
	/// Radiated power in deci-dBm: `min(10 x tx_power_dbm + gain_ddbi, 10 x MaxEirpDbm)`.
	pub eirp_ddbm: i32,
	/// Where the beaconer was.
	pub location: Cell,
	/// The block of the beacon; witnesses until `submitted_at + WitnessWindow`, the reveal in
	/// the `RevealWindow` blocks after that.
	pub submitted_at: BlockNumber,
	/// The first `MaxWitnessesPerBeacon` witnesses that passed every check at submission, in
	/// inclusion order.
	pub witnesses: BoundedVec<Witness<AccountId>, MaxWitnesses>,
}

/// What became of a witness at the reveal.
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
pub enum Verdict {
	/// Valid, with a revealed beacon of its own in the reciprocity window: earned `points`.
	Rewarded {
		/// Points noted for the witness.
		points: u64,
	},
	/// Valid, but without a revealed beacon of its own in the reciprocity window: no points;
	/// the witness still counts for the beaconer's reciprocity.
	NoReciprocity,
	/// Its `heard` does not match the revealed payload: it did not receive the beacon.
	HeardMismatch,
	/// Suspended or gone since it witnessed.
	Inactive,
}

/// Proof of coverage's two windows, in blocks.
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
pub struct CoverageWindows<BlockNumber> {
	/// Blocks after a beacon during which witnesses are accepted (the beacon's own included).
	pub witness: BlockNumber,
	/// Blocks after the witness window during which the beaconer may reveal.
	pub reveal: BlockNumber,
}
