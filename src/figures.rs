//! Every chart on the site as a [`Figure`]: its title, the chart, the table of
//! the same numbers, and where the numbers come from (release, as-of date,
//! sample flag, licence). One builder per chart, called by the page that shows
//! it, by its embed view and by its downloads, so the three always agree.
//! Pure: no DOM, tested natively.

use charming::Chart;
use plan_model::status::{
    StatusContext, district_average_completion, expected_percent, rank_districts, roll_up,
};
use plan_model::{Lang, Pace, PlanDocument, ProgressDocument, Scorecard, Status};

use crate::charts::goal_areas::{GoalAreaTargets, goal_area_targets_chart};
use crate::charts::heatmap::{HeatCell, HeatmapView, heatmap_chart};
use crate::charts::progress::{ProgressRow, ProgressView, progress_chart};
use crate::charts::trend::{TrendView, trend_chart};
use crate::route::{Filters, Route};
use crate::tr;

/// Which chart: the part of an embed URL after `embed/`.
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
}

impl FigureId {
    /// The path after `embed/`, e.g. `indicator/ai-invention-patents/districts`.
    pub fn path(&self) -> String {
        match self {
            FigureId::GoalTargets => "goal-targets".into(),
            FigureId::GoalProgress => "goal-progress".into(),
            FigureId::TaskProgress => "task-progress".into(),
            FigureId::DistrictHeatmap => "district-heatmap".into(),
            FigureId::DistrictRanking => "district-ranking".into(),
            FigureId::IndicatorTrend(id) => format!("indicator/{id}/trend"),
            FigureId::IndicatorDistricts(id) => format!("indicator/{id}/districts"),
            FigureId::DistrictTasks(id) => format!("district/{id}/tasks"),
            FigureId::DistrictTrend(id) => format!("district/{id}/trend"),
            FigureId::TaskDistricts(id) => format!("task/{id}/districts"),
            FigureId::DepartmentTasks(id) => format!("department/{id}/tasks"),
        }
    }

    /// Reads the path segments after `embed/` (ids already checked by the caller).
    pub fn parse(parts: &[&str]) -> Option<Self> {
        let id = |s: &str| s.to_owned();
        Some(match parts {
            ["goal-targets"] => FigureId::GoalTargets,
            ["goal-progress"] => FigureId::GoalProgress,
            ["task-progress"] => FigureId::TaskProgress,
            ["district-heatmap"] => FigureId::DistrictHeatmap,
            ["district-ranking"] => FigureId::DistrictRanking,
            ["indicator", i, "trend"] => FigureId::IndicatorTrend(id(i)),
            ["indicator", i, "districts"] => FigureId::IndicatorDistricts(id(i)),
            ["district", d, "tasks"] => FigureId::DistrictTasks(id(d)),
            ["district", d, "trend"] => FigureId::DistrictTrend(id(d)),
            ["task", t, "districts"] => FigureId::TaskDistricts(id(t)),
            ["department", d, "tasks"] => FigureId::DepartmentTasks(id(d)),
            _ => return None,
        })
    }

    /// The full page that shows this chart.
    pub fn page(&self) -> Route {
        match self {
            FigureId::GoalTargets
            | FigureId::GoalProgress
            | FigureId::TaskProgress
            | FigureId::DistrictHeatmap
            | FigureId::DistrictRanking => Route::Overview,
            FigureId::IndicatorTrend(id) | FigureId::IndicatorDistricts(id) => {
                Route::Indicator(id.clone())
            }
            FigureId::DistrictTasks(id) | FigureId::DistrictTrend(id) => {
                Route::District(id.clone())
            }
            FigureId::TaskDistricts(id) => Route::Task(id.clone()),
            FigureId::DepartmentTasks(id) => Route::Department(id.clone()),
        }
    }

    /// The CSS class of its card (tests and styles find charts by it).
    pub fn class(&self) -> &'static str {
        match self {
            FigureId::GoalTargets => "goal-targets",
            FigureId::GoalProgress => "goal-progress",
            FigureId::TaskProgress => "task-progress",
            FigureId::DistrictHeatmap => "heatmap-section",
            FigureId::DistrictRanking => "ranking-section",
            FigureId::IndicatorTrend(_) | FigureId::DistrictTrend(_) => "trend-section",
            FigureId::IndicatorDistricts(_) | FigureId::TaskDistricts(_) => "district-section",
            FigureId::DistrictTasks(_) => "district-tasks",
            FigureId::DepartmentTasks(_) => "department-tasks",
        }
    }

    /// What the file names say the chart holds, e.g. `ai-invention-patents_by-district`.
    pub fn slug(&self) -> String {
        match self {
            FigureId::GoalTargets => "goal-targets".into(),
            FigureId::GoalProgress => "goal-progress".into(),
            FigureId::TaskProgress => "task-progress".into(),
            FigureId::DistrictHeatmap => "districts-by-task".into(),
            FigureId::DistrictRanking => "district-ranking".into(),
            FigureId::IndicatorTrend(id) | FigureId::DistrictTrend(id) => format!("{id}_trend"),
            FigureId::IndicatorDistricts(id) | FigureId::TaskDistricts(id) => {
                format!("{id}_by-district")
            }
            FigureId::DepartmentTasks(id) => format!("{id}_tasks"),
            FigureId::DistrictTasks(id) => format!("{id}_by-task"),
        }
    }

    /// True for the one chart drawn from the plan alone (no progress figures).
    pub fn plan_only(&self) -> bool {
        *self == FigureId::GoalTargets
    }

    /// Whether the district filter changes this figure (the heatmap marks the
    /// chosen district). Other figures drop it from their filters, so their
    /// embed links, citations and file names do not name a district they ignore.
    pub fn uses_district_filter(&self) -> bool {
        *self == FigureId::DistrictHeatmap
    }
}

