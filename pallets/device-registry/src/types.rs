//! The registry's records: devices, makers, kind policies.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use depin_primitives::{Cell, DeviceKind, DeviceState, EpochIndex};
use frame_support::{traits::fungible, BoundedVec};
use scale_info::TypeInfo;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as crate::Config>::Currency as fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// A device record as stored.
pub type DeviceOf<T> = Device<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A maker record as stored.
pub type MakerOf<T> = Maker<BalanceOf<T>, MakerNameOf<T>>;

/// A maker's display name, bounded.
pub type MakerNameOf<T> = BoundedVec<u8, <T as crate::Config>::MaxMakerNameLen>;

/// Why governance suspended a device (Helium's denylist reasons).
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
pub enum SuspensionReason {
	/// The hardware is not what its maker attestation claims.
	FakeHardware,
	/// The device reports from somewhere other than its asserted location.
	LocationSpoofing,
	/// The device colludes with others to fake witnesses or readings.
	Collusion,
	/// Any other abuse, documented off chain.
	Other,
}

/// A suspension in force.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Suspension<BlockNumber> {
	/// Why.
	pub reason: SuspensionReason,
	/// Since which block.
	pub since: BlockNumber,
}

/// A registered device. Encoded size is bounded well under 512 bytes (a test checks
/// `max_encoded_len`).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Device<AccountId, Balance, BlockNumber> {
	/// Who registered it (or accepted its transfer): pays its deposit and claims its rewards.
	pub owner: AccountId,
	/// What it is.
	pub kind: DeviceKind,
	/// Where it is: an H3 cell at resolution 12.
	pub location: Cell,
	/// The deposit held from the owner for this record (less any slash).
	pub deposit: Balance,
	/// The maker that attested the hardware, if any.
	pub maker: Option<AccountId>,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Epoch of registration (the device's age counts from it).
	pub registered_epoch: EpochIndex,
	/// Block of the last location change (registration counts as one).
	pub location_changed_at: BlockNumber,
	/// Set while governance has the device suspended.
	pub suspension: Option<Suspension<BlockNumber>>,
	/// Set once the owner deregistered it: the first block at which the deposit can be
	/// withdrawn, fixed when it deregistered (a later change of `DeregistrationDelay` moves no
	/// pending exit).
	pub withdrawable_at: Option<BlockNumber>,
	/// The owner's offer of the device to another account, until it is accepted, cancelled or
	/// expires.
	pub transfer_offer: Option<TransferOffer<AccountId, BlockNumber>>,
}

/// An owner's offer of a device to another account.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct TransferOffer<AccountId, BlockNumber> {
	/// The account that may accept it.
	pub to: AccountId,
	/// The last block at which it may be accepted.
	pub expires_at: BlockNumber,
}

/// Why a transfer offer ended without being accepted.
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
pub enum OfferEnd {
	/// The owner cancelled it.
	Cancelled,
	/// The owner made a new offer to another account.
	Replaced,
	/// Governance suspended the device.
	Suspended,
	/// The owner deregistered the device.
	Deregistered,
}

impl<AccountId, Balance, BlockNumber> Device<AccountId, Balance, BlockNumber> {
	/// The device's standing, as other pallets see it. A suspension outranks a deregistration:
	/// both stop the device's work, but only a suspension blocks the deposit's withdrawal.
	pub fn state(&self) -> DeviceState {
		if self.suspension.is_some() {
			DeviceState::Suspended
		} else if self.withdrawable_at.is_some() {
			DeviceState::Deregistered
		} else {
			DeviceState::Active
		}
	}
}

/// Whether a maker may attest new devices.
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
pub enum MakerStatus {
	/// Applied with its bond held; waits for governance's approval before it may attest.
	Applied,
	/// Approved: its attestations are accepted; its bond is held.
	Active,
	/// Removed by governance: no new attestations; devices it attested keep working. The record
	/// stays so that those devices' maker remains known.
	Removed,
}

/// An approved hardware vendor.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Maker<Balance, Name> {
	/// Display name.
	pub name: Name,
	/// Bond held from the maker's account (less any slash, until topped up); zero once removed.
	pub bond: Balance,
	/// Active or removed.
	pub status: MakerStatus,
}

/// A maker's attestation that a device key belongs to its hardware: the maker's account and its
/// signature over [`depin_primitives::proofs::maker_payload`].
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct MakerAttestation<AccountId, Signature> {
	/// The approved maker's account.
	pub maker: AccountId,
	/// Its signature over the maker payload.
	pub signature: Signature,
}
