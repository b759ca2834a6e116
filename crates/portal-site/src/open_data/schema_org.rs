//! What a page says of its data in schema.org terms (JSON-LD in its head),
//! for dataset search engines: the overview is the `DataCatalog`, the data
//! page the release's `Dataset` (every file a `DataDownload` with its size
//! and SHA-256, every indicator a variable measured), and each indicator's
//! page the `Dataset` of its figures. Sample figures say so in the name
//! and the description.

use plan_model::Lang;
use serde_json::{Value, json};

use super::{CSV_DIR, Described, dataset_title, release_folder, release_words};
use crate::{Page, Site};
use portal_view::locale::tr;
use portal_view::url::{Location, Route};

/// The page's JSON-LD, for the pages that describe data.
pub fn for_page(site: &Site, page: &Page) -> Option<Value> {
    let lang = page.lang;
    match &page.route {
        Route::Overview => Some(catalog(site, lang)),
        Route::Data => Some(release_dataset(site, lang)),
        Route::Indicator(id) => indicator_dataset(site, lang, id),
        _ => None,
    }
}

/// A JSON-LD document as the text of a `<script type="application/ld+json">`:
/// `<`, `>` and `&` written as `\u003c` and so on (valid JSON, the same
/// data), so no text from the data can close the element.
pub fn script_text(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn page_url(site: &Site, lang: Lang, route: &Route) -> String {
    format!("{}{}", site.url, Location::page_path(lang, route))
}

fn organisation(site: &Site, lang: Lang) -> Value {
    json!({ "@type": "Organization", "name": site.plan.plan.issuer.get(lang) })
}

fn place(lang: Lang) -> Value {
    json!({ "@type": "Place", "name": tr!(lang, open_data_place) })
}

/// The current release's first and last dates, as schema.org writes a span.
fn temporal(site: &Site) -> Option<String> {
    super::covered(&site.progress).map(|(first, last)| format!("{first}/{last}"))
}

fn download(site: &Site, file: &Described) -> Value {
    let folder = release_folder(&site.progress.release.version);
    json!({
        "@type": "DataDownload",
        "name": file.path,
        "encodingFormat": file.media_type(),
        "contentUrl": format!("{}{folder}{}", site.url, file.path),
        "contentSize": format!("{} B", file.bytes),
        "sha256": file.sha256,
    })
}

fn data_dataset_id(site: &Site, lang: Lang) -> String {
    format!("{}#dataset", page_url(site, lang, &Route::Data))
}

/// What every dataset of this site says of itself.
fn common(site: &Site, lang: Lang) -> Value {
    let release = &site.progress.release;
    let mut common = json!({
        "inLanguage": lang.tag(),
        "license": site.plan.plan.licence.url,
        "isAccessibleForFree": true,
        "creator": organisation(site, lang),
        "version": release.version,
        "datePublished": release.published,
        "spatialCoverage": place(lang),
        "keywords": super::keywords(&site.plan),
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": tr!(lang, site_name),
            "url": page_url(site, lang, &Route::Overview),
        },
    });
    if let Some(span) = temporal(site) {
        common["temporalCoverage"] = json!(span);
    }
    common
}

fn merged(mut base: Value, extra: Value) -> Value {
    if let (Some(base), Value::Object(extra)) = (base.as_object_mut(), extra) {
        base.extend(extra);
    }
    base
}

fn catalog(site: &Site, lang: Lang) -> Value {
    let release = &site.progress.release;
    json!({
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "name": tr!(lang, site_name),
        "description": site.plan.plan.title.get(lang),
        "url": page_url(site, lang, &Route::Overview),
        "inLanguage": lang.tag(),
        "publisher": organisation(site, lang),
        "license": site.plan.plan.licence.url,
        "dataset": [{
            "@type": "Dataset",
            "@id": data_dataset_id(site, lang),
            "name": dataset_title(&site.plan, release.sample, lang),
            "url": page_url(site, lang, &Route::Data),
        }],
    })
}

fn release_dataset(site: &Site, lang: Lang) -> Value {
    let release = &site.progress.release;
    let summary = release.summary();
    let variables: Vec<Value> = site
        .plan
        .indicators
        .iter()
        .map(|i| {
            json!({
                "@type": "PropertyValue",
                "propertyID": i.id,
                "name": i.name.get(lang),
                "unitText": i.unit.get(lang),
            })
        })
        .collect();
    let downloads: Vec<Value> = site.open_files().iter().map(|f| download(site, f)).collect();
    merged(
        common(site, lang),
        json!({
            "@context": "https://schema.org",
            "@type": "Dataset",
            "@id": data_dataset_id(site, lang),
            "name": dataset_title(&site.plan, release.sample, lang),
            "description": format!("{} · {}", site.plan.plan.title.get(lang), release_words(&summary, lang)),
            "url": page_url(site, lang, &Route::Data),
            "identifier": format!("{}{}", site.url, release_folder(&release.version)),
            "variableMeasured": variables,
            "distribution": downloads,
        }),
    )
}

fn indicator_dataset(site: &Site, lang: Lang, id: &str) -> Option<Value> {
    let indicator = site.plan.indicator(id)?;
    let release = &site.progress.release;
    let route = Route::Indicator(id.to_owned());
    let mut description = format!(
        "{}: {} {}",
        indicator.name.get(lang),
        tr!(lang, open_data_target_words),
        indicator.source_text
    );
    if release.sample {
        description.push_str(" · ");
        description.push_str(tr!(lang, open_data_sample_note));
    }
    let wanted = [format!("{CSV_DIR}/observations.csv"), format!("{CSV_DIR}/indicator-status.csv")];
    let downloads: Vec<Value> = site
        .open_files()
        .iter()
        .filter(|f| wanted.contains(&f.path))
        .map(|f| download(site, f))
        .collect();
    let name = if release.sample {
        format!("{} · {}", indicator.name.get(lang), tr!(lang, sample_data))
    } else {
        indicator.name.get(lang).to_owned()
    };
    Some(merged(
        common(site, lang),
        json!({
            "@context": "https://schema.org",
            "@type": "Dataset",
            "@id": format!("{}#dataset", page_url(site, lang, &route)),
            "name": name,
            "description": description,
            "url": page_url(site, lang, &route),
            "identifier": indicator.id,
            "isPartOf": { "@id": data_dataset_id(site, lang) },
            "variableMeasured": {
                "@type": "PropertyValue",
                "propertyID": indicator.id,
                "name": indicator.name.get(lang),
                "unitText": indicator.unit.get(lang),
                "description": indicator.source_text,
            },
            "distribution": downloads,
        }),
    ))
}
