//! What the agent signs and hashes for the chain, built with the runtime's own payload functions
//! (`depin_primitives::proofs`), so that the bytes cannot drift from what the runtime verifies.

use crate::keys::Key;
use depin_primitives::{proofs, DeviceKind};
use sp_crypto_hashing::blake2_256;
use subxt::utils::MultiSignature;

/// The device's consent to be registered by `owner` for its `registration`-th registration
/// (the registry's `Registrations` counter of the device), on the chain of `genesis`.
pub fn possession_proof(
	genesis: &[u8; 32],
	owner: &[u8; 32],
	device: &Key,
	registration: u32,
) -> MultiSignature {
	device.sign(&proofs::possession_payload(genesis, owner, &device.public(), registration))
}

/// A maker's attestation that `device` is its hardware of `kind`.
pub fn maker_signature(
	genesis: &[u8; 32],
	device: &[u8; 32],
	kind: DeviceKind,
	maker: &Key,
) -> MultiSignature {
	maker.sign(&proofs::maker_payload(genesis, device, kind))
}

/// The commitment of a beacon to its over-the-air payload.
pub fn beacon_commitment(payload: &[u8; 32]) -> [u8; 32] {
	blake2_256(&proofs::beacon_commitment_preimage(payload))
}

/// A witness's proof that it received `payload`: names the witness, so it cannot be copied.
pub fn witness_heard(payload: &[u8; 32], witness: &[u8; 32]) -> [u8; 32] {
	blake2_256(&proofs::witness_heard_preimage(payload, witness))
}
