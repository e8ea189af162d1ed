//! Traits between pallets. The runtime wires implementations together; pallets see only these.

use crate::{Cell, DeviceKind, EpochIndex, Points, Service};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Where a device stands in the registry, as other pallets see it.
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
pub enum DeviceState {
	/// Registered and in good standing: may submit work and earn.
	Active,
	/// Suspended by governance: its work is refused and its held-back rewards are forfeit.
	Suspended,
	/// Deregistered by its owner; the deposit waits out the deregistration delay.
	Deregistered,
}

/// A device as other pallets see it.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct DeviceInfo<AccountId> {
	/// The account that registered (or accepted the transfer of) the device; it claims rewards.
	pub owner: AccountId,
	/// What the device is.
	pub kind: DeviceKind,
	/// Where it is: an H3 cell at resolution 12.
	pub location: Cell,
	/// Active, suspended or deregistered.
	pub state: DeviceState,
	/// The epoch in which it was registered.
	pub registered_epoch: EpochIndex,
}

/// Why a device may not do a kind's work: what [`DeviceRegistry::active_device`] refuses, so
/// that each service pallet can name the reason in its own `Error`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DeviceRefusal {
	/// No device of that id is registered.
	NotRegistered,
	/// The device is registered as another kind.
	WrongKind,
	/// The device is suspended by governance.
	Suspended,
	/// The device is deregistered (its deposit awaits withdrawal).
	Deregistered,
}

/// Resolution of the hexes whose devices [`DeviceRegistry::occupancy`] counts: about 0.74 km²
/// (Helium's density hexes for proof of coverage).
pub const OCCUPANCY_RESOLUTION: u8 = 8;

/// The resolution-8 hex of `location`: the key [`DeviceRegistry::occupancy`] counts by. `None`
/// only for a cell coarser than resolution 8 (device locations are resolution 12).
pub fn occupancy_hex(location: Cell) -> Option<u64> {
	crate::geo::parent(location.index(), OCCUPANCY_RESOLUTION).ok()
}

/// The device registry, for the pallets whose work devices do.
pub trait DeviceRegistry<AccountId> {
	/// The device `id`, if registered (including suspended and deregistered ones whose record
	/// still exists).
	fn device(id: &AccountId) -> Option<DeviceInfo<AccountId>>;

	/// Whether `id` is a registered device of `kind` in good standing.
	fn is_active(id: &AccountId, kind: DeviceKind) -> bool {
		Self::active_device(id, kind).is_ok()
	}

	/// The check of every device transaction: "signed by an active device of kind `kind`".
	/// The device's record if `id` is registered as `kind` and in good standing, else why not.
	/// One read.
	fn active_device(
		id: &AccountId,
		kind: DeviceKind,
	) -> Result<DeviceInfo<AccountId>, DeviceRefusal> {
		let info = Self::device(id).ok_or(DeviceRefusal::NotRegistered)?;
		if info.kind != kind {
			return Err(DeviceRefusal::WrongKind);
		}
		match info.state {
			DeviceState::Active => Ok(info),
			DeviceState::Suspended => Err(DeviceRefusal::Suspended),
			DeviceState::Deregistered => Err(DeviceRefusal::Deregistered),
		}
	}

	/// How many devices of `kind` are registered and not deregistered (suspended ones count)
	/// with a location in the resolution-8 hex `hex` ([`OCCUPANCY_RESOLUTION`]). O(1).
	fn occupancy(kind: DeviceKind, hex: u64) -> u32;

	/// The owner of device `id`.
	fn owner(id: &AccountId) -> Option<AccountId> {
		Self::device(id).map(|d| d.owner)
	}

	/// The location of device `id`.
	fn location(id: &AccountId) -> Option<Cell> {
		Self::device(id).map(|d| d.location)
	}

	/// Whole epochs since device `id` was registered.
	fn age_in_epochs(id: &AccountId) -> Option<EpochIndex>;
}

/// The registry of a runtime without devices: knows none.
impl<AccountId> DeviceRegistry<AccountId> for () {
	fn device(_: &AccountId) -> Option<DeviceInfo<AccountId>> {
		None
	}
	fn age_in_epochs(_: &AccountId) -> Option<EpochIndex> {
		None
	}
	fn occupancy(_: DeviceKind, _: u64) -> u32 {
		0
	}
}

/// Where services send the points their devices earn. Must be O(1).
pub trait RewardSink<AccountId> {
	/// Records `points` earned by `device` for `service` in the current epoch.
	fn note_points(service: Service, device: &AccountId, points: Points);
}

/// Drops every point: for runtimes and mocks without rewards.
impl<AccountId> RewardSink<AccountId> for () {
	fn note_points(_: Service, _: &AccountId, _: Points) {}
}

/// The chain's epoch clock.
pub trait EpochClock {
	/// The current epoch.
	fn current_epoch() -> EpochIndex;
}

/// A clock that stays at epoch 0.
impl EpochClock for () {
	fn current_epoch() -> EpochIndex {
		0
	}
}

/// Told of every change to a device's record that other pallets must react to at once:
/// suspension and reinstatement (the rewards pallet forfeits held-back rewards), a change of
/// owner and the removal of the record (what the device earned is settled to the owner who
/// held it then). Implemented for tuples to reach several pallets. Each method is O(1).
pub trait OnDeviceChange<AccountId> {
	/// `device`, owned by `owner`, was suspended.
	fn on_device_suspended(_device: &AccountId, _owner: &AccountId) {}
	/// `device` was reinstated.
	fn on_device_reinstated(_device: &AccountId) {}
	/// `device` changed owner, from `from` to `to`: what it earned so far belongs to `from`.
	fn on_owner_changed(_device: &AccountId, _from: &AccountId, _to: &AccountId) {}
	/// The record of `device`, last owned by `owner`, was removed (withdrawn or purged): what it
	/// earned belongs to `owner`; a later registration of the same key starts afresh.
	fn on_device_removed(_device: &AccountId, _owner: &AccountId) {}
}

impl<AccountId> OnDeviceChange<AccountId> for () {}

macro_rules! impl_on_device_change_for_tuple {
	($($t:ident),+) => {
		impl<AccountId, $($t: OnDeviceChange<AccountId>),+> OnDeviceChange<AccountId> for ($($t,)+) {
			fn on_device_suspended(device: &AccountId, owner: &AccountId) {
				$($t::on_device_suspended(device, owner);)+
			}
			fn on_device_reinstated(device: &AccountId) {
				$($t::on_device_reinstated(device);)+
			}
			fn on_owner_changed(device: &AccountId, from: &AccountId, to: &AccountId) {
				$($t::on_owner_changed(device, from, to);)+
			}
			fn on_device_removed(device: &AccountId, owner: &AccountId) {
				$($t::on_device_removed(device, owner);)+
			}
		}
	};
}
impl_on_device_change_for_tuple!(A);
impl_on_device_change_for_tuple!(A, B);
impl_on_device_change_for_tuple!(A, B, C);
impl_on_device_change_for_tuple!(A, B, C, D);
