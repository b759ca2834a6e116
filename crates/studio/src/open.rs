//! The release the studio starts from: the site's own files (the manifest
//! and what it lists, the index, every frozen copy), read and checked, and
//! which of a chosen folder's files the studio reads.

use plan_model::messages::{Msg, say};
use plan_model::release::{MANIFEST_FILE, RELEASE_INDEX_FILE, RELEASES_DIR, ReleaseSummary};
use plan_model::{
    Lang, PLAN_FILE, PROGRESS_FILE, PlanDocument, ProgressDocument, parse_plan, parse_progress,
};
use plan_publish::messages::PublishMsg;

/// Largest file the studio reads, in bytes: what a workbook may be.
pub const MAX_FILE_BYTES: usize = plan_publish::workbook::MAX_WORKBOOK_BYTES;

/// The release the studio starts from: the site's own files.
#[derive(Debug, Clone)]
pub struct Current {
    /// The plan.
    pub plan: PlanDocument,
    /// The current release's progress data.
    pub progress: ProgressDocument,
    /// The releases index as served (its text, as the tool reads it).
    pub index_text: Option<String>,
    /// The versions already published.
    pub versions: Vec<String>,
    /// The data folder's files the manifest lists: name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// Frozen releases a release ZIP held (`data/releases/<v>/…`): carried
    /// into the next ZIP, so that uploading the last one alone loses none.
    pub carried: Vec<(String, Vec<u8>)>,
    /// What a ZIP or folder held that no manifest vouches for (left out).
    pub left_out: Vec<String>,
}

