//! The release ZIP is what plan-data writes, byte for byte; the site files the renderer reads.

use super::*;

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
    use portal_site::publish::{SITE_FILE, STUDIO_FILE, TEMPLATE_FILE, history_files};
    let index = std::fs::read_to_string(repo().join("public/data/releases/index.json")).ok();
    let wanted = kunshan_studio::open::site_files_wanted(index.as_deref());
    let releases: Vec<plan_model::release::ReleaseSummary> =
        serde_json::from_str(index.as_deref().expect("an index")).expect("index");
    let mut read: Vec<String> = [
        "index.html",
        TEMPLATE_FILE,
        SITE_FILE,
        STUDIO_FILE,
        portal_site::preview::FONT_FILE,
        portal_site::install::ICON_FILE,
    ]
    .map(str::to_owned)
    .to_vec();
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
