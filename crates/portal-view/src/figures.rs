//! Every chart on the site as a [`Figure`]: its title, the chart, the table of
//! the same numbers, and where the numbers come from (release, as-of date,
//! sample flag, licence). One builder per chart, in a file per chart family
//! (`progress`, `heatmap`, `trend`, `targets`), all reached through [`build`]:
//! the page that shows a chart, its embed and its downloads call the same
//! one, so the three always agree. Builders read the shared [`Assessed`]
//! state and never assess the figures themselves. Pure: no DOM, tested natively.

mod heatmap;
pub mod map;
mod progress;
mod provenance;
mod table;
mod targets;
mod trend;

use charming::Chart;
use plan_model::status::StatusContext;
use plan_model::{Lang, PlanDocument};

use crate::assessed::Assessed;
use crate::compare::Compared;
use crate::format::colon;
use crate::locale::tr;
use crate::url::{FigureId, Filters, Subject};

pub use provenance::Provenance;
pub use table::{Cell, Table, TableRow};

/// How tall a chart is drawn, on the page and in exported images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartHeight {
    /// Bars and lines: 20rem.
    Standard,
    /// The district × task heatmap: a row per district, 30rem.
    Tall,
}

impl ChartHeight {
    /// In rem (the page's text size).
    pub fn rem(self) -> u32 {
        match self {
            ChartHeight::Standard => 20,
            ChartHeight::Tall => 30,
        }
    }

    /// As a CSS length.
    pub fn css(self) -> String {
        format!("{}rem", self.rem())
    }

