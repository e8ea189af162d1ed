//! `DepinApi`: the queries a wallet or UI needs, answered by the runtime free of fees, for the
//! pallets in this runtime: devices (by id, and an owner's, paged), pending rewards, the epoch,
//! proof of coverage (a hotspot's radio and reciprocity times, an open beacon), storage deals (a
//! deal's status and challenge, a client's and a provider's deals), energy settlement (a zone and
//! its clock, an interval's totals, a meter, a meter's bill preview).
//! polkadot.js reaches it from the metadata alone as `api.call.depinApi.*`; the node serves the
//! same answers over JSON-RPC as `depin_*` for curl users.

use alloc::vec::Vec;
use codec::Codec;

/// Most devices `devices_of` returns per page.
pub const MAX_DEVICES_PAGE: u32 = 100;

sp_api::decl_runtime_apis! {
	/// DePIN queries for UIs. Version 2 added `coverage` and `beacon`; version 3 the storage
	/// deals (`deal`, `deals_of_client`, `deals_of_provider`); version 4 energy settlement
	/// (`energy_zone`, `energy_interval`, `energy_meter`, `energy_bill`).
	#[api_version(3)]
	pub trait DepinApi<AccountId, Device, PendingRewards, EpochInfo>
	where
		AccountId: Codec,
		Device: Codec,
		PendingRewards: Codec,
		EpochInfo: Codec,
	{
		/// The registry's record of `device`: owner, kind, location, deposit, maker, state.
		fn device(device: AccountId) -> Option<Device>;

		/// Up to `limit` (at most 100) devices of `owner`, after `start_after` (a device of the
		/// previous page) or from the first; in a stable (hashed) order.
		fn devices_of(owner: AccountId, start_after: Option<AccountId>, limit: u32) -> Vec<AccountId>;

		/// What the owner of `device` can claim now, what is held back, and its points in the
		/// epoch in progress.
		fn pending_rewards(device: AccountId) -> PendingRewards;

		/// The epoch in progress: index, length, start, blocks left, emission, split, points.
		fn epoch_info() -> EpochInfo;

		/// Proof of coverage's record of hotspot `device`: its radio profile (and whether it is
		/// valid at the device's present location), the epoch of its last beacon, the blocks of
		/// its last revealed beacon and last valid witness (reciprocity), and its open beacon.
		fn coverage(device: AccountId) -> Option<pallet_proof_of_coverage::CoverageInfo<crate::BlockNumber>>;

		/// The open beacon of `beaconer`: commitment, frequency, power, windows, witnesses so
		/// far and phase (witnessing, revealing, expired). `None` once revealed or removed.
		fn beacon(beaconer: AccountId) -> Option<pallet_proof_of_coverage::BeaconStatus<AccountId, crate::BlockNumber>>;

		/// Storage deal `deal`: its record, phase (proposed, expired, pending, running, ended,
		/// terminable), the challenge to answer now `(period, leaf index)`, the unproven periods
		/// a settlement would judge as faults, what `settle_deal` would pay the provider now and
		/// what it would move to the client. `None` once completed, terminated or cancelled.
		#[api_version(3)]
		fn deal(deal: u64) -> Option<pallet_storage_deals::DealStatus<AccountId, crate::Balance, crate::BlockNumber>>;

		/// The deals of `client`, proposed or running (at most `MaxDealsPerClient`).
		#[api_version(3)]
		fn deals_of_client(client: AccountId) -> Vec<u64>;

		/// The running deals of storage node `device` (at most `MaxDealsPerProvider`).
		#[api_version(3)]
		fn deals_of_provider(device: AccountId) -> Vec<u64>;

		/// Grid zone `zone`: operator, tariffs (and those scheduled), meters; the interval in
		/// progress, the one whose readings are accepted now, the interval and grace lengths.
		#[api_version(4)]
		fn energy_zone(zone: u32) -> Option<pallet_energy_settlement::ZoneStatus<AccountId, crate::Balance>>;

		/// Zone `zone`'s interval `interval` while readings of it await settlement: prices,
		/// operator, totals (all and settled), matched energy, open disputes, whether final.
		#[api_version(4)]
		fn energy_interval(zone: u32, interval: u32) -> Option<pallet_energy_settlement::IntervalStatus<AccountId, crate::Balance>>;

		/// Meter `device`: account, zone, rating, deposit, escrow, reserve, debt, registers,
		/// next interval due, the intervals of its unsettled readings.
		#[api_version(4)]
		fn energy_meter(device: AccountId) -> Option<pallet_energy_settlement::MeterStatus<AccountId, crate::Balance>>;

		/// Meter `device`'s bill for interval `interval` from the totals now (final once the
		/// interval is): receipt, payment, the netted credit or debit, local energy.
		#[api_version(4)]
		fn energy_bill(device: AccountId, interval: u32) -> Option<pallet_energy_settlement::BillPreview<crate::Balance>>;
	}
}
