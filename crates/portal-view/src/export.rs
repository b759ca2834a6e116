//! What a figure becomes outside the page: CSV and JSON of its table, the
//! frame (title, source, as-of date) drawn around an exported chart image,
//! file names that say what a file holds, and citations. Pure text work,
//! tested natively; `share` does the browser side.

use plan_model::{Lang, Status};
use serde_json::{Value, json};

use crate::figures::{Cell, Figure};
pub use crate::format::xml_escape;
use crate::format::{NO_FIGURE, colon};
use crate::locale::tr;

/// Prefix of every downloaded file.
pub const FILE_PREFIX: &str = "kunshan-ai-plan";

/// `kunshan-ai-plan_<what>[_<filters>]_<as-of>.<ext>`.
pub fn file_name(figure: &Figure, ext: &str) -> String {
    let mut parts = vec![FILE_PREFIX.to_owned(), figure.id.slug()];
    let f = &figure.filters;
    for (key, value) in [("goal", &f.goal), ("task", &f.task), ("district", &f.district)] {
        if let Some(v) = value {
            parts.push(format!("{key}-{v}"));
        }
    }
    parts.push(figure.provenance.as_of.clone());
    format!("{}.{ext}", parts.join("_"))
}

/// One exported column: a table column, or half of one when its cells carry
/// both a number and a status (the heatmap), which become two columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Number,
    Status,
}

fn columns(figure: &Figure) -> Vec<(usize, Part, String)> {
    let lang = figure.lang;
    let mut out = Vec::new();
    for (i, header) in figure.table.headers.iter().enumerate() {
        let split = figure
            .table
            .rows
            .iter()
            .any(|r| r.cells.get(i).is_some_and(|c| c.status.is_some() && c.value.is_some()));
        if split {
            out.push((i, Part::Number, format!("{header} · {}", tr!(lang, col_completion))));
            out.push((i, Part::Status, format!("{header} · {}", tr!(lang, col_status))));
        } else {
            out.push((i, Part::Whole, header.clone()));
        }
    }
    out
}

fn status_text(status: Option<Status>, lang: Lang) -> Option<String> {
    status.map(|s| s.label(lang).to_owned())
}

/// A cell's exported value: its number, else its status in words, else its text;
/// `None` when there is nothing (a dash in the table).
fn cell_value(cell: &Cell, part: Part, lang: Lang) -> Value {
    let number = || cell.value.map_or(Value::Null, Value::from);
    match part {
        Part::Number => number(),
        Part::Status => status_text(cell.status, lang).map_or(Value::Null, Value::from),
        Part::Whole if cell.value.is_some() => number(),
        Part::Whole if cell.status.is_some() => {
            status_text(cell.status, lang).map_or(Value::Null, Value::from)
        }
        Part::Whole if cell.text == NO_FIGURE => Value::Null,
        Part::Whole => Value::from(cell.text.clone()),
    }
}

fn rows(figure: &Figure) -> (Vec<String>, Vec<Vec<Value>>) {
    let columns = columns(figure);
    let rows = figure
        .table
        .rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|(i, part, _)| {
                    row.cells.get(*i).map_or(Value::Null, |c| cell_value(c, *part, figure.lang))
                })
                .collect()
        })
        .collect();
    (columns.into_iter().map(|c| c.2).collect(), rows)
}

