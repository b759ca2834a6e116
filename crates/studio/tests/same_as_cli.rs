//! The studio and `plan-data` give the same result for the same sheet: the
//! same findings for a sheet with typos, and a release ZIP whose every file
//! is byte for byte what `plan-data import` + `plan-data release` write.
//! (Native only: it runs the staff tool's code and reads files.)
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use kunshan_studio::model::{Current, Verdict, read_sheet, release_zip};
use plan_model::Lang;
use plan_model::release::Manifest;
use plan_publish::release::ReleaseRequest;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("crates/plan-cli/tests/fixtures").join(name)).expect("fixture")
}

/// The bundled release as the studio fetches it (`public/` stands for a
/// site: its `data/`, and none of a built site's own files).
fn current() -> Current {
    fetched(&repo().join("public")).0
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("read");
        files.insert(entry.name().expect("a UTF-8 name").into_owned(), content);
    }
    files
}

fn files_under(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            files_under(&entry.path(), &format!("{name}/"), out);
        } else {
            out.insert(name, std::fs::read(entry.path()).expect("read"));
        }
    }
}

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
    let big = vec![b'a'; kunshan_studio::model::MAX_FILE_BYTES + 1];
    let outcome = read_sheet(&current, &current.progress, "big.csv", &big, Lang::En);
    assert_eq!(outcome.verdict, Verdict::Refused);
    assert!(outcome.summary.contains("MB"), "{}", outcome.summary);
}

/// No site files: a release of the data alone.
fn no_site() -> BTreeMap<String, Vec<u8>> {
    BTreeMap::new()
}

/// Trunk's page, as far as the renderer reads it (its head's assets).
const TRUNK: &str = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n\
    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\" />\n\
    <link rel=\"stylesheet\" href=\"./main-1.css\"/>\n\
    <script type=\"module\" src=\"./boot-1.js\"></script>\n</head>\n<body></body>\n</html>\n";

/// A built and published site in a private folder: the bundled data (with
/// its frozen releases) under `data/`, Trunk's page, then every page
/// rendered as `make dist` does.
fn built_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("studio-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    portal_harness::copy_dir(&repo().join("public/data"), &dir.join("data"));
    std::fs::write(dir.join("index.html"), TRUNK).expect("index.html");
    kunshan_portal::site::publish::publish(&dir, Some("https://example.org/plan/"))
        .expect("the site renders");
    dir
}

/// What the studio's page fetches from a site: the files its manifest lists
/// and the releases index, then the site's own files it has.
fn fetched(site: &Path) -> (Current, BTreeMap<String, Vec<u8>>) {
    let data = site.join("data");
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(data.join("manifest.json")).expect("read"))
            .expect("manifest");
    let files = manifest
        .files
        .iter()
        .map(|f| (f.path.clone(), std::fs::read(data.join(&f.path)).expect("listed file")))
        .collect();
    let index = std::fs::read_to_string(data.join("releases/index.json")).ok();
    let wanted = kunshan_studio::model::site_files_wanted(index.as_deref());
    let own = wanted
        .into_iter()
        .filter_map(|path| std::fs::read(site.join(&path)).ok().map(|bytes| (path, bytes)))
        .collect();
    (Current::open(files, index, Lang::Zh).expect("the release opens"), own)
}

/// `plan-data import` of `sheet` (a workbook), then `plan-data release`
/// into the built `site`'s data folder, which renders the pages again
/// (crates/plan-cli/src/main.rs, `render_pages`): every file of the site
/// after, and the site removed.
fn the_tool_releases(
    site: &Path,
    sheet: &[u8],
    req: &ReleaseRequest<'_>,
) -> BTreeMap<String, Vec<u8>> {
    let data = site.join("data");
    let sheet_path = site.join("sheet.xlsx");
    std::fs::write(&sheet_path, sheet).expect("write");
    plan_cli::sheet::import_file(&data, &sheet_path, None, Lang::Zh).expect("the tool imports");
    std::fs::remove_file(&sheet_path).expect("rm");
    // `plan-data release`'s pages step (crates/plan-cli/src/main.rs), in the
    // staged copy it switches in.
    let pages = |staged: &Path, _: &Path| {
        kunshan_portal::site::publish::publish(staged, None)
            .map(|report| report.pages.to_string())
            .map_err(|e| e.message(Lang::Zh))
    };
    plan_cli::release::release(&data, req, Lang::Zh, Some(&pages)).expect("plan-data release");
    let mut after = BTreeMap::new();
    files_under(site, "", &mut after);
    let _ = std::fs::remove_dir_all(site);
    after
}

