//! What changed between two releases: targets, values, added and removed
//! items. Computed here so the staff tool and the site's "what changed" view
//! say the same thing.

use crate::messages::{Msg, say};
use std::collections::BTreeMap;

use serde::Serialize;

use crate::plan::{PlanDocument, Target};
use crate::progress::{Observation, ProgressDocument};
use crate::text::Lang;

/// One difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// An indicator is new in the plan data.
    IndicatorAdded {
        /// Indicator id.
        indicator: String,
    },
    /// An indicator is gone.
    IndicatorRemoved {
        /// Indicator id.
        indicator: String,
    },
    /// An indicator's target changed.
    TargetChanged {
        /// Indicator id.
        indicator: String,
        /// Before.
        old: Target,
        /// After.
        new: Target,
    },
    /// A new figure.
    ValueAdded {
        /// Indicator id.
        indicator: String,
        /// District id; absent for citywide.
        district: Option<String>,
        /// Date of the figure.
        as_of: String,
        /// The value.
        value: f64,
    },
    /// A figure was withdrawn.
    ValueRemoved {
        /// Indicator id.
        indicator: String,
        /// District id; absent for citywide.
        district: Option<String>,
        /// Date of the figure.
        as_of: String,
        /// The value it had.
        value: f64,
    },
    /// A figure was revised.
    ValueChanged {
        /// Indicator id.
        indicator: String,
        /// District id; absent for citywide.
        district: Option<String>,
        /// Date of the figure.
        as_of: String,
        /// Before.
        old: f64,
        /// After.
        new: f64,
    },
    /// The status thresholds changed.
    ThresholdsChanged,
}

/// All differences between two releases, in a stable order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseDiff {
    /// Version of the older release.
    pub old_version: String,
    /// Version of the newer release.
    pub new_version: String,
    /// The differences.
    pub changes: Vec<Change>,
}

type Key<'a> = (&'a str, Option<&'a str>, &'a str);

fn keyed(p: &ProgressDocument) -> BTreeMap<Key<'_>, &Observation> {
    p.observations
        .iter()
        .map(|o| ((o.indicator.as_str(), o.district.as_deref(), o.as_of.as_str()), o))
        .collect()
}

/// Compares two releases (plan and progress each).
pub fn diff_releases(
    old: (&PlanDocument, &ProgressDocument),
    new: (&PlanDocument, &ProgressDocument),
) -> ReleaseDiff {
    let mut changes = Vec::new();
    let old_ind: BTreeMap<&str, _> = old.0.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let new_ind: BTreeMap<&str, _> = new.0.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    for (id, n) in &new_ind {
        match old_ind.get(id) {
            None => changes.push(Change::IndicatorAdded { indicator: (*id).to_owned() }),
            Some(o) if o.target != n.target => changes.push(Change::TargetChanged {
                indicator: (*id).to_owned(),
                old: o.target.clone(),
                new: n.target.clone(),
            }),
            Some(_) => {}
        }
    }
    for id in old_ind.keys().filter(|id| !new_ind.contains_key(*id)) {
        changes.push(Change::IndicatorRemoved { indicator: (*id).to_owned() });
    }
    if old.1.thresholds != new.1.thresholds {
        changes.push(Change::ThresholdsChanged);
    }
    let (before, after) = (keyed(old.1), keyed(new.1));
    for (key, n) in &after {
        let (indicator, district, as_of) =
            (key.0.to_owned(), key.1.map(str::to_owned), key.2.to_owned());
        match before.get(key) {
            None => changes.push(Change::ValueAdded { indicator, district, as_of, value: n.value }),
            Some(o) if o.value.to_bits() != n.value.to_bits() => {
                changes.push(Change::ValueChanged {
                    indicator,
                    district,
                    as_of,
                    old: o.value,
                    new: n.value,
                })
            }
            Some(_) => {}
        }
    }
    for (key, o) in before.iter().filter(|(k, _)| !after.contains_key(*k)) {
        changes.push(Change::ValueRemoved {
            indicator: key.0.to_owned(),
            district: key.1.map(str::to_owned),
            as_of: key.2.to_owned(),
            value: o.value,
        });
    }
    ReleaseDiff {
        old_version: old.1.release.version.clone(),
        new_version: new.1.release.version.clone(),
        changes,
    }
}

