//! The updates sheet and workbooks: templates, drop-downs, typos, round trips, refusals.

use super::*;

/// The updates sheet as a responsible unit fills it: the template has a row
/// per key task and commitment with stage and due date as they stand; a
/// filled copy with two typos is refused, naming row and column, and
/// changes nothing; fixed, it lands in progress.json and validates.
#[test]
fn updates_sheet_template_fill_typos_and_import() {
    let data = Data::new("updates-sheet");
    let out = data.run(&["template", "--updates", "--dir", ".", "-o", "u.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("报告日期 2026-12-31"),
        "the next quarter end after 30 September: {said}"
    );
    let text = std::fs::read_to_string(data.dir.join("u.csv")).expect("template");
    assert!(text.starts_with('\u{feff}'), "a BOM, for Excel");
    let mut sheet = Sheet::read(&text);
    assert_eq!(&sheet.header[..3], ["对象编号", "类型", "名称"]);
    let plan = plan_model::parse_plan(
        "plan.json",
        &std::fs::read_to_string(data.dir.join("plan.json")).expect("plan"),
    )
    .expect("plan");
    assert_eq!(sheet.rows.len(), plan.tasks.len() + plan.commitments.len(), "a row each");
    let stalled = sheet.row_of("national-cosoftware-centre");
    assert_eq!(sheet.rows[stalled][sheet.col("阶段")], "停滞", "the stage as it stands");
    assert_eq!(sheet.rows[stalled][sheet.col("期限")], "2026-Q3", "the due date as it stands");

    // Filled in, with two typos: an unknown stage and a script address.
    let task = sheet.row_of("ai-core-technology");
    sheet.set(task, "进展", "四季度攻关项目全部立项。");
    sheet.set(stalled, "阶段", "已完成");
    sheet.set(stalled, "进展", "创新中心获批筹建。");
    sheet.set(stalled, "进展（英文）", "The centre was approved.");
    sheet.set(stalled, "佐证标题", "批复文件\n新闻发布");
    sheet.set(stalled, "佐证链接", "https://example.org/a\njavascript:alert(1)");
    let platform = sheet.row_of("digital-transformation-platform");
    sheet.set(platform, "阶段", "进行中");
    sheet.set(platform, "进展", "平台上线试运行。");
    sheet.set(platform, "期限", "2026-11-30");
    sheet.write(&data.dir.join("filled.csv"));
    let before = data.progress_bytes();
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", data.transcript(&out));
    assert_eq!(data.progress_bytes(), before, "nothing changed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (r1, r2) = (stalled + 2, platform + 2);
    assert!(
        stderr.contains(&format!("第 {r1} 行，“佐证链接”列：佐证材料链接“javascript:alert(1)”")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("第 {r2} 行，“阶段”列：阶段“进行中”无法识别")), "{stderr}");
    insta::assert_snapshot!("import-updates-typos-zh", data.transcript(&out));

    // Fixed: it is imported.
    sheet.set(stalled, "佐证链接", "https://example.org/a\nhttps://example.org/b");
    sheet.set(platform, "阶段", "推进中");
    sheet.write(&data.dir.join("filled.csv"));
    let out = data.run(&["--lang", "en", "import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("3 new updates, 0 updated, 1 due dates set or changed"), "{said}");
    let p = data.progress();
    let done = p
        .updates
        .iter()
        .find(|u| u.of == "national-cosoftware-centre" && u.as_of == "2026-12-31")
        .expect("the new update");
    assert_eq!(done.stage, Some(plan_model::progress::Stage::Done));
    assert_eq!(done.progress.en, "The centre was approved.");
    assert_eq!(done.evidence.len(), 2);
    let due = p.deadlines.iter().find(|d| d.of == "digital-transformation-platform").expect("due");
    assert_eq!(due.due, "2026-11-30");
    // A key task's update has no stage. Dated after the figures' date, the
    // updates are a warning now; a release dates itself to the latest.
    assert!(said.contains("[update-after-release]"), "the warnings are shown: {said}");
    assert!(said.contains("imported 3 rows"), "three updates, one with a new due date: {said}");
    let task_update =
        p.updates.iter().find(|u| u.of == "ai-core-technology" && u.as_of == "2026-12-31");
    assert_eq!(task_update.and_then(|u| u.stage), None);
}

/// Export writes the updates as the sheet, and the sheet reads back into the
/// same updates and due dates.
#[test]
fn updates_export_then_import_round_trips() {
    let data = Data::new("updates-roundtrip");
    // Texts that look like formulas, or really begin with the apostrophe an
    // export puts before one, come back exactly.
    let mut original = data.progress();
    let texts = ["'=SUM(A1) 撇号是原文", "=HYPERLINK(\"x\")", "''+86 512", "-x", "'plain"];
    for (update, text) in original.updates.iter_mut().zip(texts) {
        update.progress.zh = text.to_owned();
    }
    let text = serde_json::to_string_pretty(&original).expect("json");
    std::fs::write(data.dir.join("progress.json"), text).expect("write");
    let out = data.run(&["export", "--dir", ".", "-o", "exported"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let mut emptied = original.clone();
    emptied.updates.clear();
    // The sheet carries the commitments' due dates (a milestone's is not in it).
    emptied.deadlines.retain(|d| d.of == "supercomputer-10e");
    let text = serde_json::to_string_pretty(&emptied).expect("json");
    std::fs::write(data.dir.join("progress.json"), text).expect("write");
    let out = data.run(&["import", "exported/updates.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let back = data.progress();
    assert_eq!(back.updates, original.updates, "the same updates, in the same order");
    let dues = |p: &ProgressDocument| {
        let mut all: Vec<_> = p.deadlines.iter().map(|d| (d.of.clone(), d.due.clone())).collect();
        all.sort();
        all
    };
    assert_eq!(dues(&back), dues(&original), "the same due dates");
}

/// A workbook as Excel saves it (written here by a third party, openpyxl:
/// scripts/make-xlsx-fixtures.py) imports the same numbers as the CSV of
/// the same rows: numbers as numbers, dates as date cells.
#[test]
fn import_reads_an_xlsx_workbook_like_its_csv() {
    let data = Data::new("import-xlsx");
    let book = fixture("filled.xlsx");
    let out = data.run(&["import", book.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let p = data.progress();
    assert_eq!(value_of(&p, "ai-enterprises", None, "2026-12-31"), Some(1234.0));
    assert_eq!(value_of(&p, "green-factories", Some("zhangpu"), "2026-12-31"), Some(3.0));
    assert_eq!(value_of(&p, "ai-enterprises", Some("zhangpu"), "2026-12-31"), Some(15.0));
    assert_eq!(value_of(&p, "rd-intensity", None, "2026-12-31"), Some(3.92));
    assert_eq!(value_of(&p, "ai-server-scale", None, "2026-12-31"), None, "unfilled row skipped");
    insta::assert_snapshot!("import-filled.xlsx", data.transcript(&out));
}

/// The workbook's typos are named by the sheet's own row and column, as the
/// CSV's are; broken and hostile workbooks get a message each and change
/// nothing.
#[test]
fn import_refuses_bad_workbooks_naming_the_cell_and_changes_nothing() {
    let data = Data::new("import-bad-xlsx");
    let before = data.progress_bytes();
    let book = fixture("typos.xlsx");
    let out = data.run(&["import", book.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("第 2 行，“区镇编号”列：未知的区镇“zhangpuu”"), "{stderr}");
    assert!(stderr.contains("第 3 行，“数值”列：“1O”不是数字"), "{stderr}");
    for (file, says) in [
        ("formula.xlsx", "单元格 F4 是公式“=F3*5”"),
        ("cell-error.xlsx", "单元格 F4 是错误值 #DIV/0!"),
        ("not-a-workbook.xlsx", "不是有效的 Excel 工作簿"),
        ("zip-bomb.xlsx", "解压后有 300 MB，超过上限 256 MB"),
        ("far-cell.xlsx", "单元格 XFD1048576 超出范围"),
        ("many-strings.xlsx", "单元格超过 5000000 个"),
    ] {
        let book = fixture(file);
        let out = data.run(&["import", book.to_str().expect("path"), "--dir", "."]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(says) && stderr.contains("progress.json 未改动"),
            "{file}: {stderr}"
        );
        insta::assert_snapshot!(format!("import-{file}"), data.transcript(&out));
    }
    assert_eq!(data.progress_bytes(), before, "progress.json is untouched");
}

/// The updates sheet as a workbook: the same import, told apart by its
/// header; two evidence links in one cell, a date as a date cell.
#[test]
fn import_reads_the_updates_sheet_as_a_workbook() {
    let data = Data::new("import-updates-xlsx");
    let book = fixture("updates.xlsx");
    let out = data.run(&["--lang", "en", "import", book.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("imported 2 rows") && said.contains("2 new updates"), "{said}");
    let p = data.progress();
    let done = p
        .updates
        .iter()
        .find(|u| u.of == "national-cosoftware-centre" && u.as_of == "2026-12-31")
        .expect("the commitment's update");
    assert_eq!(done.stage, Some(plan_model::progress::Stage::Done));
    let urls: Vec<&str> = done.evidence.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(urls, ["https://example.org/a", "https://example.org/b"]);
}

/// `template -o *.xlsx` writes a workbook: Chinese headers, the ids and names
/// filled in, the indicator, district and flag columns as drop-down lists
/// (from a hidden sheet); it reads back through the same import. The same
/// for the updates sheet (subject and stage lists).
#[test]
fn templates_as_workbooks_have_drop_downs_and_read_back() {
    use std::io::Read;
    let data = Data::new("template-xlsx");
    let sheet_xml = |file: &str, part: &str| {
        let bytes = std::fs::read(data.dir.join(file)).expect("workbook");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
        let mut text = String::new();
        zip.by_name(part).expect(part).read_to_string(&mut text).expect("xml");
        text
    };
    let out = data.run(&["template", "--dir", ".", "--date", "2026-12-31", "-o", "t.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let sheet = sheet_xml("t.xlsx", "xl/worksheets/sheet1.xml");
    for (column, list) in [("A", "$A$2:$A$32"), ("C", "$B$2:$B$12"), ("K", "$C$2:$C$4")] {
        let rule = format!("<formula1>编号!{list}</formula1>");
        assert!(sheet.contains(&rule), "column {column}'s drop-down: {rule}");
    }
    let book = sheet_xml("t.xlsx", "xl/workbook.xml");
    assert!(book.contains(r#"name="进展数据""#) && book.contains(r#"state="hidden""#), "{book}");
    let strings = sheet_xml("t.xlsx", "xl/sharedStrings.xml");
    assert!(
        strings.contains("指标编号") && strings.contains("引育人工智能相关企业"),
        "headers and names"
    );
    // Nothing filled in: it reads back and imports nothing.
    let before = data.progress();
    let out = data.run(&["--lang", "en", "import", "t.xlsx", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 0 rows"));
    assert_eq!(data.progress(), before);

    let out = data.run(&["template", "--updates", "--dir", ".", "-o", "u.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let sheet = sheet_xml("u.xlsx", "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<formula1>编号!$A$2:$A$58</formula1>"),
        "subjects: 8 tasks and 49 commitments"
    );
    assert!(sheet.contains("<formula1>编号!$B$2:$B$6</formula1>"), "the five stages");
    let out = data.run(&["--lang", "en", "import", "u.xlsx", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("imported 0 rows"),
        "prefilled stage and due change nothing"
    );
}

/// What a unit may write without 进展 is refused, not dropped: a new stage,
/// problems alone; two rows may not give one commitment two due dates; an
/// English evidence title stays with its link.
#[test]
fn updates_sheet_refuses_what_it_would_otherwise_drop() {
    let data = Data::new("updates-sheet-drops");
    let out = data.run(&["template", "--updates", "--dir", ".", "-o", "u.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let text = std::fs::read_to_string(data.dir.join("u.csv")).expect("template");
    let mut sheet = Sheet::read(&text);
    // A commitment with no due date of its own: its stage changed, nothing said.
    let labs = sheet.row_of("future-labs");
    assert_eq!(sheet.rows[labs][sheet.col("期限")], "", "no due date set");
    sheet.set(labs, "阶段", "已完成");
    let lab = sheet.row_of("key-technology-research");
    sheet.set(lab, "问题", "经费不足。");
    let platform = sheet.row_of("digital-transformation-platform");
    let other = sheet.row_of("multimodal-corpus-platform");
    sheet.set(other, "进展", "平台上线。");
    sheet.rows.push(sheet.rows[platform].clone());
    let copy = sheet.rows.len() - 1;
    sheet.set(copy, "期限", "2026-11-30");
    sheet.set(copy, "进展", "试运行。");
    sheet.set(copy, "日期", "2026-11-30");
    sheet.write(&data.dir.join("filled.csv"));
    let before = data.progress_bytes();
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", data.transcript(&out));
    assert_eq!(data.progress_bytes(), before, "nothing changed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let row = |i: usize| i + 2;
    assert!(
        stderr.contains(&format!("第 {} 行，“进展”列：阶段改为“已完成”，但“进展”为空", row(labs))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("第 {} 行，“进展”列：填写了问题、下一步或佐证", row(lab))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "第 {} 行，“期限”列：与第 {} 行的期限“2026-10-31”不一致",
            row(copy),
            row(platform)
        )),
        "{stderr}"
    );

    // English titles keep their places: the second link's title is the second.
    sheet.rows.truncate(copy);
    sheet.set(labs, "进展", "建成。");
    sheet.set(lab, "进展", "立项。");
    sheet.set(lab, "佐证标题", "通知\n报道");
    sheet.set(lab, "佐证标题（英文）", "\nReport");
    sheet.set(lab, "佐证链接", "https://example.org/n\nhttps://example.org/r");
    sheet.write(&data.dir.join("filled.csv"));
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let p = data.progress();
    let u = p
        .updates
        .iter()
        .find(|u| u.of == "key-technology-research" && u.as_of == "2026-12-31")
        .expect("update");
    let titles: Vec<(&str, &str)> =
        u.evidence.iter().map(|e| (e.title.zh.as_str(), e.title.en.as_str())).collect();
    assert_eq!(titles, [("通知", ""), ("报道", "Report")]);
}

/// Delivery confidence in the updates sheet: a level the sheet does not know
/// and a reason without a level are refused by row and column, a level
/// without a reason too; written right, each lands on its update, and the
/// template's drop-down offers the three levels.
#[test]
fn confidence_is_read_from_the_updates_sheet_and_bad_cells_refused() {
    let data = Data::new("updates-confidence");
    let out = data.run(&["template", "--updates", "--dir", ".", "-o", "u.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let mut sheet = Sheet::read(&std::fs::read_to_string(data.dir.join("u.csv")).expect("csv"));
    assert_eq!(&sheet.header[16..], ["信心", "信心理由", "信心理由（英文）"]);
    let task = sheet.row_of("ai-core-technology");
    let platform = sheet.row_of("digital-transformation-platform");
    let centre = sheet.row_of("national-cosoftware-centre");
    for row in [task, platform, centre] {
        sheet.set(row, "进展", "示例：本季度推进。");
    }
    sheet.set(task, "信心", "很高");
    sheet.set(task, "信心理由", "示例：资金到位。");
    sheet.set(platform, "信心理由", "示例：没有评级。");
    sheet.set(centre, "信心", "低");
    sheet.write(&data.dir.join("filled.csv"));
    let before = data.progress_bytes();
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", data.transcript(&out));
    assert_eq!(data.progress_bytes(), before, "nothing changed");
    let said = String::from_utf8_lossy(&out.stderr);
    let row = |r: usize| r + 2;
    assert!(said.contains(&format!("第 {} 行，“信心”列：信心“很高”无法识别", row(task))), "{said}");
    assert!(said.contains(&format!("第 {} 行，“信心”列：填了信心理由", row(platform))), "{said}");
    assert!(
        said.contains(&format!("第 {} 行，“信心理由”列：信心评级缺少理由", row(centre))),
        "{said}"
    );

    sheet.set(task, "信心", "high");
    sheet.set(platform, "信心", "中");
    sheet.set(centre, "信心理由", "示例：选址未定。");
    sheet.set(centre, "信心理由（英文）", "Sample: no site yet.");
    sheet.write(&data.dir.join("filled.csv"));
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let p = data.progress();
    let rated = |id: &str| {
        let u = p.updates.iter().find(|u| u.of == id && u.as_of == "2026-12-31").expect(id);
        u.confidence.clone().expect("rated")
    };
    use plan_model::progress::ConfidenceLevel;
    assert_eq!(rated("ai-core-technology").level, ConfidenceLevel::High);
    assert_eq!(rated("digital-transformation-platform").level, ConfidenceLevel::Medium);
    let centre = rated("national-cosoftware-centre");
    assert_eq!(centre.level, ConfidenceLevel::Low);
    assert_eq!(centre.reason.en, "Sample: no site yet.");
}
