//! Runtime fuzzing over the real `depin-runtime` (not the pallet mocks).
//!
//! A sequence of [`Op`]s (signed calls of every depin pallet, balances, utility batches, sudo
//! governance, session keys; and blocks passing) runs from one prepared state: the
//! `development` preset plus generated devices of every kind, a maker application, a second
//! zone, asks, a deal and meters. Calls go through `Executive::apply_extrinsic` as real signed
//! extrinsics (every transaction extension, fees, the feeless path); blocks are whole (Aura
//! digest, timestamp inherent, every hook). After every block the invariants hold:
//! - total issuance is the sum of every account's free and reserved (held) balance;
//! - issuance grows only by reward mints, and what the rewards pallet emitted never exceeds the
//!   emission schedule of the epochs closed so far;
//! - every depin pallet's `try_state` invariants;
//! - no extrinsic and no hook panics; every failed call (and every failed call inside `sudo` or
//!   a batch) ends in a documented module error (or `BadOrigin` / a token error of balances);
//! - the block's weight within the limits of its class;
//! - no storage item past its bound (`max_values`, `max_size` of the runtime's storage info).

pub mod ops;

use codec::Encode;
use depin_primitives::{
	energy::Tariffs,
	merkle,
	proofs::{
		beacon_commitment_preimage, maker_payload, possession_payload, witness_heard_preimage,
	},
	DeviceKind,
};
use depin_runtime::{
	AccountId, AllPalletsWithSystem, Executive, Header, Runtime, RuntimeCall, RuntimeEvent,
	SessionKeys, SignedPayload, TxExtension, UncheckedExtrinsic,
};
use frame_support::traits::StorageInfoTrait;
pub use ops::{FCall, Op};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{crypto::Pair as _, ed25519, sr25519, H256};
use sp_io::hashing::blake2_256;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{
	generic::Era, traits::Header as _, BuildStorage, Digest, DigestItem, DispatchError,
	MultiSignature, Perbill, Storage,
};
use std::{
	collections::{BTreeMap, HashMap},
	panic::{catch_unwind, AssertUnwindSafe},
};

type System = frame_system::Pallet<Runtime>;
type Hashing = sp_core::Blake2Hasher;
/// A pallet's `try_state` checks.
type Check = fn() -> Result<(), sp_runtime::TryRuntimeError>;
/// The runtime's state version.
const STATE_VERSION: sp_runtime::StateVersion = sp_runtime::StateVersion::V1;
type Balance = u128;

/// Funded dev accounts that sign (Alice, the sudo key, first).
const ACCOUNTS: [Sr25519Keyring; 6] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
];
/// Device keys (unfunded unless a sequence funds them).
pub const DEVICES: u8 = 8;
/// Signers: the accounts, then the device keys.
pub const SIGNERS: u8 = ACCOUNTS.len() as u8 + DEVICES;

/// Valid resolution-12 cells (Berlin, Munich, 1-2 km apart) and invalid ones.
const CELLS: [u64; 7] = [
	0x08c1f1d48945d9ff,
	0x08c1f8d7a498e1ff,
	0x08c1f8d44a30b5ff,
	0x08c1f8d7a4a205ff,
	0x08c1f8d44b1b23ff,
	0,
	u64::MAX,
];
const DPN: Balance = 1_000_000_000_000;
/// Amounts: zero, dust, around the existential deposit, ordinary, huge.
const AMOUNTS: [Balance; 10] =
	[0, 1, 999_999_999, 1_000_000_000, DPN, 5 * DPN, 100 * DPN, 10_000 * DPN, 1 << 100, u128::MAX];
/// Frequencies (EU868, US915, nonsense).
const FREQS: [u64; 4] = [868_100_000, 915_000_000, 0, u64::MAX];
/// Files a deal can be about (their roots and proofs are computed by the harness).
fn file(i: u8) -> Vec<u8> {
	let len = [1000usize, 4096, 1][usize::from(i % 3)];
	(0..len).map(|j| (j * 31 + usize::from(i) * 7) as u8).collect()
}

/// What went wrong, where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
	/// The step of the sequence (or `usize::MAX` at the final block).
	pub step: usize,
	/// The block in which it showed.
	pub block: u32,
	/// What broke.
	pub what: String,
}

impl Failure {
	/// The kind of failure (its first words), to tell a minimised sequence still fails the same.
	pub fn kind(&self) -> String {
		self.what.split(':').next().unwrap_or_default().to_string()
	}
}

/// What one sequence did.
#[derive(Default, Debug, Clone)]
pub struct Stats {
	/// Per call: (dispatched and succeeded, dispatched and failed, refused before dispatch).
	pub calls: BTreeMap<&'static str, (u64, u64, u64)>,
	/// Blocks run.
	pub blocks: u64,
	/// Module errors seen, by name.
	pub errors: BTreeMap<String, u64>,
	/// Why extrinsics were refused before dispatch (the transaction validity error), by reason.
	pub refusals: BTreeMap<String, u64>,
	/// Time spent: applying extrinsics, running blocks' hooks, checking invariants (seconds).
	pub time: [f64; 3],
}

impl Stats {
	/// Adds another's counts.
	pub fn merge(&mut self, o: &Stats) {
		for (k, v) in &o.calls {
			let e = self.calls.entry(k).or_default();
			e.0 += v.0;
			e.1 += v.1;
			e.2 += v.2;
		}
		self.blocks += o.blocks;
		for (k, v) in &o.errors {
			*self.errors.entry(k.clone()).or_default() += v;
		}
		for (k, v) in &o.refusals {
			*self.refusals.entry(k.clone()).or_default() += v;
		}
		for i in 0..3 {
			self.time[i] += o.time[i];
		}
	}
}

