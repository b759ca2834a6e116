//! Writes the static site into a built `dist/`: reads the data it serves,
//! renders every page in memory (so a failure writes nothing), then writes
//! each file whole (temporary file, then rename), and says what it wrote.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use plan_model::load::parse_located;
use plan_model::release::{
    MANIFEST_FILE, Manifest, RELEASE_INDEX_FILE, RELEASES_DIR, ReleaseSummary,
};
use plan_model::{
    Bilingual, Lang, LoadError, PLAN_FILE, PROGRESS_FILE, PlanDocument, ProgressDocument,
};

use super::{Page, Site, Template, TemplateError};
use crate::data::{DATA_DIR, ReadAhead};
use crate::locale::tr;

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
        };
        crate::locale::fill(
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

fn read(path: &Path) -> Result<String, PublishError> {
    std::fs::read_to_string(path)
        .map_err(|e| PublishError::Read { file: path.to_owned(), detail: e.to_string() })
}

/// Reads and parses one data file, its errors located in it.
fn load<T>(
    path: &Path,
    parse: impl Fn(&str, &str) -> Result<T, LoadError>,
) -> Result<T, PublishError> {
    parse(&path.display().to_string(), &read(path)?).map_err(|e| data_error(path, &e))
}

fn data_error(path: &Path, error: &LoadError) -> PublishError {
    let detail = Bilingual { zh: error.message(Lang::Zh), en: error.message(Lang::En) };
    PublishError::Data { file: path.to_owned(), detail }
}

/// The errors among a file's findings, as one message (with where each is);
/// none is fine.
fn no_errors(path: &Path, findings: Vec<plan_model::Finding>) -> Result<(), PublishError> {
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
    Err(PublishError::Data {
        file: path.to_owned(),
        detail: Bilingual { zh: said(Lang::Zh), en: said(Lang::En) },
    })
}

/// Reads what the pages are rendered from: the plan, the progress figures,
/// the manifest, the release index and the release before.
pub fn read_site(dist: &Path, url: &str) -> Result<Site, PublishError> {
    let data = dist.join(DATA_DIR);
    let plan_path = data.join(PLAN_FILE);
    let plan: PlanDocument = load(&plan_path, plan_model::parse_plan)?;
    no_errors(&plan_path, plan_model::validate_plan(&plan))?;
    let progress_path = data.join(PROGRESS_FILE);
    let progress: ProgressDocument = load(&progress_path, plan_model::parse_progress)?;
    no_errors(&progress_path, plan_model::validate_progress(&plan, &progress))?;
    let manifest: Manifest = load(&data.join(MANIFEST_FILE), parse_located)?;
    let releases: Vec<ReleaseSummary> =
        load(&data.join(RELEASES_DIR).join(RELEASE_INDEX_FILE), parse_located)?;
    let previous = match plan_model::release::previous(&releases, &progress.release.version) {
        None => None,
        Some(before) => {
            let folder = data.join(RELEASES_DIR).join(&before.version);
            Some((
                load(&folder.join(PLAN_FILE), plan_model::parse_plan)?,
                load(&folder.join(PROGRESS_FILE), plan_model::parse_progress)?,
            ))
        }
    };
    let url = if url.ends_with('/') { url.to_owned() } else { format!("{url}/") };
    let read_ahead =
        ReadAhead { manifest: Some(manifest), releases: Some(releases), previous: Some(previous) };
    Ok(Site::new(Arc::new(plan), Arc::new(progress), read_ahead, url))
}

/// Every published release, newest first, from its frozen copy
/// (`data/releases/<version>/`), for the feeds.
fn read_history(dist: &Path, site: &Site) -> Result<Vec<super::feed::Published>, PublishError> {
    let index = site.read_ahead.releases.clone().unwrap_or_default();
    index
        .into_iter()
        .map(|summary| {
            let folder = dist.join(DATA_DIR).join(RELEASES_DIR).join(&summary.version);
            let plan = load(&folder.join(PLAN_FILE), plan_model::parse_plan)?;
            let progress = load(&folder.join(PROGRESS_FILE), plan_model::parse_progress)?;
            Ok(super::feed::Published {
                summary,
                plan: Arc::new(plan),
                progress: Arc::new(progress),
            })
        })
        .collect()
}

/// Trunk's page: `index.html` as Trunk built it (kept as `template.html`),
/// or `template.html` once `index.html` is a rendered page.
fn template(dist: &Path) -> Result<(Template, Option<String>), PublishError> {
    let index = dist.join("index.html");
    let kept = dist.join(TEMPLATE_FILE);
    let text = read(&index)?;
    let (file, text, fresh) = if text.contains("<div id=\"page\">") {
        let kept_text = read(&kept)?;
        (kept, kept_text, None)
    } else {
        (index, text.clone(), Some(text))
    };
    let template =
        Template::parse(&text).map_err(|error| PublishError::Template { file, error })?;
    Ok((template, fresh))
}

/// The address kept by the last publish.
/// Where scripts/build-studio.mjs says the studio's loader is.
pub const STUDIO_FILE: &str = "studio/studio.json";

/// The studio's loader, when the studio was built into `dist` (a site built
/// without it still renders: the studio's page then says what it needs).
fn studio_script(dist: &Path) -> Result<Option<super::StudioScript>, PublishError> {
    let file = dist.join(STUDIO_FILE);
    let Ok(text) = std::fs::read_to_string(&file) else { return Ok(None) };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| PublishError::Read { file, detail: e.to_string() })
}

