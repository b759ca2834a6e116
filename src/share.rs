//! A figure on a page, and what a reader can take away from it: the embed
//! code (live or pinned to the release), image and data downloads, the whole
//! release as a ZIP, and citations. The text work is in `export`; this module
//! is the browser side (files, clipboard, URLs).

use leptos::prelude::*;
use plan_model::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::charts::progress::status_colour;
use crate::charts::{DataTable, EChart, KeyboardPoints};
use crate::export;
use crate::figures::{Cell, Figure, Table};
use crate::route::{Filters, Location, Route};
use crate::tr;

/// The page's address without the fragment: what embed and citation URLs start with.
pub fn site_base() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// An address relative to the site (`embed.js`), made absolute.
fn site_url(relative: &str) -> String {
    web_sys::Url::new_with_base(relative, &site_base())
        .map(|u| u.href())
        .unwrap_or_else(|_| relative.to_owned())
}

/// Today's date in the reader's time zone, `YYYY-MM-DD` (the access date).
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The full view of a figure, pinned to the release it shows (for citations).
fn pinned_view_url(figure: &Figure) -> String {
    let filters = Filters {
        release: figure.provenance.release.clone(),
        theme: None,
        ..figure.filters.clone()
    };
    format!("{}{}", site_base(), Location::href(figure.lang, &figure.id.page(), &filters))
}

/// The embed view's address with the chosen options.
fn embed_url(figure: &Figure, lang: Lang, theme: &str, pinned: bool) -> String {
    let filters = Filters {
        release: if pinned { figure.provenance.release.clone() } else { None },
        theme: (!theme.is_empty()).then(|| theme.to_owned()),
        ..figure.filters.clone()
    };
    format!("{}{}", site_base(), Location::href(lang, &Route::Embed(figure.id.clone()), &filters))
}

/// The HTML a host page pastes: the iframe and the auto-height script.
fn embed_code(url: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:100%\" data-kunshan-embed></iframe>\n<script src=\"{}\" async></script>",
        export::xml_escape(url),
        export::xml_escape(title),
        export::xml_escape(&site_url("embed.js")),
    )
}

/// Hands bytes to the browser as a download named `name`.
fn save(bytes: &[u8], mime: &str, name: &str) -> Result<(), String> {
    let js = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(js)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(js)?;
    link.click();
    link.remove();
    // The browser has taken the file once the click is handled; free it a bit later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Width of exported images, CSS px (PNG doubles it).
const EXPORT_WIDTH: u32 = 960;

/// The chart's height for export, from its CSS height in rem.
fn export_chart_height(figure: &Figure) -> u32 {
    let rem: f64 = figure.height.trim_end_matches("rem").parse().unwrap_or(20.0);
    (rem * 16.0).round() as u32
}

/// The framed SVG: title, subtitle and filters, the chart, the source line.
fn framed_svg(figure: &Figure) -> Result<String, String> {
    let height = export_chart_height(figure);
    let chart = crate::charts::echarts::render_svg(
        &figure.chart,
        &figure.description,
        figure.chosen.as_deref(),
        EXPORT_WIDTH,
        height,
    )?;
    Ok(export::framed_svg(figure, &chart, EXPORT_WIDTH, height))
}

/// Waits for a JS callback-style operation given its resolve/reject functions.
async fn promise(
    mut start: impl FnMut(js_sys::Function, js_sys::Function),
) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| start(resolve, reject));
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "the image could not be drawn".to_owned()))
}

/// The framed SVG drawn at twice its size on a canvas, as PNG bytes.
async fn png(figure: &Figure) -> Result<Vec<u8>, String> {
    let svg = framed_svg(figure)?;
    let (width, height) = export::frame_size(&svg).ok_or("no size")?;
    let js = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let image = web_sys::HtmlImageElement::new().map_err(js)?;
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    );
    let loading = image.clone();
    promise(move |resolve, reject| {
        loading.set_onload(Some(&resolve));
        loading.set_onerror(Some(&reject));
        loading.set_src(&source);
    })
    .await?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(js)?.unchecked_into();
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").map_err(js)?.ok_or("no 2d context")?.unchecked_into();
    context.scale(2.0, 2.0).map_err(js)?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(js)?;
    let blob = promise(move |resolve, _reject| {
        let _ = canvas.to_blob(&resolve);
    })
    .await?;
    let blob: web_sys::Blob = blob.dyn_into().map_err(|_| "no PNG was made".to_owned())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.map_err(js)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Every file of the figure's release in one ZIP, read from its manifest.
