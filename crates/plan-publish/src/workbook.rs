//! Excel and WPS workbooks (`.xlsx`): the first sheet turned into the text a
//! CSV of it would be, so both sheets (figures and updates) go through the
//! one import path. A workbook is read whole in memory and is untrusted:
//! its size, unpacked size and rows are bounded, a formula or an error
//! value is refused (its value may be stale or missing), and every cell
//! becomes plain text.

use crate::messages::PublishMsg;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use plan_model::Bilingual;
use plan_model::messages::say_both;

/// Largest workbook file read, in bytes (a 100-fold sheet is about 3 MB).
pub const MAX_WORKBOOK_BYTES: usize = 50 * 1024 * 1024;
/// Largest total its parts may unpack to: beyond this it is refused before
/// anything is unpacked (a ZIP bomb).
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Most rows a sheet may have (the 100-fold sheet has 51,700).
pub const MAX_ROWS: usize = 1_000_000;
/// Most columns a sheet may have (the widest template has 16).
pub const MAX_COLUMNS: usize = 64;
/// Most filled cells (and declared shared strings) a workbook may have.
pub const MAX_CELLS: u64 = 5_000_000;

/// True for the bytes of a ZIP file, which an `.xlsx` is.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Why a workbook cannot be read, in both languages.
pub type WorkbookError = Bilingual;

/// A column's letters as spreadsheets write them: `A`, `Z`, `AA`.
fn column_letters(column: usize) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters
}

/// The cell's name as spreadsheets write it: `F4`.
fn cell_name(row: usize, column: usize) -> String {
    format!("{}{}", column_letters(column), row + 1)
}

/// A number as a person would type it: `1234`, `3.92`.
fn number_text(value: f64) -> String {
    // Rust prints the shortest text that reads back as the same f64.
    format!("{value}")
}

/// The text of one cell, or why it cannot be read.
fn cell_text(data: &Data, row: usize, column: usize) -> Result<String, WorkbookError> {
    Ok(match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        // `2026-12-31` or `2026-12-31T00:00:00`: the date part.
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or_default().to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            let (cell, error) = (cell_name(row, column), e.to_string());
            return Err(say_both(
                PublishMsg::WorkbookCellError,
                &[("cell", &cell), ("error", &error)],
            ));
        }
    })
}

/// How many shared strings a workbook declares (`uniqueCount` of
/// `xl/sharedStrings.xml`), read from the start of that part alone: the
/// reader reserves room for that many before reading one.
fn declared_strings(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<u64> {
    use std::io::Read;
    let part = archive.by_name("xl/sharedStrings.xml").ok()?;
    let mut head = Vec::with_capacity(4096);
    part.take(4096).read_to_end(&mut head).ok()?;
    let head = String::from_utf8_lossy(&head);
    let at = head.find("uniqueCount=\"")? + "uniqueCount=\"".len();
    let digits: String = head[at..].chars().take_while(char::is_ascii_digit).collect();
    // More digits than a u64 holds is as bad as the largest one.
    Some(digits.parse().unwrap_or(u64::MAX))
}

/// The first sheet of a workbook as CSV text (header first), for the same
/// reading as a CSV file. Cells are read one by one: a cell far down or
/// across (a sheet "sized" to a billion rows by one stray cell) is refused
/// before any grid is built.
pub fn to_csv_text(bytes: &[u8]) -> Result<String, WorkbookError> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        let (size, max) = (bytes.len() / 1024 / 1024, MAX_WORKBOOK_BYTES / 1024 / 1024);
        return Err(say_both(PublishMsg::WorkbookTooLarge, &[("size", &size), ("max", &max)]));
    }
    // What the parts would unpack to, from the ZIP's directory, before any is.
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))?;
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))?;
        unpacked = unpacked.saturating_add(part.size());
    }
    if unpacked > MAX_UNPACKED_BYTES {
        let (size, max) = (unpacked / 1024 / 1024, MAX_UNPACKED_BYTES / 1024 / 1024);
        return Err(say_both(
            PublishMsg::WorkbookUnpacksTooLarge,
            &[("size", &size), ("max", &max)],
        ));
    }
    if let Some(count) = declared_strings(&mut archive)
        && count > MAX_CELLS
    {
        return Err(say_both(PublishMsg::WorkbookTooManyCells, &[("max", &MAX_CELLS)]));
    }
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| say_both(PublishMsg::NotAWorkbook, &[]))?;
    let mut reader =
        book.worksheet_cells_reader(&name).map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))?;
    // Row → (column, text), for the cells that hold something.
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> = Default::default();
    let mut cells: u64 = 0;
    let mut width: u32 = 0;
    while let Some(cell) =
        reader.next_cell_with_formula().map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))?
    {
        let (r, c) = cell.pos;
        let (row, column) = (r as usize, c as usize);
        // A formula's value is whatever the program last saved, or nothing:
        // ask for the value itself.
        if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
            let cell = cell_name(row, column);
            // As the formula bar shows it: with its `=`, cut short.
            let formula = format!(
                "={}",
                formula.trim_start_matches('=').chars().take(40).collect::<String>()
            );
            return Err(say_both(
                PublishMsg::WorkbookFormula,
                &[("cell", &cell), ("formula", &formula)],
            ));
        }
        let value = Data::from(cell.value);
        if value == Data::Empty {
            continue; // a formatted empty cell, wherever it is
        }
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            let cell = cell_name(row, column);
            return Err(say_both(
                PublishMsg::WorkbookBeyondLimits,
                &[("cell", &cell), ("rows", &MAX_ROWS), ("columns", &MAX_COLUMNS)],
            ));
        }
        cells += 1;
        if cells > MAX_CELLS {
            return Err(say_both(PublishMsg::WorkbookTooManyCells, &[("max", &MAX_CELLS)]));
        }
        width = width.max(c + 1);
        rows.entry(r).or_default().push((c, cell_text(&value, row, column)?));
    }
    match rows.keys().next() {
        None => return Ok(String::new()),
        // Row numbers in messages are the sheet's: its header must be row 1.
        Some(&first) if first > 0 => {
            return Err(say_both(PublishMsg::WorkbookHeaderNotFirst, &[("row", &(first + 1))]));
        }
        Some(_) => {}
    }
    let last = rows.keys().next_back().copied().unwrap_or_default();
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for r in 0..=last {
        // Every row is written, empty ones too, so row numbers stay the sheet's.
        let mut record = vec![String::new(); width as usize];
        for (c, text) in rows.remove(&r).unwrap_or_default() {
            record[c as usize] = text;
        }
        writer.write_record(&record).map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))?;
    }
    let bytes = writer.into_inner().map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))?;
    String::from_utf8(bytes).map_err(|_| say_both(PublishMsg::NotAWorkbook, &[]))
}

