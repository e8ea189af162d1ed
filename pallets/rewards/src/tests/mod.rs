mod claims;
mod emission;
mod holdback;
mod invariants;
mod validators;
