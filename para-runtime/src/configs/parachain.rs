//! The parachain pallets: `cumulus_pallet_parachain_system` (the relay chain's validation data,
//! upward and downward messages, the consensus hook of asynchronous backing), `parachain_info`
//! (the para id), `pallet_message_queue` (messages from the relay chain and siblings, executed
//! in bounded slices of each block) and `cumulus_pallet_xcmp_queue` (sibling channels).

use super::{system::MAXIMUM_BLOCK_WEIGHT, xcm_config};
use crate::{
	AccountId, MessageQueue, ParachainSystem, Runtime, RuntimeCall, RuntimeEvent, XcmpQueue,
	BLOCK_PROCESSING_VELOCITY, RELAY_CHAIN_SLOT_DURATION_MILLIS, UNINCLUDED_SEGMENT_CAPACITY,
};
use core::marker::PhantomData;
use cumulus_primitives_core::{AggregateMessageOrigin, ParaId};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EnqueueWithOrigin, QueueFootprint, QueuePausedQuery, TransformOrigin},
	weights::Weight,
};
use frame_system::EnsureRoot;
use pallet_message_queue::OnQueueChanged;
use polkadot_runtime_common::xcm_sender::NoPriceForMessageDelivery;
use sp_runtime::{traits::Convert, Perbill};

/// Asynchronous backing: at most [`UNINCLUDED_SEGMENT_CAPACITY`] blocks ahead of inclusion,
/// [`BLOCK_PROCESSING_VELOCITY`] per relay chain block.
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

parameter_types! {
	/// A quarter of a block for messages from siblings.
	pub const ReservedXcmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	/// A quarter of a block for messages from the relay chain.
	pub const ReservedDmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	/// Messages from the relay chain are queued under this origin.
	pub const RelayOrigin: AggregateMessageOrigin = AggregateMessageOrigin::Parent;
}

impl cumulus_pallet_parachain_system::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnSystemEvent = ();
	type SelfParaId = parachain_info::Pallet<Runtime>;
	type OutboundXcmpMessageSource = XcmpQueue;
	type DmpQueue = EnqueueWithOrigin<MessageQueue, RelayOrigin>;
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = XcmpQueue;
	type ReservedXcmpWeight = ReservedXcmpWeight;
	type CheckAssociatedRelayNumber =
		cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type WeightInfo = cumulus_pallet_parachain_system::weights::SubstrateWeight<Runtime>;
	type ConsensusHook = ConsensusHook;
	/// Blocks are built on the relay chain's newest block.
	type RelayParentOffset = ConstU32<0>;
	type SchedulingSignatureVerifier = ();
}

impl parachain_info::Config for Runtime {}

parameter_types! {
	/// At most 35% of a block executes queued messages.
	pub MessageQueueServiceWeight: Weight =
		Perbill::from_percent(35) * super::RuntimeBlockWeights::get().max_block;
}

/// Tells the XCMP queue about its siblings' queues only (the relay chain's is not a channel).
pub struct NarrowOriginToSibling<Inner>(PhantomData<Inner>);

impl<Inner: QueuePausedQuery<ParaId>> QueuePausedQuery<AggregateMessageOrigin>
	for NarrowOriginToSibling<Inner>
{
	fn is_paused(origin: &AggregateMessageOrigin) -> bool {
		match origin {
			AggregateMessageOrigin::Sibling(id) => Inner::is_paused(id),
			_ => false,
		}
	}
}

impl<Inner: OnQueueChanged<ParaId>> OnQueueChanged<AggregateMessageOrigin>
	for NarrowOriginToSibling<Inner>
{
	fn on_queue_changed(origin: AggregateMessageOrigin, footprint: QueueFootprint) {
		if let AggregateMessageOrigin::Sibling(id) = origin {
			Inner::on_queue_changed(id, footprint)
		}
	}
}

/// A sibling's para id as the message queue's origin.
pub struct ParaIdToSibling;

impl Convert<ParaId, AggregateMessageOrigin> for ParaIdToSibling {
	fn convert(id: ParaId) -> AggregateMessageOrigin {
		AggregateMessageOrigin::Sibling(id)
	}
}

impl pallet_message_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_message_queue::weights::SubstrateWeight<Runtime>;
	type MessageProcessor = xcm_builder::ProcessXcmMessage<
		AggregateMessageOrigin,
		xcm_executor::XcmExecutor<xcm_config::XcmConfig>,
		RuntimeCall,
	>;
	type Size = u32;
	type QueueChangeHandler = NarrowOriginToSibling<XcmpQueue>;
	type QueuePausedQuery = NarrowOriginToSibling<XcmpQueue>;
	type HeapSize = ConstU32<{ 103 * 1024 }>;
	type MaxStale = ConstU32<8>;
	type ServiceWeight = MessageQueueServiceWeight;
	type IdleMaxServiceWeight = MessageQueueServiceWeight;
}

impl cumulus_pallet_xcmp_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ChannelInfo = ParachainSystem;
	type VersionWrapper = crate::PolkadotXcm;
	type XcmpQueue = TransformOrigin<MessageQueue, AggregateMessageOrigin, ParaId, ParaIdToSibling>;
	type MaxInboundSuspended = ConstU32<1_000>;
	type MaxActiveOutboundChannels = ConstU32<128>;
	/// 64 KiB pages, as the relay chain's HRMP limits allow.
	type MaxPageSize = ConstU32<{ 1 << 16 }>;
	type ControllerOrigin = EnsureRoot<AccountId>;
	type ControllerOriginConverter = xcm_config::XcmOriginToTransactDispatchOrigin;
	type WeightInfo = cumulus_pallet_xcmp_queue::weights::SubstrateWeight<Runtime>;
	/// Delivery to siblings is free: only governance sends XCM (see `xcm_config`).
	type PriceForSiblingDelivery = NoPriceForMessageDelivery<ParaId>;
}
