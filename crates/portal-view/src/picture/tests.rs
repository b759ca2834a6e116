use super::*;
use crate::assessed::{Assessed, bundled};
use crate::figures::{Figure, build};
use crate::url::{FigureId, Filters, Subject};
use plan_model::Lang;

fn figure(id: FigureId, lang: Lang, filters: &Filters) -> Figure {
    let (doc, data) = bundled();
    let assessed = Assessed::new(doc.clone(), data, filters.period.as_deref());
    build(&id, &doc, Some(&assessed), lang, filters).expect("the figure builds")
}

/// Each mark's tooltip: (its element name, its title text).
fn marks(svg: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|t| {
            let parent = t.parent_element()?;
            Some((parent.tag_name().name().to_owned(), t.text().unwrap_or_default().to_owned()))
        })
        .collect()
}

/// The number a title ends with ("…: 完成度 88.1" → 88.1).
fn last_number(title: &str) -> Option<f64> {
    let tail: String = title
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    tail.chars().rev().collect::<String>().parse().ok()
}

/// Every chart the bundled release can draw, in both languages: a picture
/// that is well-formed SVG of the figure's height, with a mark wherever its
/// table has a number.
#[test]
fn every_figure_is_a_well_formed_picture_with_its_marks() {
    let (doc, data) = bundled();
    let assessed = Assessed::new(doc.clone(), data, None);
    let ids = FigureId::every(|subject| match subject {
        Subject::Indicator => doc.indicators.iter().map(|i| i.id.clone()).collect(),
        Subject::Task => doc.tasks.iter().map(|t| t.id.clone()).collect(),
        Subject::District => doc.districts.iter().map(|d| d.id.clone()).collect(),
        Subject::Department => doc.departments.iter().map(|d| d.id.clone()).collect(),
    });
    let mut drawn = 0;
    for lang in [Lang::Zh, Lang::En] {
        for id in &ids {
            let Ok(f) = build(id, &doc, Some(&assessed), lang, &Filters::default()) else {
                continue;
            };
            drawn += 1;
            let svg = f.picture();
            assert!(svg.starts_with("<svg "), "{id:?}: {svg}");
            assert!(svg.contains(&format!("height=\"{}\"", f.height.px())), "{id:?}");
            let numbers = f.table.rows.iter().flat_map(|r| &r.cells).any(|c| c.value.is_some());
            assert_eq!(!marks(&svg).is_empty(), numbers, "{id:?}: marks where there are numbers");
        }
    }
    assert!(drawn > 100, "{drawn} figures drawn");
}

/// A bar's tooltip names its row and its number, and the number is in that
/// row of the table beside the chart, as the table shows it.
#[test]
fn bars_show_the_numbers_of_their_table_rows() {
    for id in [
        FigureId::GoalTargets,
        FigureId::GoalProgress,
        FigureId::TaskProgress,
        FigureId::DistrictRanking,
    ] {
        let f = figure(id.clone(), Lang::Zh, &Filters::default());
        let bars: Vec<String> =
            marks(&f.picture()).into_iter().filter(|(k, _)| k == "rect").map(|(_, t)| t).collect();
        assert!(!bars.is_empty(), "{id:?}");
        for title in &bars {
            let row = f
                .table
                .rows
                .iter()
                .find(|r| title.starts_with(&r.cells[0].text))
                .unwrap_or_else(|| panic!("{id:?}: no table row for {title}"));
            let value = last_number(title).expect("a number");
            assert!(
                row.cells.iter().any(|c| c.value == Some(value)),
                "{id:?}: {title} is not in its row {:?}",
                row.cells.iter().map(|c| &c.text).collect::<Vec<_>>()
            );
        }
    }
}

/// Every heatmap cell is drawn, with the words its table cell has.
#[test]
fn the_heatmap_draws_every_table_cell() {
    let f = figure(FigureId::DistrictHeatmap, Lang::En, &Filters::default());
    let cells: Vec<String> =
        marks(&f.picture()).into_iter().filter(|(k, _)| k == "rect").map(|(_, t)| t).collect();
    let columns = f.table.headers.len() - 1;
    assert_eq!(cells.len(), f.table.rows.len() * columns);
    for (r, row) in f.table.rows.iter().enumerate() {
        for c in 0..columns {
            let title = &cells[r * columns + c];
            assert!(title.starts_with(&row.cells[0].text), "{title}");
            let cell = &row.cells[c + 1];
            match (cell.value, last_number(title)) {
                // The cell shows whole per cent of the figure the table shows to one decimal.
                (Some(v), Some(shown)) => assert!((shown - v).abs() <= 0.5, "{title} vs {v}"),
                (None, shown) => assert_eq!(shown, None, "{title}"),
                (Some(v), None) => panic!("{title} lacks {v}"),
            }
        }
    }
}

