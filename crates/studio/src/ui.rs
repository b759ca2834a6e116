//! The studio page in the browser: fetches the site's current release, reads
//! the sheet the user picks (in this browser; nothing is sent anywhere), and
//! hands back the release as a ZIP. Thin: what to show is `model`'s.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_model::Lang;
use plan_model::release::{MANIFEST_FILE, Manifest, RELEASE_INDEX_FILE, RELEASES_DIR};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::bridge::Backend;
use crate::model::{self, Outcome, Request, Response, Standing, Verdict};
use crate::text::{Say, say};

/// The element the studio fills (the static page puts it there, with a
/// sentence for a browser that cannot run the studio).
const ROOT: &str = "studio";

/// Starts the studio on its page (the loader calls this once the wasm is
/// in, with the address of the worker that runs the session).
#[wasm_bindgen]
pub fn start_studio(worker_url: Option<String>) {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) =
        document.get_element_by_id(ROOT).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let lang = match document.document_element().map(|e| e.get_attribute("lang")) {
        Some(Some(tag)) if tag.starts_with("en") => Lang::En,
        _ => Lang::Zh,
    };
    let backend = Backend::new(worker_url, lang);
    // What the static page says without scripts gives way to the studio.
    root.set_text_content(None);
    leptos::mount::mount_to(root, move || view! { <Studio lang=lang backend=backend /> }).forget();
}

/// Fetches one of the site's data files, as bytes (never from a cache: the
/// studio must start from what is published now).
async fn fetch(path: &str) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(path)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.binary().await.map_err(|e| e.to_string())
}

/// The current release as the site serves it: the files the manifest
/// lists (names and hashes), the releases index and the site's own files
/// its pages are rendered from (those it has), in a request with their bytes.
async fn fetch_release(lang: Lang) -> Result<(Request, Vec<Vec<u8>>), String> {
    let cannot = |path: &str, error: String| {
        say(Say::CannotOpen, lang, &[("path", &path), ("error", &error)])
    };
    let manifest_path = format!("data/{MANIFEST_FILE}");
    let manifest: Manifest = fetch(&manifest_path)
        .await
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
        .map_err(|e| cannot(&manifest_path, e))?;
    let (mut names, mut hashes, mut blobs) = (Vec::new(), Vec::new(), Vec::new());
    for f in &manifest.files {
        let path = format!("data/{}", f.path);
        blobs.push(fetch(&path).await.map_err(|e| cannot(&path, e))?);
        names.push(f.path.clone());
        hashes.push(f.sha256.clone());
    }
    // The index guards against reusing a version: only a site that has none
    // yet (404) goes on without it.
    let index_path = format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}");
    let index = match fetch(&index_path).await {
        Ok(bytes) => {
            Some(String::from_utf8(bytes).map_err(|e| cannot(&index_path, e.to_string()))?)
        }
        Err(error) if error == "HTTP 404" => None,
        Err(error) => return Err(cannot(&index_path, error)),
    };
    // A site without some of them (not built by `make dist`) still gives a
    // release: of its data alone, and the page says why.
    let mut site = Vec::new();
    for path in model::site_files_wanted(index.as_deref()) {
        if let Ok(bytes) = fetch(&path).await {
            site.push(path);
            blobs.push(bytes);
        }
    }
    Ok((Request::Open { names, hashes, index, site, lang }, blobs))
}

/// Lets the browser paint (the "reading…" line) before a long piece of work.
pub(crate) async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A file's bytes.
async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file's path from the folder the user chose, the folder's name first.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Hands bytes to the browser as a download.
fn save(bytes: &[u8], name: &str) -> Result<(), String> {
    let js = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/zip");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(js)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&link).map_err(js)?;
    link.click();
    link.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Today in the reader's calendar, `YYYY-MM-DD` (the release form's default).
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

