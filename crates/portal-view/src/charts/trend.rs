//! One indicator over time: its observations, the target level, and the
//! progress expected by each date (序时进度) for targets that build up.

use crate::locale::tr;
use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, ItemStyle, LineStyle, LineStyleType, Symbol, Tooltip, Trigger};
use charming::series::Line;
use plan_model::Lang;
use plan_model::progress::ValueFlag;

/// What the trend chart shows, independent of pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendView {
    /// Dates, oldest first (`YYYY-MM-DD`).
    pub dates: Vec<String>,
    /// The value at each date.
    pub values: Vec<f64>,
    /// The target level, for the target line.
    pub target: Option<f64>,
    /// Value expected by each date, for targets that build up over the year.
    pub expected: Option<Vec<f64>>,
    /// Figures that are not final (preliminary, estimated, revised): a
    /// marker series each, named for the reader (the legend and tooltip
    /// say which points they are), with a value only at those dates.
    pub marked: Vec<Marked>,
    /// Unit, for the axis.
    pub unit: String,
    /// Language of labels.
    pub lang: Lang,
}

/// One kind of flagged figure, drawn as its own markers over the values.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    /// What the markers are ("初步数", "revised").
    pub name: String,
    /// Which kind: the marker's shape and colour.
    pub flag: ValueFlag,
    /// The value at each date, only where flagged.
    pub values: Vec<Option<f64>>,
}

impl TrendView {
    /// Series names: values, target, expected.
    pub fn series_names(&self) -> [&'static str; 3] {
        let lang = self.lang;
        [
            tr!(lang, trend_series_value),
            tr!(lang, trend_series_target),
            tr!(lang, trend_series_expected),
        ]
    }

    /// A one-sentence summary for screen readers.
    pub fn description(&self, name: &str) -> String {
        let last = self.dates.last().zip(self.values.last());
        match last {
            Some((d, v)) => tr!(
                self.lang,
                trend_description,
                name = name,
                count = self.values.len(),
                date = d,
                value = v,
                unit = self.unit
            ),
            None => tr!(self.lang, trend_description_empty, name = name),
        }
    }
}

/// Values as a solid line, the target as a dashed line, expected progress dotted.
pub fn trend_chart(view: &TrendView) -> Chart {
    let [value_name, target_name, expected_name] = view.series_names();
    let mut chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top(0))
        .grid(Grid::new().left(8).right(24).top(36).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Category).data(view.dates.clone()))
        .y_axis(Axis::new().type_(AxisType::Value).name(view.unit.clone()))
        .series(
            Line::new()
                .name(value_name)
                .symbol(Symbol::Circle)
                .symbol_size(8)
                .item_style(ItemStyle::new().color("#0072B2"))
                .line_style(LineStyle::new().width(3))
                .data(view.values.clone()),
        );
    if let Some(target) = view.target {
        chart = chart.series(
            Line::new()
                .name(target_name)
                .symbol(Symbol::None)
                .item_style(ItemStyle::new().color("#D55E00"))
                .line_style(LineStyle::new().width(2).type_(LineStyleType::Dashed))
                .data(vec![target; view.dates.len()]),
        );
    }
    if let Some(expected) = &view.expected {
        chart = chart.series(
            Line::new()
                .name(expected_name)
                .symbol(Symbol::None)
                .item_style(ItemStyle::new().color(super::progress::EXPECTED_MARK))
                .line_style(LineStyle::new().width(2).type_(LineStyleType::Dotted))
                .data(expected.clone()),
        );
    }
    for marked in &view.marked {
        // Hollow for a figure still to be confirmed, a diamond for one that
        // replaced another: told apart by shape, not by colour alone.
        let (symbol, colour) = match marked.flag {
            ValueFlag::Revised => (Symbol::Diamond, "#CC79A7"),
            ValueFlag::Preliminary | ValueFlag::Estimated => {
                (Symbol::Custom("emptyCircle".into()), "#E69F00")
            }
        };
        // A line without a line (the build has no scatter chart): only its
        // symbols show, at the flagged dates.
        chart = chart.series(
            Line::new()
                .name(marked.name.clone())
                .symbol(symbol)
                .symbol_size(16)
                .item_style(ItemStyle::new().color(colour).border_width(2))
                .line_style(LineStyle::new().width(0))
                .data(marked.values.clone()),
        );
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_snapshot() {
        let view = TrendView {
            dates: vec!["2026-03-31".into(), "2026-06-30".into()],
            values: vec![40.0, 95.0],
            target: Some(200.0),
            expected: Some(vec![49.3, 99.2]),
            marked: vec![Marked {
                name: "修订数".into(),
                flag: ValueFlag::Revised,
                values: vec![None, Some(95.0)],
            }],
            unit: "家".into(),
            lang: Lang::Zh,
        };
        assert_eq!(
            view.description("企业"),
            "折线图：企业，2 个数据点，最新为 2026-06-30 的 95家。"
        );
        insta::assert_json_snapshot!(trend_chart(&view));
    }
}
