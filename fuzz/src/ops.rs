//! What a fuzzed sequence is made of, and how a random one is drawn.
//!
//! Arguments are small indices into tables of meaningful values (signers, devices, cells,
//! amounts, files, tariffs) rather than raw bytes, so that most calls reach the pallets' logic
//! instead of failing at the first check; every table also holds values that must be refused
//! (a zero, a maximum, an invalid cell, a wrong proof).

use rand::{rngs::StdRng, Rng};
use serde::{Deserialize, Serialize};

/// One step of a sequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
	/// `call` signed by signer `who` (wrapped in `sudo.sudo` when `sudo`).
	Call {
		/// The signer (index into the harness's signers).
		who: u8,
		/// Whether the call goes through `sudo.sudo`.
		sudo: bool,
		/// The call.
		call: FCall,
	},
	/// `calls` in one `utility` batch signed by `who`: `mode` 0 `batch`, 1 `batch_all`,
	/// 2 `force_batch`.
	Batch {
		/// The signer.
		who: u8,
		/// Which batch.
		mode: u8,
		/// The calls.
		calls: Vec<FCall>,
	},
	/// Ends the block in progress and runs `n - 1` empty blocks (at least one block ends).
	Blocks(u8),
}

/// A call of one of the runtime's pallets, its arguments as table indices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum FCall {
	// Balances.
	Transfer { to: u8, amount: u8 },
	TransferAll { to: u8, keep_alive: bool },
	// Device registry: owners.
	Register { device: u8, kind: u8, cell: u8, proof: u8, maker: Option<u8> },
	AssertLocation { device: u8, cell: u8 },
	TransferDevice { device: u8, to: u8 },
	AcceptTransfer { device: u8 },
	CancelTransfer { device: u8 },
	Deregister { device: u8 },
	WithdrawDeposit { device: u8 },
	TopUpDeposit { device: u8 },
	ApplyMaker { name: u8 },
	WithdrawMakerApplication,
	TopUpMakerBond,
	// Device registry: governance.
	Suspend { device: u8, reason: u8 },
	Reinstate { device: u8 },
	SlashDevice { device: u8, amount: u8 },
	ApproveMaker { maker: u8 },
	RemoveMaker { maker: u8 },
	SlashMaker { maker: u8, amount: u8 },
	SetKindPolicy { kind: u8, requires_maker: bool },
	Purge { device: u8, slash: bool },
	// Proof of coverage.
	SetRadio { device: u8, gain: u8 },
	Beacon { payload: u8, freq: u8, power: u8 },
	Witness { beacon: u8, payload: u8, signal: u8, snr: u8, freq: u8 },
	Reveal { beacon: u8, payload: u8 },
	SetMaxEirp { dbm: u8 },
	// Storage deals.
	SetAsk { device: u8, price: u8, min: u8, max: u8, capacity: u8 },
	ClearAsk { device: u8 },
	ProposeDeal { provider: u8, file: u8, duration: u8, price: u8, collateral: u8 },
	AcceptDeal { deal: u8 },
	CancelProposal { deal: u8 },
	SubmitProof { deal: u8, back: u8, good: bool },
	SettleDeal { deal: u8 },
	ReportFault { deal: u8 },
	// Energy settlement.
	CreateZone { operator: u8, tariffs: u8 },
	UpdateTariffs { zone: u8, tariffs: u8 },
	RegisterMeter { device: u8, zone: u8, capacity: u8 },
	DeregisterMeter { device: u8 },
	FundEscrow { device: u8, amount: u8 },
	WithdrawEscrow { device: u8, amount: u8 },
	Reading { back: u8, produced: u8, consumed: u8 },
	SettleEnergy { meter: u8, back: u8 },
	Dispute { meter: u8, back: u8 },
	Resolve { meter: u8, back: u8, upheld: bool },
	// Rewards.
	Claim { device: u8 },
	ClaimValidator,
	SetSplit { split: u8 },
	// Validators and their session keys.
	AddValidator { who: u8 },
	RemoveValidator { who: u8 },
	SetMinimum { n: u8 },
	SetKeys { keys: u8, proof_ok: bool },
	PurgeKeys,
}

impl FCall {
	/// Whether this is a governance call (its natural origin is root, through sudo).
	pub fn governance(&self) -> bool {
		use FCall::*;
		matches!(
			self,
			Suspend { .. }
				| Reinstate { .. }
				| SlashDevice { .. }
				| ApproveMaker { .. }
				| RemoveMaker { .. }
				| SlashMaker { .. }
				| SetKindPolicy { .. }
				| Purge { .. }
				| SetMaxEirp { .. }
				| CreateZone { .. }
				| UpdateTariffs { .. }
				| Resolve { .. }
				| SetSplit { .. }
				| AddValidator { .. }
				| RemoveValidator { .. }
				| SetMinimum { .. }
		)
	}

