//! Each page's answer in one sentence, for its description (search results
//! and link previews): how many indicators stand where on the overview, an
//! indicator's status with its figures, a task's, district's or
//! department's roll-up. From the view model only; sample figures say so
//! first.

use plan_model::Lang;
use plan_model::status::{RollUp, Status};

use crate::assessed::Assessed;
use crate::locale::tr;
use crate::url::Route;

/// The page's answer, for the pages that have one (`None`: keep the page's
/// own description).
pub fn describe(assessed: &Assessed, route: &Route, lang: Lang) -> Option<String> {
    let plan = &assessed.plan;
    let said = match route {
        Route::Overview => {
            let as_of = &assessed.data.release.as_of;
            let elapsed = plan_model::date::share_of_year(as_of)
                .map_or_else(|| crate::format::NO_FIGURE.to_owned(), |s| format!("{s:.0}"));
            let opening = tr!(
                lang,
                glance_sentence,
                date = as_of,
                elapsed = elapsed,
                total = plan.indicators.len()
            );
            let space = if lang == Lang::En { " " } else { "" };
            format!("{opening}{space}{}", counted(&assessed.card.city_status_counts(plan), lang))
        }
        Route::Indicator(id) => {
            let assessment = assessed.card.city.get(id)?;
            let name = plan.indicator(id)?.name.get(lang);
            tr!(
                lang,
                describe_indicator,
                name = name,
                status = assessment.status.label(lang),
                why = assessment.explanation.get(lang)
            )
        }
        Route::Task(id) => {
            let task = plan.tasks.iter().find(|t| &t.id == id)?;
            rolled(task.name.get(lang), assessed.task(id)?, lang)
        }
        Route::Department(id) => {
            let department = plan.departments.iter().find(|d| &d.id == id)?;
            rolled(department.name.get(lang), assessed.department(id)?, lang)
        }
        Route::District(id) => {
            let district = plan.districts.iter().find(|d| &d.id == id)?;
            let (mine, ranked) = assessed.district_rank(id)?;
            let counts = counted(&counts_of(&mine.roll_up), lang);
            match mine.rank {
                Some(rank) => tr!(
                    lang,
                    describe_district,
                    name = district.name.get(lang),
                    rank = rank,
                    of = ranked,
                    status = in_sentence(mine.roll_up.status, lang),
                    counts = counts
                ),
                None => rolled(district.name.get(lang), &mine.roll_up, lang),
            }
        }
        _ => return None,
    };
    Some(if assessed.data.release.sample {
        format!("{}{said}", tr!(lang, sample_mark))
    } else {
        said
    })
}

/// A roll-up's statuses, best first, the empty ones left out.
fn counts_of(roll_up: &RollUp) -> Vec<(Status, usize)> {
    Status::ALL.into_iter().map(|s| (s, roll_up.counts.get(&s).copied().unwrap_or(0))).collect()
}

/// A status in the middle of a sentence ("on schedule", not "On schedule").
fn in_sentence(status: Status, lang: Lang) -> String {
    match lang {
        Lang::Zh => status.label(lang).to_owned(),
        Lang::En => status.label(lang).to_lowercase(),
    }
}

/// "6 achieved, 17 on schedule, 2 behind." / "已完成 6 项、进度正常 17 项、滞后 2 项。"
fn counted(counts: &[(Status, usize)], lang: Lang) -> String {
    let items: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| tr!(lang, describe_count, label = in_sentence(*status, lang), n = n))
        .collect();
    format!("{}{}", items.join(tr!(lang, describe_separator)), tr!(lang, describe_end))
}

/// "<name>: on schedule overall; of its 5 indicators: 3 on schedule, 2 behind."
fn rolled(name: &str, roll_up: &RollUp, lang: Lang) -> String {
    let total: usize = roll_up.counts.values().sum();
    tr!(
        lang,
        describe_roll_up,
        name = name,
        status = in_sentence(roll_up.status, lang),
        total = total,
        counts = counted(&counts_of(roll_up), lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn bundled() -> Assessed {
        let public = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
        let read = |name: &str| std::fs::read_to_string(format!("{public}{name}")).expect(name);
        let plan = plan_model::parse_plan("plan.json", &read("plan.json")).expect("plan");
        let progress =
            plan_model::parse_progress("progress.json", &read("progress.json")).expect("progress");
        Assessed::new(Arc::new(plan), Arc::new(progress), None)
    }

    #[test]
    fn the_overview_says_how_many_indicators_stand_where_as_the_scorecard_counts_them() {
        let assessed = bundled();
        let counts = assessed.card.city_status_counts(&assessed.plan);
        for lang in [Lang::Zh, Lang::En] {
            let said = describe(&assessed, &Route::Overview, lang).expect("a sentence");
            assert!(said.starts_with(tr!(lang, sample_mark)), "sample first: {said}");
            assert!(said.contains(&assessed.data.release.as_of), "{said}");
            assert!(said.contains(&assessed.plan.indicators.len().to_string()), "{said}");
            for (status, n) in counts.iter().filter(|(_, n)| *n > 0) {
                let item = tr!(lang, describe_count, label = "", n = n);
                let label = status.label(lang);
                assert!(
                    said.to_lowercase().contains(&label.to_lowercase())
                        && said.contains(item.trim()),
                    "{lang:?}: {n} {label} in {said}"
                );
            }
        }
    }

    #[test]
    fn an_indicator_says_its_status_and_why_and_a_district_its_rank() {
        let assessed = bundled();
        let id = &assessed.plan.indicators[1].id;
        let a = &assessed.card.city[id];
        let said = describe(&assessed, &Route::Indicator(id.clone()), Lang::En).expect("said");
        assert!(said.contains(a.status.label(Lang::En)) && said.contains(&a.explanation.en));
        let district = &assessed.plan.districts[0].id;
        let said = describe(&assessed, &Route::District(district.clone()), Lang::Zh).expect("said");
        assert!(said.contains("排名第"), "{said}");
        assert_eq!(describe(&assessed, &Route::Data, Lang::Zh), None);
    }
}
