//! The agent against the runtime of this repository, natively: its metadata file is the
//! runtime's, and the transactions and proofs it builds are accepted by the runtime's own checks
//! (signature, transaction extensions, possession proof, maker attestation, beacon commitment).

use codec::{Decode, Encode};
use depin_agent::{
	depin::{self, runtime_types::pallet_device_registry::types::MakerAttestation},
	keys::{Key, Scheme},
	ops::rt_kind,
	proofs,
};
use depin_primitives::DeviceKind;
use depin_runtime::{Executive, Runtime, RuntimeGenesisConfig, UncheckedExtrinsic};
use sp_runtime::traits::Header as _;
use subxt::{
	client::OfflineClient,
	config::{substrate::SpecVersionForRange, SubstrateConfig, SubstrateExtrinsicParamsBuilder},
	tx::Payload,
	utils::H256,
};

const METADATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/metadata/depin.scale");

/// The runtime's metadata, V16, as `state_call Metadata_metadata_at_version 16` returns it.
fn runtime_metadata() -> Vec<u8> {
	let opaque = Runtime::metadata_at_version(16).expect("the runtime serves metadata V16");
	// `OpaqueMetadata` is a SCALE byte vector of the prefixed metadata.
	Vec::<u8>::decode(&mut &opaque.encode()[..]).expect("a byte vector")
}

#[test]
fn metadata_file_is_the_runtimes() {
	let fresh = runtime_metadata();
	if std::env::var_os("DEPIN_UPDATE_METADATA").is_some() {
		std::fs::write(METADATA, &fresh).expect("write the metadata file");
	}
	let file = std::fs::read(METADATA).expect("agent/metadata/depin.scale");
	assert!(
		file == fresh,
		"agent/metadata/depin.scale is stale: the runtime changed. Refresh it with \
		 `DEPIN_UPDATE_METADATA=1 cargo test --release --workspace --test runtime`"
	);
}

fn start_block(number: u32) {
	let parent = frame_system::Pallet::<Runtime>::parent_hash();
	let header = depin_runtime::Header::new(
		number,
		Default::default(),
		Default::default(),
		parent,
		Default::default(),
	);
	Executive::initialize_block(&header);
}

fn dev_chain() -> sp_io::TestExternalities {
	use sp_runtime::BuildStorage;
	let preset = depin_runtime::genesis_config_presets::get_preset(&"development".to_string())
		.expect("the development preset");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	json_merge(&mut config, serde_json::from_slice(&preset).unwrap());
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	config.build_storage().unwrap().into()
}

