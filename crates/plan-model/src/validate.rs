//! Semantic checks that the JSON shape alone cannot express: ids that are
//! unique and resolve, targets that make sense. Findings are data, never panics.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::messages::{Msg, Value, in_each_language, say, say_both};
use crate::plan::{Indicator, Pace, PlanDocument, Target};
use crate::progress::{ProgressDocument, Stage, ValueFlag};
use crate::text::{Bilingual, Lang};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Publishable, but worth a look.
    Warning,
    /// Must be fixed before publishing.
    Error,
}

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `unknown-indicator`.
    pub code: &'static str,
    /// JSON path of the offending value.
    pub path: String,
    /// What is wrong and how to fix it, in Chinese.
    pub message_zh: String,
    /// What is wrong and how to fix it, in English.
    pub message_en: String,
}

impl Finding {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }
}

/// Largest absolute value an observation may have.
pub const MAX_PLAUSIBLE_VALUE: f64 = 1e12;

struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, severity: Severity, code: &'static str, path: String, said: Bilingual) {
        let Bilingual { zh, en } = said;
        self.0.push(Finding { severity, code, path, message_zh: zh, message_en: en });
    }

    fn error(&mut self, code: &'static str, path: String, msg: Msg, values: &[Value<'_>]) {
        self.push(Severity::Error, code, path, say_both(msg, values));
    }

    fn error_said(&mut self, code: &'static str, path: String, said: Bilingual) {
        self.push(Severity::Error, code, path, said);
    }

    fn warning(&mut self, code: &'static str, path: String, msg: Msg, values: &[Value<'_>]) {
        self.push(Severity::Warning, code, path, say_both(msg, values));
    }

    fn unknown_indicator(&mut self, path: String, id: &str) {
        self.error("unknown-indicator", path, Msg::UnknownIndicator, &[("id", &id)]);
    }

    fn unknown_district(&mut self, path: String, id: &str) {
        self.error("unknown-district", path, Msg::UnknownDistrict, &[("id", &id)]);
    }

    /// A `YYYY-MM-DD` date, inside `year` when one is given.
    fn date(&mut self, path: String, date: &str, year: Option<u32>) {
        match (day_of_year(date), year) {
            (None, _) => self.error("bad-date", path, Msg::BadDate, &[("date", &date)]),
            (Some((y, _)), Some(year)) if y != year => self.error(
                "date-outside-plan-year",
                path,
                Msg::DateOutsidePlanYear,
                &[("date", &date), ("year", &year)],
            ),
            _ => {}
        }
    }

    fn unique_ids<'a>(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if id.trim().is_empty() {
                self.error("empty-id", path, Msg::EmptyId, &[]);
            } else if !is_valid_id(id) {
                self.error("bad-id", path, Msg::BadId, &[("id", &id)]);
            } else if !seen.insert(id) {
                self.error("duplicate-id", path, Msg::DuplicateId, &[("id", &id), ("list", &list)]);
            }
        }
        seen
    }

    fn known_refs(&mut self, path: String, refs: &[String], known: &HashSet<&str>, kind: Msg) {
        for (i, r) in refs.iter().enumerate() {
            if !known.contains(r.as_str()) {
                let said = in_each_language(|lang| {
                    let values: [Value<'_>; 2] = [("kind", &kind.template(lang)), ("id", r)];
                    say(Msg::UnknownReference, lang, &values)
                });
                self.error_said("unknown-reference", format!("{path}[{i}]"), said);
            }
        }
    }
}

/// Longest text (in characters) any field may hold: several times the
/// longest paragraph of the plan, far below what would swell every page
/// and feed that shows it.
pub const MAX_TEXT_CHARS: usize = 4000;

