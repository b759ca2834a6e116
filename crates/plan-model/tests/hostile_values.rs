//! Values from the data become paths, URLs, ZIP entries and XML: each has a
//! grammar, and validation refuses what breaks it, at the value's JSON path.
//! The bundled data is changed one value at a time, as a hostile or careless
//! edit would.

use std::path::PathBuf;

use plan_model::release::{Manifest, ManifestFile, ReleaseSummary};
use plan_model::validate::{
    MAX_TEXT_CHARS, is_valid_id, site_address, validate_index, validate_manifest,
};
use plan_model::{Finding, PlanDocument, ProgressDocument, validate_plan, validate_progress};

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(name);
    std::fs::read_to_string(path).expect("bundled data")
}

fn plan() -> PlanDocument {
    plan_model::parse_plan("plan.json", &read("plan.json")).expect("plan")
}

fn progress() -> ProgressDocument {
    plan_model::parse_progress("progress.json", &read("progress.json")).expect("progress")
}

/// The one finding with `code`, which must be at `path`.
fn found<'a>(findings: &'a [Finding], code: &str, path: &str) -> &'a Finding {
    let hits: Vec<_> = findings.iter().filter(|f| f.code == code).collect();
    assert!(hits.iter().any(|f| f.path == path), "expected {code} at {path}, found {findings:#?}");
    hits.into_iter().find(|f| f.path == path).expect("found")
}

#[test]
fn ids_that_cannot_be_a_path_segment_are_refused_where_they_are() {
    for bad in
        ["../../etc", "a/b", "Upper", "two  spaces", "trailing-", "x".repeat(65).as_str(), "点"]
    {
        let mut doc = plan();
        doc.districts[2].id = bad.to_owned();
        let findings = validate_plan(&doc);
        let f = found(&findings, "bad-id", "districts[2].id");
        assert!(f.message_en.contains("lower-case letters"), "{}", f.message_en);
        assert!(f.message_zh.contains("小写字母"), "{}", f.message_zh);
    }
    for good in ["zhoushi", "ai-core-output-growth", "a1-2b"] {
        assert!(is_valid_id(good), "{good}");
    }
}

#[test]
fn characters_xml_forbids_are_refused_in_any_text() {
    for c in
        ['\u{FFFE}', '\u{FFFF}', '\u{0}', '\u{1B}', '\u{7F}', '\u{85}', '\u{FDD0}', '\u{1FFFF}']
    {
        let mut doc = plan();
        doc.indicators[1].name.en = format!("patents{c}");
        let findings = validate_plan(&doc);
        let f = found(&findings, "forbidden-character", "indicators[1].name.en");
        assert!(f.message_en.contains(&format!("U+{:04X}", u32::from(c))), "{}", f.message_en);
    }
    // Line breaks and tabs are text.
    let mut doc = plan();
    doc.indicators[1].name.en = "two\nlines\tand\r\nmore".to_owned();
    assert!(validate_plan(&doc).is_empty());
}

#[test]
fn a_text_longer_than_any_page_shows_is_refused() {
    let mut data = progress();
    data.release.changelog[0].notes.zh = "长".repeat(MAX_TEXT_CHARS + 1);
    let findings = validate_progress(&plan(), &data);
    let f = found(&findings, "text-too-long", "release.changelog[0].notes.zh");
    assert!(f.message_en.contains(&format!("{}", MAX_TEXT_CHARS + 1)), "{}", f.message_en);
    data.release.changelog[0].notes.zh = "长".repeat(MAX_TEXT_CHARS);
    assert!(!validate_progress(&plan(), &data).iter().any(|f| f.code == "text-too-long"));
}

#[test]
fn versions_in_the_data_are_folder_names_and_never_a_reserved_one() {
    for bad in ["index.json", "../x", ".tmp", "2026 12", ""] {
        let mut data = progress();
        data.release.version = bad.to_owned();
        data.release.changelog[1].version = bad.to_owned();
        let findings = validate_progress(&plan(), &data);
        if bad.is_empty() {
            found(&findings, "empty-version", "release.version");
        } else {
            found(&findings, "bad-version", "release.version");
        }
        found(&findings, "bad-version", "release.changelog[1].version");
    }
}

#[test]
fn an_index_names_each_version_once_as_a_folder_with_dates() {
    let summary = |v: &str, d: &str| ReleaseSummary {
        version: v.to_owned(),
        published: d.to_owned(),
        as_of: "2026-09-30".to_owned(),
        sample: true,
    };
    let ok = [summary("2026.09.0", "2026-10-01"), summary("2026.06.0", "2026-07-01")];
    assert!(validate_index(&ok).is_empty());
    let bad = [
        summary("2026.09.0", "2026-10-01"),
        summary("index.json", "2026-07-01"),
        summary("2026.09.0", "</updated><x>"),
    ];
    let findings = validate_index(&bad);
    found(&findings, "bad-version", "[1].version");
    found(&findings, "duplicate-id", "[2].version");
    found(&findings, "bad-date", "[2].published");
}

#[test]
fn a_manifest_lists_plain_file_names_with_hashes() {
    let file =
        |p: &str, h: &str| ManifestFile { path: p.to_owned(), bytes: 1, sha256: h.to_owned() };
    let hash = "a".repeat(64);
    let mut manifest = Manifest {
        schema_version: 1,
        version: "2026.09.0".to_owned(),
        published: "2026-10-01".to_owned(),
        as_of: "2026-09-30".to_owned(),
        sample: true,
        files: vec![file("plan.json", &hash), file("progress.json", &hash)],
    };
    assert!(validate_manifest(&manifest).is_empty());
    manifest.files.push(file("../../index.html", &hash));
    manifest.files.push(file("evil.html", "not-a-hash"));
    manifest.files.push(file("plan.json", &hash));
    manifest.version = "index.json".to_owned();
    let findings = validate_manifest(&manifest);
    found(&findings, "bad-file-name", "files[2].path");
    found(&findings, "bad-hash", "files[3].sha256");
    found(&findings, "duplicate-id", "files[4].path");
    found(&findings, "bad-version", "version");
}

#[test]
fn the_site_address_is_checked_before_it_is_written_anywhere() {
    assert_eq!(
        site_address("https://example.org/plan").as_deref(),
        Some("https://example.org/plan/")
    );
    assert_eq!(site_address("http://127.0.0.1:8080/").as_deref(), Some("http://127.0.0.1:8080/"));
    for bad in [
        "https://example.org/\nDisallow: /",
        "https://example.org/\"><script>",
        "javascript:alert(1)",
        "https://",
        "https:///path",
        "https://example.org/a b",
        "https://example.org/?q=1",
        "https://example.org/#top",
        "ftp://example.org/",
        "https://例子.中国/",
    ] {
        assert_eq!(site_address(bad), None, "{bad:?}");
    }
}
