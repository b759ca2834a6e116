//! The URL: which view is shown, in which language (the path:
//! `en/indicator/ai-invention-patents/`, a page of its own in `dist/`), with
//! which filters (the query: `?period=2026-06-30`). Paths are relative to the
//! site's root, which every page names as its `<base>`: the same `dist/` works
//! at a host's root and under any sub-path, with no rewrite rules. Old links
//! (`#/en/…`) are sent on to their page by scripts/page/early.js. Pure (no DOM, no data), tested
//! natively; only the shell and pages read the reader's URL, others write
//! links with it.

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