/// True for an id the site can use as a path segment and in a URL:
/// lower-case ASCII letters and digits in words joined by single hyphens,
/// at most 64 characters (so no `..`, `/`, space or case that a file system
/// folds).
pub fn is_valid_id(id: &str) -> bool {
    id.len() <= 64
        && !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// True for a character that XML 1.0 and HTML forbid in text (C0 controls
/// other than tab, line feed and carriage return; DEL and C1 controls;
/// the non-characters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF): a feed with one
/// is not well-formed.
pub fn is_forbidden_char(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || (n & 0xFFFE) == 0xFFFE
}

/// Every text of a document: no character XML forbids, none longer than
/// [`MAX_TEXT_CHARS`]; each finding at the text's JSON path. One pass over
/// the document serialised into nothing: the path is kept as the strings
/// pass (no tree is built; at 100x the data one doubled the checks' memory).
fn texts(f: &mut Findings, doc: &impl Serialize) {
    use serde_json::ser::{CharEscape, Formatter};
    use std::fmt::Write as _;
    use std::io::{self, Write};

    /// What a text was found to break: its path, the first forbidden
    /// character, its length when too long.
    type Problem = (String, Option<char>, Option<usize>);

    struct Scan<'a> {
        /// The JSON path of the value being written.
        path: String,
        /// Per open array or object: the path's length at its start, and
        /// the index of the array value being written.
        open: Vec<(usize, usize)>,
        in_key: bool,
        chars: usize,
        forbidden: Option<char>,
        problems: &'a mut Vec<Problem>,
    }
    impl Scan<'_> {
        fn open(&mut self) {
            self.open.push((self.path.len(), 0));
        }
        fn close(&mut self) {
            if let Some((len, _)) = self.open.pop() {
                self.path.truncate(len);
            }
        }
        fn text(&mut self, text: &str) {
            if self.in_key {
                self.path.push_str(text);
            } else {
                self.chars += text.chars().count();
                self.forbidden =
                    self.forbidden.or_else(|| text.chars().find(|&c| is_forbidden_char(c)));
            }
        }
    }
    impl Formatter for Scan<'_> {
        fn begin_array<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.open();
            Ok(())
        }
        fn end_array<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.close();
            Ok(())
        }
        fn begin_array_value<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            first: bool,
        ) -> io::Result<()> {
            if let Some((len, index)) = self.open.last_mut() {
                *index = if first { 0 } else { *index + 1 };
                self.path.truncate(*len);
                let _ = write!(self.path, "[{index}]");
            }
            Ok(())
        }
        fn begin_object<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.open();
            Ok(())
        }
        fn end_object<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.close();
            Ok(())
        }
        fn begin_object_key<W: ?Sized + Write>(&mut self, _: &mut W, _: bool) -> io::Result<()> {
            if let Some(&(len, _)) = self.open.last() {
                self.path.truncate(len);
            }
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.in_key = true;
            Ok(())
        }
        fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.in_key = false;
            Ok(())
        }
        fn begin_string<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            (self.chars, self.forbidden) = (0, None);
            Ok(())
        }
        fn end_string<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            let long = (self.chars > MAX_TEXT_CHARS).then_some(self.chars);
            if !self.in_key && (long.is_some() || self.forbidden.is_some()) {
                self.problems.push((self.path.clone(), self.forbidden, long));
            }
            Ok(())
        }
        fn write_string_fragment<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            text: &str,
        ) -> io::Result<()> {
            self.text(text);
            Ok(())
        }
        fn write_char_escape<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            escape: CharEscape,
        ) -> io::Result<()> {
            let c = match escape {
                CharEscape::Quote => '"',
                CharEscape::ReverseSolidus => '\\',
                CharEscape::Solidus => '/',
                CharEscape::Backspace => '\u{8}',
                CharEscape::FormFeed => '\u{c}',
                CharEscape::LineFeed => '\n',
                CharEscape::CarriageReturn => '\r',
                CharEscape::Tab => '\t',
                CharEscape::AsciiControl(b) => char::from(b),
            };
            self.text(c.encode_utf8(&mut [0; 4]));
            Ok(())
        }
    }
    let mut problems = Vec::new();
    let scan = Scan {
        path: String::new(),
        open: Vec::new(),
        in_key: false,
        chars: 0,
        forbidden: None,
        problems: &mut problems,
    };
    let mut serializer = serde_json::Serializer::with_formatter(io::sink(), scan);
    if doc.serialize(&mut serializer).is_err() {
        return;
    }
    for (path, forbidden, long) in problems {
        if let Some(c) = forbidden {
            let code = format!("U+{:04X}", u32::from(c));
            f.error(
                "forbidden-character",
                path.clone(),
                Msg::ForbiddenCharacter,
                &[("code", &code)],
            );
        }
        if let Some(count) = long {
            f.error(
                "text-too-long",
                path,
                Msg::TextTooLong,
                &[("count", &count), ("max", &MAX_TEXT_CHARS)],
            );
        }
    }
}

/// Checks a releases index (`releases/index.json`): every version a folder
/// name, each once, dates as dates. Its versions become paths and links.
pub fn validate_index(index: &[crate::release::ReleaseSummary]) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    let mut seen = HashSet::new();
    for (i, summary) in index.iter().enumerate() {
        let path = format!("[{i}].version");
        if !crate::release::is_valid_version(&summary.version) {
            f.error("bad-version", path, Msg::BadVersionValue, &[("version", &summary.version)]);
        } else if !seen.insert(summary.version.as_str()) {
            let version = &summary.version;
            f.error(
                "duplicate-id",
                path,
                Msg::DuplicateId,
                &[("id", version), ("list", &"releases/index.json")],
            );
        }
        f.date(format!("[{i}].published"), &summary.published, None);
        f.date(format!("[{i}].as_of"), &summary.as_of, None);
    }
    f.0
}

