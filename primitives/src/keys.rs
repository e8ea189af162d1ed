//! Weak public keys: encodings that "verify" signatures nobody made.
//!
//! Device and maker accounts are public keys (sr25519 or ed25519). Two kinds of encodings must
//! never be accepted as such keys, because a signature check against them proves nothing:
//! - ed25519 points of small order (orders 1, 2, 4 and 8). Under the ZIP-215 rules that
//!   `ed25519-zebra` (and so `sp_core::ed25519`) implements, a signature `(R, 0)` with `R` of small
//!   order verifies any message for such a key. There are 8 such points; with the sign bit and
//!   the non-canonical encodings of `y >= p`, they have 14 encodings, all caught by the 7 values
//!   below with the sign bit (bit 255) ignored (libsodium's `has_small_order` table).
//! - the sr25519 (ristretto255) identity, encoded as 32 zero bytes: schnorrkel verifies
//!   `(identity, 0)` for it. Ristretto255 has no other points of small order.
//!
//! The all-zero encoding is in both sets. No one can hold the secret key of any of these, so
//! refusing them costs an honest user nothing.

/// The small-order ed25519 encodings with bit 255 (the sign of x) cleared, and the ristretto
/// identity (the first entry).
const WEAK: [[u8; 32]; 7] = [
	// y = 0: order 4 (and the ristretto identity).
	[0; 32],
	// y = 1: the identity, order 1.
	[
		1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0,
	],
	// Order 8.
	[
		0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98,
		0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53,
		0xfc, 0x05,
	],
	// Order 8.
	[
		0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67,
		0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac,
		0x03, 0x7a,
	],
	// y = p - 1 = -1: order 2.
	[
		0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0x7f,
	],
	// y = p (non-canonical 0): order 4.
	[
		0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0x7f,
	],
	// y = p + 1 (non-canonical 1): order 1.
	[
		0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0x7f,
	],
];

/// Whether `key` is a weak public key (see the module documentation): the ristretto identity or
/// any encoding of an ed25519 point of small order. Constant work: 7 comparisons.
pub fn is_weak_key(key: &[u8; 32]) -> bool {
	let mut masked = *key;
	masked[31] &= 0x7f;
	WEAK.iter().any(|weak| *weak == masked)
}

/// Every weak encoding: the 7 table entries, each also with bit 255 set (14 values). For tests
/// that prove each one is refused and really forges signatures.
pub fn weak_keys() -> impl Iterator<Item = [u8; 32]> {
	WEAK.iter().flat_map(|weak| {
		let mut signed = *weak;
		signed[31] |= 0x80;
		[*weak, signed]
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn table_entries_and_their_sign_twins_are_weak() {
		let all: alloc::vec::Vec<[u8; 32]> = weak_keys().collect();
		assert_eq!(all.len(), 14);
		assert!(all.iter().all(is_weak_key));
	}

	#[test]
	fn ordinary_keys_are_not_weak() {
		// Alice's sr25519 public key and a key one bit away from a weak one.
		let alice = [
			0xd4, 0x35, 0x93, 0xc7, 0x15, 0xfd, 0xd3, 0x1c, 0x61, 0x14, 0x1a, 0xbd, 0x04, 0xa9,
			0x9f, 0xd6, 0x82, 0x2c, 0x85, 0x58, 0x85, 0x4c, 0xcd, 0xe3, 0x9a, 0x56, 0x84, 0xe7,
			0xa5, 0x6d, 0xa2, 0x7d,
		];
		assert!(!is_weak_key(&alice));
		let mut near = [0u8; 32];
		near[0] = 2;
		assert!(!is_weak_key(&near));
	}
}
