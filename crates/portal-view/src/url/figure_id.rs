//! Which chart: the part of an embed URL after `embed/`, and everything else
//! a figure's id names (the page that shows it, its card's class, its file
//! names), kept in one table so that adding a figure is one row.

use std::mem::{Discriminant, discriminant};

use super::Route;

/// Which chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureId {
    /// Targets per goal area (from the plan alone).
    GoalTargets,
    /// Progress of the six goal areas.
    GoalProgress,
    /// Progress of the key tasks.
    TaskProgress,
    /// District × key task heatmap.
    DistrictHeatmap,
    /// Districts ranked by completion against expected progress.
    DistrictRanking,
    /// The districts on a tile map, by status and rank.
    DistrictMap,
    /// One indicator's citywide values over time.
    IndicatorTrend(String),
    /// One indicator in each district.
    IndicatorDistricts(String),
    /// One district's progress by key task.
    DistrictTasks(String),
    /// One district's mean completion over time.
    DistrictTrend(String),
    /// One key task in each district.
    TaskDistricts(String),
    /// The key tasks one department leads or supports.
    DepartmentTasks(String),
    /// The compared districts (`Filters::towns`) against expected progress
    /// over time.
    CompareTrend,
    /// The compared districts by key task.
    CompareTasks,
}

/// A kind of thing with a page of its own, which a figure can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// An indicator.
    Indicator,
    /// A district (区镇).
    District,
    /// A key task.
    Task,
    /// A responsible department.
    Department,
}

impl Subject {
    /// Its path segment (`indicator`), also its name in messages for developers.
    pub fn segment(self) -> &'static str {
        match self {
            Subject::Indicator => "indicator",
            Subject::District => "district",
            Subject::Task => "task",
            Subject::Department => "department",
        }
    }

    fn page(self, id: &str) -> Route {
        let id = id.to_owned();
        match self {
            Subject::Indicator => Route::Indicator(id),
            Subject::District => Route::District(id),
            Subject::Task => Route::Task(id),
            Subject::Department => Route::Department(id),
        }
    }
}

/// How to make the id a row of the table describes.
enum Make {
    Citywide(FigureId),
    Of(Subject, fn(String) -> FigureId),
}

impl Make {
    fn kind(&self) -> Discriminant<FigureId> {
        match self {
            Make::Citywide(id) => discriminant(id),
            Make::Of(_, make) => discriminant(&make(String::new())),
        }
    }
}

/// One row of the table.
struct Spec {
    make: Make,
    /// Last path segment: `goal-progress`, or `trend` in `indicator/<id>/trend`.
    name: &'static str,
    /// The CSS class of its card (tests and styles find charts by it).
    class: &'static str,
    /// File names: the whole name for citywide figures, else after `<id>_`.
    slug: &'static str,
}

const fn row(make: Make, name: &'static str, class: &'static str, slug: &'static str) -> Spec {
    Spec { make, name, class, slug }
}

static TABLE: [Spec; 14] = [
    row(Make::Citywide(FigureId::GoalTargets), "goal-targets", "goal-targets", "goal-targets"),
    row(Make::Citywide(FigureId::GoalProgress), "goal-progress", "goal-progress", "goal-progress"),
    row(Make::Citywide(FigureId::TaskProgress), "task-progress", "task-progress", "task-progress"),
    row(
        Make::Citywide(FigureId::DistrictHeatmap),
        "district-heatmap",
        "heatmap-section",
        "districts-by-task",
    ),
    row(
        Make::Citywide(FigureId::DistrictRanking),
        "district-ranking",
        "ranking-section",
        "district-ranking",
    ),
    row(Make::Citywide(FigureId::DistrictMap), "district-map", "map-section", "district-map"),
    row(Make::Of(Subject::Indicator, FigureId::IndicatorTrend), "trend", "trend-section", "trend"),
    row(
        Make::Of(Subject::Indicator, FigureId::IndicatorDistricts),
        "districts",
        "district-section",
        "by-district",
    ),
    row(Make::Of(Subject::District, FigureId::DistrictTasks), "tasks", "district-tasks", "by-task"),
    row(Make::Of(Subject::District, FigureId::DistrictTrend), "trend", "trend-section", "trend"),
    row(
        Make::Of(Subject::Task, FigureId::TaskDistricts),
        "districts",
        "district-section",
        "by-district",
    ),
    row(
        Make::Of(Subject::Department, FigureId::DepartmentTasks),
        "tasks",
        "department-tasks",
        "tasks",
    ),
    row(Make::Citywide(FigureId::CompareTrend), "compare-trend", "compare-trend", "compare-trend"),
    row(
        Make::Citywide(FigureId::CompareTasks),
        "compare-tasks",
        "compare-tasks",
        "compare-by-task",
    ),
];