/// One table cell. The text is what the table shows; the value, when there is
/// one, is the same number for CSV and JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Shown text.
    pub text: String,
    /// The number, as shown (already rounded).
    pub value: Option<f64>,
    /// A status, shown as icon and words.
    pub status: Option<Status>,
    /// A link to the row's own page.
    pub href: Option<String>,
}

impl Cell {
    /// Plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Cell { text: text.into(), value: None, status: None, href: None }
    }

    /// Text linking to a page of the site.
    pub fn link(text: impl Into<String>, href: String) -> Self {
        Cell { href: Some(href), ..Cell::text(text) }
    }

    /// A number rounded to one decimal, or a dash.
    pub fn percent(value: Option<f64>) -> Self {
        let value = value.map(round1);
        Cell {
            text: value.map_or_else(|| "—".into(), |v| format!("{v:.1}")),
            value,
            ..Cell::text("")
        }
    }

    /// A number exactly as published, or a dash.
    pub fn number(value: Option<f64>) -> Self {
        Cell {
            text: value.map_or_else(|| "—".into(), |v| v.to_string()), value, ..Cell::text("")
        }
    }

    /// A status in words (the icon is added where it is drawn).
    pub fn status(status: Status, lang: Lang) -> Self {
        Cell { status: Some(status), ..Cell::text(status.label(lang)) }
    }

    /// A heatmap cell: completion and status.
    fn heat(cell: &HeatCell, lang: Lang) -> Self {
        Cell {
            text: cell.status.label(lang).to_owned(),
            value: cell.completion.map(round1),
            status: Some(cell.status),
            href: None,
        }
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Cells, the first one the row's heading.
    pub cells: Vec<Cell>,
    /// Highlighted (the district the reader chose).
    pub selected: bool,
}

impl TableRow {
    fn new(cells: Vec<Cell>) -> Self {
        TableRow { cells, selected: false }
    }
}

/// The table beside a chart: exactly the chart's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headings, first the row-heading column.
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<TableRow>,
}

/// Where a figure's numbers come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Who publishes the plan (the source line).
    pub publisher: String,
    /// The plan's title.
    pub plan_title: String,
    /// The plan's document number (文号).
    pub document_number: String,
    /// Release version, when the figure uses progress figures.
    pub release: Option<String>,
    /// The date the figures refer to (the plan's issue date for plan-only figures).
    pub as_of: String,
    /// Sample (made-up) figures.
    pub sample: bool,
    /// Licence name.
    pub licence: String,
    /// Link to the licence text.
    pub licence_url: String,
}

impl Provenance {
    /// The source line drawn under exported images and shown under embeds.
    /// The plan's issuer is named for the targets only: it published no
    /// progress figures, so the figures are credited to their release (and
    /// called sample data when they are).
    pub fn source_line(&self, lang: Lang) -> String {
        let mut parts = vec![format!(
            "{}{} ({})",
            tr!(lang, targets_from),
            self.publisher,
            self.document_number
        )];
        if let Some(v) = &self.release {
            let kind = if self.sample { tr!(lang, sample_not_official) } else { "" };
            let sep = if kind.is_empty() { "" } else { ", " };
            parts.push(format!(
                "{}{kind}{sep}{} {v}, {} {}",
                tr!(lang, figures_from),
                tr!(lang, release_version),
                tr!(lang, as_of),
                self.as_of
            ));
        }
        parts.push(self.licence.clone());
        parts.push(format!("{}{}", tr!(lang, compiled_by), tr!(lang, site_name)));
        parts.join(" · ")
    }
}

/// A chart with everything needed to show, embed, download and cite it.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Which chart.
    pub id: FigureId,
    /// Heading on its own page ("By district").
    pub heading: String,
    /// Title that stands alone (embed, image, file, citation).
    pub title: String,
    /// One line on how to read it.
    pub subtitle: String,
    /// The filters in words, if any apply.
    pub filter_note: Option<String>,
    /// The chart.
    pub chart: Chart,
    /// Screen-reader summary.
    pub description: String,
    /// The same numbers as a table.
    pub table: Table,
    /// CSS height of the chart.
    pub height: &'static str,
    /// Table below the chart at every width.
    pub stacked: bool,
    /// Where the numbers come from.
    pub provenance: Provenance,
    /// Language of every text.
    pub lang: Lang,
    /// The filters it was built with.
    pub filters: Filters,
    /// Points of the chart's first series shown as chosen (the chosen
    /// district's row of the heatmap), kept out of `chart` so that choosing
    /// another district changes the drawn chart's state instead of redrawing
    /// it; `None`: the chart has nothing to choose.
    pub chosen: Option<Vec<usize>>,
}

