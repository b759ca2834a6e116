//! The portal's web app: fetches the published data, and shows it with charts
//! and tables. Layers (see docs/ARCHITECTURE.md): `data` fetches, `charts` holds
//! pure chart builders and the one ECharts component, `components` small shared
//! pieces, `pages` one per view.

pub mod app;
pub mod charts;
pub mod components;
pub mod data;
pub mod export;
pub mod figures;
pub mod filter_bar;
pub mod locale;
pub mod near_screen;
pub mod pages;
pub mod panic_panel;
pub mod prefs;
pub mod route;
pub mod share;
pub mod zip;

pub use app::App;
