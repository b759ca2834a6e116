//! What the plan sets in each goal area: the one figure drawn from the plan alone.

use plan_model::{Lang, PlanDocument};

use super::{Cell, Drawn, Table, TableRow};
use crate::charts::goal_areas::{GoalAreaTargets, goal_area_targets_chart};
use crate::locale::tr;

pub(super) fn goal_targets(doc: &PlanDocument, lang: Lang) -> Drawn {
    let view = GoalAreaTargets::from_plan(doc, lang);
    let [quantified, milestones] = view.series_names();
    let rows = view
        .rows
        .iter()
        .map(|r| {
            TableRow::new(vec![
                Cell::text(r.name.clone()),
                Cell::number(Some(r.quantified as f64)),
                Cell::number(Some(r.milestones as f64)),
            ])
        })
        .collect();
    let heading = tr!(lang, goal_targets_heading);
    Drawn::new(
        heading,
        heading.to_owned(),
        tr!(lang, goal_targets_subtitle).to_owned(),
        goal_area_targets_chart(&view),
        view.description(),
        Table {
            caption: tr!(lang, goal_targets_caption).to_owned(),
            headers: vec![
                tr!(lang, col_area).to_owned(),
                quantified.to_owned(),
                milestones.to_owned(),
            ],
            rows,
        },
    )
}
