//! The JSON Schema of the published files, generated from the Rust types so the
//! two cannot drift apart (a test compares it with the copy in `public/data/`).

use crate::plan::PlanDocument;

/// File name of the plan's schema, published next to `plan.json`.
pub const PLAN_SCHEMA_FILE: &str = "plan.schema.json";

/// The JSON Schema (draft 2020-12) of `plan.json`, pretty-printed with a final newline.
pub fn plan_schema() -> String {
    let schema = schemars::schema_for!(PlanDocument);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
