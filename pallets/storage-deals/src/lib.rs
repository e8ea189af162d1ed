//! # Storage deals
//!
//! Clients buy storage from storage-node devices; providers prove, every proving period, that
//! they still hold the file, with a Merkle spot check verified on chain in O(log n): the Sia
//! model, with Filecoin-style collateral and faults, and payment pulled by the provider.
//!
//! A deal's life:
//! 1. The provider's owner publishes an ask for its `StorageNode` device: `set_ask(device,
//!    ask)` (least price per byte and period, shortest and longest duration, capacity).
//! 2. A client proposes: `propose_deal(provider, root, size, duration, price, collateral)`, with
//!    `root` the file's Merkle root ([`depin_primitives::merkle`]). The total price
//!    (`price × size × duration`) and `DealDeposit` are held from the client.
//! 3. The provider's owner accepts within `ProposalExpiry` blocks: `accept_deal(deal)` holds
//!    the collateral. The deal runs for `duration` proving periods from the next one. An
//!    unaccepted proposal is cancelled by the client at any time, or by anyone once expired;
//!    the client gets everything back.
//! 4. Proving periods are global (`ProvingPeriod` blocks). At each period's first block the
//!    parent hash is recorded as the period's seed; the challenged leaf of a deal is
//!    [`depin_primitives::merkle::challenge_index`]. Within the period the storage node itself
//!    (its device key, no funds) submits `submit_proof(deal, period, leaf, path)`: free when
//!    valid (`#[pallet::feeless_if]` runs the same check as the call). Each proven period earns
//!    the device `size` reward points (byte-periods).
//! 5. `settle_deal` (the provider's owner) pays every proven, unpaid period from the client's
//!    hold. A period without a proof is a fault, found lazily at the next proof, settlement or
//!    permissionless `report_fault`: `FaultPenalty` of the collateral goes to the client and
//!    the period's price is refunded. After `MaxConsecutiveFaults` faults in a row the deal
//!    terminates: proven periods are paid, the client gets the rest of its hold back, and what
//!    is left of the collateral goes to the treasury. When every period is judged and paid the
//!    deal completes: the collateral and the deposit are released and the deal is removed.
//!
//! No hook does per-deal work: the only hook records one seed per period.
//!
//! This file is the table of contents; the proof check is in `checks`, proposals and
//! acceptance in `deals`, settlement in `settlement`, the runtime API's view in `api`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod api;
mod checks;
mod deals;
mod invariants;
mod settlement;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// A leaf of a file, zero-padded: what a proof opens.
pub type Leaf = [u8; depin_primitives::merkle::LEAF_SIZE];

/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

impl<T: Config> Pallet<T> {
	/// The weight charged up front for a settlement: the larger of its two worst cases, a
	/// completion and a termination (either call can end either way). A settlement that does
	/// not terminate is refunded down to the completion's weight.
	pub fn settlement_weight() -> frame_support::weights::Weight {
		T::WeightInfo::settle_deal().max(T::WeightInfo::terminate_deal())
	}
}