async fn release_zip(release: Option<String>, lang: Lang) -> Result<(String, Vec<u8>), String> {
    let manifest =
        crate::data::load_release_manifest(release.clone()).await.map_err(|e| e.message(lang))?;
    let folder = match &release {
        Some(v) => format!("{}/{v}/", plan_model::release::RELEASES_DIR),
        None => String::new(),
    };
    let root = format!("{}_{}", export::FILE_PREFIX, manifest.version);
    let mut files = Vec::new();
    for file in std::iter::once(plan_model::release::MANIFEST_FILE.to_owned())
        .chain(manifest.files.iter().map(|f| f.path.clone()))
    {
        let bytes = crate::data::load_bytes(&format!("{folder}{file}"))
            .await
            .map_err(|e| e.message(lang))?;
        files.push((format!("{root}/{file}"), bytes));
    }
    let zip = crate::zip::write(&files, &manifest.published)
        .map_err(|_| "the release is too large for a ZIP file".to_owned())?;
    Ok((format!("{root}.zip"), zip))
}

/// What a download button makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Download {
    Png,
    Svg,
    Csv,
    Json,
    Release,
}

async fn download(figure: &Figure, what: Download) -> Result<String, String> {
    let name = |ext| export::file_name(figure, ext);
    match what {
        Download::Png => {
            let bytes = png(figure).await?;
            save(&bytes, "image/png", &name("png"))?;
            Ok(name("png"))
        }
        Download::Svg => {
            save(framed_svg(figure)?.as_bytes(), "image/svg+xml", &name("svg"))?;
            Ok(name("svg"))
        }
        Download::Csv => {
            save(export::csv(figure).as_bytes(), "text/csv;charset=utf-8", &name("csv"))?;
            Ok(name("csv"))
        }
        Download::Json => {
            let text = export::json(figure, &pinned_view_url(figure));
            save(text.as_bytes(), "application/json", &name("json"))?;
            Ok(name("json"))
        }
        Download::Release => {
            // The release the figure shows: the pinned one, else the current one.
            let (file, bytes) = release_zip(figure.filters.release.clone(), figure.lang).await?;
            save(&bytes, "application/zip", &file)?;
            Ok(file)
        }
    }
}

/// Copies text to the clipboard; where the browser refuses, selects it in
/// its text box so the reader can copy it by hand.
fn copy(
    text: String,
    field: NodeRef<leptos::html::Textarea>,
    status: RwSignal<String>,
    lang: Lang,
) {
    let select = move || {
        if let Some(area) = field.get_untracked() {
            let _ = area.focus();
            area.select();
        }
    };
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        select();
        status.set(tr!(lang, copy_by_hand).to_owned());
        return;
    };
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(tr!(lang, copied).to_owned()),
            Err(_) => {
                select();
                status.set(tr!(lang, copy_by_hand).to_owned());
            }
        }
    });
}

/// A read-only text box with a copy button.
#[component]
fn CopyField(
    /// Label above the box.
    label: String,
    /// The text.
    #[prop(into)]
    text: Signal<String>,
    /// Class for tests and styles.
    class: &'static str,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let field = NodeRef::<leptos::html::Textarea>::new();
    let status = RwSignal::new(String::new());
    let id = format!("copy-{class}-{}", next_id());
    view! {
        <div class=format!("copy-field {class}")>
            <label for=id.clone()>{label}</label>
            <textarea id=id readonly rows="4" node_ref=field prop:value=move || text.get()></textarea>
            <button type="button" on:click=move |_| copy(text.get_untracked(), field, status, lang)>
                {tr!(lang, copy)}
            </button>
            <span class="copy-status" role="status">{move || status.get()}</span>
        </div>
    }
}