/// The prepared state and the keys.
#[derive(Clone)]
pub struct Harness {
	/// The prepared state's trie nodes and root: each sequence runs on its own copy, into which
	/// each of its blocks is committed (the prepared state itself never changes).
	db: sp_trie::PrefixedMemoryDB<Hashing>,
	root: H256,
	/// A node and value cache of the prepared state, shared by every sequence and thread (the
	/// prepared state never changes, so what it caches stays true). It serves a sequence's reads
	/// until its first block is committed: `commit_all` rebuilds the backend without a cache.
	cache: sp_trie::cache::SharedTrieCache<Hashing>,
	/// Session keys to set: (aura, grandpa) of Alice, Bob, Charlie, Dave (derived once: a dev
	/// key's derivation is a 2,048-round PBKDF2).
	session_keys: Vec<(sr25519::Pair, ed25519::Pair)>,
	accounts: Vec<sr25519::Pair>,
	devices: Vec<sr25519::Pair>,
	/// Documented module errors: (pallet index, error index) → `Pallet.Error`.
	documented: HashMap<(u8, u8), String>,
	storage_info: Vec<frame_support::traits::StorageInfo>,
	/// Each storage item's index in `storage_info`, by its 32-byte key prefix.
	items: HashMap<Vec<u8>, usize>,
	/// The block the prepared state ends at, and its hash.
	start: (u32, H256),
}

/// Per-sequence bookkeeping.
struct Run<'a> {
	h: &'a Harness,
	stats: Stats,
	block: u32,
	issuance: Balance,
	minted: Balance,
	open: bool,
	/// The hash of the last block ended (the parent of the next).
	parent: H256,
}

impl Harness {
	/// Builds the prepared state: the development preset, then (in blocks 1 and 2) devices of
	/// every kind registered by the dev accounts and funded, radios, asks, a deal, meters with
	/// escrow, a second zone and a maker application; then empty blocks to the end of the
	/// first energy interval and (in block 11) each meter's baseline reading of it.
	pub fn new() -> Self {
		let accounts: Vec<sr25519::Pair> = ACCOUNTS.iter().map(|k| k.pair()).collect();
		let devices: Vec<sr25519::Pair> = (0..DEVICES)
			.map(|i| {
				sr25519::Pair::from_string(&format!("//fuzz/device/{i}"), None)
					.expect("a valid derivation")
			})
			.collect();
		let documented = documented_errors();
		let storage_info = AllPalletsWithSystem::storage_info();
		let items = storage_info.iter().enumerate().map(|(i, s)| (s.prefix.clone(), i)).collect();
		let session_keys = [
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		]
		.iter()
		.map(|(a, g)| (a.pair(), g.pair()))
		.collect();
		let mut h = Harness {
			db: Default::default(),
			root: H256::zero(),
			cache: sp_trie::cache::SharedTrieCache::new(
				sp_trie::cache::CacheSize::new(64 << 20),
				None,
			),
			session_keys,
			accounts,
			devices,
			documented,
			storage_info,
			items,
			start: (0, H256::zero()),
		};
		let mut ext = sp_io::TestExternalities::new(genesis());
		use FCall::*;
		// (owner, device, kind, cell): devices 0-2 hotspots, 3-4 storage nodes, 5-6 meters;
		// device 7 stays unregistered.
		let setup: Vec<(u8, FCall)> = [
			(1, Register { device: 0, kind: 0, cell: 1, proof: 0, maker: None }),
			(2, Register { device: 1, kind: 0, cell: 2, proof: 0, maker: None }),
			(3, Register { device: 2, kind: 0, cell: 3, proof: 0, maker: None }),
			(4, Register { device: 3, kind: 1, cell: 0, proof: 0, maker: None }),
			(1, Register { device: 4, kind: 1, cell: 4, proof: 0, maker: None }),
			(2, Register { device: 5, kind: 2, cell: 0, proof: 0, maker: None }),
			(3, Register { device: 6, kind: 2, cell: 1, proof: 0, maker: None }),
			(1, SetRadio { device: 0, gain: 20 }),
			(2, SetRadio { device: 1, gain: 20 }),
			(3, SetRadio { device: 2, gain: 20 }),
			(4, SetAsk { device: 3, price: 1, min: 1, max: 9, capacity: 2 }),
			(1, SetAsk { device: 4, price: 1, min: 1, max: 9, capacity: 2 }),
			(0, ProposeDeal { provider: 3, file: 0, duration: 3, price: 1, collateral: 4 }),
			(2, RegisterMeter { device: 5, zone: 0, capacity: 1 }),
			(3, RegisterMeter { device: 6, zone: 0, capacity: 1 }),
			(2, FundEscrow { device: 5, amount: 6 }),
			(3, FundEscrow { device: 6, amount: 6 }),
			(4, ApplyMaker { name: 1 }),
		]
		.into_iter()
		// Devices 0-6 funded with 5 DPN (by Alice): an invalid device report is not free, so
		// that it reaches dispatch and fails there with its module error instead of being
		// refused for its fee. Device 7 stays unfunded.
		.chain((0..7).map(|d| (0, Transfer { to: ACCOUNTS.len() as u8 + d, amount: 5 })))
		.collect();
		let mut failures = vec![];
		let mut start = (0, H256::zero());
		ext.execute_with(|| {
			let mut run = Run::new(&h, 0);
			run.start_block();
			for (i, (who, call)) in setup.iter().enumerate() {
				if let Err(e) = run.call_checked(*who, false, call.clone()) {
					failures.push(format!("setup step {i}: {e}"));
				}
			}
			// The deal is accepted and a second zone created in the next block.
			let _ = run.end_block();
			run.start_block();
			for (who, sudo, call) in [
				(4u8, false, AcceptDeal { deal: 0 }),
				(0, true, CreateZone { operator: 1, tariffs: 0 }),
			] {
				if let Err(e) = run.call_checked(who, sudo, call) {
					failures.push(format!("setup: {e}"));
				}
			}
			if let Err(f) = run.end_block() {
				failures.push(format!("setup block: {f}"));
			}
			// Empty blocks to the end of the first energy interval (blocks 0-9 on the dev
			// preset), then each meter's first (baseline) reading of it, so that a sequence's
			// next reading has energy to settle.
			while run.block < 10 {
				run.start_block();
				if let Err(f) = run.end_block() {
					failures.push(format!("setup block: {f}"));
				}
			}
			run.start_block();
			for m in ops::METERS {
				let reading = Reading { back: 0, produced: 2, consumed: 2 };
				if let Err(e) = run.call_checked(ACCOUNTS.len() as u8 + m, false, reading) {
					failures.push(format!("setup: {e}"));
				}
			}
			if let Err(f) = run.end_block() {
				failures.push(format!("setup block: {f}"));
			}
			// Every bounded item of the prepared state within its bounds (sequences then check
			// the items they change).
			if let Err(e) = h.bounds((0..h.storage_info.len()).collect()) {
				failures.push(format!("setup: {e}"));
			}
			start = (run.block, run.parent);
		});
		h.start = start;
		assert!(failures.is_empty(), "the prepared state did not build: {failures:?}");
		ext.commit_all().expect("committed");
		// Without the runtime's code: the harness runs the runtime natively.
		let mut keys = vec![];
		ext.execute_with(|| {
			let mut key = Vec::new();
			while let Some(next) = sp_io::storage::next_key(&key) {
				keys.push(next.clone());
				key = next;
			}
		});
		let mut state = Storage::default();
		ext.execute_with(|| {
			for k in keys {
				if k != sp_core::storage::well_known_keys::CODE {
					if let Some(v) = sp_io::storage::get(&k) {
						state.top.insert(k, v.to_vec());
					}
				}
			}
		});
		let ext = sp_io::TestExternalities::new_with_code_and_state(&[], state, STATE_VERSION);
		h.root = *ext.backend.root();
		h.db = ext.backend.backend_storage().clone();
		h
	}

