//! The only module that talks to the network: fetches the published data files
//! (relative URLs, so the site works under any sub-path) and parses them with
//! the model crate.

use gloo_net::http::Request;
use plan_model::load::parse_located;
use plan_model::release::{
    MANIFEST_FILE, Manifest, RELEASE_INDEX_FILE, RELEASES_DIR, ReleaseSummary,
};
use plan_model::{
    Lang, LoadError, PLAN_FILE, PROGRESS_FILE, PlanDocument, ProgressDocument, parse_plan,
    parse_progress,
};

/// Folder of the published data, relative to the page.
pub const DATA_DIR: &str = "data";

/// Why a data file could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// The request did not complete (offline, refused, aborted).
    Network {
        /// File requested.
        file: String,
        /// What the browser reported.
        detail: String,
    },
    /// The server answered with an error status.
    Http {
        /// File requested.
        file: String,
        /// HTTP status code.
        status: u16,
    },
    /// The file arrived but could not be read.
    Load(LoadError),
}

impl DataError {
    /// The message in the reader's language, naming the file and the problem.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DataError::Network { file, detail }, Lang::Zh) => {
                format!("无法下载数据文件 {file}：网络错误（{detail}）")
            }
            (DataError::Network { file, detail }, Lang::En) => {
                format!("Could not download the data file {file}: network error ({detail})")
            }
            (DataError::Http { file, status }, Lang::Zh) => {
                format!("无法下载数据文件 {file}：服务器返回 HTTP {status}")
            }
            (DataError::Http { file, status }, Lang::En) => {
                format!(
                    "Could not download the data file {file}: the server answered HTTP {status}"
                )
            }
            (DataError::Load(e), lang) => e.message(lang),
        }
    }
}

/// Fetches a file of the data folder as text.
async fn fetch_text(file: &str) -> Result<String, DataError> {
    let url = format!("{DATA_DIR}/{file}");
    let network =
        |e: gloo_net::Error| DataError::Network { file: url.clone(), detail: e.to_string() };
    let response = Request::get(&url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(DataError::Http { file: url.clone(), status: response.status() });
    }
    response.text().await.map_err(network)
}

/// The folder of a release's files: the current one (`data/`), or a frozen
/// earlier one (`data/releases/<version>/`) when a view is pinned to it.
fn release_folder(release: Option<&str>) -> String {
    match release {
        Some(version) => format!("{RELEASES_DIR}/{version}/"),
        None => String::new(),
    }
}

/// Fetches and parses the plan document (of a pinned release, if given).
pub async fn load_plan(release: Option<String>) -> Result<PlanDocument, DataError> {
    let file = format!("{}{PLAN_FILE}", release_folder(release.as_deref()));
    let text = fetch_text(&file).await?;
    parse_plan(&format!("{DATA_DIR}/{file}"), &text).map_err(DataError::Load)
}

/// Fetches and parses the progress data (of a pinned release, if given).
pub async fn load_progress(release: Option<String>) -> Result<ProgressDocument, DataError> {
    let file = format!("{}{PROGRESS_FILE}", release_folder(release.as_deref()));
    let text = fetch_text(&file).await?;
    parse_progress(&format!("{DATA_DIR}/{file}"), &text).map_err(DataError::Load)
}

/// Fetches any file of the data folder as bytes (the whole-release download).
pub async fn load_bytes(file: &str) -> Result<Vec<u8>, DataError> {
    let url = format!("{DATA_DIR}/{file}");
    let network =
        |e: gloo_net::Error| DataError::Network { file: url.clone(), detail: e.to_string() };
    let response = Request::get(&url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(DataError::Http { file: url.clone(), status: response.status() });
    }
    response.binary().await.map_err(network)
}

/// Fetches a release's manifest (the current one, or a pinned release's).
pub async fn load_release_manifest(release: Option<String>) -> Result<Manifest, DataError> {
    let file = format!("{}{MANIFEST_FILE}", release_folder(release.as_deref()));
    let text = fetch_text(&file).await?;
    parse_located(&format!("{DATA_DIR}/{file}"), &text).map_err(DataError::Load)
}

/// Fetches the current release's manifest (files, sizes, SHA-256).
pub async fn load_manifest() -> Result<Manifest, DataError> {
    let text = fetch_text(MANIFEST_FILE).await?;
    parse_located(&format!("{DATA_DIR}/{MANIFEST_FILE}"), &text).map_err(DataError::Load)
}

/// Fetches the list of every published release, newest first.
pub async fn load_release_index() -> Result<Vec<ReleaseSummary>, DataError> {
    let file = format!("{RELEASES_DIR}/{RELEASE_INDEX_FILE}");
    let text = fetch_text(&file).await?;
    parse_located(&format!("{DATA_DIR}/{file}"), &text).map_err(DataError::Load)
}

/// Fetches the plan and progress data frozen in an earlier release's folder
/// (`releases/<version>/`), for comparisons and pinned views.
pub async fn load_release(version: &str) -> Result<(PlanDocument, ProgressDocument), DataError> {
    let folder = format!("{RELEASES_DIR}/{version}");
    let plan_file = format!("{folder}/{PLAN_FILE}");
    let progress_file = format!("{folder}/{PROGRESS_FILE}");
    let plan = parse_plan(&format!("{DATA_DIR}/{plan_file}"), &fetch_text(&plan_file).await?)
        .map_err(DataError::Load)?;
    let progress =
        parse_progress(&format!("{DATA_DIR}/{progress_file}"), &fetch_text(&progress_file).await?)
            .map_err(DataError::Load)?;
    Ok((plan, progress))
}
