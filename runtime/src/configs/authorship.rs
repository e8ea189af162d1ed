//! `pallet_authorship`: tells the rewards pallet who authored each block (the validator at the
//! Aura author's index in the session's set).

use super::rewards::{CreditAuthor, ValidatorOfAuthor};
use crate::Runtime;

impl pallet_authorship::Config for Runtime {
	type FindAuthor = ValidatorOfAuthor;
	// Its weight is charged by the rewards pallet's `on_initialize`.
	type EventHandler = CreditAuthor;
}
