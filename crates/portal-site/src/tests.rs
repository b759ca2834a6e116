use std::collections::BTreeSet;

use super::*;

mod feeds;
mod files;
mod open_data;
mod pages;
mod previews;
mod readings;

/// The bundled data (`public/data/`, as `dist/data/` will hold it).
pub(crate) fn site() -> Site {
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    publish::read_site(&public, "https://example.org/plan").expect("the bundled data")
}

const TRUNK: &str = r#"<!doctype html>
<html lang="zh-CN">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <meta charset="utf-8" />
    <!-- a note -->
    <link rel="stylesheet" href="./main-1.css" integrity="sha384-x"/>
    <script type="module" src="./boot-1.js" integrity="sha384-y"></script>
  </head>
  <body><p>ignored</p></body>
</html>"#;

fn template() -> Template {
    Template::parse(TRUNK).expect("template")
}

/// The text between `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let to = html[from..].find(end)? + from;
    Some(&html[from..to])
}

fn one_of_each_kind(site: &Site) -> Vec<Route> {
    let plan = &site.plan;
    vec![
        Route::Overview,
        Route::Indicator(plan.indicators[0].id.clone()),
        Route::Task(plan.tasks[0].id.clone()),
        Route::District(plan.districts[4].id.clone()),
        Route::Department(plan.departments[0].id.clone()),
        Route::Data,
        Route::Commitments,
        Route::Embed(FigureId::DistrictHeatmap),
        Route::Embed(FigureId::IndicatorTrend(plan.indicators[0].id.clone())),
    ]
}

/// A copy of the bundled data as a built `dist/`: Trunk's page and `data/`.
fn built_copy(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("portal-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    portal_harness::copy_dir(&public, &dir.join("data"));
    std::fs::write(dir.join("index.html"), TRUNK).expect("index.html");
    dir
}
