//! Genesis state from a preset, as the node's genesis builder makes it; blocks started and
//! transactions signed and validated as a node and a wallet do.

#![allow(dead_code)] // each test file uses its own part

use codec::Encode;
use depin_runtime::{
	AccountId, BuildStorage, Executive, Header, RuntimeCall, RuntimeGenesisConfig, SignedPayload,
	TxExtension, UncheckedExtrinsic,
};
use sp_core::{sr25519, Pair};
use sp_runtime::{
	generic::Era,
	traits::Header as _,
	transaction_validity::{TransactionSource, TransactionValidityError},
	MultiSignature,
};

type System = frame_system::Pallet<depin_runtime::Runtime>;

/// Starts block `number` (no digest: no Aura slot) with the hooks of every pallet.
pub fn start_block(number: u32) {
	let parent = System::parent_hash();
	let header =
		Header::new(number, Default::default(), Default::default(), parent, Default::default());
	Executive::initialize_block(&header);
}

/// `call` signed by `key` with its next nonce, as a wallet builds it (immortal, no tip).
pub fn signed(key: &sr25519::Pair, call: RuntimeCall) -> UncheckedExtrinsic {
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

/// The transaction pool's verdict on `xt`, in a storage transaction rolled back afterwards: a
/// node validates on a throw-away state (validation initializes the next block).
pub fn validate(xt: &UncheckedExtrinsic) -> Result<(), TransactionValidityError> {
	sp_io::storage::start_transaction();
	let verdict = Executive::validate_transaction(
		TransactionSource::External,
		xt.clone(),
		System::parent_hash(),
	)
	.map(|_| ());
	sp_io::storage::rollback_transaction();
	verdict
}

/// Externalities holding the genesis state of `preset` (a JSON patch over the defaults).
pub fn externalities(preset: serde_json::Value) -> sp_io::TestExternalities {
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).unwrap_or_else(|e| panic!("{e}"));
	json_merge(&mut config, preset);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).unwrap_or_else(|e| panic!("preset: {e}"));
	config.build_storage().unwrap_or_else(|e| panic!("build: {e}")).into()
}

/// Applies a JSON patch the way the genesis builder does (objects merge, the rest replaces).
fn json_merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				json_merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}
