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
use crate::open::{folder_entries, site_files_wanted};
use crate::protocol::{Preview, Request, Response, Standing};
use crate::sheets::{Outcome, Verdict, too_large};
use crate::text::{Say, say};

mod outcome;
mod page_preview;
mod release_form;

use outcome::OutcomeView;
use page_preview::PagePreview;
use release_form::ReleaseForm;

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
    for path in site_files_wanted(index.as_deref()) {
        if let Ok(bytes) = fetch(&path).await {
            site.push(path);
            blobs.push(bytes);
        }
    }
    Ok((Request::Open { names, hashes, index, site, lang }, blobs))
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
            portal_browser::next_paint().await;
            let started = js_sys::Date::now();
            // A file over the limit is not even read into memory: its size
            // alone refuses it (the session says so in its words).
            let size = file.size() as u64;
            let bytes = if too_large(size, lang).is_some() {
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
            let bytes = if too_large(size, lang).is_some() {
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
        let wanted = folder_entries(&paths);
        let reading =
            say(Say::ReadingFolder, lang, &[("folder", &folder), ("count", &wanted.len())]);
        zip_said.set(Some(Ok(reading)));
        let backend = backend.get_value();
        spawn_local(async move {
            portal_browser::next_paint().await;
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
