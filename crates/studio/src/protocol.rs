//! What the page and the session say to each other (the session runs in a
//! worker, or on the page where there is none): requests, answers, and where
//! the session stands.

use plan_model::Lang;
use serde::{Deserialize, Serialize};

use crate::sheets::Outcome;

/// What the page asks of the studio's session (which runs in a worker, off
/// the page's thread, or on it where a browser has no module workers). File
/// bytes travel beside a request, not in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Start from the current release: the files the manifest lists (their
    /// names; the bytes beside, in the same order) and the releases index.
    Open {
        /// The files' names.
        names: Vec<String>,
        /// Each file's SHA-256 as the manifest gives it, in the same order.
        hashes: Vec<String>,
        /// `releases/index.json`, when there is one.
        index: Option<String>,
        /// The site's own files the pages are rendered from
        /// ([`site_files_wanted`], those the site has), their bytes beside,
        /// after the data files'.
        #[serde(default)]
        site: Vec<String>,
        /// The page's language.
        lang: Lang,
    },
    /// Start instead from a release ZIP (its bytes beside, unless too large).
    OpenZip {
        /// Its file name.
        file: String,
        /// Its size in bytes.
        size: u64,
    },
    /// Start instead from a folder on this computer: the files of it
    /// [`folder_entries`] picks (their bytes beside, in the same order,
    /// unless too large together).
    OpenFolder {
        /// The folder's name.
        folder: String,
        /// Each file's path from the release's root (`data/…`).
        names: Vec<String>,
        /// Their size together, in bytes.
        size: u64,
    },
    /// Read a sheet (its bytes beside, unless too large) into the draft.
    Read {
        /// Its file name.
        file: String,
        /// Its size in bytes.
        size: u64,
    },
    /// Start again from the current release.
    Discard,
    /// A page of the site rendered with the draft.
    Preview {
        /// Its file (`None`: the overview).
        file: Option<String>,
        /// The site's address as the browser has it, ending in `/`.
        root: String,
        /// The date the preview's release carries (today).
        date: String,
    },
    /// Make the release of the draft (the ZIP comes back beside the reply).
    Release {
        /// Version.
        version: String,
        /// Publication date.
        date: String,
        /// Notes in Chinese.
        notes_zh: String,
        /// Notes in English.
        notes_en: String,
        /// The draft's warnings were read and accepted.
        accept_warnings: bool,
    },
}

/// Where the session stands, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Standing {
    /// What it started from.
    pub current: String,
    /// Sheets read into the draft.
    pub sheets: usize,
    /// Warnings of those imports.
    pub warnings: usize,
    /// What changed against the current release (at most [`CHANGES_LISTED`]).
    pub changes: Vec<String>,
    /// Changes not listed.
    pub more_changes: usize,
    /// The portal's citywide status counts after the release, with the
    /// current release's beside them: (status in words with its glyph, after,
    /// before), best first.
    pub status_counts: Vec<(String, usize, usize)>,
    /// Each indicator whose citywide status the draft changes, in words.
    pub status_changes: Vec<String>,
    /// Texts of the draft's updates (progress, problems, next steps,
    /// evidence titles) without their English: the English pages show the
    /// Chinese there, marked "in Chinese only".
    pub untranslated: usize,
    /// The session's wasm memory, in bytes (0 natively): for the bench.
    pub memory_bytes: u64,
}

/// The session's answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    /// Opened (or why not).
    Opened(Result<Standing, String>),
    /// A sheet read, and where the session stands after it.
    Read(Box<Outcome>, Standing),
    /// Back to the current release.
    Discarded(Standing),
    /// A release ZIP or folder that cannot be opened (why), and the session
    /// as it was.
    OpenRefused(String, Standing),
    /// The release made (its ZIP beside), or why not.
    Released(Result<Released, String>),
    /// A page of the preview, or why there is none.
    Preview(Result<Preview, String>),
}

/// A page the preview offers: its file and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewPage {
    /// `zh/indicator/<id>/index.html`.
    pub file: String,
    /// What it shows, in the studio's language.
    pub label: String,
    /// The page's own language.
    pub lang: Lang,
}

/// A page of the site rendered with the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// Every page the preview offers, in the studio's language.
    pub pages: Vec<PreviewPage>,
    /// The page shown.
    pub file: String,
    /// Its HTML, as the release will render it (version "preview"), with a
    /// `<base>` so that it finds its stylesheet.
    pub html: String,
}

/// What a release made holds, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Released {
    /// The ZIP's file name.
    pub name: String,
    /// The release it was made from (a folder it is written into must
    /// serve that one).
    pub base: String,
    /// Files in it.
    pub files: usize,
    /// Pages rendered into it, or why there are none.
    pub pages: Result<usize, String>,
}