#[component]
fn Studio(lang: Lang, backend: Backend) -> impl IntoView {
    // The backend holds JS handles (not `Send`): kept on this thread.
    let backend = StoredValue::new_local(backend);
    // Where the session stands (`None` while the release is read).
    let standing: RwSignal<Option<Result<Standing, String>>> = RwSignal::new(None);
    let outcome: RwSignal<Option<Arc<Outcome>>> = RwSignal::new(None);
    let reading: RwSignal<Option<String>> = RwSignal::new(None);
    let accepted = RwSignal::new(false);
    let read_error: RwSignal<Option<String>> = RwSignal::new(None);
    // How long the last sheet took and the session's memory (for the bench).
    let took: RwSignal<(f64, u64)> = RwSignal::new((0.0, 0));
    let opener = backend.get_value();
    spawn_local(async move {
        let opened = match fetch_release(lang).await {
            Ok((request, blobs)) => match opener.call(request, blobs).await.0 {
                Response::Opened(result) => result,
                _ => Err("—".to_owned()),
            },
            Err(error) => Err(error),
        };
        standing.set(Some(opened));
    });
    let ready = move || matches!(standing.get(), Some(Ok(_)));
    let sheets = move || standing.get().and_then(Result::ok).map_or(0, |s| s.sheets);

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // One sheet at a time (the input stays enabled, so focus stays on it).
        if reading.get_untracked().is_some() {
            input.set_value("");
            return;
        }
        let name = file.name();
        reading.set(Some(say(Say::Reading, lang, &[("file", &name)])));
        let backend = backend.get_value();
        spawn_local(async move {
            next_paint().await;
            let started = js_sys::Date::now();
            // A file over the limit is not even read into memory: its size
            // alone refuses it (the session says so in its words).
            let size = file.size() as u64;
            let bytes = if model::too_large(size, lang).is_some() {
                Ok(Vec::new())
            } else {
                file_bytes(&file).await
            };
            let request = Request::Read { file: name.clone(), size };
            let response = match bytes {
                Ok(bytes) => backend.call(request, vec![bytes]).await.0,
                Err(error) => {
                    // A file the browser cannot read (still open in Excel, say):
                    // said here; the session and its draft go on.
                    reading.set(None);
                    read_error.set(Some(format!("{name}: {error}")));
                    input.set_value("");
                    return;
                }
            };
            read_error.set(None);
            match response {
                Response::Read(o, now) => {
                    if o.verdict == Verdict::Imported {
                        accepted.set(false);
                    }
                    took.set((js_sys::Date::now() - started, now.memory_bytes));
                    outcome.set(Some(Arc::new(*o)));
                    standing.set(Some(Ok(now)));
                }
                Response::Opened(Err(error)) | Response::Released(Err(error)) => {
                    standing.set(Some(Err(error)));
                }
                _ => {}
            }
            reading.set(None);
            // The same file may be chosen again after it is fixed.
            input.set_value("");
        });
    };
    // A release ZIP to start from instead (one made here and not yet uploaded).
    let zip_said: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    // What opening a release ZIP or a folder gave: the studio starts from it
    // (`from` says where from), or says why not and goes on as it was.
    let started = move |response: Response, from: String| match response {
        Response::Opened(Ok(mut now)) => {
            now.current.push_str(&from);
            standing.set(Some(Ok(now)));
            outcome.set(None);
            accepted.set(false);
            zip_said.set(None);
        }
        Response::OpenRefused(error, _) | Response::Opened(Err(error)) => {
            zip_said.set(Some(Err(error)));
        }
        _ => {}
    };
    let on_zip = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        let backend = backend.get_value();
        spawn_local(async move {
            let size = file.size() as u64;
            let bytes = if model::too_large(size, lang).is_some() {
                Ok(Vec::new())
            } else {
                file_bytes(&file).await
            };
            let request = Request::OpenZip { file: name.clone(), size };
            let response = match bytes {
                Ok(bytes) => backend.call(request, vec![bytes]).await.0,
                Err(error) => Response::Opened(Err(format!("{name}: {error}"))),
            };
            started(response, say(Say::FromZip, lang, &[("file", &name)]));
            input.set_value("");
        });
    };
    // A folder to start from: the site's, its data folder or an unpacked ZIP
    // (every browser can pick one: `webkitdirectory`).
    let on_folder = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        let paths: Vec<String> = chosen.iter().map(relative_path).collect();
        let folder = paths
            .first()
            .and_then(|p| p.split('/').next())
            .filter(|f| !f.is_empty())
            .unwrap_or("—")
            .to_owned();
        let wanted = model::folder_entries(&paths);
        let reading =
            say(Say::ReadingFolder, lang, &[("folder", &folder), ("count", &wanted.len())]);
        zip_said.set(Some(Ok(reading)));
        let backend = backend.get_value();
        spawn_local(async move {
            next_paint().await;
            let size = wanted.iter().map(|(at, _)| chosen[*at].size() as u64).sum::<u64>();
            let mut blobs = Vec::with_capacity(wanted.len());
            // Too much together is not read at all: its size refuses it.
            if size <= plan_publish::workbook::MAX_UNPACKED_BYTES {
                for (at, name) in &wanted {
                    match file_bytes(&chosen[*at]).await {
                        Ok(bytes) => blobs.push(bytes),
                        Err(error) => {
                            zip_said.set(Some(Err(format!("{folder}/{name}: {error}"))));
                            input.set_value("");
                            return;
                        }
                    }
                }
            }
            let names = wanted.into_iter().map(|(_, name)| name).collect();
            let request = Request::OpenFolder { folder: folder.clone(), names, size };
            let response = backend.call(request, blobs).await.0;
            started(response, say(Say::FromFolder, lang, &[("folder", &folder)]));
            input.set_value("");
        });
    };
    let discard = move |_| {
        let backend = backend.get_value();
        spawn_local(async move {
            if let Response::Discarded(now) = backend.call(Request::Discard, Vec::new()).await.0 {
                standing.set(Some(Ok(now)));
                outcome.set(None);
                accepted.set(false);
                // The button is gone: focus goes on to the file input.
                if let Some(input) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("studio-file"))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = input.focus();
                }
            }
        });
    };

    view! {
        <div class="studio">
            <section aria-labelledby="studio-start">
                <h2 id="studio-start">{say(Say::StepStart, lang, &[])}</h2>
                {move || match standing.get() {
                    None => view! { <p role="status">{say(Say::Opening, lang, &[])}</p> }.into_any(),
                    Some(Err(error)) => view! { <p class="studio-error" role="alert">"✗ "{error}</p> }.into_any(),
                    Some(Ok(s)) => view! {
                        <p class="studio-current">{s.current.clone()}</p>
                        <p class="studio-draft" role="status">
                            {if s.sheets == 0 {
                                say(Say::NoDraft, lang, &[])
                            } else {
                                say(Say::Draft, lang, &[("sheets", &s.sheets)])
                            }}
                        </p>
                    }.into_any(),
                }}
                <Show when=move || { sheets() > 0 }>
                    <button type="button" class="studio-discard" on:click=discard>{say(Say::Discard, lang, &[])}</button>
                </Show>
                <p>
                    <label for="studio-zip">{say(Say::ChooseZip, lang, &[])}</label>
                    " "
                    <input id="studio-zip" type="file" accept=".zip,application/zip"
                        prop:disabled=move || !ready()
                        on:change=on_zip />
                </p>
                <p>{say(Say::ChooseFolder, lang, &[])}</p>
                <p>
                    <label for="studio-folder">{say(Say::FolderLabel, lang, &[])}</label>
                    " "
                    <input id="studio-folder" type="file" multiple=true prop:webkitdirectory=true
                        prop:disabled=move || !ready()
                        on:change=on_folder />
                </p>
                <p class="studio-zip-said" role="status">
                    {move || zip_said.get().map(|said| match said {
                        Ok(text) => view! { <span>{text}</span> }.into_any(),
                        Err(text) => view! { <span class="studio-error">"✗ "{text}</span> }.into_any(),
                    })}
                </p>
            </section>
            <section aria-labelledby="studio-import">
                <h2 id="studio-import">{say(Say::StepImport, lang, &[])}</h2>
                <p>{say(Say::StaysHere, lang, &[])}</p>
                <p>
                    <label for="studio-file">{say(Say::ChooseFile, lang, &[])}</label>
                    " "
                    <input id="studio-file" type="file"
                        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        prop:disabled=move || !ready()
                        on:change=on_file />
                </p>
                <p class="studio-reading" role="status">
                    {move || reading.get()}
                    {move || read_error.get().map(|e| view! { <span class="studio-error">"✗ "{e}</span> })}
                </p>
                {move || outcome.get().map(|o| {
                    let (millis, memory) = took.get();
                    view! {
                        <div class="studio-took" hidden data-millis=millis.to_string() data-memory=memory.to_string()></div>
                        <OutcomeView outcome=o lang=lang />
                    }
                })}
            </section>
            <section aria-labelledby="studio-changes">
                <h2 id="studio-changes">{say(Say::StepChanges, lang, &[])}</h2>
                {move || standing.get().and_then(Result::ok).map(|s| {
                    let counts = s
                        .status_counts
                        .iter()
                        .map(|(status, after, before)| {
                            let text = say(Say::StatusCount, lang, &[("status", status), ("after", after), ("before", before)]);
                            view! { <li>{text}</li> }
                        })
                        .collect_view();
                    let moved = if s.status_changes.is_empty() {
                        view! { <p>{say(Say::NoStatusChange, lang, &[])}</p> }.into_any()
                    } else {
                        let lines = s.status_changes.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view();
                        view! { <ul class="studio-status-changes">{lines}</ul> }.into_any()
                    };
                    let untranslated = (s.untranslated > 0).then(|| {
                        let said = say(Say::Untranslated, lang, &[("count", &s.untranslated)]);
                        view! { <p class="studio-untranslated">{said}</p> }
                    });
                    view! {
                        <div class="studio-preview">
                            <p>{say(Say::StatusPreview, lang, &[])}</p>
                            <ul class="studio-status-counts">{counts}</ul>
                            {moved}
                        </div>
                        {untranslated}
                    }
                })}
                {move || standing.get().and_then(Result::ok).map(|s| {
                    if s.changes.is_empty() {
                        view! { <p>{say(Say::NoChanges, lang, &[])}</p> }.into_any()
                    } else {
                        let count = s.changes.len() + s.more_changes;
                        let more = s.more_changes;
                        view! {
                            <p>{say(Say::ChangesCount, lang, &[("count", &count)])}</p>
                            <div class="studio-scroll" role="region" tabindex="0"
                                aria-label=say(Say::StepChanges, lang, &[])>
                                <ul class="studio-changes">
                                    {s.changes.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                </ul>
                            </div>
                            {(more > 0).then(|| view! { <p>{say(Say::ChangesMore, lang, &[("count", &more)])}</p> })}
                        }.into_any()
                    }
                })}
                <PagePreview lang=lang backend=backend standing=standing />
            </section>
            <ReleaseForm lang=lang backend=backend standing=standing accepted=accepted reading=reading />
        </div>
    }
}

