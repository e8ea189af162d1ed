//! Keys: a device's own key (it signs its reports and its consent to be registered), an owner's
//! or maker's signing key, kept in a key file that only its user can read.
//!
//! A key file is JSON: `{"scheme": "sr25519", "public": "0x…", "address": "5…", "seed": "0x…"}`.
//! It is written with mode 0600 and refused if others can read it, as ssh does. The seed is
//! printed only with `key inspect --show-secret`. Signers on the command line are either a key
//! file or, for the dev chain only, a derivation URI of the well-known dev phrase (`//Alice`).

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use sp_core::{crypto::Ss58Codec, ed25519, sr25519, Pair as _};
use std::{fs, io::Write, os::unix::fs::OpenOptionsExt, os::unix::fs::PermissionsExt, path::Path};
use subxt::{config::SubstrateConfig, utils::AccountId32, utils::MultiSignature};

/// A signature scheme of device and account keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
	/// Schnorrkel/Ristretto (polkadot.js's default).
	Sr25519,
	/// Ed25519 (common in device secure elements).
	Ed25519,
}

/// A key pair that signs transactions and proofs.
// A key is under 500 bytes whichever the scheme, one per device: boxing the larger variant would
// only add an allocation to every clone.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum Key {
	/// An sr25519 pair.
	Sr(sr25519::Pair),
	/// An ed25519 pair.
	Ed(ed25519::Pair),
}

/// What a key file holds.
#[derive(Serialize, Deserialize)]
struct KeyFile {
	scheme: Scheme,
	public: String,
	address: String,
	seed: String,
}

impl Key {
	/// A fresh key of `scheme` from the operating system's randomness.
	pub fn generate(scheme: Scheme) -> Key {
		let seed: [u8; 32] = rand::random();
		Key::from_seed(scheme, &seed)
	}

	/// The key of `scheme` with this 32-byte secret seed.
	pub fn from_seed(scheme: Scheme, seed: &[u8; 32]) -> Key {
		match scheme {
			Scheme::Sr25519 => Key::Sr(sr25519::Pair::from_seed(seed)),
			Scheme::Ed25519 => Key::Ed(ed25519::Pair::from_seed(seed)),
		}
	}

	/// A key from a secret URI such as `//Alice` (the dev phrase with a hard derivation).
	pub fn from_uri(uri: &str, scheme: Scheme) -> Result<Key> {
		Ok(match scheme {
			Scheme::Sr25519 => Key::Sr(
				sr25519::Pair::from_string(uri, None)
					.map_err(|e| anyhow!("invalid secret URI {uri}: {e:?}"))?,
			),
			Scheme::Ed25519 => Key::Ed(
				ed25519::Pair::from_string(uri, None)
					.map_err(|e| anyhow!("invalid secret URI {uri}: {e:?}"))?,
			),
		})
	}

	/// A signer given on the command line: a `//Name` dev URI (sr25519) or a key file.
	pub fn from_arg(arg: &str) -> Result<Key> {
		if arg.starts_with("//") {
			Key::from_uri(arg, Scheme::Sr25519)
		} else {
			Key::load(Path::new(arg))
		}
	}

	/// The scheme of this key.
	pub fn scheme(&self) -> Scheme {
		match self {
			Key::Sr(_) => Scheme::Sr25519,
			Key::Ed(_) => Scheme::Ed25519,
		}
	}

	/// The public key: also the account id (and, for a device, the device id).
	pub fn public(&self) -> [u8; 32] {
		match self {
			Key::Sr(p) => p.public().0,
			Key::Ed(p) => p.public().0,
		}
	}

	/// The account of this key.
	pub fn account(&self) -> AccountId32 {
		AccountId32(self.public())
	}

	/// The SS58 address (generic prefix 42) of this key.
	pub fn address(&self) -> String {
		address_of(&self.public())
	}

	/// Signs `message` itself (no hashing, no `<Bytes>` wrapping), as the chain's proofs expect.
	pub fn sign(&self, message: &[u8]) -> MultiSignature {
		match self {
			Key::Sr(p) => MultiSignature::Sr25519(p.sign(message).0),
			Key::Ed(p) => MultiSignature::Ed25519(p.sign(message).0),
		}
	}

