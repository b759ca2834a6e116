//! The studio's state, the release it started from and the draft, and how it
//! answers each request.

use std::collections::BTreeMap;

use plan_model::status::Scorecard;
use plan_model::{Lang, ProgressDocument};
use plan_publish::release::ReleaseRequest;

use crate::open::{Current, unpacks_too_large};
use crate::protocol::{Preview, Released, Request, Response, Standing};
use crate::release::{Made, changes, release_zip};
use crate::sheets::{read_sheet, refused_outcome, too_large};

/// How many texts of `progress`'s updates have no English (the English
/// pages show their Chinese).
pub fn untranslated(progress: &ProgressDocument) -> usize {
    progress
        .updates
        .iter()
        .flat_map(|u| {
            let evidence = u.evidence.iter().map(|e| &e.title);
            [Some(&u.progress), u.problems.as_ref(), u.next_steps.as_ref()]
                .into_iter()
                .flatten()
                .chain(evidence)
        })
        .filter(|text| !text.zh.trim().is_empty() && text.falls_back(Lang::En))
        .count()
}

/// How the portal's citywide statuses would read with `draft` instead of the
/// current release: the counts (after, before) and each indicator whose
/// status changes, with its completion before and after.
fn status_preview(
    current: &Current,
    before: &Scorecard,
    draft: &ProgressDocument,
    lang: Lang,
) -> (Vec<(String, usize, usize)>, Vec<String>) {
    let after = Scorecard::compute(&current.plan, draft);
    let (now, then) =
        (after.city_status_counts(&current.plan), before.city_status_counts(&current.plan));
    let counts = now
        .iter()
        .zip(&then)
        .map(|((status, n), (_, b))| (format!("{} {}", status.icon(), status.label(lang)), *n, *b))
        .collect();
    let percent = |a: Option<&plan_model::status::Assessment>| {
        a.and_then(|a| a.completion_percent).map_or_else(|| "—".to_owned(), |p| format!("{p:.1}%"))
    };
    let changes = current
        .plan
        .indicators
        .iter()
        .filter_map(|ind| {
            let (old, new) = (before.city.get(&ind.id), after.city.get(&ind.id));
            let status = |a: Option<&plan_model::status::Assessment>| {
                a.map_or(plan_model::status::Status::NoData, |a| a.status)
            };
            (status(old) != status(new)).then(|| {
                crate::text::say(
                    crate::text::Say::StatusChange,
                    lang,
                    &[
                        ("indicator", &ind.name.get(lang)),
                        ("before", &format!("{} {}", status(old).icon(), status(old).label(lang))),
                        ("after", &format!("{} {}", status(new).icon(), status(new).label(lang))),
                        ("from", &percent(old)),
                        ("to", &percent(new)),
                    ],
                )
            })
        })
        .collect();
    (counts, changes)
}

/// The studio's state: the release it started from and the draft.
#[derive(Debug, Default)]
pub struct Session {
    current: Option<Current>,
    /// The current release's scorecard, computed once.
    scorecard: Option<Scorecard>,
    /// What the draft changes, for [`Session::standing`]; `None` once the
    /// draft changes.
    draft_view: Option<Standing>,
    draft: Option<ProgressDocument>,
    /// The site's own files the pages are rendered from (kept when a
    /// release ZIP is opened: the pages are this site's).
    site: BTreeMap<String, Vec<u8>>,
    /// The draft's site for the preview, read once per draft (`None` once
    /// the draft changes).
    #[cfg(renders_pages)]
    previewer: Option<crate::preview::Previewer>,
    sheets: usize,
    warnings: usize,
    lang: Lang,
}

impl Session {
    /// Where the session stands. What the draft changes (the diff and a
    /// second scorecard: tens of ms at 100×) is worked out once per draft,
    /// not again for every refused sheet.
    fn standing(&mut self) -> Standing {
        let Some(current) = &self.current else { return Standing::default() };
        let lang = self.lang;
        let (draft, scorecard) = (&self.draft, &self.scorecard);
        let view = self.draft_view.get_or_insert_with(|| {
            let draft = draft.as_ref().unwrap_or(&current.progress);
            let (changes, more_changes) = changes(current, draft, lang);
            let (status_counts, status_changes) = match scorecard {
                Some(before) => status_preview(current, before, draft, lang),
                None => (Vec::new(), Vec::new()),
            };
            Standing {
                changes,
                more_changes,
                status_counts,
                status_changes,
                untranslated: untranslated(draft),
                ..Standing::default()
            }
        });
        Standing {
            current: current.describe(lang),
            sheets: self.sheets,
            warnings: self.warnings,
            memory_bytes: memory_bytes(),
            ..view.clone()
        }
    }

    /// The draft changed: its preview is read again when next asked for.
    fn forget_preview(&mut self) {
        #[cfg(renders_pages)]
        {
            self.previewer = None;
        }
    }

    /// A page of the site with the draft.
    #[cfg(renders_pages)]
    fn preview(&mut self, file: Option<&str>, root: &str, date: &str) -> Result<Preview, String> {
        let Some(current) = &self.current else { return Err("—".to_owned()) };
        let lang = self.lang;
        if self.previewer.is_none() {
            let draft = self.draft.as_ref().unwrap_or(&current.progress);
            let made = crate::preview::Previewer::new(current, draft, &self.site, date, lang)?;
            self.previewer = Some(made);
        }
        self.previewer.as_ref().map_or_else(|| Err("—".to_owned()), |p| p.page(file, root, lang))
    }

    /// Where the page runs the session itself, there is no renderer.
    #[cfg(not(renders_pages))]
    fn preview(&mut self, _: Option<&str>, _: &str, _: &str) -> Result<Preview, String> {
        Err(crate::text::say(crate::text::Say::NoWorkerPreview, self.lang, &[]))
    }

