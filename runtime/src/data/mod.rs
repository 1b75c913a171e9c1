//! The data wing: ARC tasks as owned, validated values, loaded from any accepted format. Uses no
//! other wing.

pub(crate) mod json;
pub mod load;
pub mod submission;
pub mod task;
pub mod variant;