	/// Whether a device key signs this call (device reports).
	pub fn by_device(&self) -> bool {
		use FCall::*;
		matches!(
			self,
			Beacon { .. } | Witness { .. } | Reveal { .. } | SubmitProof { .. } | Reading { .. }
		)
	}

	/// The call's name for the call mix (`pallet.call`).
	pub fn name(&self) -> &'static str {
		use FCall::*;
		match self {
			Transfer { .. } => "balances.transfer_keep_alive",
			TransferAll { .. } => "balances.transfer_all",
			Register { .. } => "deviceRegistry.register_device",
			AssertLocation { .. } => "deviceRegistry.assert_location",
			TransferDevice { .. } => "deviceRegistry.transfer_device",
			AcceptTransfer { .. } => "deviceRegistry.accept_device_transfer",
			CancelTransfer { .. } => "deviceRegistry.cancel_device_transfer",
			Deregister { .. } => "deviceRegistry.deregister_device",
			WithdrawDeposit { .. } => "deviceRegistry.withdraw_deposit",
			TopUpDeposit { .. } => "deviceRegistry.top_up_deposit",
			ApplyMaker { .. } => "deviceRegistry.apply_maker",
			WithdrawMakerApplication => "deviceRegistry.withdraw_maker_application",
			TopUpMakerBond => "deviceRegistry.top_up_maker_bond",
			Suspend { .. } => "deviceRegistry.suspend_device",
			Reinstate { .. } => "deviceRegistry.reinstate_device",
			SlashDevice { .. } => "deviceRegistry.slash_device",
			ApproveMaker { .. } => "deviceRegistry.approve_maker",
			RemoveMaker { .. } => "deviceRegistry.remove_maker",
			SlashMaker { .. } => "deviceRegistry.slash_maker",
			SetKindPolicy { .. } => "deviceRegistry.set_kind_policy",
			Purge { .. } => "deviceRegistry.purge_device",
			SetRadio { .. } => "proofOfCoverage.set_radio",
			Beacon { .. } => "proofOfCoverage.submit_beacon",
			Witness { .. } => "proofOfCoverage.submit_witness",
			Reveal { .. } => "proofOfCoverage.reveal_beacon",
			SetMaxEirp { .. } => "proofOfCoverage.set_max_eirp",
			SetAsk { .. } => "storageDeals.set_ask",
			ClearAsk { .. } => "storageDeals.clear_ask",
			ProposeDeal { .. } => "storageDeals.propose_deal",
			AcceptDeal { .. } => "storageDeals.accept_deal",
			CancelProposal { .. } => "storageDeals.cancel_proposal",
			SubmitProof { .. } => "storageDeals.submit_proof",
			SettleDeal { .. } => "storageDeals.settle_deal",
			ReportFault { .. } => "storageDeals.report_fault",
			CreateZone { .. } => "energySettlement.create_zone",
			UpdateTariffs { .. } => "energySettlement.update_tariffs",
			RegisterMeter { .. } => "energySettlement.register_meter",
			DeregisterMeter { .. } => "energySettlement.deregister_meter",
			FundEscrow { .. } => "energySettlement.fund_escrow",
			WithdrawEscrow { .. } => "energySettlement.withdraw_escrow",
			Reading { .. } => "energySettlement.submit_reading",
			SettleEnergy { .. } => "energySettlement.settle",
			Dispute { .. } => "energySettlement.dispute_reading",
			Resolve { .. } => "energySettlement.resolve_dispute",
			Claim { .. } => "rewards.claim_rewards",
			ClaimValidator => "rewards.claim_validator_rewards",
			SetSplit { .. } => "rewards.set_split",
			AddValidator { .. } => "validatorSet.add_validator",
			RemoveValidator { .. } => "validatorSet.remove_validator",
			SetMinimum { .. } => "validatorSet.set_minimum_validators",
			SetKeys { .. } => "session.set_keys",
			PurgeKeys => "session.purge_keys",
		}
	}
}

