//! The runtime APIs both runtimes serve: block building and import, transaction validation, Aura,
//! session keys, nonces, fee queries, DePIN queries (`DepinApi`), rewards (`RewardsApi`), genesis
//! presets and, in `try-runtime` builds, `TryRuntime`. One source for the solo runtime
//! (`depin-runtime`) and the parachain runtime (`depin-para-runtime`, which includes this file by
//! `#[path]`), so that a wallet or UI asks both chains the same questions and gets the same
//! answers.
//!
//! `impl_runtime_apis!` takes every implementation in one invocation, so this is a macro: each
//! runtime's `apis.rs` calls `impl_depin_runtime_apis! { its own implementations }` (GRANDPA and
//! benchmarks for the solo chain; collation, parachain info and the unincluded segment for the
//! parachain) with these names in scope: `Runtime`, `Block`, `Executive`, `VERSION`, `AuraId`,
//! `SessionKeys`, the pallets and the primitive types.

/// `impl_runtime_apis!` with the shared APIs and the runtime's own (`$own`).
macro_rules! impl_depin_runtime_apis {
	($($own:tt)*) => {
		sp_api::impl_runtime_apis! {
			impl sp_api::Core<Block> for Runtime {
				fn version() -> RuntimeVersion {
					VERSION
				}

				fn execute_block(block: <Block as BlockT>::LazyBlock) {
					Executive::execute_block(block);
				}

				fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
					Executive::initialize_block(header)
				}
			}

			impl sp_api::Metadata<Block> for Runtime {
				fn metadata() -> OpaqueMetadata {
					OpaqueMetadata::new(Runtime::metadata().into())
				}

				fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
					Runtime::metadata_at_version(version)
				}

				fn metadata_versions() -> Vec<u32> {
					Runtime::metadata_versions()
				}
			}

			impl sp_block_builder::BlockBuilder<Block> for Runtime {
				fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
					Executive::apply_extrinsic(extrinsic)
				}

				fn finalize_block() -> <Block as BlockT>::Header {
					Executive::finalize_block()
				}

				fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
					data.create_extrinsics()
				}

				fn check_inherents(
					block: <Block as BlockT>::LazyBlock,
					data: sp_inherents::InherentData,
				) -> sp_inherents::CheckInherentsResult {
					data.check_extrinsics(&block)
				}
			}

			impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
				fn validate_transaction(
					source: TransactionSource,
					tx: <Block as BlockT>::Extrinsic,
					block_hash: <Block as BlockT>::Hash,
				) -> TransactionValidity {
					Executive::validate_transaction(source, tx, block_hash)
				}
			}

			impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
				fn offchain_worker(header: &<Block as BlockT>::Header) {
					Executive::offchain_worker(header)
				}
			}

			impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
				fn slot_duration() -> sp_consensus_aura::SlotDuration {
					sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
				}

				fn authorities() -> Vec<AuraId> {
					pallet_aura::Authorities::<Runtime>::get().into_inner()
				}
			}

			impl sp_session::SessionKeys<Block> for Runtime {
				fn generate_session_keys(
					owner: Vec<u8>,
					seed: Option<Vec<u8>>,
				) -> sp_session::OpaqueGeneratedSessionKeys {
					SessionKeys::generate(&owner, seed).into()
				}

				fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
					SessionKeys::decode_into_raw_public_keys(&encoded)
				}
			}

			impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
				fn account_nonce(account: AccountId) -> Nonce {
					System::account_nonce(account)
				}
			}

			impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
				fn query_info(
					uxt: <Block as BlockT>::Extrinsic,
					len: u32,
				) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
					TransactionPayment::query_info(uxt, len)
				}
				fn query_fee_details(
					uxt: <Block as BlockT>::Extrinsic,
					len: u32,
				) -> pallet_transaction_payment::FeeDetails<Balance> {
					TransactionPayment::query_fee_details(uxt, len)
				}
				fn query_weight_to_fee(weight: Weight) -> Balance {
					TransactionPayment::weight_to_fee(weight)
				}
				fn query_length_to_fee(length: u32) -> Balance {
					TransactionPayment::length_to_fee(length)
				}
			}

			impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
				for Runtime
			{
				fn query_call_info(
					call: RuntimeCall,
					len: u32,
				) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
					TransactionPayment::query_call_info(call, len)
				}
				fn query_call_fee_details(
					call: RuntimeCall,
					len: u32,
				) -> pallet_transaction_payment::FeeDetails<Balance> {
					TransactionPayment::query_call_fee_details(call, len)
				}
				fn query_weight_to_fee(weight: Weight) -> Balance {
					TransactionPayment::weight_to_fee(weight)
				}
				fn query_length_to_fee(length: u32) -> Balance {
					TransactionPayment::length_to_fee(length)
				}
			}

			#[api_version(4)]
			impl crate::depin_api::DepinApi<
				Block,
				AccountId,
				DeviceRecord,
				pallet_rewards::PendingRewards<Balance>,
				pallet_rewards::EpochInfo<Balance, BlockNumber>,
			> for Runtime {
				fn device(device: AccountId) -> Option<DeviceRecord> {
					pallet_device_registry::Devices::<Runtime>::get(&device)
				}
				fn devices_of(owner: AccountId, start_after: Option<AccountId>, limit: u32) -> Vec<AccountId> {
					let limit = limit.min(crate::depin_api::MAX_DEVICES_PAGE) as usize;
					match start_after {
						None => pallet_device_registry::DevicesByOwner::<Runtime>::iter_key_prefix(&owner)
							.take(limit)
							.collect(),
						Some(after) => {
							let from = pallet_device_registry::DevicesByOwner::<Runtime>::hashed_key_for(&owner, &after);
							pallet_device_registry::DevicesByOwner::<Runtime>::iter_key_prefix_from(&owner, from)
								.take(limit)
								.collect()
						},
					}
				}
				fn pending_rewards(device: AccountId) -> pallet_rewards::PendingRewards<Balance> {
					Rewards::pending_rewards(&device)
				}
				fn epoch_info() -> pallet_rewards::EpochInfo<Balance, BlockNumber> {
					Rewards::epoch_info()
				}
				fn coverage(device: AccountId) -> Option<pallet_proof_of_coverage::CoverageInfo<BlockNumber>> {
					ProofOfCoverage::coverage_info(&device)
				}
				fn beacon(beaconer: AccountId) -> Option<pallet_proof_of_coverage::BeaconStatus<AccountId, BlockNumber>> {
					ProofOfCoverage::beacon_status(&beaconer)
				}
				fn deal(deal: u64) -> Option<pallet_storage_deals::DealStatus<AccountId, Balance, BlockNumber>> {
					StorageDeals::deal_status(deal)
				}
				fn deals_of_client(client: AccountId) -> Vec<u64> {
					StorageDeals::deals_of_client(&client)
				}
				fn deals_of_provider(device: AccountId) -> Vec<u64> {
					StorageDeals::deals_of_provider(&device)
				}
				fn energy_zone(zone: u32) -> Option<pallet_energy_settlement::ZoneStatus<AccountId, Balance>> {
					EnergySettlement::zone_status(zone)
				}
				fn energy_interval(zone: u32, interval: u32) -> Option<pallet_energy_settlement::IntervalStatus<AccountId, Balance>> {
					EnergySettlement::interval_status(zone, interval)
				}
				fn energy_meter(device: AccountId) -> Option<pallet_energy_settlement::MeterStatus<AccountId, Balance>> {
					EnergySettlement::meter_status(&device)
				}
				fn energy_bill(device: AccountId, interval: u32) -> Option<pallet_energy_settlement::BillPreview<Balance>> {
					EnergySettlement::bill_preview(&device, interval)
				}
			}

			impl pallet_rewards::runtime_api::RewardsApi<Block, AccountId, Balance, BlockNumber> for Runtime {
				fn pending_rewards(device: AccountId) -> pallet_rewards::PendingRewards<Balance> {
					Rewards::pending_rewards(&device)
				}
				fn epoch_info() -> pallet_rewards::EpochInfo<Balance, BlockNumber> {
					Rewards::epoch_info()
				}
			}

			impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
				fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
					build_state::<RuntimeGenesisConfig>(config)
				}

				fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
					get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
				}

				fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
					genesis_config_presets::preset_names()
				}
			}

			// Only in builds with the `try-runtime` feature (never the chain's own): a failed check
			// panics, as the try-runtime tools expect.
			#[cfg(feature = "try-runtime")]
			impl frame_try_runtime::TryRuntime<Block> for Runtime {
				fn on_runtime_upgrade(
					checks: frame_try_runtime::UpgradeCheckSelect,
				) -> (frame_support::weights::Weight, frame_support::weights::Weight) {
					// The upgrade's weight, and the block's maximum for comparison.
					let weight = Executive::try_runtime_upgrade(checks)
						.unwrap_or_else(|e| panic!("try_runtime_upgrade failed: {e:?}"));
					(weight, crate::configs::RuntimeBlockWeights::get().max_block)
				}

				fn execute_block(
					block: <Block as BlockT>::LazyBlock,
					state_root_check: bool,
					signature_check: bool,
					select: frame_try_runtime::TryStateSelect,
				) -> frame_support::weights::Weight {
					Executive::try_execute_block(block, state_root_check, signature_check, select)
						.unwrap_or_else(|e| panic!("try_execute_block failed: {e:?}"))
				}
			}

			$($own)*
		}
	};
}
