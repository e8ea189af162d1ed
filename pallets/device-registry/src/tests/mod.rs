//! Tests by topic. Each runs in `ExtBuilder::build_and_execute`, which checks `try_state` after.

mod denylist;
mod deregistration;
mod location;
mod makers;
mod registration;
mod registry;
mod transfer;
