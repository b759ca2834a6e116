//! Which districts the compare page and its figures show: the ones the
//! address names (`towns=a,b`), in the reader's order, up to
//! [`Filters::MAX_TOWNS`]; with none named, the first and the last of the
//! standings, so the page (and a reader with scripts off) sees the spread.

use crate::assessed::Assessed;
use crate::url::Filters;

/// The districts compared, and what the address asked for that is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    /// The districts shown, by id, in order.
    pub towns: Vec<String>,
    /// True when the address named none the plan has: the first and the last
    /// of the standings are shown.
    pub by_default: bool,
    /// Named beyond the first [`Filters::MAX_TOWNS`]: left out.
    pub left_out: Vec<String>,
    /// Named, but not a district of the plan.
    pub unknown: Vec<String>,
}

impl Compared {
    /// The districts the filters name, or the default pair.
    pub fn of(assessed: &Assessed, filters: &Filters) -> Self {
        let plan = &assessed.plan;
        let (known, unknown): (Vec<String>, Vec<String>) =
            filters.towns.iter().cloned().partition(|t| plan.districts.iter().any(|d| &d.id == t));
        let mut towns = known;
        let left_out = towns.split_off(towns.len().min(Filters::MAX_TOWNS));
        let by_default = towns.is_empty();
        if by_default {
            let shown = plan.indicators_in(filters.goal.as_deref(), filters.task.as_deref());
            let standings = assessed.standings(&shown);
            let ranked: Vec<&str> = standings
                .list
                .iter()
                .filter(|s| s.rank.is_some())
                .map(|s| s.district.as_str())
                .collect();
            towns.extend(ranked.first().map(|t| (*t).to_owned()));
            towns.extend(ranked.last().filter(|_| ranked.len() > 1).map(|t| (*t).to_owned()));
            // Nothing ranked (no district figures yet): the plan's first two.
            if towns.is_empty() {
                towns.extend(plan.districts.iter().take(2).map(|d| d.id.clone()));
            }
        }
        Compared { towns, by_default, left_out, unknown }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessed::bundled;

    #[test]
    fn the_address_chooses_in_order_up_to_five_and_unknown_ids_are_said() {
        let (plan, progress) = bundled();
        let assessed = Assessed::new(plan.clone(), progress, None);
        let ids: Vec<String> = plan.districts.iter().map(|d| d.id.clone()).collect();
        let mut towns = vec![ids[3].clone(), "nowhere".to_owned(), ids[0].clone()];
        towns.extend(ids[4..9].iter().cloned());
        let chosen = Compared::of(&assessed, &Filters { towns, ..Filters::default() });
        assert_eq!(chosen.towns, [&ids[3], &ids[0], &ids[4], &ids[5], &ids[6]].map(String::from));
        assert_eq!(chosen.left_out, [&ids[7], &ids[8]].map(String::from));
        assert_eq!(chosen.unknown, ["nowhere".to_owned()]);
        assert!(!chosen.by_default);
    }

    #[test]
    fn with_none_chosen_the_first_and_the_last_of_the_standings() {
        let (plan, progress) = bundled();
        let assessed = Assessed::new(plan.clone(), progress, None);
        let all: Vec<String> = plan.indicators.iter().map(|i| i.id.clone()).collect();
        let standings = assessed.standings(&all);
        let ranked: Vec<&String> =
            standings.list.iter().filter(|s| s.rank.is_some()).map(|s| &s.district).collect();
        let chosen = Compared::of(&assessed, &Filters::default());
        assert!(chosen.by_default);
        assert_eq!(chosen.towns, vec![ranked[0].clone(), ranked[ranked.len() - 1].clone()]);
    }
}