/// Checks a manifest: its version a folder name, every file a plain name
/// of the data folder listed once with a SHA-256. Its names become paths and
/// ZIP entries.
pub fn validate_manifest(manifest: &crate::release::Manifest) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    if !crate::release::is_valid_version(&manifest.version) {
        let version = &manifest.version;
        f.error("bad-version", "version".into(), Msg::BadVersionValue, &[("version", version)]);
    }
    f.date("published".into(), &manifest.published, None);
    f.date("as_of".into(), &manifest.as_of, None);
    let mut seen = HashSet::new();
    for (i, file) in manifest.files.iter().enumerate() {
        let path = format!("files[{i}]");
        if !crate::release::is_valid_file_name(&file.path) {
            f.error(
                "bad-file-name",
                format!("{path}.path"),
                Msg::BadFileName,
                &[("name", &file.path)],
            );
        } else if !seen.insert(file.path.as_str()) {
            f.error(
                "duplicate-id",
                format!("{path}.path"),
                Msg::DuplicateId,
                &[("id", &file.path), ("list", &"manifest.json files")],
            );
        }
        if !crate::release::is_sha256_hex(&file.sha256) {
            f.error("bad-hash", format!("{path}.sha256"), Msg::BadHash, &[("hash", &file.sha256)]);
        }
    }
    f.0
}

/// Checks a parsed plan document. An empty list means it is fit to publish.
pub fn validate_plan(doc: &PlanDocument) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    texts(&mut f, doc);
    let indicators = f.unique_ids("indicators", doc.indicators.iter().map(|i| i.id.as_str()));
    f.unique_ids("goal_areas", doc.goal_areas.iter().map(|g| g.id.as_str()));
    let tasks = f.unique_ids("tasks", doc.tasks.iter().map(|t| t.id.as_str()));
    f.unique_ids("task_groups", doc.task_groups.iter().map(|g| g.id.as_str()));
    let departments = f.unique_ids("departments", doc.departments.iter().map(|d| d.id.as_str()));
    let districts = f.unique_ids("districts", doc.districts.iter().map(|d| d.id.as_str()));
    commitments(&mut f, doc, &tasks, &departments, &districts, &indicators);

    f.date("plan.issue_date".into(), &doc.plan.issue_date, None);

    let mut referenced = HashSet::new();
    for (i, area) in doc.goal_areas.iter().enumerate() {
        f.known_refs(
            format!("goal_areas[{i}].indicators"),
            &area.indicators,
            &indicators,
            Msg::KindIndicator,
        );
        referenced.extend(area.indicators.iter().map(String::as_str));
    }
    for (i, task) in doc.tasks.iter().enumerate() {
        f.known_refs(
            format!("tasks[{i}].indicators"),
            &task.indicators,
            &indicators,
            Msg::KindIndicator,
        );
        f.known_refs(
            format!("tasks[{i}].responsible"),
            &task.responsible,
            &departments,
            Msg::KindDepartment,
        );
        referenced.extend(task.indicators.iter().map(String::as_str));
        if task.responsible.is_empty() {
            f.error(
                "no-responsible-unit",
                format!("tasks[{i}].responsible"),
                Msg::NoResponsibleUnit,
                &[],
            );
        }
    }
    for (i, group) in doc.task_groups.iter().enumerate() {
        f.known_refs(format!("task_groups[{i}].tasks"), &group.tasks, &tasks, Msg::KindTask);
    }

    for (i, ind) in doc.indicators.iter().enumerate() {
        if !referenced.contains(ind.id.as_str()) {
            f.warning(
                "orphan-indicator",
                format!("indicators[{i}]"),
                Msg::OrphanIndicator,
                &[("id", &ind.id)],
            );
        }
        if ind.source_text.trim().is_empty() {
            f.error(
                "missing-source-text",
                format!("indicators[{i}].source_text"),
                Msg::MissingSourceText,
                &[],
            );
        }
        match ind.target.level() {
            Some(level) if !level.is_finite() || level < 0.0 => f.error(
                "bad-target",
                format!("indicators[{i}].target"),
                Msg::BadTarget,
                &[("level", &level)],
            ),
            _ => {}
        }
        if ind.target != Target::Milestone && ind.unit.zh.trim().is_empty() {
            f.error("missing-unit", format!("indicators[{i}].unit"), Msg::MissingUnit, &[]);
        }
    }
    f.0
}

