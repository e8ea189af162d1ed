//! The owner's and device's one-shot commands: register, location, radio, transfer, status,
//! claim.

use crate::{
	chain::{fmt_dpn, Chain, DPN},
	depin::{
		self,
		runtime_types::{
			depin_primitives::DeviceKind as RtKind, pallet_device_registry::types::MakerAttestation,
		},
	},
	keys::{address_of, Key},
	proofs,
};
use anyhow::{bail, Context, Result};
use depin_primitives::{Cell, DeviceKind};
use subxt::utils::{AccountId32, MultiAddress};

/// The runtime's encoding of a device kind.
pub fn rt_kind(kind: DeviceKind) -> RtKind {
	match kind {
		DeviceKind::Hotspot => RtKind::Hotspot,
		DeviceKind::StorageNode => RtKind::StorageNode,
		DeviceKind::EnergyMeter => RtKind::EnergyMeter,
		DeviceKind::Sensor => RtKind::Sensor,
	}
}

/// A device kind named on the command line.
pub fn parse_kind(s: &str) -> Result<DeviceKind> {
	Ok(match s.to_ascii_lowercase().as_str() {
		"hotspot" => DeviceKind::Hotspot,
		"storage" | "storage-node" | "storagenode" => DeviceKind::StorageNode,
		"meter" | "energy-meter" | "energymeter" => DeviceKind::EnergyMeter,
		"sensor" => DeviceKind::Sensor,
		_ => bail!("unknown device kind {s}: hotspot, storage-node, energy-meter or sensor"),
	})
}

/// An H3 cell given as `0x08c1f1d48945d9ff`, `8c1f1d48945d9ff` (as H3 tools print it) or decimal;
/// checked as the chain checks it (a valid resolution-12 cell for device locations).
pub fn parse_cell(s: &str) -> Result<u64> {
	let index = if let Some(hex) = s.strip_prefix("0x") {
		u64::from_str_radix(hex, 16)
	} else if s.chars().any(|c| c.is_ascii_alphabetic()) {
		u64::from_str_radix(s, 16)
	} else {
		s.parse()
	}
	.with_context(|| format!("{s} is not an H3 cell index"))?;
	let cell =
		Cell::new(index).map_err(|e| anyhow::anyhow!("{s} is not a valid H3 cell: {e:?}"))?;
	Ok(cell.index())
}

/// The registry's registration counter of `device` (what its next possession proof signs).
pub async fn registrations(chain: &Chain, device: &AccountId32) -> Result<u32> {
	let at = chain.at_best().await?;
	let addr = depin::storage().device_registry().registrations();
	Ok(at.storage().fetch(addr, (*device,)).await?.decode()?)
}

/// Registers `device` for `owner`: builds the possession proof (and the maker's attestation).
pub async fn register(
	chain: &Chain,
	owner: &Key,
	device: &Key,
	kind: DeviceKind,
	location: u64,
	maker: Option<&Key>,
) -> Result<()> {
	let genesis = chain.genesis();
	let counter = registrations(chain, &device.account()).await?;
	let proof = proofs::possession_proof(&genesis, &owner.public(), device, counter);
	let attestation = maker.map(|m| MakerAttestation {
		maker: m.account(),
		signature: proofs::maker_signature(&genesis, &device.public(), kind, m),
	});
	let call = depin::tx().device_registry().register_device(
		device.account(),
		rt_kind(kind),
		location,
		proof,
		attestation,
	);
	let done = chain.submit(&call, owner).await?;
	let ev = done
		.events
		.find_first::<depin::device_registry::events::DeviceRegistered>()
		.context("no DeviceRegistered event")??;
	println!(
		"registered {} ({kind:?}) for {} at cell 0x{:016x} in block {:?}",
		device.address(),
		address_of(&ev.owner.0),
		ev.location,
		done.block
	);
	Ok(())
}

/// Moves `device` to `location` (by its owner).
pub async fn assert_location(
	chain: &Chain,
	owner: &Key,
	device: AccountId32,
	location: u64,
) -> Result<()> {
	let call = depin::tx().device_registry().assert_location(device, location);
	chain.submit(&call, owner).await?;
	println!("{} is now at cell 0x{location:016x}", address_of(&device.0));
	Ok(())
}