/// "Pages in Chinese" / "in English", in the studio's language.
fn pages_in(pages: Lang, lang: Lang) -> String {
    match pages {
        Lang::Zh => say(Say::PagesZh, lang, &[]),
        Lang::En => say(Say::PagesEn, lang, &[]),
    }
}

/// The site's address as this browser has it: two folders up from the
/// studio's page (`<root><lang>/publish/`).
fn site_root() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|here| web_sys::Url::new_with_base("../../", &here).ok())
        .map(|u| u.href())
        .unwrap_or_default()
}

/// The site's own pages rendered with the draft, one at a time, in a frame
/// that runs no script (`sandbox` without `allow-scripts`).
#[component]
fn PagePreview(
    lang: Lang,
    backend: StoredValue<Backend, LocalStorage>,
    standing: RwSignal<Option<Result<Standing, String>>>,
) -> impl IntoView {
    let shown: RwSignal<Option<Result<model::Preview, String>>> = RwSignal::new(None);
    let chosen: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    // A new draft (or a sheet read, or the draft discarded): the page shown
    // is of the old one, so it goes.
    Effect::new(move |_| {
        standing.track();
        shown.set(None);
    });
    let show = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let request =
            Request::Preview { file: chosen.get_untracked(), root: site_root(), date: today() };
        let backend = backend.get_value();
        spawn_local(async move {
            let answer = match backend.call(request, Vec::new()).await.0 {
                Response::Preview(result) => result,
                Response::Opened(Err(error)) => Err(error),
                _ => Err("—".to_owned()),
            };
            if let Ok(preview) = &answer {
                chosen.set(Some(preview.file.clone()));
            }
            shown.set(Some(answer));
            busy.set(false);
        });
    };
    let choices = move || {
        shown.get().and_then(Result::ok).map(|p| {
            // A group for each language, the studio's first (as listed).
            let options = [lang, lang.other()]
                .into_iter()
                .map(|group| {
                    let options = p
                        .pages
                        .iter()
                        .filter(|page| page.lang == group)
                        .map(|page| {
                            let selected = page.file == p.file;
                            view! { <option value=page.file.clone() selected=selected>{page.label.clone()}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=pages_in(group, lang)>{options}</optgroup> }
                })
                .collect_view();
            view! {
                <p>
                    <label for="studio-preview-page">{say(Say::PreviewChoose, lang, &[])}</label>
                    " "
                    <select id="studio-preview-page"
                        on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                        {options}
                    </select>
                </p>
            }
        })
    };
    view! {
        <div class="studio-page-preview">
            <h3>{say(Say::PreviewHeading, lang, &[])}</h3>
            <p>{say(Say::PreviewIntro, lang, &[])}</p>
            {choices}
            <p>
                <button type="button" class="studio-preview-show"
                    prop:disabled=move || !matches!(standing.get(), Some(Ok(_))) || busy.get()
                    on:click=show>{say(Say::PreviewShow, lang, &[])}</button>
                " "
                <span role="status">{move || busy.get().then(|| say(Say::PreviewRendering, lang, &[]))}</span>
            </p>
            {move || shown.get().map(|answer| match answer {
                Ok(preview) => {
                    // A page in the other language says so in the frame's name.
                    let label = preview.pages.iter().find(|p| p.file == preview.file).map_or_else(
                        || preview.file.clone(),
                        |p| match (p.lang == lang, lang) {
                            (true, _) => p.label.clone(),
                            (false, Lang::Zh) => format!("{}（{}）", p.label, pages_in(p.lang, lang)),
                            (false, Lang::En) => format!("{} ({})", p.label, pages_in(p.lang, lang)),
                        },
                    );
                    view! {
                        <iframe class="studio-preview-frame" sandbox="allow-same-origin"
                            title=say(Say::PreviewFrame, lang, &[("page", &label)])
                            data-file=preview.file.clone()
                            srcdoc=preview.html></iframe>
                    }.into_any()
                }
                Err(error) => view! { <p class="studio-error" role="alert">"✗ "{error}</p> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn OutcomeView(outcome: Arc<Outcome>, lang: Lang) -> impl IntoView {
    let verdict = match outcome.verdict {
        Verdict::Imported => "imported",
        Verdict::Refused => "refused",
        Verdict::BadCells => "bad-cells",
        Verdict::Invalid => "invalid",
    };
    let warnings = outcome.warnings;
    let lines = outcome
        .lines
        .iter()
        .map(|l| {
            let class = if l.error { "studio-line-error" } else { "studio-line-warning" };
            let glyph = if l.error { "✗ " } else { "⚠ " };
            view! { <li class=class>{glyph}{l.text.clone()}</li> }
        })
        .collect_view();
    let grid = &outcome.grid;
    let grid_view = (!grid.rows.is_empty()).then(|| {
        let headings = grid
            .headings
            .iter()
            .map(|h| view! { <th scope="col">{h.clone()}</th> })
            .collect_view();
        let rows = grid
            .rows
            .iter()
            .map(|r| {
                let cells = r
                    .cells
                    .iter()
                    .map(|c| match &c.problem {
                        Some(problem) => view! {
                            <td class="cell-bad">
                                <span class="cell-value">{c.text.clone()}</span>
                                <span class="cell-problem">"✗ "{problem.clone()}</span>
                            </td>
                        }
                        .into_any(),
                        None => view! { <td>{c.text.clone()}</td> }.into_any(),
                    })
                    .collect_view();
                let row_problem = r.problem.clone();
                view! {
                    <tr class:row-bad=row_problem.is_some()>
                        <th scope="row">{r.number}</th>
                        {cells}
                    </tr>
                    {row_problem.map(|p| view! {
                        <tr class="row-problem"><td colspan=r.cells.len() + 1>"✗ "{p}</td></tr>
                    })}
                }
            })
            .collect_view();
        let caption = say(Say::GridCaption, lang, &[]);
        let label = caption.clone();
        view! {
            <div class="table-scroll studio-grid-wrap" role="region" aria-label=label tabindex="0">
                <table class="studio-grid">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">{say(Say::Row, lang, &[])}</th>{headings}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let summary_label = outcome.summary.clone();
    let more_lines = (outcome.more_lines > 0)
        .then(|| view! { <p>{say(Say::LinesMore, lang, &[("count", &outcome.more_lines)])}</p> });
    let more = (grid.more > 0)
        .then(|| view! { <p>{say(Say::GridMore, lang, &[("count", &grid.more)])}</p> });
    view! {
        <div class="studio-outcome" data-verdict=verdict>
            <p class="studio-summary" role="alert">{outcome.summary.clone()}</p>
            {(warnings > 0).then(|| view! { <p>{say(Say::Warnings, lang, &[("count", &warnings)])}</p> })}
            // A long list scrolls: a region that the keyboard can reach.
            <div class="studio-scroll" role="region" tabindex="0" aria-label=summary_label>
                <ul class="studio-lines">{lines}</ul>
            </div>
            {more_lines}
            {grid_view}
            {more}

        </div>
    }
}

#[component]
fn ReleaseForm(
    lang: Lang,
    backend: StoredValue<Backend, LocalStorage>,
    standing: RwSignal<Option<Result<Standing, String>>>,
    accepted: RwSignal<bool>,
    reading: RwSignal<Option<String>>,
) -> impl IntoView {
    let version = RwSignal::new(String::new());
    let date = RwSignal::new(today());
    let notes_zh = RwSignal::new(String::new());
    let notes_en = RwSignal::new(String::new());
    let said: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    // How long the last release took, data and pages (for the bench).
    let took = RwSignal::new(0.0_f64);
    // The last release made (its ZIP, version and the release it was made
    // from), to write into a folder.
    let made: StoredValue<Option<(Vec<u8>, String, String)>, LocalStorage> =
        StoredValue::new_local(None);
    let has_made = RwSignal::new(false);
    let folder_said: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let write_folder = move |_| {
        let Some((zip, version, base)) = made.get_value() else { return };
        busy.set(true);
        folder_said.set(None);
        spawn_local(async move {
            let result = match crate::folder::unzip(&zip) {
                Ok(files) => crate::folder::write(&files, &version, &base, lang).await,
                Err(error) => Err(error),
            };
            folder_said.set(Some(result));
            busy.set(false);
        });
    };
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(now)) = standing.get_untracked() else { return };
        // Not while a sheet is read: its warnings are not known yet.
        if reading.get_untracked().is_some() {
            return;
        }
        if now.warnings > 0 && !accepted.get_untracked() {
            said.set(Some(Err(say(Say::AcceptFirst, lang, &[]))));
            return;
        }
        let request = Request::Release {
            version: version.get_untracked(),
            date: date.get_untracked(),
            notes_zh: notes_zh.get_untracked(),
            notes_en: notes_en.get_untracked(),
            accept_warnings: accepted.get_untracked(),
        };
        let backend = backend.get_value();
        busy.set(true);
        spawn_local(async move {
            let started = js_sys::Date::now();
            let (response, blobs) = backend.call(request, Vec::new()).await;
            took.set(js_sys::Date::now() - started);
            said.set(Some(match response {
                Response::Released(Ok(released)) => {
                    let zip = blobs.into_iter().next().unwrap_or_default();
                    let version =
                        released.name.trim_start_matches("release-").trim_end_matches(".zip");
                    made.set_value(Some((zip.clone(), version.to_owned(), released.base.clone())));
                    has_made.set(true);
                    folder_said.set(None);
                    let made = released;
                    let (file, count) = (&made.name, &made.files);
                    match (save(&zip, file), &made.pages) {
                        (Ok(()), Ok(pages)) => Ok(say(
                            Say::ReleaseMade,
                            lang,
                            &[("file", file), ("count", count), ("pages", pages)],
                        )),
                        (Ok(()), Err(why)) => Ok(say(
                            Say::ReleaseDataOnly,
                            lang,
                            &[("file", file), ("count", count), ("why", why)],
                        )),
                        (Err(error), _) => {
                            Err(say(Say::DownloadFailed, lang, &[("error", &error)]))
                        }
                    }
                }
                Response::Released(Err(error)) | Response::Opened(Err(error)) => Err(error),
                _ => Err("—".to_owned()),
            }));
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="studio-release">
            <h2 id="studio-release">{say(Say::StepRelease, lang, &[])}</h2>
            <p>{say(Say::ReleaseHolds, lang, &[])}</p>
            <form class="studio-form" on:submit=make>
                <p><label for="studio-version">{say(Say::Version, lang, &[])}</label><br/>
                    <input id="studio-version" name="version" required autocomplete="off"
                        prop:value=move || version.get()
                        on:input=move |ev| version.set(event_target_value(&ev)) /></p>
                <p><label for="studio-date">{say(Say::Date, lang, &[])}</label><br/>
                    <input id="studio-date" name="date" required
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev)) /></p>
                <p><label for="studio-notes-zh">{say(Say::NotesZh, lang, &[])}</label><br/>
                    <textarea id="studio-notes-zh" name="notes_zh" rows="3" required
                        prop:value=move || notes_zh.get()
                        on:input=move |ev| notes_zh.set(event_target_value(&ev))></textarea></p>
                <p><label for="studio-notes-en">{say(Say::NotesEn, lang, &[])}</label><br/>
                    <span id="studio-notes-en-hint" class="studio-hint">{say(Say::NotesEnEmpty, lang, &[])}</span><br/>
                    <textarea id="studio-notes-en" name="notes_en" rows="3"
                        aria-describedby="studio-notes-en-hint"
                        prop:value=move || notes_en.get()
                        on:input=move |ev| notes_en.set(event_target_value(&ev))></textarea></p>
                {move || {
                    let warnings = standing.get().and_then(Result::ok).map_or(0, |s| s.warnings);
                    (warnings > 0).then(|| view! {
                        <p class="studio-accept">
                            <label>
                                <input type="checkbox" prop:checked=move || accepted.get()
                                    on:change=move |ev| accepted.set(event_target_checked(&ev)) />
                                " "{say(Say::Warnings, lang, &[("count", &warnings)])}" "
                                {say(Say::AcceptWarnings, lang, &[])}
                            </label>
                        </p>
                    })
                }}
                <p><button type="submit"
                    prop:disabled=move || !matches!(standing.get(), Some(Ok(_))) || busy.get() || reading.get().is_some()>
                    {say(Say::MakeRelease, lang, &[])}</button></p>
            </form>
            <p class="studio-release-said" role="status" data-millis=move || took.get().to_string()>
                {move || said.get().map(|r| match r {
                    Ok(text) => view! { <span class="studio-ok">{text}</span> }.into_any(),
                    Err(text) => view! { <span class="studio-error">"✗ "{text}</span> }.into_any(),
                })}
            </p>
            <Show when=move || has_made.get() && crate::folder::supported()>
                <p>{say(Say::WriteFolderIntro, lang, &[])}</p>
                <p><button type="button" class="studio-write-folder"
                    prop:disabled=move || busy.get()
                    on:click=write_folder>{say(Say::WriteFolder, lang, &[])}</button></p>
            </Show>
            <p class="studio-folder-said" role="status">
                {move || folder_said.get().map(|r| match r {
                    Ok(text) => view! { <span class="studio-ok">{text}</span> }.into_any(),
                    Err(text) => view! { <span class="studio-error">"✗ "{text}</span> }.into_any(),
                })}
            </p>
        </section>
    }
}