/// A chosen district's cells are outlined, and only when one is chosen.
#[test]
fn a_chosen_district_is_outlined() {
    let (doc, _) = bundled();
    let none = figure(FigureId::DistrictHeatmap, Lang::Zh, &Filters::default()).picture();
    assert!(!none.contains("class=\"chosen\""));
    let filters = Filters { district: Some(doc.districts[2].id.clone()), ..Filters::default() };
    let figure = figure(FigureId::DistrictHeatmap, Lang::Zh, &filters);
    let chosen = figure.picture();
    let outlined = chosen.split("class=\"chosen\"").nth(1).expect("outlines");
    let columns = figure.table.headers.len() - 1;
    assert_eq!(outlined.split("</g>").next().unwrap().matches("<rect").count(), columns);
}

/// The trend's points are the table's figures, date by date.
#[test]
fn trend_points_are_the_published_figures() {
    let (doc, data) = bundled();
    let indicator = doc
        .indicators
        .iter()
        .find(|i| {
            data.observations.iter().filter(|o| o.indicator == i.id && o.district.is_none()).count()
                > 1
        })
        .expect("an indicator with a history");
    let f = figure(FigureId::IndicatorTrend(indicator.id.clone()), Lang::Zh, &Filters::default());
    let points: Vec<String> =
        marks(&f.picture()).into_iter().filter(|(k, _)| k == "circle").map(|(_, t)| t).collect();
    assert!(points.len() > 1, "{points:?}");
    for title in &points {
        let date = title.split(':').next().unwrap();
        let row = f
            .table
            .rows
            .iter()
            .find(|r| r.cells.iter().any(|c| c.text == date))
            .unwrap_or_else(|| panic!("no row for {title}"));
        let value =
            title.rsplit(' ').next().unwrap().trim_end_matches(|c: char| !c.is_ascii_digit());
        let value: f64 = value.parse().expect("a number");
        assert!(row.cells.iter().any(|c| c.value == Some(value)), "{title}");
    }
}

/// Text from the data is text: names that look like markup are escaped and
/// read back exactly as written.
#[test]
fn names_from_the_data_stay_text() {
    use crate::charts::progress::{ProgressRow, ProgressView, progress_chart};
    let hostile = "<script>alert(1)</script> & \"x\"";
    let view = ProgressView {
        lang: Lang::Zh,
        rows: vec![ProgressRow {
            name: hostile.into(),
            status: plan_model::Status::Behind,
            completion: Some(40.0),
            expected: Some(50.0),
            href: None,
        }],
    };
    let svg = svg(&progress_chart(&view), 320, &[]).expect("drawn");
    assert!(!svg.contains("<script"));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    let texts: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(hostile), "{texts}");
}

#[test]
fn long_labels_are_cut_with_their_whole_text_as_tooltip() {
    assert_eq!(fit("短", 100.0), "短");
    let cut = fit("Kunshan Economic and Technological Development Zone", 100.0);
    assert!(cut.ends_with('…') && text_px(&cut) <= 100.0, "{cut}");
    let mut out = String::new();
    label(&mut out, "x=\"0\"", "Kunshan Economic and Technological Development Zone", 100.0);
    assert!(out.contains("<title>Kunshan Economic and Technological Development Zone</title>"));
    // The status after the name stays whole: it is never told by colour alone.
    let mut out = String::new();
    label(
        &mut out,
        "x=\"0\"",
        "Kunshan Economic and Technological Development Zone  ▲ Behind",
        150.0,
    );
    assert!(out.matches("…  ▲ Behind</text>").count() >= 2, "{out}");
    assert!(!out.contains("Zone  ▲ Behind</text>") || out.contains("class=\"x\""), "{out}");
}

#[test]
fn numbers_are_short() {
    assert_eq!(num(12.0), "12");
    assert_eq!(num(35.294), "35.29");
    assert_eq!(num(-0.001), "0");
    assert_eq!(num(0.5), "0.5");
}