	/// Runs `ops` from the prepared state; the first broken invariant (or panic) is the error.
	///
	/// Each step runs in its own `execute_with`, so that after every block the keys that block
	/// wrote (the overlay since the last commit) are checked against their bounds.
	pub fn run(&self, ops: &[Op]) -> Result<Stats, Failure> {
		let mut ext =
			sp_io::TestExternalities::new_with_state_version(Storage::default(), STATE_VERSION);
		ext.backend = sp_state_machine::TrieBackendBuilder::new(self.db.clone(), self.root)
			.with_cache(self.cache.local_cache_untrusted())
			.build();
		let mut run = ext.execute_with(|| Run::new(self, self.start.0));
		run.parent = self.start.1;
		fn at(step: usize, block: u32) -> impl FnOnce(String) -> Failure {
			move |what| Failure { step, block, what }
		}
		self.step(&mut ext, &mut run, |r| {
			r.start_block();
			Ok(())
		})
		.map_err(at(0, run.block))?;
		for (step, op) in ops.iter().enumerate() {
			let result = match op {
				Op::Blocks(n) => (0..(*n).max(1))
					.try_for_each(|k| {
						self.step(&mut ext, &mut run, |r| {
							if k > 0 {
								r.start_block();
							}
							r.end_block()
						})
					})
					.and_then(|()| {
						self.step(&mut ext, &mut run, |r| {
							r.start_block();
							Ok(())
						})
					}),
				op => self.step(&mut ext, &mut run, |r| r.op(op)),
			};
			result.map_err(at(step, run.block))?;
		}
		self.step(&mut ext, &mut run, |r| r.end_block()).map_err(at(usize::MAX, run.block))?;
		Ok(run.stats)
	}

	/// Runs `f` on the sequence's state, a panic caught as a failure; after a step that ended a
	/// block, checks the bounds of what the block wrote and commits the block.
	fn step(
		&self,
		ext: &mut sp_io::TestExternalities,
		run: &mut Run,
		f: impl FnOnce(&mut Run) -> Result<(), String>,
	) -> Result<(), String> {
		let blocks = run.stats.blocks;
		ext.execute_with(|| catch_unwind(AssertUnwindSafe(|| f(run))))
			.map_err(|panic| format!("panic: {}", panic_message(&panic)))??;
		if run.stats.blocks == blocks {
			return Ok(());
		}
		let t = std::time::Instant::now();
		// Every key written or removed in the block: its value within its item's
		// `max_size`; a map with a `max_values` has its entries counted.
		let mut changed = vec![];
		let mut counted = std::collections::BTreeSet::new();
		for (key, _) in ext.overlayed_changes().changes() {
			if let Some(&i) = key.get(..32).and_then(|p| self.items.get(p)) {
				if key.len() > 32 && self.storage_info[i].max_values.is_some() {
					counted.insert(i);
				}
				if self.storage_info[i].max_size.is_some() {
					changed.push((i, key.clone()));
				}
			}
		}
		let checked = ext.execute_with(|| {
			for (i, key) in &changed {
				if let Some(v) = sp_io::storage::get(key) {
					check_size(&self.storage_info[*i], key.len() - 32, v.len())?;
				}
			}
			self.bounds(counted)
		});
		// The block's changes into the sequence's own copy of the trie (its root was computed
		// by `finalize_block` and is reused), so that the next block's root and the next
		// bounds check cover only that block's changes.
		let committed = checked.and_then(|()| ext.commit_all());
		run.stats.time[2] += t.elapsed().as_secs_f64();
		committed
	}

	/// A shorter sequence that fails the same way (steps removed while the failure's kind
	/// stays; at most `budget` runs).
	pub fn minimise(&self, ops: &[Op], failure: &Failure, budget: usize) -> Vec<Op> {
		let kind = failure.kind();
		let mut best = ops.to_vec();
		let mut runs = 0;
		let mut chunk = (best.len() / 2).max(1);
		while chunk >= 1 && runs < budget {
			let mut i = 0;
			let mut shrunk = false;
			while i < best.len() && runs < budget {
				let mut candidate = best.clone();
				candidate.drain(i..(i + chunk).min(best.len()));
				runs += 1;
				match self.run(&candidate) {
					Err(f) if f.kind() == kind => {
						best = candidate;
						shrunk = true;
					}
					_ => i += chunk,
				}
			}
			if !shrunk {
				if chunk == 1 {
					break;
				}
				chunk /= 2;
			}
		}
		best
	}

