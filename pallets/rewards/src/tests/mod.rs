mod claims;
mod emission;
mod holdback;
mod invariants;
mod owners;
mod validators;
