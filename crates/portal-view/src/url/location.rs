//! Where the reader is: the language, the view and the filters of a page's
//! path and query.

use plan_model::Lang;

use super::{FigureId, Filters, is_id};

/// A view of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The overview (`<lang>/`, or the site's root).
    Overview,
    /// One indicator (`<lang>/indicator/<id>/`).
    Indicator(String),
    /// One key task (`<lang>/task/<id>/`).
    Task(String),
    /// One district (区镇) (`<lang>/district/<id>/`).
    District(String),
    /// One responsible department (`<lang>/department/<id>/`).
    Department(String),
    /// Every commitment (举措), with deadlines and updates (`<lang>/commitments/`).
    Commitments,
    /// Data and methods: how status is computed, downloads, releases (`<lang>/data/`).
    Data,
    /// Everything there is to find, listed, narrowed by what a reader types
    /// (`<lang>/search/?q=…`).
    Search,
    /// Two to five districts side by side (`<lang>/compare/?towns=a,b`).
    Compare,
    /// The publishing studio, for staff (`<lang>/publish/`): its own wasm
    /// imports a workbook and makes a release in the browser.
    Publish,
    /// One chart alone, for an `<iframe>` on another site (`<lang>/embed/<figure>/`).
    Embed(FigureId),
    /// A path we do not know; shown as "not found" with a way home.
    NotFound(String),
}

/// Everything the address says: language (if given), view and filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The language named in the URL; `None` means the reader's remembered choice.
    pub lang: Option<Lang>,
    /// The view.
    pub route: Route,
    /// The filters.
    pub filters: Filters,
}

impl Location {
    /// Reads where a page is within the site: its path from the site's root
    /// (`en/indicator/ai-invention-patents/`) and its query (with or without
    /// the leading `?`).
    pub fn parse(path: &str, query: &str) -> Self {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let lang = match parts.first() {
            Some(&"zh") => Some(Lang::Zh),
            Some(&"en") => Some(Lang::En),
            _ => None,
        };
        if lang.is_some() {
            parts.remove(0);
        }
        let one = |id: &&str, make: fn(String) -> Route| {
            if is_id(id) { make((*id).to_owned()) } else { Route::NotFound(path.to_owned()) }
        };
        let route = match parts.as_slice() {
            [] => Route::Overview,
            ["indicator", id] => one(id, Route::Indicator),
            ["task", id] => one(id, Route::Task),
            ["district", id] => one(id, Route::District),
            ["department", id] => one(id, Route::Department),
            ["data"] => Route::Data,
            ["commitments"] => Route::Commitments,
            ["search"] => Route::Search,
            ["compare"] => Route::Compare,
            ["publish"] => Route::Publish,
            ["embed", rest @ ..] if rest.iter().all(|p| is_id(p)) => {
                FigureId::parse(rest).map_or_else(|| Route::NotFound(path.to_owned()), Route::Embed)
            }
            _ => Route::NotFound(path.to_owned()),
        };
        Location { lang, route, filters: Filters::parse(query.trim_start_matches('?')) }
    }

    /// The Atom feed a page offers, from the site's root: a task's or a
    /// district's own (`en/task/<id>/feed.xml`), else the site's (`zh/feed.xml`).
    pub fn feed_path(lang: Lang, route: &Route) -> String {
        let of = match route {
            Route::Task(_) | Route::District(_) => route,
            _ => &Route::Overview,
        };
        format!("{}feed.xml", Self::page_path(lang, of))
    }

