//! The one view model every page, figure and feed reads: a release's
//! progress figures as they stood at the period filter's date, their
//! scorecard, and what is summed up from it (each task's and department's
//! roll-up, the districts' standings over a set of indicators, the figures a
//! quarter before), each computed the first time it is asked for and then
//! kept. The shell makes one per release and period (`portal_ui::context`), the
//! static site one per release; nothing else assesses or ranks. Pure, tested
//! natively.

use std::sync::{Arc, Mutex, OnceLock};

use plan_model::movers::QuarterBefore;
use plan_model::status::{
    DistrictStanding, RollUp, StatusContext, department_indicators, district_average_completion,
    indicator_history, rank_districts, roll_up,
};
use plan_model::{PlanDocument, ProgressDocument, Scorecard, Status};

/// How many sets of indicators keep their standings (one per goal and task
/// filter a reader tried; a site build asks for two).
const STANDINGS_KEPT: usize = 16;

/// The districts ranked over a set of indicators.
#[derive(Debug, Clone)]
pub struct Standings {
    /// Every district, best first, the unmeasured last.
    pub list: Vec<DistrictStanding>,
    /// The measured districts' mean completion.
    pub average: Option<f64>,
}

impl Standings {
    /// A district's standing.
    pub fn of(&self, district: &str) -> Option<&DistrictStanding> {
        self.list.iter().find(|s| s.district == district)
    }
}

/// The plan, a release's figures, and their assessment at one period.
#[derive(Debug)]
pub struct Assessed {
    /// The plan the figures are assessed against.
    pub plan: Arc<PlanDocument>,
    /// The release's figures, every date (trends and histories read them).
    pub full: Arc<ProgressDocument>,
    /// The figures as they stood at the period's date: the same `Arc` as
    /// `full` when no period is chosen (nothing is copied).
    pub data: Arc<ProgressDocument>,
    /// The period (`YYYY-MM-DD`), if one is chosen.
    pub period: Option<String>,
    /// Every indicator assessed, citywide and per district, from `data`.
    pub card: Scorecard,
    /// The figures a quarter before `data`'s date, assessed when a page first
    /// asks (movers, rank changes) and then kept: every district page of a
    /// site build shares one.
    quarter_before: OnceLock<Option<QuarterBefore>>,
    /// Each task's roll-up, citywide over all its indicators, in the plan's
    /// order of tasks.
    tasks: OnceLock<Vec<RollUp>>,
    /// Each department's roll-up over the indicators of the tasks it leads
    /// or supports, in the plan's order of departments.
    departments: OnceLock<Vec<RollUp>>,
    /// Each indicator's citywide status at every report (to the period), in
    /// the plan's order of indicators, each made when first asked for.
    histories: Vec<OnceLock<Vec<(String, Status)>>>,
    /// The standings over each set of indicators asked for, newest last.
    standings: Mutex<Vec<(Vec<String>, Arc<Standings>)>>,
}

impl Assessed {
    /// Looks the figures back to `period` and assesses them.
    pub fn new(plan: Arc<PlanDocument>, full: Arc<ProgressDocument>, period: Option<&str>) -> Self {
        let data = match period {
            Some(date) => Arc::new(full.as_of(date)),
            None => full.clone(),
        };
        let card = Scorecard::compute(&plan, &data);
        let histories = plan.indicators.iter().map(|_| OnceLock::new()).collect();
        Assessed {
            plan,
            full,
            data,
            period: period.map(str::to_owned),
            card,
            quarter_before: OnceLock::new(),
            tasks: OnceLock::new(),
            departments: OnceLock::new(),
            histories,
            standings: Mutex::new(Vec::new()),
        }
    }

    /// A task's roll-up, citywide over all its indicators.
    pub fn task(&self, id: &str) -> Option<&RollUp> {
        let at = self.plan.tasks.iter().position(|t| t.id == id)?;
        self.tasks
            .get_or_init(|| {
                let ctx = self.ctx();
                self.plan
                    .tasks
                    .iter()
                    .map(|t| roll_up(&ctx, self.card.city_of(&t.indicators)))
                    .collect()
            })
            .get(at)
    }

