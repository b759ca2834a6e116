//! Lines over dates (an indicator's or a district's trend): the dates along
//! the bottom, a value axis at the left with its unit above it, each series a
//! line and/or its symbols (a series with no line shows only its symbols:
//! the flagged figures).

use std::fmt::Write;

use serde_json::Value;

use super::scale::Scale;
use super::{
    LINE_PX, NARROW, axis, categories, colour, field, legend, list, num, point_value,
    series_entries, symbol, text_px,
};
use crate::format::xml_escape;

/// The width of the nested plot's own coordinates, across.
const ACROSS: f64 = 1000.0;

pub(super) fn draw(option: &Value, height: f64) -> Option<String> {
    let mut out = String::new();
    let series = list(option.get("series"));
    let grid = list(option.get("grid")).first().copied().unwrap_or(&Value::Null);
    // No dates (an indicator with no figures yet): the empty axes, as
    // ECharts draws them; the page says in words that there is no figure.
    let dates = categories(axis(option, "xAxis"));
    let y_axis = axis(option, "yAxis");
    let unit = y_axis.get("name").and_then(Value::as_str).unwrap_or_default();
    let legend_height = legend(&mut out, &series_entries(&series), 0.0);
    let top = legend_height.max(field(grid, "top", 36.0) - 4.0)
        + if unit.is_empty() { 4.0 } else { LINE_PX + 4.0 };
    let bottom = height - field(grid, "bottom", 8.0) - LINE_PX - 2.0;

    let values = series.iter().flat_map(|s| list(s.get("data"))).filter_map(point_value);
    let scale = Scale::new(y_axis, values);
    let ticks = scale.ticks();
    let widest = ticks.iter().map(|t| text_px(&num(*t))).fold(0.0, f64::max);
    let left_px = field(grid, "left", 8.0) + widest + 8.0;
    let x0 = left_px / NARROW * 100.0;
    let x1 = 100.0 - field(grid, "right", 24.0) / NARROW * 100.0;
    let span = x1 - x0;
    let y_of = |v: f64| bottom - scale.at(v) * (bottom - top);
    // Category axes leave half a band at each end (ECharts' boundaryGap).
    let band = 1.0 / dates.len().max(1) as f64;
    let across = |i: usize| band * (i as f64 + 0.5);
    let x_of = |i: usize| x0 + across(i) * span;

    // The grid and the values at the left; the unit above them.
    out.push_str("<g class=\"pg\" stroke=\"#c8ccd2\">");
    for t in &ticks {
        let y = num(y_of(*t));
        let _ =
            write!(out, "<line x1=\"{}%\" x2=\"{}%\" y1=\"{y}\" y2=\"{y}\"/>", num(x0), num(x1));
    }
    out.push_str("</g><g class=\"pm\" fill=\"#4a4a4a\" text-anchor=\"end\">");
    for t in &ticks {
        let _ = write!(
            out,
            "<text x=\"{}%\" dx=\"-6\" y=\"{}\" dy=\".35em\">{}</text>",
            num(x0),
            num(y_of(*t)),
            num(*t)
        );
    }
    if !unit.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{}%\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            num(x0),
            num(top - 10.0),
            xml_escape(unit)
        );
    }
    // Dates along the bottom: every one that has room at the narrow width.
    let room = (NARROW - left_px) * band;
    let every = (dates.first().map_or(0.0, |d| text_px(d)) + 8.0) / room.max(1.0);
    let every = (every.ceil() as usize).max(1);
    out.push_str("</g><g class=\"pm\" fill=\"#4a4a4a\" text-anchor=\"middle\">");
    for (i, date) in dates.iter().enumerate().step_by(every) {
        let _ = write!(
            out,
            "<text x=\"{}%\" y=\"{}\">{}</text>",
            num(x_of(i)),
            num(bottom + LINE_PX),
            xml_escape(date)
        );
    }
    out.push_str("</g>");

    // Lines in a plot of their own coordinates, stretched to the plot's width
    // (the strokes keep their width), then the symbols over them.
    let _ = write!(
        out,
        "<svg x=\"{}%\" width=\"{}%\" viewBox=\"0 0 {ACROSS} {}\" preserveAspectRatio=\"none\" overflow=\"visible\">",
        num(x0),
        num(span),
        num(height)
    );
    for s in &series {
        let width = s.pointer("/lineStyle/width").and_then(Value::as_f64).unwrap_or(2.0);
        if width <= 0.0 {
            continue;
        }
        let mut path = String::new();
        let mut pen_down = false;
        for (i, point) in list(s.get("data")).into_iter().enumerate().take(dates.len()) {
            match point_value(point) {
                Some(v) => {
                    let step = if pen_down { 'L' } else { 'M' };
                    let _ = write!(path, "{step}{} {}", num(across(i) * ACROSS), num(y_of(v)));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        let dashes = match s.pointer("/lineStyle/type").and_then(Value::as_str) {
            Some("dashed") => " stroke-dasharray=\"8 5\"",
            Some("dotted") => " stroke-dasharray=\"2 4\"",
            _ => "",
        };
        let _ = write!(
            out,
            "<path d=\"{path}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dashes} vector-effect=\"non-scaling-stroke\"/>",
            xml_escape(colour(s, None)),
            num(width)
        );
    }
    out.push_str("</svg>");
    for s in &series {
        let kind = s.get("symbol").and_then(Value::as_str).unwrap_or("circle");
        if kind == "none" {
            continue;
        }
        let size = field(s, "symbolSize", 8.0);
        let name = s.get("name").and_then(Value::as_str).unwrap_or_default();
        for (i, point) in list(s.get("data")).into_iter().enumerate().take(dates.len()) {
            let Some(v) = point_value(point) else { continue };
            let title = format!("{}: {name} {}{unit}", dates[i], num(v));
            symbol(&mut out, kind, x_of(i), y_of(v), size, colour(s, Some(point)), &title);
        }
    }
    Some(out)
}