impl Current {
    /// The release from its files (`files`: every file the manifest lists,
    /// plan.json and progress.json among them) and the releases index.
    pub fn open(
        files: Vec<(String, Vec<u8>)>,
        index_text: Option<String>,
        lang: Lang,
    ) -> Result<Self, String> {
        let text = |name: &str| -> Result<String, String> {
            let bytes = files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| b.clone())
                .ok_or_else(|| format!("{name}: —"))?;
            String::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))
        };
        // Names become paths in the release and entries of its ZIP.
        if let Some((name, _)) =
            files.iter().find(|(n, _)| !plan_model::release::is_valid_file_name(n))
        {
            return Err(say(Msg::BadFileName, lang, &[("name", name)]));
        }
        let plan = parse_plan(PLAN_FILE, &text(PLAN_FILE)?).map_err(|e| e.message(lang))?;
        let progress =
            parse_progress(PROGRESS_FILE, &text(PROGRESS_FILE)?).map_err(|e| e.message(lang))?;
        // The index is the one guard against reusing a published version
        // (the tool also sees the frozen folder): one that cannot be read
        // stops the studio rather than starting the history again.
        let index: Vec<ReleaseSummary> = match index_text.as_deref() {
            None => Vec::new(),
            Some(t) => serde_json::from_str(t)
                .map_err(|e| format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}: {e}"))?,
        };
        // Its versions become folders and links.
        if let Some(f) = plan_model::validate::validate_index(&index).first() {
            let path = format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}");
            return Err(format!("{path}: {}: {}", f.path, f.message(lang)));
        }
        let mut versions: Vec<String> = index.into_iter().map(|r| r.version).collect();
        versions.push(progress.release.version.clone());
        versions.extend(progress.release.changelog.iter().map(|c| c.version.clone()));
        versions.dedup();
        Ok(Self {
            plan,
            progress,
            index_text,
            versions,
            files,
            carried: Vec::new(),
            left_out: Vec::new(),
        })
    }

    /// The release in a release ZIP (one the studio made, not yet uploaded,
    /// or any ZIP of a data folder): its top-level `data/` files and its
    /// releases index. The ZIP is untrusted: its size and what it unpacks to
    /// are bounded as a workbook's are.
    pub fn from_zip(bytes: &[u8], shown: &str, lang: Lang) -> Result<Self, String> {
        use std::io::Read;
        let refused = |why: String| format!("{shown}：{why}");
        if bytes.len() > MAX_FILE_BYTES {
            let mb = |b: usize| b.div_ceil(1024 * 1024);
            return Err(refused(say(
                PublishMsg::WorkbookTooLarge,
                lang,
                &[("size", &mb(bytes.len())), ("max", &mb(MAX_FILE_BYTES))],
            )));
        }
        let not_release = || refused(crate::text::say(crate::text::Say::NotARelease, lang, &[]));
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| not_release())?;
        // Declared sizes, added without wrapping (a Zip64 entry may claim 2^63).
        let unpacked: u64 = (0..archive.len())
            .filter_map(|i| archive.by_index_raw(i).ok().map(|f| f.size()))
            .fold(0, u64::saturating_add);
        let max = plan_publish::workbook::MAX_UNPACKED_BYTES;
        if unpacked > max {
            return Err(refused(unpacks_too_large(unpacked, lang)));
        }
        let mut entries = Vec::new();
        // What is read may not pass the limit either, whatever was declared.
        let mut budget = max;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(|_| not_release())?;
            let Some(name) = entry.enclosed_name().and_then(|p| p.to_str().map(str::to_owned))
            else {
                continue;
            };
            if release_entry(&name).is_none() {
                continue;
            }
            let mut content = Vec::new();
            (&mut entry).take(budget + 1).read_to_end(&mut content).map_err(|_| not_release())?;
            budget = budget
                .checked_sub(content.len() as u64)
                .ok_or_else(|| refused(unpacks_too_large(max + 1, lang)))?;
            entries.push((name, content));
        }
        Self::from_entries(entries, lang).map_err(|why| match why {
            None => not_release(),
            Some(why) => refused(why),
        })
    }

    /// The release in a folder on this computer the user chose: the site's
    /// folder, its `data` folder, or an unpacked release ZIP (`files`: paths
    /// from the chosen folder, as [`folder_entries`] picked them).
    pub fn from_folder(
        files: Vec<(String, Vec<u8>)>,
        shown: &str,
        lang: Lang,
    ) -> Result<Self, String> {
        let refused = |why: String| format!("{shown}：{why}");
        let total = files.iter().map(|(_, b)| b.len() as u64).fold(0, u64::saturating_add);
        if total > plan_publish::workbook::MAX_UNPACKED_BYTES {
            return Err(refused(unpacks_too_large(total, lang)));
        }
        Self::from_entries(files, lang).map_err(|why| {
            refused(why.unwrap_or_else(|| {
                crate::text::say(crate::text::Say::NotAReleaseFolder, lang, &[])
            }))
        })
    }

    /// The release in `entries` (`data/…` paths, as [`release_entry`] keeps
    /// them); `Err(None)` when they hold no release at all.
    fn from_entries(entries: Vec<(String, Vec<u8>)>, lang: Lang) -> Result<Self, Option<String>> {
        let vouched = crate::vouch::vouch(entries, lang)?;
        let mut current = Self::open(vouched.files, vouched.index, lang).map_err(Some)?;
        current.carried = vouched.carried;
        current.left_out = vouched.left_out;
        Ok(current)
    }

    /// The line that says what the studio starts from.
    pub fn describe(&self, lang: Lang) -> String {
        let r = &self.progress.release;
        let said = crate::text::say(
            crate::text::Say::Current,
            lang,
            &[
                ("version", &r.version),
                ("as_of", &r.as_of),
                ("figures", &self.progress.observations.len()),
                ("updates", &self.progress.updates.len()),
            ],
        );
        if self.left_out.is_empty() {
            return said;
        }
        let files = self.left_out.join(if lang == Lang::Zh { "、" } else { ", " });
        let left = crate::text::say(crate::text::Say::LeftOut, lang, &[("files", &files)]);
        format!("{said} {left}")
    }
}

/// What a path from a release's root (`data/…`) is to the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry<'a> {
    /// A top-level data file (its name).
    Data(&'a str),
    /// The releases index.
    Index,
    /// A frozen release's file (`data/releases/<version>/<file>`).
    Frozen,
}

