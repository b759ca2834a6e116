//! The sheet import the staff tool and the studio share (figures and
//! updates; CSV in any encoding, or a workbook) on arbitrary bytes, into the
//! bundled progress figures: nothing may panic, hang or use unbounded
//! memory, whatever a spreadsheet program writes.
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
    if let Err(plan_publish::import::ImportError::Refused(why)) =
        plan_publish::import::import(plan, progress, bytes, None)
    {
        let _ = why.message("input", Lang::En);
    }
    // The same bytes under the updates sheet's header row, so that its reader
    // sees them too (the header decides which sheet a file is).
    let mut updates = "对象编号,类型,名称,所属任务,日期,阶段,进展\n".as_bytes().to_vec();
    updates.extend_from_slice(bytes);
    let _ = plan_publish::import::import(plan, progress, &updates, None);
});
