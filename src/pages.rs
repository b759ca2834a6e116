//! One module per view of the site.

pub mod overview;