#[test]
fn the_release_zip_holds_what_plan_data_writes_byte_for_byte() {
    let site = built_site("studio");
    let (current, own) = fetched(&site);
    assert!(own.contains_key("template.html") && own.contains_key("site.json"), "{:?}", own.keys());
    let sheet = fixture("filled.xlsx");
    let outcome = read_sheet(&current, &current.progress, "filled.xlsx", &sheet, Lang::Zh);
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    let draft = outcome.draft.expect("a draft");
    let req = ReleaseRequest {
        version: "2026.12.0-test",
        notes_zh: "示例：十一月数据",
        notes_en: "Sample: November figures",
        date: "2026-12-01",
    };
    let made = release_zip(&current, &draft, &req, &own, Lang::Zh).expect("a release");
    assert_eq!(made.name, "release-2026.12.0-test.zip");
    let pages = made.pages.expect("the pages are rendered");
    assert!(pages > 200, "{pages} pages");
    let zipped = unzip(&made.zip);
    assert_eq!(zipped.len(), made.files);

    // The same sheet and release through the staff tool.
    let mut before = BTreeMap::new();
    files_under(&site, "", &mut before);
    let after = the_tool_releases(&site, &sheet, &req);

    // Every file the tool wrote anew or changed is in the ZIP, the same.
    let mut changed = 0;
    for (path, bytes) in &after {
        if before.get(path) == Some(bytes) {
            continue;
        }
        changed += 1;
        let ours = zipped.get(path).unwrap_or_else(|| panic!("{path} is missing from the ZIP"));
        assert!(ours == bytes, "{path} differs from what plan-data wrote");
    }
    assert!(changed > 200, "the pages say the new release: {changed} files changed");
    // And every file in the ZIP is the tool's, byte for byte.
    for (path, ours) in &zipped {
        let theirs =
            after.get(path).unwrap_or_else(|| panic!("{path}: plan-data wrote no such file"));
        assert!(ours == theirs, "{path} differs from what plan-data wrote");
    }
    for page in ["index.html", "zh/index.html", "en/data/index.html", "zh/feed.xml", "sitemap.xml"]
    {
        assert!(zipped.contains_key(page), "{page} in the ZIP");
    }
    let overview = String::from_utf8(zipped["zh/index.html"].clone()).expect("text");
    assert!(overview.contains("2026.12.0-test"), "the page names the new release");
    assert!(zipped.contains_key("data/releases/2026.12.0-test/SHA256SUMS"));
    // Every hash in the manifest checks out against the file beside it.
    let manifest: Manifest =
        serde_json::from_slice(&zipped["data/manifest.json"]).expect("manifest");
    for f in &manifest.files {
        let bytes = &zipped[&format!("data/{}", f.path)];
        assert_eq!(plan_publish::release::sha256_hex(bytes), f.sha256, "{}", f.path);
        assert_eq!(bytes.len() as u64, f.bytes, "{}", f.path);
    }
}

#[test]
fn the_studio_fetches_the_site_files_the_renderer_reads() {
    use kunshan_portal::site::publish::{SITE_FILE, STUDIO_FILE, TEMPLATE_FILE, history_files};
    let index = std::fs::read_to_string(repo().join("public/data/releases/index.json")).ok();
    let wanted = kunshan_studio::model::site_files_wanted(index.as_deref());
    let releases: Vec<plan_model::release::ReleaseSummary> =
        serde_json::from_str(index.as_deref().expect("an index")).expect("index");
    let mut read: Vec<String> =
        ["index.html", TEMPLATE_FILE, SITE_FILE, STUDIO_FILE].map(str::to_owned).to_vec();
    read.extend(history_files(&releases));
    assert_eq!(wanted, read);
    assert!(wanted.len() > 4 + 2, "the frozen releases too: {wanted:?}");
}