/// Draws one call: every pallet's calls, device reports and governance more often than the
/// rarely useful ones.
pub fn random_call(rng: &mut StdRng) -> FCall {
	use FCall::*;
	let b = |rng: &mut StdRng| rng.gen::<u8>();
	match rng.gen_range(0..100u32) {
		0..=4 => Transfer { to: b(rng), amount: b(rng) },
		5 => TransferAll { to: b(rng), keep_alive: rng.gen() },
		6..=10 => Register {
			device: b(rng),
			kind: b(rng),
			cell: b(rng),
			proof: if rng.gen_bool(0.8) { 0 } else { b(rng) },
			maker: rng.gen_bool(0.2).then(|| b(rng)),
		},
		11 => AssertLocation { device: b(rng), cell: b(rng) },
		12 => TransferDevice { device: b(rng), to: b(rng) },
		13 => AcceptTransfer { device: b(rng) },
		14 => CancelTransfer { device: b(rng) },
		15 => Deregister { device: b(rng) },
		16 => WithdrawDeposit { device: b(rng) },
		17 => TopUpDeposit { device: b(rng) },
		18 => ApplyMaker { name: b(rng) },
		19 => WithdrawMakerApplication,
		20 => TopUpMakerBond,
		21 => Suspend { device: b(rng), reason: b(rng) },
		22 => Reinstate { device: b(rng) },
		23 => SlashDevice { device: b(rng), amount: b(rng) },
		24 => ApproveMaker { maker: b(rng) },
		25 => RemoveMaker { maker: b(rng) },
		26 => SlashMaker { maker: b(rng), amount: b(rng) },
		27 => SetKindPolicy { kind: b(rng), requires_maker: rng.gen() },
		28 => Purge { device: b(rng), slash: rng.gen() },
		29..=30 => SetRadio { device: b(rng), gain: b(rng) },
		31..=36 => Beacon { payload: b(rng), freq: b(rng), power: b(rng) },
		37..=44 => {
			Witness { beacon: b(rng), payload: b(rng), signal: b(rng), snr: b(rng), freq: b(rng) }
		}
		45..=49 => Reveal { beacon: b(rng), payload: b(rng) },
		50 => SetMaxEirp { dbm: b(rng) },
		51..=52 => {
			SetAsk { device: b(rng), price: b(rng), min: b(rng), max: b(rng), capacity: b(rng) }
		}
		53 => ClearAsk { device: b(rng) },
		54..=56 => ProposeDeal {
			provider: b(rng),
			file: b(rng),
			duration: b(rng),
			price: b(rng),
			collateral: b(rng),
		},
		57..=58 => AcceptDeal { deal: b(rng) },
		59 => CancelProposal { deal: b(rng) },
		60..=63 => SubmitProof { deal: b(rng), back: b(rng), good: rng.gen_bool(0.8) },
		64..=65 => SettleDeal { deal: b(rng) },
		66 => ReportFault { deal: b(rng) },
		67 => CreateZone { operator: b(rng), tariffs: b(rng) },
		68 => UpdateTariffs { zone: b(rng), tariffs: b(rng) },
		69..=70 => RegisterMeter { device: b(rng), zone: b(rng), capacity: b(rng) },
		71 => DeregisterMeter { device: b(rng) },
		72..=73 => FundEscrow { device: b(rng), amount: b(rng) },
		74 => WithdrawEscrow { device: b(rng), amount: b(rng) },
		75..=80 => Reading { back: b(rng), produced: b(rng), consumed: b(rng) },
		81..=83 => SettleEnergy { meter: b(rng), back: b(rng) },
		84 => Dispute { meter: b(rng), back: b(rng) },
		85 => Resolve { meter: b(rng), back: b(rng), upheld: rng.gen() },
		86..=89 => Claim { device: b(rng) },
		90 => ClaimValidator,
		91 => SetSplit { split: b(rng) },
		92..=93 => AddValidator { who: b(rng) },
		94..=95 => RemoveValidator { who: b(rng) },
		96 => SetMinimum { n: b(rng) },
		97..=98 => SetKeys { keys: b(rng), proof_ok: rng.gen_bool(0.8) },
		_ => PurgeKeys,
	}
}

/// The devices of the prepared state (`Harness::new`), by role: hotspots with radios, storage
/// providers with asks (and the signer index of their owner), meters with escrow. Deal 0 is an
/// accepted deal of provider 3.
pub const HOTSPOTS: [u8; 3] = [0, 1, 2];
/// Storage providers: (device, owner's signer index).
pub const PROVIDERS: [(u8, u8); 2] = [(3, 4), (4, 1)];
/// Energy meters.
pub const METERS: [u8; 2] = [5, 6];
/// A `deal` argument that names the most recently proposed deal (others name deal `d % 8`).
pub const LATEST_DEAL: u8 = 255;

