//! The runtime's types: accounts, balances, blocks, extrinsics and the executive.
//!
//! Shared by the solo and the parachain runtime (`para-runtime/src/lib.rs` includes this very
//! file by `#[path]`), so that an account, a block number or a signed transaction is the same on
//! both chains. It names what each runtime defines at its root: `Runtime`, `RuntimeCall`,
//! `AllPalletsWithSystem`, its `TxExtension` (the parachain wraps [`BaseTxExtension`] in its
//! proof-size reclaim) and its `Migrations`.

use crate::{feeless, AllPalletsWithSystem, Migrations, Runtime, RuntimeCall, TxExtension};
use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};

/// An index to a block.
pub type BlockNumber = u32;

/// Signature of a transaction: sr25519, ed25519 or ecdsa, so that any common wallet key signs.
pub type Signature = MultiSignature;

/// An account on the chain: the public key of the transaction signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account, in the smallest unit (1 DPN = 10^12).
pub type Balance = u128;

/// Index of a transaction in the chain.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// Opaque types for the node (or collator): it syncs and imports blocks without knowing the
/// runtime's extrinsic format, so that the format can change in a runtime upgrade.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
}

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions a wallet signs on both chains: only the standard ones, so that
/// polkadot.js and every other Substrate wallet sign transactions from metadata alone. The
/// payment extension is wrapped in `SkipCheckIfFeeless` (through [`feeless::ChargeUnlessFeeless`],
/// which refunds the payment's weight when it is skipped), invisible to wallets (same
/// identifier, same encoding), which lets valid device reports (calls marked `feeless_if`)
/// through without a fee. `CheckMetadataHash` lets hardware wallets and offline signers verify
/// the metadata they decode a call with (mode `Enabled`, in a runtime built with the
/// `metadata-hash` feature); wallets that do not use it sign with mode `Disabled`, as
/// polkadot.js does by default.
pub type BaseTxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	feeless::ChargeUnlessFeeless,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// A device as the registry stores it (what `DepinApi::device` returns).
pub type DeviceRecord = pallet_device_registry::Device<AccountId, Balance, BlockNumber>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;
