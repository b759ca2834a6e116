//! Publishing without files: a spreadsheet's bytes (CSV or an .xlsx
//! workbook) read into the progress data with every bad cell named, the
//! templates and exports as bytes, and a release assembled in memory. The
//! staff tool (`plan-data`) reads and writes the files around it; the
//! browser's publishing studio runs the same code on what the user opens,
//! so both say the same words and write the same bytes.

pub mod figures;
pub mod import;
pub mod locate;
pub mod messages;
pub mod release;
pub mod sheet;
pub mod updates;
pub mod workbook;

/// What a template is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV, UTF-8 with a byte-order mark.
    Csv,
    /// An Excel workbook with drop-down lists.
    Xlsx,
}