#[test]
fn a_site_without_its_page_template_still_gives_a_release_of_the_data_saying_why() {
    let current = current();
    let req =
        ReleaseRequest { version: "2026.12.0", notes_zh: "一", notes_en: "", date: "2026-12-01" };
    for lang in [Lang::Zh, Lang::En] {
        let made = release_zip(&current, &current.progress, &req, &no_site(), lang).expect("made");
        let why = made.pages.expect_err("no pages");
        assert!(why.contains("index.html"), "{why}");
        let files = unzip(&made.zip);
        assert!(files.keys().all(|k| k.starts_with("data/")), "the data alone");
    }
    // A site whose files are there but its address is not: said, with the file.
    let mut own = no_site();
    own.insert("index.html".to_owned(), TRUNK.as_bytes().to_vec());
    let made = release_zip(&current, &current.progress, &req, &own, Lang::En).expect("made");
    let why = made.pages.expect_err("no address");
    assert!(why.contains("site.json"), "{why}");
}

#[test]
fn a_version_already_published_is_refused() {
    let current = current();
    let used = current.versions.first().expect("the sample has releases").clone();
    let req = ReleaseRequest { version: &used, notes_zh: "x", notes_en: "", date: "2026-12-01" };
    let said =
        release_zip(&current, &current.progress, &req, &no_site(), Lang::Zh).expect_err("refused");
    assert!(said.contains(&used) && said.contains("已发布"), "{said}");
}

#[test]
fn a_session_keeps_its_draft_through_refused_sheets_until_discarded() {
    use kunshan_studio::model::{Request, Response, Session};
    let data = repo().join("public/data");
    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(data.join("manifest.json")).expect("read"))
            .expect("manifest");
    let names: Vec<String> = manifest.files.iter().map(|f| f.path.clone()).collect();
    let hashes: Vec<String> = manifest.files.iter().map(|f| f.sha256.clone()).collect();
    let blobs: Vec<Vec<u8>> =
        names.iter().map(|n| std::fs::read(data.join(n)).expect("file")).collect();
    let index = std::fs::read_to_string(data.join("releases/index.json")).ok();
    let mut session = Session::default();
    // A file not as the manifest lists it is refused.
    let mut wrong = blobs.clone();
    wrong[0].push(b' ');
    let (refused, _) = session.handle(
        Request::Open {
            names: names.clone(),
            hashes: hashes.clone(),
            index: index.clone(),
            site: Vec::new(),
            lang: Lang::En,
        },
        wrong,
    );
    assert!(matches!(&refused, Response::Opened(Err(e)) if e.contains("manifest")), "{refused:?}");
    let (opened, _) = session
        .handle(Request::Open { names, hashes, index, site: Vec::new(), lang: Lang::En }, blobs);
    let Response::Opened(Ok(standing)) = opened else { panic!("opened: {opened:?}") };
    assert!(standing.current.contains("2026.09.0-sample"), "{}", standing.current);
    assert!(standing.changes.is_empty());

    let read = |session: &mut Session, file: &str| {
        let bytes = fixture(file);
        let size = bytes.len() as u64;
        let (response, _) =
            session.handle(Request::Read { file: file.to_owned(), size }, vec![bytes]);
        let Response::Read(outcome, standing) = response else { panic!("{response:?}") };
        (outcome.verdict, standing)
    };
    let (verdict, standing) = read(&mut session, "filled.xlsx");
    assert_eq!(verdict, Verdict::Imported);
    assert_eq!(standing.sheets, 1);
    assert!(!standing.changes.is_empty(), "the draft differs from the release");
    let changed = standing.changes.clone();
    for hostile in ["typos.xlsx", "zip-bomb.xlsx", "formula.xlsx"] {
        let (verdict, standing) = read(&mut session, hostile);
        assert_ne!(verdict, Verdict::Imported, "{hostile}");
        assert_eq!((standing.sheets, &standing.changes), (1, &changed), "{hostile}: draft kept");
    }
    let (released, zip) = session.handle(
        Request::Release {
            version: "2026.12.0-s".into(),
            date: "2026-12-01".into(),
            notes_zh: "示例".into(),
            notes_en: String::new(),
            accept_warnings: true,
        },
        Vec::new(),
    );
    assert!(matches!(released, Response::Released(Ok(_))), "{released:?}");
    assert!(zip.first().is_some_and(|z| z.starts_with(b"PK\x03\x04")), "a ZIP beside the reply");
    let (discarded, _) = session.handle(Request::Discard, Vec::new());
    let Response::Discarded(standing) = discarded else { panic!("{discarded:?}") };
    assert_eq!(standing.sheets, 0);
    assert!(standing.changes.is_empty());
}

