//! The only module that talks to the network: fetches the published data files
//! (relative URLs, so the site works under any sub-path) and parses them with
//! the model crate.

use std::sync::Arc;

use gloo_net::http::Request;
use plan_model::load::parse_located;
use plan_model::release::{
    MANIFEST_FILE, Manifest, RELEASE_INDEX_FILE, RELEASES_DIR, ReleaseSummary,
};
use plan_model::{
    Lang, LoadError, PLAN_FILE, PROGRESS_FILE, PlanDocument, ProgressDocument, parse_plan,
    parse_progress,
};

use portal_view::locale::tr;

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
    /// No answer within [`TIMEOUT_SECONDS`].
    Timeout {
        /// File requested.
        file: String,
    },
    /// The server sent something that is not JSON (an HTML error page, say).
    NotJson {
        /// File requested.
        file: String,
        /// The `Content-Type` it came with.
        content_type: String,
    },
    /// The file arrived but could not be read.
    Load(LoadError),
    /// The file reads, but breaks the data rules (unknown or duplicated ids,
    /// impossible numbers …): its figures are not shown.
    Invalid {
        /// File checked.
        file: String,
        /// The errors found (warnings are not listed).
        findings: Vec<plan_model::Finding>,
    },
}

/// How long a data file may take before the request is given up.
pub const TIMEOUT_SECONDS: u32 = 15;

/// How many validation errors an error panel lists before "and N more".
const LISTED_FINDINGS: usize = 3;

impl DataError {
    /// The message in the reader's language, naming the file and the problem.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DataError::Network { file, detail } => {
                tr!(lang, error_network, file = file, detail = detail)
            }
            DataError::Http { file, status } => tr!(lang, error_http, file = file, status = status),
            DataError::Timeout { file } => {
                tr!(lang, error_timeout, file = file, seconds = TIMEOUT_SECONDS)
            }
            DataError::NotJson { file, content_type } => {
                tr!(lang, error_not_json, file = file, content_type = content_type)
            }
            DataError::Load(e) => e.message(lang),
            DataError::Invalid { file, findings } => {
                let listed: Vec<String> = findings
                    .iter()
                    .take(LISTED_FINDINGS)
                    .map(|f| format!("{}: {}", f.path, f.message(lang)))
                    .collect();
                let more = findings.len().saturating_sub(LISTED_FINDINGS);
                let more = if more > 0 {
                    tr!(lang, error_invalid_more, more = more)
                } else {
                    String::new()
                };
                tr!(
                    lang,
                    error_invalid,
                    file = file,
                    count = findings.len(),
                    list = listed.join(tr!(lang, sentence_separator)),
                    more = more
                )
            }
        }
    }
}

/// A fetch that gives up after [`TIMEOUT_SECONDS`] (the whole exchange,
/// body included): an `AbortController` aborted by a timer.
async fn fetch(url: &str) -> Result<gloo_net::http::Response, DataError> {
    let network =
        |e: gloo_net::Error| DataError::Network { file: url.to_owned(), detail: e.to_string() };
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    // Left armed when the fetch ends: aborting a finished request does nothing.
    if let Some(c) = controller.as_ref() {
        let c = c.clone();
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || c.abort());
        let _ = crate::browser::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                wasm_bindgen::JsCast::unchecked_ref(&abort),
                i32::try_from(TIMEOUT_SECONDS * 1000).unwrap_or(i32::MAX),
            )
        });
    }
    // A repeated request for a URL (a retry) goes out as a new one: the first
    // may be answered by the loader's preload of that URL, and if that very
    // request hung, a retry would wait on it again.
    let attempt = ATTEMPTS.with(|a| {
        let mut a = a.borrow_mut();
        let n = a.entry(url.to_owned()).or_insert(0);
        *n += 1;
        *n
    });
    let request_url = if attempt > 1 { format!("{url}?attempt={attempt}") } else { url.to_owned() };
    let result = Request::get(&request_url).abort_signal(signal.as_ref()).send().await;
    let aborted = || signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
    let response = match result {
        Ok(r) => r,
        Err(_) if aborted() => return Err(DataError::Timeout { file: url.to_owned() }),
        Err(e) => return Err(network(e)),
    };
    if !response.ok() {
        return Err(DataError::Http { file: url.to_owned(), status: response.status() });
    }
    Ok(response)
}

