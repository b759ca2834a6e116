//! The staff publishing tool's modules, as a library so that the fuzz
//! targets (`fuzz/`) can drive the CSV import without files. The binary is
//! `src/main.rs` (`plan-data`).

pub use plan_model::atomic;
pub mod fail;
pub mod folder;
pub mod release;
pub mod sheet;
pub mod updates_sheet;
pub mod workbook;