#[test]
fn a_release_zip_not_yet_uploaded_can_be_opened_and_released_again() {
    let current = current();
    let outcome =
        read_sheet(&current, &current.progress, "filled.xlsx", &fixture("filled.xlsx"), Lang::Zh);
    let draft = outcome.draft.expect("imported");
    let first = ReleaseRequest {
        version: "2026.12.0",
        notes_zh: "示例：第一批",
        notes_en: "",
        date: "2026-12-01",
    };
    let zip =
        release_zip(&current, &draft, &first, &no_site(), Lang::Zh).expect("first release").zip;
    let reopened = Current::from_zip(&zip, "release-2026.12.0.zip", Lang::Zh).expect("opens");
    assert_eq!(reopened.progress.release.version, "2026.12.0");
    assert_eq!(reopened.versions.first().map(String::as_str), Some("2026.12.0"));
    // The same version again is refused; a next one carries both in its index.
    let again = release_zip(&reopened, &reopened.progress, &first, &no_site(), Lang::Zh);
    assert!(again.is_err(), "a version in the ZIP's index is taken");
    let outcome = read_sheet(
        &reopened,
        &reopened.progress,
        "updates.xlsx",
        &fixture("updates.xlsx"),
        Lang::Zh,
    );
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    let second = ReleaseRequest { version: "2026.12.1", notes_zh: "示例：第二批", ..first };
    let zip = release_zip(
        &reopened,
        outcome.draft.as_ref().expect("draft"),
        &second,
        &no_site(),
        Lang::Zh,
    )
    .expect("second release")
    .zip;
    let files = unzip(&zip);
    let index: Vec<plan_model::release::ReleaseSummary> =
        serde_json::from_slice(&files["data/releases/index.json"]).expect("index");
    let versions: Vec<&str> = index.iter().map(|r| r.version.as_str()).collect();
    assert_eq!(&versions[..3], ["2026.12.1", "2026.12.0", "2026.09.0-sample"]);

    for (name, words) in [("zip-bomb.xlsx", "解压后"), ("filled.xlsx", "不是发布包")] {
        let said = Current::from_zip(&fixture(name), name, Lang::Zh).expect_err(name);
        assert!(said.contains(name) && said.contains(words), "{name}: {said}");
    }
    let said = Current::from_zip(b"not a zip", "x.zip", Lang::Zh).expect_err("not a zip");
    assert!(said.contains("不是发布包"), "{said}");
}

#[test]
fn the_status_preview_says_what_the_site_will_show_after_the_release() {
    use kunshan_studio::model::{Request, Response};
    use plan_model::status::{Scorecard, Status};
    let mut session = session(None);
    let (opened, _) = session.handle(Request::Discard, Vec::new());
    let Response::Discarded(standing) = opened else { panic!("{opened:?}") };
    let plan = current().plan;
    let total: usize = standing.status_counts.iter().map(|c| c.1).sum();
    assert_eq!(total, plan.indicators.len(), "every indicator counted once");
    assert!(standing.status_counts.iter().all(|(_, after, before)| after == before));
    assert!(standing.status_changes.is_empty());

    // A year-end figure at twice the target of an indicator not yet achieved.
    let card = Scorecard::compute(&plan, &current().progress);
    let ind = plan
        .indicators
        .iter()
        .find(|i| {
            i.target.level().is_some_and(|l| l > 0.0)
                && card.city.get(&i.id).is_some_and(|a| a.status != Status::Achieved)
        })
        .expect("an indicator not yet achieved");
    let level = ind.target.level().expect("level");
    let sheet = format!("指标编号,区镇编号,日期,数值\n{},,2026-12-31,{}\n", ind.id, level * 2.0);
    let size = sheet.len() as u64;
    let (read, _) =
        session.handle(Request::Read { file: "one.csv".into(), size }, vec![sheet.into_bytes()]);
    let Response::Read(outcome, standing) = read else { panic!("{read:?}") };
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    let line = standing
        .status_changes
        .iter()
        .find(|l| l.starts_with(ind.name.en.as_str()))
        .unwrap_or_else(|| panic!("{} changes: {:?}", ind.id, standing.status_changes));
    assert!(line.contains("→ ✔ Achieved") || line.contains("Achieved ("), "{line}");
    let achieved = &standing.status_counts[0];
    assert_eq!(achieved.1, achieved.2 + 1, "one more achieved: {achieved:?}");
}