/// A scripted scenario: device reports lined up as an honest device sends them (a beacon, the
/// other hotspots' witnesses with its payload, its reveal once the witness window closed; a
/// storage proof in its period; meter readings tried every few blocks so that one lands in a
/// reading window), with some of their arguments still drawn at random, so that device reports
/// reach the pallets' logic past their first checks. `dev` maps a device to its signer index.
pub fn scenario(rng: &mut StdRng, dev: impl Fn(u8) -> u8) -> Vec<Op> {
	use FCall::*;
	let call = |who: u8, call: FCall| Op::Call { who, sudo: false, call };
	match rng.gen_range(0..3u32) {
		0 => {
			// A coverage round (dev windows: 4 blocks to witness, then 4 to reveal).
			let beaconer = HOTSPOTS[rng.gen_range(0..HOTSPOTS.len())];
			let payload = rng.gen::<u8>();
			let mut ops = vec![
				call(dev(beaconer), Beacon { payload, freq: 0, power: rng.gen_range(0..2) }),
				Op::Blocks(1),
			];
			for w in HOTSPOTS.into_iter().filter(|w| *w != beaconer) {
				if rng.gen_bool(0.9) {
					let signal = rng.gen_range(0..2);
					let heard = if rng.gen_bool(0.9) { payload } else { rng.gen() };
					ops.push(call(
						dev(w),
						Witness { beacon: beaconer, payload: heard, signal, snr: 0, freq: 0 },
					));
				}
			}
			ops.push(Op::Blocks(rng.gen_range(4..=5)));
			let revealed = if rng.gen_bool(0.9) { payload } else { rng.gen() };
			ops.push(call(dev(beaconer), Reveal { beacon: beaconer, payload: revealed }));
			ops
		}
		1 => {
			// A storage proof (of deal 0, or of a deal proposed and accepted here) in the next
			// proving period (a deal's first; periods are 10 blocks), perhaps another in the
			// period after, and a settlement attempt.
			let (provider, owner) = PROVIDERS[rng.gen_range(0..PROVIDERS.len())];
			let mut ops = vec![];
			let deal = if rng.gen_bool(0.5) {
				ops.push(call(
					rng.gen_range(0..4),
					ProposeDeal {
						provider,
						file: rng.gen(),
						duration: rng.gen_range(1..=2),
						price: 1,
						collateral: 4,
					},
				));
				ops.push(call(owner, AcceptDeal { deal: LATEST_DEAL }));
				LATEST_DEAL
			} else {
				0
			};
			let proofs = if rng.gen_bool(0.3) { 2 } else { 1 };
			for _ in 0..proofs {
				ops.push(Op::Blocks(10));
				ops.push(call(
					dev(provider),
					SubmitProof { deal, back: 0, good: rng.gen_bool(0.9) },
				));
			}
			ops.push(Op::Blocks(1));
			ops.push(call(rng.gen_range(0..6), SettleDeal { deal }));
			ops
		}
		_ => {
			// Readings tried every third block (a reading window is the first 4 blocks of
			// every 10; the prepared state holds each meter's baseline), then a settlement or a
			// dispute of one of the last two intervals.
			let meter = METERS[rng.gen_range(0..METERS.len())];
			let mut ops = vec![];
			for _ in 0..3 {
				ops.push(call(
					dev(meter),
					Reading {
						back: 0,
						produced: rng.gen_range(1..=3),
						consumed: rng.gen_range(1..=3),
					},
				));
				ops.push(Op::Blocks(3));
			}
			// A settlement past the grace period of the interval read (when it is final), or
			// a dispute within it.
			let back = rng.gen_range(0..2);
			let settle = if rng.gen_bool(0.8) {
				ops.push(Op::Blocks(4));
				SettleEnergy { meter, back }
			} else {
				Dispute { meter, back }
			};
			ops.push(call(rng.gen_range(0..6), settle));
			ops
		}
	}
}

/// Draws a sequence of 1 to `max_ops` draws: single steps, and now and then (2 %) a scripted
/// [`scenario`] of several steps.
pub fn random_sequence(rng: &mut StdRng, max_ops: usize, signers: u8, devices: u8) -> Vec<Op> {
	let n = rng.gen_range(1..=max_ops.max(1));
	let dev = |d: u8| signers - devices + d;
	let mut ops = Vec::with_capacity(n);
	for _ in 0..n {
		if rng.gen_range(0..50u32) == 0 {
			ops.extend(scenario(rng, dev));
			continue;
		}
		ops.push(match rng.gen_range(0..100u32) {
			// Mostly the next block; now and then across an epoch (10 blocks on the dev preset).
			0..=9 => Op::Blocks(1),
			10..=11 => Op::Blocks(rng.gen_range(2..=5)),
			12..=13 => Op::Blocks(rng.gen_range(10..=12)),
			14..=17 => Op::Batch {
				who: rng.gen_range(0..signers),
				mode: rng.gen_range(0..3),
				calls: (0..rng.gen_range(0..=4)).map(|_| random_call(rng)).collect(),
			},
			_ => {
				let call = random_call(rng);
				// Device reports mostly by devices, governance mostly by the sudo key through
				// sudo; a share of each by anyone, which must be refused.
				let who = if call.by_device() && rng.gen_bool(0.9) {
					signers - devices + rng.gen_range(0..devices)
				} else if call.governance() && rng.gen_bool(0.9) {
					0
				} else {
					rng.gen_range(0..signers)
				};
				let sudo = if call.governance() { rng.gen_bool(0.95) } else { rng.gen_bool(0.02) };
				Op::Call { who, sudo, call }
			}
		});
	}
	ops
}