	/// Every value of the storage items `items` (indices into `storage_info`) within its item's
	/// `max_size`, and their count within `max_values`.
	fn bounds(&self, items: std::collections::BTreeSet<usize>) -> Result<(), String> {
		for info in items.into_iter().map(|i| &self.storage_info[i]) {
			if info.max_size.is_none() && info.max_values.is_none() {
				continue;
			}
			let prefix = &info.prefix;
			let mut count = 0u32;
			let mut key = prefix.clone();
			if let Some(v) = sp_io::storage::get(prefix) {
				count += 1;
				check_size(info, 0, v.len())?;
			}
			while let Some(next) = sp_io::storage::next_key(&key) {
				if !next.starts_with(prefix) {
					break;
				}
				if let Some(v) = sp_io::storage::get(&next) {
					count += 1;
					check_size(info, next.len() - prefix.len(), v.len())?;
				}
				key = next;
			}
			if let Some(max) = info.max_values {
				if count > max {
					return Err(format!(
						"storage bound: {}.{} holds {count} values > {max}",
						String::from_utf8_lossy(&info.pallet_name),
						String::from_utf8_lossy(&info.storage_name)
					));
				}
			}
		}
		Ok(())
	}

	/// Trie nodes of the prepared state (its size, for the report).
	pub fn state_nodes(&self) -> usize {
		self.db.keys().len()
	}

	fn signer(&self, who: u8) -> &sr25519::Pair {
		let who = usize::from(who % SIGNERS);
		if who < self.accounts.len() {
			&self.accounts[who]
		} else {
			&self.devices[who - self.accounts.len()]
		}
	}

	fn account(&self, who: u8) -> AccountId {
		self.signer(who).public().into()
	}

	fn device(&self, d: u8) -> AccountId {
		self.devices[usize::from(d % DEVICES)].public().into()
	}
}

impl Default for Harness {
	fn default() -> Self {
		Self::new()
	}
}

impl<'a> Run<'a> {
	fn new(h: &'a Harness, block: u32) -> Self {
		Run {
			h,
			stats: Stats::default(),
			block,
			issuance: pallet_balances::TotalIssuance::<Runtime>::get(),
			minted: pallet_rewards::TotalMinted::<Runtime>::get(),
			open: false,
			parent: System::block_hash(block),
		}
	}

