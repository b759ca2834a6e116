//! The JSON Schema of the published files, generated from the Rust types so the
//! two cannot drift apart (a test compares it with the copy in `public/data/`).

use crate::plan::PlanDocument;
use crate::progress::ProgressDocument;

/// File name of the plan's schema, published next to `plan.json`.
pub const PLAN_SCHEMA_FILE: &str = "plan.schema.json";

/// File name of the progress data's schema.
pub const PROGRESS_SCHEMA_FILE: &str = "progress.schema.json";

/// The JSON Schema (draft 2020-12) of `plan.json`, pretty-printed with a final newline.
pub fn plan_schema() -> String {
    pretty(schemars::schema_for!(PlanDocument))
}

/// The JSON Schema (draft 2020-12) of `progress.json`.
pub fn progress_schema() -> String {
    pretty(schemars::schema_for!(ProgressDocument))
}

fn pretty(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
