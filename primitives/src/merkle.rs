//! The Merkle commitment of a stored file, exactly as DESIGN.md ("Storage deals") specifies it,
//! so that any software can compute the same root:
//!
//! - the file is cut into [`LEAF_SIZE`] (256) byte leaves, the last one zero-padded; a 0-byte
//!   file has no root;
//! - leaf hash `blake2_256(0x00 ‖ leaf)`, node hash `blake2_256(0x01 ‖ left ‖ right)`;
//! - on a level with an odd count of nodes the last one moves up unchanged (never duplicated);
//! - the root of a one-leaf file is its leaf hash.
//!
//! A proof of leaf `index` is the list of sibling hashes from the leaf level up, skipping the
//! levels where the node moves up unchanged. [`Hasher`] and [`Prover`] take the file in pieces of
//! any size, keeping O(log n) hashes: a 32 GiB file never sits in memory.

use alloc::vec::Vec;
use sp_crypto_hashing::blake2_256;

/// Bytes per leaf.
pub const LEAF_SIZE: usize = 256;

/// A 32-byte BLAKE2b hash.
pub type Hash = [u8; 32];

/// `blake2_256(0x00 ‖ leaf)`.
pub fn leaf_hash(leaf: &[u8; LEAF_SIZE]) -> Hash {
	let mut buf = [0u8; LEAF_SIZE + 1];
	if let Some(rest) = buf.get_mut(1..) {
		rest.copy_from_slice(leaf);
	}
	blake2_256(&buf)
}

/// `blake2_256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
	let mut buf = [0u8; 65];
	buf[0] = 1;
	buf[1..33].copy_from_slice(left);
	buf[33..].copy_from_slice(right);
	blake2_256(&buf)
}

/// Leaves of a file of `size` bytes: `ceil(size / 256)`; `None` for an empty file.
pub fn leaf_count(size: u64) -> Option<u64> {
	if size == 0 {
		None
	} else {
		Some(size.div_ceil(LEAF_SIZE as u64))
	}
}

/// Builds a root from leaf hashes pushed in order, keeping one hash per level (a stack of
/// perfect subtrees). Folding that stack from the right at the end is the same tree as
/// promoting the last node of every odd level.
#[derive(Clone, Default, Debug)]
pub struct RootBuilder {
	/// `(height, root)` of perfect subtrees, heights strictly decreasing.
	stack: Vec<(u32, Hash)>,
}

impl RootBuilder {
	/// An empty builder.
	pub fn new() -> Self {
		Self::default()
	}

	/// Adds the next leaf's hash.
	pub fn push(&mut self, leaf: Hash) {
		let (mut height, mut hash) = (0u32, leaf);
		while let Some(&(h, left)) = self.stack.last() {
			if h != height {
				break;
			}
			self.stack.pop();
			hash = node_hash(&left, &hash);
			height = height.saturating_add(1);
		}
		self.stack.push((height, hash));
	}

	/// The root of the leaves pushed; `None` if none.
	pub fn finish(self) -> Option<Hash> {
		let mut iter = self.stack.into_iter().rev();
		let (_, mut acc) = iter.next()?;
		for (_, left) in iter {
			acc = node_hash(&left, &acc);
		}
		Some(acc)
	}
}

/// Cuts a byte stream into leaves: fill with [`LeafCutter::update`], one full leaf at a time.
#[derive(Clone, Debug)]
struct LeafCutter {
	buf: [u8; LEAF_SIZE],
	len: usize,
}

impl Default for LeafCutter {
	fn default() -> Self {
		Self { buf: [0; LEAF_SIZE], len: 0 }
	}
}

