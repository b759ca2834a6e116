//! The URL: which view is shown, in which language, with which filters, all
//! in the fragment (`#/en/indicator/ai-invention-patents?period=2026-06-30`).
//! The document is always `index.html`, so every deep link works on a plain
//! static file server with no rewrite rules and under any sub-path; back and
//! forward are the browser's own. Pure (no DOM, no data), tested natively;
//! only the shell and pages read the reader's URL, others write links with it.

mod figure_id;
mod filters;
mod location;
mod theme;

pub use figure_id::{FigureId, Subject};
pub use filters::Filters;
pub use location::{Location, Route};
pub use theme::Theme;

/// Ids in the data are lower-case words joined by hyphens, dates are
/// `YYYY-MM-DD`; anything else in a URL is not one of ours.
fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