/// Commitments: ids distinct from tasks' and indicators', words from the plan,
/// units and district known, units those of the task.
fn commitments(
    f: &mut Findings,
    doc: &PlanDocument,
    tasks: &HashSet<&str>,
    departments: &HashSet<&str>,
    districts: &HashSet<&str>,
    indicators: &HashSet<&str>,
) {
    f.unique_ids("commitments", doc.commitments.iter().map(|c| c.id.as_str()));
    for (i, c) in doc.commitments.iter().enumerate() {
        let path = format!("commitments[{i}]");
        let other = if tasks.contains(c.id.as_str()) {
            Some(Msg::KindTask)
        } else if indicators.contains(c.id.as_str()) {
            Some(Msg::KindIndicator)
        } else {
            None
        };
        if let Some(other) = other {
            let said = in_each_language(|lang| {
                let values: [Value<'_>; 2] = [("id", &c.id), ("other", &other.template(lang))];
                say(Msg::SharedId, lang, &values)
            });
            f.error_said("shared-id", format!("{path}.id"), said);
        }
        if c.source_text.trim().is_empty() {
            f.error(
                "missing-source-text",
                format!("{path}.source_text"),
                Msg::MissingCommitmentText,
                &[],
            );
        }
        f.known_refs(
            format!("{path}.responsible"),
            &c.responsible,
            departments,
            Msg::KindDepartment,
        );
        if let Some(d) = &c.district
            && !districts.contains(d.as_str())
        {
            f.unknown_district(format!("{path}.district"), d);
        }
        let Some(task_id) = &c.task else { continue };
        let Some(task) = doc.tasks.iter().find(|t| &t.id == task_id) else {
            let said = in_each_language(|lang| {
                let values: [Value<'_>; 2] =
                    [("kind", &Msg::KindTask.template(lang)), ("id", task_id)];
                say(Msg::UnknownReference, lang, &values)
            });
            f.error_said("unknown-reference", format!("{path}.task"), said);
            continue;
        };
        for (j, unit) in c.responsible.iter().enumerate() {
            if departments.contains(unit.as_str()) && !task.responsible.contains(unit) {
                f.error(
                    "unit-not-of-task",
                    format!("{path}.responsible[{j}]"),
                    Msg::UnitNotOfTask,
                    &[("unit", unit), ("task", task_id)],
                );
            }
        }
        if c.responsible.is_empty() {
            f.error(
                "no-responsible-unit",
                format!("{path}.responsible"),
                Msg::NoCommitmentUnit,
                &[],
            );
        }
    }
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// `YYYY-MM-DD` with a real month and day (leap years included).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// `(year, day of year)` of a `YYYY-MM-DD` date, or `None` if it is not one.
pub fn day_of_year(date: &str) -> Option<(u32, u32)> {
    if !is_iso_date(date) {
        return None;
    }
    let y: u32 = date.get(0..4)?.parse().ok()?;
    let m: u32 = date.get(5..7)?.parse().ok()?;
    let d: u32 = date.get(8..10)?.parse().ok()?;
    let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let extra = u32::from(is_leap(y) && m > 2);
    Some((y, before[(m - 1) as usize] + d + extra))
}

/// How much of its year has gone by the end of a `YYYY-MM-DD` date, in per
/// cent (2026-09-30: 273 of 365 days, 74.8 %), or `None` if it is not a date.
pub fn share_of_year(date: &str) -> Option<f64> {
    let (year, day) = day_of_year(date)?;
    let days = if is_leap(year) { 366.0 } else { 365.0 };
    Some(f64::from(day) / days * 100.0)
}

/// Checks progress data against the plan it measures. An empty list means it is
/// fit to publish; warnings alone do not stop publishing.
pub fn validate_progress(plan: &PlanDocument, progress: &ProgressDocument) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    let year = u32::from(plan.plan.plan_year);
    let indicators: HashMap<&str, &Indicator> =
        plan.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let districts: HashSet<&str> = plan.districts.iter().map(|d| d.id.as_str()).collect();

    let release = &progress.release;
    for (path, date) in
        [("release.published", &release.published), ("release.as_of", &release.as_of)]
    {
        f.date(path.to_owned(), date, None);
    }
    for (i, entry) in release.changelog.iter().enumerate() {
        f.date(format!("release.changelog[{i}].date"), &entry.date, None);
    }
    if release.version.trim().is_empty() {
        f.error("empty-version", "release.version".into(), Msg::EmptyVersion, &[]);
    } else if !crate::release::is_valid_version(&release.version) {
        let version = &release.version;
        f.error(
            "bad-version",
            "release.version".into(),
            Msg::BadVersionValue,
            &[("version", version)],
        );
    }
    for (i, entry) in release.changelog.iter().enumerate() {
        if !crate::release::is_valid_version(&entry.version) {
            f.error(
                "bad-version",
                format!("release.changelog[{i}].version"),
                Msg::BadVersionValue,
                &[("version", &entry.version)],
            );
        }
    }
    texts(&mut f, progress);

    let t = &progress.thresholds;
    if !(10.0..=30.0).contains(&t.behind_points) {
        f.error(
            "bad-threshold",
            "thresholds.behind_points".into(),
            Msg::BehindThreshold,
            &[("value", &t.behind_points)],
        );
    }
    if t.seriously_behind_points <= t.behind_points {
        f.error(
            "bad-threshold",
            "thresholds.seriously_behind_points".into(),
            Msg::SeriouslyBehindThreshold,
            &[],
        );
    }
    if !(0.0..=50.0).contains(&t.about_tolerance_percent) {
        f.error(
            "bad-threshold",
            "thresholds.about_tolerance_percent".into(),
            Msg::AboutTolerance,
            &[],
        );
    }
    for (i, m) in progress.schedule.iter().enumerate() {
        f.date(format!("schedule[{i}].as_of"), &m.as_of, Some(year));
        if !(0.0..=100.0).contains(&m.expected_percent) {
            f.error(
                "bad-schedule",
                format!("schedule[{i}].expected_percent"),
                Msg::BadSchedule,
                &[("value", &m.expected_percent)],
            );
        }
    }

    let mut seen = HashSet::new();
    // Per (indicator, district): (date, value, index in observations).
    type Series<'a> = HashMap<(&'a str, Option<&'a str>), Vec<(&'a str, f64, usize)>>;
    let mut series: Series = HashMap::new();
    for (i, o) in progress.observations.iter().enumerate() {
        let path = format!("observations[{i}]");
        let Some(ind) = indicators.get(o.indicator.as_str()) else {
            f.unknown_indicator(format!("{path}.indicator"), &o.indicator);
            continue;
        };
        if let Some(d) = &o.district
            && !districts.contains(d.as_str())
        {
            f.unknown_district(format!("{path}.district"), d);
        }
        f.date(format!("{path}.as_of"), &o.as_of, Some(year));
        if ind.target == Target::Milestone {
            f.error(
                "observation-for-milestone",
                format!("{path}.indicator"),
                Msg::ObservationForMilestone,
                &[("id", &o.indicator)],
            );
        }
        // No figure of this plan comes near a trillion (the largest targets are
        // in 亿元); a value this large is a slip of the keyboard or corrupt data.
        if !o.value.is_finite() || o.value.abs() > MAX_PLAUSIBLE_VALUE {
            f.error(
                "implausible-value",
                format!("{path}.value"),
                Msg::ImplausibleValue,
                &[
                    ("value", &format!("{:e}", o.value)),
                    ("max", &format!("{MAX_PLAUSIBLE_VALUE:e}")),
                ],
            );
        }
        if o.value < 0.0 && ind.pace == Pace::Accumulates {
            f.error(
                "negative-value",
                format!("{path}.value"),
                Msg::NegativeValue,
                &[("value", &o.value)],
            );
        }
        if let Some(unit) = &o.unit
            && unit != &ind.unit.zh
            && unit != &ind.unit.en
        {
            f.error(
                "unit-mismatch",
                format!("{path}.unit"),
                Msg::UnitMismatch,
                &[("unit", &unit), ("expected", &ind.unit.zh)],
            );
        }
        match (o.flag, &o.revision) {
            (Some(ValueFlag::Revised), None) => {
                f.error("revision-missing", format!("{path}.flag"), Msg::RevisionMissing, &[])
            }
            (flag, Some(_)) if flag != Some(ValueFlag::Revised) => f.error(
                "revision-not-revised",
                format!("{path}.revision"),
                Msg::RevisionNotRevised,
                &[],
            ),
            (_, Some(r)) => {
                f.date(format!("{path}.revision.revised_on"), &r.revised_on, None);
                // ISO dates compare as strings.
                if is_iso_date(&r.revised_on) && r.revised_on.as_str() < o.as_of.as_str() {
                    f.error(
                        "revised-before-date",
                        format!("{path}.revision.revised_on"),
                        Msg::RevisedBeforeDate,
                        &[("date", &r.revised_on), ("as_of", &o.as_of)],
                    );
                }
                if !r.replaced.is_finite() || r.replaced.abs() > MAX_PLAUSIBLE_VALUE {
                    f.error(
                        "implausible-value",
                        format!("{path}.revision.replaced"),
                        Msg::ImplausibleValue,
                        &[
                            ("value", &format!("{:e}", r.replaced)),
                            ("max", &format!("{MAX_PLAUSIBLE_VALUE:e}")),
                        ],
                    );
                }
            }
            _ => {}
        }
        if !seen.insert((o.indicator.as_str(), o.district.as_deref(), o.as_of.as_str())) {
            f.error(
                "duplicate-observation",
                path.clone(),
                Msg::DuplicateObservation,
                &[("id", &o.indicator), ("date", &o.as_of)],
            );
        }
        if ind.cumulative || ind.pace == Pace::Accumulates {
            series.entry((o.indicator.as_str(), o.district.as_deref())).or_default().push((
                o.as_of.as_str(),
                o.value,
                i,
            ));
        }
    }
    let mut falling: Vec<(usize, &str, f64, f64)> = Vec::new();
    for points in series.values_mut() {
        points.sort_by(|a, b| a.0.cmp(b.0));
        for pair in points.windows(2) {
            if pair[1].1 < pair[0].1 {
                falling.push((pair[1].2, pair[0].0, pair[0].1, pair[1].1));
            }
        }
    }
    falling.sort_by_key(|x| x.0);
    for (i, earlier, before, now) in falling {
        f.warning(
            "falling-total",
            format!("observations[{i}].value"),
            Msg::FallingTotal,
            &[("before", &before), ("earlier", &earlier), ("now", &now)],
        );
    }

    let mut with_share = HashSet::new();
    for (i, t) in progress.district_targets.iter().enumerate() {
        let path = format!("district_targets[{i}]");
        if !indicators.contains_key(t.indicator.as_str()) {
            f.unknown_indicator(format!("{path}.indicator"), &t.indicator);
        }
        if !districts.contains(t.district.as_str()) {
            f.unknown_district(format!("{path}.district"), &t.district);
        }
        if t.value < 0.0 {
            f.error(
                "negative-value",
                format!("{path}.value"),
                Msg::NegativeDistrictTarget,
                &[("value", &t.value)],
            );
        }
        with_share.insert((t.indicator.as_str(), t.district.as_str()));
    }
    let mut warned = HashSet::new();
    for (i, o) in progress.observations.iter().enumerate() {
        let (Some(ind), Some(d)) = (indicators.get(o.indicator.as_str()), o.district.as_deref())
        else {
            continue;
        };
        if ind.pace == Pace::Accumulates
            && districts.contains(d)
            && !with_share.contains(&(o.indicator.as_str(), d))
            && warned.insert((o.indicator.as_str(), d))
        {
            f.warning(
                "missing-district-target",
                format!("observations[{i}]"),
                Msg::MissingDistrictTarget,
                &[("district", &d), ("id", &o.indicator)],
            );
        }
    }

    for (i, m) in progress.milestones.iter().enumerate() {
        let path = format!("milestones[{i}]");
        match indicators.get(m.indicator.as_str()) {
            None => f.unknown_indicator(format!("{path}.indicator"), &m.indicator),
            Some(ind) if ind.target != Target::Milestone => f.error(
                "milestone-for-quantified",
                format!("{path}.indicator"),
                Msg::MilestoneForQuantified,
                &[("id", &m.indicator)],
            ),
            Some(_) => {}
        }
        f.date(format!("{path}.as_of"), &m.as_of, Some(year));
    }
    baselines(&mut f, plan, progress, &indicators, &districts);
    updates(&mut f, plan, progress);
    deadlines(&mut f, plan, progress);
    f.0
}

/// Updates: a known subject, a stage for a commitment and none for a task, a
/// date in the year and not after the figures, one per subject and date,
/// something said, evidence that is a web page.
fn updates(f: &mut Findings, plan: &PlanDocument, progress: &ProgressDocument) {
    let year = u32::from(plan.plan.plan_year);
    let mut seen = HashSet::new();
    for (i, u) in progress.updates.iter().enumerate() {
        let path = format!("updates[{i}]");
        let is_task = plan.tasks.iter().any(|t| t.id == u.of);
        let is_commitment = plan.commitment(&u.of).is_some();
        if !is_task && !is_commitment {
            f.error(
                "unknown-subject",
                format!("{path}.of"),
                Msg::UnknownUpdateSubject,
                &[("id", &u.of)],
            );
        }
        match (is_commitment, u.stage) {
            (true, None) => f.error("update-needs-stage", path.clone(), Msg::UpdateNeedsStage, &[]),
            (false, Some(_)) if is_task => {
                f.error("stage-for-task", format!("{path}.stage"), Msg::UpdateStageForTask, &[])
            }
            _ => {}
        }
        f.date(format!("{path}.as_of"), &u.as_of, Some(year));
        if is_iso_date(&u.as_of) && u.as_of.as_str() > progress.release.as_of.as_str() {
            f.warning(
                "update-after-release",
                format!("{path}.as_of"),
                Msg::UpdateAfterRelease,
                &[("date", &u.as_of), ("as_of", &progress.release.as_of)],
            );
        }
        if !seen.insert((u.of.as_str(), u.as_of.as_str())) {
            f.error(
                "duplicate-update",
                path.clone(),
                Msg::DuplicateUpdate,
                &[("id", &u.of), ("date", &u.as_of)],
            );
        }
        if u.progress.zh.trim().is_empty() {
            f.error("empty-update", format!("{path}.progress.zh"), Msg::EmptyUpdate, &[]);
        }
        for (j, e) in u.evidence.iter().enumerate() {
            if !is_web_address(&e.url) {
                f.error(
                    "evidence-not-web",
                    format!("{path}.evidence[{j}].url"),
                    Msg::EvidenceNotWeb,
                    &[("url", &e.url)],
                );
            }
            if e.title.zh.trim().is_empty() {
                f.error(
                    "evidence-no-title",
                    format!("{path}.evidence[{j}].title.zh"),
                    Msg::EvidenceNoTitle,
                    &[],
                );
            }
        }
    }
    // A stage after "done" is worth a word; the dates decide the order.
    let mut order: Vec<(usize, &crate::progress::Update)> =
        progress.updates.iter().enumerate().filter(|(_, u)| u.stage.is_some()).collect();
    order.sort_by(|a, b| a.1.as_of.cmp(&b.1.as_of));
    let mut done_on: HashMap<&str, &str> = HashMap::new();
    for (i, u) in order {
        let stage = u.stage.unwrap_or(Stage::NotStarted);
        match done_on.get(u.of.as_str()) {
            Some(done) if stage != Stage::Done => {
                let said = in_each_language(|lang| {
                    let values: [Value<'_>; 4] = [
                        ("id", &u.of),
                        ("done", done),
                        ("date", &u.as_of),
                        ("stage", &stage.label(lang)),
                    ];
                    say(Msg::StageAfterDone, lang, &values)
                });
                f.push(Severity::Warning, "stage-after-done", format!("updates[{i}].stage"), said);
            }
            None if stage == Stage::Done => {
                done_on.insert(u.of.as_str(), u.as_of.as_str());
            }
            _ => {}
        }
    }
}

/// The site's own public address, as the pages, sitemap and robots.txt
/// write it: `http://` or `https://`, a host, an optional path, nothing a
/// URL must escape (space, line break, quotes, `<`, `>`, `\`, `` ` ``,
/// braces, `|`, `^`, non-ASCII) and no query or fragment. `None` if it is not
/// one; else the address ending in `/`.
pub fn site_address(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    let allowed = |c: char| {
        c.is_ascii_graphic()
            && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^' | '?' | '#')
    };
    if host.is_empty() || host.starts_with(['.', ':', '@']) || !url.chars().all(allowed) {
        return None;
    }
    Some(if url.ends_with('/') { url.to_owned() } else { format!("{url}/") })
}

/// An `http://` or `https://` address with a host: the only kind of address
/// the portal turns into a link.
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && !r.chars().any(char::is_whitespace)
    })
}

