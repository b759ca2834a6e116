//! The JSON loader and validator on arbitrary bytes: read as a plan, as
//! progress figures (checked against the bundled plan, then assessed) and as
//! a release manifest. Nothing may panic, hang or use unbounded memory.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use plan_model::status::StatusContext;
use plan_model::{PlanDocument, Scorecard};

static PLAN: LazyLock<PlanDocument> = LazyLock::new(|| {
    plan_model::parse_plan("plan.json", include_str!("../../public/data/plan.json"))
        .expect("the bundled plan loads")
});

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(plan) = plan_model::parse_plan("plan.json", &text) {
        let _ = plan_model::validate_plan(&plan);
    }
    if let Ok(progress) = plan_model::parse_progress("progress.json", &text) {
        let findings = plan_model::validate_progress(&PLAN, &progress);
        // The site only assesses files without errors; assess those like it does.
        if findings.iter().all(|f| f.severity != plan_model::Severity::Error) {
            let card = Scorecard::compute(&PLAN, &progress);
            let _ = StatusContext::new(&PLAN, &progress);
            let _ = card.city.len();
            let _ = progress.periods();
        }
    }
    let _ = plan_model::load::parse_located::<plan_model::release::Manifest>("manifest.json", &text);
});