/// A number unique in this page (ids for labels).
fn next_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Embed, download and cite, each a disclosure under the chart.
#[component]
pub fn FigureTools(
    /// The figure (a new one when a filter changes; the open tools stay open).
    #[prop(into)]
    figure: Signal<Figure>,
) -> impl IntoView {
    let lang = figure.with_untracked(|f| f.lang);
    // Embed options.
    let embed_lang = RwSignal::new(lang);
    let theme = RwSignal::new(String::new());
    let default_height = figure.with_untracked(|f| export_chart_height(f) + 260);
    let height = RwSignal::new(default_height);
    let pinned = RwSignal::new(true);
    let url = Signal::derive(move || {
        figure.with(|f| embed_url(f, embed_lang.get(), &theme.get(), pinned.get()))
    });
    let code =
        Signal::derive(move || figure.with(|f| embed_code(&url.get(), &f.title, height.get())));
    let version = figure.with_untracked(|f| f.provenance.release.clone());
    let n = next_id();
    // Downloads.
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let start = move |what: Download| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        status.set(tr!(lang, preparing_download).to_owned());
        let figure = figure.get_untracked();
        leptos::task::spawn_local(async move {
            match download(&figure, what).await {
                Ok(file) => status.set(format!("{}{file}", tr!(lang, downloaded))),
                Err(e) => status.set(format!("{}{e}", tr!(lang, download_failed))),
            }
            busy.set(false);
        });
    };
    let button = move |what: Download, label: &'static str, class: &'static str| {
        view! {
            <button type="button" class=class disabled=move || busy.get() on:click=move |_| start(what)>
                {label}
            </button>
        }
    };
    let accessed = today();
    let citation = move |cite: fn(&Figure, &str, &str) -> String| {
        let accessed = accessed.clone();
        Signal::derive(move || figure.with(|f| cite(f, &pinned_view_url(f), &accessed)))
    };
    let gbt = citation(export::cite_gbt7714);
    let apa = citation(export::cite_apa);
    let has_release = version.is_some();
    // A tool's body is built when the reader first opens it: most never do, and
    // the page (and each filter change) is lighter without fifteen text boxes.
    let opened = Opened::default();
    view! {
        <div class="figure-tools">
            <details class="tool embed-tool" on:toggle=move |_| opened.embed.set(true)>
                <summary>{tr!(lang, embed_this)}</summary>
                {move || opened.embed.get().then(|| view! {
                    <div class="tool-body">
                        <div class="embed-options">
                            <label>
                                {tr!(lang, embed_language)}
                                <select class="embed-lang" on:change=move |ev| {
                                    embed_lang.set(Lang::from_code(&event_target_value(&ev)).unwrap_or(lang));
                                }>
                                    <option value="zh" selected=lang == Lang::Zh>"中文"</option>
                                    <option value="en" selected=lang == Lang::En>"English"</option>
                                </select>
                            </label>
                            <label>
                                {tr!(lang, embed_theme)}
                                <select class="embed-theme" on:change=move |ev| theme.set(event_target_value(&ev))>
                                    <option value="">{tr!(lang, theme_system)}</option>
                                    <option value="light">{tr!(lang, theme_light)}</option>
                                    <option value="dark">{tr!(lang, theme_dark)}</option>
                                </select>
                            </label>
                            <label>
                                {tr!(lang, embed_height)}
                                <input class="embed-height" type="number" min="200" max="2000" step="10"
                                    prop:value=move || height.get().to_string()
                                    on:change=move |ev| {
                                        let h = event_target_value(&ev).parse().unwrap_or(default_height);
                                        height.set(h.clamp(200, 2000));
                                    }
                                />
                            </label>
                            {has_release.then(|| view! {
                                <fieldset class="embed-pin">
                                    <legend>{tr!(lang, embed_updates)}</legend>
                                    <label>
                                        <input type="radio" name=format!("pin-{n}") value="pinned" checked=true
                                            on:change=move |_| pinned.set(true) />
                                        {tr!(lang, embed_pinned)} " " {version.clone().unwrap_or_default()}
                                    </label>
                                    <label>
                                        <input type="radio" name=format!("pin-{n}") value="live"
                                            on:change=move |_| pinned.set(false) />
                                        {tr!(lang, embed_live)}
                                    </label>
                                </fieldset>
                        })}
                    </div>
                    <CopyField label=tr!(lang, embed_code).to_owned() text=code class="embed-code" lang=lang />
                    <p class="tool-note">
                        {tr!(lang, embed_note)} " "
                        <a class="embed-preview" href=move || url.get() target="_blank" rel="noopener">{tr!(lang, embed_preview)}</a>
                    </p>
                </div>
                })}
            </details>
            <details class="tool download-tool" on:toggle=move |_| opened.download.set(true)>
                <summary>{tr!(lang, download_this)}</summary>
                {move || opened.download.get().then(|| view! {
                    <div class="tool-body">
                        <div class="download-buttons">
                            {button(Download::Png, tr!(lang, download_png), "download-png")}
                            {button(Download::Svg, tr!(lang, download_svg), "download-svg")}
                            {button(Download::Csv, tr!(lang, download_csv), "download-csv")}
                            {button(Download::Json, tr!(lang, download_json), "download-json")}
                            {has_release.then(|| button(Download::Release, tr!(lang, download_release), "download-release"))}
                        </div>
                        <p class="download-status" role="status">{move || status.get()}</p>
                    </div>
                })}
            </details>
            <details class="tool cite-tool" on:toggle=move |_| opened.cite.set(true)>
                <summary>{tr!(lang, cite_this)}</summary>
                {move || opened.cite.get().then(|| view! {
                    <div class="tool-body">
                        <CopyField label="GB/T 7714-2015".to_owned() text=gbt class="cite-gbt" lang=lang />
                        <CopyField label="APA (7th ed.)".to_owned() text=apa class="cite-apa" lang=lang />
                    </div>
                })}
            </details>
        </div>
    }
}

/// Which tools have been opened (their bodies exist from then on).
#[derive(Clone, Copy)]
struct Opened {
    embed: RwSignal<bool>,
    download: RwSignal<bool>,
    cite: RwSignal<bool>,
}

