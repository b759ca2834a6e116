//! Calendar dates, the one place their maths lives: the data writes every date
//! as `YYYY-MM-DD` (and a due date may be a quarter, `YYYY-Qn`); the status,
//! pace, deadline and release maths read them through [`Date`]. Days are
//! counted from one epoch, 1970-01-01, as the clock's seconds are.

use std::fmt;

/// A real calendar date (leap years included), ordered as the calendar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Days in each month of a common year.
const MONTH_DAYS: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    if month == 2 && is_leap(year) { 29 } else { MONTH_DAYS[usize::from(month - 1)] }
}

impl Date {
    /// The date, if `year-month-day` is one (years 0 to 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let real = year <= 9999
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        real.then_some(Self { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, exactly: ten characters, a real month and day.
    pub fn parse(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| {
            let part = text.get(r)?;
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse::<u16>().ok()).flatten()
        };
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Self::new(digits(0..4)?, month, day)
    }

    /// The date `days` after 1970-01-01 (before it when negative), or `None`
    /// outside years 0 to 9999 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Option<Self> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(u16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// Days from 1970-01-01 to this date (negative before it), for spans
    /// across a year's end.
    pub fn days(self) -> i64 {
        let before = i64::from(self.year) - 1;
        let to_year = before * 365 + before / 4 - before / 100 + before / 400;
        // 719_162 days from 0001-01-01 to 1970-01-01.
        to_year + i64::from(self.day_of_year()) - 1 - 719_162
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// Which day of its year this is, from 1.
    pub fn day_of_year(self) -> u32 {
        let before: u32 = (1..self.month).map(|m| u32::from(days_in_month(self.year, m))).sum();
        before + u32::from(self.day)
    }

    /// How many days its year has.
    pub fn days_in_year(self) -> u32 {
        if is_leap(self.year) { 366 } else { 365 }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `YYYY-MM-DD` with a real month and day (leap years included).
pub fn is_iso_date(text: &str) -> bool {
    Date::parse(text).is_some()
}

/// `(year, day of year)` of a `YYYY-MM-DD` date, or `None` if it is not one.
pub fn day_of_year(text: &str) -> Option<(u32, u32)> {
    let date = Date::parse(text)?;
    Some((u32::from(date.year), date.day_of_year()))
}

/// How much of its year has gone by the end of a `YYYY-MM-DD` date, in per
/// cent (2026-09-30: 273 of 365 days, 74.8 %), or `None` if it is not a date.
pub fn share_of_year(text: &str) -> Option<f64> {
    let date = Date::parse(text)?;
    Some(f64::from(date.day_of_year()) / f64::from(date.days_in_year()) * 100.0)
}

/// Days from 1970-01-01 to a `YYYY-MM-DD` date, or `None` if it is not one.
pub fn day_number(text: &str) -> Option<i64> {
    Date::parse(text).map(Date::days)
}

/// The date `days` after 1970-01-01 as `YYYY-MM-DD` (the clock's days, for
/// "today"); out of range gives the epoch itself rather than a wrong date.
pub fn civil_date(days: i64) -> String {
    Date::from_days(days).map_or_else(|| "1970-01-01".to_owned(), |d| d.to_string())
}

/// The last day of a due date: the date itself, or the last day of a quarter
/// `YYYY-Qn`; `None` when it is neither.
pub fn due_end(due: &str) -> Option<String> {
    if is_iso_date(due) {
        return Some(due.to_owned());
    }
    let (year, quarter) = due.split_once("-Q")?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let end = match quarter {
        "1" => "03-31",
        "2" => "06-30",
        "3" => "09-30",
        "4" => "12-31",
        _ => return None,
    };
    Some(format!("{year}-{end}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_are_dates() {
        for good in ["2026-01-01", "2024-02-29", "2000-02-29", "2026-12-31"] {
            assert!(is_iso_date(good), "{good}");
        }
        assert!(!is_iso_date("2026/01/29"));
        assert!(!is_iso_date("26-01-29"));
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-1-01",
            "2026-01-01x",
            "+026-01-01",
            "2026-0a-01",
            "",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn days_count_from_the_clocks_epoch_and_back() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_482), "2026-01-29");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(day_number("2026-01-29"), Some(20_482));
        for days in (-719_000..2_900_000).step_by(997) {
            let date = Date::from_days(days).expect("in range");
            assert_eq!(date.days(), days, "{date}");
            assert_eq!(Date::parse(&date.to_string()), Some(date));
        }
    }

    #[test]
    fn spans_cross_a_years_end() {
        let span = |a, b| day_number(b).zip(day_number(a)).map(|(b, a)| b - a);
        assert_eq!(span("2025-12-31", "2026-01-01"), Some(1));
        assert_eq!(span("2024-01-01", "2025-01-01"), Some(366));
    }

    #[test]
    fn day_of_year_and_share() {
        assert_eq!(day_of_year("2026-09-30"), Some((2026, 273)));
        assert_eq!(day_of_year("2024-12-31"), Some((2024, 366)));
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(share_of_year("2026-09-30"), 273.0 / 365.0 * 100.0));
        assert!(close(share_of_year("2026-12-31"), 100.0));
        assert!(close(share_of_year("2024-02-29"), 60.0 / 366.0 * 100.0));
        assert_eq!(share_of_year("2026-02-30"), None);
    }

    #[test]
    fn a_quarter_is_due_on_its_last_day() {
        assert_eq!(due_end("2026-Q3").as_deref(), Some("2026-09-30"));
        assert_eq!(due_end("2026-05-02").as_deref(), Some("2026-05-02"));
        assert_eq!(due_end("2026-Q1").as_deref(), Some("2026-03-31"));
        assert_eq!(due_end("2026-Q4").as_deref(), Some("2026-12-31"));
        for bad in ["2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "2026-02-30", ""] {
            assert_eq!(due_end(bad), None, "{bad}");
        }
    }
}
