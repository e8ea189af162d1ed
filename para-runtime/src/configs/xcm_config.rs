//! XCM, minimal and safe: the chain speaks XCM with the relay chain and its siblings (version
//! discovery, responses, the relay chain's governance), holds no foreign assets and lets no user
//! send, execute, teleport or reserve-transfer. Only root (sudo, governance) sends messages.
//!
//! - Assets: DPN only (`Here`); no chain is trusted as a reserve or a teleporter.
//! - Execution: paid in DPN at the transaction fee's rate, or free for the relay chain and its
//!   executive body; responses to our queries and version subscriptions are accepted.
//! - `pallet_xcm`: `send` and `execute` for root only; teleports and reserve transfers filtered
//!   out; no remote locks, no aliases.

use super::TreasuryAccount;
use crate::{
	AccountId, AllPalletsWithSystem, Balance, Balances, ParachainInfo, ParachainSystem,
	PolkadotXcm, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, XcmpQueue,
};
use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU32, Contains, Disabled, Everything, Nothing},
	weights::{IdentityFee, Weight},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use pallet_xcm::XcmPassthrough;
use polkadot_parachain_primitives::primitives::Sibling;
use polkadot_runtime_common::xcm_sender::NoPriceForMessageDelivery;
use xcm::latest::prelude::*;
use xcm_builder::{
	AccountId32Aliases, AllowExplicitUnpaidExecutionFrom, AllowKnownQueryResponses,
	AllowSubscriptionsFrom, AllowTopLevelPaidExecutionFrom, FixedWeightBounds,
	FrameTransactionalProcessor, FungibleAdapter, IsConcrete, ParentIsPreset, RelayChainAsNative,
	SiblingParachainAsNative, SiblingParachainConvertsVia, SignedAccountId32AsNative,
	SovereignSignedViaLocation, TakeWeightCredit, TrailingSetTopicAsId, UsingComponents,
	WithComputedOrigin, WithUniqueTopic,
};
use xcm_executor::XcmExecutor;

parameter_types! {
	/// The relay chain.
	pub const RelayLocation: Location = Location::parent();
	/// The native token, DPN.
	pub const HereLocation: Location = Location::here();
	/// No global consensus is claimed on local test networks.
	pub const RelayNetwork: Option<NetworkId> = None;
	/// The relay chain as a dispatch origin.
	pub RelayChainOrigin: RuntimeOrigin = cumulus_pallet_xcm::Origin::Relay.into();
	/// This chain in the consensus universe.
	pub UniversalLocation: InteriorLocation = Parachain(ParachainInfo::parachain_id().into()).into();
	/// One XCM instruction is weighed at 1 ms and 64 KiB of proof: conservative.
	pub UnitWeightCost: Weight = Weight::from_parts(1_000_000_000, 64 * 1024);
	/// Instructions in one message.
	pub const MaxInstructions: u32 = 100;
	/// Assets held at once by one message's execution.
	pub const MaxAssetsIntoHolding: u32 = 64;
}

/// How a location becomes an account: the relay chain's and siblings' sovereign accounts, and
/// local 32-byte accounts.
pub type LocationToAccountId = (
	ParentIsPreset<AccountId>,
	SiblingParachainConvertsVia<Sibling, AccountId>,
	AccountId32Aliases<RelayNetwork, AccountId>,
);

/// DPN, the only asset this chain transacts in XCM.
pub type LocalAssetTransactor =
	FungibleAdapter<Balances, IsConcrete<HereLocation>, LocationToAccountId, AccountId, ()>;

/// How an incoming message's origin becomes a dispatch origin for `Transact`.
pub type XcmOriginToTransactDispatchOrigin = (
	SovereignSignedViaLocation<LocationToAccountId, RuntimeOrigin>,
	RelayChainAsNative<RelayChainOrigin, RuntimeOrigin>,
	SiblingParachainAsNative<cumulus_pallet_xcm::Origin, RuntimeOrigin>,
	SignedAccountId32AsNative<RelayNetwork, RuntimeOrigin>,
	XcmPassthrough<RuntimeOrigin>,
);

/// The relay chain and its executive body.
pub struct ParentOrParentsExecutivePlurality;

impl Contains<Location> for ParentOrParentsExecutivePlurality {
	fn contains(location: &Location) -> bool {
		matches!(location.unpack(), (1, []) | (1, [Plurality { id: BodyId::Executive, .. }]))
	}
}

