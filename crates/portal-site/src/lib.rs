//! The static site: every view rendered to a page of its own
//! (`<lang>/<view>/index.html`) by the same components the app shows, natively,
//! with the data handed over (nothing is fetched, no effect runs). What a
//! crawler, a link preview, a reader with scripts off or an old browser gets.
//! The app, once loaded, takes the rendered page's place (`app::Shell`).
//! The top layer, built natively (the `render-site` binary, `plan-data
//! release`) and in the studio's worker (the app's feature `render`), never in
//! the app's own wasm.

mod document;
pub mod feed;
mod follow;
pub mod install;
pub mod open_data;
pub mod preview;
pub mod publish;

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::{Lang, PlanDocument, ProgressDocument};

pub use document::{StudioScript, Template, TemplateError};

use portal_ui::app::Frame;
use portal_ui::context::Portal;
use portal_ui::data::{ReadAhead, Waited};
use portal_ui::pages::embed::Prebuilt;
use portal_ui::ui::{Announcer, HeadSink, PageHead};
use portal_view::figures::{Figure, build};
use portal_view::url::{FigureId, Filters, Location, Route, Subject};

/// What every page is rendered from.
pub struct Site {
    /// The plan.
    pub plan: Arc<PlanDocument>,
    /// The current release's progress figures.
    pub progress: Arc<ProgressDocument>,
    /// The manifest, the release index and the release before.
    pub read_ahead: ReadAhead,
    /// The figures assessed, once for every page.
    pub assessed: Arc<portal_view::assessed::Assessed>,
    /// The site's public address, ending in `/` (for `canonical`, the
    /// alternates and the sitemap; every asset URL stays relative).
    pub url: String,
    /// The SHA-256 of each data file the pages are rendered from (name,
    /// hex), for each page to check the data served against (`None` where
    /// the data was handed over, not read).
    pub rendered_from: Vec<(String, String)>,
    /// The charts this release can draw, each built once in Chinese: which
    /// embed pages there are, and the Chinese embed page's own chart.
    drawable: std::sync::OnceLock<Vec<Figure>>,
    /// The figures assessed as they stood at each period a state page shows.
    at_periods: std::sync::Mutex<Vec<(String, Arc<portal_view::assessed::Assessed>)>>,
    /// The current release's files as the open-data metadata describes
    /// them (its data files and its tables), made once.
    open_files: std::sync::OnceLock<Vec<open_data::Described>>,
    /// True when the site carries the font the link-preview pictures are
    /// drawn with, so each page has its picture (`preview`).
    pub previews: bool,
}

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its language.
    pub lang: Lang,
    /// Its view.
    pub route: Route,
}

impl Page {
    /// Its file, from the site's root: `en/task/data-resources/index.html`.
    pub fn file(&self) -> String {
        format!("{}index.html", Location::page_path(self.lang, &self.route))
    }

    /// Its folder, from the site's root: `en/task/data-resources/`.
    pub fn folder(&self) -> String {
        Location::page_path(self.lang, &self.route)
    }

    /// Whether search engines should list it: not an embed (a part of
    /// another page, for an `<iframe>`), nor "not found", nor the staff's
    /// publishing studio.
    pub fn listed(&self) -> bool {
        !matches!(self.route, Route::Embed(_) | Route::NotFound(_) | Route::Publish)
    }
}

/// A state of a page's filters that is a page of its own: one filter set
/// (`name=value`) on a page that offers filters (`Offered::on`). The loader
/// (scripts/harden-html.mjs) fetches it when a reader makes that choice, or
/// opens a link to it, and shows it in place of the page without the app.
/// Not for search engines (`noindex`; its canonical address is the page's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The page whose filters these are.
    pub page: Page,
    /// The filter, as addresses name it (`district`).
    pub name: &'static str,
    /// Its value (an id, or a period's date).
    pub value: String,
}

impl State {
    /// Its file: `zh/filters/district/zhoushi/index.html` (the page's folder,
    /// then `filters/<name>/<value>/`), where the loader looks for it.
    pub fn file(&self) -> String {
        format!(
            "{}filters/{}/{}/index.html",
            Location::page_path(self.page.lang, &self.page.route),
            self.name,
            self.value
        )
    }

    /// The filters it stands for.
    pub fn filters(&self) -> Filters {
        let value = Some(self.value.clone());
        let mut filters = Filters::default();
        match self.name {
            "goal" => filters.goal = value,
            "task" => filters.task = value,
            "district" => filters.district = value,
            _ => filters.period = value,
        }
        filters
    }
}