/// A CSV field: quoted when needed; text that a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
fn csv_field(value: &Value) -> String {
    let text = match value {
        Value::Null => return String::new(),
        Value::String(s) => {
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{s}")
            } else {
                s.clone()
            }
        }
        other => other.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs
/// read the Chinese correctly; CRLF line ends as RFC 4180 has them).
pub fn csv(figure: &Figure) -> String {
    let (headers, rows) = rows(figure);
    let mut out = String::from("\u{feff}");
    let header_values: Vec<Value> = headers.into_iter().map(Value::from).collect();
    for line in std::iter::once(&header_values).chain(rows.iter()) {
        let fields: Vec<String> = line.iter().map(csv_field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The table as JSON, with where it comes from: `columns` names the values
/// in each of `rows`.
pub fn json(figure: &Figure, url: &str) -> String {
    let (columns, rows) = rows(figure);
    let p = &figure.provenance;
    let value = json!({
        "title": figure.title,
        "subtitle": figure.subtitle,
        "filters": figure.filter_note,
        "plan": p.plan_title,
        "publisher": p.publisher,
        "release": p.release,
        "as_of": p.as_of,
        "sample": p.sample,
        "licence": { "name": p.licence, "url": p.licence_url },
        "url": url,
        "columns": columns,
        "rows": rows,
    });
    // Serialising a `Value` cannot fail.
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Width of text in ems, roughly: wide (CJK) characters 1, others 0.55.
fn ems(text: &str) -> f64 {
    text.chars().map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.55 }).sum()
}

/// Breaks text into lines of at most `max_ems`, at a space when one is near.
pub fn wrap(text: &str, max_ems: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        line.push(c);
        if ems(&line) > max_ems {
            let cut = line.rfind(' ').filter(|&i| i > line.len() / 2);
            let rest = match cut {
                Some(i) => line.split_off(i + 1),
                None => line.pop().map(String::from).unwrap_or_default(),
            };
            lines.push(line.trim_end().to_owned());
            line = rest;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

const FONT: &str = "'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

/// Wraps an SVG chart (ECharts' `renderToSVGString`) in a white frame with the
/// title, subtitle and filters above and the source line (publisher, release,
/// as-of date, licence, sample flag) below. All text is escaped.
pub fn framed_svg(figure: &Figure, chart_svg: &str, chart_width: u32, chart_height: u32) -> String {
    let pad = 16u32;
    let max_ems = |size: u32| f64::from(chart_width - 2 * pad) / f64::from(size);
    let mut head: Vec<(String, u32, &str, &str)> = Vec::new();
    for line in wrap(&figure.title, max_ems(20)) {
        head.push((line, 20, "700", "#1a1a1a"));
    }
    for line in wrap(&figure.subtitle, max_ems(13)) {
        head.push((line, 13, "400", "#444444"));
    }
    if let Some(note) = &figure.filter_note {
        for line in wrap(note, max_ems(13)) {
            head.push((line, 13, "400", "#444444"));
        }
    }
    let lang = figure.lang;
    let mut foot: Vec<(String, u32, &str, &str)> = Vec::new();
    if figure.provenance.sample {
        for line in wrap(tr!(lang, sample_export_note), max_ems(13)) {
            foot.push((line, 13, "700", "#8a3b00"));
        }
    }
    for line in wrap(&figure.provenance.source_line(lang), max_ems(12)) {
        foot.push((line, 12, "400", "#444444"));
    }
    let line_height = |size: u32| size * 3 / 2;
    let mut y = pad;
    let mut texts = String::new();
    let mut put = |lines: &[(String, u32, &str, &str)], y: &mut u32, class: &str| {
        for (text, size, weight, colour) in lines {
            *y += line_height(*size);
            texts.push_str(&format!(
                "<text class=\"{class}\" x=\"{pad}\" y=\"{}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{colour}\">{}</text>",
                *y - size / 3,
                xml_escape(text)
            ));
        }
    };
    put(&head, &mut y, "frame-head");
    let chart_top = y + pad / 2;
    y = chart_top + chart_height;
    put(&foot, &mut y, "frame-foot");
    let height = y + pad;
    let width = chart_width;
    // The chart keeps its own <svg> root, placed by x/y inside ours.
    let chart = chart_svg
        .trim_start()
        .strip_prefix("<svg")
        .map_or_else(String::new, |rest| format!("<svg x=\"0\" y=\"{chart_top}\"{rest}"));
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\"><title>{}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{texts}{chart}</svg>",
        xml_escape(&figure.title)
    )
}

/// Width and height of a framed SVG, read back from its root element.
pub fn frame_size(svg: &str) -> Option<(u32, u32)> {
    let attr = |name: &str| -> Option<u32> {
        let start = svg.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = svg[start..].find('"')? + start;
        svg[start..end].parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// Month names for APA dates in English.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn long_date(date: &str, lang: Lang) -> String {
    let mut parts = date.split('-').map(|p| p.parse::<usize>().ok());
    match (parts.next().flatten(), parts.next().flatten(), parts.next().flatten()) {
        (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) => {
            tr!(lang, date_long, y = y, m = m, d = d, month = MONTHS[m - 1])
        }
        _ => date.to_owned(),
    }
}

/// The author of the compiled figures: the portal (not the plan's issuer,
/// who published no progress figures).
fn author(lang: Lang) -> &'static str {
    tr!(lang, site_name)
}

/// GB/T 7714-2015 reference to a data set ([DS/OL]) with update and access dates.
pub fn cite_gbt7714(figure: &Figure, url: &str, accessed: &str) -> String {
    let lang = figure.lang;
    let p = &figure.provenance;
    let version =
        p.release.as_ref().map(|v| format!("{}{v}", tr!(lang, version_prefix))).unwrap_or_default();
    let sample = if p.sample {
        tr!(lang, cite_sample_note, what = tr!(lang, sample_not_official))
    } else {
        String::new()
    };
    let sep = colon(lang);
    format!(
        "{}. {}{sep}{}{sample}[DS/OL]. {version}. ({})[{accessed}]. {url}",
        author(lang),
        p.plan_title,
        figure.title,
        p.as_of,
    )
}

/// APA (7th edition) reference to a data set, with the retrieval date.
pub fn cite_apa(figure: &Figure, url: &str, accessed: &str) -> String {
    let lang = figure.lang;
    let p = &figure.provenance;
    let year = p.as_of.get(..4).unwrap_or("n.d.");
    let version = p.release.as_ref().map(|v| format!(" (Version {v})")).unwrap_or_default();
    let kind = if p.sample {
        tr!(lang, cite_data_set_sample, what = tr!(lang, sample_not_official))
    } else {
        tr!(lang, cite_data_set).to_owned()
    };
    let retrieved = tr!(lang, cite_retrieved, date = long_date(accessed, lang), url = url);
    // The portal is author and publisher: APA then leaves the publisher out.
    format!(
        "{}. ({year}). {}: {}{version} {kind}. {retrieved}",
        author(lang),
        p.plan_title,
        figure.title
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessed::{Assessed, bundled};
    use crate::figures::build;
    use crate::url::{FigureId, Filters};

    fn figure(id: FigureId, lang: Lang, filters: Filters) -> Figure {
        let (doc, data) = bundled();
        let assessed = Assessed::new(doc.clone(), data, filters.period.as_deref());
        build(&id, &doc, Some(&assessed), lang, &filters).expect("builds")
    }

    #[test]
    fn file_names_say_what_and_when() {
        let f = figure(
            FigureId::IndicatorDistricts("ai-invention-patents".into()),
            Lang::En,
            Filters::default(),
        );
        assert_eq!(
            file_name(&f, "png"),
            "kunshan-ai-plan_ai-invention-patents_by-district_2026-09-30.png"
        );
        let f = figure(
            FigureId::GoalProgress,
            Lang::Zh,
            Filters {
                goal: Some("green".into()),
                period: Some("2026-06-30".into()),
                ..Filters::default()
            },
        );
        assert_eq!(file_name(&f, "csv"), "kunshan-ai-plan_goal-progress_goal-green_2026-06-30.csv");
    }

    #[test]
    fn csv_has_the_table_numbers_and_splits_heat_cells() {
        let f = figure(FigureId::DistrictHeatmap, Lang::En, Filters::default());
        let text = csv(&f);
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), f.table.rows.len() + 2, "header, rows, final empty");
        let header: Vec<&str> = lines[0].split(',').collect();
        assert_eq!(header.len(), 1 + 2 * (f.table.headers.len() - 1));
        let first = &f.table.rows[0].cells;
        let fields: Vec<&str> = lines[1].split(',').collect();
        assert_eq!(fields[0], first[0].text);
        assert_eq!(fields[1].parse::<f64>().ok(), first[1].value);
        assert_eq!(fields[2], first[1].status.unwrap().label(Lang::En));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field(&Value::from("a,b")), "\"a,b\"");
        assert_eq!(csv_field(&Value::from("say \"hi\"")), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field(&Value::from("=HYPERLINK(\"x\")")), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field(&Value::from(-3.5)), "-3.5");
        assert_eq!(csv_field(&Value::Null), "");
    }

    #[test]
    fn json_carries_rows_and_provenance() {
        let f = figure(FigureId::TaskProgress, Lang::Zh, Filters::default());
        let value: Value = serde_json::from_str(&json(&f, "https://example.org/#/zh/")).unwrap();
        assert_eq!(value["sample"], true);
        assert_eq!(value["release"], "2026.09.0-sample");
        assert_eq!(value["rows"].as_array().unwrap().len(), f.table.rows.len());
        assert_eq!(value["columns"].as_array().unwrap().len(), 4);
        assert_eq!(value["rows"][0][2], f.table.rows[0].cells[2].value.unwrap());
    }

    #[test]
    fn svg_frame_escapes_text_and_places_the_chart() {
        let mut f = figure(FigureId::GoalProgress, Lang::En, Filters::default());
        f.title = "<script>alert(1)</script> & more".into();
        let svg = framed_svg(&f, "<svg width=\"600\" height=\"300\"><rect/></svg>", 600, 300);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("<svg x=\"0\" y=\""));
        assert!(svg.contains("2026-09-30"));
        assert!(svg.contains("sample data"));
        let (w, h) = frame_size(&svg).unwrap();
        assert_eq!(w, 600);
        assert!(h > 300 + 60, "room for title and source: {h}");
    }

    #[test]
    fn wrap_breaks_long_lines() {
        let lines = wrap("one two three four five six seven", 8.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| ems(l) <= 8.0 + 0.01), "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four five six seven");
        let zh = wrap("一二三四五六七八九十", 4.0);
        assert_eq!(zh, ["一二三四", "五六七八", "九十"]);
    }

    #[test]
    fn citations_have_url_version_and_dates() {
        let f = figure(FigureId::GoalProgress, Lang::Zh, Filters::default());
        let url = "https://example.org/portal/#/zh/?release=2026.09.0-sample";
        let gbt = cite_gbt7714(&f, url, "2026-11-28");
        assert!(gbt.contains("[DS/OL]"), "{gbt}");
        assert!(gbt.contains("(2026-09-30)[2026-11-28]"), "{gbt}");
        assert!(gbt.contains("2026.09.0-sample"), "{gbt}");
        assert!(gbt.ends_with(url), "{gbt}");
        assert!(gbt.contains("示例"), "{gbt}");
        let f = figure(FigureId::GoalProgress, Lang::En, Filters::default());
        let apa = cite_apa(&f, url, "2026-11-28");
        assert!(apa.contains("(2026)."), "{apa}");
        assert!(apa.contains("(Version 2026.09.0-sample)"), "{apa}");
        assert!(apa.contains("Retrieved November 28, 2026, from https://"), "{apa}");
        assert!(apa.contains("[Data set; "), "{apa}");
    }
}
