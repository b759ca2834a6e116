//! Data and methods: how completion and status are computed (with the
//! thresholds of the current release), the dataset's core facts (as a
//! public-data platform files them), the files to download with their sizes
//! and SHA-256, the release as CSV tables with its open-data descriptions
//! (Data Package, CSVW, DCAT), every release, the licence and the plan's
//! original text.

use leptos::prelude::*;
use plan_model::release::{Manifest, RELEASES_DIR, ReleaseSummary};
use plan_model::{Lang, ProgressDocument};

use crate::context::{use_lang, use_plan, use_portal};
use crate::data::DATA_DIR;
use crate::ui::{DataLink, DataTable, DataText, Loaded, PageTitle, SampleNotice};
use portal_view::locale::tr;

/// The data and methods page.
#[component]
pub fn DataPage() -> impl IntoView {
    let (doc, lang) = (use_plan(), use_lang());
    let progress = use_portal().progress;
    let manifest = crate::data::manifest();
    let releases = crate::data::release_index();
    let licence = doc.plan.licence.clone();
    let original = format!("{DATA_DIR}/{}", doc.plan.original_text);
    view! {
        <article class="data-page">
            <PageTitle what=tr!(lang, nav_data) description=tr!(lang, methods_heading) lang=lang />
            <h1>{tr!(lang, nav_data)}</h1>
            <Loaded resource=progress lang=lang ok=move |data| view! { <Methods data=data lang=lang /> } />
            <Loaded resource=progress lang=lang ok=move |data| view! { <AboutDataset data=data lang=lang /> } />
            <section class="card" aria-labelledby="downloads-heading">
                <h2 id="downloads-heading">{tr!(lang, downloads_heading)}</h2>
                <Loaded resource=manifest lang=lang ok=move |m| view! { <Downloads manifest=m lang=lang /> } />
            </section>
            <Loaded resource=progress lang=lang ok=move |data| view! { <OpenData data=data lang=lang /> } />
            <section class="card" aria-labelledby="releases-heading">
                <h2 id="releases-heading">{tr!(lang, releases_heading)}</h2>
                <Loaded resource=releases lang=lang ok=move |list| view! { <Releases list=list lang=lang /> } />
            </section>
            <section class="card" aria-labelledby="licence-heading">
                <h2 id="licence-heading">{tr!(lang, licence_heading)}</h2>
                <p>
                    {tr!(lang, data_licence)} " "
                    <DataLink url=licence.url.clone() text=licence.name.clone() rel="license" />
                    ". " {licence.note.get(lang).to_owned()}
                </p>
                <p>
                    <a href=original hreflang="zh-CN">{tr!(lang, original_text_link)}</a>
                </p>
            </section>
        </article>
    }
}

