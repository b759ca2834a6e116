//! The open-data files, read back by third-party readers
//! (`tests/read_open_data.py`: frictionless, csvw, pyld, extruct) and
//! checked against the model.

use super::*;
use plan_model::release::ReleaseSummary;

/// What the readers found in a published copy of the bundled data.
fn read_back(dist: &std::path::Path, url: &str, pages: &[&str]) -> serde_json::Value {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/read_open_data.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(dist)
        .arg(url)
        .args(pages)
        .output()
        .expect("python3 runs (scripts/setup.sh installs frictionless, csvw, pyld and extruct)");
    assert!(out.status.success(), "the readers failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("the readers' JSON")
}

#[test]
fn every_release_is_a_valid_data_package_csvw_and_dcat_dataset_with_true_checksums() {
    let dist = built_copy("open-data");
    let url = "https://example.org/plan/";
    publish::publish(&dist, Some(url)).expect("published");
    let pages = [
        "zh/index.html",
        "zh/data/index.html",
        "en/data/index.html",
        "en/indicator/ai-enterprises/index.html",
        "zh/task/ai-core-industry/index.html",
    ];
    let found = read_back(&dist, url, &pages);
    // The contact point is the feedback channel the plan names (the 12345 hotline).
    let catalog: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dist.join("data/catalog.jsonld")).expect("catalog"))
            .expect("json");
    let series = catalog["@graph"]
        .as_array()
        .expect("graph")
        .iter()
        .find(|n| n["@type"] == "dcat:DatasetSeries")
        .expect("the series");
    assert_eq!(series["dcat:contactPoint"][0]["vcard:hasTelephone"]["@id"], "tel:12345");
    assert_eq!(catalog["@context"]["vcard"], "http://www.w3.org/2006/vcard/ns#");
    let index: Vec<ReleaseSummary> = serde_json::from_slice(
        &std::fs::read(dist.join("data/releases/index.json")).expect("index"),
    )
    .expect("index");
    assert!(index.len() >= 2, "the bundled data has two releases");
    let mut distributions = 0;
    for release in &index {
        let v = &release.version;
        let folder = dist.join(format!("data/releases/{v}"));
        let progress: plan_model::ProgressDocument = serde_json::from_slice(
            &std::fs::read(folder.join("progress.json")).expect("frozen figures"),
        )
        .expect("figures");
        let package = &found["packages"][v];
        assert_eq!(package["valid"], true, "{v}: frictionless says {package}");
        let resources = package["resources"].as_array().expect("resources").len();
        let manifest: plan_model::release::Manifest =
            serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).expect("manifest"))
                .expect("manifest");
        assert_eq!(resources, manifest.files.len() + 9, "{v}: every file and the nine tables");
        distributions += resources;

        let csvw = &found["csvw"][v];
        assert_eq!(csvw["valid"], true, "{v}: csvwvalidate says {}", csvw["said"]);
        let rows = |table: &str| -> Vec<serde_json::Value> {
            let key = folder.join("csv").join(table).display().to_string();
            csvw["rows"][&key].as_array().cloned().unwrap_or_default()
        };
        let figures = rows("observations.csv");
        assert_eq!(figures.len(), progress.observations.len(), "{v}: one row per figure");
        for (row, figure) in figures.iter().zip(&progress.observations) {
            assert_eq!(row["indicator"], figure.indicator.as_str());
            assert_eq!(row["value"].as_f64(), Some(figure.value), "{v}: {row}");
            assert_eq!(row["sample"], progress.release.sample, "{v}: sample said in every row");
        }
        let status = rows("indicator-status.csv");
        let card = plan_model::status::Scorecard::compute(
            &serde_json::from_slice(&std::fs::read(folder.join("plan.json")).expect("plan"))
                .expect("plan"),
            &progress,
        );
        assert_eq!(status.len(), card.city.len());
        for row in &status {
            let id = row["indicator"].as_str().expect("indicator");
            let assessed = &card.city[id];
            assert_eq!(row["status_en"], assessed.status.label(Lang::En), "{v}: {id}");
        }

        let dataset = &found["catalog"]["datasets"][v];
        assert_eq!(dataset["in_series"], format!("{url}data/#series"), "{v}: in the series");
        assert_eq!(dataset["distributions"].as_u64(), Some(resources as u64), "{v}");
    }
    let catalog = &found["catalog"];
    assert_eq!(catalog["catalogs"], 1);
    assert_eq!(catalog["series"], serde_json::json!([format!("{url}data/#series")]));
    assert_eq!(catalog["checked"].as_u64(), Some(distributions as u64), "every file checked");
    assert_eq!(catalog["wrong"], serde_json::json!([]), "each checksum and size is the file's");
    let newest = &catalog["datasets"][&index[0].version];
    assert_eq!(newest["prev"], format!("{url}data/releases/{}/", index[1].version));

    let site = site();
    let described = |page: &str| found["pages"][page].as_array().cloned().unwrap_or_default();
    let overview = described("zh/index.html");
    assert_eq!(overview.len(), 1);
    assert_eq!(overview[0]["type"], serde_json::json!(["DataCatalog"]));
    for page in ["zh/data/index.html", "en/data/index.html"] {
        let data = described(page);
        assert_eq!(data[0]["type"], serde_json::json!(["Dataset"]), "{page}");
        let files = site.read_ahead.manifest.as_ref().expect("manifest").files.len();
        assert_eq!(data[0]["downloads"].as_u64(), Some(files as u64 + 9), "{page}");
        assert_eq!(data[0]["mismatched"], serde_json::json!([]), "{page}: true SHA-256");
        let ids: Vec<&str> = site.plan.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(data[0]["variables"], serde_json::json!(ids), "{page}: every indicator");
        assert_eq!(data[0]["licence"], serde_json::json!([site.plan.plan.licence.url]));
    }
    assert!(
        described("zh/data/index.html")[0]["name"].as_str().is_some_and(|n| n.contains("示例数据"))
    );
    let indicator = &described("en/indicator/ai-enterprises/index.html")[0];
    let name = indicator["name"].as_str().unwrap_or_default();
    let ai = site.plan.indicator("ai-enterprises").expect("indicator");
    assert!(name.contains(&ai.name.en) && name.contains("Sample data"), "{name}");
    assert!(indicator["description"].as_str().is_some_and(|d| d.contains(&ai.source_text)));
    assert_eq!(indicator["downloads"].as_u64(), Some(2));
    assert_eq!(indicator["mismatched"], serde_json::json!([]));
    assert!(described("zh/task/ai-core-industry/index.html").is_empty(), "a task page has none");
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn a_name_that_would_close_the_script_stays_data_in_the_json_ld() {
    let hostile = "</script><script>alert(1)</script><!--";
    let value = serde_json::json!({ "name": hostile, "a&b": "<b>" });
    let text = crate::open_data::schema_org::script_text(&value);
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
    let back: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
    assert_eq!(back, value, "the same data");
}

#[test]
fn the_tables_are_csv_a_spreadsheet_and_a_reader_take_as_written() {
    let site = site();
    let tables = crate::open_data::tables::tables(&site.plan, &site.progress);
    let commitments = tables.iter().find(|t| t.name == "commitments").expect("commitments");
    let csv = String::from_utf8(commitments.csv()).expect("UTF-8");
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark, for spreadsheet programs");
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    let names: Vec<&str> = commitments.columns.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), site.plan.commitments.len());
    for (row, commitment) in rows.iter().zip(&site.plan.commitments) {
        // The plan's words, commas, quotes and all, come back whole.
        assert_eq!(
            &row[names.iter().position(|n| *n == "source_text").expect("col")],
            commitment.source_text
        );
    }
}
