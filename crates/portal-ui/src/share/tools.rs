//! The tools under every chart: embed code (language, theme, height, pinned
//! or live), downloads, and citations (GB/T 7714, APA), each a disclosure
//! whose body is built when first opened.

use leptos::prelude::*;
use plan_model::Lang;

use super::address::{next_id, pinned_view_url, site_base, site_url};
use super::download::{Download, download};
use portal_view::export;
use portal_view::figures::Figure;
use portal_view::locale::tr;
use portal_view::url::{Filters, Location, Route, Theme};

/// The embed view's address with the chosen options.
fn embed_url(figure: &Figure, lang: Lang, theme: Option<Theme>, pinned: bool) -> String {
    let filters = Filters {
        release: if pinned { figure.provenance.release.clone() } else { None },
        theme,
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
    let Some(clipboard) = crate::browser::window().map(|w| w.navigator().clipboard()) else {
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
    let theme = RwSignal::new(None::<Theme>);
    let default_height = figure.with_untracked(|f| f.height.px() + 260);
    let height = RwSignal::new(default_height);
    let pinned = RwSignal::new(true);
    let url = Signal::derive(move || {
        figure.with(|f| embed_url(f, embed_lang.get(), theme.get(), pinned.get()))
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
                Err(e) => status.set(format!("{}{}", tr!(lang, download_failed), e.message(lang))),
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
    // Read when the citation is first shown (never while a page is rendered
    // natively: the tool's body is built only when opened).
    let citation = move |cite: fn(&Figure, &str, &str) -> String| {
        Signal::derive(move || {
            figure.with(|f| cite(f, &pinned_view_url(f), &portal_browser::today()))
        })
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
                                <select class="embed-theme" on:change=move |ev| theme.set(Theme::parse(&event_target_value(&ev)))>
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
