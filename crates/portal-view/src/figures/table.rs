//! The table beside every chart: exactly the chart's numbers, cell by cell.

use plan_model::{Lang, Status};

use crate::format::NO_FIGURE;

/// One table cell. The text is what the table shows; the value, when there is
/// one, is the same number for CSV and JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Shown text.
    pub text: String,
    /// The number, as shown (already rounded).
    pub value: Option<f64>,
    /// A status, shown as icon and words.
    pub status: Option<Status>,
    /// A link to the row's own page.
    pub href: Option<String>,
}

impl Cell {
    /// Plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Cell { text: text.into(), value: None, status: None, href: None }
    }

    /// Text linking to a page of the site.
    pub fn link(text: impl Into<String>, href: String) -> Self {
        Cell { href: Some(href), ..Cell::text(text) }
    }

    /// A number rounded to one decimal, or a dash.
    pub fn percent(value: Option<f64>) -> Self {
        let value = value.map(round1);
        Cell {
            text: value.map_or_else(|| NO_FIGURE.into(), |v| format!("{v:.1}")),
            value,
            ..Cell::text("")
        }
    }

    /// A number exactly as published, or a dash.
    pub fn number(value: Option<f64>) -> Self {
        Cell {
            text: value.map_or_else(|| NO_FIGURE.into(), |v| v.to_string()),
            value,
            ..Cell::text("")
        }
    }

    /// A status in words (the icon is added where it is drawn).
    pub fn status(status: Status, lang: Lang) -> Self {
        Cell { status: Some(status), ..Cell::text(status.label(lang)) }
    }
}

pub(super) fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Cells, the first one the row's heading.
    pub cells: Vec<Cell>,
    /// Highlighted (the district the reader chose).
    pub selected: bool,
}

impl TableRow {
    pub(super) fn new(cells: Vec<Cell>) -> Self {
        TableRow { cells, selected: false }
    }
}

/// The table beside a chart: exactly the chart's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headings, first the row-heading column.
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<TableRow>,
}
