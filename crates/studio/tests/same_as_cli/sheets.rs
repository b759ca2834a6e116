//! Sheets the studio reads: typos marked, hostile files refused.

use super::*;

#[test]
fn a_sheet_with_typos_is_refused_with_its_cells_marked() {
    let current = current();
    let outcome =
        read_sheet(&current, &current.progress, "typos.xlsx", &fixture("typos.xlsx"), Lang::Zh);
    assert_eq!(outcome.verdict, Verdict::BadCells, "{}", outcome.summary);
    assert!(outcome.draft.is_none(), "nothing is imported");
    assert!(!outcome.lines.is_empty());
    // Every message names a row that the grid shows, with that cell marked.
    for line in &outcome.lines {
        let row = line.row.expect("a cell error names its row");
        let shown = outcome.grid.rows.iter().find(|r| r.number == row).expect("row in the grid");
        assert!(shown.cells.iter().any(|c| c.problem.is_some()), "row {row} has a marked cell");
        assert!(line.text.contains(&format!("第 {row} 行")), "{}", line.text);
    }
    assert_eq!(outcome.grid.headings[0], "指标编号");
}

#[test]
fn hostile_files_are_refused_and_leave_the_draft_alone() {
    let current = current();
    for name in ["not-a-workbook.xlsx", "zip-bomb.xlsx", "formula.xlsx", "far-cell.xlsx"] {
        let outcome = read_sheet(&current, &current.progress, name, &fixture(name), Lang::En);
        assert_eq!(outcome.verdict, Verdict::Refused, "{name}: {}", outcome.summary);
        assert!(outcome.summary.contains(name), "{}", outcome.summary);
        assert!(outcome.draft.is_none());
    }
    let big = vec![b'a'; kunshan_studio::open::MAX_FILE_BYTES + 1];
    let outcome = read_sheet(&current, &current.progress, "big.csv", &big, Lang::En);
    assert_eq!(outcome.verdict, Verdict::Refused);
    assert!(outcome.summary.contains("MB"), "{}", outcome.summary);
}
