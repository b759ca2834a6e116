//! The release the draft makes: what changed against the current one, and
//! every file of it (pages too, where this build renders them) as a ZIP.

use plan_publish::messages::PublishMsg;
use std::collections::BTreeMap;

use plan_model::diff::diff_releases;
use plan_model::messages::say;
use plan_model::release::{MANIFEST_FILE, RELEASE_INDEX_FILE, RELEASES_DIR};
use plan_model::{Lang, ProgressDocument, Severity, validate_plan, validate_progress};
use plan_publish::release::{ReleaseRequest, assemble};

use crate::open::Current;

/// Most changes listed.
pub const CHANGES_LISTED: usize = 300;

/// What changed from the current release to the draft, one line each (at
/// most [`CHANGES_LISTED`]), and how many more there are.
pub fn changes(current: &Current, draft: &ProgressDocument, lang: Lang) -> (Vec<String>, usize) {
    let diff = diff_releases((&current.plan, &current.progress), (&current.plan, draft));
    let mut all: Vec<String> =
        diff.changes.iter().map(|c| c.describe_named(&current.plan, lang)).collect();
    all.extend(report_changes(current, draft, lang));
    let more = all.len().saturating_sub(CHANGES_LISTED);
    all.truncate(CHANGES_LISTED);
    (all, more)
}

/// The updates (进展) and due dates the draft adds or changes: the release
/// diff covers figures only.
fn report_changes(current: &Current, draft: &ProgressDocument, lang: Lang) -> Vec<String> {
    use crate::text::{Say, say};
    let plan = &current.plan;
    let name = |of: &str| {
        plan.commitment(of)
            .map(|c| c.name.get(lang).to_owned())
            .or_else(|| plan.tasks.iter().find(|t| t.id == of).map(|t| t.name.get(lang).to_owned()))
            .unwrap_or_else(|| of.to_owned())
    };
    let mut out = Vec::new();
    for u in &draft.updates {
        let before = current.progress.updates.iter().find(|x| x.of == u.of && x.as_of == u.as_of);
        let key = match before {
            None => Say::UpdateAdded,
            Some(old) if old != u => Say::UpdateChanged,
            Some(_) => continue,
        };
        out.push(say(key, lang, &[("name", &name(&u.of)), ("date", &u.as_of)]));
    }
    for d in &draft.deadlines {
        let before = current.progress.deadlines.iter().find(|x| x.of == d.of);
        if before.is_none_or(|b| b.due != d.due) {
            let old = before.map_or_else(|| "—".to_owned(), |b| b.due.clone());
            out.push(say(
                Say::DueChanged,
                lang,
                &[("name", &name(&d.of)), ("before", &old), ("after", &d.due)],
            ));
        }
    }
    out
}

/// Files by path from the site's root, with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// A release made: the ZIP and what it holds.
#[derive(Debug)]
pub struct Made {
    /// `release-<version>.zip`.
    pub name: String,
    /// Its bytes.
    pub zip: Vec<u8>,
    /// Files in it.
    pub files: usize,
    /// The pages rendered into it, or why there are none (the site this
    /// runs on was not built with its pages; the data are there all the same).
    pub pages: Result<usize, String>,
}

/// The pages `plan-data release` renders again into a built site after a
/// release: every view, the feeds, the sitemap, `404.html` and the blank
/// templates, by the site's own renderer (`site::publish::build`), from the
/// site's files with the release's data files laid over them.
#[cfg(renders_pages)]
fn release_pages(
    site: &BTreeMap<String, Vec<u8>>,
    data: &[(String, Vec<u8>)],
    lang: Lang,
) -> Result<(Files, usize), String> {
    if site.is_empty() {
        return Err(crate::text::say(crate::text::Say::NoSiteFiles, lang, &[]));
    }
    let mut files = site.clone();
    files.extend(data.iter().cloned());
    let built = portal_site::publish::build(&files, None).map_err(|e| e.message(lang))?;
    Ok((built.files, built.pages))
}

/// Where the page runs the session itself (a browser without module
/// workers), it has not the renderer: the release holds the data alone.
#[cfg(not(renders_pages))]
fn release_pages(
    _: &BTreeMap<String, Vec<u8>>,
    _: &[(String, Vec<u8>)],
    lang: Lang,
) -> Result<(Files, usize), String> {
    Err(crate::text::say(crate::text::Say::NoWorker, lang, &[]))
}

/// The data folder as `plan-data release` leaves it for `req`: every data
/// file (the new progress.json), the manifest, the frozen copy and the
/// index, with the frozen releases a ZIP carried.
pub(crate) fn release_files(
    current: &Current,
    draft: &ProgressDocument,
    req: &ReleaseRequest<'_>,
) -> Files {
    let release = assemble(draft, current.files.clone(), current.index_text.as_deref(), req);
    // The data folder as `plan-data release` leaves it: every data file (the
    // new progress.json), the manifest, the frozen copy and the index.
    let mut files: Files = release
        .frozen
        .iter()
        .filter(|(name, _)| name != plan_publish::release::SUMS_FILE)
        .map(|(name, bytes)| (format!("data/{name}"), bytes.clone()))
        .collect();
    debug_assert!(files.iter().any(|(n, _)| n == &format!("data/{MANIFEST_FILE}")));
    files.extend(release.frozen.iter().map(|(name, bytes)| {
        (format!("data/{RELEASES_DIR}/{}/{name}", req.version), bytes.clone())
    }));
    files.push((
        format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}"),
        release.index_text.into_bytes(),
    ));
    // Frozen releases from the ZIP this started from, not yet on the site.
    for (path, bytes) in &current.carried {
        if !files.iter().any(|(p, _)| p == path) {
            files.push((path.clone(), bytes.clone()));
        }
    }
    files
}

/// A release of the draft as a ZIP, or why not: the data folder as
/// `plan-data release` leaves it, and the pages it renders again.
pub fn release_zip(
    current: &Current,
    draft: &ProgressDocument,
    req: &ReleaseRequest<'_>,
    site: &BTreeMap<String, Vec<u8>>,
    lang: Lang,
) -> Result<Made, String> {
    req.check().map_err(|e| e.message(req, lang))?;
    if current.versions.iter().any(|v| v == req.version) {
        let path = format!("data/{RELEASES_DIR}/{}/", req.version);
        return Err(say(
            PublishMsg::ReleaseExists,
            lang,
            &[("version", &req.version), ("path", &path)],
        ));
    }
    let mut findings = validate_plan(&current.plan);
    findings.extend(validate_progress(&current.plan, draft));
    let errors: Vec<_> = findings.iter().filter(|f| f.severity == Severity::Error).collect();
    if let Some(first) = errors.first() {
        return Err(crate::text::say(
            crate::text::Say::DraftErrors,
            lang,
            &[("count", &errors.len()), ("first", &first.message(lang))],
        ));
    }
    let mut files = release_files(current, draft, req);
    let pages = release_pages(site, &files, lang).map(|(built, pages)| {
        files.extend(built);
        pages
    });
    let count = files.len();
    let zip = plan_files::zip::write(&files, req.date).map_err(|e| format!("{e:?}"))?;
    Ok(Made { name: format!("release-{}.zip", req.version), zip, files: count, pages })
}
