//! How confident the city is that a key task or a commitment will be
//! delivered (high / medium / low, with a reason, dated by its update): a
//! judgement, kept apart from the measured progress and shown beside it.
//! Where the two disagree (high confidence in something measured behind, low
//! confidence in something on course) the page says so.

use crate::commitments::{CommitmentState, DeadlineState, commitment_state};
use crate::messages::Msg;
use crate::plan::PlanDocument;
use crate::progress::{Confidence, ConfidenceLevel, ProgressDocument, Stage, Update};
use crate::status::Status;
use crate::text::Lang;

impl ConfidenceLevel {
    /// Every level, highest first.
    pub const ALL: [ConfidenceLevel; 3] =
        [ConfidenceLevel::High, ConfidenceLevel::Medium, ConfidenceLevel::Low];

    /// The level's words.
    pub fn msg(self) -> Msg {
        match self {
            ConfidenceLevel::High => Msg::ConfidenceHigh,
            ConfidenceLevel::Medium => Msg::ConfidenceMedium,
            ConfidenceLevel::Low => Msg::ConfidenceLow,
        }
    }

    /// The level in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        self.msg().template(lang)
    }

    /// Its id in data and CSS.
    pub fn code(self) -> &'static str {
        match self {
            ConfidenceLevel::High => "high",
            ConfidenceLevel::Medium => "medium",
            ConfidenceLevel::Low => "low",
        }
    }

    /// Bars that tell the levels apart without colour; always with the words.
    pub fn icon(self) -> &'static str {
        match self {
            ConfidenceLevel::High => "▮▮▮",
            ConfidenceLevel::Medium => "▮▮▯",
            ConfidenceLevel::Low => "▮▯▯",
        }
    }
}

/// The latest rating of a key task or a commitment (as of the data's date),
/// with the update that gives it (its date is the rating's).
pub fn latest<'a>(
    progress: &'a ProgressDocument,
    id: &str,
) -> Option<(&'a Update, &'a Confidence)> {
    progress
        .updates
        .iter()
        .filter(|u| u.of == id)
        .filter_map(|u| u.confidence.as_ref().map(|c| (u, c)))
        .max_by(|a, b| a.0.as_of.cmp(&b.0.as_of))
}

/// The newest update that rates, from updates listed newest first.
pub fn latest_of<'a>(updates: &[&'a Update]) -> Option<&'a Update> {
    updates.iter().copied().find(|u| u.confidence.is_some())
}

/// Whether what is measured is on course (`Some(true)`), off course
/// (`Some(false)`), or says neither (no figures, not started yet).
pub fn measured_on_course(status: Status) -> Option<bool> {
    match status {
        Status::Achieved | Status::OnSchedule => Some(true),
        Status::Behind | Status::SeriouslyBehind => Some(false),
        Status::NoData | Status::NotMeasurable => None,
    }
}

/// A commitment's stage and deadline read the same way: done or under way
/// on time is on course; delayed, stalled or overdue is not.
pub fn commitment_on_course(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    id: &str,
) -> Option<bool> {
    let c = plan.commitment(id)?;
    state_on_course(&commitment_state(plan, progress, c))
}

/// [`commitment_on_course`] from a state already made.
pub fn state_on_course(state: &CommitmentState<'_>) -> Option<bool> {
    if state.deadline == DeadlineState::Overdue {
        return Some(false);
    }
    match state.stage {
        Stage::Done | Stage::InProgress => Some(true),
        Stage::Delayed | Stage::Stalled => Some(false),
        Stage::NotStarted => None,
    }
}

/// True when the rating and the measure point opposite ways: high
/// confidence in what is off course, low in what is on course.
pub fn disagrees(level: ConfidenceLevel, on_course: Option<bool>) -> bool {
    matches!(
        (level, on_course),
        (ConfidenceLevel::High, Some(false)) | (ConfidenceLevel::Low, Some(true))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_opposite_readings_disagree() {
        use ConfidenceLevel::*;
        assert!(disagrees(High, Some(false)));
        assert!(disagrees(Low, Some(true)));
        for level in ConfidenceLevel::ALL {
            assert!(!disagrees(level, None), "nothing measured: no disagreement");
        }
        assert!(!disagrees(Medium, Some(false)) && !disagrees(Medium, Some(true)));
        assert!(!disagrees(High, Some(true)) && !disagrees(Low, Some(false)));
    }
}