impl Figure {
    /// One sentence per data point of the chart's first series, in its order,
    /// for stepping through the chart with the arrow keys: "heading: text; …"
    /// for each row, or for each cell of the heatmap (row by row).
    pub fn points(&self) -> Vec<String> {
        let t = &self.table;
        let sep = colon(self.lang);
        let said = |c: &Cell| match (c.value, c.status) {
            (Some(v), Some(s)) => format!("{v} ({})", s.label(self.lang)),
            _ => c.text.clone(),
        };
        if self.id == FigureId::DistrictHeatmap {
            t.rows
                .iter()
                .flat_map(|row| {
                    let name = row.cells.first().map(|c| c.text.clone()).unwrap_or_default();
                    row.cells
                        .iter()
                        .zip(&t.headers)
                        .skip(1)
                        .map(move |(c, h)| format!("{name}, {h}{sep}{}", said(c)))
                })
                .collect()
        } else {
            t.rows
                .iter()
                .map(|row| {
                    row.cells
                        .iter()
                        .zip(&t.headers)
                        .map(|(c, h)| format!("{h}{sep}{}", said(c)))
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .collect()
        }
    }
}

/// Why a figure cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureError {
    /// An id in the URL that the data does not have.
    Unknown {
        /// What kind of thing (indicator, district).
        what: &'static str,
        /// The id.
        id: String,
    },
    /// The figure needs progress figures and none were given.
    NoProgress,
    /// The filters leave nothing to show.
    Empty,
}

/// Builds a figure. `data` is the release's progress figures (not yet looked
/// back: the period filter is applied here).
pub fn build(
    id: &FigureId,
    doc: &PlanDocument,
    data: Option<&ProgressDocument>,
    lang: Lang,
    filters: &Filters,
) -> Result<Figure, FigureError> {
    build_many(std::slice::from_ref(id), doc, data, lang, filters)
        .pop()
        .unwrap_or(Err(FigureError::Empty))
}

/// Builds several figures of one page from one look-back and one scorecard
/// (each is a pass over every figure), in the order of `ids`.
pub fn build_many(
    ids: &[FigureId],
    doc: &PlanDocument,
    data: Option<&ProgressDocument>,
    lang: Lang,
    filters: &Filters,
) -> Vec<Result<Figure, FigureError>> {
    let looked_back = data.map(|full| filters.looking_back(full.clone()));
    let card = looked_back.as_ref().map(|d| Scorecard::compute(doc, d));
    let assessed = looked_back.as_ref().zip(card.as_ref());
    build_assessed(ids, doc, data.zip(assessed), lang, filters)
}

/// `build_many` for figures assessed already: `progress` is the full data,
/// the same looked back to the period filter, and that one's scorecard (a page
/// that keeps them need not assess again for each figure).
pub fn build_assessed(
    ids: &[FigureId],
    doc: &PlanDocument,
    progress: Option<(&ProgressDocument, (&ProgressDocument, &Scorecard))>,
    lang: Lang,
    filters: &Filters,
) -> Vec<Result<Figure, FigureError>> {
    let data = progress.map(|(full, _)| full);
    let parts =
        progress.map(|(_, (looked_back, card))| Parts::new(doc, looked_back, card, filters));
    ids.iter()
        .map(|id| {
            if id.plan_only() {
                return Ok(goal_targets(doc, lang, filters));
            }
            let (Some(full), Some(parts)) = (data, parts.as_ref()) else {
                return Err(FigureError::NoProgress);
            };
            let own_filters = if id.uses_district_filter() {
                filters.clone()
            } else {
                Filters { district: None, ..filters.clone() }
            };
            let built = match id {
                FigureId::GoalTargets => Ok(goal_targets(doc, lang, filters)),
                FigureId::GoalProgress => goal_progress(parts, lang),
                FigureId::TaskProgress => task_progress(parts, lang),
                FigureId::DistrictHeatmap => district_heatmap(parts, lang),
                FigureId::DistrictRanking => district_ranking(parts, lang),
                FigureId::IndicatorTrend(i) => indicator_trend(parts, i, lang),
                FigureId::IndicatorDistricts(i) => indicator_districts(parts, i, lang),
                FigureId::DistrictTasks(d) => district_tasks(parts, d, lang),
                FigureId::DistrictTrend(d) => district_trend(parts, full, d, lang),
                FigureId::TaskDistricts(t) => task_districts(parts, t, lang),
                FigureId::DepartmentTasks(d) => department_tasks(parts, d, lang),
            }?;
            Ok(Figure {
                id: id.clone(),
                filter_note: filter_note(doc, &own_filters, lang),
                provenance: provenance(doc, Some(parts.data), lang),
                lang,
                filters: own_filters,
                ..built
            })
        })
        .collect()
}

/// What every progress builder needs, computed once.
struct Parts<'a> {
    doc: &'a PlanDocument,
    data: &'a ProgressDocument,
    card: &'a Scorecard,
    ctx: StatusContext<'a>,
    shown: Vec<String>,
    filters: &'a Filters,
}

impl<'a> Parts<'a> {
    fn new(
        doc: &'a PlanDocument,
        data: &'a ProgressDocument,
        card: &'a Scorecard,
        filters: &'a Filters,
    ) -> Self {
        Parts {
            doc,
            data,
            card,
            ctx: StatusContext::new(doc, data),
            shown: filters.indicators(doc),
            filters,
        }
    }
}

