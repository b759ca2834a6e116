//! Open-data metadata, written with every publish from the releases'
//! frozen files, so the tool and the studio write the same bytes: each
//! release as CSV tables (`data/releases/<version>/csv/`), described by a
//! Frictionless Data Package (`datapackage.json`) and by CSVW metadata
//! (`csv/csv-metadata.json`); the whole as a DCAT-AP catalog with the
//! releases as a dataset series (`data/catalog.jsonld`); and the schema.org
//! markup of the pages (`schema_org`). Every file is described with its size
//! and SHA-256, and sample data says so in every description.

mod dcat;
mod package;
pub mod schema_org;
mod tiles;

use plan_model::release::{ManifestFile, RELEASES_DIR};

use crate::Site;
use crate::feed::Published;
use portal_ui::data::DATA_DIR;
pub use portal_view::open_data::{
    Cadence, covered, dataset_title, keywords, release_cadence, release_words, tables,
};

pub use plan_model::release::{CATALOG_FILE, CSVW_FILE, PACKAGE_FILE, TABLES_DIR as CSV_DIR};

/// A file of a release, as its descriptions name it.
#[derive(Debug, Clone)]
pub struct Described {
    /// Its path from the release's folder (`plan.json`, `csv/indicators.csv`).
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// Its SHA-256, lower-case hex.
    pub sha256: String,
}

impl Described {
    /// A file's description from its path and bytes.
    pub fn of(path: String, bytes: &[u8]) -> Self {
        let sha256 = plan_publish::release::sha256_hex(bytes);
        Described { path, bytes: bytes.len() as u64, sha256 }
    }

    /// Its media type, from its extension.
    pub fn media_type(&self) -> &'static str {
        media_type(&self.path)
    }

    /// Its format, as Data Packages and DCAT name it (`json`, `csv`).
    pub fn format(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or_default()
    }
}

/// A media type from a file's extension.
pub fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("json") => "application/json",
        Some("csv") => "text/csv",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    }
}

/// One release with its files: the frozen ones its manifest lists and its
/// tables.
pub struct ReleaseFiles<'a> {
    /// The release.
    pub release: &'a Published,
    /// Its frozen files, as its manifest lists them.
    pub frozen: Vec<Described>,
    /// Its tables, with each one's CSV.
    pub tables: Vec<(tables::Table, Vec<u8>)>,
}

impl<'a> ReleaseFiles<'a> {
    /// The release's files and tables.
    pub fn of(release: &'a Published) -> Self {
        let frozen = release
            .files
            .iter()
            .map(|f: &ManifestFile| Described {
                path: f.path.clone(),
                bytes: f.bytes,
                sha256: f.sha256.clone(),
            })
            .collect();
        let tables = tables::tables(&release.plan, &release.progress)
            .into_iter()
            .map(|t| {
                let csv = t.csv();
                (t, csv)
            })
            .collect();
        ReleaseFiles { release, frozen, tables }
    }

    /// The folder's path from the site's root, ending in `/`.
    pub fn folder(&self) -> String {
        release_folder(&self.release.summary.version)
    }

    /// Every file the descriptions list: the frozen ones, then the tables.
    pub fn described(&self) -> Vec<Described> {
        let tables = self
            .tables
            .iter()
            .map(|(t, csv)| Described::of(format!("{CSV_DIR}/{}", t.file()), csv));
        self.frozen.iter().cloned().chain(tables).collect()
    }
}

/// `data/releases/<version>/`.
pub fn release_folder(version: &str) -> String {
    format!("{DATA_DIR}/{RELEASES_DIR}/{version}/")
}

/// Every open-data file of the site: each release's tables, Data Package
/// and CSVW metadata, the catalog of all of them, and the districts' tile
/// map layout.
pub fn files(site: &Site, history: &[Published]) -> Vec<(String, Vec<u8>)> {
    let releases: Vec<ReleaseFiles<'_>> = history.iter().map(ReleaseFiles::of).collect();
    let mut out = Vec::new();
    for release in &releases {
        let folder = release.folder();
        for (table, csv) in &release.tables {
            out.push((format!("{folder}{CSV_DIR}/{}", table.file()), csv.clone()));
        }
        out.push((format!("{folder}{PACKAGE_FILE}"), package::data_package(site, release)));
        out.push((format!("{folder}{CSV_DIR}/{CSVW_FILE}"), package::csvw(site, release)));
    }
    out.push((format!("{DATA_DIR}/{CATALOG_FILE}"), dcat::catalog(site, &releases)));
    out.extend(tiles::files(&site.plan));
    out
}

/// JSON as it is written to a file: pretty, with a final line break.
fn pretty(value: &serde_json::Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}
