//! The spreadsheets on disk: writing a template, importing a filled one into
//! the folder's progress.json, exporting the data. What a sheet means (its
//! columns, its checks, the merge) is `plan_publish`'s, shared with the
//! browser's publishing studio; this module reads and writes the files and
//! prints what it found.

use crate::messages::ToolMsg;
use plan_model::messages::say;
use plan_publish::messages::PublishMsg;
use std::path::Path;

use plan_model::date::day_of_year;
use plan_model::{Lang, PROGRESS_FILE};
use plan_publish::Format;
use plan_publish::import::{ImportError, SheetKind, import};
use plan_publish::sheet::{CellError, Encoding, quarter_ends};
use plan_publish::{figures, updates};

use crate::fail::Fail;
use crate::folder::{Folder, Located, locate, print_findings, summary};
use plan_files::atomic::write_atomic;

/// Text encodings a spreadsheet program may save a CSV in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingArg {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (covers GBK and GB2312), as Excel saves "CSV" on Chinese Windows.
    Gb18030,
    /// Same decoder as GB18030.
    Gbk,
}

impl From<EncodingArg> for Encoding {
    fn from(arg: EncodingArg) -> Self {
        match arg {
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Gb18030 | EncodingArg::Gbk => Encoding::Gb18030,
        }
    }
}

/// A template is a workbook when its path ends in `.xlsx` (any case).
fn format_of(path: &Path) -> Format {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        Format::Xlsx
    } else {
        Format::Csv
    }
}

/// Writes a file whole or not at all.
fn write_file(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), Fail> {
    write_atomic(path, bytes).map_err(|e| {
        Fail::io(say(ToolMsg::CannotWrite, lang, &[("path", &path.display()), ("error", &e)]))
    })
}

/// Writes the figures' template to `out`.
pub fn template(dir: &Path, out: &Path, dates: &[String], lang: Lang) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let dates =
        if dates.is_empty() { quarter_ends(folder.plan.plan.plan_year) } else { dates.to_vec() };
    for d in &dates {
        if day_of_year(d).is_none() {
            return Err(Fail::io(say(PublishMsg::BadDateArgument, lang, &[("date", &d)])));
        }
    }
    let bytes = figures::template(&folder.plan, &dates, format_of(out)).map_err(Fail::io)?;
    write_file(out, &bytes, lang)?;
    let rows = figures::template_rows(&folder.plan, &dates).len();
    Ok(say(
        ToolMsg::TemplateWritten,
        lang,
        &[("path", &out.display()), ("rows", &rows), ("dates", &dates.len())],
    ))
}

/// Writes the updates template for `date` (default: the next report date).
pub fn updates_template(
    dir: &Path,
    out: &Path,
    date: Option<&str>,
    lang: Lang,
) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let (plan, progress) = (&folder.plan, &folder.progress);
    let date = date.map_or_else(|| updates::next_report_date(plan, progress), str::to_owned);
    if day_of_year(&date).is_none() {
        return Err(Fail::io(say(PublishMsg::BadDateArgument, lang, &[("date", &date)])));
    }
    let bytes = updates::template(plan, progress, &date, format_of(out)).map_err(Fail::io)?;
    write_file(out, &bytes, lang)?;
    Ok(say(
        ToolMsg::UpdatesTemplateWritten,
        lang,
        &[
            ("path", &out.display()),
            ("rows", &updates::template_rows(plan, progress, &date).len()),
            ("tasks", &plan.tasks.len()),
            ("commitments", &plan.commitments.len()),
            ("date", &date),
        ],
    ))
}

/// Writes targets.csv, progress.csv and updates.csv into `out_dir`.
pub fn export(dir: &Path, out_dir: &Path, lang: Lang) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let (plan, progress) = (&folder.plan, &folder.progress);
    std::fs::create_dir_all(out_dir)
        .map_err(|e| Fail::io(format!("{}: {e}", out_dir.display())))?;
    let progress_path = out_dir.join("progress.csv");
    write_file(&progress_path, figures::progress_csv(plan, progress).as_bytes(), lang)?;
    let targets_path = out_dir.join("targets.csv");
    write_file(&targets_path, figures::targets_csv(plan).as_bytes(), lang)?;
    let updates_path = out_dir.join("updates.csv");
    write_file(&updates_path, updates::updates_csv(plan, progress).as_bytes(), lang)?;
    Ok(say(
        ToolMsg::Exported,
        lang,
        &[
            ("targets", &targets_path.display()),
            ("target_count", &plan.indicators.len()),
            ("values", &progress_path.display()),
            ("value_count", &figures::progress_rows(plan, progress).len()),
            ("updates", &updates_path.display()),
            ("update_count", &updates::export_rows(plan, progress).len()),
        ],
    ))
}