/// The blank templates the studio's page offers, for this release: the
/// figures' sheet (the plan year's quarter ends) and the updates sheet (the
/// next report date), each as a workbook and as CSV, as `plan-data
/// template` writes them.
fn templates(site: &Site) -> Result<Vec<(String, Vec<u8>)>, String> {
    use crate::pages::publish::{FIGURES_TEMPLATE, TEMPLATES_DIR, UPDATES_TEMPLATE};
    use plan_publish::{Format, figures, updates};
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

fn kept_address(dist: &Path) -> Result<String, PublishError> {
    let file = dist.join(SITE_FILE);
    let text = std::fs::read_to_string(&file)
        .map_err(|_| PublishError::NoAddress { file: file.clone() })?;
    let kept: serde_json::Value =
        serde_json::from_str(&text).map_err(|_| PublishError::NoAddress { file: file.clone() })?;
    kept["url"].as_str().map(str::to_owned).ok_or(PublishError::NoAddress { file })
}

/// Renders every page of the site into `dist/` (built by Trunk, with the
/// data in `dist/data/`), with the Atom feeds, `sitemap.xml`, `robots.txt`
/// and `404.html`.
/// The site's public address is `url`, else the one the last publish kept.
pub fn publish(dist: &Path, url: Option<&str>) -> Result<Report, PublishError> {
    let started = Instant::now();
    let url = match url {
        Some(url) => url.to_owned(),
        None => kept_address(dist)?,
    };
    let site = read_site(dist, &url)?;
    let (template, fresh) = template(dist)?;
    let template = template.with_studio(studio_script(dist)?);
    let pages = site.pages();
    let mut files: Vec<(PathBuf, String)> = Vec::with_capacity(pages.len() + 4);
    if let Some(trunk) = fresh {
        files.push((dist.join(TEMPLATE_FILE), trunk));
    }
    let sheets = templates(&site).map_err(|detail| PublishError::Write {
        file: dist.join(crate::pages::publish::TEMPLATES_DIR),
        detail,
    })?;
    let root = Page { lang: Lang::Zh, route: crate::url::Route::Overview };
    files.push((dist.join("index.html"), site.render(&template, &root, true)));
    for page in &pages {
        files.push((dist.join(page.file()), site.render(&template, page, false)));
    }
    files.push((dist.join("404.html"), site.not_found(&template)));
    let history = read_history(dist, &site)?;
    for (file, xml) in super::feed::feeds(&site, &history) {
        files.push((dist.join(file), xml));
    }
    files.push((dist.join("sitemap.xml"), site.sitemap(&pages)));
    files.push((dist.join("robots.txt"), site.robots()));
    files.push((dist.join(SITE_FILE), serde_json::json!({ "url": site.url }).to_string()));
    let mut bytes = 0;
    for (path, text) in &files {
        let fail =
            |e: std::io::Error| PublishError::Write { file: path.clone(), detail: e.to_string() };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(fail)?;
        }
        plan_model::atomic::write_atomic(path, text.as_bytes()).map_err(fail)?;
        bytes += text.len();
    }
    for (name, content) in &sheets {
        let path = dist.join(name);
        let fail =
            |e: std::io::Error| PublishError::Write { file: path.clone(), detail: e.to_string() };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(fail)?;
        }
        plan_model::atomic::write_atomic(&path, content).map_err(fail)?;
        bytes += content.len();
    }
    Ok(Report { pages: pages.len() + 2, bytes, millis: started.elapsed().as_millis() })
}