/// A session opened on the bundled release (in English).
fn session(index: Option<String>) -> kunshan_studio::model::Session {
    use kunshan_studio::model::{Request, Response, Session};
    let data = repo().join("public/data");
    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(data.join("manifest.json")).expect("read"))
            .expect("manifest");
    let names: Vec<String> = manifest.files.iter().map(|f| f.path.clone()).collect();
    let hashes: Vec<String> = manifest.files.iter().map(|f| f.sha256.clone()).collect();
    let blobs = names.iter().map(|n| std::fs::read(data.join(n)).expect("file")).collect();
    let mut session = Session::default();
    let (opened, _) = session
        .handle(Request::Open { names, hashes, index, site: Vec::new(), lang: Lang::En }, blobs);
    assert!(matches!(opened, Response::Opened(Ok(_))), "{opened:?}");
    session
}

fn release_request(version: &str, accept_warnings: bool) -> kunshan_studio::model::Request {
    kunshan_studio::model::Request::Release {
        version: version.to_owned(),
        date: "2026-12-01".to_owned(),
        notes_zh: "示例".to_owned(),
        notes_en: String::new(),
        accept_warnings,
    }
}

#[test]
fn warnings_must_be_accepted_and_a_published_version_is_taken_even_without_an_index() {
    use kunshan_studio::model::{Request, Response};
    // A running total that falls: imported, with a warning.
    let current = current();
    let ind = current
        .plan
        .indicators
        .iter()
        .find(|i| {
            i.cumulative
                && current
                    .progress
                    .observations
                    .iter()
                    .any(|o| o.indicator == i.id && o.district.is_none() && o.value > 10.0)
        })
        .expect("a cumulative indicator with a citywide figure");
    let sheet = format!("指标编号,区镇编号,日期,数值\n{},,2026-12-31,1\n", ind.id);
    let mut s = session(None);
    let size = sheet.len() as u64;
    let (read, _) =
        s.handle(Request::Read { file: "fall.csv".into(), size }, vec![sheet.into_bytes()]);
    let Response::Read(outcome, standing) = read else { panic!("{read:?}") };
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    assert!(standing.warnings > 0, "a falling total is a warning: {:?}", outcome.lines);
    let (refused, zip) = s.handle(release_request("2026.12.0", false), Vec::new());
    assert!(
        matches!(&refused, Response::Released(Err(e)) if e.contains("warnings")),
        "{refused:?}"
    );
    assert!(zip.is_empty());
    let (made, _) = s.handle(release_request("2026.12.0", true), Vec::new());
    assert!(matches!(made, Response::Released(Ok(_))), "{made:?}");

    // With no index, the release's own version and its changelog's are still taken.
    let mut s = session(None);
    for taken in ["2026.09.0-sample", "2026.06.0-sample"] {
        let (refused, _) = s.handle(release_request(taken, true), Vec::new());
        assert!(matches!(&refused, Response::Released(Err(e)) if e.contains(taken)), "{refused:?}");
    }
    // A size over the limit is refused without any bytes read.
    let (read, _) =
        s.handle(Request::Read { file: "huge.xlsx".into(), size: 80 << 20 }, Vec::new());
    let Response::Read(outcome, _) = read else { panic!("{read:?}") };
    assert_eq!(outcome.verdict, Verdict::Refused);
    assert!(outcome.summary.contains("80 MB"), "the real size: {}", outcome.summary);
}

#[test]
fn an_index_that_cannot_be_read_stops_the_studio_rather_than_losing_the_history() {
    let data = repo().join("public/data");
    let files = vec![
        ("plan.json".to_owned(), std::fs::read(data.join("plan.json")).expect("plan")),
        ("progress.json".to_owned(), std::fs::read(data.join("progress.json")).expect("progress")),
    ];
    let said = Current::open(files, Some("[{\"version\": ".to_owned()), Lang::En)
        .expect_err("a broken index");
    assert!(said.contains("releases/index.json"), "{said}");
}

