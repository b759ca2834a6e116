//! The published data as the model reads it: what a test checks the page against.

use std::path::Path;

use plan_model::{PlanDocument, ProgressDocument};

/// The plan and the progress figures in a data folder (`dist/data`, a release's folder).
pub fn model(data: &Path) -> (PlanDocument, ProgressDocument) {
    let read = |f: &str| std::fs::read_to_string(data.join(f)).expect("data file");
    (
        plan_model::parse_plan("plan.json", &read("plan.json")).expect("plan"),
        plan_model::parse_progress("progress.json", &read("progress.json")).expect("progress"),
    )
}
