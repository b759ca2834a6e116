//! The harness of the portal's browser tests and of `make bench`: a static
//! file server over `dist/` with faults on demand (`server`), chromedriver
//! and headless Chromium sessions that do not flake on a cold machine
//! (`driver`), Chrome DevTools and page helpers (`page`), JS probes kept as
//! `.js` files (`probes`), and temporary copies of the site (`files`).
#![cfg(not(target_arch = "wasm32"))]

mod driver;
mod files;
mod page;
pub mod probes;
mod server;

pub use driver::{Driver, free_port};
pub use files::{copy_dir, dist_dir, files_under, repo_dir, tempdir};
pub use page::{
    TAKEN_OVER, cdp, cdp_value, console_errors, emulate_colour_scheme, emulate_media,
    emulate_phone, open, save_screenshot, wait_for_app, wait_for_js, wait_for_js_within,
};
pub use probes::PAGE_READY;
pub use server::{Fault, Faults, StaticServer};
