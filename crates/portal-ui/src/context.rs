//! What the shell loads once and every page reads from context instead of
//! props: the plan, the release's progress figures, and their assessment at
//! the period filter, computed once per release and period and shared by
//! every page and figure (so no page assesses the figures again).

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::{Lang, PlanDocument, ProgressDocument};

use crate::data::Waited;
use crate::ui::Loaded;
use portal_view::assessed::Assessed;
use portal_view::url::Filters;

/// The plan, loading or loaded, shared.
pub type PlanSource = Waited<Arc<PlanDocument>>;
/// A release's progress figures, loading or loaded, shared.
pub type ProgressSource = Waited<Arc<ProgressDocument>>;

/// The shell's shared state.
#[derive(Clone, Copy)]
pub struct Portal {
    /// The release's progress figures, loading or loaded.
    pub progress: ProgressSource,
    /// The release's figures assessed as they stand (no period), once both
    /// files have loaded; a new value only for a new release or a retry.
    /// Pages that offer no period filter read this one.
    pub latest: Memo<Option<Arc<Assessed>>>,
    /// The same assessed at the period filter's date: `latest` itself when
    /// no period is chosen; a new value for another period.
    pub at_period: Memo<Option<Arc<Assessed>>>,
    /// The reader's language (from the URL).
    pub lang: Memo<Lang>,
    /// The filters in the URL.
    pub filters: Memo<Filters>,
}

impl Portal {
    /// Makes the shared state from the shell's two resources and its URL.
    pub fn new(
        plan: PlanSource,
        progress: ProgressSource,
        lang: Memo<Lang>,
        filters: Memo<Filters>,
    ) -> Self {
        let period = Memo::new(move |_| filters.with(|f| f.period.clone()));
        let latest = Memo::new_with_compare(
            move |_| {
                let plan = plan.now.get()?.ok()?;
                let full = progress.now.get()?.ok()?;
                Some(Arc::new(Assessed::new(plan, full, None)))
            },
            changed,
        );
        let at_period = Memo::new_with_compare(
            move |_| {
                let latest = latest.get()?;
                Some(period.with(|p| match p {
                    None => latest,
                    Some(date) => Arc::new(Assessed::new(
                        latest.plan.clone(),
                        latest.full.clone(),
                        Some(date),
                    )),
                }))
            },
            changed,
        );
        Portal { progress, latest, at_period, lang, filters }
    }
}

impl Portal {
    /// The shared state of a page rendered natively: the figures assessed
    /// once for every page of the site.
    pub fn given(
        progress: ProgressSource,
        assessed: Arc<Assessed>,
        lang: Memo<Lang>,
        filters: Memo<Filters>,
    ) -> Self {
        let latest = Memo::new_with_compare(move |_| Some(assessed.clone()), changed);
        Portal { progress, latest, at_period: latest, lang, filters }
    }

    /// The same, for a page rendered with a period filter: `at_period` is
    /// the figures assessed as they stood at that period.
    pub fn given_at_period(
        progress: ProgressSource,
        latest: Arc<Assessed>,
        at_period: Arc<Assessed>,
        lang: Memo<Lang>,
        filters: Memo<Filters>,
    ) -> Self {
        let latest = Memo::new_with_compare(move |_| Some(latest.clone()), changed);
        let at_period = Memo::new_with_compare(move |_| Some(at_period.clone()), changed);
        Portal { progress, latest, at_period, lang, filters }
    }
}

/// Whether a memo of an assessment has a new one: a new `Arc` is a new
/// assessment (they are never compared field by field).
fn changed(old: Option<&Option<Arc<Assessed>>>, new: Option<&Option<Arc<Assessed>>>) -> bool {
    match (old, new) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// The shared state (the shell provides it before any page is made).
pub fn use_portal() -> Portal {
    expect_context::<Portal>()
}

/// The loaded plan, provided by the shell around the page once it has loaded.
#[derive(Clone)]
pub struct LoadedPlan(pub Arc<PlanDocument>);

/// The loaded plan (pages are only made once it has loaded).
pub fn use_plan() -> Arc<PlanDocument> {
    expect_context::<LoadedPlan>().0
}

/// The reader's language now (a page is made anew when it changes).
pub fn use_lang() -> Lang {
    use_portal().lang.get_untracked()
}

/// Shows `ok(assessment)` once the progress figures have loaded (a skeleton
/// before, the error with a retry button if they failed), again for each
/// new assessment.
#[component]
pub fn WithAssessment<V, F>(
    /// Renders the part of the page that needs the progress figures.
    ok: F,
    /// Assessed at the period filter (pages that offer it), else as the
    /// figures stand.
    #[prop(optional)]
    at_period: bool,
) -> impl IntoView
where
    V: IntoView + 'static,
    F: Fn(Arc<Assessed>) -> V + Send + Sync + 'static,
{
    let portal = use_portal();
    view! {
        <Loaded
            resource=portal.progress
            lang=portal.lang
            ok=move |_| {
                let assessed = if at_period { portal.at_period } else { portal.latest };
                assessed.get().map(&ok)
            }
        />
    }
}