    /// Starts again from a release the user opened (a ZIP or a folder), or
    /// goes on as it was if it cannot be opened.
    fn start_from(&mut self, opened: Result<Current, String>) -> (Response, Vec<Vec<u8>>) {
        match opened {
            Ok(current) => {
                let scorecard = Some(Scorecard::compute(&current.plan, &current.progress));
                *self = Session {
                    current: Some(current),
                    scorecard,
                    // The pages are still this site's.
                    site: std::mem::take(&mut self.site),
                    lang: self.lang,
                    ..Session::default()
                };
                (Response::Opened(Ok(self.standing())), Vec::new())
            }
            Err(error) => (Response::OpenRefused(error, self.standing()), Vec::new()),
        }
    }

    /// Answers a request; `blobs` are the bytes beside it, and the bytes
    /// beside the answer come back with it.
    pub fn handle(&mut self, request: Request, blobs: Vec<Vec<u8>>) -> (Response, Vec<Vec<u8>>) {
        let not_open = || "—".to_owned();
        match request {
            Request::Open { names, hashes, index, site, lang } => {
                self.lang = lang;
                let mut blobs = blobs;
                let site_blobs = blobs.split_off(names.len().min(blobs.len()));
                let site: BTreeMap<String, Vec<u8>> = site.into_iter().zip(site_blobs).collect();
                // Files from two releases (a host half-way through an upload,
                // a stale cache) would make a release of neither.
                for ((name, hash), bytes) in names.iter().zip(&hashes).zip(&blobs) {
                    if &plan_publish::release::sha256_hex(bytes) != hash {
                        let said = crate::text::say(
                            crate::text::Say::NotAsListed,
                            lang,
                            &[("file", &format!("data/{name}"))],
                        );
                        return (Response::Opened(Err(said)), Vec::new());
                    }
                }
                let files = names.into_iter().zip(blobs).collect();
                match Current::open(files, index, lang) {
                    Ok(current) => {
                        let scorecard = Some(Scorecard::compute(&current.plan, &current.progress));
                        *self = Session {
                            current: Some(current),
                            scorecard,
                            site,
                            lang,
                            ..Session::default()
                        };
                        (Response::Opened(Ok(self.standing())), Vec::new())
                    }
                    Err(error) => (Response::Opened(Err(error)), Vec::new()),
                }
            }
            Request::OpenZip { file, size } => {
                if let Some(problem) = too_large(size, self.lang) {
                    let said = format!("{file}：{problem}");
                    return (Response::OpenRefused(said, self.standing()), Vec::new());
                }
                let bytes = blobs.into_iter().next().unwrap_or_default();
                let opened = Current::from_zip(&bytes, &file, self.lang);
                self.start_from(opened)
            }
            Request::OpenFolder { folder, names, size } => {
                if size > plan_publish::workbook::MAX_UNPACKED_BYTES {
                    let said = format!("{folder}：{}", unpacks_too_large(size, self.lang));
                    return (Response::OpenRefused(said, self.standing()), Vec::new());
                }
                let files = names.into_iter().zip(blobs).collect();
                let opened = Current::from_folder(files, &folder, self.lang);
                self.start_from(opened)
            }
            Request::Read { file, size } => {
                let Some(current) = &self.current else {
                    return (Response::Opened(Err(not_open())), Vec::new());
                };
                let draft = self.draft.as_ref().unwrap_or(&current.progress);
                // A file over the limit was not even read: its size says so.
                let mut outcome = match too_large(size, self.lang) {
                    Some(problem) => refused_outcome(&file, format!("{file}：{problem}")),
                    None => {
                        let bytes = blobs.into_iter().next().unwrap_or_default();
                        read_sheet(current, draft, &file, &bytes, self.lang)
                    }
                };
                if let Some(new) = outcome.draft.take() {
                    self.draft = Some(new);
                    self.draft_view = None;
                    self.forget_preview();
                    self.sheets += 1;
                    // The checks ran on the whole draft: these are all its warnings.
                    self.warnings = outcome.warnings;
                }
                (Response::Read(Box::new(outcome), self.standing()), Vec::new())
            }
            Request::Discard => {
                (self.draft, self.sheets, self.warnings, self.draft_view) = (None, 0, 0, None);
                self.forget_preview();
                (Response::Discarded(self.standing()), Vec::new())
            }
            Request::Preview { file, root, date } => {
                (Response::Preview(self.preview(file.as_deref(), &root, &date)), Vec::new())
            }
            Request::Release { version, date, notes_zh, notes_en, accept_warnings } => {
                let Some(current) = &self.current else {
                    return (Response::Released(Err(not_open())), Vec::new());
                };
                if self.warnings > 0 && !accept_warnings {
                    let said = crate::text::say(crate::text::Say::AcceptFirst, self.lang, &[]);
                    return (Response::Released(Err(said)), Vec::new());
                }
                let draft = self.draft.as_ref().unwrap_or(&current.progress);
                let req = ReleaseRequest {
                    version: version.trim(),
                    notes_zh: notes_zh.trim(),
                    notes_en: notes_en.trim(),
                    date: date.trim(),
                };
                match release_zip(current, draft, &req, &self.site, self.lang) {
                    Ok(made) => {
                        let Made { name, zip, files, pages } = made;
                        let base = current.progress.release.version.clone();
                        let released = Released { name, base, files, pages };
                        (Response::Released(Ok(released)), vec![zip])
                    }
                    Err(error) => (Response::Released(Err(error)), Vec::new()),
                }
            }
        }
    }
}

/// The wasm memory's size, in bytes (0 natively).
fn memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as u64 * 65_536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}
