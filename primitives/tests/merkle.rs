//! The Merkle commitment of storage deals against DESIGN.md's text: roots computed independently
//! (Python's hashlib, see below), a naive level-by-level reference, and property tests over random
//! files: every leaf proves and verifies, any flipped bit fails, streaming in any pieces agrees.

use depin_primitives::merkle::{
	challenge_index, leaf_count, leaf_hash, node_hash, prove, root, verify, Hash, Hasher, Prover,
	LEAF_SIZE,
};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	fn bytes(&mut self, n: usize) -> Vec<u8> {
		(0..n).map(|_| self.next() as u8).collect()
	}
}

/// The scheme as DESIGN.md states it, level by level, whole file in memory.
fn reference_root(data: &[u8]) -> Option<Hash> {
	if data.is_empty() {
		return None;
	}
	let mut level: Vec<Hash> = data
		.chunks(LEAF_SIZE)
		.map(|c| {
			let mut leaf = [0u8; LEAF_SIZE];
			leaf[..c.len()].copy_from_slice(c);
			leaf_hash(&leaf)
		})
		.collect();
	while level.len() > 1 {
		let mut next: Vec<Hash> =
			level.chunks(2).filter(|p| p.len() == 2).map(|p| node_hash(&p[0], &p[1])).collect();
		if level.len() % 2 == 1 {
			next.push(*level.last().unwrap());
		}
		level = next;
	}
	Some(level[0])
}

fn pattern(n: usize) -> Vec<u8> {
	(0..n).map(|i| ((i * 7 + 3) % 251) as u8).collect()
}

#[test]
fn roots_match_an_independent_implementation() {
	// Python: hashlib.blake2b(digest_size=32), leaves of 256 bytes zero-padded, 0x00/0x01
	// prefixes, the last node of an odd level moved up; data byte i = (7 i + 3) mod 251.
	let expected = [
		(1, "df893c5654ad46c2536027d2469c57b421197ea9c9f819d88ba98a843a7ade39"),
		(256, "ec0b7dfa247148a94873a4ef3db4180b7ea151075321ca0a578248b6fcc96dd1"),
		(257, "ea1093cf32f1e94829a4c419e4e50757b3c31fe15e5531320910d27bbea379e5"),
		(1000, "c5379e5ab89e68ae363871d4dae13b45dc4eb857e2890dc6a99422c1d5b4103b"),
		(1537, "93e779316131b98f7793886ec13ebdb1eeadd6d740c04b27ad812d21886e420f"),
	];
	for (n, hex) in expected {
		let got = root(&pattern(n)).unwrap();
		let got: String = got.iter().map(|b| format!("{b:02x}")).collect();
		assert_eq!(got, hex, "size {n}");
	}
}

#[test]
fn the_readme_example_gives_the_root_and_paths_it_states() {
	// pallets/storage-deals/README.md: 600 bytes, 3 leaves, the third moved up at level 0.
	let mut data: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
	data.extend([b'x'; 88]);
	let got: String = root(&data).unwrap().iter().map(|b| format!("{b:02x}")).collect();
	assert_eq!(got, "20187171d123c5cee28a290bc045d74c61e2bb81dd2fc20ece39f24546b5783d");
	let leaf = |i: usize| {
		let mut l = [0u8; LEAF_SIZE];
		let end = data.len().min((i + 1) * LEAF_SIZE);
		l[..end - i * LEAF_SIZE].copy_from_slice(&data[i * LEAF_SIZE..end]);
		leaf_hash(&l)
	};
	let (h0, h1, h2) = (leaf(0), leaf(1), leaf(2));
	assert_eq!(prove(&data, 2).unwrap().1, vec![node_hash(&h0, &h1)]);
	assert_eq!(prove(&data, 0).unwrap().1, vec![h1, h2]);
}

#[test]
fn an_empty_file_has_no_root_and_one_leaf_is_its_own_root() {
	assert_eq!(root(&[]), None);
	assert_eq!(leaf_count(0), None);
	assert!(Prover::new(0, 0).is_none());
	let data = pattern(100);
	let mut leaf = [0u8; LEAF_SIZE];
	leaf[..100].copy_from_slice(&data);
	assert_eq!(root(&data), Some(leaf_hash(&leaf)));
	let (l, path) = prove(&data, 0).unwrap();
	assert_eq!(l, leaf);
	assert!(path.is_empty());
	assert!(verify(&leaf_hash(&leaf), 100, 0, &leaf, &[]));
}

