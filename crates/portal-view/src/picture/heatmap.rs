//! The district × task heatmap: a cell per district and task coloured by its
//! status piece, its status glyph and completion written in it, the task
//! numbers along the top, the districts at the left, the pieces' legend at
//! the foot. Chosen cells (a district the reader chose) are outlined.

use std::fmt::Write;

use serde_json::Value;

use super::{
    Entry, LINE_PX, NARROW, axis, categories, field, label, legend, list, num, text_of, text_px,
    titled,
};
use crate::format::xml_escape;

/// The label column is at most this share of the narrow width.
const LABEL_SHARE: f64 = 0.4;

pub(super) fn draw(option: &Value, height: f64, chosen: &[usize]) -> Option<String> {
    let mut out = String::new();
    let grid = list(option.get("grid")).first().copied().unwrap_or(&Value::Null);
    let columns = categories(axis(option, "xAxis"));
    let rows = categories(axis(option, "yAxis"));
    if columns.is_empty() || rows.is_empty() {
        return None;
    }
    let map = list(option.get("visualMap")).first().copied().unwrap_or(&Value::Null);
    let pieces = list(map.get("pieces"));
    let dimension = map.get("dimension").and_then(Value::as_u64).unwrap_or(2) as usize;
    let entries: Vec<Entry> = pieces
        .iter()
        .map(|p| Entry {
            glyph: super::BAR_GLYPH,
            colour: p.get("color").and_then(Value::as_str).unwrap_or("#8C8C8C").to_owned(),
            name: p.get("label").and_then(Value::as_str).unwrap_or_default().to_owned(),
        })
        .collect();
    // The legend at the foot: measured first, drawn in its place below.
    let mut foot = String::new();
    let foot_height = legend(&mut foot, &entries, 0.0);
    let legend_top = height - foot_height;

    let top = field(grid, "top", 8.0) + LINE_PX + 4.0;
    let bottom = legend_top - 8.0;
    let left_px = field(grid, "left", 8.0);
    let widest = rows.iter().map(|n| text_px(n)).fold(0.0, f64::max);
    let column = (left_px + widest + 8.0).min(NARROW * LABEL_SHARE);
    let x0 = column / NARROW * 100.0;
    let x1 = 100.0 - field(grid, "right", 8.0) / NARROW * 100.0;
    let cell_w = (x1 - x0) / columns.len() as f64;
    let cell_h = (bottom - top) / rows.len() as f64;

    out.push_str("<g class=\"pm\" fill=\"#4a4a4a\" text-anchor=\"middle\">");
    for (c, name) in columns.iter().enumerate() {
        let _ = write!(
            out,
            "<text x=\"{}%\" y=\"{}\">{}</text>",
            num(x0 + cell_w * (c as f64 + 0.5)),
            num(top - 6.0),
            xml_escape(name)
        );
    }
    out.push_str("</g><g class=\"pt\" fill=\"#1a1a1a\" text-anchor=\"end\">");
    for (r, name) in rows.iter().enumerate() {
        let at = format!(
            "x=\"{}%\" dx=\"-8\" y=\"{}\" dy=\".35em\"",
            num(x0),
            num(top + cell_h * (r as f64 + 0.5))
        );
        label(&mut out, &at, name, column - left_px - 8.0);
    }
    out.push_str("</g>");

    // Cells, each with its words (glyph and completion) on a light halo, as
    // the interactive chart labels them.
    let mut cells = String::new();
    let mut texts = String::new();
    let mut outlines = String::new();
    for (i, point) in list(option.pointer("/series/0/data")).into_iter().enumerate() {
        let point = point.get("value").unwrap_or(point);
        let at = |d: usize| point.get(d).and_then(Value::as_u64).map(|v| v as usize);
        let (Some(c), Some(r)) = (at(0), at(1)) else { continue };
        let (Some(column_name), Some(row_name)) = (columns.get(c), rows.get(r)) else { continue };
        let piece = at(dimension).and_then(|p| pieces.get(p));
        let fill = piece.and_then(|p| p.get("color")).and_then(Value::as_str).unwrap_or("#8C8C8C");
        let words = point.get(4).map(text_of).unwrap_or_default();
        let x = x0 + cell_w * c as f64;
        let y = top + cell_h * r as f64;
        let _ = write!(
            cells,
            "<rect x=\"{}%\" y=\"{}\" width=\"{}%\" height=\"{}\" fill=\"{}\">{}</rect>",
            num(x),
            num(y),
            num(cell_w),
            num(cell_h),
            xml_escape(fill),
            titled(&format!("{row_name}, {column_name}: {words}"))
        );
        let _ = write!(
            texts,
            "<text x=\"{}%\" y=\"{}\">{}</text>",
            num(x + cell_w / 2.0),
            num(y + cell_h / 2.0),
            xml_escape(&words)
        );
        if chosen.contains(&i) {
            let _ = write!(
                outlines,
                "<rect x=\"{}%\" y=\"{}\" width=\"{}%\" height=\"{}\"/>",
                num(x),
                num(y + 1.5),
                num(cell_w),
                num(cell_h - 3.0)
            );
        }
    }
    let _ = write!(
        out,
        "<g class=\"cells\" stroke=\"#fff\">{cells}</g><g fill=\"#111\" stroke=\"rgba(255,255,255,.85)\" stroke-width=\"3\" paint-order=\"stroke\" text-anchor=\"middle\" dominant-baseline=\"central\">{texts}</g>"
    );
    if !outlines.is_empty() {
        let _ = write!(
            out,
            "<g class=\"chosen\" fill=\"none\" stroke=\"#111\" stroke-width=\"3\">{outlines}</g>"
        );
    }
    let _ = write!(out, "<g transform=\"translate(0 {})\">{foot}</g>", num(legend_top));
    Some(out)
}
