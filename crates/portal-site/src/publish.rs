//! Writes the static site into a built `dist/`: reads the data it serves,
//! renders every page in memory (so a failure writes nothing), then writes
//! each file whole (temporary file, then rename), and says what it wrote.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use plan_model::load::parse_located;
use plan_model::release::{
    MANIFEST_FILE, Manifest, RELEASE_INDEX_FILE, RELEASES_DIR, ReleaseSummary,
};
use plan_model::{
    Bilingual, Lang, LoadError, PLAN_FILE, PROGRESS_FILE, PlanDocument, ProgressDocument,
};

use super::{Page, Site, Template, TemplateError};
use portal_ui::data::{DATA_DIR, ReadAhead};
use portal_view::locale::tr;

/// Trunk's page, kept beside the rendered ones: it is the template again at
/// the next publish, once `index.html` is a rendered page.
pub const TEMPLATE_FILE: &str = "template.html";

/// The site's public address, kept beside the pages, for a publish that does
/// not name it (`plan-data release` into the site's data folder).
pub const SITE_FILE: &str = "site.json";

/// Why the site could not be written. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// A file could not be read.
    #[error("{file}: {detail}")]
    Read {
        /// The file.
        file: PathBuf,
        /// What the system said.
        detail: String,
    },
    /// A data file does not load or breaks the data rules.
    #[error("{file}: {}", detail.en)]
    Data {
        /// The file.
        file: PathBuf,
        /// The problem, located, in both languages.
        detail: Bilingual,
    },
    /// The public address cannot be written into a page, sitemap or robots.txt.
    #[error("{url}: not a site address")]
    BadAddress {
        /// The address as given.
        url: String,
    },
    /// No public address was given and none was kept.
    #[error("{file}: no site address given and none kept")]
    NoAddress {
        /// Where it would have been kept.
        file: PathBuf,
    },
    /// Trunk's page is not as expected.
    #[error("{file}: {error}")]
    Template {
        /// The file.
        file: PathBuf,
        /// What is wrong with it.
        error: TemplateError,
    },
    /// A file could not be written.
    #[error("{file}: {detail}")]
    Write {
        /// The file.
        file: PathBuf,
        /// What the system said.
        detail: String,
    },
}

impl PublishError {
    /// The message in a language, naming the file and the problem.
    pub fn message(&self, lang: Lang) -> String {
        let (key_text, file, detail) = match self {
            PublishError::Read { file, detail } => {
                (tr!(lang, site_error_read), file, detail.clone())
            }
            PublishError::Data { file, detail } => {
                (tr!(lang, site_error_data), file, detail.get(lang).to_owned())
            }
            PublishError::Template { file, error } => {
                (tr!(lang, site_error_template), file, error.to_string())
            }
            PublishError::Write { file, detail } => {
                (tr!(lang, site_error_write), file, detail.clone())
            }
            PublishError::NoAddress { file } => {
                (tr!(lang, site_error_address), file, String::new())
            }
            PublishError::BadAddress { url } => {
                let shown = format!("{url:?}");
                return portal_view::locale::fill(
                    tr!(lang, site_error_bad_address),
                    &[("file", &shown as &dyn std::fmt::Display), ("detail", &"")],
                );
            }
        };
        portal_view::locale::fill(
            key_text,
            &[("file", &file.display() as &dyn std::fmt::Display), ("detail", &detail)],
        )
    }
}

/// What was written.
#[derive(Debug)]
pub struct Report {
    /// Pages written (both languages, the root copy and `404.html` included).
    pub pages: usize,
    /// Their bytes, in all.
    pub bytes: usize,
    /// How long it took, in milliseconds (reading, rendering and writing).
    pub millis: u128,
}

/// Where a publish reads the site's files: a built `dist/` on disk
/// ([`Disk`]), or the publishing studio's copy in memory. Paths are from the
/// site's root, `/`-separated (`data/plan.json`).
pub trait SiteFiles {
    /// The file's bytes, or why not (a missing file: `NotFound`).
    fn read(&self, path: &str) -> std::io::Result<Vec<u8>>;
    /// How errors name the file: its place on disk, or its path in the site.
    fn shown(&self, path: &str) -> PathBuf {
        PathBuf::from(path)
    }
}

/// A built site on disk.
pub struct Disk<'a>(pub &'a Path);