#[test]
fn random_files_every_leaf_verifies_and_any_flipped_bit_fails() {
	let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
	// Sizes around leaf and power-of-two boundaries, then random ones.
	let mut sizes =
		vec![1, 255, 256, 257, 511, 512, 513, 3 * 256, 5 * 256 + 1, 7 * 256, 33 * 256 - 1];
	sizes.extend((0..25).map(|_| 1 + rng.below(70 * 256) as usize));
	for size in sizes {
		let data = rng.bytes(size);
		let r = root(&data).unwrap();
		assert_eq!(Some(r), reference_root(&data), "size {size}");
		let count = leaf_count(size as u64).unwrap();
		assert_eq!(count, size.div_ceil(LEAF_SIZE) as u64);
		for index in 0..count {
			let (leaf, path) = prove(&data, index).unwrap();
			assert!(verify(&r, size as u64, index, &leaf, &path), "size {size} leaf {index}");
			// A flipped bit in the leaf.
			let mut bad = leaf;
			let bit = rng.below(LEAF_SIZE as u64 * 8) as usize;
			bad[bit / 8] ^= 1 << (bit % 8);
			assert!(!verify(&r, size as u64, index, &bad, &path));
			// In the path.
			if !path.is_empty() {
				let mut bad = path.clone();
				let i = rng.below(path.len() as u64) as usize;
				let bit = rng.below(256) as usize;
				bad[i][bit / 8] ^= 1 << (bit % 8);
				assert!(!verify(&r, size as u64, index, &leaf, &bad));
				// A path one hash short, or one too long.
				assert!(!verify(&r, size as u64, index, &leaf, &path[..path.len() - 1]));
			}
			let mut long = path.clone();
			long.push([0u8; 32]);
			assert!(!verify(&r, size as u64, index, &leaf, &long));
			// In the index.
			if count > 1 {
				let other = (index + 1 + rng.below(count - 1)) % count;
				let same_leaf = prove(&data, other).map(|(l, _)| l) == Some(leaf);
				if !same_leaf {
					assert!(!verify(&r, size as u64, other, &leaf, &path));
				}
			}
			assert!(!verify(&r, size as u64, count, &leaf, &path));
			// In the root.
			let mut bad = r;
			let bit = rng.below(256) as usize;
			bad[bit / 8] ^= 1 << (bit % 8);
			assert!(!verify(&bad, size as u64, index, &leaf, &path));
		}
	}
}

#[test]
fn streaming_in_any_pieces_agrees() {
	let mut rng = Rng(42);
	for _ in 0..20 {
		let size = 1 + rng.below(40 * 256) as usize;
		let data = rng.bytes(size);
		let index = rng.below(leaf_count(size as u64).unwrap());
		let mut hasher = Hasher::new();
		let mut prover = Prover::new(size as u64, index).unwrap();
		let mut rest = &data[..];
		while !rest.is_empty() {
			let n = (1 + rng.below(700) as usize).min(rest.len());
			hasher.update(&rest[..n]);
			prover.update(&rest[..n]);
			rest = &rest[n..];
		}
		assert_eq!(hasher.finish(), Some((root(&data).unwrap(), size as u64)));
		assert_eq!(prover.finish(), prove(&data, index));
	}
}

#[test]
fn a_prover_fed_the_wrong_size_gives_nothing() {
	let data = pattern(1000);
	let mut short = Prover::new(1001, 0).unwrap();
	short.update(&data);
	assert_eq!(short.finish(), None);
	let mut long = Prover::new(999, 0).unwrap();
	long.update(&data);
	assert_eq!(long.finish(), None);
	assert!(Prover::new(1000, 4).is_none());
}

#[test]
fn the_challenge_is_the_specified_hash_mod_the_leaf_count() {
	let seed: Hash = core::array::from_fn(|i| i as u8);
	// Python: int.from_bytes(blake2b(b"depin/challenge/v1" + seed + (5).to_bytes(8, "little")
	// + (9).to_bytes(8, "little"), digest_size=32)[:8], "little") % 7 == 3.
	assert_eq!(challenge_index(&seed, 5, 9, 7 * 256), Some(3));
	assert_eq!(challenge_index(&seed, 5, 9, 0), None);
	for period in 0..50 {
		let i = challenge_index(&seed, 1, period, 1000).unwrap();
		assert!(i < 4);
	}
}
