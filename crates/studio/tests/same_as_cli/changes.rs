//! What changed, and what refusals say.

use super::*;

#[test]
fn what_changed_lists_the_updates_and_due_dates_too() {
    let current = current();
    let outcome =
        read_sheet(&current, &current.progress, "updates.xlsx", &fixture("updates.xlsx"), Lang::En);
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    let draft = outcome.draft.expect("draft");
    let (listed, _) = kunshan_studio::release::changes(&current, &draft, Lang::En);
    assert!(
        listed.iter().any(|l| l.starts_with("New update: ") || l.starts_with("Changed update: ")),
        "{listed:?}"
    );
    let (none, more) = kunshan_studio::release::changes(&current, &current.progress, Lang::En);
    assert!(none.is_empty() && more == 0);
}

#[test]
fn what_changed_names_indicators_and_districts_as_the_plan_does() {
    let current = current();
    let outcome =
        read_sheet(&current, &current.progress, "filled.xlsx", &fixture("filled.xlsx"), Lang::Zh);
    let draft = outcome.draft.expect("imported");
    let (listed, _) = kunshan_studio::release::changes(&current, &draft, Lang::Zh);
    assert!(
        listed.iter().any(|l| l.contains("引育人工智能相关企业（全市，2026-12-31）")),
        "{listed:?}"
    );
    assert!(listed.iter().any(|l| l.contains("张浦镇")), "the district by name: {listed:?}");
    assert!(!listed.iter().any(|l| l.contains("ai-enterprises")), "{listed:?}");
}

#[test]
fn refusals_speak_of_the_page_and_the_draft_not_the_command_line() {
    let current = current();
    for (file, bytes) in [
        ("missing.csv", fixture("missing-column.csv")),
        ("binary.csv", fixture("not-text.csv")),
        ("not-a-workbook.xlsx", fixture("not-a-workbook.xlsx")),
    ] {
        let outcome = read_sheet(&current, &current.progress, file, &bytes, Lang::Zh);
        assert_eq!(outcome.verdict, Verdict::Refused, "{file}: {}", outcome.summary);
        assert!(outcome.summary.contains("草稿未改动"), "{file}: {}", outcome.summary);
        assert!(!outcome.summary.contains("--encoding"), "{file}: {}", outcome.summary);
        assert!(!outcome.summary.contains("progress.json"), "{file}: {}", outcome.summary);
    }
}