/// What `path` is in a release, or `None` for what the studio leaves
/// (pages, and anything else a site's folder holds).
fn release_entry(path: &str) -> Option<Entry<'_>> {
    let rest = path.strip_prefix("data/")?;
    if !rest.contains('/') {
        return Some(Entry::Data(rest));
    }
    let releases = rest.strip_prefix(RELEASES_DIR)?.strip_prefix('/')?;
    if releases == RELEASE_INDEX_FILE {
        return Some(Entry::Index);
    }
    (releases.split('/').count() == 2).then_some(Entry::Frozen)
}

/// The files of a folder the user chose that the studio reads, each as a
/// path from the release's root (`data/…`) beside its place in `paths`.
/// `paths` are as the browser gives them: from the chosen folder, its name
/// first (`site/data/plan.json`). The data folder is the shallowest one
/// holding `manifest.json`, `plan.json` and `progress.json`, so the chosen
/// folder may be the site's, its `data` folder, or one above them.
pub fn folder_entries(paths: &[String]) -> Vec<(usize, String)> {
    let has = |dir: &str, name: &str| paths.iter().any(|p| p == &format!("{dir}{name}"));
    let data = paths
        .iter()
        .filter_map(|p| p.strip_suffix(MANIFEST_FILE))
        .filter(|dir| dir.is_empty() || dir.ends_with('/'))
        .filter(|dir| has(dir, PLAN_FILE) && has(dir, PROGRESS_FILE))
        .min_by_key(|dir| (dir.matches('/').count(), dir.len()));
    let Some(data) = data else { return Vec::new() };
    paths
        .iter()
        .enumerate()
        .filter_map(|(at, p)| {
            let inside = format!("data/{}", p.strip_prefix(data)?);
            release_entry(&inside).is_some().then_some((at, inside))
        })
        .collect()
}

/// "Unpacks to more than allowed", in the workbook's words.
pub(crate) fn unpacks_too_large(bytes: u64, lang: Lang) -> String {
    let mb = |b: u64| b.div_ceil(1024 * 1024);
    let max = plan_publish::workbook::MAX_UNPACKED_BYTES;
    say(PublishMsg::WorkbookUnpacksTooLarge, lang, &[("size", &mb(bytes)), ("max", &mb(max))])
}

/// The font the pages' link-preview pictures are drawn with
/// (`portal_site::preview::FONT_FILE`).
const PREVIEW_FONT: &str = "fonts/NotoSansSC-preview.otf";

/// The site's icon, drawn as the installed app's PNG icons
/// (`portal_site::install::ICON_FILE`).
const ICON: &str = "favicon.svg";

/// The site's own files a release's pages are rendered from, beside the
/// data the manifest lists: Trunk's page (`index.html`, or `template.html`
/// once the pages are rendered), the kept address, the studio's loader, the
/// site's icon and
/// every published release's frozen plan, figures and manifest (for the
/// feeds and the open-data files). The
/// page fetches those the site has; `index_text` is the releases index.
pub fn site_files_wanted(index_text: Option<&str>) -> Vec<String> {
    // The names `site::publish` reads (`TEMPLATE_FILE`, `SITE_FILE`,
    // `STUDIO_FILE`, `history_files`, `install::ICON_FILE`): the page's wasm has not the renderer
    // to ask (tests/same_as_cli.rs checks these are what it reads).
    let mut wanted: Vec<String> =
        ["index.html", "template.html", "site.json", "studio/studio.json", PREVIEW_FONT, ICON]
            .map(str::to_owned)
            .to_vec();
    let index: Vec<ReleaseSummary> =
        index_text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    for release in &index {
        for name in [PLAN_FILE, PROGRESS_FILE, MANIFEST_FILE] {
            wanted.push(format!("data/{RELEASES_DIR}/{}/{name}", release.version));
        }
    }
    wanted
}
