//! What is promised next: each indicator's and commitment's reporting
//! cadence (the data says it: `progress.json` `reporting`), when it was last
//! reported, when its next report is due, and whether one is late. Seen from
//! the day the release was published (not the reader's clock: the pages are
//! static), a report is late once the period it covers has ended and the
//! days of grace after it have passed with nothing reported.

use crate::date::{Date, civil_date, day_number};
use crate::messages::Msg;
use crate::plan::PlanDocument;
use crate::progress::{Cadence, ProgressDocument};
use crate::text::Lang;

impl Cadence {
    /// Months in one period.
    pub fn months(self) -> u8 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
            Cadence::HalfYearly => 6,
            Cadence::Yearly => 12,
        }
    }

    /// The cadence's words (每季度 / quarterly).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Cadence::Monthly => Msg::CadenceMonthly,
            Cadence::Quarterly => Msg::CadenceQuarterly,
            Cadence::HalfYearly => Msg::CadenceHalfYearly,
            Cadence::Yearly => Msg::CadenceYearly,
        }
        .template(lang)
    }
}

/// The last day of the first period of `months` (calendar-aligned: months,
/// quarters, halves, years) that ends after `date`.
pub fn next_period_end(date: &str, months: u8) -> Option<String> {
    Date::parse(date)?;
    let year: u16 = date.get(..4)?.parse().ok()?;
    (0..2u16)
        .flat_map(|y| (1..=12u8).filter(|m| m % months == 0).map(move |m| (year + y, m)))
        .map(|(y, m)| last_day(y, m))
        .find(|end| end.as_str() > date)
}

/// The last day of a month, `YYYY-MM-DD`.
fn last_day(year: u16, month: u8) -> String {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    let first_next = Date::new(y, m, 1).map_or(0, Date::days);
    civil_date(first_next - 1)
}

/// A date `days` later.
fn plus_days(date: &str, days: i64) -> Option<String> {
    Some(civil_date(day_number(date)? + days))
}

/// Where one item's reporting stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporting {
    /// How often it reports.
    pub cadence: Cadence,
    /// Its latest report's date, if any.
    pub last: Option<String>,
    /// When the next report is due (its period's end plus the days of grace).
    pub next_due: String,
    /// True when a report was due before the release was published and none came.
    pub late: bool,
}

/// The cadence the data gives an item, or its kind's.
pub fn cadence_of(progress: &ProgressDocument, id: &str, is_indicator: bool) -> Cadence {
    let r = &progress.reporting;
    r.items
        .iter()
        .find(|i| i.of == id)
        .map_or(if is_indicator { r.indicators } else { r.commitments }, |i| i.every)
}

/// When an indicator or a commitment last reported (its latest figure,
/// milestone record or update) and when it is next due, seen from the day
/// the release was published.
pub fn reporting(plan: &PlanDocument, progress: &ProgressDocument, id: &str) -> Option<Reporting> {
    let is_indicator = plan.indicator(id).is_some();
    if !is_indicator && plan.commitment(id).is_none() {
        return None;
    }
    let dates = progress
        .observations
        .iter()
        .filter(|o| o.indicator == id)
        .map(|o| o.as_of.as_str())
        .chain(progress.milestones.iter().filter(|m| m.indicator == id).map(|m| m.as_of.as_str()))
        .chain(progress.updates.iter().filter(|u| u.of == id).map(|u| u.as_of.as_str()));
    let last = dates.max().map(str::to_owned);
    let cadence = cadence_of(progress, id, is_indicator);
    // With nothing reported, the first report covers the plan year's first period.
    let base = last.clone().unwrap_or_else(|| format!("{}-01-01", plan.plan.plan_year));
    let period_end = next_period_end(&base, cadence.months())?;
    let next_due = plus_days(&period_end, i64::from(progress.reporting.grace_days))?;
    let published = progress.release.published.as_str();
    let late = !published.is_empty() && next_due.as_str() < published;
    Some(Reporting { cadence, last, next_due, late })
}

/// Every indicator and commitment whose report is late, in the plan's order.
pub fn late_items(plan: &PlanDocument, progress: &ProgressDocument) -> Vec<(String, Reporting)> {
    plan.indicators
        .iter()
        .map(|i| &i.id)
        .chain(plan.commitments.iter().map(|c| &c.id))
        .filter_map(|id| {
            let r = reporting(plan, progress, id)?;
            r.late.then(|| (id.clone(), r))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_end_on_the_calendar() {
        assert_eq!(next_period_end("2026-06-30", 3).as_deref(), Some("2026-09-30"));
        assert_eq!(next_period_end("2026-07-01", 3).as_deref(), Some("2026-09-30"));
        assert_eq!(next_period_end("2026-02-10", 1).as_deref(), Some("2026-02-28"));
        assert_eq!(next_period_end("2026-12-31", 6).as_deref(), Some("2027-06-30"));
        assert_eq!(next_period_end("2026-01-01", 12).as_deref(), Some("2026-12-31"));
        assert_eq!(next_period_end("2026-13-01", 3), None);
    }
}
