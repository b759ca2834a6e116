//! The studio and `plan-data` give the same result for the same sheet: the
//! same findings for a sheet with typos, and a release ZIP whose every file
//! is byte for byte what `plan-data import` + `plan-data release` write.
//! (Native only: it runs the staff tool's code and reads files.)
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use kunshan_studio::{
    open::Current,
    release::release_zip,
    sheets::{Verdict, read_sheet},
};
use plan_model::Lang;
use plan_model::release::Manifest;
use plan_publish::release::ReleaseRequest;
use portal_harness::files_under;

mod changes;
mod folders;
mod release;
mod session;
mod sheets;
mod vouch;

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
    // The font the link-preview pictures are drawn with, as `make dist`
    // copies it: the pictures are compared byte for byte too.
    portal_harness::copy_dir(&repo().join("public/fonts"), &dir.join("fonts"));
    std::fs::write(dir.join("index.html"), TRUNK).expect("index.html");
    portal_site::publish::publish(&dir, Some("https://example.org/plan/"))
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
    let wanted = kunshan_studio::open::site_files_wanted(index.as_deref());
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
        portal_site::publish::publish(staged, None)
            .map(|report| report.pages.to_string())
            .map_err(|e| e.message(Lang::Zh))
    };
    plan_cli::release::release(&data, req, Lang::Zh, Some(&pages)).expect("plan-data release");
    let mut after = BTreeMap::new();
    files_under(site, "", &mut after);
    let _ = std::fs::remove_dir_all(site);
    after
}

/// A session opened on the bundled release (in English).
fn session(index: Option<String>) -> kunshan_studio::session::Session {
    use kunshan_studio::{
        protocol::{Request, Response},
        session::Session,
    };
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

fn release_request(version: &str, accept_warnings: bool) -> kunshan_studio::protocol::Request {
    kunshan_studio::protocol::Request::Release {
        version: version.to_owned(),
        date: "2026-12-01".to_owned(),
        notes_zh: "示例".to_owned(),
        notes_en: String::new(),
        accept_warnings,
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
    let read = kunshan_studio::open::folder_entries(&paths)
        .into_iter()
        .map(|(at, inside)| (inside, chosen[at].1.clone()))
        .collect();
    Current::from_folder(read, name, Lang::Zh)
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