impl Default for Opened {
    fn default() -> Self {
        Self {
            embed: RwSignal::new(false),
            download: RwSignal::new(false),
            cite: RwSignal::new(false),
        }
    }
}

/// A table's cell as the page shows it: links for row headings, icon and
/// words for statuses, icon, number and words for heatmap cells.
fn cell_view(cell: Cell, first: bool, lang: Lang) -> AnyView {
    let content = match (&cell.href, cell.status, cell.value) {
        (Some(href), _, _) => view! { <a href=href.clone()>{cell.text.clone()}</a> }.into_any(),
        (None, Some(status), Some(value)) => view! {
            <span class="status-icon" aria-hidden="true">{status.icon()}</span>
            " " {format!("{value:.0}")} " "
            <span class="heat-status">{status.label(lang)}</span>
        }
        .into_any(),
        (None, Some(status), None) => {
            let colour = format!("color: {}", status_colour(status));
            view! {
                <span class="status-icon" aria-hidden="true" style=colour>{status.icon()}</span>
                " " {status.label(lang)}
            }
            .into_any()
        }
        (None, None, _) => cell.text.clone().into_any(),
    };
    let is_date = cell.text.len() == 10 && cell.text.as_bytes().get(4) == Some(&b'-');
    let class = match (cell.status, cell.value) {
        (Some(_), Some(_)) => "heat-cell",
        (Some(_), None) => "status-cell",
        _ if is_date => "nowrap",
        _ => "",
    };
    if first {
        view! { <th scope="row" class=class>{content}</th> }.into_any()
    } else {
        view! { <td class=class>{content}</td> }.into_any()
    }
}

/// A figure's table.
#[component]
pub fn FigureTable(
    /// The table.
    table: Table,
    /// Reader's language.
    lang: Lang,
    /// A row marked as selected besides those the table marks itself; it can
    /// change without the table being drawn again.
    #[prop(optional, into)]
    selected: Signal<Option<usize>>,
) -> impl IntoView {
    let rows = table
        .rows
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            let cells = row
                .cells
                .into_iter()
                .enumerate()
                .map(|(i, c)| cell_view(c, i == 0, lang))
                .collect_view();
            let marked = row.selected;
            view! { <tr class:selected-row=move || marked || selected.get() == Some(r)>{cells}</tr> }
        })
        .collect_view();
    view! {
        <DataTable caption=table.caption headers=table.headers>
            {rows}
        </DataTable>
    }
}

/// The arrow-key points of a figure's chart. The heatmap's tooltip would show
/// its colour index as if it were the value, so there the point is only
/// highlighted and read out.
pub fn keyboard_points(figure: &Figure) -> KeyboardPoints {
    KeyboardPoints {
        sentences: figure.points(),
        show_tip: figure.id != crate::figures::FigureId::DistrictHeatmap,
    }
}

/// A figure as a card on its page: heading, how to read it, the chart with
/// its table, and the embed/download/cite tools. A new figure (a filter
/// changed) updates the chart in place and redraws the rest.
#[component]
pub fn FigureCard(
    /// The figure; which figure it is (its id) stays the same.
    #[prop(into)]
    figure: Signal<Figure>,
    /// Extra lines under the subtitle (the chosen district, say).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (lang, id, stacked, height) =
        figure.with_untracked(|f| (f.lang, f.id.clone(), f.stacked, f.height));
    let heading_id = format!("{}-heading-{}", id.class(), next_id());
    let class = format!("card figure-card {}", id.class());
    let chart = Signal::derive(move || figure.with(|f| f.chart.clone()));
    let label = Signal::derive(move || figure.with(|f| f.description.clone()));
    let keyboard = Memo::new(move |_| figure.with(keyboard_points));
    let chosen = Memo::new(move |_| figure.with(|f| f.chosen.clone()));
    // Redrawn only when its figures change, not for every filter; a new
    // selected row (another district) only moves the mark between two rows.
    let table = Memo::new(move |_| {
        figure.with(|f| {
            let mut table = f.table.clone();
            table.rows.iter_mut().for_each(|row| row.selected = false);
            table
        })
    });
    let selected_row =
        Memo::new(move |_| figure.with(|f| f.table.rows.iter().position(|row| row.selected)));
    view! {
        <section class=class aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{move || figure.with(|f| f.heading.clone())}</h2>
            <p class="card-subtitle">{move || figure.with(|f| f.subtitle.clone())}</p>
            {children.map(|c| c())}
            <div class="chart-with-table" class:stacked=stacked>
                <EChart chart=chart label=label height=height lang=lang keyboard=keyboard chosen=chosen />
                {move || view! { <FigureTable table=table.get() lang=lang selected=selected_row /> }}
            </div>
            <FigureTools figure=figure />
        </section>
    }
}