	fn op(&mut self, op: &Op) -> Result<(), String> {
		match op {
			Op::Blocks(_) => Err("harness: blocks are run by Harness::run".into()),
			Op::Call { who, sudo, call } => {
				let name = call.name();
				let inner = self.runtime_call(*who, call);
				let rc = if *sudo {
					RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(inner) })
				} else {
					inner
				};
				self.apply(*who, rc, name, &[name])
			}
			Op::Batch { who, mode, calls } => {
				let names: Vec<&'static str> = calls.iter().map(FCall::name).collect();
				let calls: Vec<RuntimeCall> =
					calls.iter().map(|c| self.runtime_call(*who, c)).collect();
				let (rc, name) = match mode % 3 {
					0 => (
						RuntimeCall::Utility(pallet_utility::Call::batch { calls }),
						"utility.batch",
					),
					1 => (
						RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }),
						"utility.batch_all",
					),
					_ => (
						RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }),
						"utility.force_batch",
					),
				};
				self.apply(*who, rc, name, &names)
			}
		}
	}

	/// A setup call that must succeed.
	fn call_checked(&mut self, who: u8, sudo: bool, call: FCall) -> Result<(), String> {
		let name = call.name();
		let before = self.stats.calls.get(name).copied().unwrap_or_default();
		let errors_before: u64 = self.stats.errors.values().sum();
		self.op(&Op::Call { who, sudo, call })?;
		let after = self.stats.calls.get(name).copied().unwrap_or_default();
		if after.0 == before.0 + 1 && self.stats.errors.values().sum::<u64>() == errors_before {
			Ok(())
		} else {
			Err(format!("{name} did not succeed: {:?}", self.stats.errors))
		}
	}

	/// Signs `call` by `who` with its next nonce and applies it; checks how it failed, and how
	/// the calls inside it failed (`inner`: the call in `sudo`, or a batch's calls).
	fn apply(
		&mut self,
		who: u8,
		call: RuntimeCall,
		name: &'static str,
		inner: &[&'static str],
	) -> Result<(), String> {
		let t = std::time::Instant::now();
		let xt = signed(self.h.signer(who), call);
		let events_before = System::event_count();
		let outcome = Executive::apply_extrinsic(xt);
		self.stats.time[0] += t.elapsed().as_secs_f64();
		let entry = self.stats.calls.entry(name).or_default();
		match outcome {
			Err(refused) => {
				entry.2 += 1;
				*self.stats.refusals.entry(format!("{refused:?}")).or_default() += 1;
			}
			Ok(Ok(())) => entry.0 += 1,
			Ok(Err(e)) => {
				entry.1 += 1;
				// `batch_all` fails with its failing call's error, unnamed: a balances call in it
				// may be the one.
				let name = if name == "utility.batch_all"
					&& inner.iter().any(|c| c.starts_with("balances."))
				{
					"balances.(in batch_all)"
				} else {
					name
				};
				self.check_error(name, e)?;
			}
		}
		// Errors inside sudo and batches.
		let events = System::read_events_no_consensus()
			.skip(events_before as usize)
			.map(|r| r.event)
			.collect::<Vec<_>>();
		// A batch's items report in order (force_batch: completed or failed each).
		let mut item = 0usize;
		let at = |i: usize| inner.get(i).copied().unwrap_or(name);
		for event in events {
			match event {
				RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result: Err(e) }) => {
					// The call inside failed: counted as failed, not as the `sudo` that succeeded.
					if let Some(entry) = self.stats.calls.get_mut(name) {
						entry.0 = entry.0.saturating_sub(1);
						entry.1 += 1;
					}
					self.check_error(at(0), e)?
				}
				RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { index, error }) => {
					self.check_error(at(index as usize), error)?
				}
				RuntimeEvent::Utility(pallet_utility::Event::ItemFailed { error }) => {
					self.check_error(at(item), error)?;
					item += 1;
				}
				RuntimeEvent::Utility(pallet_utility::Event::ItemCompleted) => item += 1,
				_ => {}
			}
		}
		Ok(())
	}

	/// A failed dispatch must be a documented module error, `BadOrigin`, a token error, or (of a
	/// balances call: upstream's way of saying "not enough") an arithmetic error.
	fn check_error(&mut self, name: &str, e: DispatchError) -> Result<(), String> {
		match e {
			DispatchError::Module(m) => {
				let key = (m.index, m.error[0]);
				match self.h.documented.get(&key) {
					Some(n) => {
						*self.stats.errors.entry(n.clone()).or_default() += 1;
						Ok(())
					}
					None => Err(format!("undocumented module error: {name} failed with {m:?}")),
				}
			}
			DispatchError::BadOrigin => {
				*self.stats.errors.entry("BadOrigin".into()).or_default() += 1;
				Ok(())
			}
			DispatchError::Token(t) => {
				*self.stats.errors.entry(format!("Token.{t:?}")).or_default() += 1;
				Ok(())
			}
			DispatchError::Arithmetic(a) if name.starts_with("balances.") => {
				*self.stats.errors.entry(format!("Arithmetic.{a:?} (balances)")).or_default() += 1;
				Ok(())
			}
			other => Err(format!("not a module error: {name} failed with {other:?}")),
		}
	}

	/// Starts the next block: Aura digest of its slot, every hook, the timestamp inherent.
	fn start_block(&mut self) {
		let t = std::time::Instant::now();
		self.block += 1;
		let n = self.block;
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(u64::from(n)).encode())],
		};
		let header = Header::new(n, Default::default(), Default::default(), self.parent, digest);
		Executive::initialize_block(&header);
		let now = u64::from(n) * depin_runtime::constants::time::SLOT_DURATION;
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		let applied = Executive::apply_extrinsic(inherent);
		assert!(matches!(applied, Ok(Ok(()))), "the timestamp inherent: {applied:?}");
		self.open = true;
		self.stats.time[1] += t.elapsed().as_secs_f64();
	}

	/// Ends the block in progress and checks every invariant.
	fn end_block(&mut self) -> Result<(), String> {
		if !self.open {
			return Ok(());
		}
		self.open = false;
		// The weight of the block, before finalisation resets nothing we need.
		let weight = frame_system::BlockWeight::<Runtime>::get();
		let limits = <Runtime as frame_system::Config>::BlockWeights::get();
		for (class, used) in [
			(
				frame_support::dispatch::DispatchClass::Normal,
				weight.get(frame_support::dispatch::DispatchClass::Normal),
			),
			(
				frame_support::dispatch::DispatchClass::Operational,
				weight.get(frame_support::dispatch::DispatchClass::Operational),
			),
		] {
			if let Some(max) = limits.get(class).max_total {
				if used.any_gt(max) {
					return Err(format!("block weight: {class:?} used {used:?} > {max:?}"));
				}
			}
		}
		let t = std::time::Instant::now();
		let header = Executive::finalize_block();
		// The next block's `initialize_block` records this hash as its parent's.
		self.parent = header.hash();
		self.stats.blocks += 1;
		self.stats.time[1] += t.elapsed().as_secs_f64();
		let t = std::time::Instant::now();
		let checked = self.invariants();
		self.stats.time[2] += t.elapsed().as_secs_f64();
		checked
	}

	fn invariants(&mut self) -> Result<(), String> {
		// Issuance is every account's free + reserved (holds are reserved).
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		let mut sum: Balance = 0;
		for (_, info) in frame_system::Account::<Runtime>::iter() {
			sum = sum
				.checked_add(info.data.free)
				.and_then(|s| s.checked_add(info.data.reserved))
				.ok_or("issuance: the balances overflow u128")?;
		}
		if sum != issuance {
			return Err(format!("issuance: total issuance {issuance} != sum of balances {sum}"));
		}
		// Issuance grows only by reward mints; emitted within the schedule.
		let minted = pallet_rewards::TotalMinted::<Runtime>::get();
		let grown = issuance.saturating_sub(self.issuance);
		let mint = minted.checked_sub(self.minted).ok_or("issuance: TotalMinted went down")?;
		if grown > mint {
			return Err(format!("issuance: grew by {grown} with only {mint} minted"));
		}
		self.issuance = issuance;
		self.minted = minted;
		let epoch = pallet_rewards::Epoch::<Runtime>::get().index;
		let schedule: Balance = (0..epoch).map(pallet_rewards::Pallet::<Runtime>::emission).sum();
		let emitted = pallet_rewards::TotalEmitted::<Runtime>::get();
		if emitted > schedule {
			return Err(format!(
				"issuance: emitted {emitted} > schedule {schedule} to epoch {epoch}"
			));
		}
		// Every depin pallet's invariants.
		let checks: [(&str, Check); 6] = [
			("DeviceRegistry", pallet_device_registry::Pallet::<Runtime>::do_try_state),
			("ProofOfCoverage", pallet_proof_of_coverage::Pallet::<Runtime>::do_try_state),
			("StorageDeals", pallet_storage_deals::Pallet::<Runtime>::do_try_state),
			("EnergySettlement", pallet_energy_settlement::Pallet::<Runtime>::do_try_state),
			("Rewards", pallet_rewards::Pallet::<Runtime>::do_try_state),
			("ValidatorSet", pallet_validator_set::Pallet::<Runtime>::do_try_state),
		];
		for (pallet, check) in checks {
			check().map_err(|e| format!("try_state: {pallet}: {e:?}"))?;
		}
		Ok(())
	}

	/// The runtime call of `c`, its arguments resolved against the current state.
	fn runtime_call(&self, who: u8, c: &FCall) -> RuntimeCall {
		use FCall::*;
		let h = self.h;
		let genesis = System::block_hash(0);
		let owner = h.account(who);
		let amount = |i: u8| AMOUNTS[usize::from(i) % AMOUNTS.len()];
		let cell = |i: u8| CELLS[usize::from(i) % CELLS.len()];
		let kind = |i: u8| {
			[
				DeviceKind::Hotspot,
				DeviceKind::StorageNode,
				DeviceKind::EnergyMeter,
				DeviceKind::Sensor,
			][usize::from(i % 4)]
		};
		let payload = |i: u8| blake2_256(&[i % 4]);
		let tariffs = |i: u8| {
			let (import, local, feed_in) =
				[(30, 20, 10), (10, 10, 10), (1, 2, 3), (0, 0, 0), (u128::MAX / 2, 1, 0)]
					[usize::from(i) % 5];
			Tariffs { import, local, feed_in }
		};
		use pallet_device_registry::Call as R;
		use pallet_energy_settlement::Call as E;
		use pallet_proof_of_coverage::Call as P;
		use pallet_storage_deals::Call as S;
		match c {
			Transfer { to, amount: a } => {
				RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: h.account(*to).into(),
					value: amount(*a),
				})
			}
			TransferAll { to, keep_alive } => {
				RuntimeCall::Balances(pallet_balances::Call::transfer_all {
					dest: h.account(*to).into(),
					keep_alive: *keep_alive,
				})
			}
			Register { device, kind: k, cell: l, proof, maker } => {
				let d = h.devices[usize::from(device % DEVICES)].clone();
				let dev: AccountId = d.public().into();
				let count = pallet_device_registry::Registrations::<Runtime>::get(&dev);
				let (signed_owner, count) = match proof % 4 {
					0 | 3 => (owner.clone(), count),
					1 => (h.account(who.wrapping_add(1)), count),
					_ => (owner.clone(), count.wrapping_add(1)),
				};
				let proof = MultiSignature::Sr25519(d.sign(&possession_payload(
					&genesis,
					&signed_owner,
					&dev,
					count,
				)));
				let maker_attestation = maker.map(|m| pallet_device_registry::MakerAttestation {
					maker: h.account(m),
					signature: MultiSignature::Sr25519(h.signer(m).sign(&maker_payload(
						&genesis,
						&dev,
						kind(*k),
					))),
				});
				RuntimeCall::DeviceRegistry(R::register_device {
					device: dev,
					kind: kind(*k),
					location: cell(*l),
					possession_proof: proof,
					maker_attestation,
				})
			}
			AssertLocation { device, cell: l } => RuntimeCall::DeviceRegistry(R::assert_location {
				device: h.device(*device),
				location: cell(*l),
			}),
			TransferDevice { device, to } => RuntimeCall::DeviceRegistry(R::transfer_device {
				device: h.device(*device),
				new_owner: h.account(*to),
			}),
			AcceptTransfer { device } => {
				RuntimeCall::DeviceRegistry(R::accept_device_transfer { device: h.device(*device) })
			}
			CancelTransfer { device } => {
				RuntimeCall::DeviceRegistry(R::cancel_device_transfer { device: h.device(*device) })
			}
			Deregister { device } => {
				RuntimeCall::DeviceRegistry(R::deregister_device { device: h.device(*device) })
			}
			WithdrawDeposit { device } => {
				RuntimeCall::DeviceRegistry(R::withdraw_deposit { device: h.device(*device) })
			}
			TopUpDeposit { device } => {
				RuntimeCall::DeviceRegistry(R::top_up_deposit { device: h.device(*device) })
			}
			ApplyMaker { name } => RuntimeCall::DeviceRegistry(R::apply_maker {
				name: vec![b'm'; [0usize, 8, 64, 65, 300][usize::from(name % 5)]],
			}),
			WithdrawMakerApplication => {
				RuntimeCall::DeviceRegistry(R::withdraw_maker_application {})
			}
			TopUpMakerBond => RuntimeCall::DeviceRegistry(R::top_up_maker_bond {}),
			Suspend { device, reason } => RuntimeCall::DeviceRegistry(R::suspend_device {
				device: h.device(*device),
				reason: [
					pallet_device_registry::SuspensionReason::FakeHardware,
					pallet_device_registry::SuspensionReason::LocationSpoofing,
					pallet_device_registry::SuspensionReason::Collusion,
					pallet_device_registry::SuspensionReason::Other,
				][usize::from(reason % 4)],
			}),
			Reinstate { device } => {
				RuntimeCall::DeviceRegistry(R::reinstate_device { device: h.device(*device) })
			}
			SlashDevice { device, amount: a } => RuntimeCall::DeviceRegistry(R::slash_device {
				device: h.device(*device),
				amount: amount(*a),
			}),
			ApproveMaker { maker } => {
				RuntimeCall::DeviceRegistry(R::approve_maker { maker: h.account(*maker) })
			}
			RemoveMaker { maker } => {
				RuntimeCall::DeviceRegistry(R::remove_maker { maker: h.account(*maker) })
			}
			SlashMaker { maker, amount: a } => RuntimeCall::DeviceRegistry(R::slash_maker {
				maker: h.account(*maker),
				amount: amount(*a),
			}),
			SetKindPolicy { kind: k, requires_maker } => {
				RuntimeCall::DeviceRegistry(R::set_kind_policy {
					kind: kind(*k),
					requires_maker: *requires_maker,
				})
			}
			Purge { device, slash } => RuntimeCall::DeviceRegistry(R::purge_device {
				device: h.device(*device),
				slash: *slash,
			}),
			SetRadio { device, gain } => RuntimeCall::ProofOfCoverage(P::set_radio {
				device: h.device(*device),
				gain_ddbi: [0u16, 20, 30, 90, 1000, u16::MAX][usize::from(gain % 6)],
			}),
			Beacon { payload: p, freq, power } => RuntimeCall::ProofOfCoverage(P::submit_beacon {
				commitment: H256(blake2_256(&beacon_commitment_preimage(&payload(*p)))),
				frequency_hz: FREQS[usize::from(freq % 4)],
				tx_power_dbm: [14i32, 27, 36, -10, i32::MAX][usize::from(power % 5)],
			}),
			Witness { beacon, payload: p, signal, snr, freq } => {
				let witness = owner.clone();
				RuntimeCall::ProofOfCoverage(P::submit_witness {
					beacon: h.device(*beacon),
					heard: H256(blake2_256(&witness_heard_preimage(&payload(*p), &witness))),
					signal_ddbm: [-1100i32, -800, -400, -1400, 0, i32::MIN, 200]
						[usize::from(signal % 7)],
					snr_ddb: [50i32, 100, -200, 0, i32::MAX][usize::from(snr % 5)],
					frequency_hz: FREQS[usize::from(freq % 4)],
				})
			}
			Reveal { beacon, payload: p } => RuntimeCall::ProofOfCoverage(P::reveal_beacon {
				beacon: h.device(*beacon),
				payload: payload(*p),
			}),
			SetMaxEirp { dbm } => RuntimeCall::ProofOfCoverage(P::set_max_eirp {
				dbm: [36i32, 0, -1, 100, i32::MAX][usize::from(dbm % 5)],
			}),
			SetAsk { device, price, min, max, capacity } => RuntimeCall::StorageDeals(S::set_ask {
				device: h.device(*device),
				ask: pallet_storage_deals::Ask {
					price: [0u128, 1, 3, 1_000_000][usize::from(price % 4)],
					min_duration: u32::from(min % 4),
					max_duration: u32::from(max % 12),
					capacity: [0u64, 1000, 1 << 20, u64::MAX][usize::from(capacity % 4)],
				},
			}),
			ClearAsk { device } => {
				RuntimeCall::StorageDeals(S::clear_ask { device: h.device(*device) })
			}
			ProposeDeal { provider, file: f, duration, price, collateral } => {
				let data = file(*f);
				RuntimeCall::StorageDeals(S::propose_deal {
					provider: h.device(*provider),
					root: H256(merkle::root(&data).unwrap_or_default()),
					size: data.len() as u64,
					duration: u32::from(duration % 5),
					price: [0u128, 1, 3, u128::MAX / 2][usize::from(price % 4)],
					collateral: amount(*collateral),
				})
			}
			AcceptDeal { deal } => {
				RuntimeCall::StorageDeals(S::accept_deal { deal: self.deal_id(*deal) })
			}
			CancelProposal { deal } => {
				RuntimeCall::StorageDeals(S::cancel_proposal { deal: self.deal_id(*deal) })
			}
			SubmitProof { deal, back, good } => {
				let id = self.deal_id(*deal);
				let period = pallet_storage_deals::Pallet::<Runtime>::current_period()
					.saturating_sub(u64::from(back % 3));
				let found = pallet_storage_deals::Deals::<Runtime>::get(id).and_then(|d| {
					let data = (0..3).map(file).find(|f| {
						merkle::root(f).map(H256) == Some(d.root) && f.len() as u64 == d.size
					})?;
					let index =
						pallet_storage_deals::Pallet::<Runtime>::challenge(id, period, d.size)?;
					merkle::prove(&data, index)
				});
				let (mut leaf, path) = found.unwrap_or(([0u8; merkle::LEAF_SIZE], vec![]));
				if !good {
					leaf[0] ^= 1;
				}
				RuntimeCall::StorageDeals(S::submit_proof {
					deal: id,
					period,
					leaf: Box::new(leaf),
					path: frame_support::BoundedVec::truncate_from(
						path.into_iter().map(H256).collect(),
					),
				})
			}
			SettleDeal { deal } => {
				RuntimeCall::StorageDeals(S::settle_deal { deal: self.deal_id(*deal) })
			}
			ReportFault { deal } => {
				RuntimeCall::StorageDeals(S::report_fault { deal: self.deal_id(*deal) })
			}
			CreateZone { operator, tariffs: t } => RuntimeCall::EnergySettlement(E::create_zone {
				operator: h.account(*operator),
				tariffs: tariffs(*t),
			}),
			UpdateTariffs { zone, tariffs: t } => {
				RuntimeCall::EnergySettlement(E::update_tariffs {
					zone: u32::from(zone % 3),
					tariffs: tariffs(*t),
				})
			}
			RegisterMeter { device, zone, capacity } => {
				RuntimeCall::EnergySettlement(E::register_meter {
					device: h.device(*device),
					zone: u32::from(zone % 3),
					capacity_w: [0u32, 5_000, 1_000_000, u32::MAX][usize::from(capacity % 4)],
				})
			}
			DeregisterMeter { device } => {
				RuntimeCall::EnergySettlement(E::deregister_meter { device: h.device(*device) })
			}
			FundEscrow { device, amount: a } => RuntimeCall::EnergySettlement(E::fund_escrow {
				device: h.device(*device),
				amount: amount(*a),
			}),
			WithdrawEscrow { device, amount: a } => {
				RuntimeCall::EnergySettlement(E::withdraw_escrow {
					device: h.device(*device),
					amount: amount(*a),
				})
			}
			Reading { back, produced, consumed } => {
				let meter = pallet_energy_settlement::Meters::<Runtime>::get(&owner);
				let (zone, last) = meter
					.map(|m| {
						(m.zone, m.registers.map(|r| (r.produced, r.consumed)).unwrap_or_default())
					})
					.unwrap_or_default();
				let status = pallet_energy_settlement::Pallet::<Runtime>::zone_status(zone);
				let interval = status
					.map(|s| s.reading_interval.unwrap_or(s.current_interval))
					.unwrap_or_default()
					.saturating_sub(u32::from(back % 3));
				let delta = |i: u8, last: u64| match i % 6 {
					0 => last.saturating_sub(1),
					1 => last,
					2 => last.saturating_add(10),
					3 => last.saturating_add(80),
					4 => last.saturating_add(100_000),
					_ => u64::MAX,
				};
				RuntimeCall::EnergySettlement(E::submit_reading {
					interval,
					produced_total: delta(*produced, last.0),
					consumed_total: delta(*consumed, last.1),
				})
			}
			SettleEnergy { meter, back } => {
				let (m, interval) = self.meter_interval(*meter, *back);
				RuntimeCall::EnergySettlement(E::settle { meter: m, interval })
			}
			Dispute { meter, back } => {
				let (m, interval) = self.meter_interval(*meter, *back);
				RuntimeCall::EnergySettlement(E::dispute_reading { meter: m, interval })
			}
			Resolve { meter, back, upheld } => {
				let (m, interval) = self.meter_interval(*meter, *back);
				RuntimeCall::EnergySettlement(E::resolve_dispute {
					meter: m,
					interval,
					upheld: *upheld,
				})
			}
			Claim { device } => RuntimeCall::Rewards(pallet_rewards::Call::claim_rewards {
				device: h.device(*device),
			}),
			ClaimValidator => {
				RuntimeCall::Rewards(pallet_rewards::Call::claim_validator_rewards {})
			}
			SetSplit { split } => {
				let p = Perbill::from_percent;
				let (coverage, storage, energy, validators, treasury) = [
					(p(30), p(25), p(15), p(20), p(10)),
					(p(100), p(0), p(0), p(0), p(0)),
					(p(50), p(50), p(50), p(0), p(0)),
					(p(0), p(0), p(0), p(0), p(100)),
				][usize::from(split % 4)];
				RuntimeCall::Rewards(pallet_rewards::Call::set_split {
					split: pallet_rewards::Split {
						coverage,
						storage,
						energy,
						validators,
						treasury,
					},
				})
			}
			AddValidator { who: v } => {
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
					validator: h.account(*v),
				})
			}
			RemoveValidator { who: v } => {
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
					validator: h.account(*v),
				})
			}
			SetMinimum { n } => {
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_minimum_validators {
					minimum: u32::from(n % 4),
				})
			}
			SetKeys { keys, proof_ok } => {
				let (aura, grandpa) = &h.session_keys[usize::from(keys % 4)];
				let for_whom =
					if *proof_ok { owner.clone() } else { h.account(who.wrapping_add(1)) };
				let statement = [b"POP_".as_slice(), for_whom.as_ref()].concat();
				let proof: (sr25519::Signature, ed25519::Signature) =
					(aura.sign(&statement), grandpa.sign(&statement));
				RuntimeCall::Session(pallet_session::Call::set_keys {
					keys: SessionKeys {
						aura: aura.public().into(),
						grandpa: grandpa.public().into(),
					},
					proof: proof.encode(),
				})
			}
			PurgeKeys => RuntimeCall::Session(pallet_session::Call::purge_keys {}),
		}
	}

	/// The deal named by `d`: the latest proposed for [`ops::LATEST_DEAL`], else deal `d % 8`.
	fn deal_id(&self, d: u8) -> u64 {
		if d == ops::LATEST_DEAL {
			pallet_storage_deals::NextDealId::<Runtime>::get().saturating_sub(1)
		} else {
			u64::from(d % 8)
		}
	}

	/// A meter (device `m`) and the interval `back` intervals before the one in progress.
	fn meter_interval(&self, m: u8, back: u8) -> (AccountId, u32) {
		let meter = self.h.device(m);
		let zone =
			pallet_energy_settlement::Meters::<Runtime>::get(&meter).map(|m| m.zone).unwrap_or(0);
		let current = pallet_energy_settlement::Pallet::<Runtime>::zone_status(zone)
			.map(|s| s.current_interval)
			.unwrap_or(0);
		(meter, current.saturating_sub(1 + u32::from(back % 4)))
	}
}

