//! What narrows a view, as the query after the fragment's path.

use plan_model::release::is_valid_version;

use super::{Theme, is_id};

/// What narrows a view. Pages use the filters that apply to them and keep the
/// rest in the URL untouched, so a shared link shows what its sender saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// A district id: values and ranking for that district.
    pub district: Option<String>,
    /// A key-task id: only that task's indicators.
    pub task: Option<String>,
    /// A goal-area id: only that area's indicators.
    pub goal: Option<String>,
    /// An as-of date (`YYYY-MM-DD`): status as it stood then.
    pub period: Option<String>,
    /// A release version: show that frozen release (`releases/<version>/`)
    /// instead of the current data. Pinned embeds and citations use it.
    pub release: Option<String>,
    /// The embed's colour theme, chosen by the host page.
    pub theme: Option<Theme>,
    /// The districts compared side by side (`towns=a,b,c`, in the reader's
    /// order; the compare page shows the first [`Filters::MAX_TOWNS`]).
    pub towns: Vec<String>,
}

impl Filters {
    /// How many districts can be compared at once.
    pub const MAX_TOWNS: usize = 5;

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// How many of the filter bar's filters are on (goal, task, district, period).
    pub fn active_count(&self) -> usize {
        [&self.goal, &self.task, &self.district, &self.period]
            .iter()
            .filter(|f| f.is_some())
            .count()
    }

    /// The same filters without the district (for what a district does not change).
    pub fn without_district(&self) -> Self {
        Filters { district: None, ..self.clone() }
    }

    /// `?goal=…&period=…`, or nothing when nothing is filtered.
    pub(super) fn query(&self) -> String {
        let pairs = [
            ("goal", self.goal.as_deref()),
            ("task", self.task.as_deref()),
            ("district", self.district.as_deref()),
            ("period", self.period.as_deref()),
            ("release", self.release.as_deref()),
            ("theme", self.theme.map(Theme::code)),
        ];
        let towns = self.towns.join(",");
        let towns = [("towns", Some(towns.as_str()).filter(|t| !t.is_empty()))];
        let parts: Vec<String> =
            pairs.iter().chain(&towns).filter_map(|(k, v)| v.map(|v| format!("{k}={v}"))).collect();
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }

    pub(super) fn parse(query: &str) -> Self {
        let mut filters = Filters::default();
        for pair in query.split('&') {
            let Some((key, value)) = pair.split_once('=') else { continue };
            // Values are ids or dates; anything else is not ours and is dropped.
            let id = Some(value.to_owned()).filter(|v| is_id(v));
            match key {
                "goal" => filters.goal = id,
                "task" => filters.task = id,
                "district" => filters.district = id,
                "period" => filters.period = id,
                "release" => {
                    filters.release = Some(value.to_owned()).filter(|v| is_valid_version(v));
                }
                "theme" => filters.theme = Theme::parse(value),
                // `towns=a,b` as links write it, or `towns=a&towns=b` as a
                // form sends its boxes; `%2C` is a comma a browser encoded.
                "towns" => {
                    for town in value.replace("%2C", ",").replace("%2c", ",").split(',') {
                        if is_id(town)
                            && !filters.towns.iter().any(|t| t == town)
                            // Bounded, but more than can be compared: the
                            // page says which it left out.
                            && filters.towns.len() < 4 * Self::MAX_TOWNS
                        {
                            filters.towns.push(town.to_owned());
                        }
                    }
                }
                _ => {}
            }
        }
        filters
    }
}