#[test]
fn a_release_made_from_a_zip_carries_the_zips_frozen_release_along() {
    let current = current();
    let first =
        ReleaseRequest { version: "2026.12.0", notes_zh: "一", notes_en: "", date: "2026-12-01" };
    let zip =
        release_zip(&current, &current.progress, &first, &no_site(), Lang::Zh).expect("first").zip;
    let reopened = Current::from_zip(&zip, "first.zip", Lang::Zh).expect("opens");
    let second = ReleaseRequest { version: "2026.12.1", notes_zh: "二", ..first };
    let zip = release_zip(&reopened, &reopened.progress, &second, &no_site(), Lang::Zh)
        .expect("second")
        .zip;
    let files = unzip(&zip);
    for name in ["progress.json", "manifest.json", "SHA256SUMS"] {
        assert!(files.contains_key(&format!("data/releases/2026.12.0/{name}")), "{name} carried");
        assert!(files.contains_key(&format!("data/releases/2026.12.1/{name}")), "{name} new");
    }
}

#[test]
fn what_changed_lists_the_updates_and_due_dates_too() {
    let current = current();
    let outcome =
        read_sheet(&current, &current.progress, "updates.xlsx", &fixture("updates.xlsx"), Lang::En);
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    let draft = outcome.draft.expect("draft");
    let (listed, _) = kunshan_studio::model::changes(&current, &draft, Lang::En);
    assert!(
        listed.iter().any(|l| l.starts_with("New update: ") || l.starts_with("Changed update: ")),
        "{listed:?}"
    );
    let (none, more) = kunshan_studio::model::changes(&current, &current.progress, Lang::En);
    assert!(none.is_empty() && more == 0);
}

