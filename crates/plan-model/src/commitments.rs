//! Commitments (举措) over time: each one's stage at the release's date, its
//! updates newest first, when it is due and whether that is near or past.
//! The plan sets only its year; a responsible unit's work plan may set an
//! earlier date (`progress.json` `deadlines`).

use std::collections::BTreeMap;

use crate::date::{day_number, due_end};
use crate::messages::{Msg, say};
use crate::plan::{Commitment, CommitmentKind, PlanDocument};
use crate::progress::{ProgressDocument, Stage, Update};
use crate::text::Lang;

/// A deadline this many days or fewer after the figures' date is "due soon".
pub const DUE_SOON_DAYS: i64 = 31;

impl Stage {
    /// Every stage, in the order of a roll-up.
    pub const ALL: [Stage; 5] =
        [Stage::Done, Stage::InProgress, Stage::Delayed, Stage::Stalled, Stage::NotStarted];

    /// The stage's words.
    pub fn msg(self) -> Msg {
        match self {
            Stage::NotStarted => Msg::StageNotStarted,
            Stage::InProgress => Msg::StageInProgress,
            Stage::Delayed => Msg::StageDelayed,
            Stage::Stalled => Msg::StageStalled,
            Stage::Done => Msg::StageDone,
        }
    }

    /// The stage in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        self.msg().template(lang)
    }

    /// A glyph that tells the stages apart without colour; always shown with
    /// the words.
    pub fn icon(self) -> &'static str {
        match self {
            Stage::NotStarted => "○",
            Stage::InProgress => "◐",
            Stage::Delayed => "▲",
            Stage::Stalled => "‖",
            Stage::Done => "✔",
        }
    }

    /// The stage's id in data and CSS (`in_progress` …).
    pub fn code(self) -> &'static str {
        match self {
            Stage::NotStarted => "not_started",
            Stage::InProgress => "in_progress",
            Stage::Delayed => "delayed",
            Stage::Stalled => "stalled",
            Stage::Done => "done",
        }
    }
}

impl CommitmentKind {
    /// The kind's words.
    pub fn msg(self) -> Msg {
        match self {
            CommitmentKind::Build => Msg::CommitmentBuild,
            CommitmentKind::Programme => Msg::CommitmentProgramme,
            CommitmentKind::Support => Msg::CommitmentSupport,
            CommitmentKind::Mechanism => Msg::CommitmentMechanism,
            CommitmentKind::Policy => Msg::CommitmentPolicy,
            CommitmentKind::Standard => Msg::CommitmentStandard,
            CommitmentKind::Pilot => Msg::CommitmentPilot,
        }
    }

    /// The kind in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        self.msg().template(lang)
    }
}

/// Where a commitment stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineState {
    /// Past its date and not done.
    Overdue,
    /// Due within [`DUE_SOON_DAYS`] and not done.
    DueSoon,
    /// Further off, not done.
    Later,
    /// Done.
    Met,
}

impl DeadlineState {
    /// The state's words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DeadlineState::Overdue => Msg::DueOverdue,
            DeadlineState::DueSoon => Msg::DueSoon,
            DeadlineState::Later => Msg::DueLater,
            DeadlineState::Met => Msg::DueMet,
        }
        .template(lang)
    }

    /// The state's id in CSS (`overdue` …).
    pub fn code(self) -> &'static str {
        match self {
            DeadlineState::Overdue => "overdue",
            DeadlineState::DueSoon => "due-soon",
            DeadlineState::Later => "later",
            DeadlineState::Met => "met",
        }
    }

    /// True where a reader should be told: overdue or due soon.
    pub fn needs_notice(self) -> bool {
        matches!(self, DeadlineState::Overdue | DeadlineState::DueSoon)
    }
}

/// When something is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The last day, `YYYY-MM-DD`.
    pub date: String,
    /// As the data writes it (`2026-Q3` or a date).
    pub written: String,
    /// True when no work plan sets a date and the plan year's end stands.
    pub from_plan: bool,
}

impl Due {
    /// The due date as a reader sees it: as written, or the plan year's end
    /// said as such.
    pub fn text(&self, lang: Lang) -> String {
        if self.from_plan {
            say(Msg::DueByPlanYear, lang, &[("date", &self.date)])
        } else if self.written == self.date {
            self.date.clone()
        } else {
            say(Msg::DueWrittenAs, lang, &[("written", &self.written), ("date", &self.date)])
        }
    }
}