    /// The folder of a view's page in a language, from the site's root:
    /// `en/indicator/ai-invention-patents/` (always ending in `/`).
    pub fn page_path(lang: Lang, route: &Route) -> String {
        let path = match route {
            Route::Overview | Route::NotFound(_) => String::new(),
            Route::Indicator(id) => format!("indicator/{id}/"),
            Route::Task(id) => format!("task/{id}/"),
            Route::District(id) => format!("district/{id}/"),
            Route::Department(id) => format!("department/{id}/"),
            Route::Data => "data/".to_owned(),
            Route::Commitments => "commitments/".to_owned(),
            Route::Search => "search/".to_owned(),
            Route::Compare => "compare/".to_owned(),
            Route::Publish => "publish/".to_owned(),
            Route::Embed(figure) => format!("embed/{}/", figure.path()),
        };
        format!("{}/{path}", lang.code())
    }

    /// The `href` of a view in a language, with filters: relative to the
    /// site's root, which every page names as its `<base>`, so the same
    /// links work at a host's root and under any sub-path.
    pub fn href(lang: Lang, route: &Route, filters: &Filters) -> String {
        format!("{}{}", Self::page_path(lang, route), filters.query())
    }

    /// How many folders below the site's root a page is (`../` that many
    /// times leads back to it).
    pub fn depth(lang: Lang, route: &Route) -> usize {
        Self::page_path(lang, route).matches('/').count()
    }
}

