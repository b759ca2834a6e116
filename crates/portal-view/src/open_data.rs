//! The release as open data, in words and tables the site's open-data
//! files (`portal-site`) and the data page share: each table with its
//! columns described once (`tables`), the dataset's name and description
//! (sample figures say so), and how often it comes (`Cadence`).

pub mod tables;

use plan_model::release::ReleaseSummary;
use plan_model::{Lang, PlanDocument, ProgressDocument};

use crate::locale::tr;

/// The dataset's title in `lang`, saying "sample data" when the figures are.
pub fn dataset_title(plan: &PlanDocument, sample: bool, lang: Lang) -> String {
    let title = plan.plan.title.get(lang);
    let what = tr!(lang, open_data_dataset);
    match (sample, lang) {
        (false, _) => format!("{title} · {what}"),
        (true, Lang::Zh) => format!("{title} · {what}（{}）", tr!(lang, sample_data)),
        (true, Lang::En) => format!("{title} · {what} ({})", tr!(lang, sample_data)),
    }
}

/// What a release is, in words: its version, the date its figures are as
/// of, and that sample figures are not official.
pub fn release_words(summary: &ReleaseSummary, lang: Lang) -> String {
    let mut text = format!(
        "{} {} {} · {} {}",
        tr!(lang, open_data_description),
        tr!(lang, release_version),
        summary.version,
        tr!(lang, as_of),
        summary.as_of
    );
    if summary.sample {
        text.push_str(" · ");
        text.push_str(tr!(lang, open_data_sample_note));
    }
    text
}

/// What a catalogue files the data under, in both languages.
pub fn keywords(plan: &PlanDocument) -> Vec<String> {
    let mut words: Vec<String> = [Lang::Zh, Lang::En]
        .into_iter()
        .flat_map(|lang| tr!(lang, open_data_keywords).split(',').map(|w| w.trim().to_owned()))
        .collect();
    words.push(plan.plan.document_number.clone());
    words
}

/// How often the figures come, from the dates they are as of: the median
/// gap between successive dates (none with fewer than two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    /// About a month.
    Monthly,
    /// About a quarter.
    Quarterly,
    /// About half a year.
    HalfYearly,
    /// About a year.
    Yearly,
    /// No steady gap, or too few dates to tell.
    Irregular,
}

impl Cadence {
    /// From dates `YYYY-MM-DD` (in any order, repeats allowed).
    pub fn of<'d>(dates: impl IntoIterator<Item = &'d str>) -> Self {
        let mut days: Vec<i64> =
            dates.into_iter().filter_map(plan_model::date::day_number).collect();
        days.sort_unstable();
        days.dedup();
        let mut gaps: Vec<i64> = days.windows(2).map(|w| w[1] - w[0]).collect();
        if gaps.is_empty() {
            return Cadence::Irregular;
        }
        gaps.sort_unstable();
        match gaps[gaps.len() / 2] {
            27..=35 => Cadence::Monthly,
            84..=100 => Cadence::Quarterly,
            175..=190 => Cadence::HalfYearly,
            360..=370 => Cadence::Yearly,
            _ => Cadence::Irregular,
        }
    }

    /// The EU's frequency vocabulary, which DCAT-AP uses.
    pub fn eu_frequency(self) -> &'static str {
        match self {
            Cadence::Monthly => {
                "http://publications.europa.eu/resource/authority/frequency/MONTHLY"
            }
            Cadence::Quarterly => {
                "http://publications.europa.eu/resource/authority/frequency/QUARTERLY"
            }
            Cadence::HalfYearly => {
                "http://publications.europa.eu/resource/authority/frequency/ANNUAL_2"
            }
            Cadence::Yearly => "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
            Cadence::Irregular => {
                "http://publications.europa.eu/resource/authority/frequency/IRREG"
            }
        }
    }

    /// In words.
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Cadence::Monthly => tr!(lang, cadence_monthly),
            Cadence::Quarterly => tr!(lang, cadence_quarterly),
            Cadence::HalfYearly => tr!(lang, cadence_half_yearly),
            Cadence::Yearly => tr!(lang, cadence_yearly),
            Cadence::Irregular => tr!(lang, cadence_irregular),
        }
    }
}

/// How often the site publishes a release: from the releases' dates (the
/// index, newest first) when there are two or more, else from the figures'
/// own dates.
pub fn release_cadence(releases: &[ReleaseSummary], progress: &ProgressDocument) -> Cadence {
    if releases.len() >= 2 {
        return Cadence::of(releases.iter().map(|r| r.as_of.as_str()));
    }
    Cadence::of(progress.observations.iter().map(|o| o.as_of.as_str()))
}

/// The first and last dates the release's figures and reports are as of.
pub fn covered(progress: &ProgressDocument) -> Option<(String, String)> {
    let dates = progress
        .observations
        .iter()
        .map(|o| &o.as_of)
        .chain(progress.updates.iter().map(|u| &u.as_of));
    let first = dates.clone().min()?;
    let last = dates.max()?;
    Some((first.clone(), last.clone()))
}

#[cfg(test)]
mod tests {
    use super::Cadence;

    #[test]
    fn a_cadence_is_the_median_gap_between_dates() {
        let months = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-03-31"];
        assert_eq!(Cadence::of(months), Cadence::Monthly);
        assert_eq!(Cadence::of(["2026-06-30", "2026-09-30", "2026-12-31"]), Cadence::Quarterly);
        assert_eq!(Cadence::of(["2026-06-30"]), Cadence::Irregular);
        assert_eq!(Cadence::of(["2026-06-30", "2026-07-09"]), Cadence::Irregular);
        assert_eq!(Cadence::of(["x", "2026-06-30"]), Cadence::Irregular);
    }
}
