//! The site's data as a DCAT catalog (DCAT-AP 3, JSON-LD with its context
//! inline, so a reader needs nothing from elsewhere): each release a
//! dataset in one dataset series, each of its files a distribution with its
//! size, media type and SHA-256.

use plan_model::Lang;
use plan_model::plan::ChannelKind;
use serde_json::{Value, json};

use super::{
    CATALOG_FILE, ReleaseFiles, dataset_title, keywords, pretty, release_cadence, release_words,
};
use crate::Site;
use portal_ui::data::DATA_DIR;
use portal_view::locale::tr;
use portal_view::url::{Location, Route};

/// Text in both languages, as JSON-LD language-tagged values.
fn both(zh: &str, en: &str) -> Value {
    json!([{ "@value": zh, "@language": "zh" }, { "@value": en, "@language": "en" }])
}

fn date(day: &str) -> Value {
    json!({ "@value": day, "@type": "xsd:date" })
}

/// `data/catalog.jsonld`.
pub(super) fn catalog(site: &Site, releases: &[ReleaseFiles<'_>]) -> Vec<u8> {
    let url = &site.url;
    let plan = &site.plan.plan;
    let catalog_id = format!("{url}{DATA_DIR}/{CATALOG_FILE}");
    let series_id = format!("{url}{DATA_DIR}/#series");
    let publisher = json!({
        "@type": "foaf:Agent",
        "foaf:name": both(&plan.issuer.zh, &plan.issuer.en),
    });
    let licence = json!({ "@id": plan.licence.url });
    // Where readers answer back (`plan.feedback`, the pages' feedback links),
    // as DCAT-AP's contact point; none named, none said.
    let contact: Vec<Value> = plan
        .feedback
        .iter()
        .filter_map(|channel| {
            let (property, href) = match channel.kind {
                ChannelKind::Phone => ("vcard:hasTelephone", channel.href("")?),
                ChannelKind::Email => {
                    ("vcard:hasEmail", format!("mailto:{}", channel.address.trim()))
                }
                ChannelKind::Web => ("vcard:hasURL", channel.href("")?),
            };
            Some(json!({
                "@type": "vcard:Kind",
                "vcard:fn": both(&channel.name.zh, &channel.name.en),
                property: { "@id": href },
            }))
        })
        .collect();
    let contact = (!contact.is_empty()).then_some(contact);
    let spatial = json!({
        "@type": "dct:Location",
        "locn:geographicName": both(tr!(Lang::Zh, open_data_place), tr!(Lang::En, open_data_place)),
    });
    let release_id = |r: &ReleaseFiles<'_>| format!("{url}{}", r.folder());
    let mut graph = vec![
        json!({
            "@id": catalog_id,
            "@type": "dcat:Catalog",
            "dct:title": both(tr!(Lang::Zh, site_name), tr!(Lang::En, site_name)),
            "dct:description": both(&plan.title.zh, &plan.title.en),
            "dct:publisher": publisher,
            "foaf:homepage": { "@id": url },
            "dct:language": [
                { "@id": "http://publications.europa.eu/resource/authority/language/ZHO" },
                { "@id": "http://publications.europa.eu/resource/authority/language/ENG" },
            ],
            "dct:license": licence,
            "dct:modified": releases.first().map(|r| date(&r.release.summary.published)),
            "dcat:dataset": std::iter::once(json!({ "@id": series_id }))
                .chain(releases.iter().map(|r| json!({ "@id": release_id(r) })))
                .collect::<Vec<_>>(),
        }),
        json!({
            "@id": series_id,
            "@type": "dcat:DatasetSeries",
            "dct:title": both(&dataset_title(&site.plan, false, Lang::Zh), &dataset_title(&site.plan, false, Lang::En)),
            "dct:description": both(tr!(Lang::Zh, open_data_series), tr!(Lang::En, open_data_series)),
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:accrualPeriodicity": { "@id": release_cadence(site.read_ahead.releases.as_deref().unwrap_or_default(), &site.progress).eu_frequency() },
            "dct:spatial": spatial,
            "dcat:keyword": keywords(&site.plan),
            "dcat:first": releases.last().map(|r| json!({ "@id": release_id(r) })),
            "dcat:last": releases.first().map(|r| json!({ "@id": release_id(r) })),
        }),
    ];
    for (at, release) in releases.iter().enumerate() {
        let summary = &release.release.summary;
        let id = release_id(release);
        let distributions: Vec<Value> = release
            .described()
            .iter()
            .map(|f| {
                let address = format!("{id}{}", f.path);
                json!({
                    "@id": address,
                    "@type": "dcat:Distribution",
                    "dct:title": f.path,
                    "dcat:accessURL": { "@id": format!("{url}{}", Location::page_path(Lang::Zh, &Route::Data)) },
                    "dcat:downloadURL": { "@id": address },
                    "dcat:mediaType": { "@id": format!("https://www.iana.org/assignments/media-types/{}", f.media_type()) },
                    "dcat:byteSize": { "@value": f.bytes.to_string(), "@type": "xsd:nonNegativeInteger" },
                    "spdx:checksum": {
                        "@type": "spdx:Checksum",
                        "spdx:algorithm": { "@id": "spdx:checksumAlgorithm_sha256" },
                        "spdx:checksumValue": { "@value": f.sha256, "@type": "xsd:hexBinary" },
                    },
                    "dct:license": licence,
                })
            })
            .collect();
        let mut dataset = json!({
            "@id": id,
            "@type": "dcat:Dataset",
            "dct:identifier": summary.version,
            "dcat:version": summary.version,
            "dct:title": both(&dataset_title(&site.plan, summary.sample, Lang::Zh), &dataset_title(&site.plan, summary.sample, Lang::En)),
            "dct:description": both(&release_words(summary, Lang::Zh), &release_words(summary, Lang::En)),
            "dct:issued": date(&summary.published),
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:spatial": spatial,
            "dcat:keyword": keywords(&site.plan),
            "dct:license": licence,
            "dcat:inSeries": { "@id": series_id },
            "dcat:landingPage": { "@id": format!("{url}{}", Location::page_path(Lang::Zh, &Route::Data)) },
            "dcat:distribution": distributions,
        });
        if let Some((first, last)) = super::covered(&release.release.progress) {
            dataset["dct:temporal"] = json!({
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": date(&first),
                "dcat:endDate": date(&last),
            });
        }
        // Newest first: the one after in the list is the one before in time.
        if let Some(before) = releases.get(at + 1) {
            dataset["dcat:prev"] = json!({ "@id": release_id(before) });
        }
        graph.push(dataset);
    }
    let document = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "locn": "http://www.w3.org/ns/locn#",
            "spdx": "http://spdx.org/rdf/terms#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": graph,
    });
    pretty(&document)
}