#[test]
fn what_changed_names_indicators_and_districts_as_the_plan_does() {
    let current = current();
    let outcome =
        read_sheet(&current, &current.progress, "filled.xlsx", &fixture("filled.xlsx"), Lang::Zh);
    let draft = outcome.draft.expect("imported");
    let (listed, _) = kunshan_studio::model::changes(&current, &draft, Lang::Zh);
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

/// Every file under `dir` as the browser lists a folder chosen with
/// `webkitdirectory`: its path from the chosen folder, the folder's name first.
fn as_chosen(dir: &Path, name: &str) -> Vec<(String, Vec<u8>)> {
    let mut files = BTreeMap::new();
    files_under(dir, &format!("{name}/"), &mut files);
    files.into_iter().collect()
}

/// What the studio reads of a chosen folder, and the release it opens.
fn open_folder(chosen: &[(String, Vec<u8>)], name: &str) -> Result<Current, String> {
    let paths: Vec<String> = chosen.iter().map(|(p, _)| p.clone()).collect();
    let read = kunshan_studio::model::folder_entries(&paths)
        .into_iter()
        .map(|(at, inside)| (inside, chosen[at].1.clone()))
        .collect();
    Current::from_folder(read, name, Lang::Zh)
}

#[test]
fn a_folder_on_this_computer_opens_as_the_site_serves_it_and_releases_as_the_tool_does() {
    let site = built_site("folder");
    let (served, own) = fetched(&site);
    let chosen = as_chosen(&site, "网站");
    let paths: Vec<String> = chosen.iter().map(|(p, _)| p.clone()).collect();
    let picked = kunshan_studio::model::folder_entries(&paths);
    let names: Vec<&str> = picked.iter().map(|(_, n)| n.as_str()).collect();
    // The data, the index and the frozen releases; never a page.
    assert!(names.contains(&"data/plan.json") && names.contains(&"data/releases/index.json"));
    assert!(names.contains(&"data/releases/2026.06.0-sample/progress.json"), "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("data/")), "{names:?}");
    assert!(chosen.len() > names.len() + 200, "the pages are left: {} files", chosen.len());

    let opened = open_folder(&chosen, "网站").expect("the site's folder opens");
    assert_eq!(opened.plan, served.plan);
    assert_eq!(opened.progress, served.progress);
    assert_eq!(opened.versions, served.versions);
    // Its data folder, or a folder above the site, give the same release.
    for (dir, name) in [(site.join("data"), "data"), (site.clone(), "桌面/网站")] {
        let again = open_folder(&as_chosen(&dir, name), name).expect(name);
        assert_eq!(again.progress, served.progress, "{name}");
        assert_eq!(again.versions, served.versions, "{name}");
    }

    // A release from the folder is what the tool writes into that folder.
    let sheet = fixture("filled.xlsx");
    let draft = read_sheet(&opened, &opened.progress, "filled.xlsx", &sheet, Lang::Zh)
        .draft
        .expect("imported");
    let req = ReleaseRequest {
        version: "2026.12.0-folder",
        notes_zh: "示例",
        notes_en: "Sample",
        date: "2026-12-02",
    };
    let zipped = unzip(&release_zip(&opened, &draft, &req, &own, Lang::Zh).expect("released").zip);
    let after = the_tool_releases(&site, &sheet, &req);
    assert!(zipped.len() > 500, "{} files", zipped.len());
    for (path, ours) in &zipped {
        let theirs =
            after.get(path).unwrap_or_else(|| panic!("{path}: the tool wrote no such file"));
        assert!(ours == theirs, "{path} differs from what plan-data wrote");
    }
}

#[test]
fn a_folder_without_a_release_is_refused_naming_it() {
    let dir = std::env::temp_dir().join(format!("studio-not-a-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // A data folder half there (no progress.json), and sheets beside it.
    std::fs::create_dir_all(dir.join("data")).expect("mkdir");
    std::fs::write(dir.join("data/manifest.json"), "{}").expect("write");
    std::fs::write(dir.join("data/plan.json"), "{}").expect("write");
    std::fs::write(dir.join("表格.xlsx"), fixture("filled.xlsx")).expect("write");
    let chosen = as_chosen(&dir, "下载");
    let _ = std::fs::remove_dir_all(&dir);
    let paths: Vec<String> = chosen.iter().map(|(p, _)| p.clone()).collect();
    assert!(kunshan_studio::model::folder_entries(&paths).is_empty());
    let said = open_folder(&chosen, "下载").expect_err("no release in it");
    assert!(said.starts_with("下载：") && said.contains("progress.json"), "{said}");
    let said_en = Current::from_folder(Vec::new(), "Downloads", Lang::En).expect_err("empty");
    assert!(said_en.contains("Downloads") && said_en.contains("no site data"), "{said_en}");

    // Too much to read together: refused by its size, the session as it was.
    use kunshan_studio::model::{Request, Response};
    let mut session = session(None);
    let (answer, _) = session.handle(
        Request::OpenFolder {
            folder: "大文件夹".into(),
            names: vec!["data/plan.json".into()],
            size: 300 * 1024 * 1024,
        },
        Vec::new(),
    );
    let Response::OpenRefused(said, standing) = answer else { panic!("{answer:?}") };
    assert!(said.starts_with("大文件夹：") && said.contains("300"), "{said}");
    assert!(standing.current.contains("2026.09.0-sample"), "{}", standing.current);
}

#[test]
fn a_folder_with_a_broken_data_file_is_refused_naming_the_file_and_the_place() {
    let data = repo().join("public/data");
    // Every top-level file of the data folder, as a chosen folder gives them.
    let mut chosen: Vec<(String, Vec<u8>)> = std::fs::read_dir(&data)
        .expect("data")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (format!("data/{name}"), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    // A hand edit that lost a comma on line 3.
    let progress = chosen.iter_mut().find(|(n, _)| n == "data/progress.json").expect("progress");
    progress.1 = b"{\n  \"schema_version\": 1\n  \"release\": {}\n}\n".to_vec();
    let said = open_folder(&chosen, "data").expect_err("broken progress.json");
    assert!(said.starts_with("data：") && said.contains("progress.json"), "{said}");
    assert!(said.contains("第 3 行"), "the line is named: {said}");
}

#[test]
fn the_studio_says_how_many_update_texts_the_english_pages_show_in_chinese() {
    use kunshan_studio::model::{Request, Response, untranslated};
    let mut session = session(None);
    let bytes = fixture("updates.xlsx");
    let (answer, _) = session.handle(
        Request::Read { file: "updates.xlsx".into(), size: bytes.len() as u64 },
        vec![bytes],
    );
    let Response::Read(outcome, standing) = answer else { panic!("{answer:?}") };
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    // The bundled release has every text in English; the sheet leaves some out.
    assert_eq!(untranslated(&current().progress), 0);
    let current = current();
    let draft =
        read_sheet(&current, &current.progress, "updates.xlsx", &fixture("updates.xlsx"), Lang::En)
            .draft
            .expect("imported");
    let by_hand: usize = draft
        .updates
        .iter()
        .flat_map(|u| {
            [Some(&u.progress), u.problems.as_ref(), u.next_steps.as_ref()]
                .into_iter()
                .flatten()
                .chain(u.evidence.iter().map(|e| &e.title))
        })
        .filter(|t| !t.zh.trim().is_empty() && t.en.trim().is_empty())
        .count();
    assert!(by_hand > 0, "the fixture leaves some English out");
    assert_eq!(standing.untranslated, by_hand);
}

/// The bundled data folder (its files, the index and both frozen releases)
/// as a release ZIP holds it, paths from the site's root.
fn bundled_release_entries() -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).expect("read").flatten() {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.push((name, std::fs::read(entry.path()).expect("read")));
            }
        }
    }
    let mut out = Vec::new();
    walk(&repo().join("public/data"), "data/", &mut out);
    out
}

/// A release ZIP is untrusted: a file no manifest lists rides along with
/// nothing (it is left out, and named); a frozen copy that differs from its
/// SHA256SUMS, or a data file that differs from the manifest, stops the
/// studio starting from it, naming the file.
#[test]
fn a_zip_is_carried_on_only_as_far_as_its_manifests_vouch_for_it() {
    let zip =
        |entries: &[(String, Vec<u8>)]| plan_model::zip::write(entries, "2026-12-07").expect("zip");
    let mut entries = bundled_release_entries();
    entries.push(("data/evil.html".into(), b"<script>alert(1)</script>".to_vec()));
    entries.push(("data/releases/2026.06.0-sample/extra.js".into(), b"x".to_vec()));
    let current = Current::from_zip(&zip(&entries), "release.zip", Lang::En).expect("opens");
    assert!(current.left_out.contains(&"data/evil.html".to_owned()), "{:?}", current.left_out);
    assert!(current.left_out.iter().any(|p| p.ends_with("extra.js")), "{:?}", current.left_out);
    assert!(!current.files.iter().any(|(n, _)| n == "evil.html"));
    assert!(
        !current.carried.iter().any(|(p, _)| p.ends_with("extra.js") || p.ends_with("evil.html"))
    );
    assert!(current.describe(Lang::En).contains("data/evil.html"), "the start line names it");

    let mut tampered = bundled_release_entries();
    let frozen = tampered
        .iter_mut()
        .find(|(p, _)| p == "data/releases/2026.06.0-sample/progress.json")
        .expect("a frozen file");
    frozen.1.extend_from_slice(b" ");
    let said = Current::from_zip(&zip(&tampered), "release.zip", Lang::En).expect_err("tampered");
    assert!(said.contains("data/releases/2026.06.0-sample/progress.json"), "{said}");

    let mut changed = bundled_release_entries();
    let plan = changed.iter_mut().find(|(p, _)| p == "data/plan.json").expect("plan");
    plan.1 =
        String::from_utf8(plan.1.clone()).expect("utf-8").replacen("2026", "2027", 1).into_bytes();
    let said = Current::from_zip(&zip(&changed), "release.zip", Lang::En).expect_err("changed");
    assert!(said.contains("data/plan.json") && said.contains("manifest"), "{said}");
}

/// Names from a site's manifest become paths and ZIP entries: one that is
/// not a plain file name stops the studio from starting, named.
#[test]
fn a_manifest_name_that_is_no_plain_file_name_is_refused() {
    let mut files = bundled_release_entries()
        .into_iter()
        .filter_map(|(p, b)| {
            p.strip_prefix("data/").filter(|n| !n.contains('/')).map(|n| (n.to_owned(), b))
        })
        .collect::<Vec<_>>();
    files.push(("../../index.html".into(), b"<p>".to_vec()));
    let said = Current::open(files, None, Lang::En).err().unwrap_or_default();
    assert!(said.contains("'../../index.html' cannot be used"), "{said}");
}
