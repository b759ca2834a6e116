//! What both spreadsheets share: reading a file's bytes as a sheet's text
//! (an .xlsx workbook, or a CSV in UTF-8 or GB18030), finding the columns by
//! their headings, numbers as people type them, bad cells named by row and
//! column, and writing a sheet back out as CSV.

use crate::messages::PublishMsg;
use plan_model::messages::{Msg, Value, say, say_both};
use plan_model::{Bilingual, Lang};

/// The byte-order mark that makes Excel read a CSV as UTF-8.
pub const BOM: &str = "\u{feff}";

/// Text encodings a spreadsheet program may save a CSV in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (covers GBK and GB2312), as Excel saves "CSV" on Chinese Windows.
    Gb18030,
}

/// Why a whole file cannot be read as a sheet (as opposed to a bad cell).
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// A workbook that cannot be read, or may not be: why, in both languages.
    Workbook(Bilingual),
    /// Text in none of the encodings tried (their names).
    Encoding(&'static str),
    /// The header row cannot be read.
    Header(String),
    /// A column the sheet needs is missing (its Chinese and English heading).
    MissingColumn {
        /// Chinese heading.
        zh: &'static str,
        /// English heading.
        en: &'static str,
    },
}

impl Refusal {
    /// The message, naming the file as the user knows it (`shown`).
    pub fn message(&self, shown: &str, lang: Lang) -> String {
        match self {
            Refusal::Workbook(problem) => say(
                PublishMsg::WorkbookRefused,
                lang,
                &[("path", &shown), ("problem", &problem.get(lang))],
            ),
            Refusal::Encoding(encoding) => {
                say(PublishMsg::WrongEncoding, lang, &[("path", &shown), ("encoding", encoding)])
            }
            Refusal::Header(error) => format!("{shown}: {error}"),
            Refusal::MissingColumn { zh, en } => {
                say(PublishMsg::MissingColumn, lang, &[("path", &shown), ("zh", zh), ("en", en)])
            }
        }
    }
}

/// A problem with one cell of a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    /// Row, counting the header as 1.
    pub row: usize,
    /// Column, an index into the sheet's columns.
    pub column: usize,
    /// What is wrong and what to do.
    pub problem: Bilingual,
}

impl CellError {
    /// The message: file, row, column (in both headings) and problem.
    pub fn message(&self, columns: &[(&str, &str)], shown: &str, lang: Lang) -> String {
        let (column, column_en) = columns[self.column];
        say(
            PublishMsg::CellProblem,
            lang,
            &[
                ("path", &shown),
                ("row", &self.row),
                ("column", &column),
                ("column_en", &column_en),
                ("problem", &self.problem.get(lang)),
            ],
        )
    }
}

/// A sheet's text from a file's bytes: an .xlsx (a ZIP) becomes the text its
/// first sheet would be as a CSV, anything else is decoded as a CSV; so both
/// sheets and both formats have one reading.
pub fn sheet_text(bytes: &[u8], forced: Option<Encoding>) -> Result<String, Refusal> {
    if crate::workbook::is_zip(bytes) {
        return crate::workbook::to_csv_text(bytes).map_err(Refusal::Workbook);
    }
    decode(bytes, forced).map_err(Refusal::Encoding)
}

/// Decodes a spreadsheet's bytes: UTF-8 (BOM or not), else GB18030.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<String, &'static str> {
    let utf8 = |b: &[u8]| {
        std::str::from_utf8(b.strip_prefix(BOM.as_bytes()).unwrap_or(b)).map(str::to_owned)
    };
    match forced {
        Some(Encoding::Utf8) => utf8(bytes).map_err(|_| "utf-8"),
        Some(Encoding::Gb18030) => gb18030(bytes),
        None => utf8(bytes).or_else(|_| gb18030(bytes)).map_err(|_| "UTF-8 / GB18030"),
    }
}

