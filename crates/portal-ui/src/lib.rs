//! The portal's components: what a reader sees and does, in the browser (the
//! app at the workspace's root mounts [`App`]) and rendered to HTML (the
//! static pages, `portal-site`). What is shown comes from `portal-view`; this
//! crate arranges it, fetches it and reacts. Layers, lowest first (see
//! docs/ARCHITECTURE.md; nothing imports a layer above its own):
//!
//! 1. `data` (the only fetch) · `browser`, `prefs`, `near_screen`,
//!    `panic_panel` (browser glue)
//! 2. `ui` (small shared components), `echarts` (the chart component)
//! 3. `share` (the figure card and its tools), `context` (the shared state)
//! 4. `pages` (one module per view)
//! 5. `app` (the shell and the frame every page has)

#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod context;
pub mod data;
pub mod echarts;
pub mod near_screen;
pub mod pages;
pub mod panic_panel;
pub mod prefs;
pub mod share;
pub mod ui;

pub use app::App;
