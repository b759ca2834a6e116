//! The portal's web app: fetches the published data, and shows it with charts
//! and tables. Layers, lowest first (see docs/ARCHITECTURE.md; nothing
//! imports a layer above its own):
//!
//! 1. `url`, `assessed`, `format` (pure) · `data` (the only fetch) · `locale`,
//!    `prefs`, `near_screen`, `panic_panel` (browser glue)
//! 2. `charts`, `figures`, `export` (pure: no DOM, tested natively)
//! 3. `ui` (small shared components), `echarts` (the chart component)
//! 4. `share` (the figure card and its tools), `context` (the shared state)
//! 5. `pages` (one module per view)
//! 6. `app` (the shell and the frame every page has)
//! 7. `site` (native only: every view rendered to a static page)

#![recursion_limit = "256"]

pub mod app;
pub mod assessed;
pub mod browser;
pub mod charts;
pub mod context;
pub mod data;
pub mod echarts;
pub mod export;
pub mod figures;
pub mod format;
pub mod locale;
pub mod near_screen;
pub mod pages;
pub mod panic_panel;
pub mod prefs;
pub mod share;
#[cfg(static_render)]
pub mod site;
pub mod ui;
pub mod url;

pub use app::App;
