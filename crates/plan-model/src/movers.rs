//! Who moved most: each indicator's standing against the expected progress
//! now and a quarter before, from the figures of one release, so the overview
//! can say what got better and what got worse without fetching another.

use serde::Serialize;

use crate::date::day_number;
use crate::plan::PlanDocument;
use crate::progress::ProgressDocument;
use crate::status::{Scorecard, Status, StatusContext, rank_districts};

/// How far back "moved" looks: the latest date with figures at least about
/// a quarter before.
const QUARTER_DAYS: i64 = 85;
/// Smaller moves than this, in points, are noise in the figures.
const SMALLEST_MOVE: f64 = 0.5;

/// One indicator's move.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    /// Indicator id.
    pub indicator: String,
    /// Status then.
    pub before: Status,
    /// Status now.
    pub now: Status,
    /// Points gained against the expected progress (negative: lost).
    pub points: f64,
}

/// The biggest moves up and down since a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Movers {
    /// The date compared with.
    pub since: String,
    /// Gained most first.
    pub up: Vec<Move>,
    /// Lost most first.
    pub down: Vec<Move>,
}

/// The date to compare `as_of` with: the latest date with figures at least
/// about a quarter before it.
pub fn compared_date(progress: &ProgressDocument, as_of: &str) -> Option<String> {
    let now = day_number(as_of)?;
    progress.periods().into_iter().find(|p| day_number(p).is_some_and(|d| now - d >= QUARTER_DAYS))
}

/// The figures as they stood a quarter before a date, assessed once: what
/// "moved most" and every district's rank change compare with.
#[derive(Debug)]
pub struct QuarterBefore {
    /// The date compared with.
    pub since: String,
    /// The figures as they stood then.
    pub progress: ProgressDocument,
    /// Every indicator assessed then.
    pub card: Scorecard,
}

impl QuarterBefore {
    /// The figures a quarter before `as_of`, from one release's `progress`
    /// (every date); `None` when it has no date that early.
    pub fn of(plan: &PlanDocument, progress: &ProgressDocument, as_of: &str) -> Option<Self> {
        let since = compared_date(progress, as_of)?;
        let then = progress.as_of(&since);
        let card = Scorecard::compute(plan, &then);
        Some(QuarterBefore { since, progress: then, card })
    }
}

/// The `count` biggest moves each way between a quarter before `as_of` and
/// `as_of`, citywide: the change in each indicator's gap to the expected
/// progress (an indicator met both times has not moved). `None` when there
/// is no earlier date to compare with.
pub fn movers(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    as_of: &str,
    count: usize,
) -> Option<Movers> {
    let before = QuarterBefore::of(plan, progress, as_of)?;
    let now = Scorecard::compute(plan, &progress.as_of(as_of));
    Some(movers_since(plan, &now, &before, count))
}

/// [`movers`] from the assessment now and the one a quarter before (each
/// made once, for every page that asks).
pub fn movers_since(
    plan: &PlanDocument,
    now: &Scorecard,
    before: &QuarterBefore,
    count: usize,
) -> Movers {
    let then = &before.card;
    let mut moves: Vec<Move> = plan
        .indicators
        .iter()
        .filter_map(|i| {
            let (a, b) = (now.city.get(&i.id)?, then.city.get(&i.id)?);
            if a.status == Status::Achieved && b.status == Status::Achieved {
                return None;
            }
            let points = b.gap_points? - a.gap_points?;
            (points.abs() >= SMALLEST_MOVE).then(|| Move {
                indicator: i.id.clone(),
                before: b.status,
                now: a.status,
                points,
            })
        })
        .collect();
    moves.sort_by(|a, b| b.points.total_cmp(&a.points));
    let up = moves.iter().filter(|m| m.points > 0.0).take(count).cloned().collect();
    let down = moves.iter().rev().filter(|m| m.points < 0.0).take(count).cloned().collect();
    Movers { since: before.since.clone(), up, down }
}

/// How a district's rank changed since a quarter before: places moved up
/// (negative: down), `None` where it was not ranked then or is not now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankChange {
    /// The date compared with.
    pub since: String,
    /// Rank then.
    pub before: Option<usize>,
    /// Rank now.
    pub now: Option<usize>,
}

impl RankChange {
    /// Places gained (negative: lost); `None` without both ranks.
    pub fn places_up(&self) -> Option<i64> {
        Some(self.before? as i64 - self.now? as i64)
    }
}

/// Each district's rank change over `indicators` (all with district figures
/// when empty) between a quarter before `as_of` and `as_of`, in the plan's
/// order of districts; `None` when there is no earlier date to compare with.
pub fn rank_changes(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    as_of: &str,
    indicators: &[String],
) -> Option<Vec<(String, RankChange)>> {
    let before = QuarterBefore::of(plan, progress, as_of)?;
    let now = progress.as_of(as_of);
    let card = Scorecard::compute(plan, &now);
    Some(rank_changes_since(plan, (&now, &card), &before, indicators))
}

/// [`rank_changes`] from the figures and assessment now and the ones a
/// quarter before (each made once, for every page that asks).
pub fn rank_changes_since(
    plan: &PlanDocument,
    now: (&ProgressDocument, &Scorecard),
    before: &QuarterBefore,
    indicators: &[String],
) -> Vec<(String, RankChange)> {
    let rank_at = |progress: &ProgressDocument, card: &Scorecard| {
        let ctx = StatusContext::new(plan, progress);
        rank_districts(plan, card, &ctx, indicators)
            .into_iter()
            .map(|s| (s.district, s.rank))
            .collect::<std::collections::BTreeMap<String, Option<usize>>>()
    };
    let (ranks_now, ranks_before) =
        (rank_at(now.0, now.1), rank_at(&before.progress, &before.card));
    plan.districts
        .iter()
        .map(|d| {
            let change = RankChange {
                since: before.since.clone(),
                before: ranks_before.get(&d.id).copied().flatten(),
                now: ranks_now.get(&d.id).copied().flatten(),
            };
            (d.id.clone(), change)
        })
        .collect()
}
