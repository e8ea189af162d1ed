//! Energy netting: what each meter of a grid zone receives and pays for one interval, from the
//! zone's totals and its own reading. One pure function, [`bill`], serves the runtime's
//! settlement, its runtime API's bill preview and the device agent, so that a previewed bill
//! is the settled one to the planck.
//!
//! In an interval a zone's meters produced `P` Wh and consumed `C` Wh (the sums of their
//! readings). The matched energy `M = min(P, C)` was delivered locally:
//! - a producer of `p` Wh is paid the local price for its pro-rata share `M·p/P` of the
//!   matched energy and the feed-in price for the rest:
//!   `receipt = feed_in·p + (local − feed_in)·M·p/P`;
//! - a consumer of `c` Wh pays the local price for its share `M·c/C` and the import price for
//!   the rest: `payment = import·c − (import − local)·M·c/C`;
//! - the zone's operator takes the consumers' payments and pays the producers' receipts: it
//!   earns the import price on the energy it imported (`C − M`) and pays the feed-in price on
//!   the energy it exported (`P − M`); the local parts pass through.
//!
//! Rounding: every amount is the exact fraction rounded down, so it is within 1 planck of it;
//! a producer never receives and a consumer never pays more than the exact amount. The
//! operator's net is by construction what is left (`Σ payments − Σ receipts`, to the planck):
//! the operator absorbs the rounding, less than 1 planck per meter.
//!
//! Prices are in planck per Wh, with `feed_in ≤ local ≤ import` ([`Tariffs::is_valid`]).
//! Intermediate products are exact (256-bit); a result that does not fit in 128 bits is
//! refused, never wrapped.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_arithmetic::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// Energy, in watt-hours.
pub type Wh = u64;

/// A zone's prices, in planck per Wh.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Tariffs<Balance> {
	/// What a consumer pays for energy imported into the zone (not matched locally).
	pub import: Balance,
	/// What a consumer pays and a producer receives for energy matched in the zone.
	pub local: Balance,
	/// What a producer receives for energy exported from the zone (not matched locally).
	pub feed_in: Balance,
}

impl<Balance: PartialOrd> Tariffs<Balance> {
	/// Whether `feed_in ≤ local ≤ import`: local trade pays producers at least the feed-in
	/// price and costs consumers at most the import price.
	pub fn is_valid(&self) -> bool {
		self.feed_in <= self.local && self.local <= self.import
	}
}

/// Energy produced and consumed: a meter's in an interval, or a zone's totals.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Flow {
	/// Energy produced (fed into the grid), Wh.
	pub produced: Wh,
	/// Energy consumed (taken from the grid), Wh.
	pub consumed: Wh,
}

impl Flow {
	/// The energy matched locally: `min(produced, consumed)`.
	pub fn matched(&self) -> Wh {
		self.produced.min(self.consumed)
	}
}

/// One meter's bill for one interval.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Bill {
	/// Paid to the meter for its production, planck (rounded down).
	pub receipt: u128,
	/// Paid by the meter for its consumption, planck (rounded down).
	pub payment: u128,
	/// Its production delivered locally: `⌊M·p/P⌋` Wh (what earns reward points).
	pub local_produced: Wh,
	/// Its consumption supplied locally: `⌊M·c/C⌋` Wh.
	pub local_consumed: Wh,
}

impl Bill {
	/// What the meter receives after netting its payment against its receipt.
	pub fn credit(&self) -> u128 {
		self.receipt.saturating_sub(self.payment)
	}

	/// What the meter pays after netting its receipt against its payment.
	pub fn debit(&self) -> u128 {
		self.payment.saturating_sub(self.receipt)
	}
}

/// Why a bill cannot be computed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NettingError {
	/// The tariffs are not `feed_in ≤ local ≤ import`.
	InvalidTariffs,
	/// The meter's energy exceeds the zone's totals (it must be part of them).
	MeterAboveZone,
	/// An amount does not fit in 128 bits.
	Overflow,
}

/// `⌊value · part / whole⌋` exactly (256-bit intermediate); 0 when `whole` is 0 (then `part`
/// is 0 too).
fn share(value: u128, part: u128, whole: u128, rounding: Rounding) -> Result<u128, NettingError> {
	if whole == 0 {
		return Ok(0);
	}
	multiply_by_rational_with_rounding(value, part, whole, rounding).ok_or(NettingError::Overflow)
}

/// The bill of a meter with energy `meter` in an interval whose zone totals (every counted
/// reading, the meter's included) are `zone`, at `tariffs`. Pure and O(1).
pub fn bill(tariffs: &Tariffs<u128>, zone: Flow, meter: Flow) -> Result<Bill, NettingError> {
	if !tariffs.is_valid() {
		return Err(NettingError::InvalidTariffs);
	}
	if meter.produced > zone.produced || meter.consumed > zone.consumed {
		return Err(NettingError::MeterAboveZone);
	}
	let matched = u128::from(zone.matched());
	let (p, c) = (u128::from(meter.produced), u128::from(meter.consumed));
	let (big_p, big_c) = (u128::from(zone.produced), u128::from(zone.consumed));
	// M·p and M·c are below 2^128: both factors are below 2^64.
	let (mp, mc) = (matched * p, matched * c);
	let premium = tariffs.local - tariffs.feed_in;
	let discount = tariffs.import - tariffs.local;
	let receipt = tariffs
		.feed_in
		.checked_mul(p)
		.and_then(|base| base.checked_add(share(premium, mp, big_p, Rounding::Down).ok()?))
		.ok_or(NettingError::Overflow)?;
	// The payment is rounded down: the discount, subtracted, is rounded up. It is at most
	// `import·c` (M ≤ C), so the subtraction cannot underflow.
	let full = tariffs.import.checked_mul(c).ok_or(NettingError::Overflow)?;
	let payment = full.saturating_sub(share(discount, mc, big_c, Rounding::Up)?);
	let local_produced = share(1, mp, big_p, Rounding::Down)?;
	let local_consumed = share(1, mc, big_c, Rounding::Down)?;
	Ok(Bill {
		receipt,
		payment,
		// Both are at most p (resp. c) and so fit in a Wh.
		local_produced: Wh::try_from(local_produced).map_err(|_| NettingError::Overflow)?,
		local_consumed: Wh::try_from(local_consumed).map_err(|_| NettingError::Overflow)?,
	})
}

/// The bill of energy not traded in the zone's market (a meter's first reading after missed
/// intervals: energy over several intervals, not attributable to one): production at the
/// feed-in price, consumption at the import price.
pub fn grid_bill(tariffs: &Tariffs<u128>, meter: Flow) -> Result<Bill, NettingError> {
	if !tariffs.is_valid() {
		return Err(NettingError::InvalidTariffs);
	}
	let receipt = tariffs.feed_in.checked_mul(u128::from(meter.produced));
	let payment = tariffs.import.checked_mul(u128::from(meter.consumed));
	Ok(Bill {
		receipt: receipt.ok_or(NettingError::Overflow)?,
		payment: payment.ok_or(NettingError::Overflow)?,
		local_produced: 0,
		local_consumed: 0,
	})
}

/// The most a consumption of `consumed` Wh can cost at `tariffs`: all of it at the import
/// price (what a reading reserves of the consumer's escrow).
pub fn worst_payment(tariffs: &Tariffs<u128>, consumed: Wh) -> Option<u128> {
	tariffs.import.checked_mul(u128::from(consumed))
}
