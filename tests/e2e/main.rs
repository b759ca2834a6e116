//! The portal in a real headless Chromium, against the release build in
//! `dist/` served as a plain static host would: one test binary (one build,
//! one link) with a module per area, over the `portal-harness` crate.
#![cfg(not(target_arch = "wasm32"))]

mod a11y;
mod axe;
mod citizens;
mod compare;
mod csp;
mod data;
mod embed;
mod faults;
mod follow;
mod host;
mod indicator;
mod lighthouse;
mod model;
mod offline;
mod overview;
mod pages;
mod payloads;
mod preview;
mod search;
mod site;
mod studio;
mod task;
mod valid;