/// When a commitment or milestone is due: its work plan's date, else the end
/// of the plan year.
pub fn due_of(plan: &PlanDocument, progress: &ProgressDocument, id: &str) -> Due {
    let set = progress.deadlines.iter().find(|d| d.of == id);
    match set.and_then(|d| due_end(&d.due).map(|end| (d, end))) {
        Some((d, date)) => Due { date, written: d.due.clone(), from_plan: false },
        None => {
            let date = format!("{}-12-31", plan.plan.plan_year);
            Due { written: date.clone(), date, from_plan: true }
        }
    }
}

/// Where work at `stage` stands against a due date, seen from `as_of`.
pub fn deadline_state(stage: Stage, due: &str, as_of: &str) -> DeadlineState {
    if stage == Stage::Done {
        return DeadlineState::Met;
    }
    match (day_number(due), day_number(as_of)) {
        (Some(due), Some(now)) if due <= now => DeadlineState::Overdue,
        (Some(due), Some(now)) if due - now <= DUE_SOON_DAYS => DeadlineState::DueSoon,
        _ => DeadlineState::Later,
    }
}

/// The updates about a task or commitment, newest first.
pub fn updates_of<'a>(progress: &'a ProgressDocument, id: &str) -> Vec<&'a Update> {
    let mut found: Vec<&Update> = progress.updates.iter().filter(|u| u.of == id).collect();
    found.sort_by(|a, b| b.as_of.cmp(&a.as_of));
    found
}

/// A commitment as it stands at the figures' date.
#[derive(Debug, Clone)]
pub struct CommitmentState<'a> {
    /// The commitment.
    pub commitment: &'a Commitment,
    /// Its latest stage; not started when nothing is recorded.
    pub stage: Stage,
    /// Its updates, newest first.
    pub updates: Vec<&'a Update>,
    /// When it is due.
    pub due: Due,
    /// Where it stands against that.
    pub deadline: DeadlineState,
}

impl CommitmentState<'_> {
    /// The newest update, if any.
    pub fn latest(&self) -> Option<&Update> {
        self.updates.first().copied()
    }
}

/// One commitment's state at the release's date (`progress.release.as_of`).
pub fn commitment_state<'a>(
    plan: &PlanDocument,
    progress: &'a ProgressDocument,
    commitment: &'a Commitment,
) -> CommitmentState<'a> {
    let updates = updates_of(progress, &commitment.id);
    let stage = updates.iter().find_map(|u| u.stage).unwrap_or(Stage::NotStarted);
    let due = due_of(plan, progress, &commitment.id);
    let deadline = deadline_state(stage, &due.date, &progress.release.as_of);
    CommitmentState { commitment, stage, updates, due, deadline }
}

/// The states of the commitments `keep` picks, in the plan's order.
pub fn commitment_states<'a>(
    plan: &'a PlanDocument,
    progress: &'a ProgressDocument,
    keep: impl Fn(&Commitment) -> bool,
) -> Vec<CommitmentState<'a>> {
    plan.commitments
        .iter()
        .filter(|c| keep(c))
        .map(|c| commitment_state(plan, progress, c))
        .collect()
}

/// How many commitments are at each stage (stages with none left out).
pub fn stage_counts(states: &[CommitmentState<'_>]) -> BTreeMap<Stage, usize> {
    let mut counts = BTreeMap::new();
    for s in states {
        *counts.entry(s.stage).or_insert(0) += 1;
    }
    counts
}

/// A milestone indicator's stage (its latest record's), its due date and
/// where it stands against it.
pub fn milestone_deadline(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    indicator: &str,
) -> (Stage, Due, DeadlineState) {
    let stage = progress
        .milestones
        .iter()
        .filter(|m| m.indicator == indicator)
        .max_by(|a, b| a.as_of.cmp(&b.as_of))
        .map_or(Stage::NotStarted, |m| m.stage);
    let due = due_of(plan, progress, indicator);
    let state = deadline_state(stage, &due.date, &progress.release.as_of);
    (stage, due, state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_from_the_figures_date() {
        let as_of = "2026-09-30";
        assert_eq!(deadline_state(Stage::InProgress, "2026-09-30", as_of), DeadlineState::Overdue);
        assert_eq!(deadline_state(Stage::InProgress, "2026-06-30", as_of), DeadlineState::Overdue);
        assert_eq!(deadline_state(Stage::Stalled, "2026-10-31", as_of), DeadlineState::DueSoon);
        assert_eq!(deadline_state(Stage::NotStarted, "2026-11-01", as_of), DeadlineState::Later);
        assert_eq!(deadline_state(Stage::Done, "2026-03-31", as_of), DeadlineState::Met);
    }
}