/// Deadlines: for a commitment or a milestone, a date or quarter (outside
/// the plan year is a warning), one each.
fn deadlines(f: &mut Findings, plan: &PlanDocument, progress: &ProgressDocument) {
    let year = plan.plan.plan_year;
    let mut seen = HashSet::new();
    for (i, d) in progress.deadlines.iter().enumerate() {
        let path = format!("deadlines[{i}]");
        let milestone = plan.indicator(&d.of).is_some_and(|ind| ind.target == Target::Milestone);
        if plan.commitment(&d.of).is_none() && !milestone {
            f.error(
                "unknown-subject",
                format!("{path}.of"),
                Msg::UnknownDeadlineSubject,
                &[("id", &d.of)],
            );
        }
        if !seen.insert(d.of.as_str()) {
            f.error("duplicate-deadline", path.clone(), Msg::DuplicateDeadline, &[("id", &d.of)]);
        }
        match crate::commitments::due_end(&d.due) {
            None => f.error("bad-due", format!("{path}.due"), Msg::BadDue, &[("due", &d.due)]),
            Some(end) if end.as_str() < format!("{year}-01-01").as_str() => f.warning(
                "due-before-plan-year",
                format!("{path}.due"),
                Msg::DueBeforePlanYear,
                &[("due", &d.due), ("year", &year)],
            ),
            Some(end) if end.as_str() > format!("{year}-12-31").as_str() => f.warning(
                "due-after-plan-year",
                format!("{path}.due"),
                Msg::DueAfterPlanYear,
                &[("due", &d.due), ("year", &year)],
            ),
            Some(_) => {}
        }
    }
}