impl LeafCutter {
	/// Feeds `data`, calling `leaf` for each completed leaf.
	fn update(&mut self, mut data: &[u8], mut leaf: impl FnMut(&[u8; LEAF_SIZE])) {
		while !data.is_empty() {
			let take = (LEAF_SIZE - self.len).min(data.len());
			let (head, tail) = data.split_at(take);
			if let Some(dst) = self.buf.get_mut(self.len..self.len + take) {
				dst.copy_from_slice(head);
			}
			self.len += take;
			data = tail;
			if self.len == LEAF_SIZE {
				leaf(&self.buf);
				self.buf = [0; LEAF_SIZE];
				self.len = 0;
			}
		}
	}

	/// The last, zero-padded leaf, if one is partly filled.
	fn finish(self) -> Option<[u8; LEAF_SIZE]> {
		(self.len > 0).then_some(self.buf)
	}
}

/// The root of a file fed in pieces.
#[derive(Clone, Default, Debug)]
pub struct Hasher {
	cutter: LeafCutter,
	builder: RootBuilder,
	size: u64,
}

impl Hasher {
	/// An empty file.
	pub fn new() -> Self {
		Self::default()
	}

	/// Appends `data` to the file.
	pub fn update(&mut self, data: &[u8]) {
		self.size = self.size.saturating_add(data.len() as u64);
		let builder = &mut self.builder;
		self.cutter.update(data, |leaf| builder.push(leaf_hash(leaf)));
	}

	/// `(root, size)` of the file; `None` for an empty file.
	pub fn finish(self) -> Option<(Hash, u64)> {
		let Self { cutter, mut builder, size } = self;
		if let Some(last) = cutter.finish() {
			builder.push(leaf_hash(&last));
		}
		builder.finish().map(|root| (root, size))
	}
}

/// The root of `data`; `None` for an empty file.
pub fn root(data: &[u8]) -> Option<Hash> {
	let mut hasher = Hasher::new();
	hasher.update(data);
	hasher.finish().map(|(root, _)| root)
}

/// The sibling ranges of leaf `index` in a file of `count` leaves, from the leaf level up:
/// `(first leaf, end leaf)` of each sibling subtree (levels where the node moves up unchanged
/// have none).
fn sibling_ranges(count: u64, index: u64) -> Vec<(u64, u64)> {
	let mut out = Vec::new();
	let (mut level_count, mut j, mut level) = (count, index, 0u32);
	while level_count > 1 {
		let sibling = j ^ 1;
		if sibling < level_count {
			let start = sibling << level;
			let end = (sibling.saturating_add(1) << level).min(count);
			out.push((start, end));
		}
		j >>= 1;
		level_count = level_count.div_ceil(2);
		level = level.saturating_add(1);
	}
	out
}

/// A proof of one leaf of a file fed in pieces, with O(log n) memory: the file's size must be
/// known in advance (the deal records it).
#[derive(Clone, Debug)]
pub struct Prover {
	index: u64,
	ranges: Vec<(u64, u64)>,
	/// Roots of the sibling subtrees, by position in `ranges`.
	done: Vec<Option<Hash>>,
	/// The subtree being fed: its position in `ranges` and builder.
	current: Option<(usize, RootBuilder)>,
	leaf: Option<[u8; LEAF_SIZE]>,
	next: u64,
	count: u64,
	size: u64,
	fed: u64,
	cutter: LeafCutter,
}

impl Prover {
	/// A prover of leaf `index` of a file of `size` bytes; `None` if `index` is not a leaf of
	/// such a file.
	pub fn new(size: u64, index: u64) -> Option<Self> {
		let count = leaf_count(size)?;
		if index >= count {
			return None;
		}
		let ranges = sibling_ranges(count, index);
		let done = ranges.iter().map(|_| None).collect();
		Some(Self {
			index,
			ranges,
			done,
			current: None,
			leaf: None,
			next: 0,
			count,
			size,
			fed: 0,
			cutter: LeafCutter::default(),
		})
	}

