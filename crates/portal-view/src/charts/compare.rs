//! Districts side by side over time: each one's lead on expected progress
//! (mean completion minus mean expected progress, in points) at each date,
//! a line each, told apart by colour and by the shape of its points, over
//! the zero line that is expected progress itself.

use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, ItemStyle, LineStyle, LineStyleType, Symbol, Tooltip, Trigger};
use charming::series::Line;
use plan_model::Lang;

use super::PALETTE;
use super::progress::EXPECTED_MARK;
use crate::locale::tr;

/// A colour per compared district: the palette, then vermilion (3:1 on
/// every card, tested with the palette).
pub const TOWN_COLOURS: [&str; 5] = [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3], "#D55E00"];

/// A point shape per compared district, so that colour is not the only sign
/// of which line is which.
fn town_symbol(at: usize) -> Symbol {
    match at {
        0 => Symbol::Circle,
        1 => Symbol::Diamond,
        2 => Symbol::Rect,
        3 => Symbol::Triangle,
        _ => Symbol::Custom("emptyCircle".into()),
    }
}

/// What the chart shows, independent of pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    /// Dates, oldest first (`YYYY-MM-DD`).
    pub dates: Vec<String>,
    /// Each district's name and its lead at each date (`None`: no report).
    pub towns: Vec<(String, Vec<Option<f64>>)>,
    /// Language of labels.
    pub lang: Lang,
}

impl CompareView {
    /// A one-sentence summary for screen readers: each district's latest lead.
    pub fn description(&self) -> String {
        let latest: Vec<String> = self
            .towns
            .iter()
            .filter_map(|(name, leads)| {
                let (i, lead) =
                    leads.iter().enumerate().rev().find_map(|(i, l)| l.map(|l| (i, l)))?;
                Some(format!("{name} {lead:+.1} ({})", self.dates[i]))
            })
            .collect();
        let names: Vec<&str> = self.towns.iter().map(|(n, _)| n.as_str()).collect();
        tr!(
            self.lang,
            compare_trend_description,
            names = names.join(tr!(self.lang, list_separator)),
            count = self.dates.len(),
            latest = latest.join(tr!(self.lang, count_separator))
        )
    }
}

/// A line per district, and expected progress as the dotted zero line.
pub fn compare_chart(view: &CompareView) -> Chart {
    let mut chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top(0))
        .grid(Grid::new().left(8).right(24).top(36).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Category).data(view.dates.clone()))
        .y_axis(
            Axis::new().type_(AxisType::Value).name(tr!(view.lang, compare_axis_points).to_owned()),
        );
    for (i, (name, leads)) in view.towns.iter().enumerate() {
        let at = i % TOWN_COLOURS.len();
        chart = chart.series(
            Line::new()
                .name(name.clone())
                .symbol(town_symbol(at))
                .symbol_size(10)
                .item_style(ItemStyle::new().color(TOWN_COLOURS[at]))
                .line_style(LineStyle::new().width(3))
                .data(leads.clone()),
        );
    }
    chart.series(
        Line::new()
            .name(tr!(view.lang, trend_series_expected))
            .symbol(Symbol::None)
            .item_style(ItemStyle::new().color(EXPECTED_MARK))
            .line_style(LineStyle::new().width(2).type_(LineStyleType::Dotted))
            .data(vec![0.0; view.dates.len()]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_district_is_a_line_of_its_own_shape_over_the_zero_line() {
        let view = CompareView {
            dates: vec!["2026-03-31".into(), "2026-06-30".into()],
            towns: vec![
                ("周市镇".into(), vec![Some(-1.5), Some(2.26)]),
                ("陆家镇".into(), vec![None, Some(-3.0)]),
            ],
            lang: Lang::Zh,
        };
        assert_eq!(
            view.description(),
            "折线图：周市镇、陆家镇与序时进度相比的百分点，2 个日期；最新：周市镇 +2.3 (2026-06-30)，陆家镇 -3.0 (2026-06-30)。"
        );
        let option = serde_json::to_value(compare_chart(&view)).expect("json");
        let series = option["series"].as_array().expect("series");
        assert_eq!(series.len(), 3);
        assert_eq!(series[0]["symbol"], "circle");
        assert_eq!(series[1]["symbol"], "diamond");
        assert_eq!(series[1]["data"], serde_json::json!([null, -3.0]));
        assert_eq!(series[2]["data"], serde_json::json!([0.0, 0.0]));
        assert_eq!(series[2]["lineStyle"]["type"], "dotted");
    }
}