fn check_size(
	info: &frame_support::traits::StorageInfo,
	key_len: usize,
	value_len: usize,
) -> Result<(), String> {
	let Some(max_size) = info.max_size else { return Ok(()) };
	if key_len + value_len > max_size as usize {
		return Err(format!(
			"storage bound: {}.{} value of {} bytes (with {} of key) > {max_size}",
			String::from_utf8_lossy(&info.pallet_name),
			String::from_utf8_lossy(&info.storage_name),
			value_len,
			key_len
		));
	}
	Ok(())
}

/// `call` signed by `key` with its next nonce, as a wallet builds it (immortal, no tip).
fn signed(key: &sr25519::Pair, call: RuntimeCall) -> UncheckedExtrinsic {
	let who: AccountId = key.public().into();
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(System::account_nonce(&who)),
		frame_system::CheckWeight::new(),
		depin_runtime::ChargeUnlessFeeless::from(
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
		),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
	);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("a valid payload");
	let signature = payload.using_encoded(|bytes| key.sign(bytes));
	UncheckedExtrinsic::new_signed(call, who.into(), MultiSignature::Sr25519(signature), extension)
}

/// The development preset's genesis state.
fn genesis() -> Storage {
	let patch = depin_runtime::genesis_config_presets::development_config_genesis();
	let mut config = serde_json::to_value(depin_runtime::RuntimeGenesisConfig::default())
		.expect("the default genesis config serialises");
	merge(&mut config, patch);
	let config: depin_runtime::RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the development preset is a genesis config");
	config.build_storage().expect("the development genesis builds")
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Every pallet error variant with documentation, from the runtime's metadata.
fn documented_errors() -> HashMap<(u8, u8), String> {
	use frame_support::__private::metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
	let RuntimeMetadataPrefixed(_, RuntimeMetadata::V14(m)) = Runtime::metadata() else {
		panic!("the runtime's default metadata is V14");
	};
	let mut out = HashMap::new();
	for pallet in m.pallets {
		let Some(error) = pallet.error else { continue };
		let Some(ty) = m.types.resolve(error.ty.id) else { continue };
		if let scale_info::TypeDef::Variant(v) = &ty.type_def {
			for variant in &v.variants {
				if !variant.docs.is_empty() {
					out.insert(
						(pallet.index, variant.index),
						format!("{}.{}", pallet.name, variant.name),
					);
				}
			}
		}
	}
	out
}

fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
	p.downcast_ref::<&str>()
		.map(|s| s.to_string())
		.or_else(|| p.downcast_ref::<String>().cloned())
		.unwrap_or_else(|| "a panic without a message".into())
}
