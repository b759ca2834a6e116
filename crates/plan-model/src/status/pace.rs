//! Pace to target: what a target that builds up over the year still needs per
//! remaining month, and whether the recent pace, kept up, would get there.

use serde::Serialize;

use super::band::{Start, completion, fmt};
use crate::date::day_number;
use crate::messages::{Msg, Value, in_each_language, say};
use crate::plan::{Indicator, Pace, Target};
use crate::progress::Observation;
use crate::text::Bilingual;

/// How far back the recent pace looks: about three months of figures.
const RECENT_DAYS: i64 = 92;
/// Shorter than this and two figures say little about a pace.
const SHORTEST_SPAN_DAYS: i64 = 28;

/// What a target still needs and how the recent pace compares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaceToTarget {
    /// Still to go, in the indicator's unit.
    pub remaining: f64,
    /// Months of the plan year left after the latest figure.
    pub months_left: f64,
    /// Needed per month from here to the target.
    pub needed_per_month: f64,
    /// The recent pace per month, and the date it is measured from.
    pub recent: Option<(f64, String)>,
    /// Whether the recent pace, kept up to the year's end, meets the target.
    pub on_course: Option<bool>,
    /// All of it in words.
    pub explanation: Bilingual,
}

/// The pace to target of an indicator (citywide or a district, against
/// `level`), for a target that builds up over the year and is not met yet;
/// `None` for levels, pass/fail targets, a met target or a year that is over.
#[allow(clippy::too_many_arguments)]
pub fn pace_to_target(
    indicator: &Indicator,
    year: u16,
    level: f64,
    latest: &Observation,
    observations: &[&Observation],
    start: Option<&Start>,
    tolerance_percent: f64,
    met: bool,
) -> Option<PaceToTarget> {
    if met || indicator.pace != Pace::Accumulates || indicator.target.level().is_none() {
        return None;
    }
    if matches!(indicator.target, Target::HoldAt { .. } | Target::KeepAtOrAbove { .. }) {
        return None;
    }
    let now = day_number(&latest.as_of)?;
    let year_end = day_number(&format!("{year:04}-12-31"))?;
    let year_days = (year_end - day_number(&format!("{:04}-12-31", year - 1))?) as f64;
    let month = year_days / 12.0;
    let months_left = (year_end - now) as f64 / month;
    if months_left <= 0.0 {
        return None;
    }
    let remaining = level - latest.value;
    let needed_per_month = remaining / months_left;
    // The recent pace: from the earliest figure of the last three months (at
    // least four weeks back), else from the start (a running total's starting
    // level, or zero at the start of the year).
    let earlier = observations
        .iter()
        .filter_map(|o| Some((now - day_number(&o.as_of)?, o)))
        .filter(|(span, _)| (SHORTEST_SPAN_DAYS..=RECENT_DAYS).contains(span))
        .max_by_key(|(span, _)| *span)
        .map(|(_, o)| (o.value, o.as_of.clone()));
    let from = earlier.or_else(|| match start {
        Some(s) => Some((s.value, s.as_of.clone())),
        None if !indicator.cumulative => Some((0.0, format!("{:04}-12-31", year - 1))),
        None => None,
    });
    let recent = from.and_then(|(value, date)| {
        let span = (now - day_number(&date)?) as f64 / month;
        (span > 0.0).then(|| ((latest.value - value) / span, date))
    });
    let on_course = recent.as_ref().map(|(per_month, _)| {
        let projected = latest.value + per_month * months_left;
        completion(&indicator.target, level, projected, start.map(|s| s.value), tolerance_percent).1
    });
    let explanation = in_each_language(|lang| {
        let unit = indicator.unit.get(lang);
        let head: [Value<'_>; 4] = [
            ("remaining", &fmt(remaining)),
            ("unit", &unit),
            ("months", &fmt(months_left)),
            ("needed", &fmt(needed_per_month)),
        ];
        let mut text = say(Msg::PaceNeeded, lang, &head);
        if let (Some((per_month, since)), Some(ok)) = (&recent, on_course) {
            let msg = if ok { Msg::PaceOnCourse } else { Msg::PaceOffCourse };
            let values: [Value<'_>; 3] =
                [("recent", &fmt(*per_month)), ("unit", &unit), ("since", since)];
            text += &say(msg, lang, &values);
        } else {
            text += Msg::ExplainEnd.template(lang);
        }
        text
    });
    Some(PaceToTarget { remaining, months_left, needed_per_month, recent, on_course, explanation })
}
