//! Scripts the tests and the bench run in the page, kept as `.js` files (so
//! they are read, linted and edited as JavaScript) and compiled in. Each is
//! a function body for WebDriver's `execute`.

/// True once a page has loaded: no skeleton or error panel, every chart drawn,
/// and the app's main heading (`#main`: not the loading shell's copy); no part
/// still waiting for its turn (`ui::Later`). Scrolls to each undrawn chart,
/// as a reader would, and back to the top once all are drawn.
pub const PAGE_READY: &str = include_str!("probes/page_ready.js");