/// Prints each bad cell: file, row, column (in both headings) and problem.
fn print_cell_errors(errors: &[CellError], kind: SheetKind, shown: &str, lang: Lang) {
    for e in errors {
        eprintln!("{}", e.message(kind.columns(), shown, lang));
    }
}

/// A sheet's bytes, refused over the workbook limit before anything is
/// read (by its size on disk), and never read past it (a size that lies, a
/// device or a pipe, stops there too).
fn read_sheet_file(file: &Path, lang: Lang) -> Result<Vec<u8>, Fail> {
    use std::io::Read;
    let max = plan_publish::workbook::MAX_WORKBOOK_BYTES;
    let cannot = |e: std::io::Error| {
        Fail::io(say(ToolMsg::CannotRead, lang, &[("path", &file.display()), ("error", &e)]))
    };
    let too_large = |size: u64| {
        let mb = |n: u64| n.div_ceil(1024 * 1024);
        Fail::invalid(say(
            ToolMsg::FileTooLarge,
            lang,
            &[("path", &file.display()), ("size", &mb(size)), ("max", &mb(max as u64))],
        ))
    };
    let opened = std::fs::File::open(file).map_err(cannot)?;
    let size = opened.metadata().map_err(cannot)?.len();
    if size > max as u64 {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    opened.take(max as u64 + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a filled sheet (figures or updates; CSV or .xlsx) into the folder's
/// progress.json. All or nothing: on any error nothing is written.
pub fn import_file(
    dir: &Path,
    file: &Path,
    forced: Option<EncodingArg>,
    lang: Lang,
) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let bytes = read_sheet_file(file, lang)?;
    let shown = file.display().to_string();
    let progress_path = dir.join(PROGRESS_FILE);
    let imported = match import(&folder.plan, &folder.progress, &bytes, forced.map(Encoding::from))
    {
        Ok(imported) => imported,
        Err(ImportError::Refused(refusal)) => {
            return Err(Fail::invalid(refusal.message(&shown, lang)));
        }
        Err(ImportError::Cells { kind, errors }) => {
            print_cell_errors(&errors, kind, &shown, lang);
            return Err(Fail::invalid(say(
                ToolMsg::ImportRefused,
                lang,
                &[("path", &shown), ("count", &errors.len())],
            )));
        }
        Err(ImportError::Invalid(rejected)) => {
            // Each finding by the sheet's row where it has one, then all of
            // them located in the file as it would have been.
            for f in &rejected.findings {
                if let Some(row) = rejected.row_of(f) {
                    let problem = f.message(lang);
                    eprintln!(
                        "{}",
                        say(
                            PublishMsg::RowProblem,
                            lang,
                            &[("path", &shown), ("row", &row), ("problem", &problem)]
                        )
                    );
                }
            }
            let findings = locate(&progress_path, &rejected.text, rejected.findings.clone());
            let errors = print_findings(&findings, lang);
            return Err(Fail::invalid(
                summary(&shown, errors, findings.len() - errors, lang)
                    + &say(ToolMsg::NothingImported, lang, &[]),
            ));
        }
    };
    let checked = &imported.checked;
    if checked.kind == SheetKind::Updates {
        // Warnings do not stop the import, but the unit should read them.
        let findings: Vec<Located> =
            locate(&progress_path, &checked.text, checked.findings.clone());
        print_findings(&findings, lang);
    }
    write_atomic(&progress_path, checked.text.as_bytes()).map_err(|e| {
        Fail::io(say(
            ToolMsg::CannotWriteKept,
            lang,
            &[("path", &progress_path.display()), ("error", &e)],
        ))
    })?;
    Ok(imported.report.message(&shown, &progress_path.display().to_string(), lang))
}
