//! Every chart as a picture: an SVG drawn from the very option ECharts gets
//! (the `charming::Chart` a figure holds), at publish time, so that a page
//! shows its charts with no script run: with scripts off, in print, to a
//! crawler, in an embed. The interactive library draws the same option over
//! it when a reader reaches for a chart (hover, tap, focus, a tool).
//!
//! The picture is as wide as its box, whatever that is: it has no viewBox,
//! so text keeps its size; across the chart, positions are percentages of the
//! width, down it pixels (the box's height is the figure's). Shapes that
//! cannot be placed by percentages (a line's path, a diamond) sit in nested
//! `<svg>`s that can. Every mark carries its numbers in a `<title>` (a
//! tooltip without scripts, and what the tests read); every text from the
//! data is escaped. Pure and deterministic: the CLI and the studio's worker
//! draw the same bytes. The chart families are those of `charts`: horizontal
//! bars with markers (`bars`), lines over dates (`lines`), the heatmap
//! (`heatmap`).

mod bars;
mod heatmap;
mod lines;
mod scale;
mod tiles;

pub use tiles::draw as tiles;

use std::fmt::Write;

use charming::Chart;
use serde_json::Value;

use crate::format::xml_escape;

/// The width a picture's text is fitted to: a phone's chart (a 360 to 375 px
/// screen, less the page's and the card's margins). Wider boxes give the
/// plot the room to spare.
const NARROW: f64 = 300.0;
/// Text size, as ECharts draws axis labels.
const FONT_PX: f64 = 12.0;
/// Room for one line of text.
const LINE_PX: f64 = 16.0;
/// The glyph a legend shows for a series, by what the series draws.
const BAR_GLYPH: &str = "■";

/// Draws `chart` as an SVG `height` pixels tall, with `chosen` points of its
/// first series outlined (the heatmap's chosen district). `None` when the
/// option is not one of the portal's chart families.
pub fn svg(chart: &Chart, height: u32, chosen: &[usize]) -> Option<String> {
    let option = serde_json::to_value(chart).ok()?;
    let series = list(option.get("series"));
    let first = series.first()?.get("type")?.as_str()?;
    let height = f64::from(height);
    let body = match first {
        "heatmap" => heatmap::draw(&option, height, chosen)?,
        _ if axis(&option, "yAxis").get("type").and_then(Value::as_str) == Some("category") => {
            bars::draw(&option, height)?
        }
        _ => lines::draw(&option, height)?,
    };
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" width=\"100%\" height=\"{}\" font-size=\"{}\" font-family=\"sans-serif\">{body}</svg>",
        num(height),
        num(FONT_PX)
    ))
}

/// An option's field that ECharts takes as one object or a list of them.
fn list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

/// The first axis of a kind (`xAxis`, `yAxis`).
fn axis<'a>(option: &'a Value, name: &str) -> &'a Value {
    list(option.get(name)).first().copied().unwrap_or(&Value::Null)
}

/// A number field, or `default`.
fn field(value: &Value, name: &str, default: f64) -> f64 {
    value.get(name).and_then(Value::as_f64).unwrap_or(default)
}

/// The texts of a category axis.
fn categories(axis: &Value) -> Vec<String> {
    list(axis.get("data")).iter().map(|v| text_of(v)).collect()
}

/// A data value as text (`"-"` stays `"-"`).
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_f64().map(num).unwrap_or_default(),
        other => other.to_string(),
    }
}

/// A data point's number: a plain number, or an item's `value`; `None` for
/// ECharts' "no value" (`"-"`, null).
fn point_value(point: &Value) -> Option<f64> {
    match point {
        Value::Number(n) => n.as_f64(),
        Value::Object(item) => item.get("value").and_then(point_value),
        _ => None,
    }
}

/// A series' colour, or a point's own.
fn colour<'a>(series: &'a Value, point: Option<&'a Value>) -> &'a str {
    point
        .and_then(|p| p.pointer("/itemStyle/color"))
        .or_else(|| series.pointer("/itemStyle/color"))
        .and_then(Value::as_str)
        .unwrap_or(crate::charts::PALETTE[0])
}

/// A number as few characters as it needs: `12`, `35.29`, `-0.5`.
fn num(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// Width of `text` in pixels at the picture's text size, roughly: wide (CJK)
/// characters one em, others 0.55 (as the exported image measures them).
fn text_px(text: &str) -> f64 {
    text.chars().map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.55 }).sum::<f64>() * FONT_PX
}

