//! The node's RPC methods beyond the standard `chain_*`, `state_*`, `author_*` and `system_*`:
//! account nonces (`system_accountNextIndex`), fee queries (`payment_*`) and the DePIN queries
//! (`depin_device`, `depin_devicesOf`, `depin_pendingRewards`, `depin_epochInfo`, `depin_deal`, see
//! [`crate::depin_rpc`]).

use std::sync::Arc;

use depin_runtime::{
	depin_api::DepinApi, opaque::Block, AccountId, Balance, BlockNumber, DeviceRecord, Nonce,
};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client instance to use.
	pub client: Arc<C>,
	/// Transaction pool instance.
	pub pool: Arc<P>,
}

/// Builds the RPC module with every node-specific method.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: DepinApi<
		Block,
		AccountId,
		DeviceRecord,
		pallet_rewards::PendingRewards<Balance>,
		pallet_rewards::EpochInfo<Balance, BlockNumber>,
	>,
	P: TransactionPool + 'static,
{
	use crate::depin_rpc::{Depin, DepinRpcServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Depin::new(client).into_rpc())?;

	Ok(module)
}