impl SiteFiles for Disk<'_> {
    fn read(&self, path: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.0.join(path))
    }
    fn shown(&self, path: &str) -> PathBuf {
        self.0.join(path)
    }
}

/// Files in memory, by path from the site's root.
impl SiteFiles for std::collections::BTreeMap<String, Vec<u8>> {
    fn read(&self, path: &str) -> std::io::Result<Vec<u8>> {
        self.get(path).cloned().ok_or_else(|| std::io::ErrorKind::NotFound.into())
    }
}

fn read(files: &dyn SiteFiles, path: &str) -> Result<String, PublishError> {
    let failed = |detail: String| PublishError::Read { file: files.shown(path), detail };
    let bytes = files.read(path).map_err(|e| failed(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| failed(e.to_string()))
}

/// Reads and parses one data file, its errors located in it.
fn load<T>(
    files: &dyn SiteFiles,
    path: &str,
    parse_with: impl Fn(&str, &str) -> Result<T, LoadError>,
) -> Result<T, PublishError> {
    parse(files, path, &read(files, path)?, parse_with)
}

/// Parses one data file's text, its errors located in it.
fn parse<T>(
    files: &dyn SiteFiles,
    path: &str,
    text: &str,
    parse_with: impl Fn(&str, &str) -> Result<T, LoadError>,
) -> Result<T, PublishError> {
    let shown = files.shown(path);
    parse_with(&shown.display().to_string(), text).map_err(|e| data_error(shown, &e))
}

fn data_error(file: PathBuf, error: &LoadError) -> PublishError {
    let detail = Bilingual { zh: error.message(Lang::Zh), en: error.message(Lang::En) };
    PublishError::Data { file, detail }
}

/// The errors among a file's findings, as one message (with where each is);
/// none is fine.
fn no_errors(file: PathBuf, findings: Vec<plan_model::Finding>) -> Result<(), PublishError> {
    let errors: Vec<_> =
        findings.into_iter().filter(|f| f.severity == plan_model::Severity::Error).collect();
    if errors.is_empty() {
        return Ok(());
    }
    let said = |lang| {
        errors
            .iter()
            .map(|f| format!("{} {}", f.path, f.message(lang)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    Err(PublishError::Data { file, detail: Bilingual { zh: said(Lang::Zh), en: said(Lang::En) } })
}

/// `data/<name>`, a data file's path from the site's root.
fn data(name: &str) -> String {
    format!("{DATA_DIR}/{name}")
}

/// `data/releases/<version>/<name>`, a file of a frozen release.
fn frozen(version: &str, name: &str) -> String {
    format!("{DATA_DIR}/{RELEASES_DIR}/{version}/{name}")
}

/// Reads what the pages are rendered from (the plan, the progress figures,
/// the manifest, the release index and the release before) out of a built
/// `dist/`, or of any folder with the data in `data/`.
pub fn read_site(dist: &Path, url: &str) -> Result<Site, PublishError> {
    read_site_from(&Disk(dist), url)
}

/// [`read_site`] from wherever the files are.
pub fn read_site_from(files: &dyn SiteFiles, url: &str) -> Result<Site, PublishError> {
    let plan_path = data(PLAN_FILE);
    let plan_text = read(files, &plan_path)?;
    let plan: PlanDocument = parse(files, &plan_path, &plan_text, plan_model::parse_plan)?;
    no_errors(files.shown(&plan_path), plan_model::validate_plan(&plan))?;
    let progress_path = data(PROGRESS_FILE);
    let progress_text = read(files, &progress_path)?;
    let progress: ProgressDocument =
        parse(files, &progress_path, &progress_text, plan_model::parse_progress)?;
    no_errors(files.shown(&progress_path), plan_model::validate_progress(&plan, &progress))?;
    let manifest_path = data(MANIFEST_FILE);
    let manifest: Manifest = load(files, &manifest_path, parse_located)?;
    no_errors(files.shown(&manifest_path), plan_model::validate::validate_manifest(&manifest))?;
    let index_path = data(&format!("{RELEASES_DIR}/{RELEASE_INDEX_FILE}"));
    let releases: Vec<ReleaseSummary> = load(files, &index_path, parse_located)?;
    no_errors(files.shown(&index_path), plan_model::validate::validate_index(&releases))?;
    let previous = match plan_model::release::previous(&releases, &progress.release.version) {
        None => None,
        Some(before) => Some((
            load(files, &frozen(&before.version, PLAN_FILE), plan_model::parse_plan)?,
            load(files, &frozen(&before.version, PROGRESS_FILE), plan_model::parse_progress)?,
        )),
    };
    let url = plan_model::validate::site_address(url)
        .ok_or_else(|| PublishError::BadAddress { url: url.to_owned() })?;
    let read_ahead =
        ReadAhead { manifest: Some(manifest), releases: Some(releases), previous: Some(previous) };
    let mut site = Site::new(Arc::new(plan), Arc::new(progress), read_ahead, url);
    let sha256 = plan_publish::release::sha256_hex;
    site.rendered_from = vec![
        (PLAN_FILE.to_owned(), sha256(plan_text.as_bytes())),
        (PROGRESS_FILE.to_owned(), sha256(progress_text.as_bytes())),
    ];
    Ok(site)
}

/// Every published release, newest first, from its frozen copy
/// (`data/releases/<version>/`), for the feeds.
fn read_history(
    files: &dyn SiteFiles,
    site: &Site,
) -> Result<Vec<super::feed::Published>, PublishError> {
    let index = site.read_ahead.releases.clone().unwrap_or_default();
    index
        .into_iter()
        .map(|summary| {
            let plan = load(files, &frozen(&summary.version, PLAN_FILE), plan_model::parse_plan)?;
            let progress =
                load(files, &frozen(&summary.version, PROGRESS_FILE), plan_model::parse_progress)?;
            let manifest: Manifest =
                load(files, &frozen(&summary.version, MANIFEST_FILE), parse_located)?;
            Ok(super::feed::Published {
                summary,
                plan: Arc::new(plan),
                progress: Arc::new(progress),
                files: manifest.files,
            })
        })
        .collect()
}

/// The files [`read_history`] reads: each release's frozen plan, figures
/// and manifest, and the release before the current one (for the studio, which
/// fetches what a publish will read).
pub fn history_files(index: &[ReleaseSummary]) -> Vec<String> {
    index
        .iter()
        .flat_map(|r| {
            [PLAN_FILE, PROGRESS_FILE, MANIFEST_FILE].map(|name| frozen(&r.version, name))
        })
        .collect()
}

/// Trunk's page: `index.html` as Trunk built it (kept as `template.html`),
/// or `template.html` once `index.html` is a rendered page.
fn template(files: &dyn SiteFiles) -> Result<(Template, Option<String>), PublishError> {
    let text = read(files, "index.html")?;
    let (file, text, fresh) = if text.contains("<div id=\"page\">") {
        (TEMPLATE_FILE, read(files, TEMPLATE_FILE)?, None)
    } else {
        ("index.html", text.clone(), Some(text))
    };
    let template = Template::parse(&text)
        .map_err(|error| PublishError::Template { file: files.shown(file), error })?;
    Ok((template, fresh))
}

/// Where scripts/build-studio.mjs says the studio's loader is.
pub const STUDIO_FILE: &str = "studio/studio.json";

/// The studio's loader, when the studio was built into `dist` (a site built
/// without it still renders: the studio's page then says what it needs).
fn studio_script(files: &dyn SiteFiles) -> Result<Option<super::StudioScript>, PublishError> {
    let Ok(bytes) = files.read(STUDIO_FILE) else { return Ok(None) };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| PublishError::Read { file: files.shown(STUDIO_FILE), detail: e.to_string() })
}

/// The blank templates the studio's page offers, for this release: the
/// figures' sheet (the plan year's quarter ends) and the updates sheet (the
/// next report date), each as a workbook and as CSV, as `plan-data
/// template` writes them.
fn templates(site: &Site) -> Result<Vec<(String, Vec<u8>)>, String> {
    use plan_publish::{Format, figures, updates};
    use portal_ui::pages::publish::{FIGURES_TEMPLATE, TEMPLATES_DIR, UPDATES_TEMPLATE};
    let (plan, progress) = (&*site.plan, &*site.progress);
    let dates = plan_publish::sheet::quarter_ends(plan.plan.plan_year);
    let date = updates::next_report_date(plan, progress);
    let mut out = Vec::new();
    for (format, ext) in [(Format::Xlsx, "xlsx"), (Format::Csv, "csv")] {
        out.push((
            format!("{TEMPLATES_DIR}/{FIGURES_TEMPLATE}.{ext}"),
            figures::template(plan, &dates, format)?,
        ));
        out.push((
            format!("{TEMPLATES_DIR}/{UPDATES_TEMPLATE}.{ext}"),
            updates::template(plan, progress, &date, format)?,
        ));
    }
    Ok(out)
}

/// The address the last publish kept (`site.json`).
pub fn kept_address(files: &dyn SiteFiles) -> Result<String, PublishError> {
    let no_address = || PublishError::NoAddress { file: files.shown(SITE_FILE) };
    let bytes = files.read(SITE_FILE).map_err(|_| no_address())?;
    let kept: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| no_address())?;
    kept["url"].as_str().map(str::to_owned).ok_or_else(no_address)
}

/// A site read and its template, ready to render any of its pages.
pub struct Prepared {
    /// What every page is rendered from.
    pub site: Site,
    /// Trunk's page (with the studio's loader).
    pub template: Template,
    /// Every page of the site (worked out once: which charts can be drawn
    /// is a figure built for each).
    pub pages: Vec<Page>,
    /// Trunk's page as it was, when `index.html` was not yet rendered (kept
    /// as `template.html`).
    fresh: Option<String>,
    /// What draws each page's link-preview picture, when the site carries
    /// its font.
    painter: Option<super::preview::Painter>,
}

impl Prepared {
    /// The page whose file is `file` (`zh/indicator/<id>/index.html`, or
    /// `index.html`), rendered as a publish renders it; `None` for a page
    /// the site has not.
    pub fn render(&self, file: &str) -> Option<String> {
        if file == "index.html" {
            let root = Page { lang: Lang::Zh, route: portal_view::url::Route::Overview };
            return Some(self.site.render(&self.template, &root, true));
        }
        let page = self.pages.iter().find(|p| p.file() == file)?;
        Some(self.site.render(&self.template, page, false))
    }
}

/// Reads the site and its template (the address: `url`, else the one the
/// last publish kept).
pub fn prepare(files: &dyn SiteFiles, url: Option<&str>) -> Result<Prepared, PublishError> {
    let url = match url {
        Some(url) => url.to_owned(),
        None => kept_address(files)?,
    };
    let mut site = read_site_from(files, &url)?;
    let (template, fresh) = template(files)?;
    let template = template.with_studio(studio_script(files)?);
    let pages = site.pages();
    // A site built without the font still publishes, without pictures.
    let painter = files.read(super::preview::FONT_FILE).ok().and_then(super::preview::Painter::new);
    site.previews = painter.is_some();
    Ok(Prepared { site, template, pages, fresh, painter })
}

/// Every file a publish writes, made in memory.
#[derive(Debug)]
pub struct Built {
    /// Each file's path from the site's root and its bytes, in the order
    /// they are written.
    pub files: Vec<(String, Vec<u8>)>,
    /// Pages among them (both languages, the root copy, the filters' state
    /// pages and `404.html` included).
    pub pages: usize,
}

/// Renders every page of the site from its files (Trunk's page and the data
/// in `data/`), with the Atom feeds, `sitemap.xml`, `robots.txt`,
/// `404.html` and the studio's blank templates, in memory: nothing is
/// written, and the same files give the same bytes wherever this runs (a
/// publish on disk, or the studio in a browser).
/// The site's public address is `url`, else the one the last publish kept.
pub fn build(files: &dyn SiteFiles, url: Option<&str>) -> Result<Built, PublishError> {
    let Prepared { site, template, pages, fresh, painter } = prepare(files, url)?;
    let mut out: Vec<(String, Vec<u8>)> = Vec::with_capacity(pages.len() + 16);
    if let Some(trunk) = fresh {
        out.push((TEMPLATE_FILE.to_owned(), trunk.into_bytes()));
    }
    let sheets = templates(&site).map_err(|detail| PublishError::Write {
        file: files.shown(portal_ui::pages::publish::TEMPLATES_DIR),
        detail,
    })?;
    let root = Page { lang: Lang::Zh, route: portal_view::url::Route::Overview };
    out.push(("index.html".to_owned(), site.render(&template, &root, true).into_bytes()));
    for page in &pages {
        out.push((page.file(), site.render(&template, page, false).into_bytes()));
    }
    let states = site.states();
    for state in &states {
        out.push((state.file(), site.render_state(&template, state).into_bytes()));
    }
    out.push(("404.html".to_owned(), site.not_found(&template).into_bytes()));
    if let Some(painter) = &painter {
        for page in pages.iter().filter(|p| p.listed()) {
            let Some(card) = super::preview::card(&site, page) else { continue };
            let file = format!("{}{}", page.folder(), super::preview::PREVIEW_FILE);
            let png = painter
                .png(&card.svg(painter))
                .map_err(|detail| PublishError::Write { file: files.shown(&file), detail })?;
            out.push((file, png));
        }
    }
    let history = read_history(files, &site)?;
    for (file, xml) in super::feed::feeds(&site, &history) {
        out.push((file, xml.into_bytes()));
    }
    out.extend(super::open_data::files(&site, &history));
    out.extend(super::follow::files(&site));
    let icon = files.read(super::install::ICON_FILE).ok().and_then(|b| String::from_utf8(b).ok());
    out.extend(super::install::files(&site, painter.as_ref(), icon.as_deref()));
    out.push(("sitemap.xml".to_owned(), site.sitemap(&pages).into_bytes()));
    out.push(("robots.txt".to_owned(), site.robots().into_bytes()));
    out.push((
        SITE_FILE.to_owned(),
        serde_json::json!({ "url": site.url }).to_string().into_bytes(),
    ));
    let compressed: Vec<(String, Vec<u8>)> =
        out.iter().flat_map(|(name, bytes)| precompressed(name, bytes)).collect();
    out.extend(compressed);
    out.extend(sheets);
    Ok(Built { files: out, pages: pages.len() + states.len() + 2 })
}

/// What [`precompressed`] writes beside a file.
const PRECOMPRESSED: [&str; 2] = ["br", "gz"];

/// A page's precompressed copies (`name.br`, brotli quality 5; `name.gz`,
/// gzip -9 without a time stamp), each only when smaller, as
/// scripts/precompress.sh writes them for `make dist`. A host that serves
/// `name.br` in place of `name` (nginx `brotli_static`, Caddy
/// `precompressed`) would otherwise send the old page after a release.
/// Quality 5, not 11: all the pages in about 0.1 s instead of 4 s (13 %
/// larger), here and in the studio's wasm.
fn precompressed(name: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Write;
    let text =
        [".html", ".xml", ".txt", ".json", ".jsonld", ".csv"].iter().any(|ext| name.ends_with(ext));
    if !text {
        return Vec::new();
    }
    let mut brotli = brotli::CompressorWriter::new(Vec::new(), 4096, 5, 22);
    let br = brotli.write_all(bytes).map(|()| brotli.into_inner());
    let mut gzip = flate2::GzBuilder::new().mtime(0).write(Vec::new(), flate2::Compression::best());
    let gz = gzip.write_all(bytes).and_then(|()| gzip.finish());
    [(PRECOMPRESSED[0], br), (PRECOMPRESSED[1], gz)]
        .into_iter()
        .filter_map(|(ext, packed)| {
            packed.ok().filter(|p| p.len() < bytes.len()).map(|p| (format!("{name}.{ext}"), p))
        })
        .collect()
}

/// Renders every page of the site into `dist/` (built by Trunk, with the
/// data in `dist/data/`): [`build`], then each file written whole.
#[cfg(not(target_arch = "wasm32"))]
pub fn publish(dist: &Path, url: Option<&str>) -> Result<Report, PublishError> {
    let started = std::time::Instant::now();
    let built = build(&Disk(dist), url)?;
    let mut bytes = 0;
    for (name, content) in &built.files {
        let path = dist.join(name);
        let fail =
            |e: std::io::Error| PublishError::Write { file: path.clone(), detail: e.to_string() };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(fail)?;
        }
        plan_files::atomic::write_atomic(&path, content).map_err(fail)?;
        bytes += content.len();
    }
    // A copy left from before that this publish did not write again (its
    // page no longer compresses smaller) would be served for the new page.
    let written: std::collections::BTreeSet<&str> =
        built.files.iter().map(|(name, _)| name.as_str()).collect();
    for (name, _) in &built.files {
        for ext in PRECOMPRESSED {
            let sibling = format!("{name}.{ext}");
            if !written.contains(sibling.as_str()) {
                let _ = std::fs::remove_file(dist.join(&sibling));
            }
        }
    }
    Ok(Report { pages: built.pages, bytes, millis: started.elapsed().as_millis() })
}
