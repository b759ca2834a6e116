//! The plan document's own checks.

use std::collections::HashSet;

use super::findings::{Finding, Findings};
use super::values::texts;
use crate::messages::{Msg, Value, in_each_language, say};
use crate::plan::{PlanDocument, TILE_GRID_MAX, Target};

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
    tiles(&mut f, doc);
    for (i, channel) in doc.plan.feedback.iter().enumerate() {
        let path = format!("plan.feedback[{i}].address");
        if channel.href("x").is_none() {
            f.error(
                "bad-feedback-address",
                path,
                Msg::BadFeedbackAddress,
                &[("address", &channel.address)],
            );
        }
    }

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

/// The tile map: cells inside the grid, one district each; a district left
/// off a map the others are on is a warning (the map says it is missing).
fn tiles(f: &mut Findings, doc: &PlanDocument) {
    let mut taken: Vec<(u32, u32, &str)> = Vec::new();
    for (i, d) in doc.districts.iter().enumerate() {
        let Some(tile) = &d.tile else { continue };
        let path = format!("districts[{i}].tile");
        if tile.column > TILE_GRID_MAX || tile.row > TILE_GRID_MAX {
            f.error(
                "tile-outside-map",
                path.clone(),
                Msg::TileOutsideMap,
                &[("max", &TILE_GRID_MAX)],
            );
        }
        if tile.label.zh.trim().is_empty() || tile.label.en.trim().is_empty() {
            f.error("missing-tile-label", format!("{path}.label"), Msg::MissingTileLabel, &[]);
        }
        match taken.iter().find(|(c, r, _)| (*c, *r) == (tile.column, tile.row)) {
            Some((_, _, other)) => f.error(
                "tile-taken",
                path,
                Msg::TileTaken,
                &[("other", other), ("column", &tile.column), ("row", &tile.row)],
            ),
            None => taken.push((tile.column, tile.row, &d.id)),
        }
    }
    if !taken.is_empty() {
        for (i, d) in doc.districts.iter().enumerate().filter(|(_, d)| d.tile.is_none()) {
            f.warning("no-tile", format!("districts[{i}]"), Msg::NoTile, &[("id", &d.id)]);
        }
    }
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