impl Route {
    /// The `href` of this view in a language, without filters.
    pub fn href(&self, lang: Lang) -> String {
        Location::href(lang, self, &Filters::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::Theme;

    /// A path and query written as one (`#/en/data?period=…`, as the old
    /// fragments were; scripts/page/early.js sends those on as paths).
    fn parse_fragment(hash: &str) -> Location {
        let fragment = hash.trim_start_matches('#');
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        Location::parse(path, query)
    }

    fn route(hash: &str) -> Route {
        parse_fragment(hash).route
    }

    #[test]
    fn paths_map_to_views() {
        let at = |p: &str| Location::parse(p, "");
        assert_eq!(at("").route, Route::Overview);
        assert_eq!(at("en/commitments/").route, Route::Commitments);
        assert_eq!(at("zh/search/?q=%E4%B8%93%E5%88%A9").route, Route::Search);
        assert_eq!(at("zh/publish/").route, Route::Publish);
        assert_eq!(Location::page_path(Lang::En, &Route::Publish), "en/publish/");
        assert_eq!(Location::page_path(Lang::Zh, &Route::Commitments), "zh/commitments/");
        assert_eq!(at("index.html").route, Route::Overview);
        assert_eq!(at("en/").lang, Some(Lang::En));
        assert_eq!(at("zh/task/data-resources/").route, Route::Task("data-resources".into()));
        assert_eq!(
            at("zh/task/data-resources/index.html").route,
            Route::Task("data-resources".into())
        );
        assert_eq!(at("zh/task/data-resources").route, Route::Task("data-resources".into()));
        assert!(matches!(at("zh/task/a%3Cb/").route, Route::NotFound(_)));
        assert_eq!(
            Location::parse("en/data/", "?period=2026-06-30").filters.period.as_deref(),
            Some("2026-06-30")
        );
        assert_eq!(Location::page_path(Lang::En, &Route::Overview), "en/");
        assert_eq!(Location::depth(Lang::En, &Route::Overview), 1);
        assert_eq!(
            Location::depth(Lang::Zh, &Route::Embed(FigureId::DistrictTrend("zhoushi".into()))),
            5,
            "zh/embed/district/zhoushi/trend/"
        );
    }

    #[test]
    fn fragments_map_to_views() {
        assert_eq!(route(""), Route::Overview);
        assert_eq!(route("#"), Route::Overview);
        assert_eq!(route("#/"), Route::Overview);
        assert_eq!(
            route("#/indicator/ai-invention-patents"),
            Route::Indicator("ai-invention-patents".into())
        );
        assert_eq!(
            route("#/indicator/ai-invention-patents/"),
            Route::Indicator("ai-invention-patents".into())
        );
        assert_eq!(route("#/en/district/zhoushi"), Route::District("zhoushi".into()));
        assert_eq!(route("#/zh/department/miit"), Route::Department("miit".into()));
        assert_eq!(
            route("#/en/embed/indicator/ai-invention-patents/districts"),
            Route::Embed(FigureId::IndicatorDistricts("ai-invention-patents".into()))
        );
        assert!(matches!(route("#/en/embed/indicator/a<b/trend"), Route::NotFound(_)));
        assert!(matches!(route("#/en/embed/nothing"), Route::NotFound(_)));
        assert!(matches!(route("#/indicator/<script>"), Route::NotFound(_)));
        assert!(matches!(route("#/nowhere"), Route::NotFound(_)));
        assert!(matches!(route("#/fr/data"), Route::NotFound(_)));
    }

    #[test]
    fn language_comes_from_the_first_segment_only() {
        assert_eq!(parse_fragment("#/en/").lang, Some(Lang::En));
        assert_eq!(parse_fragment("#/zh/data").lang, Some(Lang::Zh));
        assert_eq!(parse_fragment("#/data").lang, None);
        assert_eq!(parse_fragment("").lang, None);
    }

    #[test]
    fn filters_are_read_and_unsafe_values_dropped() {
        let loc = parse_fragment("#/en/?goal=green&district=zhoushi&period=2026-06-30&x=1");
        assert_eq!(loc.filters.goal.as_deref(), Some("green"));
        assert_eq!(loc.filters.district.as_deref(), Some("zhoushi"));
        assert_eq!(loc.filters.period.as_deref(), Some("2026-06-30"));
        assert_eq!(loc.filters.task, None);
        let loc = parse_fragment("#/en/embed/goal-progress?release=2026.06.0-sample&theme=dark");
        assert_eq!(loc.filters.release.as_deref(), Some("2026.06.0-sample"));
        assert_eq!(loc.filters.theme, Some(Theme::Dark));
        let bad = parse_fragment("#/?release=../../etc&theme=pink");
        assert!(bad.filters.is_empty());
        let bad = parse_fragment("#/?district=%3Cscript%3E&task=a\"b");
        assert!(bad.filters.is_empty());
        // A form's boxes, links' commas and an encoded comma read the same;
        // a town twice is once, and what is not an id is dropped.
        let towns = |q: &str| Location::parse("zh/compare/", q).filters.towns;
        let both = vec!["zhoushi".to_owned(), "huaqiao".to_owned()];
        assert_eq!(towns("towns=zhoushi&towns=huaqiao"), both);
        assert_eq!(towns("?towns=zhoushi,huaqiao,zhoushi"), both);
        assert_eq!(towns("towns=zhoushi%2Chuaqiao&towns=%3Cb%3E"), both);
        assert_eq!(Location::parse("zh/compare/", "towns=a,b").route, Route::Compare);
    }

    #[test]
    fn hrefs_round_trip() {
        let filters = Filters {
            district: Some("zhoushi".into()),
            task: None,
            goal: Some("green".into()),
            period: Some("2026-06-30".into()),
            release: Some("2026.06.0-sample".into()),
            theme: Some(Theme::Dark),
            towns: vec!["zhoushi".into(), "huaqiao".into()],
        };
        for lang in [Lang::Zh, Lang::En] {
            for route in [
                Route::Overview,
                Route::Indicator("rd-intensity".into()),
                Route::Task("data-resources".into()),
                Route::District("zhoushi".into()),
                Route::Department("mst".into()),
                Route::Data,
                Route::Compare,
                Route::Embed(FigureId::DistrictTrend("zhoushi".into())),
                Route::Embed(FigureId::GoalProgress),
            ] {
                for f in [Filters::default(), filters.clone()] {
                    let href = Location::href(lang, &route, &f);
                    let (path, query) = href.split_once('?').unwrap_or((&href, ""));
                    let back = Location::parse(path, query);
                    assert_eq!(
                        back,
                        Location { lang: Some(lang), route: route.clone(), filters: f }
                    );
                }
            }
        }
    }
}