	/// Writes a key file for this key's `seed` at `path`, mode 0600; refuses to overwrite.
	pub fn save(&self, seed: &[u8; 32], path: &Path) -> Result<()> {
		let file = KeyFile {
			scheme: self.scheme(),
			public: format!("0x{}", hex::encode(self.public())),
			address: self.address(),
			seed: format!("0x{}", hex::encode(seed)),
		};
		if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
			fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
		}
		let mut f = fs::OpenOptions::new()
			.write(true)
			.create_new(true)
			.mode(0o600)
			.open(path)
			.with_context(|| format!("cannot create key file {}", path.display()))?;
		f.write_all(serde_json::to_string_pretty(&file)?.as_bytes())?;
		f.write_all(b"\n")?;
		Ok(())
	}

	/// Reads a key file, refusing one that others can read.
	pub fn load(path: &Path) -> Result<Key> {
		Ok(Key::load_with_seed(path)?.0)
	}

	/// Reads a key file and returns the key with its seed.
	pub fn load_with_seed(path: &Path) -> Result<(Key, [u8; 32])> {
		let meta = fs::metadata(path)
			.with_context(|| format!("cannot read key file {}", path.display()))?;
		let mode = meta.permissions().mode() & 0o777;
		if mode & 0o077 != 0 {
			bail!(
				"key file {} is readable by others (mode {mode:o}); run: chmod 600 {}",
				path.display(),
				path.display()
			);
		}
		let text = fs::read_to_string(path)?;
		let file: KeyFile = serde_json::from_str(&text)
			.with_context(|| format!("{} is not a depin-agent key file", path.display()))?;
		let seed: [u8; 32] = parse_hex32(&file.seed)
			.with_context(|| format!("bad seed in key file {}", path.display()))?;
		let key = Key::from_seed(file.scheme, &seed);
		if format!("0x{}", hex::encode(key.public())) != file.public {
			bail!("key file {} is corrupt: its public key does not match its seed", path.display());
		}
		Ok((key, seed))
	}
}

impl subxt::tx::Signer<SubstrateConfig> for Key {
	fn account_id(&self) -> AccountId32 {
		self.account()
	}

	fn sign(&self, signer_payload: &[u8]) -> MultiSignature {
		Key::sign(self, signer_payload)
	}
}

/// The SS58 address (prefix 42) of a 32-byte public key.
pub fn address_of(public: &[u8; 32]) -> String {
	sp_core::crypto::AccountId32::from(*public).to_ss58check()
}

/// An account given on the command line: an SS58 address, `0x` + 64 hex digits, a `//Name` dev
/// URI or a key file.
pub fn account_arg(arg: &str) -> Result<AccountId32> {
	if let Ok(a) = sp_core::crypto::AccountId32::from_ss58check(arg) {
		return Ok(AccountId32(a.into()));
	}
	if arg.starts_with("0x") {
		return Ok(AccountId32(parse_hex32(arg)?));
	}
	Key::from_arg(arg)
		.map(|k| k.account())
		.with_context(|| format!("{arg} is not an address, a public key, a dev URI or a key file"))
}

/// `0x` + 64 hex digits as 32 bytes.
pub fn parse_hex32(s: &str) -> Result<[u8; 32]> {
	let bytes = hex::decode(s.trim_start_matches("0x")).context("not hex")?;
	bytes.try_into().map_err(|_| anyhow!("expected 32 bytes (64 hex digits)"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn key_files_round_trip_with_private_permissions() {
		let dir = tempfile::tempdir().unwrap();
		for scheme in [Scheme::Sr25519, Scheme::Ed25519] {
			let seed = [7u8; 32];
			let key = Key::from_seed(scheme, &seed);
			let path = dir.path().join(format!("{scheme:?}.json"));
			key.save(&seed, &path).unwrap();
			assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
			let (back, back_seed) = Key::load_with_seed(&path).unwrap();
			assert_eq!(back.public(), key.public());
			assert_eq!(back_seed, seed);
			// Never overwritten.
			assert!(key.save(&seed, &path).is_err());
			// Refused once others can read it.
			fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
			let err = Key::load(&path).err().unwrap().to_string();
			assert!(err.contains("readable by others"), "{err}");
		}
	}

	#[test]
	fn dev_uris_and_addresses() {
		let alice = Key::from_arg("//Alice").unwrap();
		assert_eq!(alice.address(), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
		assert_eq!(
			account_arg("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY").unwrap(),
			alice.account()
		);
		assert!(account_arg("not-an-account").is_err());
	}
}
