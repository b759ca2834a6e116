//! The staff tool's CSV imports (figures and updates) on arbitrary bytes (any encoding, any shape),
//! into the bundled progress figures: nothing may panic, hang or use
//! unbounded memory, whatever a spreadsheet program writes.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use plan_model::{Lang, PlanDocument, ProgressDocument};

static DATA: LazyLock<(PlanDocument, ProgressDocument)> = LazyLock::new(|| {
    let plan = plan_model::parse_plan("plan.json", include_str!("../../public/data/plan.json"))
        .expect("the bundled plan loads");
    let progress =
        plan_model::parse_progress("progress.json", include_str!("../../public/data/progress.json"))
            .expect("the bundled progress loads");
    (plan, progress)
});

fuzz_target!(|bytes: &[u8]| {
    let (plan, progress) = &*DATA;
    let mut progress = progress.clone();
    let _ = plan_cli::sheet::import_bytes(plan, &mut progress, bytes, Lang::En);
    // The same bytes as the updates sheet.
    let mut progress = DATA.1.clone();
    let _ = plan_cli::updates_sheet::import_updates_bytes(plan, &mut progress, bytes, Lang::En);
});