impl Change {
    /// One readable line, naming indicators and districts by id (as
    /// `plan-data diff` prints them).
    pub fn describe(&self, lang: Lang) -> String {
        self.describe_with(lang, &|id: &str| id.to_owned(), &|d: &str| d.to_owned())
    }

    /// One readable line, naming indicators and districts as the plan does
    /// (by id where the plan has no such one).
    pub fn describe_named(&self, plan: &PlanDocument, lang: Lang) -> String {
        let indicator = |id: &str| {
            plan.indicator(id).map_or_else(|| id.to_owned(), |i| i.name.get(lang).to_owned())
        };
        let district = |id: &str| {
            plan.districts
                .iter()
                .find(|d| d.id == id)
                .map_or_else(|| id.to_owned(), |d| d.name.get(lang).to_owned())
        };
        self.describe_with(lang, &indicator, &district)
    }

    fn describe_with(
        &self,
        lang: Lang,
        indicator_name: &dyn Fn(&str) -> String,
        district_name: &dyn Fn(&str) -> String,
    ) -> String {
        let place = |d: &Option<String>| match d {
            Some(d) => district_name(d),
            None => Msg::Citywide.template(lang).to_owned(),
        };
        let level = |t: &Target| t.level().map_or_else(|| "—".to_owned(), |v| v.to_string());
        match self {
            Change::IndicatorAdded { indicator } => {
                say(Msg::IndicatorAdded, lang, &[("indicator", &indicator_name(indicator))])
            }
            Change::IndicatorRemoved { indicator } => {
                say(Msg::IndicatorRemoved, lang, &[("indicator", &indicator_name(indicator))])
            }
            Change::TargetChanged { indicator, old, new } => say(
                Msg::TargetChanged,
                lang,
                &[
                    ("indicator", &indicator_name(indicator)),
                    ("old", &level(old)),
                    ("new", &level(new)),
                ],
            ),
            Change::ValueAdded { indicator, district, as_of, value } => say(
                Msg::ValueAdded,
                lang,
                &[
                    ("indicator", &indicator_name(indicator)),
                    ("place", &place(district)),
                    ("as_of", as_of),
                    ("value", value),
                ],
            ),
            Change::ValueRemoved { indicator, district, as_of, value } => say(
                Msg::ValueRemoved,
                lang,
                &[
                    ("indicator", &indicator_name(indicator)),
                    ("place", &place(district)),
                    ("as_of", as_of),
                    ("value", value),
                ],
            ),
            Change::ValueChanged { indicator, district, as_of, old, new } => say(
                Msg::ValueChanged,
                lang,
                &[
                    ("indicator", &indicator_name(indicator)),
                    ("place", &place(district)),
                    ("as_of", as_of),
                    ("old", old),
                    ("new", new),
                ],
            ),
            Change::ThresholdsChanged => Msg::ThresholdsChanged.template(lang).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines `plan-data diff` prints, in both languages.
    #[test]
    fn changes_read_as_sentences_in_each_language() {
        let revised = Change::ValueChanged {
            indicator: "ai-invention-patents".into(),
            district: None,
            as_of: "2026-06-30".into(),
            old: 181.0,
            new: 183.0,
        };
        assert_eq!(
            revised.describe(Lang::Zh),
            "修订数值 ai-invention-patents（全市，2026-06-30）：181 → 183"
        );
        assert_eq!(
            revised.describe(Lang::En),
            "revised ai-invention-patents (citywide, 2026-06-30): 181 → 183"
        );
        let withdrawn = Change::ValueRemoved {
            indicator: "x".into(),
            district: Some("zhoushi".into()),
            as_of: "2026-03-31".into(),
            value: 2.5,
        };
        assert_eq!(withdrawn.describe(Lang::Zh), "撤回数值 x（zhoushi，2026-03-31）：原为 2.5");
        assert_eq!(withdrawn.describe(Lang::Zh).matches('{').count(), 0, "no place left unfilled");
        assert_eq!(Change::ThresholdsChanged.describe(Lang::En), "status thresholds changed");
    }
}
