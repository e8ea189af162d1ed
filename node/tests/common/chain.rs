//! Chain-side helpers for the tests: signed extrinsics built from the runtime's own types, and
//! storage reads decoded with them.

use super::{Node, Result};
use codec::{Decode, Encode};
use depin_runtime::{
	AccountId, Balance, Nonce, Runtime, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic,
};
use serde_json::{json, Value};
use sp_core::{bytes, H256};
use sp_io::hashing::twox_128;
use sp_keyring::Sr25519Keyring;
use sp_runtime::generic::Era;

/// Account state as `frame_system` stores it.
pub type AccountInfo = frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>;

fn hex(data: &[u8]) -> String {
	bytes::to_hex(data, false)
}

fn unhex(value: &Value) -> Result<Vec<u8>> {
	let s = value.as_str().ok_or_else(|| format!("expected a hex string, got {value}"))?;
	bytes::from_hex(s).map_err(|e| format!("bad hex {s}: {e:?}"))
}

/// Raw storage at `key` in block `at` (best block when `None`).
pub fn storage(node: &Node, key: &[u8], at: Option<&str>) -> Result<Option<Vec<u8>>> {
	let v = node.rpc("state_getStorage", json!([hex(key), at]))?;
	if v.is_null() {
		Ok(None)
	} else {
		unhex(&v).map(Some)
	}
}

/// `System::Account(who)` at block `at`; the default (empty) account when absent.
pub fn account(node: &Node, who: &AccountId, at: Option<&str>) -> Result<AccountInfo> {
	let key = frame_system::Account::<Runtime>::hashed_key_for(who);
	match storage(node, &key, at)? {
		None => Ok(AccountInfo::default()),
		Some(raw) => AccountInfo::decode(&mut &raw[..]).map_err(|e| format!("AccountInfo: {e}")),
	}
}

/// `Timestamp::Now` at block `at`, in milliseconds.
pub fn timestamp(node: &Node, at: &str) -> Result<u64> {
	let key = [twox_128(b"Timestamp"), twox_128(b"Now")].concat();
	let raw = storage(node, &key, Some(at))?.ok_or("no timestamp stored")?;
	u64::decode(&mut &raw[..]).map_err(|e| format!("timestamp: {e}"))
}

/// `Rewards::TotalMinted` at block `at`: everything the rewards pallet minted (claims, and the
/// treasury's shares at epoch closes).
pub fn rewards_minted(node: &Node, at: &str) -> Result<u128> {
	let key = [twox_128(b"Rewards"), twox_128(b"TotalMinted")].concat();
	match storage(node, &key, Some(at))? {
		None => Ok(0),
		Some(raw) => u128::decode(&mut &raw[..]).map_err(|e| format!("TotalMinted: {e}")),
	}
}

/// Hash of the last finalized block.
pub fn finalized_head(node: &Node) -> Result<String> {
	node.rpc("chain_getFinalizedHead", json!([]))?
		.as_str()
		.map(str::to_owned)
		.ok_or_else(|| "chain_getFinalizedHead: not a string".into())
}

/// Signs `call` as `signer` (immortal, no tip) the way any wallet does, and returns the encoded
/// extrinsic.
pub fn sign(
	node: &Node,
	signer: Sr25519Keyring,
	call: RuntimeCall,
	nonce: Nonce,
) -> Result<Vec<u8>> {
	let genesis = H256::from_slice(&unhex(&node.rpc("chain_getBlockHash", json!([0]))?)?);
	let version = node.rpc("state_getRuntimeVersion", json!([]))?;
	let spec_version = version["specVersion"].as_u64().ok_or("specVersion")? as u32;
	let tx_version = version["transactionVersion"].as_u64().ok_or("transactionVersion")? as u32;

	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0).into(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
	);
	// The metadata hash is not signed for (mode `Disabled`), as polkadot.js does by default.
	let implicit = ((), spec_version, tx_version, genesis, genesis, (), (), (), None);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let xt = UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::MultiAddress::Id(signer.to_account_id()),
		signature.into(),
		extension,
	);
	Ok(xt.encode())
}

/// Submits an encoded extrinsic; returns its hash.
pub fn submit(node: &Node, xt: &[u8]) -> Result<String> {
	let hash = node.rpc("author_submitExtrinsic", json!([hex(xt)]))?;
	hash.as_str().map(str::to_owned).ok_or_else(|| format!("unexpected reply {hash}"))
}

/// The Aura slot of block `hash`, from its pre-runtime digest (`0x06 'aura' len slot_le_u64`).
pub fn aura_slot(node: &Node, hash: &str) -> Result<u64> {
	let header = node.rpc("chain_getHeader", json!([hash]))?;
	let logs = header["digest"]["logs"].as_array().ok_or("header without digest")?;
	for log in logs {
		let raw = unhex(log)?;
		if raw.len() == 14 && raw[0] == 6 && &raw[1..5] == b"aura" {
			return u64::decode(&mut &raw[6..]).map_err(|e| format!("slot: {e}"));
		}
	}
	Err(format!("block {hash} has no Aura pre-runtime digest"))
}
