//! The staff publishing tool's modules: the files around `plan_publish`
//! (which the browser's studio shares). The binary is `src/main.rs`
//! (`plan-data`).

pub mod fail;
pub mod folder;
pub mod messages;
pub mod release;
pub mod sheet;
