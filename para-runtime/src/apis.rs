//! The runtime APIs polkadot-omni-node and wallets call: those shared with the solo runtime
//! (`runtime/src/apis_shared.rs`: block building and import, transaction validation, Aura,
//! session keys, nonces, fee queries, `DepinApi`, `RewardsApi`, genesis presets) and the
//! parachain's own: collation info, the para id, the unincluded segment, the relay parent offset.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	traits::Get,
	weights::Weight,
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use crate::{
	configs::ConsensusHook, genesis_config_presets, AccountId, Aura, Balance, Block, BlockNumber,
	DeviceRecord, EnergySettlement, Executive, InherentDataExt, Nonce, ParachainInfo,
	ParachainSystem, ProofOfCoverage, Rewards, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SessionKeys, StorageDeals, System, TransactionPayment, VERSION,
};

impl_depin_runtime_apis! {
	// Version 2: the slot is the relay chain's, which the consensus hook counts blocks against.
	#[api_version(2)]
	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(
			included_hash: <Block as BlockT>::Hash,
			slot: cumulus_primitives_aura::Slot,
		) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}

	impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
		fn collect_collation_info(header: &<Block as BlockT>::Header) -> cumulus_primitives_core::CollationInfo {
			ParachainSystem::collect_collation_info(header)
		}
	}

	impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
		fn parachain_id() -> cumulus_primitives_core::ParaId {
			ParachainInfo::parachain_id()
		}
	}

	// Version 2: also the claim queue offset collators may pick a core at.
	#[api_version(2)]
	impl cumulus_primitives_core::RelayParentOffsetApi<Block> for Runtime {
		fn relay_parent_offset() -> u32 {
			<Runtime as cumulus_pallet_parachain_system::Config>::RelayParentOffset::get()
		}

		fn max_claim_queue_offset() -> u8 {
			ParachainSystem::max_claim_queue_offset()
		}
	}
}