/// Declares a hotspot's antenna gain (deci-dBi), needed before it beacons or witnesses.
pub async fn set_radio(
	chain: &Chain,
	owner: &Key,
	device: AccountId32,
	gain_ddbi: u16,
) -> Result<()> {
	let call = depin::tx().proof_of_coverage().set_radio(device, gain_ddbi);
	chain.submit(&call, owner).await?;
	println!("radio of {} set: gain {gain_ddbi} deci-dBi", address_of(&device.0));
	Ok(())
}

/// Sends `amount` planck from `from` to `to` (keeping `from` alive).
pub async fn transfer(chain: &Chain, from: &Key, to: AccountId32, amount: u128) -> Result<()> {
	let free = free_balance(chain, &from.account()).await?;
	if free < amount {
		bail!(
			"insufficient balance: {} has {} free, {} asked",
			from.address(),
			fmt_dpn(free),
			fmt_dpn(amount)
		);
	}
	let call = depin::tx().balances().transfer_keep_alive(MultiAddress::Id(to), amount);
	let done = chain.submit(&call, from).await?;
	println!("sent {} to {} in block {:?}", fmt_dpn(amount), address_of(&to.0), done.block);
	Ok(())
}

/// The free balance of `who`.
pub async fn free_balance(chain: &Chain, who: &AccountId32) -> Result<u128> {
	let at = chain.at_best().await?;
	let info = at.storage().fetch(depin::storage().system().account(), (*who,)).await?.decode()?;
	Ok(info.data.free)
}

/// Prints a device's record, its pending rewards and the epoch.
pub async fn status(chain: &Chain, device: AccountId32) -> Result<()> {
	let at = chain.at_best().await?;
	let apis = at.runtime_apis();
	let record = apis.call(depin::runtime_apis().depin_api().device(device)).await?;
	let Some(d) = record else {
		bail!("{} is not a registered device on this chain", address_of(&device.0));
	};
	let rewards = apis.call(depin::runtime_apis().rewards_api().pending_rewards(device)).await?;
	let epoch = apis.call(depin::runtime_apis().rewards_api().epoch_info()).await?;
	println!("device      {}", address_of(&device.0));
	println!("owner       {}", address_of(&d.owner.0));
	println!("kind        {:?}", d.kind);
	println!("location    0x{:016x}", d.location.0);
	println!("deposit     {}", fmt_dpn(d.deposit));
	println!("registered  block {} (epoch {})", d.registered_at, d.registered_epoch);
	println!("state       {}", if d.suspension.is_some() { "suspended" } else { "active" });
	println!("claimable   {}", fmt_dpn(rewards.claimable));
	println!("held back   {}", fmt_dpn(rewards.held_back));
	println!("points      {} not yet valued (this epoch)", rewards.unvalued_points);
	println!(
		"epoch       {} (blocks {}..{}, {} left; emission {})",
		epoch.current_epoch,
		epoch.epoch_start,
		epoch.epoch_start + epoch.epoch_length,
		epoch.blocks_left,
		fmt_dpn(epoch.emission)
	);
	if matches!(d.kind, RtKind::Hotspot) {
		if let Some(c) = apis.call(depin::runtime_apis().depin_api().coverage(device)).await? {
			println!(
				"coverage    radio {}, last beacon epoch {:?}, open beacon {:?}",
				if c.radio_valid { "set" } else { "not set (set_radio)" },
				c.hotspot.last_beacon_epoch,
				c.open_beacon
			);
		}
	}
	Ok(())
}

/// Claims a device's rewards for its owner; prints what was paid.
pub async fn claim(chain: &Chain, owner: &Key, device: AccountId32) -> Result<u128> {
	let before = free_balance(chain, &owner.account()).await?;
	let call = depin::tx().rewards().claim_rewards(device);
	let done = chain.submit(&call, owner).await?;
	let paid: u128 = done
		.events
		.find::<depin::rewards::events::RewardsClaimed>()
		.filter_map(|e| e.ok())
		.map(|e| e.amount)
		.sum();
	let after = free_balance(chain, &owner.account()).await?;
	println!(
		"claimed {} for {} (owner balance {} -> {}, fee included)",
		fmt_dpn(paid),
		address_of(&device.0),
		fmt_dpn(before),
		fmt_dpn(after)
	);
	let _ = DPN;
	Ok(paid)
}
