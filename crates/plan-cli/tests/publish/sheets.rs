//! Figures sheets: import, typos, unreadable files, a crash before the rename, export round trip, the template.

use super::*;

/// The same filled sheet, however a spreadsheet program saved it, imports the
/// same numbers (thousands separators, full-width digits, per-cent signs,
/// district by name, unfilled and blank trailing rows skipped).
#[test]
fn import_reads_what_spreadsheets_write() {
    for file in ["utf8-bom-crlf.csv", "utf8-no-bom-lf.csv", "gb18030-excel.csv"] {
        let data = Data::new(&format!("import-{file}"));
        let csv = fixture(file);
        let out = data.run(&["import", csv.to_str().expect("path"), "--dir", "."]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", data.transcript(&out));
        let p = data.progress();
        assert_eq!(value_of(&p, "ai-enterprises", None, "2026-12-31"), Some(1234.0), "{file}");
        assert_eq!(
            value_of(&p, "green-factories", Some("zhangpu"), "2026-12-31"),
            Some(3.0),
            "{file}"
        );
        assert_eq!(
            value_of(&p, "ai-enterprises", Some("zhangpu"), "2026-12-31"),
            Some(15.0),
            "{file}"
        );
        assert_eq!(value_of(&p, "rd-intensity", None, "2026-12-31"), Some(3.92), "{file}");
        assert_eq!(
            value_of(&p, "ai-server-scale", None, "2026-12-31"),
            None,
            "unfilled row skipped"
        );
        let note = p.observations.iter().find(|o| {
            o.as_of == "2026-12-31" && o.indicator == "ai-enterprises" && o.district.is_none()
        });
        assert_eq!(note.and_then(|o| o.note.as_ref()).map(|n| n.zh.as_str()), Some("年底预计"));
        insta::assert_snapshot!(format!("import-{file}"), data.transcript(&out));
    }
}

#[test]
fn import_with_typos_names_row_and_column_and_changes_nothing() {
    let data = Data::new("typos");
    let before = data.progress_bytes();
    let csv = fixture("typos.csv");
    let out = data.run(&["import", csv.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(data.progress_bytes(), before, "progress.json is untouched");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("第 2 行，“区镇编号”列：未知的区镇“zhangpuu”"), "{stderr}");
    assert!(stderr.contains("第 3 行，“数值”列：“1O”不是数字"), "{stderr}");
    insta::assert_snapshot!("import-typos-zh", data.transcript(&out));
    let out = data.run(&["--lang", "en", "import", csv.to_str().expect("path"), "--dir", "."]);
    insta::assert_snapshot!("import-typos-en", data.transcript(&out));
}

#[test]
fn import_refuses_unreadable_files_with_advice() {
    let data = Data::new("unreadable");
    for file in ["missing-column.csv", "not-text.csv"] {
        let csv = fixture(file);
        let out = data.run(&["import", csv.to_str().expect("path"), "--dir", "."]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        insta::assert_snapshot!(format!("import-{file}"), data.transcript(&out));
    }
    let gb = fixture("gb18030-excel.csv");
    let forced =
        data.run(&["import", gb.to_str().expect("path"), "--dir", ".", "--encoding", "utf8"]);
    assert_eq!(forced.status.code(), Some(1), "GB18030 read as UTF-8 is refused, not garbled");
}

#[test]
fn a_crash_before_the_rename_leaves_the_old_file_whole() {
    let data = Data::new("crash");
    let before = data.progress_bytes();
    let csv = fixture("utf8-bom-crlf.csv");
    let out =
        data.run_env(&["import", csv.to_str().expect("path"), "--dir", "."], Some((CRASH, "1")));
    assert_eq!(out.status.code(), Some(2), "{}", data.transcript(&out));
    assert_eq!(data.progress_bytes(), before, "the published file is never half-written");
    let _ = data.progress();
}

#[test]
fn export_then_import_round_trips_to_identical_data() {
    let data = Data::new("roundtrip");
    let original = data.progress();
    let out = data.run(&["export", "--dir", ".", "-o", "exported"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert!(data.dir.join("exported/targets.csv").is_file());
    // Empty the observations, then import the export.
    let mut emptied = original.clone();
    emptied.observations.clear();
    let text = serde_json::to_string_pretty(&emptied).expect("json");
    std::fs::write(data.dir.join("progress.json"), text).expect("write");
    let out = data.run(&["import", "exported/progress.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert_eq!(data.progress(), original, "export → import gives back the same data");
    // Importing the same export again changes nothing.
    let out = data.run(&["--lang", "en", "import", "exported/progress.csv", "--dir", "."]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("0 new, 0 updated, 517 unchanged"), "{text}");
}

#[test]
fn template_lists_every_indicator_and_place() {
    let data = Data::new("template");
    let out = data.run(&["template", "--dir", ".", "--date", "2026-12-31", "-o", "t.csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(data.dir.join("t.csv")).expect("template");
    assert!(text.starts_with("\u{feff}指标编号,指标名称,区镇编号,区镇名称,日期,数值,单位"));
    // 31 quantified indicators × (citywide + 11 districts).
    assert_eq!(text.lines().count(), 1 + 31 * 12);
    assert!(text.contains("ai-invention-patents,人工智能发明专利,jinxi,锦溪镇,2026-12-31,,件"));
    // A blank template imports as nothing.
    let out = data.run(&["import", "t.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("导入 0 行"));
}
