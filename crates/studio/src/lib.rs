//! The publishing studio: the page where staff start from the site's current
//! release, import a filled workbook or CSV (every bad cell named and marked
//! in a grid of the sheet), see what changed, and take away a release ZIP
//! whose files are those `plan-data release` writes. Its own wasm, loaded by
//! the studio page alone. `open`, `sheets`, `release`, `protocol` and `session` are the logic
//! (native tests); `ui` the page;
//! `bridge` the messages between the page's wasm and the worker's.

#[cfg(target_arch = "wasm32")]
mod bridge;
pub mod commit;
#[cfg(all(target_arch = "wasm32", not(feature = "worker")))]
mod folder;
pub mod open;
#[cfg(renders_pages)]
pub mod preview;
pub mod protocol;
pub mod release;
pub mod session;
pub mod sheets;
pub mod text;
#[cfg(all(target_arch = "wasm32", not(feature = "worker")))]
mod ui;
pub mod vouch;
