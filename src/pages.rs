//! One module per view of the site.

pub mod data;
pub mod indicator;
pub mod overview;
pub mod task;
