//! What the search page lists, and so what a reader can find: every
//! indicator, key task, commitment, district, department and progress
//! report of the release, each with where it lives, its words in the page's
//! language and its name and words in the other (so either language finds
//! it). The page lists them all (a reader without scripts finds in it with
//! the browser's own find); the loader's search narrows the list in place.

use plan_model::{Lang, PlanDocument, ProgressDocument};

use crate::locale::tr;
use crate::url::Route;

/// What kind of thing an entry is (the list's groups, in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An indicator and its target.
    Indicator,
    /// A key task.
    Task,
    /// A commitment (举措).
    Commitment,
    /// A district or town.
    District,
    /// A responsible unit.
    Department,
    /// A report on a task or a commitment (进展 / 问题 / 下一步).
    Update,
}

impl Kind {
    /// Every kind, in the order the page groups them.
    pub const ALL: [Kind; 6] = [
        Kind::Indicator,
        Kind::Task,
        Kind::Commitment,
        Kind::District,
        Kind::Department,
        Kind::Update,
    ];

    /// The group's heading.
    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            Kind::Indicator => tr!(lang, column_indicators),
            Kind::Task => tr!(lang, column_tasks),
            Kind::Commitment => tr!(lang, nav_commitments),
            Kind::District => tr!(lang, column_districts),
            Kind::Department => tr!(lang, column_departments),
            Kind::Update => tr!(lang, search_updates),
        }
    }

    /// Its code, for the page's markup (`data-kind`).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Indicator => "indicator",
            Kind::Task => "task",
            Kind::Commitment => "commitment",
            Kind::District => "district",
            Kind::Department => "department",
            Kind::Update => "update",
        }
    }
}

/// One thing to find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// Its name, in the page's language.
    pub title: String,
    /// Where it lives: a page, and an anchor on it (`None`: the page's top).
    pub route: Route,
    /// The anchor on the page, if any (`commitment-<id>`).
    pub anchor: Option<String>,
    /// Its words in the page's language (the plan's, or the report's).
    pub text: String,
    /// Its name and words in the other language, so a search in either finds it.
    pub other: String,
}

impl Entry {
    /// The link to it, relative to the site's root.
    pub fn href(&self, lang: Lang) -> String {
        let page = self.route.href(lang);
        match &self.anchor {
            Some(anchor) => format!("{page}#{anchor}"),
            None => page,
        }
    }
}

/// The anchor of a commitment on its task's page or the commitments page.
pub fn commitment_anchor(id: &str) -> String {
    format!("commitment-{id}")
}

/// Every entry of a release, in the page's language, grouped by kind in
/// [`Kind::ALL`]'s order and each group in the plan's order (reports newest
/// first).
pub fn entries(plan: &PlanDocument, progress: &ProgressDocument, lang: Lang) -> Vec<Entry> {
    let other = lang.other();
    let mut out = Vec::new();
    for i in &plan.indicators {
        out.push(Entry {
            kind: Kind::Indicator,
            title: i.name.get(lang).to_owned(),
            route: Route::Indicator(i.id.clone()),
            anchor: None,
            text: i.source_text.clone(),
            other: i.name.get(other).to_owned(),
        });
    }
    for t in &plan.tasks {
        out.push(Entry {
            kind: Kind::Task,
            title: format!("{}. {}", t.number, t.name.get(lang)),
            route: Route::Task(t.id.clone()),
            anchor: None,
            text: t.description.get(lang).to_owned(),
            other: format!("{} {}", t.name.get(other), t.description.get(other)),
        });
    }
    let commitment_place = |id: &str| {
        let task = plan.commitments.iter().find(|c| c.id == id).and_then(|c| c.task.clone());
        (task.map_or(Route::Commitments, Route::Task), Some(commitment_anchor(id)))
    };
    for c in &plan.commitments {
        let (route, anchor) = commitment_place(&c.id);
        out.push(Entry {
            kind: Kind::Commitment,
            title: c.name.get(lang).to_owned(),
            route,
            anchor,
            text: c.source_text.clone(),
            other: c.name.get(other).to_owned(),
        });
    }
    for d in &plan.districts {
        out.push(Entry {
            kind: Kind::District,
            title: d.name.get(lang).to_owned(),
            route: Route::District(d.id.clone()),
            anchor: None,
            text: String::new(),
            other: d.name.get(other).to_owned(),
        });
    }
    for d in &plan.departments {
        out.push(Entry {
            kind: Kind::Department,
            title: d.name.get(lang).to_owned(),
            route: Route::Department(d.id.clone()),
            anchor: None,
            text: d.short_name.get(lang).to_owned(),
            other: format!("{} {}", d.name.get(other), d.short_name.get(other)),
        });
    }
    let mut updates: Vec<_> = progress.updates.iter().collect();
    updates.sort_by(|a, b| b.as_of.cmp(&a.as_of));
    for u in updates {
        let (name, route, anchor) = if let Some(t) = plan.tasks.iter().find(|t| t.id == u.of) {
            (&t.name, Route::Task(t.id.clone()), None)
        } else if let Some(c) = plan.commitments.iter().find(|c| c.id == u.of) {
            let (route, anchor) = commitment_place(&c.id);
            (&c.name, route, anchor)
        } else {
            continue;
        };
        let words = |l: Lang| {
            [Some(&u.progress), u.problems.as_ref(), u.next_steps.as_ref()]
                .into_iter()
                .flatten()
                .map(|t| t.get(l).to_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.push(Entry {
            kind: Kind::Update,
            title: format!("{} · {}", name.get(lang), u.as_of),
            route,
            anchor,
            text: words(lang),
            other: format!("{} {}", name.get(other), words(other)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> (PlanDocument, ProgressDocument) {
        let public = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
        let read = |name: &str| std::fs::read_to_string(format!("{public}{name}")).expect(name);
        let plan = plan_model::parse_plan("plan.json", &read("plan.json")).expect("plan");
        let progress =
            plan_model::parse_progress("progress.json", &read("progress.json")).expect("progress");
        (plan, progress)
    }

    #[test]
    fn everything_a_reader_asks_for_is_listed_once_where_it_lives() {
        let (plan, progress) = bundled();
        let listed = entries(&plan, &progress, Lang::Zh);
        let count = |kind| listed.iter().filter(|e| e.kind == kind).count();
        assert_eq!(count(Kind::Indicator), plan.indicators.len());
        assert_eq!(count(Kind::Task), plan.tasks.len());
        assert_eq!(count(Kind::Commitment), plan.commitments.len());
        assert_eq!(count(Kind::District), plan.districts.len());
        assert_eq!(count(Kind::Department), plan.departments.len());
        assert_eq!(count(Kind::Update), progress.updates.len());
        // A Chinese term in the plan's words, and the English for it.
        let patents: Vec<&Entry> = listed.iter().filter(|e| e.title.contains("专利")).collect();
        assert!(!patents.is_empty());
        assert!(patents.iter().any(|e| e.other.to_lowercase().contains("patent")));
        // A safeguard's commitment lives on the commitments page, at its anchor.
        let safeguard = plan.commitments.iter().find(|c| c.task.is_none()).expect("a safeguard");
        let entry = listed.iter().find(|e| e.title == safeguard.name.zh).expect("listed");
        assert_eq!(entry.href(Lang::Zh), format!("zh/commitments/#commitment-{}", safeguard.id));
    }
}