    /// A department's roll-up over the indicators of the tasks it leads or
    /// supports.
    pub fn department(&self, id: &str) -> Option<&RollUp> {
        let at = self.plan.departments.iter().position(|d| d.id == id)?;
        self.departments
            .get_or_init(|| {
                let ctx = self.ctx();
                let of = |id: &str| department_indicators(&self.plan, id);
                self.plan
                    .departments
                    .iter()
                    .map(|d| roll_up(&ctx, self.card.city_of(&of(&d.id))))
                    .collect()
            })
            .get(at)
    }

    /// An indicator's citywide status at each report up to the period, oldest
    /// first.
    pub fn indicator_history(&self, id: &str) -> Option<&[(String, Status)]> {
        let at = self.plan.indicators.iter().position(|i| i.id == id)?;
        let history = self
            .histories
            .get(at)?
            .get_or_init(|| indicator_history(&self.plan, &self.data, &self.plan.indicators[at]));
        Some(history)
    }

    /// The districts ranked over `indicators` (every indicator with district
    /// figures when empty), computed once for each set.
    pub fn standings(&self, indicators: &[String]) -> Arc<Standings> {
        let mut kept = self.standings.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, found)) = kept.iter().find(|(set, _)| set.as_slice() == indicators) {
            return found.clone();
        }
        let list = rank_districts(&self.plan, &self.card, &self.ctx(), indicators);
        let average = district_average_completion(&list);
        let made = Arc::new(Standings { list, average });
        if kept.len() == STANDINGS_KEPT {
            kept.remove(0);
        }
        kept.push((indicators.to_vec(), made.clone()));
        made
    }

    /// A district's standing over every indicator of the plan, and how many
    /// districts are ranked (what a page's answer and its picture say).
    pub fn district_rank(&self, id: &str) -> Option<(DistrictStanding, usize)> {
        let all: Vec<String> = self.plan.indicators.iter().map(|i| i.id.clone()).collect();
        let standings = self.standings(&all);
        let ranked = standings.list.iter().filter(|s| s.rank.is_some()).count();
        Some((standings.of(id)?.clone(), ranked))
    }

    /// The figures a quarter before the figures' date, assessed once; `None`
    /// when the release has none that early.
    pub fn quarter_before(&self) -> Option<&QuarterBefore> {
        self.quarter_before
            .get_or_init(|| QuarterBefore::of(&self.plan, &self.full, &self.data.release.as_of))
            .as_ref()
    }

    /// The status context (plan year, bands, expected-progress schedule).
    pub fn ctx(&self) -> StatusContext<'_> {
        StatusContext::new(&self.plan, &self.data)
    }
}

/// The bundled plan and sample progress, for unit tests of the app.
#[cfg(test)]
pub(crate) fn bundled() -> (Arc<PlanDocument>, Arc<ProgressDocument>) {
    let text = include_str!("../../../public/data/plan.json");
    let plan = plan_model::parse_plan("plan.json", text).expect("plan");
    let text = include_str!("../../../public/data/progress.json");
    let progress = plan_model::parse_progress("progress.json", text).expect("progress");
    (Arc::new(plan), Arc::new(progress))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_period_shares_the_figures_and_a_period_looks_back() {
        let (plan, full) = bundled();
        let now = Assessed::new(plan.clone(), full.clone(), None);
        assert!(Arc::ptr_eq(&now.data, &full), "no copy without a period");
        let then = Assessed::new(plan, full.clone(), Some("2026-03-31"));
        assert!(then.data.observations.iter().all(|o| o.as_of.as_str() <= "2026-03-31"));
        assert!(then.data.observations.len() < full.observations.len());
        assert_eq!(then.period.as_deref(), Some("2026-03-31"));
    }
}
