//! A finding: how serious, where (the JSON path), what, in both languages;
//! and the list the checks add them to.

use serde::Serialize;

use crate::date::day_of_year;
use crate::messages::{Msg, Value, say_both};
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

pub(super) struct Findings(pub(super) Vec<Finding>);

impl Findings {
    pub(super) fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: String,
        said: Bilingual,
    ) {
        let Bilingual { zh, en } = said;
        self.0.push(Finding { severity, code, path, message_zh: zh, message_en: en });
    }

    pub(super) fn error(
        &mut self,
        code: &'static str,
        path: String,
        msg: Msg,
        values: &[Value<'_>],
    ) {
        self.push(Severity::Error, code, path, say_both(msg, values));
    }

    pub(super) fn error_said(&mut self, code: &'static str, path: String, said: Bilingual) {
        self.push(Severity::Error, code, path, said);
    }

    pub(super) fn warning(
        &mut self,
        code: &'static str,
        path: String,
        msg: Msg,
        values: &[Value<'_>],
    ) {
        self.push(Severity::Warning, code, path, say_both(msg, values));
    }

    pub(super) fn unknown_indicator(&mut self, path: String, id: &str) {
        self.error("unknown-indicator", path, Msg::UnknownIndicator, &[("id", &id)]);
    }

    pub(super) fn unknown_district(&mut self, path: String, id: &str) {
        self.error("unknown-district", path, Msg::UnknownDistrict, &[("id", &id)]);
    }

    /// A `YYYY-MM-DD` date, inside `year` when one is given.
    pub(super) fn date(&mut self, path: String, date: &str, year: Option<u32>) {
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
}
