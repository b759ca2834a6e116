//! Horizontal bars over categories (goal areas, tasks, districts): a row per
//! category from the top, its label at the left, bars (stacked where the
//! option stacks them) and markers (a line series without a line: the
//! progress expected by now) along a value axis with its grid.

use std::fmt::Write;

use serde_json::Value;

use super::scale::Scale;
use super::{
    LINE_PX, NARROW, axis, categories, colour, field, label, legend, list, num, point_value,
    series_entries, symbol, text_px, titled,
};
use crate::format::xml_escape;

/// The label column is at most this share of the narrow width.
const LABEL_SHARE: f64 = 0.5;

pub(super) fn draw(option: &Value, height: f64) -> Option<String> {
    let mut out = String::new();
    let series = list(option.get("series"));
    let grid = list(option.get("grid")).first().copied().unwrap_or(&Value::Null);
    let names = categories(axis(option, "yAxis"));
    if names.is_empty() {
        return None;
    }
    let top =
        legend(&mut out, &series_entries(&series), 0.0).max(field(grid, "top", 36.0) - 4.0) + 4.0;
    let bottom = height - field(grid, "bottom", 8.0) - LINE_PX - 2.0;

    // The label column fits the longest label at the narrow width, up to
    // half of it; longer labels are cut (in full in their tooltip and table).
    let left_px = field(grid, "left", 8.0);
    let widest = names.iter().map(|n| text_px(n)).fold(0.0, f64::max);
    let column = (left_px + widest + 8.0).min(NARROW * LABEL_SHARE);
    let x0 = column / NARROW * 100.0;
    let x1 = 100.0 - field(grid, "right", 24.0) / NARROW * 100.0;
    let span = x1 - x0;

    // Stacked bars sum; the axis holds every bar's end and every marker.
    let mut ends = Vec::new();
    let mut stacks: Vec<(Option<&str>, Vec<f64>)> = Vec::new();
    for s in &series {
        let points = list(s.get("data"));
        if s.get("type").and_then(Value::as_str) == Some("bar") {
            let stack = s.get("stack").and_then(Value::as_str);
            let base = match stacks.iter_mut().find(|(k, _)| stack.is_some() && *k == stack) {
                Some((_, base)) => base,
                None => {
                    stacks.push((stack, vec![0.0; names.len()]));
                    &mut stacks.last_mut().expect("just pushed").1
                }
            };
            for (i, p) in points.iter().enumerate().take(names.len()) {
                if let Some(v) = point_value(p) {
                    base[i] += v;
                    ends.push(base[i]);
                }
            }
        } else {
            ends.extend(points.iter().filter_map(|p| point_value(p)));
        }
    }
    let scale = Scale::new(axis(option, "xAxis"), ends);
    let x_of = |v: f64| x0 + scale.at(v) * span;

    // The grid, its values below.
    out.push_str("<g class=\"pg\" stroke=\"#c8ccd2\">");
    for t in scale.ticks() {
        let x = num(x_of(t));
        let _ = write!(
            out,
            "<line x1=\"{x}%\" x2=\"{x}%\" y1=\"{}\" y2=\"{}\"/>",
            num(top),
            num(bottom)
        );
    }
    out.push_str("</g><g class=\"pm\" fill=\"#4a4a4a\" text-anchor=\"middle\">");
    for t in scale.ticks() {
        let _ = write!(
            out,
            "<text x=\"{}%\" y=\"{}\">{}</text>",
            num(x_of(t)),
            num(bottom + LINE_PX),
            num(t)
        );
    }
    out.push_str("</g>");

    // The category labels, right-aligned against the axis.
    let band = (bottom - top) / names.len() as f64;
    let centre = |i: usize| top + band * (i as f64 + 0.5);
    let room = column - left_px - 8.0;
    out.push_str("<g class=\"pt\" fill=\"#1a1a1a\" text-anchor=\"end\">");
    for (i, name) in names.iter().enumerate() {
        let at = format!("x=\"{}%\" dx=\"-8\" y=\"{}\" dy=\".35em\"", num(x0), num(centre(i)));
        label(&mut out, &at, name, room);
    }
    out.push_str("</g>");

    // Bars: stacked series share a slot, the others stand side by side.
    let bar_series: Vec<&Value> = series
        .iter()
        .copied()
        .filter(|s| s.get("type").and_then(Value::as_str) == Some("bar"))
        .collect();
    let slots: Vec<Option<&str>> = stacks.iter().map(|(k, _)| *k).collect();
    let width_share = bar_series
        .first()
        .and_then(|s| s.get("barWidth"))
        .and_then(Value::as_str)
        .and_then(|w| w.strip_suffix('%'))
        .and_then(|w| w.parse::<f64>().ok())
        .unwrap_or(60.0)
        / 100.0;
    let thickness = band * width_share / slots.len().max(1) as f64;
    let mut bases: Vec<Vec<f64>> = vec![vec![0.0; names.len()]; slots.len()];
    for s in &bar_series {
        let stack = s.get("stack").and_then(Value::as_str);
        let slot = if stack.is_some() {
            slots.iter().position(|k| *k == stack).unwrap_or(0)
        } else {
            // Each unstacked series took a slot of its own, in order.
            let unstacked_before = bar_series
                .iter()
                .take_while(|o| !std::ptr::eq(**o, *s))
                .filter(|o| o.get("stack").is_none())
                .count();
            slots
                .iter()
                .enumerate()
                .filter(|(_, k)| k.is_none())
                .nth(unstacked_before)
                .map_or(0, |(i, _)| i)
        };
        let name = s.get("name").and_then(Value::as_str).unwrap_or_default();
        for (i, point) in list(s.get("data")).into_iter().enumerate().take(names.len()) {
            let Some(v) = point_value(point) else { continue };
            let from = bases[slot][i];
            bases[slot][i] += v;
            if v <= 0.0 {
                continue;
            }
            let y = centre(i) - band * width_share / 2.0 + thickness * slot as f64;
            let _ = write!(
                out,
                "<rect x=\"{}%\" y=\"{}\" width=\"{}%\" height=\"{}\" fill=\"{}\">{}</rect>",
                num(x_of(from)),
                num(y),
                num(x_of(from + v) - x_of(from)),
                num(thickness),
                xml_escape(colour(s, Some(point))),
                titled(&format!("{}: {name} {}", names[i], num(v)))
            );
        }
    }

    // Markers: line series drawn as symbols only.
    for s in series.iter().filter(|s| s.get("type").and_then(Value::as_str) == Some("line")) {
        let kind = s.get("symbol").and_then(Value::as_str).unwrap_or("circle");
        let size = field(s, "symbolSize", 8.0);
        let name = s.get("name").and_then(Value::as_str).unwrap_or_default();
        for (i, point) in list(s.get("data")).into_iter().enumerate().take(names.len()) {
            let Some(v) = point_value(point) else { continue };
            let title = format!("{}: {name} {}", names[i], num(v));
            symbol(&mut out, kind, x_of(v), centre(i), size, colour(s, Some(point)), &title);
        }
    }
    Some(out)
}