/// What the benchmarks need from the runtime: storage nodes in the registry, reward sinks in
/// their worst case.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers `device` of `owner` as an active storage node.
	fn register_storage_node(owner: &AccountId, device: &AccountId);
	/// Puts the reward sink's `note_points` for `device` in its worst case.
	fn worst_case_notes(_device: &AccountId) {}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::{OnDeviceChange, RewardSink};
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency: payments, deposits and collateral are held.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The device registry: who is an active storage node, and whose.
		type Registry: depin_primitives::DeviceRegistry<Self::AccountId>;

		/// Where proven storage earns points (the rewards pallet).
		type Rewards: RewardSink<Self::AccountId>;

		/// Receives what is left of a terminated deal's collateral.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// Held from the client per deal (proposed or running), for the deal's storage.
		#[pallet::constant]
		type DealDeposit: Get<BalanceOf<Self>>;

		/// Blocks during which a proposal may be accepted.
		#[pallet::constant]
		type ProposalExpiry: Get<BlockNumberFor<Self>>;

		/// Share of a deal's collateral each fault pays the client.
		#[pallet::constant]
		type FaultPenalty: Get<Perbill>;

		/// Unproven periods in a row that terminate a deal.
		#[pallet::constant]
		type MaxConsecutiveFaults: Get<u32>;

		/// Largest file of a deal, in bytes.
		#[pallet::constant]
		type MaxDealSize: Get<u64>;

		/// Longest Merkle path accepted: at least the depth of a `MaxDealSize` file (27 for
		/// 32 GiB).
		#[pallet::constant]
		type MaxProofDepth: Get<u32>;

		/// Longest deal, in proving periods.
		#[pallet::constant]
		type MaxDuration: Get<u32>;

		/// Most deals (proposed or running) of one client.
		#[pallet::constant]
		type MaxDealsPerClient: Get<u32>;

		/// Most running deals of one storage node.
		#[pallet::constant]
		type MaxDealsPerProvider: Get<u32>;

		/// Periods whose seeds are kept (older ones are pruned as new ones are recorded).
		#[pallet::constant]
		type SeedHistory: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Storage nodes for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A client's payment for a deal's unpaid periods.
		DealPayment,
		/// A client's deposit for a deal's storage.
		DealDeposit,
		/// A provider owner's collateral for a running deal.
		DealCollateral,
	}

	/// A deal record.
	pub type DealOf<T> =
		Deal<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// A storage node's record.
	pub type ProviderOf<T> = Provider<BalanceOf<T>, <T as Config>::MaxDealsPerProvider>;

	/// 600 blocks (an hour of 6-second blocks): the proving period of a chain whose genesis did
	/// not set one (e.g. one that adds this pallet in an upgrade).
	#[pallet::type_value]
	pub fn DefaultProvingPeriod<T: Config>() -> BlockNumberFor<T> {
		600u32.into()
	}

	/// Blocks per proving period. Set at genesis (short on the dev chain); fixed afterwards, so
	/// that every running deal keeps its periods.
	#[pallet::storage]
	pub type ProvingPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultProvingPeriod<T>>;

	/// The seed of each recent proving period: the parent hash of its first block. The last
	/// `SeedHistory` periods are kept.
	#[pallet::storage]
	pub type PeriodSeeds<T: Config> = StorageMap<_, Twox64Concat, Period, H256>;

	/// Storage nodes with an ask or running deals. Covered by the device's registry deposit;
	/// removed with the device's record when it has no running deal.
	#[pallet::storage]
	pub type Providers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ProviderOf<T>>;

	/// Deals by id, proposed or running. Each is paid for by its client's `DealDeposit`.
	#[pallet::storage]
	pub type Deals<T: Config> = StorageMap<_, Twox64Concat, DealId, DealOf<T>>;

	/// The id of the next deal.
	#[pallet::storage]
	pub type NextDealId<T: Config> = StorageValue<_, DealId, ValueQuery>;

	/// The deals of each client, proposed or running (the index of `Deals` by client).
	#[pallet::storage]
	pub type ClientDeals<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<DealId, T::MaxDealsPerClient>,
		ValueQuery,
	>;

	/// Genesis: the proving period.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks per proving period (0: the default, 600 blocks = 1 hour).
		pub proving_period: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::traits::Zero;
			if !self.proving_period.is_zero() {
				ProvingPeriod::<T>::put(self.proving_period);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The owner of storage node `device` published its ask.
		AskSet { device: T::AccountId, ask: Ask<BalanceOf<T>> },
		/// The owner of storage node `device` withdrew its ask; running deals go on.
		AskCleared { device: T::AccountId },
		/// `client` proposed deal `deal` to storage node `provider`: `total` and `deposit` are
		/// held from it; the provider may accept until `expires_at`.
		DealProposed {
			deal: DealId,
			client: T::AccountId,
			provider: T::AccountId,
			root: H256,
			size: u64,
			duration: u32,
			total: BalanceOf<T>,
			collateral: BalanceOf<T>,
			deposit: BalanceOf<T>,
			expires_at: BlockNumberFor<T>,
		},
		/// `owner` accepted deal `deal` for its storage node: the collateral is held; the deal
		/// runs from period `start` to before period `end`.
		DealAccepted { deal: DealId, owner: T::AccountId, start: Period, end: Period },
		/// The unaccepted proposal `deal` was cancelled; `refunded` (payment and deposit) went
		/// back to `client`.
		ProposalCancelled { deal: DealId, client: T::AccountId, refunded: BalanceOf<T> },
		/// The storage node proved period `period` of deal `deal` (leaf `index`), earning
		/// `points`; `faults` earlier periods were found unproven.
		ProofAccepted { deal: DealId, period: Period, index: u64, points: u64, faults: u32 },
		/// Deal `deal` was settled: `paid` for `periods` proven periods to the provider's owner;
		/// `faults` fault periods cost the provider `penalty` (to the client) and refunded
		/// their price, `refunded`, to the client.
		DealSettled {
			deal: DealId,
			periods: u32,
			paid: BalanceOf<T>,
			faults: u32,
			penalty: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// Deal `deal` terminated after `MaxConsecutiveFaults` unproven periods in a row:
		/// `paid` to the provider's owner for proven periods, `penalty` and `refunded` (the rest
		/// of the payment and the deposit) to the client, `slashed` (the rest of the
		/// collateral) to the treasury. The deal is removed.
		DealTerminated {
			deal: DealId,
			paid: BalanceOf<T>,
			penalty: BalanceOf<T>,
			refunded: BalanceOf<T>,
			slashed: BalanceOf<T>,
		},
		/// Deal `deal` ran its course: `collateral` released to the provider's owner, the
		/// deposit to the client. The deal is removed.
		DealCompleted { deal: DealId, collateral: BalanceOf<T>, deposit: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The device is not registered.
		NotRegistered,
		/// The device is registered, but not as a storage node.
		NotAStorageNode,
		/// The storage node is suspended by governance.
		Suspended,
		/// The storage node is deregistered.
		Deregistered,
		/// Only the storage node's owner may do this.
		NotOwner,
		/// The ask is invalid: the shortest duration must be at least 1 and at most the longest,
		/// the longest at most `MaxDuration`, the capacity above zero.
		InvalidAsk,
		/// The storage node has no ask.
		NoAsk,
		/// A deal's file must have at least one byte.
		EmptyFile,
		/// The file is larger than `MaxDealSize`.
		DealTooLarge,
		/// The duration is outside the ask's range.
		DurationOutOfRange,
		/// The price is below the ask's.
		PriceBelowAsk,
		/// The storage node has not that much capacity left.
		InsufficientCapacity,
		/// A client cannot buy storage from its own storage node.
		SelfDeal,
		/// The total price (`price × size × duration`) does not fit in a balance.
		PriceOverflow,
		/// The collateral must be at least the existential deposit (it keeps the provider's
		/// owner account alive to be paid while the deal runs).
		CollateralTooLow,
		/// The client already has `MaxDealsPerClient` deals.
		TooManyDeals,
		/// The storage node already runs `MaxDealsPerProvider` deals.
		ProviderFull,
		/// The account cannot hold the amount (payment and deposit, or collateral).
		InsufficientBalance,
		/// No deal of that id.
		UnknownDeal,
		/// The deal is running, not a proposal.
		NotProposed,
		/// The proposal's acceptance window is over.
		ProposalExpired,
		/// Only the client may cancel a proposal before it expires.
		NotClient,
		/// The deal is a proposal, not running.
		NotActive,
		/// The signer is not the deal's storage node.
		NotProvider,
		/// The period is not one of the deal's.
		PeriodOutsideDeal,
		/// The period has not begun.
		PeriodNotStarted,
		/// The period is over: a proof is accepted only within its period.
		ProofTooLate,
		/// The period is already proven.
		AlreadyProven,
		/// The deal has `MaxConsecutiveFaults` unproven periods in a row: it can only be
		/// terminated (`report_fault` or `settle_deal`).
		DealTerminable,
		/// No seed is recorded for the period.
		SeedUnknown,
		/// The leaf and path do not prove the challenged leaf of the deal's root.
		InvalidProof,
		/// Only the deal's parties settle it: the provider's owner who accepted it, or the client.
		NotDealParty,
		/// Nothing to pay, judge or complete.
		NothingToSettle,
		/// No unsettled fault: every past period is proven or already settled.
		NoFault,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// At a proving period's first block: records its seed and prunes the oldest. O(1).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::record_seed(now)
		}

		fn integrity_test() {
			let depth = depin_primitives::merkle::leaf_count(T::MaxDealSize::get())
				.map(|n| 64 - n.saturating_sub(1).leading_zeros())
				.unwrap_or(0);
			assert!(depth <= T::MaxProofDepth::get(), "MaxProofDepth below MaxDealSize's depth");
			assert!(T::MaxConsecutiveFaults::get() > 0, "MaxConsecutiveFaults must be positive");
			assert!(T::SeedHistory::get() > 0, "SeedHistory must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publishes (or replaces) the ask of storage node `device`. By the device's owner; the
		/// device must be an active storage node.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_ask())]
		pub fn set_ask(
			origin: OriginFor<T>,
			device: T::AccountId,
			ask: Ask<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_ask(who, device, ask)
		}

		/// Withdraws the ask of storage node `device`: no new deal; running deals go on. By
		/// the device's owner.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::clear_ask())]
		pub fn clear_ask(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_clear_ask(who, device)
		}

		/// Proposes a deal to storage node `provider`: `size` bytes with Merkle root `root`,
		/// stored for `duration` proving periods at `price` per byte and period, the provider to
		/// hold `collateral`. Holds the total price and `DealDeposit` from the caller.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::propose_deal())]
		pub fn propose_deal(
			origin: OriginFor<T>,
			provider: T::AccountId,
			root: H256,
			size: u64,
			duration: u32,
			price: BalanceOf<T>,
			collateral: BalanceOf<T>,
		) -> DispatchResult {
			let client = ensure_signed(origin)?;
			Self::do_propose(client, provider, root, size, duration, price, collateral)
		}

		/// Accepts proposal `deal` for the caller's storage node: holds the collateral; the
		/// deal runs from the next proving period.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accept_deal())]
		pub fn accept_deal(origin: OriginFor<T>, deal: DealId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept(who, deal)
		}

		/// Cancels the unaccepted proposal `deal`, refunding its client's payment and deposit.
		/// By the client at any time; by anyone once the proposal has expired.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_proposal())]
		pub fn cancel_proposal(origin: OriginFor<T>, deal: DealId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, deal)
		}

		/// Proves period `period` (the one in progress) of deal `deal`: `leaf` (zero-padded to
		/// 256 bytes) is the challenged leaf, `path` its sibling hashes from the leaf level up.
		/// Signed by the deal's storage node; free when valid. (The leaf is boxed only to keep
		/// the runtime's call type small; it encodes as 256 plain bytes.)
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::submit_proof(path.len() as u32))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, deal: &DealId, period: &Period,
			leaf: &alloc::boxed::Box<Leaf>, path: &BoundedVec<H256, T::MaxProofDepth>| -> bool {
			Pallet::<T>::check_proof(origin, *deal, *period, leaf, path).is_ok()
		})]
		pub fn submit_proof(
			origin: OriginFor<T>,
			deal: DealId,
			period: Period,
			leaf: alloc::boxed::Box<Leaf>,
			path: BoundedVec<H256, T::MaxProofDepth>,
		) -> DispatchResult {
			let checked = Self::check_proof(&origin, deal, period, &leaf, &path)?;
			Self::do_submit_proof(checked);
			Ok(())
		}

		/// Settles deal `deal`: pays the provider's owner every proven, unpaid period, judges
		/// the unproven past periods as faults (penalty and refund to the client), terminates
		/// the deal after `MaxConsecutiveFaults` faults in a row and completes it after its last
		/// period. By either party: the provider's owner of the deal (who is paid) or its client
		/// (whose deposit a completion releases); the money goes where it is owed either way.
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::settlement_weight())]
		pub fn settle_deal(origin: OriginFor<T>, deal: DealId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_settle(Some(who), deal)
		}

		/// Reports that deal `deal` has an unproven past period: settles it as `settle_deal`
		/// does (the money goes to those it is owed to, never to the caller). By anyone.
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::settlement_weight())]
		pub fn report_fault(origin: OriginFor<T>, deal: DealId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_settle(None, deal)
		}
	}

	/// A device's record goes: so does its provider record, unless deals still run (they fault
	/// and terminate; the record goes with the last of them).
	impl<T: Config> OnDeviceChange<T::AccountId> for Pallet<T> {
		fn on_device_removed(device: &T::AccountId, _owner: &T::AccountId) {
			Providers::<T>::mutate_exists(device, |p| {
				if let Some(record) = p {
					record.ask = None;
					if record.deals.is_empty() {
						*p = None;
					}
				}
			});
		}
	}
}
