//! The districts' tile map: a rounded cell per district where the plan places
//! it (odd rows half a cell east), filled with its status colour, its short
//! name and its glyph and rank written in it on a light halo, each cell a
//! link to the district's page whose name says everything the cell shows.
//! The legend of statuses at the foot, and any district left off the map.

use std::fmt::Write;

use super::{Entry, LINE_PX, NARROW, label, legend, num, titled};
use crate::charts::map::{TileMap, fill};
use crate::format::xml_escape;

/// The tallest a cell is drawn, in pixels.
const CELL_PX: f64 = 56.0;

/// The map as an SVG `height` pixels tall; `target`: where its links open
/// (`_blank` in an embed, so a reader leaves the host page for the portal's).
pub fn draw(map: &TileMap, height: u32, target: Option<&str>) -> String {
    let height = f64::from(height);
    let entries: Vec<Entry> = map
        .legend
        .iter()
        .map(|(name, colour)| Entry {
            glyph: super::BAR_GLYPH,
            colour: (*colour).to_owned(),
            name: name.clone(),
        })
        .collect();
    let mut foot = String::new();
    let mut foot_height = legend(&mut foot, &entries, 0.0);
    if !map.missing.is_empty() {
        let _ = write!(
            foot,
            "<text class=\"pt\" x=\"50%\" y=\"{}\" text-anchor=\"middle\">✕ {}</text>",
            num(foot_height + LINE_PX - 4.0),
            xml_escape(&map.missing.join(", "))
        );
        foot_height += LINE_PX;
    }
    let top = 8.0;
    let rows = f64::from(map.rows.max(1));
    let cell_h = ((height - foot_height - top - 8.0) / rows).min(CELL_PX);
    // Columns and the half cell odd rows are shifted by.
    let shifted = map.cells.iter().any(|c| c.row % 2 == 1);
    let span = f64::from(map.columns.max(1)) + if shifted { 0.5 } else { 0.0 };
    let cell_w = 100.0 / span;
    let cell_px = NARROW / span;
    let target = target
        .map_or_else(String::new, |t| format!(" target=\"{}\" rel=\"noopener\"", xml_escape(t)));
    // The words' dark ink on a light halo, for every cell at once (each
    // cell's shape has its own fill; the page's style draws the gaps).
    let mut out = String::from(
        "<g class=\"tiles\" text-anchor=\"middle\" fill=\"#111\" stroke=\"rgba(255,255,255,.85)\" stroke-width=\"3\" paint-order=\"stroke\">",
    );
    for cell in &map.cells {
        let shift = if cell.row % 2 == 1 { 0.5 } else { 0.0 };
        let x = (f64::from(cell.column) + shift) * cell_w;
        let y = top + f64::from(cell.row) * cell_h;
        let middle = num(x + cell_w / 2.0);
        let _ = write!(
            out,
            // The <title> is the link's name and its tooltip.
            "<a href=\"{}\"{target}>{}<rect x=\"{}%\" y=\"{}\" width=\"{}%\" height=\"{}\" rx=\"6\" fill=\"{}\"/>",
            xml_escape(&cell.href),
            titled(&cell.words),
            num(x),
            num(y),
            num(cell_w),
            num(cell_h),
            xml_escape(fill(cell.status)),
        );
        let name_at = format!("x=\"{middle}%\" y=\"{}\"", num(y + cell_h / 2.0 - 4.0));
        label(&mut out, &name_at, &cell.label, cell_px - 6.0);
        let _ = write!(
            out,
            "<text x=\"{middle}%\" y=\"{}\">{}</text></a>",
            num(y + cell_h / 2.0 + 12.0),
            xml_escape(&cell.figure)
        );
    }
    out.push_str("</g>");
    let legend_top = top + rows * cell_h + 8.0;
    let _ = write!(out, "<g transform=\"translate(0 {})\">{foot}</g>", num(legend_top));
    let total = (legend_top + foot_height).max(height);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg tile-map-svg\" width=\"100%\" height=\"{}\" font-size=\"{}\" font-family=\"sans-serif\">{out}</svg>",
        num(total),
        num(super::FONT_PX)
    )
}