/// Applies a JSON patch as the genesis builder does (objects merge, the rest replaces).
fn json_merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (k, v) in patch {
				json_merge(base.entry(k).or_insert(serde_json::Value::Null), v);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Signs `call` as the agent does, offline, at the runtime's versions and this chain's genesis.
fn agent_signed<C: Payload>(call: &C, signer: &Key, nonce: u64) -> UncheckedExtrinsic {
	let genesis = frame_system::Pallet::<Runtime>::block_hash(0);
	let metadata = subxt::metadata::Metadata::decode(&mut &runtime_metadata()[..]).unwrap();
	let version = depin_runtime::VERSION;
	let config = SubstrateConfig::builder()
		.set_genesis_hash(H256(genesis.0))
		.set_spec_version_for_block_ranges([SpecVersionForRange {
			block_range: 0..u64::MAX,
			spec_version: version.spec_version,
			transaction_version: version.transaction_version,
		}])
		.set_metadata_for_spec_versions([(version.spec_version, std::sync::Arc::new(metadata))])
		.build();
	let client = OfflineClient::new_with_config(config);
	let at = client.at_block(1u64).unwrap();
	let params = SubstrateExtrinsicParamsBuilder::<SubstrateConfig>::new().nonce(nonce).build();
	let mut signable = at.tx().create_signable_offline(call, params).unwrap();
	let bytes = signable.sign(signer).unwrap().into_encoded();
	UncheckedExtrinsic::decode(&mut &bytes[..]).expect("the runtime decodes the agent's bytes")
}

fn apply(xt: UncheckedExtrinsic) -> Result<(), String> {
	match Executive::apply_extrinsic(xt) {
		Ok(Ok(_)) => Ok(()),
		Ok(Err(e)) => Err(format!("{e:?}")),
		Err(e) => Err(format!("invalid: {e:?}")),
	}
}

fn genesis() -> [u8; 32] {
	frame_system::Pallet::<Runtime>::block_hash(0).0
}

fn registered(device: &Key) -> bool {
	let id = depin_runtime::AccountId::from(device.public());
	pallet_device_registry::Devices::<Runtime>::contains_key(id)
}

#[test]
fn agent_registrations_pass_the_runtimes_checks() {
	dev_chain().execute_with(|| {
		start_block(1);
		let alice = Key::from_arg("//Alice").unwrap();
		let bob = Key::from_arg("//Bob").unwrap();
		let ferdie = Key::from_arg("//Ferdie").unwrap(); // the dev maker
		let mut nonce = 0;
		for scheme in [Scheme::Sr25519, Scheme::Ed25519] {
			let device = Key::generate(scheme);
			// A proof for Bob does not register the device for Alice.
			let wrong = proofs::possession_proof(&genesis(), &bob.public(), &device, 0);
			let call = depin::tx().device_registry().register_device(
				device.account(),
				rt_kind(DeviceKind::Hotspot),
				0x08c1f1d48945d9ff,
				wrong,
				None,
			);
			let err = apply(agent_signed(&call, &alice, nonce)).unwrap_err();
			nonce += 1;
			assert!(err.contains("InvalidPossessionProof"), "{err}");
			assert!(!registered(&device));
			// The proof for Alice does, with the maker's attestation for a sensor.
			let proof = proofs::possession_proof(&genesis(), &alice.public(), &device, 0);
			let attestation = MakerAttestation {
				maker: ferdie.account(),
				signature: proofs::maker_signature(
					&genesis(),
					&device.public(),
					DeviceKind::Sensor,
					&ferdie,
				),
			};
			let call = depin::tx().device_registry().register_device(
				device.account(),
				rt_kind(DeviceKind::Sensor),
				0x08c1f1d48945d9ff,
				proof,
				Some(attestation),
			);
			apply(agent_signed(&call, &alice, nonce)).expect("registered");
			nonce += 1;
			assert!(registered(&device), "{scheme:?}");
			let record = pallet_device_registry::Devices::<Runtime>::get(
				depin_runtime::AccountId::from(device.public()),
			)
			.unwrap();
			assert_eq!(record.maker, Some(depin_runtime::AccountId::from(ferdie.public())));
		}
	});
}

#[test]
fn agent_beacons_and_reveals_pass_the_runtimes_checks() {
	dev_chain().execute_with(|| {
		start_block(1);
		let alice = Key::from_arg("//Alice").unwrap();
		let device = Key::generate(Scheme::Ed25519);
		let proof = proofs::possession_proof(&genesis(), &alice.public(), &device, 0);
		let call = depin::tx().device_registry().register_device(
			device.account(),
			rt_kind(DeviceKind::Hotspot),
			0x08c1f1d48945d9ff,
			proof,
			None,
		);
		apply(agent_signed(&call, &alice, 0)).unwrap();
		let call = depin::tx().proof_of_coverage().set_radio(device.account(), 20);
		apply(agent_signed(&call, &alice, 1)).unwrap();
		// The device signs its own beacon with nonce 0; it holds no funds: the report is free.
		let payload = [9u8; 32];
		let call = depin::tx().proof_of_coverage().submit_beacon(
			H256(proofs::beacon_commitment(&payload)),
			868_100_000,
			14,
		);
		apply(agent_signed(&call, &device, 0)).expect("beacon accepted, free");
		let windows = pallet_proof_of_coverage::Windows::<Runtime>::get();
		let reveal_at = 1 + windows.witness + 1;
		for n in 2..=reveal_at {
			start_block(n);
		}
		// A wrong payload is refused (not free, the device cannot pay); the right one reveals.
		let call = depin::tx().proof_of_coverage().reveal_beacon(device.account(), [8u8; 32]);
		assert!(apply(agent_signed(&call, &device, 1)).unwrap_err().contains("invalid"));
		let call = depin::tx().proof_of_coverage().reveal_beacon(device.account(), payload);
		apply(agent_signed(&call, &device, 1)).expect("reveal accepted");
		assert!(pallet_proof_of_coverage::Beacons::<Runtime>::get(depin_runtime::AccountId::from(
			device.public()
		))
		.is_none());
	});
}
