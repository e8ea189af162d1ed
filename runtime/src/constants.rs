//! Units of the native token and of time.

/// The native token, DPN, and its subunits.
pub mod currency {
	use crate::Balance;

	/// Number of decimals of DPN.
	pub const TOKEN_DECIMALS: u8 = 12;
	/// Ticker of the native token.
	pub const TOKEN_SYMBOL: &str = "DPN";
	/// One DPN in the smallest unit.
	pub const DPN: Balance = 1_000_000_000_000;
	/// One thousandth of a DPN.
	pub const MILLI_DPN: Balance = DPN / 1_000;
	/// One millionth of a DPN.
	pub const MICRO_DPN: Balance = DPN / 1_000_000;

	/// Minimum balance of an account. Small enough that a device account funded only for its fees
	/// stays alive; large enough that creating accounts in bulk costs something.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_DPN;

	/// Held from a validator's (or collator's) account while its session keys are registered
	/// (`session.setKeys`), released by `session.purgeKeys`: the same on both chains.
	pub const SESSION_KEY_DEPOSIT: Balance = DPN;
}

/// Block time and the lengths of time built on it.
pub mod time {
	use crate::BlockNumber;

	/// Target block time. Aura's slot duration equals it; changing it on a live chain stops block
	/// production.
	pub const MILLISECS_PER_BLOCK: u64 = 6_000;
	/// Aura slot duration.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
}

/// SS58 address prefix: 42, the generic Substrate prefix, so that dev tooling recognises addresses.
pub const SS58_PREFIX: u16 = 42;