/// Where a figure's numbers come from, its texts in a language.
fn provenance(doc: &PlanDocument, data: Option<&ProgressDocument>, lang: Lang) -> Provenance {
    Provenance {
        publisher: doc.plan.issuer.get(lang).to_owned(),
        plan_title: doc.plan.title.get(lang).to_owned(),
        document_number: doc.plan.document_number.clone(),
        release: data.map(|d| d.release.version.clone()),
        as_of: data.map_or_else(|| doc.plan.issue_date.clone(), |d| d.release.as_of.clone()),
        sample: data.is_some_and(|d| d.release.sample),
        licence: doc.plan.licence.name.clone(),
        licence_url: doc.plan.licence.url.clone(),
    }
}

/// The filters in words: "Goal area: Green transition · As of 2026-06-30".
pub fn filter_note(doc: &PlanDocument, filters: &Filters, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(g) = filters.goal.as_ref().and_then(|g| doc.goal_areas.iter().find(|a| &a.id == g))
    {
        parts.push(format!("{}{}{}", tr!(lang, filter_goal), colon(lang), g.short_name.get(lang)));
    }
    if let Some(t) = filters.task.as_ref().and_then(|t| doc.tasks.iter().find(|x| &x.id == t)) {
        parts.push(format!(
            "{}{}{}. {}",
            tr!(lang, filter_task),
            colon(lang),
            t.number,
            t.name.get(lang)
        ));
    }
    if let Some(d) =
        filters.district.as_ref().and_then(|d| doc.districts.iter().find(|x| &x.id == d))
    {
        parts.push(format!("{}{}{}", tr!(lang, filter_district), colon(lang), d.name.get(lang)));
    }
    if let Some(p) = &filters.period {
        parts.push(format!("{} {p}", tr!(lang, as_of)));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The colon after a label, as each language writes it.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

fn figure(
    heading: &str,
    title: String,
    subtitle: String,
    chart: Chart,
    description: String,
    table: Table,
) -> Figure {
    Figure {
        id: FigureId::GoalTargets,
        heading: heading.to_owned(),
        title,
        subtitle,
        filter_note: None,
        chart,
        description,
        table,
        height: "20rem",
        stacked: false,
        provenance: Provenance::default(),
        lang: Lang::Zh,
        filters: Filters::default(),
        chosen: None,
    }
}

fn goal_targets(doc: &PlanDocument, lang: Lang, filters: &Filters) -> Figure {
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
    Figure {
        id: FigureId::GoalTargets,
        provenance: provenance(doc, None, lang),
        lang,
        filters: Filters { district: None, ..filters.clone() },
        ..figure(
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
}

/// A progress figure: bars of completion against expected progress.
fn progress_figure(
    heading: &str,
    title: String,
    subtitle: String,
    what: &str,
    row_header: &str,
    view: ProgressView,
) -> Figure {
    let lang = view.lang;
    let [done, expected] = view.series_names();
    let rows = view
        .rows
        .iter()
        .map(|r| {
            let name = match &r.href {
                Some(href) => Cell::link(r.name.clone(), href.clone()),
                None => Cell::text(r.name.clone()),
            };
            TableRow::new(vec![
                name,
                Cell::status(r.status, lang),
                Cell::percent(r.completion),
                Cell::percent(r.expected),
            ])
        })
        .collect();
    // Long names need the full width: the table goes below the chart.
    let stacked = view.rows.iter().any(|r| r.name.chars().count() > 12);
    Figure {
        stacked,
        ..figure(
            heading,
            title,
            subtitle,
            progress_chart(&view),
            view.description(what),
            Table {
                caption: format!("{heading} {}", tr!(lang, same_data_as_chart)),
                headers: vec![
                    row_header.to_owned(),
                    tr!(lang, col_status).to_owned(),
                    done.to_owned(),
                    expected.to_owned(),
                ],
                rows,
            },
        )
    }
}

fn how_to_read(parts: &Parts, lang: Lang) -> String {
    let mark = if parts.data.release.sample { tr!(lang, sample_mark) } else { "" };
    format!("{mark}{}", tr!(lang, how_to_read_progress))
}

fn goal_progress(parts: &Parts, lang: Lang) -> Result<Figure, FigureError> {
    let (doc, shown) = (parts.doc, &parts.shown);
    if shown.is_empty() {
        return Err(FigureError::Empty);
    }
    let rows = doc
        .goal_areas
        .iter()
        .filter(|g| parts.filters.goal.as_ref().is_none_or(|f| f == &g.id))
        .map(|g| {
            let ids: Vec<String> =
                g.indicators.iter().filter(|i| shown.contains(i)).cloned().collect();
            ProgressRow::new(
                g.short_name.get(lang).to_owned(),
                &roll_up(&parts.ctx, parts.card.city_of(&ids)),
            )
        })
        .collect();
    let heading = tr!(lang, goal_progress_heading);
    Ok(progress_figure(
        heading,
        heading.to_owned(),
        how_to_read(parts, lang),
        tr!(lang, goal_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}

fn task_progress(parts: &Parts, lang: Lang) -> Result<Figure, FigureError> {
    let (doc, shown) = (parts.doc, &parts.shown);
    let rows: Vec<ProgressRow> = doc
        .tasks
        .iter()
        .filter(|t| parts.filters.task.as_ref().is_none_or(|f| f == &t.id))
        .filter(|t| t.indicators.iter().any(|i| shown.contains(i)))
        .map(|t| {
            let ids: Vec<String> =
                t.indicators.iter().filter(|i| shown.contains(i)).cloned().collect();
            ProgressRow::new(
                format!("{}. {}", t.number, t.name.get(lang)),
                &roll_up(&parts.ctx, parts.card.city_of(&ids)),
            )
            .with_href(Route::Task(t.id.clone()).href(lang))
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, task_progress_heading);
    Ok(progress_figure(
        heading,
        heading.to_owned(),
        how_to_read(parts, lang),
        tr!(lang, task_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}

fn district_heatmap(parts: &Parts, lang: Lang) -> Result<Figure, FigureError> {
    let (doc, card, shown) = (parts.doc, &parts.card, &parts.shown);
    let tasks: Vec<_> = doc
        .tasks
        .iter()
        .filter(|t| t.indicators.iter().any(|i| shown.contains(i)))
        // Only tasks with district figures make a column.
        .filter(|t| t.indicators.iter().any(|i| card.districts.keys().any(|(_, ind)| ind == i)))
        .collect();
    if tasks.is_empty() {
        return Err(FigureError::Empty);
    }
    let cells: Vec<Vec<HeatCell>> = doc
        .districts
        .iter()
        .map(|d| {
            tasks
                .iter()
                .map(|t| {
                    let items = t
                        .indicators
                        .iter()
                        .filter(|i| shown.contains(i))
                        .filter_map(|i| card.districts.get(&(d.id.clone(), i.clone())));
                    let r = roll_up(&parts.ctx, items);
                    HeatCell {
                        completion: r.mean_completion_percent.map(|c| c.min(100.0)),
                        status: r.status,
                    }
                })
                .collect()
        })
        .collect();
    let heat = HeatmapView {
        columns: tasks.iter().map(|t| t.number.to_string()).collect(),
        rows: doc.districts.iter().map(|d| d.name.get(lang).to_owned()).collect(),
        cells: cells.clone(),
        lang,
    };
    let rows = doc
        .districts
        .iter()
        .zip(&cells)
        .map(|(d, row)| {
            let mut out = vec![Cell::link(
                d.name.get(lang).to_owned(),
                Route::District(d.id.clone()).href(lang),
            )];
            out.extend(row.iter().map(|c| Cell::heat(c, lang)));
            TableRow {
                cells: out,
                selected: parts.filters.district.as_deref() == Some(d.id.as_str()),
            }
        })
        .collect();
    let mut headers = vec![tr!(lang, col_district).to_owned()];
    headers.extend(tasks.iter().map(|t| format!("{}. {}", t.number, t.name.get(lang))));
    // The chosen district's cells are outlined in the chart too (a sign, not a
    // colour); the cells go row by row, as `heatmap_chart` lays them out.
    let chosen_row =
        doc.districts.iter().position(|d| parts.filters.district.as_deref() == Some(&d.id));
    let chosen =
        chosen_row.map(|r| (r * tasks.len()..(r + 1) * tasks.len()).collect()).unwrap_or_default();
    let heading = tr!(lang, heatmap_heading);
    Ok(Figure {
        height: "30rem",
        stacked: true,
        chosen: Some(chosen),
        ..figure(
            heading,
            heading.to_owned(),
            tr!(lang, heatmap_subtitle).to_owned(),
            heatmap_chart(&heat),
            heat.description(),
            Table { caption: tr!(lang, heatmap_caption).to_owned(), headers, rows },
        )
    })
}

fn district_ranking(parts: &Parts, lang: Lang) -> Result<Figure, FigureError> {
    let doc = parts.doc;
    if parts.shown.is_empty() {
        return Err(FigureError::Empty);
    }
    let standings = rank_districts(doc, parts.card, &parts.ctx, &parts.shown);
    let average = district_average_completion(&standings);
    let rows: Vec<ProgressRow> = standings
        .iter()
        .filter_map(|s| {
            let d = doc.districts.iter().find(|d| d.id == s.district)?;
            let rank = s.rank.map_or_else(|| "—".to_owned(), |r| r.to_string());
            Some(
                ProgressRow::new(format!("{rank}. {}", d.name.get(lang)), &s.roll_up)
                    .with_href(Route::District(d.id.clone()).href(lang)),
            )
        })
        .collect();
    let average_line = average.map(|a| format!("{} {:.1}%", tr!(lang, district_average), a));
    let heading = tr!(lang, ranking_heading);
    Ok(progress_figure(
        heading,
        heading.to_owned(),
        format!("{} {}", tr!(lang, ranking_subtitle), average_line.unwrap_or_default()),
        tr!(lang, ranking_what),
        tr!(lang, col_district),
        ProgressView { rows, lang },
    ))
}

fn indicator_trend(parts: &Parts, id: &str, lang: Lang) -> Result<Figure, FigureError> {
    let indicator = parts
        .doc
        .indicator(id)
        .ok_or_else(|| FigureError::Unknown { what: "indicator", id: id.to_owned() })?;
    let mut points: Vec<(String, f64)> = parts
        .data
        .observations
        .iter()
        .filter(|o| o.indicator == indicator.id && o.district.is_none())
        .map(|o| (o.as_of.clone(), o.value))
        .collect();
    points.sort_by(|a, b| a.0.cmp(&b.0));
    let target = indicator.target.level();
    let baseline = indicator.baseline.as_ref().map_or(0.0, |b| b.value);
    let ctx = &parts.ctx;
    let expected = match (indicator.pace, target) {
        (Pace::Accumulates, Some(t)) => Some(
            points
                .iter()
                .map(|(d, _)| {
                    let e = expected_percent(d, ctx.year, &ctx.schedule).unwrap_or(0.0);
                    round1(baseline + (t - baseline) * e / 100.0)
                })
                .collect::<Vec<f64>>(),
        ),
        _ => None,
    };
    let unit = indicator.unit.get(lang).to_owned();
    let trend = TrendView {
        dates: points.iter().map(|p| p.0.clone()).collect(),
        values: points.iter().map(|p| p.1).collect(),
        target,
        expected: expected.clone(),
        unit: unit.clone(),
        lang,
    };
    let name = indicator.name.get(lang).to_owned();
    let [value_name, _, expected_name] = trend.series_names();
    let rows = points
        .iter()
        .enumerate()
        .map(|(i, (d, v))| {
            TableRow::new(vec![
                Cell::text(d.clone()),
                Cell::number(Some(*v)),
                Cell::number(expected.as_ref().and_then(|e| e.get(i)).copied()),
            ])
        })
        .collect();
    let heading = tr!(lang, trend_heading);
    let unit_note = if unit.is_empty() { String::new() } else { format!(" ({unit})") };
    Ok(figure(
        heading,
        format!("{name}{unit_note} · {heading}"),
        tr!(lang, trend_subtitle).to_owned(),
        trend_chart(&trend),
        trend.description(&name),
        Table {
            caption: tr!(lang, trend_caption).to_owned(),
            headers: vec![
                tr!(lang, col_date).to_owned(),
                format!("{value_name}{unit_note}"),
                expected_name.to_owned(),
            ],
            rows,
        },
    ))
}

fn indicator_districts(parts: &Parts, id: &str, lang: Lang) -> Result<Figure, FigureError> {
    let indicator = parts
        .doc
        .indicator(id)
        .ok_or_else(|| FigureError::Unknown { what: "indicator", id: id.to_owned() })?;
    let rows: Vec<ProgressRow> = parts
        .doc
        .districts
        .iter()
        .filter_map(|d| {
            let a = parts.card.districts.get(&(d.id.clone(), indicator.id.clone()))?;
            Some(ProgressRow {
                name: d.name.get(lang).to_owned(),
                status: a.status,
                completion: a.completion_percent.map(|c| c.min(100.0)),
                expected: a.expected_percent,
                href: Some(Route::District(d.id.clone()).href(lang)),
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let name = indicator.name.get(lang).to_owned();
    let heading = tr!(lang, indicator_districts_heading);
    Ok(progress_figure(
        heading,
        format!("{name} · {heading}"),
        tr!(lang, indicator_districts_subtitle).to_owned(),
        &format!("{name} · {}", tr!(lang, districts_word)),
        tr!(lang, col_district),
        ProgressView { rows, lang },
    ))
}

/// The indicators of a district the filters leave, with district figures.
fn district_indicators(parts: &Parts, district: &str) -> Vec<String> {
    parts
        .shown
        .iter()
        .filter(|i| parts.card.districts.contains_key(&(district.to_owned(), (*i).clone())))
        .cloned()
        .collect()
}

fn find_district<'a>(
    doc: &'a PlanDocument,
    id: &str,
) -> Result<&'a plan_model::plan::District, FigureError> {
    doc.districts
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| FigureError::Unknown { what: "district", id: id.to_owned() })
}

fn district_tasks(parts: &Parts, id: &str, lang: Lang) -> Result<Figure, FigureError> {
    let district = find_district(parts.doc, id)?;
    let own = district_indicators(parts, id);
    let rows: Vec<ProgressRow> = parts
        .doc
        .tasks
        .iter()
        .filter_map(|t| {
            let items: Vec<_> = t
                .indicators
                .iter()
                .filter(|i| own.contains(i))
                .filter_map(|i| parts.card.districts.get(&(id.to_owned(), i.clone())))
                .collect();
            (!items.is_empty()).then(|| {
                ProgressRow::new(
                    format!("{}. {}", t.number, t.name.get(lang)),
                    &roll_up(&parts.ctx, items),
                )
                .with_href(Route::Task(t.id.clone()).href(lang))
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, district_tasks_heading);
    Ok(progress_figure(
        heading,
        format!("{} · {heading}", district.name.get(lang)),
        how_to_read(parts, lang),
        tr!(lang, task_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}

/// Mean completion and mean expected progress of a district at each date it
/// reported, up to the chosen period.
fn district_trend(
    parts: &Parts,
    full: &ProgressDocument,
    id: &str,
    lang: Lang,
) -> Result<Figure, FigureError> {
    let district = find_district(parts.doc, id)?;
    let own = district_indicators(parts, id);
    if own.is_empty() {
        return Err(FigureError::Empty);
    }
    let until = parts.filters.period.as_deref();
    let mut dates: Vec<String> = full
        .observations
        .iter()
        .filter(|o| o.district.as_deref() == Some(id))
        .filter(|o| until.is_none_or(|u| o.as_of.as_str() <= u))
        .map(|o| o.as_of.clone())
        .collect();
    dates.sort();
    dates.dedup();
    let (mut values, mut expected, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    for date in dates {
        let then = full.as_of(&date);
        let card = Scorecard::compute(parts.doc, &then);
        let ctx = StatusContext::new(parts.doc, &then);
        let r = roll_up(&ctx, card.district(id).filter(|a| own.contains(&a.indicator)));
        if let (Some(c), Some(e)) = (r.mean_completion_percent, r.mean_expected_percent) {
            values.push(round1(c));
            expected.push(round1(e));
            kept.push(date);
        }
    }
    let trend = TrendView {
        dates: kept,
        values,
        target: Some(100.0),
        expected: Some(expected),
        unit: "%".to_owned(),
        lang,
    };
    let [value_name, _, expected_name] = trend.series_names();
    let rows = trend
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            TableRow::new(vec![
                Cell::text(d.clone()),
                Cell::percent(trend.values.get(i).copied()),
                Cell::percent(trend.expected.as_ref().and_then(|e| e.get(i)).copied()),
            ])
        })
        .collect();
    let heading = tr!(lang, district_trend_heading);
    Ok(figure(
        heading,
        format!("{} · {heading}", district.name.get(lang)),
        tr!(lang, district_trend_subtitle).to_owned(),
        trend_chart(&trend),
        trend.description(tr!(lang, trend_district_what)),
        Table {
            caption: tr!(lang, trend_caption).to_owned(),
            headers: vec![
                tr!(lang, col_date).to_owned(),
                format!("{value_name} (%)"),
                format!("{expected_name} (%)"),
            ],
            rows,
        },
    ))
}

fn task_districts(parts: &Parts, id: &str, lang: Lang) -> Result<Figure, FigureError> {
    let task = parts
        .doc
        .tasks
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| FigureError::Unknown { what: "task", id: id.to_owned() })?;
    let rows: Vec<ProgressRow> = parts
        .doc
        .districts
        .iter()
        .filter_map(|d| {
            let items: Vec<_> = task
                .indicators
                .iter()
                .filter_map(|i| parts.card.districts.get(&(d.id.clone(), i.clone())))
                .collect();
            (!items.is_empty()).then(|| {
                ProgressRow::new(d.name.get(lang).to_owned(), &roll_up(&parts.ctx, items))
                    .with_href(Route::District(d.id.clone()).href(lang))
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, task_districts_heading);
    Ok(progress_figure(
        heading,
        format!("{}. {} · {heading}", task.number, task.name.get(lang)),
        tr!(lang, task_districts_subtitle).to_owned(),
        tr!(lang, districts_word),
        tr!(lang, col_district),
        ProgressView { rows, lang },
    ))
}

fn department_tasks(parts: &Parts, id: &str, lang: Lang) -> Result<Figure, FigureError> {
    let department = parts
        .doc
        .departments
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| FigureError::Unknown { what: "department", id: id.to_owned() })?;
    let rows: Vec<ProgressRow> = parts
        .doc
        .tasks
        .iter()
        .filter_map(|t| {
            let position = t.responsible.iter().position(|r| r == id)?;
            let role = if position == 0 { tr!(lang, role_lead) } else { tr!(lang, role_support) };
            Some(
                ProgressRow::new(
                    match lang {
                        Lang::Zh => format!("{}. {}（{role}）", t.number, t.name.get(lang)),
                        Lang::En => format!("{}. {} ({role})", t.number, t.name.get(lang)),
                    },
                    &roll_up(&parts.ctx, parts.card.city_of(&t.indicators)),
                )
                .with_href(Route::Task(t.id.clone()).href(lang)),
            )
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, department_tasks_heading);
    Ok(progress_figure(
        heading,
        format!("{} · {heading}", department.name.get(lang)),
        how_to_read(parts, lang),
        tr!(lang, task_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}

/// The bundled plan and sample progress, for unit tests here and in `export`.
#[cfg(test)]
pub(crate) fn bundled() -> (PlanDocument, ProgressDocument) {
    let text = include_str!("../public/data/plan.json");
    let plan = plan_model::parse_plan("plan.json", text).expect("plan");
    let text = include_str!("../public/data/progress.json");
    let progress = plan_model::parse_progress("progress.json", text).expect("progress");
    (plan, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_id(doc: &PlanDocument) -> Vec<FigureId> {
        let indicator = doc.indicators[0].id.clone();
        let district = doc.districts[0].id.clone();
        vec![
            FigureId::GoalTargets,
            FigureId::GoalProgress,
            FigureId::TaskProgress,
            FigureId::DistrictHeatmap,
            FigureId::DistrictRanking,
            FigureId::IndicatorTrend(indicator.clone()),
            FigureId::IndicatorDistricts("ai-invention-patents".into()),
            FigureId::DistrictTasks(district.clone()),
            FigureId::DistrictTrend(district),
            FigureId::TaskDistricts(
                doc.tasks
                    .iter()
                    .find(|t| t.indicators.iter().any(|i| i == "ai-invention-patents"))
                    .expect("a task with district figures")
                    .id
                    .clone(),
            ),
            FigureId::DepartmentTasks(doc.tasks[0].responsible[0].clone()),
        ]
    }

    #[test]
    fn keyboard_points_follow_the_chart_data_order() {
        let (doc, data) = bundled();
        let f = build(&FigureId::DistrictHeatmap, &doc, Some(&data), Lang::En, &Filters::default())
            .unwrap();
        let columns = f.table.headers.len() - 1;
        let points = f.points();
        assert_eq!(points.len(), f.table.rows.len() * columns, "one per cell, row by row");
        let (r, c) = (2, 1);
        let cell = &f.table.rows[r].cells[c + 1];
        let point = &points[r * columns + c];
        assert!(point.starts_with(&f.table.rows[r].cells[0].text), "{point}");
        assert!(point.contains(&f.table.headers[c + 1]), "{point}");
        assert!(point.contains(cell.status.unwrap().label(Lang::En)), "{point}");
        let f = build(&FigureId::TaskProgress, &doc, Some(&data), Lang::Zh, &Filters::default())
            .unwrap();
        let points = f.points();
        assert_eq!(points.len(), f.table.rows.len());
        assert!(points[0].starts_with("名称：1. "), "{}", points[0]);
    }

    #[test]
    fn paths_round_trip() {
        let (doc, _) = bundled();
        for id in every_id(&doc) {
            let path = id.path();
            let parts: Vec<&str> = path.split('/').collect();
            assert_eq!(FigureId::parse(&parts), Some(id));
        }
        assert_eq!(FigureId::parse(&["indicator", "x"]), None);
        assert_eq!(FigureId::parse(&["nothing"]), None);
    }

    #[test]
    fn every_figure_builds_with_a_table_as_wide_as_its_headers() {
        let (doc, data) = bundled();
        for lang in [Lang::Zh, Lang::En] {
            for id in every_id(&doc) {
                let f = build(&id, &doc, Some(&data), lang, &Filters::default())
                    .unwrap_or_else(|e| panic!("{id:?}: {e:?}"));
                assert!(!f.table.rows.is_empty(), "{id:?} has rows");
                for row in &f.table.rows {
                    assert_eq!(row.cells.len(), f.table.headers.len(), "{id:?}");
                }
                assert!(!f.title.is_empty());
                assert_eq!(f.provenance.sample, !id.plan_only(), "{id:?}");
            }
        }
    }

    #[test]
    fn provenance_follows_the_period_filter() {
        let (doc, data) = bundled();
        let filters = Filters { period: Some("2026-06-30".into()), ..Filters::default() };
        let f = build(&FigureId::GoalProgress, &doc, Some(&data), Lang::En, &filters).unwrap();
        assert_eq!(f.provenance.as_of, "2026-06-30");
        assert_eq!(f.provenance.release.as_deref(), Some(data.release.version.as_str()));
        assert!(f.filter_note.unwrap().contains("2026-06-30"));
        let line = f.provenance.source_line(Lang::En);
        assert!(line.starts_with("Targets: General Office"), "{line}");
        assert!(line.contains("Progress figures: sample data, not official statistics"), "{line}");
    }

    /// A chosen district's cells (and only those) are the heatmap's chosen
    /// points, its table row is the selected one, and the chart's option is
    /// the same whichever district is chosen (so choosing does not redraw it).
    #[test]
    fn the_heatmap_marks_the_chosen_district() {
        let (doc, data) = bundled();
        let chosen = &doc.districts[3];
        let filters = Filters { district: Some(chosen.id.clone()), ..Filters::default() };
        let f = build(&FigureId::DistrictHeatmap, &doc, Some(&data), Lang::Zh, &filters).unwrap();
        let option = serde_json::to_value(&f.chart).unwrap();
        let axis = if option["yAxis"].is_array() { &option["yAxis"][0] } else { &option["yAxis"] };
        let rows: Vec<&str> =
            axis["data"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        let x_axis =
            if option["xAxis"].is_array() { &option["xAxis"][0] } else { &option["xAxis"] };
        let columns = x_axis["data"].as_array().map_or(0, Vec::len);
        assert!(columns > 0);
        assert_eq!(rows.len(), doc.districts.len());
        let points = option["series"][0]["data"].as_array().unwrap();
        let chosen_points = f.chosen.clone().expect("the heatmap can show a choice");
        assert_eq!(chosen_points.len(), columns, "one cell per task");
        for i in &chosen_points {
            assert_eq!(rows[points[*i][1].as_u64().unwrap() as usize], chosen.name.zh);
        }
        let selected: Vec<usize> =
            f.table.rows.iter().enumerate().filter(|(_, r)| r.selected).map(|(i, _)| i).collect();
        assert_eq!(selected, [3]);
        let none =
            build(&FigureId::DistrictHeatmap, &doc, Some(&data), Lang::Zh, &Filters::default())
                .unwrap();
        assert_eq!(none.chosen, Some(vec![]));
        assert_eq!(none.chart, f.chart, "the option does not depend on the district");
        let other = build(&FigureId::DistrictRanking, &doc, Some(&data), Lang::Zh, &filters);
        assert!(other.map_or(true, |o| o.chosen.is_none()), "other charts choose nothing");
    }

    #[test]
    fn unknown_ids_and_missing_data_are_errors() {
        let (doc, data) = bundled();
        let f = Filters::default();
        assert_eq!(
            build(&FigureId::IndicatorTrend("nope".into()), &doc, Some(&data), Lang::Zh, &f)
                .unwrap_err(),
            FigureError::Unknown { what: "indicator", id: "nope".into() }
        );
        assert_eq!(
            build(&FigureId::TaskProgress, &doc, None, Lang::Zh, &f).unwrap_err(),
            FigureError::NoProgress
        );
        assert!(build(&FigureId::GoalTargets, &doc, None, Lang::Zh, &f).is_ok());
    }
}
