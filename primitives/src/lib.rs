//! # depin-primitives
//!
//! What the DePIN chain's pallets share, so that no pallet depends on another's crate:
//! - types: [`DeviceKind`], [`Service`], [`Cell`] (an H3 cell index, validated), [`EpochIndex`];
//! - [`proofs`]: the exact bytes device and maker keys sign;
//! - traits the runtime wires between pallets: [`DeviceRegistry`], [`RewardSink`],
//!   [`EpochClock`] and the device-change hook [`OnDeviceChange`];
//! - [`geo`]: H3 grid distance, cell-centre distance and free-space path loss, integer only;
//! - [`keys`]: refusal of weak public keys (the identity and small-order points);
//! - [`energy`]: the netting formula of an energy interval (one meter's bill), pure;
//! - [`merkle`]: the Merkle commitment of stored files (root, streaming proofs, verification,
//!   the proving challenge), exactly as DESIGN.md specifies it;
//! - [`testing`] (std only): in-memory implementations of those traits for pallet mocks.
//!
//! `no_std`: used by the runtime (wasm), the node and the device agent alike.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod cell;
pub mod energy;
pub mod geo;
pub mod keys;
pub mod merkle;
pub mod proofs;
#[cfg(feature = "std")]
pub mod testing;
pub mod traits;

pub use cell::{Cell, CellError};
pub use traits::{
	occupancy_hex, DeviceInfo, DeviceRefusal, DeviceRegistry, DeviceState, EpochClock,
	OnDeviceChange, RewardSink, OCCUPANCY_RESOLUTION,
};

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A device is identified by its own public key, i.e. its account: it signs its own reports.
pub type DeviceId<AccountId> = AccountId;

/// Index of an epoch (`EpochLength` blocks; rewards are computed per epoch).
pub type EpochIndex = u32;

/// Reward points a service notes for a device's work in an epoch.
pub type Points = u64;

/// What a device is. One identity serves every service; the kind says which services accept it.
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
	PartialOrd,
	Ord,
	Debug,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DeviceKind {
	/// A wireless hotspot: proves radio coverage with beacons and witnesses.
	Hotspot,
	/// A storage node: stores clients' data and proves it with Merkle spot checks.
	StorageNode,
	/// An energy meter: reports production and consumption in a grid zone.
	EnergyMeter,
	/// A sensor: reports measurements.
	Sensor,
}

impl DeviceKind {
	/// Every kind, in declaration order.
	pub const ALL: [DeviceKind; 4] =
		[DeviceKind::Hotspot, DeviceKind::StorageNode, DeviceKind::EnergyMeter, DeviceKind::Sensor];
}

/// A service of the chain that pays devices for work.
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
	PartialOrd,
	Ord,
	Debug,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Service {
	/// Radio coverage (proof of coverage).
	Coverage,
	/// Proven storage (storage deals).
	Storage,
	/// Locally delivered energy (energy settlement).
	Energy,
}

impl Service {
	/// Every service, in declaration order.
	pub const ALL: [Service; 3] = [Service::Coverage, Service::Storage, Service::Energy];
}