fn gb18030(bytes: &[u8]) -> Result<String, &'static str> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors { Err("gb18030") } else { Ok(text.into_owned()) }
}

/// A CSV reader over a sheet's text, as both sheets read it.
pub fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes())
}

/// The data rows of a sheet in turn, numbered as a spreadsheet shows them
/// (the header is row 1); a row that cannot be read is a problem of the
/// sheet's `first` column, and the rows after it are still read.
pub(crate) fn data_rows<'r>(
    reader: &'r mut csv::Reader<&[u8]>,
    first: usize,
) -> impl Iterator<Item = Result<(usize, csv::StringRecord), CellError>> + 'r {
    reader.records().enumerate().map(move |(index, record)| {
        let row = index + 2;
        record.map(|r| (row, r)).map_err(|e| CellError {
            row,
            column: first,
            problem: say_both(PublishMsg::UnreadableRow, &[("error", &e)]),
        })
    })
}

/// A row's cell in `column`: trimmed, as plain text; empty where the sheet
/// has no such column.
pub(crate) fn cell_at<'a>(
    record: &'a csv::StringRecord,
    column_at: &[Option<usize>],
    column: usize,
) -> &'a str {
    column_at[column].and_then(|i| record.get(i)).map(|v| plain(v.trim())).unwrap_or_default()
}

/// Where each of a sheet's columns is in the file (by its Chinese or English
/// heading, in any order); a missing `required` column is refused by name.
pub(crate) fn column_positions<const N: usize>(
    reader: &mut csv::Reader<&[u8]>,
    columns: &[(&'static str, &'static str); N],
    required: &[usize],
) -> Result<[Option<usize>; N], Refusal> {
    let headers = reader.headers().map_err(|e| Refusal::Header(e.to_string()))?;
    let mut column_at = [None; N];
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().trim_start_matches(BOM);
        if let Some(c) = columns.iter().position(|(zh, en)| h == *zh || h.eq_ignore_ascii_case(en))
        {
            column_at[c] = Some(i);
        }
    }
    for &required in required {
        if column_at[required].is_none() {
            let (zh, en) = columns[required];
            return Err(Refusal::MissingColumn { zh, en });
        }
    }
    Ok(column_at)
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as a CSV file may carry it to a spreadsheet: text that a
/// spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`, `@…`) gets a
/// leading `'`, so Excel and WPS show it as text; a number (`-3`) is left
/// as it is. [`plain`] takes the `'` off again on import.
pub fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    // A text that itself begins with `'` before a formula character gets one
    // more, so that [`plain`] gives it back exactly.
    let quoted = cell.trim_start_matches('\'').starts_with(FORMULA_START) && cell.starts_with('\'');
    if quoted || (cell.starts_with(FORMULA_START) && parse_number(cell).is_none()) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell as it was before [`defused`]: a `'` before a formula character