impl Site {
    /// A site from its data, assessed once for all its pages.
    pub fn new(
        plan: Arc<PlanDocument>,
        progress: Arc<ProgressDocument>,
        read_ahead: ReadAhead,
        url: String,
    ) -> Self {
        let assessed =
            Arc::new(portal_view::assessed::Assessed::new(plan.clone(), progress.clone(), None));
        Site {
            plan,
            progress,
            read_ahead,
            assessed,
            url,
            rendered_from: Vec::new(),
            drawable: std::sync::OnceLock::new(),
            at_periods: std::sync::Mutex::new(Vec::new()),
            open_files: std::sync::OnceLock::new(),
            previews: false,
        }
    }

    /// Every page, in both languages: the overview, data and methods, each
    /// indicator, task, district and department, and each chart there is to
    /// embed.
    pub fn pages(&self) -> Vec<Page> {
        let plan = &self.plan;
        let ids = |subject: Subject| -> Vec<String> {
            match subject {
                Subject::Indicator => plan.indicators.iter().map(|i| i.id.clone()).collect(),
                Subject::Task => plan.tasks.iter().map(|t| t.id.clone()).collect(),
                Subject::District => plan.districts.iter().map(|d| d.id.clone()).collect(),
                Subject::Department => plan.departments.iter().map(|d| d.id.clone()).collect(),
            }
        };
        let mut routes = vec![
            Route::Overview,
            Route::Commitments,
            Route::Data,
            Route::Search,
            Route::Compare,
            Route::Publish,
        ];
        routes.extend(ids(Subject::Indicator).into_iter().map(Route::Indicator));
        routes.extend(ids(Subject::Task).into_iter().map(Route::Task));
        routes.extend(ids(Subject::District).into_iter().map(Route::District));
        routes.extend(ids(Subject::Department).into_iter().map(Route::Department));
        // Only charts that can be drawn from this release: an embed of one that
        // cannot would be an error page.
        routes.extend(self.drawable(ids).iter().map(|figure| Route::Embed(figure.id.clone())));
        [Lang::Zh, Lang::En]
            .into_iter()
            .flat_map(|lang| routes.iter().map(move |route| Page { lang, route: route.clone() }))
            .collect()
    }

    /// Every state of one filter of every page that offers filters (the
    /// overview; each district), in both languages.
    pub fn states(&self) -> Vec<State> {
        let plan = &self.plan;
        let periods = self.progress.periods();
        let values = |name: &str| -> Vec<String> {
            match name {
                "goal" => plan.goal_areas.iter().map(|g| g.id.clone()).collect(),
                "task" => plan.tasks.iter().map(|t| t.id.clone()).collect(),
                "district" => plan.districts.iter().map(|d| d.id.clone()).collect(),
                _ => periods.clone(),
            }
        };
        let mut routes = vec![Route::Overview];
        routes.extend(plan.districts.iter().map(|d| Route::District(d.id.clone())));
        let mut states = Vec::new();
        for lang in [Lang::Zh, Lang::En] {
            for route in &routes {
                let Some(offered) = portal_ui::ui::Offered::on(route) else { continue };
                for name in offered.names() {
                    for value in values(name) {
                        let page = Page { lang, route: route.clone() };
                        states.push(State { page, name, value });
                    }
                }
            }
        }
        states
    }

    /// The current release's files as its open-data metadata lists them:
    /// the data files its manifest names, then its tables (made once).
    pub fn open_files(&self) -> &[open_data::Described] {
        self.open_files.get_or_init(|| {
            let frozen = self.read_ahead.manifest.iter().flat_map(|m| &m.files).map(|f| {
                open_data::Described {
                    path: f.path.clone(),
                    bytes: f.bytes,
                    sha256: f.sha256.clone(),
                }
            });
            let tables =
                open_data::tables::tables(&self.plan, &self.progress).into_iter().map(|t| {
                    open_data::Described::of(
                        format!("{}/{}", open_data::CSV_DIR, t.file()),
                        &t.csv(),
                    )
                });
            frozen.chain(tables).collect()
        })
    }