/// `text` cut to at most `px` wide, ending in "…" when cut.
fn fit(text: &str, px: f64) -> String {
    // Half a pixel of slack: sums of estimates must not cut a text that fits.
    let px = px + 0.5;
    if text_px(text) <= px {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_px(&out) + text_px(&c.to_string()) + text_px("…") > px {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// How much wider than the narrow width a chart is at least on a wide screen
/// (a chart beside its table at 721 px, about 420 px), and on a desktop (at
/// 1100 px and more, 600 px or more): labels cut for the narrow width are cut
/// less there (style/main.css shows one of them).
const WIDE: f64 = 1.4;
const WIDEST: f64 = 2.0;

/// A label that names a whole category, cut to fit its column (the full text,
/// if cut, is its tooltip). A label that ends in a status after two spaces
/// ("name  ▲ behind", so that status is never colour alone) keeps the status
/// whole and cuts the name.
fn label(out: &mut String, attributes: &str, text: &str, px: f64) {
    let cut = |px: f64| match text.rsplit_once("  ") {
        Some((name, status)) => {
            let status = format!("  {status}");
            format!("{}{status}", fit(name, (px - text_px(&status)).max(FONT_PX * 2.0)))
        }
        None => fit(text, px),
    };
    let narrow = cut(px);
    if narrow == text {
        let _ = write!(out, "<text {attributes}>{}</text>", xml_escape(text));
        return;
    }
    let title = titled(text);
    let _ = write!(out, "<text class=\"n\" {attributes}>{title}{}</text>", xml_escape(&narrow));
    let (wide, widest) = (cut(px * WIDE), cut(px * WIDEST));
    // One wide text where both wide widths show the same.
    let class = if wide == widest { "w x" } else { "w" };
    let _ = write!(
        out,
        "<text class=\"{class}\" display=\"none\" {attributes}>{title}{}</text>",
        xml_escape(&wide)
    );
    if wide != widest {
        let _ = write!(
            out,
            "<text class=\"x\" display=\"none\" {attributes}>{title}{}</text>",
            xml_escape(&widest)
        );
    }
}

/// A `<title>` child: the mark's words and numbers, a tooltip without scripts.
fn titled(text: &str) -> String {
    format!("<title>{}</title>", xml_escape(text))
}

/// One legend entry: a glyph in the series' colour, then its name.
struct Entry {
    glyph: &'static str,
    colour: String,
    name: String,
}

/// The legend across the top (series) or the foot (the heatmap's pieces):
/// entries centred in lines that fit the narrow width. Returns the height used.
fn legend(out: &mut String, entries: &[Entry], top: f64) -> f64 {
    let mut lines: Vec<Vec<&Entry>> = vec![Vec::new()];
    let mut width = 0.0;
    for entry in entries {
        // The glyph, a space, the name and the gap to the next entry.
        let w = text_px(&entry.name) + FONT_PX * 2.5;
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && width + w > NARROW {
            lines.push(vec![entry]);
            width = w;
        } else {
            line.push(entry);
            width += w;
        }
    }
    let lines: Vec<_> = lines.into_iter().filter(|l| !l.is_empty()).collect();
    for (i, line) in lines.iter().enumerate() {
        let y = top + LINE_PX * (i as f64 + 1.0) - 4.0;
        let _ =
            write!(out, "<text class=\"pt\" x=\"50%\" y=\"{}\" text-anchor=\"middle\">", num(y));
        for (j, entry) in line.iter().enumerate() {
            let gap = if j == 0 { "" } else { " dx=\"12\"" };
            let _ = write!(
                out,
                "<tspan{gap} fill=\"{}\">{}</tspan> {}",
                xml_escape(&entry.colour),
                entry.glyph,
                xml_escape(&entry.name)
            );
        }
        out.push_str("</text>");
    }
    LINE_PX * lines.len() as f64
}

/// The legend entries of an option's series: one per named series.
fn series_entries(series: &[&Value]) -> Vec<Entry> {
    series
        .iter()
        .filter_map(|s| {
            let name = s.get("name")?.as_str()?.to_owned();
            let glyph = match s.get("type").and_then(Value::as_str) {
                Some("bar") => BAR_GLYPH,
                _ => line_glyph(s),
            };
            Some(Entry { glyph, colour: colour(s, None).to_owned(), name })
        })
        .collect()
}

/// How a line series looks in the legend: its symbol, or its line's style.
fn line_glyph(series: &Value) -> &'static str {
    match series.get("symbol").and_then(Value::as_str) {
        Some("diamond") => "◆",
        Some("emptyCircle") => "○",
        Some("rect") => "■",
        Some("triangle") => "▲",
        Some("none") => match series.pointer("/lineStyle/type").and_then(Value::as_str) {
            Some("dashed") => "╍",
            Some("dotted") => "┅",
            _ => "━",
        },
        _ => "●",
    }
}

/// A symbol at (`x`%, `y` px): a circle, hollow circle, diamond, square or
/// triangle, `size` across, with its numbers as a tooltip.
fn symbol(out: &mut String, kind: &str, x: f64, y: f64, size: f64, fill: &str, title: &str) {
    let r = size / 2.0;
    let title = titled(title);
    let fill = xml_escape(fill);
    // A path about the point, in a nested <svg> placed there (the x is a
    // percentage of the plot, which a path's own coordinates cannot take).
    let shape = match kind {
        "diamond" => Some(format!("M0 -{r}L{r} 0 0 {r}-{r} 0Z", r = num(r))),
        "rect" => Some(format!("M-{r} -{r}H{r}V{r}H-{r}Z", r = num(r * 0.85))),
        "triangle" => Some(format!("M0 -{r}L{r} {h} -{r} {h}Z", r = num(r), h = num(r * 0.8))),
        _ => None,
    };
    if let Some(shape) = shape {
        let _ = write!(
            out,
            "<svg x=\"{}%\" y=\"{}\" overflow=\"visible\"><path d=\"{shape}\" fill=\"{fill}\" class=\"halo\" stroke=\"#fff\">{title}</path></svg>",
            num(x),
            num(y),
        );
        return;
    }
    match kind {
        "emptyCircle" => {
            let _ = write!(
                out,
                "<circle class=\"hollow\" cx=\"{}%\" cy=\"{}\" r=\"{}\" fill=\"#fff\" stroke=\"{fill}\" stroke-width=\"2\">{title}</circle>",
                num(x),
                num(y),
                num(r - 1.0)
            );
        }
        _ => {
            let _ = write!(
                out,
                "<circle cx=\"{}%\" cy=\"{}\" r=\"{}\" fill=\"{fill}\">{title}</circle>",
                num(x),
                num(y),
                num(r)
            );
        }
    }
}

#[cfg(test)]
mod tests;
