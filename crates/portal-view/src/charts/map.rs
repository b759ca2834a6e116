//! The districts' tile map as plain data: each district's cell, its words
//! and status, and the legend; what `figures::map` builds and
//! `picture::tiles` draws.

use plan_model::Status;

use super::progress::status_colour;

/// Statuses in the order the legend lists them.
pub const LEGEND: [Status; 5] =
    [Status::Achieved, Status::OnSchedule, Status::Behind, Status::SeriouslyBehind, Status::NoData];

/// One district's cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TileCell {
    /// Column and row as the plan places it (odd rows half a cell east).
    pub column: u32,
    /// Row, from the north.
    pub row: u32,
    /// The short name written in the cell.
    pub label: String,
    /// The status glyph and rank written under it ("▲ 第3名").
    pub figure: String,
    /// Everything the cell says, in words: its link's accessible name and tooltip.
    pub words: String,
    /// Its status (the fill).
    pub status: Status,
    /// The district's page.
    pub href: String,
}

/// The map, independent of pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TileMap {
    /// How many columns and rows the cells span.
    pub columns: u32,
    /// Rows.
    pub rows: u32,
    /// One per district with a tile, in the plan's order.
    pub cells: Vec<TileCell>,
    /// The legend's entries: glyph and words, and the fill.
    pub legend: Vec<(String, &'static str)>,
    /// Districts the map leaves out (no tile), named under it.
    pub missing: Vec<String>,
}

/// The fill of a status's cells.
pub fn fill(status: Status) -> &'static str {
    status_colour(if status == Status::NotMeasurable { Status::NoData } else { status })
}
