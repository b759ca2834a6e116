//! Addresses a reader takes away: the site's own, a figure's view pinned to
//! its release, today's date for citations, and ids unique in the page.

use portal_view::figures::Figure;
use portal_view::url::{Filters, Location};

/// The site's root (every page's `<base>`), absolute: what embed and
/// citation URLs start with.
pub fn site_base() -> String {
    let base = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    base.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// An address relative to the site (`embed.js`), made absolute.
pub(super) fn site_url(relative: &str) -> String {
    web_sys::Url::new_with_base(relative, &site_base())
        .map(|u| u.href())
        .unwrap_or_else(|_| relative.to_owned())
}

/// The full view of a figure, pinned to the release it shows (for citations).
pub(super) fn pinned_view_url(figure: &Figure) -> String {
    let filters = Filters {
        release: figure.provenance.release.clone(),
        theme: None,
        ..figure.filters.clone()
    };
    format!("{}{}", site_base(), Location::href(figure.lang, &figure.id.page(), &filters))
}

thread_local! {
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A number unique in this page (ids for labels).
pub(super) fn next_id() -> u32 {
    NEXT_ID.replace(NEXT_ID.get() + 1)
}

/// Numbers ids from the start again, for a page rendered on its own: the
/// same data then gives the same bytes, however many pages were rendered
/// before it (a release rendered by `plan-data` and by the studio compare
/// byte for byte).
pub fn restart_ids() {
    NEXT_ID.set(0);
}
