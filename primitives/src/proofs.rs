//! What device and maker keys sign, byte for byte. The runtime checks these payloads; the agent
//! and wallets build them. Each starts with a domain tag (so that a signature made for one
//! purpose is useless for another) and the genesis hash (so that it is useless on another chain).
//!
//! Both are plain SCALE encodings of fixed-size values, i.e. concatenations:
//!
//! | payload     | bytes                                                                        |
//! |-------------|------------------------------------------------------------------------------|
//! | possession  | `"depin/register/v2"` (17 ASCII) ‖ genesis hash (32) ‖ owner (32) ‖ device (32) ‖ registration (4, u32 LE) |
//! | maker       | `"depin/maker/v1"` (14 ASCII) ‖ genesis hash (32) ‖ device (32) ‖ kind (1)     |
//!
//! `kind` is the index of [`DeviceKind`]: Hotspot 0, StorageNode 1, EnergyMeter 2, Sensor 3.
//! `registration` is how many times the device key was registered before (the registry's
//! `Registrations` counter, kept after a record is removed): a proof is good for one
//! registration only, so a previous owner cannot replay an old proof to take back a device
//! whose record was withdrawn.
//! Keys sign the payload bytes themselves (not a hash, not wrapped in `<Bytes>`).
//!
//! Proof of coverage hashes (BLAKE2b-256) two more preimages, commit and reveal of a beacon:
//!
//! | preimage    | bytes                                                                        |
//! |-------------|------------------------------------------------------------------------------|
//! | commitment  | `"depin/beacon/v1"` (15 ASCII) ‖ payload (32)                                |
//! | heard       | `"depin/witness/v1"` (16 ASCII) ‖ payload (32) ‖ witness device (32)         |
//!
//! The payload is the 32 random bytes the beaconer transmits over the air. The commitment goes on
//! chain with the beacon; a witness that received the payload proves it with `heard`, which
//! names the witness, so that neither the commitment nor another witness's `heard` can be
//! copied; the beaconer reveals the payload after the witness window.

use crate::DeviceKind;
use alloc::vec::Vec;
use codec::Encode;

/// Domain tag of a device's proof that it consents to be registered by `owner`.
pub const POSSESSION_TAG: &[u8; 17] = b"depin/register/v2";
/// Domain tag of a maker's attestation that a device key belongs to its hardware.
pub const MAKER_TAG: &[u8; 14] = b"depin/maker/v1";

/// Domain tag of a beacon's commitment to its payload.
pub const BEACON_TAG: &[u8; 15] = b"depin/beacon/v1";
/// Domain tag of a witness's proof that it received a beacon's payload.
pub const WITNESS_TAG: &[u8; 16] = b"depin/witness/v1";

/// What a beaconer hashes (BLAKE2b-256) into the commitment of its beacon.
pub fn beacon_commitment_preimage(payload: &[u8; 32]) -> Vec<u8> {
	(BEACON_TAG, payload).encode()
}

/// What a witness hashes (BLAKE2b-256) into `heard`: the payload it received and its own id.
pub fn witness_heard_preimage<A: Encode>(payload: &[u8; 32], witness: &A) -> Vec<u8> {
	(WITNESS_TAG, payload, witness).encode()
}

/// What the device key signs to prove possession: consent to be registered by `owner`, for the
/// device's `registration`-th registration (0 for the first).
pub fn possession_payload<H: Encode, A: Encode>(
	genesis: &H,
	owner: &A,
	device: &A,
	registration: u32,
) -> Vec<u8> {
	(POSSESSION_TAG, genesis, owner, device, registration).encode()
}

/// What a maker signs to attest that `device` is genuine hardware of `kind`.
pub fn maker_payload<H: Encode, A: Encode>(genesis: &H, device: &A, kind: DeviceKind) -> Vec<u8> {
	(MAKER_TAG, genesis, device, kind).encode()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn payloads_are_plain_concatenations() {
		let (genesis, owner, device) = ([1u8; 32], [2u8; 32], [3u8; 32]);
		let p = possession_payload(&genesis, &owner, &device, 0x0403_0201);
		assert_eq!(p.len(), 17 + 96 + 4);
		assert_eq!(&p[..17], b"depin/register/v2");
		assert_eq!(&p[17..49], &genesis);
		assert_eq!(&p[49..81], &owner);
		assert_eq!(&p[81..113], &device);
		assert_eq!(&p[113..], &[1, 2, 3, 4]);

		let c = beacon_commitment_preimage(&[7u8; 32]);
		assert_eq!(c.len(), 15 + 32);
		assert_eq!(&c[..15], b"depin/beacon/v1");
		assert_eq!(&c[15..], &[7u8; 32]);
		let h = witness_heard_preimage(&[7u8; 32], &device);
		assert_eq!(h.len(), 16 + 64);
		assert_eq!(&h[..16], b"depin/witness/v1");
		assert_eq!(&h[16..48], &[7u8; 32]);
		assert_eq!(&h[48..], &device);

		let m = maker_payload(&genesis, &device, DeviceKind::EnergyMeter);
		assert_eq!(m.len(), 14 + 64 + 1);
		assert_eq!(&m[..14], b"depin/maker/v1");
		assert_eq!(&m[14..46], &genesis);
		assert_eq!(&m[46..78], &device);
		assert_eq!(m[78], 2);
	}
}
