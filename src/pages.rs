//! One module per view of the site.

pub mod indicator;
pub mod overview;
