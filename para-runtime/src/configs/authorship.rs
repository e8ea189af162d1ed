//! `pallet_authorship`: tells the rewards pallet who authored each block (the collator at the
//! Aura author's index in the session's set, found as on the solo chain), and collator selection
//! (which pays the author from its pot and keeps candidates that author blocks).

use super::rewards::{CreditAuthor, ValidatorOfAuthor};
use crate::{CollatorSelection, Runtime};

impl pallet_authorship::Config for Runtime {
	type FindAuthor = ValidatorOfAuthor;
	// CreditAuthor's weight is charged by the rewards pallet's `on_initialize`.
	type EventHandler = (CreditAuthor, CollatorSelection);
}
