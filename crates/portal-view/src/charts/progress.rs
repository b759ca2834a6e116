//! Completion against expected progress (序时进度) for a set of groups (goal
//! areas, key tasks): one bar per group, coloured by status and labelled with
//! the status in words, and a marker for the progress expected by the as-of date.

use crate::locale::tr;
use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::{AxisType, ItemStyle, LineStyle, Symbol, Tooltip, Trigger};
use charming::series::{Bar, Line};
use plan_model::status::RollUp;
use plan_model::{Lang, Status};

/// Colour of the marker for the progress expected by now.
pub const EXPECTED_MARK: &str = "#777777";

/// Colour of a status (Okabe–Ito hues, amber darkened for contrast); never
/// used without the status in words.
pub fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#009E73",
        Status::OnSchedule => "#0072B2",
        Status::Behind => "#A67500",
        Status::SeriouslyBehind => "#D55E00",
        Status::NoData | Status::NotMeasurable => "#8C8C8C",
    }
}

/// One group's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRow {
    /// Group name in the reader's language.
    pub name: String,
    /// Overall status.
    pub status: Status,
    /// Mean completion of its measured targets, capped at 100, in per cent.
    pub completion: Option<f64>,
    /// Mean expected progress by the as-of date, in per cent.
    pub expected: Option<f64>,
    /// Where the group's own page is, for the table (charts ignore it).
    pub href: Option<String>,
}

impl ProgressRow {
    /// A row from a roll-up.
    pub fn new(name: String, rollup: &RollUp) -> Self {
        Self {
            name,
            status: rollup.status,
            completion: rollup.mean_completion_percent,
            expected: rollup.mean_expected_percent,
            href: None,
        }
    }

    /// The same row, linking to the group's page in the table.
    pub fn with_href(self, href: String) -> Self {
        Self { href: Some(href), ..self }
    }
}

/// What a progress chart shows, independent of pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressView {
    /// One row per group, in the plan's order.
    pub rows: Vec<ProgressRow>,
    /// Language of labels.
    pub lang: Lang,
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

impl ProgressView {
    /// Names of the two series.
    pub fn series_names(&self) -> [&'static str; 2] {
        [tr!(self.lang, progress_series_done), tr!(self.lang, progress_series_expected)]
    }

    /// A category label that carries the status in words, so the chart never
    /// relies on colour alone.
    pub fn category(&self, row: &ProgressRow) -> String {
        format!("{}  {} {}", row.name, row.status.icon(), row.status.label(self.lang))
    }

    /// A one-sentence summary for screen readers.
    pub fn description(&self, what: &str) -> String {
        let parts: Vec<String> = self
            .rows
            .iter()
            .map(|r| match r.completion {
                Some(c) => tr!(
                    self.lang,
                    progress_point,
                    name = r.name,
                    value = round1(c),
                    status = r.status.label(self.lang)
                ),
                None => format!("{} {}", r.name, r.status.label(self.lang)),
            })
            .collect();
        let parts = parts.join(tr!(self.lang, sentence_separator));
        tr!(self.lang, progress_description, what = what, parts = parts)
    }
}

/// Horizontal bars of completion, coloured by status, with a diamond at the
/// expected progress; 0–100 per cent.
pub fn progress_chart(view: &ProgressView) -> Chart {
    let [done_name, expected_name] = view.series_names();
    let categories: Vec<String> = view.rows.iter().map(|r| view.category(r)).collect();
    // ECharts reads "-" as "no value": no bar and no marker rather than a false zero.
    let bars: Vec<DataPoint> = view
        .rows
        .iter()
        .map(|r| match r.completion {
            Some(c) => DataPoint::from(
                DataPointItem::new(round1(c))
                    .item_style(ItemStyle::new().color(status_colour(r.status))),
            ),
            None => DataPoint::from("-"),
        })
        .collect();
    let expected: Vec<DataPoint> = view
        .rows
        .iter()
        .map(|r| r.expected.map_or(DataPoint::from("-"), |e| DataPoint::from(round1(e))))
        .collect();
    Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top(0))
        .grid(Grid::new().left(8).right(24).top(36).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Value).min(0).max(100))
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(categories))
        .series(
            Bar::new()
                .name(done_name)
                .bar_width("55%")
                .item_style(ItemStyle::new().color("#0072B2"))
                .data(bars),
        )
        .series(
            Line::new()
                .name(expected_name)
                .symbol(Symbol::Diamond)
                .symbol_size(14)
                .line_style(LineStyle::new().width(0))
                .item_style(
                    ItemStyle::new().color(EXPECTED_MARK).border_color("#ffffff").border_width(1),
                )
                .data(expected),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> ProgressView {
        ProgressView {
            lang: Lang::Zh,
            rows: vec![
                ProgressRow {
                    name: "产业质效".into(),
                    status: Status::OnSchedule,
                    completion: Some(88.14),
                    expected: Some(74.79),
                    href: None,
                },
                ProgressRow {
                    name: "绿色转型".into(),
                    status: Status::Behind,
                    completion: Some(55.0),
                    expected: Some(74.79),
                    href: None,
                },
                ProgressRow {
                    name: "重点实验室".into(),
                    status: Status::NoData,
                    completion: None,
                    expected: None,
                    href: None,
                },
            ],
        }
    }

    #[test]
    fn status_is_in_the_words_not_only_the_colour() {
        let v = view();
        assert_eq!(v.category(&v.rows[1]), "绿色转型  ▲ 进度滞后");
        assert!(v.description("主要目标").contains("绿色转型 55%（进度滞后）"));
    }

    #[test]
    fn chart_snapshot() {
        insta::assert_json_snapshot!(progress_chart(&view()));
    }
}