/// Whether an indicator needs a starting level to be read: a running total
/// (累计) is counted from it; a share raised or cut by points or per cent is
/// read against it.
pub fn needs_baseline(indicator: &Indicator) -> bool {
    indicator.cumulative
        || matches!(indicator.target, Target::RaiseByPoints { .. } | Target::ReduceBy { .. })
}

fn baselines(
    f: &mut Findings,
    plan: &PlanDocument,
    progress: &ProgressDocument,
    indicators: &HashMap<&str, &Indicator>,
    districts: &HashSet<&str>,
) {
    let mut seen = HashSet::new();
    for (i, b) in progress.baselines.iter().enumerate() {
        let path = format!("baselines[{i}]");
        let Some(ind) = indicators.get(b.indicator.as_str()) else {
            f.unknown_indicator(format!("{path}.indicator"), &b.indicator);
            continue;
        };
        if let Some(d) = &b.district
            && !districts.contains(d.as_str())
        {
            f.unknown_district(format!("{path}.district"), d);
        }
        if !seen.insert((b.indicator.as_str(), b.district.as_deref())) {
            f.error(
                "duplicate-baseline",
                path.clone(),
                Msg::DuplicateBaseline,
                &[("id", &b.indicator)],
            );
        }
        let Some(value) = b.value else { continue };
        for (field, given) in [("as_of", b.as_of.is_some()), ("source", b.source.is_some())] {
            if !given {
                // The record is where to look: the field is not there.
                f.error(
                    "incomplete-baseline",
                    path.clone(),
                    Msg::IncompleteBaseline,
                    &[("field", &field)],
                );
            }
        }
        if let Some(as_of) = &b.as_of {
            f.date(format!("{path}.as_of"), as_of, None);
            // ISO dates compare as strings.
            if is_iso_date(as_of) && as_of.as_str() > progress.release.as_of.as_str() {
                f.error(
                    "baseline-after-figures",
                    format!("{path}.as_of"),
                    Msg::BaselineAfterFigures,
                    &[("date", &as_of), ("as_of", &progress.release.as_of)],
                );
            }
        }
        if !value.is_finite() || value.abs() > MAX_PLAUSIBLE_VALUE {
            f.error(
                "implausible-value",
                format!("{path}.value"),
                Msg::ImplausibleValue,
                &[("value", &format!("{value:e}")), ("max", &format!("{MAX_PLAUSIBLE_VALUE:e}"))],
            );
        }
        if !ind.cumulative {
            continue;
        }
        if b.unit.is_some() {
            f.error(
                "baseline-unit",
                format!("{path}.unit"),
                Msg::BaselineUnit,
                &[("unit", &ind.unit.zh)],
            );
        }
        if value < 0.0 {
            f.error(
                "negative-value",
                format!("{path}.value"),
                Msg::NegativeValue,
                &[("value", &value)],
            );
        }
        let level = match &b.district {
            None => ind.target.level(),
            Some(d) => progress
                .district_targets
                .iter()
                .find(|t| t.indicator == b.indicator && &t.district == d)
                .map(|t| t.value),
        };
        if let Some(level) = level
            && value >= level
        {
            f.warning(
                "baseline-meets-target",
                format!("{path}.value"),
                Msg::BaselineMeetsTarget,
                &[("value", &value), ("target", &level)],
            );
        }
    }
    // Only where there is a figure to read against it.
    let with_figures: HashSet<&str> = progress
        .observations
        .iter()
        .filter(|o| o.district.is_none())
        .map(|o| o.indicator.as_str())
        .collect();
    for ind in plan.indicators.iter().filter(|i| needs_baseline(i)) {
        if with_figures.contains(ind.id.as_str()) && !seen.contains(&(ind.id.as_str(), None)) {
            f.warning(
                "missing-baseline",
                "baselines".into(),
                Msg::MissingBaseline,
                &[("id", &ind.id)],
            );
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_share_of_the_year_counts_the_days_gone() {
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(share_of_year("2026-09-30"), 273.0 / 365.0 * 100.0));
        assert!(close(share_of_year("2026-12-31"), 100.0));
        assert!(close(share_of_year("2024-02-29"), 60.0 / 366.0 * 100.0));
        assert_eq!(share_of_year("2026-02-30"), None);
    }

    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2026-01-29"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("2026/01/29"));
        assert!(!is_iso_date("26-01-29"));
    }
}