    /// In CSS pixels at the default text size (exported images).
    pub fn px(self) -> u32 {
        self.rem() * 16
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
    /// Height of the chart.
    pub height: ChartHeight,
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
    /// The districts' tile map, for the one figure that is a map of links
    /// rather than a chart: its picture is the figure (no chart library).
    pub map: Option<map::TileMap>,
}

impl Figure {
    /// The chart as a picture (`picture::svg`): what the page shows before
    /// any script, with the chosen points outlined. Empty if it cannot be drawn.
    pub fn picture(&self) -> String {
        if let Some(map) = &self.map {
            return crate::picture::tiles(map, self.height.px(), None);
        }
        let chosen = self.chosen.as_deref().unwrap_or_default();
        crate::picture::svg(&self.chart, self.height.px(), chosen).unwrap_or_default()
    }

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
        if matches!(self.id, FigureId::DistrictHeatmap | FigureId::CompareTasks) {
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FigureError {
    /// An id in the URL that the data does not have.
    #[error("no {} with the id {id}", kind.segment())]
    Unknown {
        /// What kind of thing (indicator, task, district, department).
        kind: Subject,
        /// The id.
        id: String,
    },
    /// The figure needs progress figures and none were given.
    #[error("the figure needs progress figures, and none are loaded")]
    NoProgress,
    /// The filters leave nothing to show.
    #[error("the filters leave nothing to show")]
    Empty,
}

impl FigureId {
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

/// What a builder draws: the parts that depend on which chart it is. [`build`]
/// adds what every figure has (id, filters, provenance, language).
struct Drawn {
    heading: String,
    title: String,
    subtitle: String,
    chart: Chart,
    description: String,
    table: Table,
    height: ChartHeight,
    stacked: bool,
    chosen: Option<Vec<usize>>,
    map: Option<map::TileMap>,
}

impl Drawn {
    /// A chart of the standard height with its table beside it on wide screens.
    fn new(
        heading: &str,
        title: String,
        subtitle: String,
        chart: Chart,
        description: String,
        table: Table,
    ) -> Self {
        Drawn {
            heading: heading.to_owned(),
            title,
            subtitle,
            chart,
            description,
            table,
            height: ChartHeight::Standard,
            stacked: false,
            chosen: None,
            map: None,
        }
    }
}

/// Builds one figure. `assessed`: the release's figures assessed at the
/// period filter (see [`Assessed`]); `None` when they are not loaded, which
/// only the plan's own figure can do without.
pub fn build(
    id: &FigureId,
    plan: &PlanDocument,
    assessed: Option<&Assessed>,
    lang: Lang,
    filters: &Filters,
) -> Result<Figure, FigureError> {
    let mut own_filters =
        if id.uses_district_filter() { filters.clone() } else { filters.without_district() };
    own_filters.towns = Vec::new();
    let (drawn, data) = if id.plan_only() {
        (targets::goal_targets(plan, lang), None)
    } else {
        let assessed = assessed.ok_or(FigureError::NoProgress)?;
        let parts = Parts::new(plan, assessed, filters);
        let compared = if id.compares() { parts.compared() } else { Vec::new() };
        // A comparison names the districts it shows (its links, files and
        // citations then show the same); no other figure names any.
        own_filters.towns = compared.iter().map(|d| d.id.clone()).collect();
        let drawn = match id {
            FigureId::GoalTargets => targets::goal_targets(plan, lang),
            FigureId::GoalProgress => progress::goal_progress(&parts, lang)?,
            FigureId::TaskProgress => progress::task_progress(&parts, lang)?,
            FigureId::DistrictHeatmap => heatmap::district_heatmap(&parts, lang)?,
            FigureId::DistrictRanking => progress::district_ranking(&parts, lang)?,
            FigureId::DistrictMap => map::district_map(&parts, lang)?,
            FigureId::IndicatorTrend(i) => trend::indicator_trend(&parts, i, lang)?,
            FigureId::IndicatorDistricts(i) => progress::indicator_districts(&parts, i, lang)?,
            FigureId::DistrictTasks(d) => progress::district_tasks(&parts, d, lang)?,
            FigureId::DistrictTrend(d) => trend::district_trend(&parts, d, lang)?,
            FigureId::TaskDistricts(t) => progress::task_districts(&parts, t, lang)?,
            FigureId::DepartmentTasks(d) => progress::department_tasks(&parts, d, lang)?,
            FigureId::CompareTrend => trend::compare_trend(&parts, &compared, lang)?,
            FigureId::CompareTasks => heatmap::compare_tasks(&parts, &compared, lang)?,
        };
        (drawn, Some(&*assessed.data))
    };
    let Drawn { heading, title, subtitle, chart, description, table, height, stacked, chosen, map } =
        drawn;
    Ok(Figure {
        id: id.clone(),
        heading,
        title,
        subtitle,
        filter_note: filter_note(plan, &own_filters, lang),
        chart,
        description,
        table,
        height,
        stacked,
        provenance: Provenance::of(plan, data, lang),
        lang,
        filters: own_filters,
        chosen,
        map,
    })
}

/// What every progress builder reads, gathered once per figure.
struct Parts<'a> {
    doc: &'a PlanDocument,
    /// The view model: the figures (every date, and as of the period), the
    /// scorecard, roll-ups and standings are read from it.
    assessed: &'a Assessed,
    ctx: StatusContext<'a>,
    /// The indicators the goal and task filters leave.
    shown: Vec<String>,
    filters: &'a Filters,
}

impl<'a> Parts<'a> {
    fn new(doc: &'a PlanDocument, assessed: &'a Assessed, filters: &'a Filters) -> Self {
        Parts {
            doc,
            assessed,
            ctx: assessed.ctx(),
            shown: doc.indicators_in(filters.goal.as_deref(), filters.task.as_deref()),
            filters,
        }
    }
}

impl Parts<'_> {
    /// The districts compared (`Compared`), in order.
    fn compared(&self) -> Vec<&plan_model::plan::District> {
        Compared::of(self.assessed, self.filters)
            .towns
            .iter()
            .filter_map(|t| self.doc.districts.iter().find(|d| &d.id == t))
            .collect()
    }

    /// The district with this id.
    fn district(&self, id: &str) -> Result<&plan_model::plan::District, FigureError> {
        self.doc.districts.iter().find(|d| d.id == id).ok_or_else(|| unknown(Subject::District, id))
    }

    /// The indicators the filters leave that have figures in the district.
    fn district_indicators(&self, district: &str) -> Vec<String> {
        self.shown
            .iter()
            .filter(|i| self.assessed.card.in_district(district, i).is_some())
            .cloned()
            .collect()
    }
}

/// A comparison's title that stands alone: its districts, then what it shows.
fn compared_title(towns: &[&plan_model::plan::District], heading: &str, lang: Lang) -> String {
    let names: Vec<&str> = towns.iter().map(|d| d.name.get(lang)).collect();
    format!("{} · {heading}", names.join(tr!(lang, list_separator)))
}

/// The "not found" error for an id of a kind.
fn unknown(kind: Subject, id: &str) -> FigureError {
    FigureError::Unknown { kind, id: id.to_owned() }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessed::bundled;

    /// Builds a figure from the bundled data, assessed at the filters' period.
    fn build_bundled(id: &FigureId, lang: Lang, filters: &Filters) -> Result<Figure, FigureError> {
        let (doc, data) = bundled();
        let assessed = Assessed::new(doc.clone(), data, filters.period.as_deref());
        build(id, &doc, Some(&assessed), lang, filters)
    }

    fn every_id(doc: &PlanDocument) -> Vec<FigureId> {
        let indicator = doc.indicators[0].id.clone();
        let district = doc.districts[0].id.clone();
        vec![
            FigureId::GoalTargets,
            FigureId::GoalProgress,
            FigureId::TaskProgress,
            FigureId::DistrictHeatmap,
            FigureId::DistrictRanking,
            FigureId::DistrictMap,
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
            FigureId::CompareTrend,
            FigureId::CompareTasks,
        ]
    }

    #[test]
    fn keyboard_points_follow_the_chart_data_order() {
        let f = build_bundled(&FigureId::DistrictHeatmap, Lang::En, &Filters::default()).unwrap();
        let columns = f.table.headers.len() - 1;
        let points = f.points();
        assert_eq!(points.len(), f.table.rows.len() * columns, "one per cell, row by row");
        let (r, c) = (2, 1);
        let cell = &f.table.rows[r].cells[c + 1];
        let point = &points[r * columns + c];
        assert!(point.starts_with(&f.table.rows[r].cells[0].text), "{point}");
        assert!(point.contains(&f.table.headers[c + 1]), "{point}");
        assert!(point.contains(cell.status.unwrap().label(Lang::En)), "{point}");
        let f = build_bundled(&FigureId::TaskProgress, Lang::Zh, &Filters::default()).unwrap();
        let points = f.points();
        assert_eq!(points.len(), f.table.rows.len());
        assert!(points[0].starts_with("名称：1. "), "{}", points[0]);
    }

    #[test]
    fn every_figure_builds_with_a_table_as_wide_as_its_headers() {
        let (doc, _) = bundled();
        for lang in [Lang::Zh, Lang::En] {
            for id in every_id(&doc) {
                let f = build_bundled(&id, lang, &Filters::default())
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
        let (_, data) = bundled();
        let filters = Filters { period: Some("2026-06-30".into()), ..Filters::default() };
        let f = build_bundled(&FigureId::GoalProgress, Lang::En, &filters).unwrap();
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
        let (doc, _) = bundled();
        let chosen = &doc.districts[3];
        let filters = Filters { district: Some(chosen.id.clone()), ..Filters::default() };
        let f = build_bundled(&FigureId::DistrictHeatmap, Lang::Zh, &filters).unwrap();
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
            build_bundled(&FigureId::DistrictHeatmap, Lang::Zh, &Filters::default()).unwrap();
        assert_eq!(none.chosen, Some(vec![]));
        assert_eq!(none.chart, f.chart, "the option does not depend on the district");
        let other = build_bundled(&FigureId::DistrictRanking, Lang::Zh, &filters);
        assert!(other.map_or(true, |o| o.chosen.is_none()), "other charts choose nothing");
    }

    #[test]
    fn unknown_ids_and_missing_data_are_errors() {
        let (doc, _) = bundled();
        let f = Filters::default();
        let nope = || "nope".to_owned();
        for (id, kind) in [
            (FigureId::IndicatorTrend(nope()), Subject::Indicator),
            (FigureId::IndicatorDistricts(nope()), Subject::Indicator),
            (FigureId::TaskDistricts(nope()), Subject::Task),
            (FigureId::DistrictTasks(nope()), Subject::District),
            (FigureId::DistrictTrend(nope()), Subject::District),
            (FigureId::DepartmentTasks(nope()), Subject::Department),
        ] {
            assert_eq!(
                build_bundled(&id, Lang::Zh, &f).unwrap_err(),
                FigureError::Unknown { kind, id: nope() },
                "{id:?} names the kind of thing not found"
            );
        }
        assert_eq!(
            build(&FigureId::TaskProgress, &doc, None, Lang::Zh, &f).unwrap_err(),
            FigureError::NoProgress
        );
        assert!(build(&FigureId::GoalTargets, &doc, None, Lang::Zh, &f).is_ok());
    }
}
