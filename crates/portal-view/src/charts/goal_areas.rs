//! The six main-goal areas (主要目标) and how many targets each sets: numbers the
//! plan states, so nothing here is sample data.

use crate::locale::tr;
use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, ItemStyle, Tooltip, Trigger};
use charming::series::Bar;
use plan_model::{Lang, PlanDocument};

use super::PALETTE;

/// One row of the chart and of its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalAreaRow {
    /// Goal area name in the reader's language.
    pub name: String,
    /// Targets with a number (以上, 超, 达到, 下降 …).
    pub quantified: usize,
    /// Qualitative milestones (推动…研制和建设 …).
    pub milestones: usize,
}

/// What the goal-area chart shows, independent of pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalAreaTargets {
    /// One row per goal area, in the plan's order.
    pub rows: Vec<GoalAreaRow>,
    /// Language of names and labels.
    pub lang: Lang,
}

impl GoalAreaTargets {
    /// Counts each goal area's targets in the plan.
    pub fn from_plan(doc: &PlanDocument, lang: Lang) -> Self {
        let rows = doc
            .goal_areas
            .iter()
            .map(|area| {
                let (quantified, milestones) =
                    doc.goal_area_indicators(area).fold((0, 0), |(q, m), ind| {
                        if ind.target.is_quantified() { (q + 1, m) } else { (q, m + 1) }
                    });
                GoalAreaRow { name: area.short_name.get(lang).to_owned(), quantified, milestones }
            })
            .collect();
        Self { rows, lang }
    }

    /// Names of the two series, in the reader's language.
    pub fn series_names(&self) -> [&'static str; 2] {
        [tr!(self.lang, targets_series_quantified), tr!(self.lang, targets_series_milestones)]
    }

    /// A one-sentence summary for screen readers.
    pub fn description(&self) -> String {
        let total: usize = self.rows.iter().map(|r| r.quantified + r.milestones).sum();
        tr!(self.lang, targets_description, total = total)
    }
}

/// Horizontal stacked bars: one bar per goal area, split into quantified targets
/// and milestones, in the plan's order from the top.
pub fn goal_area_targets_chart(view: &GoalAreaTargets) -> Chart {
    let names: Vec<String> = view.rows.iter().map(|r| r.name.clone()).collect();
    let [quantified_name, milestone_name] = view.series_names();
    // No in-bar labels: ECharts would print "0" on empty stacked segments; the
    // exact numbers are in the tooltip and in the table beside the chart.
    let bar = |name: &str, color: &str, values: Vec<i64>| {
        Bar::new()
            .name(name)
            .stack("targets")
            .bar_width("55%")
            .item_style(ItemStyle::new().color(color))
            .data(values)
    };
    let count = |f: fn(&GoalAreaRow) -> usize| -> Vec<i64> {
        view.rows.iter().map(|r| i64::try_from(f(r)).unwrap_or(i64::MAX)).collect()
    };
    Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top(0))
        .grid(Grid::new().left(8).right(16).top(36).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Value).min_interval(1))
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(names))
        .series(bar(quantified_name, PALETTE[0], count(|r| r.quantified)))
        .series(bar(milestone_name, PALETTE[1], count(|r| r.milestones)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_model::parse_plan;

    fn bundled() -> PlanDocument {
        let text = include_str!("../../../../public/data/plan.json");
        parse_plan("plan.json", text).expect("bundled plan loads")
    }

    #[test]
    fn counts_the_targets_of_each_goal_area() {
        let view = GoalAreaTargets::from_plan(&bundled(), Lang::Zh);
        let summary: Vec<(&str, usize, usize)> =
            view.rows.iter().map(|r| (r.name.as_str(), r.quantified, r.milestones)).collect();
        // Counted by hand from the plan's 主要目标 paragraphs.
        assert_eq!(
            summary,
            [
                ("产业质效", 4, 0),
                ("产品升级", 3, 0),
                ("数智水平", 5, 0),
                ("科技创新", 6, 0),
                ("绿色转型", 4, 0),
                ("算力设施", 2, 2),
            ]
        );
    }

    #[test]
    fn chart_snapshot_zh() {
        let view = GoalAreaTargets::from_plan(&bundled(), Lang::Zh);
        insta::assert_json_snapshot!(goal_area_targets_chart(&view));
    }

    #[test]
    fn chart_snapshot_en() {
        let view = GoalAreaTargets::from_plan(&bundled(), Lang::En);
        insta::assert_json_snapshot!(goal_area_targets_chart(&view));
    }
}
