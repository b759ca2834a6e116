//! Semantic checks that the JSON shape alone cannot express: ids that are
//! unique and resolve, targets that make sense. Findings are data, never panics.

use std::collections::HashSet;

use serde::Serialize;

use crate::plan::{PlanDocument, Target};
use crate::text::Lang;

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

struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, code: &'static str, path: String, zh: String, en: String) {
        self.0.push(Finding {
            severity: Severity::Error,
            code,
            path,
            message_zh: zh,
            message_en: en,
        });
    }

    fn warning(&mut self, code: &'static str, path: String, zh: String, en: String) {
        self.0.push(Finding {
            severity: Severity::Warning,
            code,
            path,
            message_zh: zh,
            message_en: en,
        });
    }

    fn unique_ids<'a>(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if id.trim().is_empty() {
                self.error(
                    "empty-id",
                    path,
                    "id 为空：请填写唯一的 id".into(),
                    "empty id: give it a unique id".into(),
                );
            } else if !seen.insert(id) {
                self.error(
                    "duplicate-id",
                    path,
                    format!("id“{id}”重复：{list} 中每个 id 只能出现一次"),
                    format!("duplicate id '{id}': each id may appear only once in {list}"),
                );
            }
        }
        seen
    }

    fn known_refs(
        &mut self,
        path: String,
        refs: &[String],
        known: &HashSet<&str>,
        kind_zh: &str,
        kind_en: &str,
    ) {
        for (i, r) in refs.iter().enumerate() {
            if !known.contains(r.as_str()) {
                self.error(
                    "unknown-reference",
                    format!("{path}[{i}]"),
                    format!("未知的{kind_zh} id“{r}”：请使用已定义的 id"),
                    format!("unknown {kind_en} id '{r}': use an id that is defined"),
                );
            }
        }
    }
}

/// Checks a parsed plan document. An empty list means it is fit to publish.
pub fn validate_plan(doc: &PlanDocument) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    let indicators = f.unique_ids("indicators", doc.indicators.iter().map(|i| i.id.as_str()));
    f.unique_ids("goal_areas", doc.goal_areas.iter().map(|g| g.id.as_str()));
    let tasks = f.unique_ids("tasks", doc.tasks.iter().map(|t| t.id.as_str()));
    f.unique_ids("task_groups", doc.task_groups.iter().map(|g| g.id.as_str()));
    let departments = f.unique_ids("departments", doc.departments.iter().map(|d| d.id.as_str()));
    f.unique_ids("districts", doc.districts.iter().map(|d| d.id.as_str()));

    if !is_iso_date(&doc.plan.issue_date) {
        f.error(
            "bad-date",
            "plan.issue_date".into(),
            format!("日期“{}”格式不对：请写成 YYYY-MM-DD", doc.plan.issue_date),
            format!("date '{}' is not in the form YYYY-MM-DD", doc.plan.issue_date),
        );
    }

    let mut referenced = HashSet::new();
    for (i, area) in doc.goal_areas.iter().enumerate() {
        f.known_refs(
            format!("goal_areas[{i}].indicators"),
            &area.indicators,
            &indicators,
            "指标",
            "indicator",
        );
        referenced.extend(area.indicators.iter().map(String::as_str));
    }
    for (i, task) in doc.tasks.iter().enumerate() {
        f.known_refs(
            format!("tasks[{i}].indicators"),
            &task.indicators,
            &indicators,
            "指标",
            "indicator",
        );
        f.known_refs(
            format!("tasks[{i}].responsible"),
            &task.responsible,
            &departments,
            "责任单位",
            "department",
        );
        referenced.extend(task.indicators.iter().map(String::as_str));
        if task.responsible.is_empty() {
            f.error(
                "no-responsible-unit",
                format!("tasks[{i}].responsible"),
                "任务没有责任单位：请按方案顺序列出，牵头单位在前".into(),
                "task has no responsible unit: list them in the plan's order, lead first".into(),
            );
        }
    }
    for (i, group) in doc.task_groups.iter().enumerate() {
        f.known_refs(format!("task_groups[{i}].tasks"), &group.tasks, &tasks, "任务", "task");
    }

    for (i, ind) in doc.indicators.iter().enumerate() {
        if !referenced.contains(ind.id.as_str()) {
            f.warning(
                "orphan-indicator",
                format!("indicators[{i}]"),
                format!("指标“{}”不属于任何主要目标或重点任务", ind.id),
                format!("indicator '{}' belongs to no goal area and no key task", ind.id),
            );
        }
        if ind.source_text.trim().is_empty() {
            f.error(
                "missing-source-text",
                format!("indicators[{i}].source_text"),
                "缺少方案原文：请照录方案中该目标的原句".into(),
                "missing source text: copy the plan's sentence for this target".into(),
            );
        }
        match ind.target.level() {
            Some(level) if !level.is_finite() || level < 0.0 => f.error(
                "bad-target",
                format!("indicators[{i}].target"),
                format!("目标值 {level} 无效：应为非负数"),
                format!("target level {level} is invalid: it must be a non-negative number"),
            ),
            _ => {}
        }
        if ind.target != Target::Milestone && ind.unit.zh.trim().is_empty() {
            f.error(
                "missing-unit",
                format!("indicators[{i}].unit"),
                "量化目标缺少单位".into(),
                "a quantified target has no unit".into(),
            );
        }
    }
    f.0
}

/// `YYYY-MM-DD` with a real month and day (leap years included).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2026-01-29"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("2026/01/29"));
        assert!(!is_iso_date("26-01-29"));
    }
}