/// How the numbers are computed, with this release's thresholds.
#[component]
fn Methods(data: std::sync::Arc<ProgressDocument>, lang: Lang) -> impl IntoView {
    let t = data.thresholds.clone();
    let changelog = data
        .release
        .changelog
        .iter()
        .map(|e| {
            view! {
                <li>
                    <strong>{e.version.clone()}</strong> " · " <time datetime=e.date.clone()>{e.date.clone()}</time>
                    " · " <DataText text=e.notes.clone() lang=lang />
                </li>
            }
        })
        .collect_view();
    view! {
        {data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <section class="card methods" aria-labelledby="methods-heading">
            <h2 id="methods-heading">{tr!(lang, methods_heading)}</h2>
            <ul>
                <li>{tr!(lang, method_completion)}</li>
                <li>{tr!(lang, method_expected)}</li>
                <li>
                    {tr!(lang, method_status)} " "
                    <span class="threshold">{tr!(lang, method_band_on_schedule)} " " {t.behind_points} " " {tr!(lang, points)}</span>
                    "; "
                    <span class="threshold">{tr!(lang, method_band_behind)} " " {t.seriously_behind_points} " " {tr!(lang, points)}</span>
                    "; " {tr!(lang, method_band_seriously)}
                </li>
                <li>{tr!(lang, method_tolerance)} " ±" {t.about_tolerance_percent} "%"</li>
                <li>{tr!(lang, method_no_data)}</li>
                <li>{tr!(lang, method_roll_up)}</li>
                <li>{tr!(lang, method_ranking)}</li>
            </ul>
            <p>{tr!(lang, method_thresholds_file)}</p>
        </section>
        <section class="card changelog-section" aria-labelledby="changelog-heading">
            <h2 id="changelog-heading">{tr!(lang, changelog_heading)}</h2>
            <ul class="changelog">{changelog}</ul>
        </section>
    }
}

/// The dataset's core facts, as a public-data platform files them: name,
/// summary, provider, dates, update cycle, formats, version, licence.
#[component]
fn AboutDataset(data: std::sync::Arc<ProgressDocument>, lang: Lang) -> impl IntoView {
    use portal_view::open_data::{dataset_title, release_cadence, release_words};
    let doc = use_plan();
    let release = &data.release;
    let summary = release.summary();
    let releases = crate::data::release_index();
    let cadence = move || {
        let list = releases.now.get().and_then(Result::ok).unwrap_or_default();
        release_cadence(&list, &data).words(lang)
    };
    let licence = doc.plan.licence.clone();
    let row = |term: &'static str, detail: AnyView| view! { <dt>{term}</dt> <dd>{detail}</dd> };
    view! {
        <section class="card about-dataset" aria-labelledby="dataset-heading">
            <h2 id="dataset-heading">{tr!(lang, meta_heading)}</h2>
            <dl class="plan-meta facts">
                {row(tr!(lang, meta_name), dataset_title(&doc, summary.sample, lang).into_any())}
                {row(tr!(lang, meta_summary), release_words(&summary, lang).into_any())}
                {row(tr!(lang, meta_provider), doc.plan.issuer.get(lang).to_owned().into_any())}
                {row(tr!(lang, meta_published), view! { <time datetime=summary.published.clone()>{summary.published.clone()}</time> }.into_any())}
                {row(tr!(lang, meta_as_of), view! { <time datetime=summary.as_of.clone()>{summary.as_of.clone()}</time> }.into_any())}
                {row(tr!(lang, meta_cadence), cadence.into_any())}
                {row(tr!(lang, meta_format), "JSON, CSV (UTF-8)".into_any())}
                {row(tr!(lang, meta_version), summary.version.clone().into_any())}
                {row(tr!(lang, meta_licence), view! { <DataLink url=licence.url.clone() text=licence.name.clone() rel="license" /> }.into_any())}
            </dl>
        </section>
    }
}

/// The current release as CSV tables, with the files that describe it for
/// data tools: its Data Package, its tables' CSVW metadata and the site's
/// DCAT catalog of every release.
#[component]
fn OpenData(data: std::sync::Arc<ProgressDocument>, lang: Lang) -> impl IntoView {
    use plan_model::release::{CATALOG_FILE, CSVW_FILE, PACKAGE_FILE, TABLES_DIR};
    let doc = use_plan();
    let folder = format!("{DATA_DIR}/{RELEASES_DIR}/{}", data.release.version);
    let tables = portal_view::open_data::tables::tables(&doc, &data);
    let rows = tables
        .into_iter()
        .map(|t| {
            let file = t.file();
            let href = format!("{folder}/{TABLES_DIR}/{file}");
            view! {
                <tr>
                    <th scope="row"><a href=href download=file.clone()>{file.clone()}</a></th>
                    <td class="text-cell">{t.title.get(lang).to_owned()}</td>
                    <td>{t.rows.len().to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let described = [
        (format!("{folder}/{PACKAGE_FILE}"), tr!(lang, open_data_package)),
        (format!("{folder}/{TABLES_DIR}/{CSVW_FILE}"), tr!(lang, open_data_csvw)),
        (format!("{DATA_DIR}/{CATALOG_FILE}"), tr!(lang, open_data_catalog)),
    ]
    .into_iter()
    .map(|(href, what)| view! { <li><a href=href.clone()>{what}</a> " " <code>{href.clone()}</code></li> })
    .collect_view();
    view! {
        <section class="card open-data" aria-labelledby="open-data-heading">
            <h2 id="open-data-heading">{tr!(lang, open_data_heading)}</h2>
            <p>{tr!(lang, open_data_intro)}</p>
            <ul class="described">{described}</ul>
            <DataTable caption=tr!(lang, open_data_tables_caption) headers=vec![tr!(lang, col_file).to_owned(), tr!(lang, col_table).to_owned(), tr!(lang, col_rows).to_owned()] class="open-tables">
                {rows}
            </DataTable>
        </section>
    }
}

/// Files of the current release with size and hash.
#[component]
fn Downloads(manifest: Manifest, lang: Lang) -> impl IntoView {
    let folder = format!("{DATA_DIR}/{RELEASES_DIR}/{}", manifest.version);
    let rows = manifest
        .files
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">
                        <a href=format!("{DATA_DIR}/{}", f.path) download=f.path.clone()>{f.path.clone()}</a>
                    </th>
                    <td>{f.bytes.to_string()}</td>
                    <td class="text-cell"><code class="hash">{f.sha256.clone()}</code></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>
            {tr!(lang, release_version)} " " {manifest.version.clone()} " · " {tr!(lang, published)} " "
            {manifest.published.clone()} " · " {tr!(lang, as_of)} " " {manifest.as_of.clone()}
        </p>
        <p>
            {tr!(lang, verify_downloads)} " "
            <code>"sha256sum -c SHA256SUMS"</code>
            " (" <a href=format!("{folder}/SHA256SUMS")>"SHA256SUMS"</a> ")"
        </p>
        <DataTable caption=tr!(lang, downloads_caption) headers=vec![tr!(lang, col_file).to_owned(), tr!(lang, col_bytes).to_owned(), "SHA-256".to_owned()] class="downloads">
            {rows}
        </DataTable>
    }
}

/// Every published release, newest first, each with its frozen folder.
#[component]
fn Releases(list: Vec<ReleaseSummary>, lang: Lang) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|r| {
            let manifest = format!("{DATA_DIR}/{RELEASES_DIR}/{}/manifest.json", r.version);
            view! {
                <tr>
                    <th scope="row">{r.version.clone()}</th>
                    <td>{r.published.clone()}</td>
                    <td>{r.as_of.clone()}</td>
                    <td class="text-cell">{if r.sample { tr!(lang, sample_data) } else { tr!(lang, official_data) }}</td>
                    <td><a href=manifest>{tr!(lang, manifest_link)}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=tr!(lang, releases_caption) headers=vec![tr!(lang, col_version).to_owned(), tr!(lang, published).to_owned(), tr!(lang, as_of).to_owned(), tr!(lang, col_kind).to_owned(), tr!(lang, manifest_link).to_owned()] class="releases">
            {rows}
        </DataTable>
    }
}
