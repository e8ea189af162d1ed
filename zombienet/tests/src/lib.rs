//! Helpers of the zombienet scenarios live in `tests/`.
