//! What the portal shows, before any page: the release assessed once
//! (`assessed`), every chart as a figure with its table and provenance
//! (`figures`, over the pure chart builders in `charts`), the downloads
//! (`export`), addresses and filters (`url`), how numbers are written
//! (`format`) and the UI's words in both languages (`locale`). No DOM, no
//! fetch: tested natively, used by the components (`portal-ui`) and the
//! static site (`portal-site`). Layers, lowest first:
//!
//! 1. `locale`, `url`, `assessed`, `format`, then `compare` (which districts
//!    the compare page shows)
//! 2. `charts` (charming builders from plain view structs)
//! 3. `figures`, then `export` and `picture` (every chart as an SVG)
//! 4. `open_data` (the release as CSV tables, and its name and cadence),
//!    `summary` (each page's answer in a sentence, for its description),
//!    `search` (everything a reader can find, where it lives)

pub mod assessed;
pub mod charts;
pub mod compare;
pub mod export;
pub mod figures;
pub mod format;
pub mod locale;
pub mod open_data;
pub mod picture;
pub mod search;
pub mod summary;
pub mod url;