/// The relay chain and sibling parachains.
pub struct ParentOrSiblings;

impl Contains<Location> for ParentOrSiblings {
	fn contains(location: &Location) -> bool {
		matches!(location.unpack(), (1, []) | (1, [Parachain(_)]))
	}
}

/// What may execute: paid messages, the relay chain's governance unpaid, responses to our
/// queries, version subscriptions from the relay chain and siblings.
pub type Barrier = TrailingSetTopicAsId<(
	TakeWeightCredit,
	AllowKnownQueryResponses<PolkadotXcm>,
	WithComputedOrigin<
		(
			AllowTopLevelPaidExecutionFrom<Everything>,
			AllowExplicitUnpaidExecutionFrom<ParentOrParentsExecutivePlurality>,
			AllowSubscriptionsFrom<ParentOrSiblings>,
		),
		UniversalLocation,
		ConstU32<8>,
	>,
)>;

/// Weighs messages at [`UnitWeightCost`] per instruction.
pub type Weigher = FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>;

/// The XCM executor's configuration.
pub struct XcmConfig;

impl xcm_executor::Config for XcmConfig {
	type RuntimeCall = RuntimeCall;
	type XcmSender = XcmRouter;
	type XcmEventEmitter = PolkadotXcm;
	type AssetTransactor = LocalAssetTransactor;
	type OriginConverter = XcmOriginToTransactDispatchOrigin;
	/// No chain is trusted as the reserve of an asset.
	type IsReserve = ();
	/// No chain is trusted to teleport.
	type IsTeleporter = ();
	type UniversalLocation = UniversalLocation;
	type Barrier = Barrier;
	type Weigher = Weigher;
	/// Execution is bought with DPN at the transaction fee's rate; paid to the treasury.
	type Trader = UsingComponents<
		IdentityFee<Balance>,
		HereLocation,
		AccountId,
		Balances,
		ResolveTo<TreasuryAccount, Balances>,
	>;
	type ResponseHandler = PolkadotXcm;
	type AssetTrap = PolkadotXcm;
	type SubscriptionService = PolkadotXcm;
	type PalletInstancesInfo = AllPalletsWithSystem;
	type MaxAssetsIntoHolding = MaxAssetsIntoHolding;
	type AssetLocker = ();
	type AssetExchanger = ();
	type FeeManager = ();
	type MessageExporter = ();
	type UniversalAliases = Nothing;
	type CallDispatcher = RuntimeCall;
	type SafeCallFilter = Everything;
	type Aliasers = Nothing;
	type TransactionalProcessor = FrameTransactionalProcessor;
	type HrmpNewChannelOpenRequestHandler = ();
	type HrmpChannelAcceptedHandler = ();
	type HrmpChannelClosingHandler = ();
	type XcmRecorder = PolkadotXcm;
}

/// Upward messages go to the relay chain, others to siblings over XCMP.
pub type XcmRouter = WithUniqueTopic<(
	cumulus_primitives_utility::ParentAsUmp<
		ParachainSystem,
		PolkadotXcm,
		NoPriceForMessageDelivery<()>,
	>,
	XcmpQueue,
)>;

/// Root sends and executes as the chain itself (`Here`): governance only.
pub type RootAsHere = EnsureRootWithSuccess<AccountId, HereLocation>;

impl pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type SendXcmOrigin = RootAsHere;
	type XcmRouter = XcmRouter;
	type ExecuteXcmOrigin = RootAsHere;
	type XcmExecuteFilter = Nothing;
	type XcmExecutor = XcmExecutor<XcmConfig>;
	type XcmTeleportFilter = Nothing;
	type XcmReserveTransferFilter = Nothing;
	type Weigher = Weigher;
	type UniversalLocation = UniversalLocation;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	const VERSION_DISCOVERY_QUEUE_SIZE: u32 = 100;
	type AdvertisedXcmVersion = pallet_xcm::CurrentXcmVersion;
	type Currency = Balances;
	type CurrencyMatcher = ();
	type TrustedLockers = ();
	type SovereignAccountOf = LocationToAccountId;
	type MaxLockers = ConstU32<0>;
	type WeightInfo = pallet_xcm::TestWeightInfo;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxRemoteLockConsumers = ConstU32<0>;
	type RemoteLockConsumerIdentifier = ();
	type AuthorizedAliasConsideration = Disabled;
}

impl cumulus_pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type XcmExecutor = XcmExecutor<XcmConfig>;
}