/// is the export's, not the text's.
pub fn plain(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// A sheet as CSV text: the header row, then the rows, with a BOM (which
/// makes Excel read the file as UTF-8); cells a spreadsheet would run as
/// formulas are [`defused`].
pub fn csv_text<R: AsRef<[String]>>(headings: &[&str], rows: &[R]) -> String {
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(headings);
    for row in rows {
        let _ = writer.write_record(row.as_ref().iter().map(|c| defused(c).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// The Chinese headings of a sheet's columns.
pub fn headings(columns: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    columns.iter().map(|c| c.0).collect()
}

/// Reads a number as spreadsheets and people write it: full-width digits,
/// thousands separators, a trailing per-cent sign, surrounding spaces.
pub fn parse_number(raw: &str) -> Option<f64> {
    let mut s = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        let c = match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0'))?,
            '．' => '.',
            '－' | '−' => '-',
            '，' => ',',
            '％' => '%',
            '\u{3000}' => ' ',
            c => c,
        };
        s.push(c);
    }
    let s = s.trim().trim_end_matches('%').trim();
    // Thousands separators only between digit groups of three.
    let cleaned = if s.contains(',') {
        let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
        let groups: Vec<&str> = int.trim_start_matches('-').split(',').collect();
        let well_grouped = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !well_grouped {
            return None;
        }
        let joined = int.replace(',', "");
        frac.map_or(joined.clone(), |f| format!("{joined}.{f}"))
    } else {
        s.to_owned()
    };
    if cleaned.is_empty()
        || !cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// serde_json's pretty layout, with a final newline: the one format the
/// tool and the studio write.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Whether a sheet's date cell is a date of the plan year: what is wrong
/// with the cell when it is not.
pub(crate) fn plan_year_date(as_of: &str, year: u32) -> Result<(), Bilingual> {
    let values: [Value<'_>; 2] = [("date", &as_of), ("year", &year)];
    match plan_model::date::day_of_year(as_of) {
        None => Err(say_both(PublishMsg::SheetBadDate, &values)),
        Some((y, _)) if y != year => Err(say_both(Msg::DateOutsidePlanYear, &values)),
        Some(_) => Ok(()),
    }
}

/// A template's file: CSV, or a workbook (sheet `name`) with drop-down lists.
pub(crate) fn template_file<R: AsRef<[String]>>(
    format: crate::Format,
    name: PublishMsg,
    columns: &[(&'static str, &'static str)],
    rows: &[R],
    drop_downs: &[crate::workbook::DropDown],
) -> Result<Vec<u8>, String> {
    Ok(match format {
        crate::Format::Csv => csv_text(&headings(columns), rows).into_bytes(),
        crate::Format::Xlsx => {
            crate::workbook::template_bytes(name.template(Lang::Zh), columns, rows, drop_downs)
                .map_err(|e| e.to_string())?
        }
    })
}

/// The quarter ends of the plan year: the default dates of the template.
pub fn quarter_ends(year: u16) -> Vec<String> {
    ["03-31", "06-30", "09-30", "12-31"].iter().map(|md| format!("{year}-{md}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        assert_eq!(parse_number("1,234"), Some(1234.0));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("１２３．５"), Some(123.5));
        assert_eq!(parse_number("１，２３４"), Some(1234.0));
        assert_eq!(parse_number(" 28.1% "), Some(28.1));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("12o"), None);
        assert_eq!(parse_number("1,23"), None, "not a thousands group");
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn decodes_utf8_with_or_without_bom_and_gb18030() {
        assert_eq!(decode("\u{feff}张浦镇".as_bytes(), None).as_deref(), Ok("张浦镇"));
        assert_eq!(decode("张浦镇".as_bytes(), None).as_deref(), Ok("张浦镇"));
        let (gb, _, _) = encoding_rs::GB18030.encode("张浦镇");
        assert_eq!(decode(&gb, None).as_deref(), Ok("张浦镇"));
        assert_eq!(decode(&gb, Some(Encoding::Utf8)), Err("utf-8"));
    }

    #[test]
    fn formulas_are_defused_for_spreadsheets_and_read_back_as_written() {
        for text in ["=HYPERLINK(\"http://x\",\"y\")", "+86 512", "@SUM(A1)", "-x", "'=x", "''+y"] {
            let out = defused(text);
            assert!(out.starts_with('\''), "{text} -> {out}");
            assert_eq!(plain(&out), text);
        }
        for kept in ["-3", "+1.5", "进展", "it's", "'quoted'"] {
            assert_eq!(defused(kept), kept);
            assert_eq!(plain(kept), kept);
        }
    }

    #[test]
    fn a_csv_reads_back_as_written() {
        let text = csv_text(&["a", "b"], &[vec!["1,5".to_owned(), "x\"y".to_owned()]]);
        assert!(text.starts_with(BOM));
        let mut r = reader(text.trim_start_matches(BOM));
        let row = r.records().next().expect("row").expect("ok");
        assert_eq!(&row[0], "1,5");
        assert_eq!(&row[1], "x\"y");
    }
}