/// Fetches a file of the data folder as text, checking that it is not an HTML
/// page or other non-JSON content served in its place.
async fn fetch_text(file: &str) -> Result<String, DataError> {
    let url = format!("{DATA_DIR}/{file}");
    let response = fetch(&url).await?;
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let json_expected = file.ends_with(".json");
    let looks_wrong = content_type.contains("html") || content_type.starts_with("image/");
    if json_expected && looks_wrong {
        return Err(DataError::NotJson { file: url, content_type });
    }
    let bytes = match response.binary().await {
        Ok(bytes) => bytes,
        Err(e) if is_abort(&e) => return Err(DataError::Timeout { file: url }),
        Err(e) => return Err(DataError::Network { file: url, detail: e.to_string() }),
    };
    // The hash of exactly the bytes that are shown, for the manifest check.
    if let Some(digest) = sha256_hex(&bytes).await {
        DIGESTS.with(|d| d.borrow_mut().insert(url.clone(), digest));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

thread_local! {
    /// How often each URL has been requested in this page.
    static ATTEMPTS: std::cell::RefCell<std::collections::HashMap<String, u32>> =
        std::cell::RefCell::default();

    /// SHA-256 (hex) of every data file loaded, by URL.
    static DIGESTS: std::cell::RefCell<std::collections::HashMap<String, String>> =
        std::cell::RefCell::default();
}

/// SHA-256 of bytes, by the browser's WebCrypto (no hashing code in the wasm).
/// `None` where the browser offers none (plain http on a remote host).
async fn sha256_hex(bytes: &[u8]) -> Option<String> {
    let subtle = crate::browser::window()?.crypto().ok()?.subtle();
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&digest).to_vec();
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// How one data file compares with the release manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    /// The file, as the manifest names it.
    pub file: String,
    /// SHA-256 in the manifest.
    pub expected: String,
    /// SHA-256 of what was loaded; `None` if it could not be computed.
    pub actual: Option<String>,
}

impl FileCheck {
    /// The loaded file is the published one.
    pub fn matches(&self) -> bool {
        self.actual.as_deref() == Some(self.expected.as_str())
    }
}

/// The shown files checked against the release manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The manifest's release version.
    pub version: String,
    /// One check per file shown (plan, progress).
    pub files: Vec<FileCheck>,
}

/// Checks the plan and progress files that were loaded against the SHA-256
/// values in the (pinned or current) release manifest. Call after both loaded.
pub async fn verify(release: Option<String>) -> Result<Verification, DataError> {
    let manifest = load_release_manifest(release.clone()).await?;
    let folder = release_folder(release.as_deref());
    let files = [PLAN_FILE, PROGRESS_FILE]
        .into_iter()
        .map(|name| {
            let expected = manifest
                .files
                .iter()
                .find(|f| f.path == name)
                .map(|f| f.sha256.to_ascii_lowercase())
                .unwrap_or_default();
            let url = format!("{DATA_DIR}/{folder}{name}");
            let actual = DIGESTS.with(|d| d.borrow().get(&url).cloned());
            FileCheck { file: name.to_owned(), expected, actual }
        })
        .collect();
    Ok(Verification { version: manifest.version, files })
}

fn is_abort(e: &gloo_net::Error) -> bool {
    e.to_string().contains("abort")
}

/// The folder of a release's files: the current one (`data/`), or a frozen
/// earlier one (`data/releases/<version>/`) when a view is pinned to it.
fn release_folder(release: Option<&str>) -> String {
    match release {
        Some(version) => format!("{RELEASES_DIR}/{version}/"),
        None => String::new(),
    }
}

/// The errors among findings; `Err` when there are any.
fn errors_only(file: String, findings: Vec<plan_model::Finding>) -> Result<(), DataError> {
    let findings: Vec<_> =
        findings.into_iter().filter(|f| f.severity == plan_model::Severity::Error).collect();
    if findings.is_empty() { Ok(()) } else { Err(DataError::Invalid { file, findings }) }
}

/// Performance marks `make bench` reads (the first of each name on a page):
/// data requested, data checked (with the wasm memory then in use), the first
/// status computation. The minimal comparison page sets the chart mark too.
pub mod marks {
    /// The app asks for plan.json and progress.json.
    pub const DATA_START: &str = "kunshan:data-start";
    /// Both are fetched, parsed and checked against each other.
    pub const DATA_CHECKED: &str = "kunshan:data-checked";
    /// The overview starts assessing (scorecard and its figures).
    pub const STATUS_START: &str = "kunshan:status-start";
    /// … and is done.
    pub const STATUS_DONE: &str = "kunshan:status-done";
}

/// Sets the Performance mark `name` unless the page has one already.
pub fn mark_once(name: &str) {
    let Some(performance) = crate::browser::window().and_then(|w| w.performance()) else { return };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}

/// Writes the wasm memory in use, in bytes, on `<html data-wasm-memory>` for
/// the benchmark's memory column (it only grows: this is the peak so far).
pub fn note_memory() {
    use wasm_bindgen::JsCast;
    if crate::browser::window().is_none() {
        return;
    }
    let bytes = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length())
        .unwrap_or(0);
    if let Some(root) =
        crate::browser::window().and_then(|w| w.document()).and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-wasm-memory", &bytes.to_string());
    }
}