    /// The figures assessed at `period` (made once per period, then kept).
    fn assessed_at(&self, period: &str) -> Arc<portal_view::assessed::Assessed> {
        let mut kept = self.at_periods.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, assessed)) = kept.iter().find(|(p, _)| p == period) {
            return assessed.clone();
        }
        let assessed = Arc::new(portal_view::assessed::Assessed::new(
            self.plan.clone(),
            self.progress.clone(),
            Some(period),
        ));
        kept.push((period.to_owned(), assessed.clone()));
        assessed
    }

    /// Every chart this release can draw, built once in Chinese (`ids`: the
    /// plan's ids of a kind, as `FigureId::every` takes them).
    fn drawable(&self, ids: impl Fn(Subject) -> Vec<String>) -> &[Figure] {
        self.drawable.get_or_init(|| {
            FigureId::every(ids)
                .into_iter()
                .filter_map(|id| {
                    let assessed = Some(&*self.assessed);
                    build(&id, &self.plan, assessed, Lang::Zh, &Filters::default()).ok()
                })
                .collect()
        })
    }

    /// A chart already built for the embed pages, in `lang` (Chinese only).
    fn built(&self, id: &FigureId, lang: Lang) -> Option<&Figure> {
        self.drawable.get()?.iter().find(|f| &f.id == id && f.lang == lang)
    }

    /// The view of a page as HTML, and what it says of itself for the head.
    pub fn body(&self, page: &Page) -> (String, Option<PageHead>) {
        self.body_with(page, &Filters::default())
    }

    /// The view of a page with `filters` chosen.
    fn body_with(&self, page: &Page, filters: &Filters) -> (String, Option<PageHead>) {
        portal_ui::share::address::restart_ids();
        let owner = Owner::new();
        let rendered = owner.with(|| {
            provide_context(self.read_ahead.clone());
            let sink = HeadSink::default();
            provide_context(sink.clone());
            let lang = page.lang;
            let location = RwSignal::new(Location {
                lang: Some(lang),
                route: page.route.clone(),
                filters: filters.clone(),
            });
            let plan = Waited::given(self.plan.clone());
            let chosen = filters.clone();
            let at_period = match &filters.period {
                Some(period) => self.assessed_at(period),
                None => self.assessed.clone(),
            };
            provide_context(Portal::given_at_period(
                Waited::given(self.progress.clone()),
                self.assessed.clone(),
                at_period,
                Memo::new(move |_| lang),
                Memo::new(move |_| chosen.clone()),
            ));
            if let Route::Embed(id) = &page.route
                && !id.plan_only()
                && let Some(figure) = self.built(id, lang)
            {
                provide_context(Prebuilt(figure.clone()));
            }
            let announcer = Announcer(RwSignal::new(String::new()));
            provide_context(announcer);
            let html =
                view! { <Frame plan=plan location=location announcer=announcer /> }.to_html();
            // Leptos marks where dynamic children go with `<!>` for hydration;
            // these pages are never hydrated (the app renders its own and takes
            // their place), and an HTML checker reads each as a bogus comment.
            // Text from the data is escaped (`&lt;`), so none comes from it.
            let html = html.replace("<!>", "");
            let head = sink.0.lock().ok().and_then(|mut h| h.take());
            (html, head)
        });
        owner.unset();
        rendered
    }

    /// A whole page: the head (its own title, description, canonical address,
    /// alternates, link-preview and government-site metadata, the assets)
    /// and the view. `at_root`: the copy of the Chinese overview at the
    /// site's root (`index.html`).
    pub fn render(&self, template: &Template, page: &Page, at_root: bool) -> String {
        let (body, head) = self.body(page);
        let depth = if at_root { 0 } else { Location::depth(page.lang, &page.route) };
        document::page(self, template, page, head, &body, depth)
    }

    /// A state's page: the page with its filter chosen, four folders deeper
    /// (`filters/<name>/<value>/`), not for search engines.
    pub fn render_state(&self, template: &Template, state: &State) -> String {
        let (body, head) = self.body_with(&state.page, &state.filters());
        let depth = Location::depth(state.page.lang, &state.page.route) + 3;
        let base = "../".repeat(depth);
        document::page_with_base(self, template, &state.page, head, &body, &base, false)
    }

    /// `404.html`, which static hosts send for a page they do not have: "not
    /// found", with a way home. Its `<base>` is the path of the site's public
    /// address, as it is served at any depth (a relative one would not lead
    /// back to the root).
    pub fn not_found(&self, template: &Template) -> String {
        let page = Page { lang: Lang::Zh, route: Route::NotFound(String::new()) };
        let (body, head) = self.body(&page);
        let base = document::url_path(&self.url);
        document::page_with_base(self, template, &page, head, &body, &base, false)
    }

    /// `sitemap.xml`: every listed page, with its other language.
    pub fn sitemap(&self, pages: &[Page]) -> String {
        document::sitemap(self, pages)
    }

    /// `robots.txt`: everything may be read; where the sitemap is.
    pub fn robots(&self) -> String {
        format!("User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n", self.url)
    }
}

// Natively only: they write sites to disk and read them back.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