/// A drop-down list for one column of a template: the allowed values,
/// listed on a hidden sheet (Excel's inline lists stop at 255 characters).
pub struct DropDown {
    /// The column it applies to.
    pub column: usize,
    /// The choices, in order.
    pub choices: Vec<String>,
}

/// The name of the hidden sheet that holds the drop-downs' choices.
const LISTS_SHEET: &str = "编号";

/// A template as an `.xlsx` workbook: the header row (bold, frozen), the
/// rows as text (so ids and dates stay as written), and drop-down lists.
pub fn template_bytes<R: AsRef<[String]>>(
    sheet: &str,
    columns: &[(&str, &str)],
    rows: &[R],
    drop_downs: &[DropDown],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{
        DataValidation, DocProperties, ExcelDateTime, Format, Formula, Workbook,
    };
    let mut book = Workbook::new();
    // A fixed creation time (the DOS epoch ZIP archives start from), not the
    // clock's: the same data give the same bytes, so the templates the site
    // serves change only when their rows do, and a release rendered by the
    // studio equals `plan-data release`'s byte for byte.
    let epoch = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX).max(1);
    {
        let ws = book.add_worksheet();
        ws.set_name(sheet)?;
        for (c, (zh, _)) in columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, c, *zh, &bold)?;
            ws.set_column_width(c, 14)?;
        }
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, value) in row.as_ref().iter().enumerate() {
                if !value.is_empty() {
                    ws.write_string_with_format(
                        r,
                        u16::try_from(c).unwrap_or(u16::MAX),
                        value,
                        &text,
                    )?;
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        for (i, list) in drop_downs.iter().enumerate() {
            let letter = column_letters(i);
            let end = list.choices.len() + 1;
            let formula = Formula::new(format!("={LISTS_SHEET}!${letter}$2:${letter}${end}"));
            let rule = DataValidation::new().allow_list_formula(formula);
            let column = u16::try_from(list.column).unwrap_or(u16::MAX);
            ws.add_data_validation(1, column, last_row, column, &rule)?;
        }
    }
    if !drop_downs.is_empty() {
        let lists = book.add_worksheet();
        lists.set_name(LISTS_SHEET)?;
        for (i, list) in drop_downs.iter().enumerate() {
            let c = u16::try_from(i).unwrap_or(u16::MAX);
            lists.write_string_with_format(0, c, columns[list.column].0, &bold)?;
            for (r, choice) in list.choices.iter().enumerate() {
                lists.write_string(u32::try_from(r + 1).unwrap_or(u32::MAX), c, choice)?;
            }
        }
        lists.set_hidden(true);
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(3, 5), "F4");
        assert_eq!(cell_name(9, 26), "AA10");
    }

    #[test]
    fn what_is_not_a_zip_is_not_a_workbook() {
        assert!(!is_zip(b"\xef\xbb\xbf\xe6\x8c\x87"));
        let said = to_csv_text(b"PK\x03\x04 broken").expect_err("broken");
        assert!(said.zh.contains("不是有效的 Excel"), "{}", said.zh);
    }
}