/// Fetches, parses and checks the plan document (of a pinned release, if given).
pub async fn load_plan(release: Option<String>) -> Result<Arc<PlanDocument>, DataError> {
    mark_once(marks::DATA_START);
    let relative = format!("{}{PLAN_FILE}", release_folder(release.as_deref()));
    let text = fetch_text(&relative).await?;
    let file = format!("{DATA_DIR}/{relative}");
    let doc = parse_plan(&file, &text).map_err(DataError::Load)?;
    errors_only(file, plan_model::validate_plan(&doc))?;
    Ok(Arc::new(doc))
}

/// Fetches and parses the progress data (of a pinned release, if given) and,
/// once the plan is there, checks it against the plan: figures that break the
/// rules (unknown indicators or districts, impossible values …) are not shown.
pub async fn load_progress(
    release: Option<String>,
    plan: impl std::future::Future<Output = Result<Arc<PlanDocument>, DataError>>,
) -> Result<Arc<ProgressDocument>, DataError> {
    let relative = format!("{}{PROGRESS_FILE}", release_folder(release.as_deref()));
    let file = format!("{DATA_DIR}/{relative}");
    let fetched = async {
        let text = fetch_text(&relative).await?;
        parse_progress(&file, &text).map_err(DataError::Load)
    };
    // Both downloads run at once; the check needs both.
    let (plan, progress) = futures::join!(plan, fetched);
    let progress = progress?;
    // Without a plan there is nothing to check against, and nothing shows figures.
    if let Ok(plan) = plan {
        errors_only(file, plan_model::validate_progress(&plan, &progress))?;
    }
    mark_once(marks::DATA_CHECKED);
    note_memory();
    Ok(Arc::new(progress))
}

/// Fetches any file of the data folder as bytes (the whole-release download).
pub async fn load_bytes(file: &str) -> Result<Vec<u8>, DataError> {
    let url = format!("{DATA_DIR}/{file}");
    let response = fetch(&url).await?;
    response.binary().await.map_err(|e| DataError::Network { file: url, detail: e.to_string() })
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

/// Data a part of a page waits for: fetched in the browser, or handed over
/// whole when the page is rendered to HTML natively (where nothing is fetched
/// and no task runs). Pages read both the same way (`ui::Loaded`).
pub struct Waited<T: Send + Sync + 'static> {
    /// `None` while loading, then what arrived.
    pub now: leptos::prelude::Signal<Option<Result<T, DataError>>>,
    /// The fetch to run again on "retry" (none for data handed over).
    pub refetch: Option<leptos::prelude::LocalResource<Result<T, DataError>>>,
}

impl<T: Send + Sync + 'static> Clone for Waited<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Waited<T> {}

impl<T: Clone + Send + Sync + 'static> Waited<T> {
    /// Data that is already here.
    pub fn given(value: T) -> Self {
        Waited { now: leptos::prelude::Signal::stored(Some(Ok(value))), refetch: None }
    }

    /// Asks for the data again (after an error).
    pub fn retry(&self) {
        if let Some(resource) = self.refetch {
            resource.refetch();
        }
    }
}

impl<T: Clone + Send + Sync + 'static> From<leptos::prelude::LocalResource<Result<T, DataError>>>
    for Waited<T>
{
    fn from(resource: leptos::prelude::LocalResource<Result<T, DataError>>) -> Self {
        use leptos::prelude::Get;
        Waited {
            now: leptos::prelude::Signal::derive(move || resource.get()),
            refetch: Some(resource),
        }
    }
}

/// The files a page shows beyond the plan and the progress, read ahead by the
/// static renderer and provided by context, so a page rendered natively needs
/// no fetch. In the browser there is none and pages fetch what they need.
#[derive(Clone, Default)]
pub struct ReadAhead {
    /// The current release's manifest.
    pub manifest: Option<Manifest>,
    /// Every published release.
    pub releases: Option<Vec<ReleaseSummary>>,
    /// The release before the current one (`Some(None)`: this is the first).
    pub previous: Option<Option<(PlanDocument, ProgressDocument)>>,
}

/// What the renderer read ahead, if this page is being rendered natively.
pub fn read_ahead() -> Option<ReadAhead> {
    leptos::prelude::use_context::<ReadAhead>()
}

/// The current release's manifest: read ahead, else fetched.
pub fn manifest() -> Waited<Manifest> {
    match read_ahead().and_then(|r| r.manifest) {
        Some(manifest) => Waited::given(manifest),
        None => leptos::prelude::LocalResource::new(load_manifest).into(),
    }
}

/// Every published release: read ahead, else fetched.
pub fn release_index() -> Waited<Vec<ReleaseSummary>> {
    match read_ahead().and_then(|r| r.releases) {
        Some(list) => Waited::given(list),
        None => leptos::prelude::LocalResource::new(load_release_index).into(),
    }
}