impl FigureId {
    fn spec(&self) -> &'static Spec {
        let kind = discriminant(self);
        // Every variant has its row (tested below), so the first row never stands in.
        TABLE.iter().find(|s| s.make.kind() == kind).unwrap_or(&TABLE[0])
    }

    /// The id of the one thing the figure is about, if it is about one.
    pub fn subject_id(&self) -> Option<&str> {
        match self {
            FigureId::GoalTargets
            | FigureId::GoalProgress
            | FigureId::TaskProgress
            | FigureId::DistrictHeatmap
            | FigureId::DistrictRanking
            | FigureId::DistrictMap
            | FigureId::CompareTrend
            | FigureId::CompareTasks => None,
            FigureId::IndicatorTrend(id)
            | FigureId::IndicatorDistricts(id)
            | FigureId::DistrictTasks(id)
            | FigureId::DistrictTrend(id)
            | FigureId::TaskDistricts(id)
            | FigureId::DepartmentTasks(id) => Some(id),
        }
    }

    fn subject(&self) -> Option<(Subject, &str)> {
        match (&self.spec().make, self.subject_id()) {
            (Make::Of(subject, _), Some(id)) => Some((*subject, id)),
            _ => None,
        }
    }

    /// The path after `embed/`, e.g. `indicator/ai-invention-patents/districts`.
    pub fn path(&self) -> String {
        let name = self.spec().name;
        match self.subject() {
            Some((subject, id)) => format!("{}/{id}/{name}", subject.segment()),
            None => name.to_owned(),
        }
    }

    /// Reads the path segments after `embed/` (ids already checked by the caller).
    pub fn parse(parts: &[&str]) -> Option<Self> {
        TABLE.iter().find_map(|spec| match (&spec.make, parts) {
            (Make::Citywide(id), [name]) if *name == spec.name => Some(id.clone()),
            (Make::Of(subject, make), [segment, id, name])
                if *segment == subject.segment() && *name == spec.name =>
            {
                Some(make((*id).to_owned()))
            }
            _ => None,
        })
    }

    /// Every figure there is, for the ids of each kind of subject
    /// (`ids(Subject::Indicator)` lists the plan's indicators …).
    pub fn every(ids: impl Fn(Subject) -> Vec<String>) -> Vec<Self> {
        TABLE
            .iter()
            .flat_map(|spec| match &spec.make {
                Make::Citywide(id) => vec![id.clone()],
                Make::Of(subject, make) => ids(*subject).into_iter().map(make).collect(),
            })
            .collect()
    }

    /// The full page that shows this chart.
    pub fn page(&self) -> Route {
        if self.compares() {
            return Route::Compare;
        }
        self.subject().map_or(Route::Overview, |(subject, id)| subject.page(id))
    }

    /// Whether it compares the districts the address names (`towns`).
    pub fn compares(&self) -> bool {
        matches!(self, FigureId::CompareTrend | FigureId::CompareTasks)
    }

    /// The CSS class of its card (tests and styles find charts by it).
    pub fn class(&self) -> &'static str {
        self.spec().class
    }

    /// What the file names say the chart holds, e.g. `ai-invention-patents_by-district`.
    pub fn slug(&self) -> String {
        let slug = self.spec().slug;
        match self.subject_id() {
            Some(id) => format!("{id}_{slug}"),
            None => slug.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<FigureId> {
        let id = || "x-1".to_owned();
        vec![
            FigureId::GoalTargets,
            FigureId::GoalProgress,
            FigureId::TaskProgress,
            FigureId::DistrictHeatmap,
            FigureId::DistrictRanking,
            FigureId::DistrictMap,
            FigureId::IndicatorTrend(id()),
            FigureId::IndicatorDistricts(id()),
            FigureId::DistrictTasks(id()),
            FigureId::DistrictTrend(id()),
            FigureId::TaskDistricts(id()),
            FigureId::DepartmentTasks(id()),
            FigureId::CompareTrend,
            FigureId::CompareTasks,
        ]
    }

    #[test]
    fn every_figure_has_its_own_row() {
        let kinds = every_kind();
        assert_eq!(kinds.len(), TABLE.len());
        for (id, spec) in kinds.iter().zip(&TABLE) {
            assert!(std::ptr::eq(id.spec(), spec), "{id:?} finds its own row");
        }
    }

    #[test]
    fn paths_round_trip() {
        for id in every_kind() {
            let path = id.path();
            let parts: Vec<&str> = path.split('/').collect();
            assert_eq!(FigureId::parse(&parts), Some(id));
        }
        assert_eq!(FigureId::parse(&["indicator", "x"]), None);
        assert_eq!(FigureId::parse(&["nothing"]), None);
        assert_eq!(FigureId::parse(&["task", "x", "trend"]), None, "no trend of a task");
    }

    #[test]
    fn names_pages_and_files() {
        let id = FigureId::IndicatorDistricts("ai-invention-patents".into());
        assert_eq!(id.path(), "indicator/ai-invention-patents/districts");
        assert_eq!(id.page(), Route::Indicator("ai-invention-patents".into()));
        assert_eq!(id.slug(), "ai-invention-patents_by-district");
        assert_eq!(id.class(), "district-section");
        assert_eq!(FigureId::DistrictHeatmap.slug(), "districts-by-task");
        assert_eq!(FigureId::DistrictHeatmap.page(), Route::Overview);
        assert_eq!(FigureId::DepartmentTasks("mst".into()).page(), Route::Department("mst".into()));
        assert_eq!(FigureId::CompareTasks.page(), Route::Compare);
        assert_eq!(FigureId::CompareTasks.path(), "compare-tasks");
    }
}
