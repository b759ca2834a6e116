//! A release described for data tools: a Frictionless Data Package (v2)
//! over its frozen files and its tables, and CSVW metadata for the tables.
//! Both read the tables' own column descriptions (`tables`).

use plan_model::Lang;
use serde_json::{Value, json};

use super::tables::{Column, Kind, Table};
use super::{CSV_DIR, ReleaseFiles, dataset_title, pretty, release_words};
use crate::Site;

/// The Data Package profile this follows.
const PACKAGE_PROFILE: &str = "https://datapackage.org/profiles/2.0/datapackage.json";
/// The Table Schema profile.
const SCHEMA_PROFILE: &str = "https://datapackage.org/profiles/2.0/tableschema.json";

fn field_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "string",
        Kind::Integer => "integer",
        Kind::Number => "number",
        Kind::Date => "date",
        Kind::Boolean => "boolean",
    }
}

/// A column's title in both languages, Chinese first.
fn both(column: &Column) -> String {
    format!("{} / {}", column.zh, column.en)
}

/// The licence as a Data Package names it.
fn licence(site: &Site) -> Value {
    let licence = &site.plan.plan.licence;
    json!({ "path": licence.url, "title": licence.name })
}

/// The release in words, in both languages (sample figures say so).
fn description(release: &ReleaseFiles<'_>) -> String {
    let summary = &release.release.summary;
    format!("{}\n\n{}", release_words(summary, Lang::Zh), release_words(summary, Lang::En))
}

/// A table's schema: its fields, key and references.
fn table_schema(table: &Table) -> Value {
    let fields: Vec<Value> = table
        .columns
        .iter()
        .map(|c| {
            let mut field = json!({
                "name": c.name,
                "type": field_type(c.kind),
                "title": both(c),
            });
            let unique = table.key == [c.name];
            if c.required || unique {
                let mut constraints = json!({});
                if c.required {
                    constraints["required"] = json!(true);
                }
                if unique {
                    constraints["unique"] = json!(true);
                }
                field["constraints"] = constraints;
            }
            field
        })
        .collect();
    let mut schema = json!({
        "$schema": SCHEMA_PROFILE,
        "fields": fields,
        "missingValues": [""],
    });
    if !table.key.is_empty() {
        schema["primaryKey"] = json!(table.key);
    }
    if !table.references.is_empty() {
        schema["foreignKeys"] = table
            .references
            .iter()
            .map(|r| {
                json!({
                    "fields": [r.column],
                    "reference": { "resource": r.table, "fields": [r.key] },
                })
            })
            .collect();
    }
    schema
}

/// `datapackage.json` for a release's folder.
pub(super) fn data_package(site: &Site, release: &ReleaseFiles<'_>) -> Vec<u8> {
    let summary = &release.release.summary;
    let mut resources: Vec<Value> = release
        .frozen
        .iter()
        .map(|f| {
            // A file, not a table: read as JSON, a data tool takes a JSON
            // file with a `tasks` list for one of its own descriptors.
            json!({
                "name": f.path.to_lowercase(),
                "type": "file",
                "path": f.path,
                "format": f.format(),
                "mediatype": f.media_type(),
                "encoding": "utf-8",
                "bytes": f.bytes,
                "hash": format!("sha256:{}", f.sha256),
            })
        })
        .collect();
    for ((table, _), file) in
        release.tables.iter().zip(release.described().iter().skip(release.frozen.len()))
    {
        resources.push(json!({
            "name": table.name,
            "type": "table",
            "path": file.path,
            "title": format!("{} / {}", table.title.zh, table.title.en),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": file.bytes,
            "hash": format!("sha256:{}", file.sha256),
            "schema": table_schema(table),
        }));
    }
    let plan = &site.plan.plan;
    let package = json!({
        "$schema": PACKAGE_PROFILE,
        "name": "kunshan-ai-plan-progress",
        "id": format!("{}{}", site.url, release.folder()),
        "title": format!("{} / {}", dataset_title(&site.plan, summary.sample, Lang::Zh), dataset_title(&site.plan, summary.sample, Lang::En)),
        "description": description(release),
        "version": summary.version,
        "created": format!("{}T00:00:00+08:00", summary.published),
        "homepage": format!("{}{}", site.url, portal_view::url::Location::page_path(Lang::Zh, &portal_view::url::Route::Data)),
        "keywords": super::keywords(&site.plan),
        "licenses": [licence(site)],
        "sources": [{
            "title": format!("{} {}", plan.title.zh, plan.document_number),
            "path": format!("{}{}{}", site.url, release.folder(), plan.original_text),
        }],
        "contributors": [{ "title": plan.issuer.zh, "roles": ["creator"] }],
        "resources": resources,
    });
    pretty(&package)
}

fn datatype(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "string",
        Kind::Integer => "integer",
        Kind::Number => "double",
        Kind::Date => "date",
        Kind::Boolean => "boolean",
    }
}

/// `csv/csv-metadata.json`: the tables as a CSVW table group (W3C
/// "Metadata Vocabulary for Tabular Data"), titles in both languages.
pub(super) fn csvw(site: &Site, release: &ReleaseFiles<'_>) -> Vec<u8> {
    let summary = &release.release.summary;
    let tables: Vec<Value> = release
        .tables
        .iter()
        .map(|(table, _)| {
            let columns: Vec<Value> = table
                .columns
                .iter()
                .map(|c| {
                    json!({
                        "name": c.name,
                        "titles": { "zh": c.zh, "en": c.en },
                        "datatype": datatype(c.kind),
                        "required": c.required,
                    })
                })
                .collect();
            let mut schema = json!({ "columns": columns });
            if !table.key.is_empty() {
                schema["primaryKey"] = json!(table.key);
            }
            if !table.references.is_empty() {
                schema["foreignKeys"] = table
                    .references
                    .iter()
                    .map(|r| {
                        json!({
                            "columnReference": r.column,
                            "reference": { "resource": format!("{}.csv", r.table), "columnReference": r.key },
                        })
                    })
                    .collect();
            }
            json!({
                "url": table.file(),
                "dc:title": [
                    { "@value": table.title.zh, "@language": "zh" },
                    { "@value": table.title.en, "@language": "en" },
                ],
                "tableSchema": schema,
            })
        })
        .collect();
    let metadata = json!({
        "@context": "http://www.w3.org/ns/csvw",
        "@id": format!("{}{}{CSV_DIR}/", site.url, release.folder()),
        "dc:title": [
            { "@value": dataset_title(&site.plan, summary.sample, Lang::Zh), "@language": "zh" },
            { "@value": dataset_title(&site.plan, summary.sample, Lang::En), "@language": "en" },
        ],
        "dc:license": { "@id": site.plan.plan.licence.url },
        "dc:issued": { "@value": summary.published, "@type": "xsd:date" },
        "dialect": { "encoding": "utf-8", "header": true },
        "tables": tables,
    });
    pretty(&metadata)
}
