//! A text that a spreadsheet would run as a formula leaves the tool's CSV
//! files as text (`'=…`) and comes back exactly as it was.

use plan_publish::import::{SheetKind, import};
use plan_publish::{figures, updates};

fn bundled() -> (plan_model::PlanDocument, plan_model::ProgressDocument) {
    let plan = plan_model::parse_plan("plan.json", include_str!("../../../public/data/plan.json"))
        .expect("plan");
    let progress = plan_model::parse_progress(
        "progress.json",
        include_str!("../../../public/data/progress.json"),
    )
    .expect("progress");
    (plan, progress)
}

const PAYLOAD: &str = "=HYPERLINK(\"http://example.org/x\",\"click\")";

#[test]
fn a_formula_in_an_update_is_exported_as_text_and_imported_back_unchanged() {
    let (plan, mut progress) = bundled();
    let update = progress.updates.first_mut().expect("the sample has updates");
    update.progress.zh = PAYLOAD.to_owned();
    update.problems = Some(plan_model::Bilingual { zh: "+86 512 0000".into(), en: "@x".into() });
    let csv = updates::updates_csv(&plan, &progress);
    assert!(csv.contains(&format!("\"'{}\"", PAYLOAD.replace('"', "\"\""))), "defused in the CSV");
    assert!(!csv.contains(",=HYPERLINK"), "never a bare formula");
    let imported = import(&plan, &progress, csv.as_bytes(), None).expect("reads back");
    assert_eq!(imported.checked.kind, SheetKind::Updates);
    assert_eq!(
        imported.progress.updates, progress.updates,
        "the same updates, formula text and all"
    );
}

#[test]
fn a_formula_in_a_figures_note_round_trips_and_numbers_stay_numbers() {
    let (plan, mut progress) = bundled();
    let o = progress.observations.first_mut().expect("figures");
    o.note = Some(plan_model::Bilingual { zh: PAYLOAD.to_owned(), en: "-".to_owned() });
    let csv = figures::progress_csv(&plan, &progress);
    assert!(!csv.contains(",=HYPERLINK"), "never a bare formula");
    let imported = import(&plan, &progress, csv.as_bytes(), None).expect("reads back");
    assert_eq!(imported.progress.observations, progress.observations);
}
