//! The assessed state every page and figure reads: a release's progress
//! figures as they stood at the period filter's date, and their scorecard.
//! The shell computes it once per release and period (see `app::context`) and
//! shares it; nothing below it assesses again. Pure, tested natively.

use std::sync::{Arc, OnceLock};

use plan_model::movers::QuarterBefore;
use plan_model::status::StatusContext;
use plan_model::{PlanDocument, ProgressDocument, Scorecard};

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
}

impl Assessed {
    /// Looks the figures back to `period` and assesses them.
    pub fn new(plan: Arc<PlanDocument>, full: Arc<ProgressDocument>, period: Option<&str>) -> Self {
        let data = match period {
            Some(date) => Arc::new(full.as_of(date)),
            None => full.clone(),
        };
        let card = Scorecard::compute(&plan, &data);
        Assessed {
            plan,
            full,
            data,
            period: period.map(str::to_owned),
            card,
            quarter_before: OnceLock::new(),
        }
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