	fn take_leaf(&mut self, leaf: &[u8; LEAF_SIZE]) {
		let i = self.next;
		self.next = self.next.saturating_add(1);
		if i == self.index {
			self.leaf = Some(*leaf);
			return;
		}
		let Some(pos) = self.ranges.iter().position(|&(s, e)| s <= i && i < e) else { return };
		let builder = match &mut self.current {
			Some((p, b)) if *p == pos => b,
			_ => {
				self.current = Some((pos, RootBuilder::new()));
				match &mut self.current {
					Some((_, b)) => b,
					None => return,
				}
			}
		};
		builder.push(leaf_hash(leaf));
		if self.ranges.get(pos).is_some_and(|&(_, e)| i + 1 == e) {
			if let Some((p, b)) = self.current.take() {
				if let Some(slot) = self.done.get_mut(p) {
					*slot = b.finish();
				}
			}
		}
	}

	/// Appends `data` to the file.
	pub fn update(&mut self, data: &[u8]) {
		self.fed = self.fed.saturating_add(data.len() as u64);
		let mut cutter = core::mem::take(&mut self.cutter);
		let mut leaves: Vec<[u8; LEAF_SIZE]> = Vec::new();
		cutter.update(data, |leaf| leaves.push(*leaf));
		self.cutter = cutter;
		for leaf in &leaves {
			self.take_leaf(leaf);
		}
	}

	/// `(leaf, path)`: the zero-padded leaf and the sibling hashes from the leaf level up;
	/// `None` if the data fed was not `size` bytes.
	pub fn finish(mut self) -> Option<([u8; LEAF_SIZE], Vec<Hash>)> {
		if let Some(last) = core::mem::take(&mut self.cutter).finish() {
			self.take_leaf(&last);
		}
		if self.next != self.count || self.fed != self.size {
			return None;
		}
		let leaf = self.leaf?;
		let path = self.done.into_iter().collect::<Option<Vec<_>>>()?;
		Some((leaf, path))
	}
}

/// The proof of leaf `index` of `data`: `(zero-padded leaf, path)`; `None` if there is no such
/// leaf.
pub fn prove(data: &[u8], index: u64) -> Option<([u8; LEAF_SIZE], Vec<Hash>)> {
	let mut prover = Prover::new(data.len() as u64, index)?;
	prover.update(data);
	prover.finish()
}

/// Whether `leaf` (zero-padded to 256 bytes) is leaf `index` of the file of `size` bytes whose
/// root is `root`, by `path`. Work and memory O(log n); never panics.
pub fn verify(root: &Hash, size: u64, index: u64, leaf: &[u8; LEAF_SIZE], path: &[Hash]) -> bool {
	let Some(count) = leaf_count(size) else { return false };
	if index >= count {
		return false;
	}
	let mut hash = leaf_hash(leaf);
	let mut siblings = path.iter();
	let (mut level_count, mut j) = (count, index);
	while level_count > 1 {
		if (j ^ 1) < level_count {
			let Some(sibling) = siblings.next() else { return false };
			hash = if j & 1 == 0 { node_hash(&hash, sibling) } else { node_hash(sibling, &hash) };
		}
		j >>= 1;
		level_count = level_count.div_ceil(2);
	}
	siblings.next().is_none() && &hash == root
}

/// The leaf a deal's proof must open in a proving period:
/// `u64_le(blake2_256("depin/challenge/v1" ‖ seed ‖ deal_id ‖ period)[0..8]) mod leaf_count`,
/// `deal_id` and `period` as 8 little-endian bytes. `None` for an empty file.
pub fn challenge_index(seed: &Hash, deal_id: u64, period: u64, size: u64) -> Option<u64> {
	let count = leaf_count(size)?;
	let mut buf = Vec::with_capacity(18 + 32 + 16);
	buf.extend_from_slice(b"depin/challenge/v1");
	buf.extend_from_slice(seed);
	buf.extend_from_slice(&deal_id.to_le_bytes());
	buf.extend_from_slice(&period.to_le_bytes());
	let h = blake2_256(&buf);
	let mut first = [0u8; 8];
	first.copy_from_slice(&h[..8]);
	Some(u64::from_le_bytes(first) % count)
}
