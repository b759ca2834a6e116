//! Overview: the plan's identity, the current data release (with the sample
//! notice when flagged), progress of the six goal areas and eight key tasks, a
//! district × task heatmap with a ranking, every indicator, what changed in the
//! latest release, and what the plan sets in each goal area. Filters (goal
//! area, task, district, period) live in the URL.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::{Lang, PlanDocument, ProgressDocument, Status};

use crate::context::{Portal, use_lang, use_plan, use_portal};
use crate::data::DATA_DIR;
use crate::pages::changes::WhatChanged;
use crate::share::FigureCard;
use crate::ui::{
    DataTable, EmptyState, FilterBar, FilterStatus, Followed, Later, Loaded, PageTitle, ReleaseBar,
    SampleNotice, stage_summary, states_of,
};
use portal_view::assessed::Assessed;
use portal_view::figures::{self, Figure};
use portal_view::format::{NO_FIGURE, rank_text, with_unit};
use portal_view::locale::tr;
use portal_view::url::{FigureId, Filters, Location, Route};

/// The overview page.
#[component]
pub fn Overview() -> impl IntoView {
    let (doc, lang) = (use_plan(), use_lang());
    let portal = use_portal();
    // A filter change updates the figures in place; the page is not drawn anew.
    let filters = portal.filters;
    let plan = &doc.plan;
    let doc_for_progress = doc.clone();
    let doc_for_browse = doc.clone();
    let doc_for_glance = doc.clone();
    let original_href = format!("{DATA_DIR}/{}", plan.original_text);
    let doc_for_targets = doc.clone();
    // Drawn from the plan: a district or period changes nothing here.
    let plan_filters =
        Memo::new(move |_| filters.with(|f| Filters { period: None, ..f.without_district() }));
    let goal_targets = Memo::new_with_compare(
        move |_| {
            plan_filters.with(|f| {
                figures::build(&FigureId::GoalTargets, &doc_for_targets, None, lang, f).ok()
            })
        },
        always_new,
    );
    let has_goal_targets = Memo::new(move |_| goal_targets.with(Option::is_some));
    view! {
        <article class="overview">
            <PageTitle description=plan.title.get(lang).to_owned() lang=lang />
            <header class="plan-header">
                <h1 class="plan-title">{plan.title.get(lang).to_owned()}</h1>
            </header>
            // The answer first, right under the title (on a phone's first
            // screen); nothing until the figures are in (the part below says
            // why if they fail).
            {move || {
                let doc = doc_for_glance.clone();
                portal.at_period.get().map(|assessed| view! { <AtAGlance doc=doc assessed=assessed lang=lang /> })
            }}
            <Followed lang=lang />
            <div class="plan-facts">
                <dl class="plan-meta">
                    <dt>{tr!(lang, document_number)}</dt>
                    <dd>{plan.document_number.clone()}</dd>
                    <dt>{tr!(lang, issuer)}</dt>
                    <dd>{plan.issuer.get(lang).to_owned()}</dd>
                    <dt>{tr!(lang, issue_date)}</dt>
                    <dd>
                        <time datetime=plan.issue_date.clone()>{plan.issue_date.clone()}</time>
                    </dd>
                </dl>
                <p>
                    <a href=original_href hreflang="zh-CN">{tr!(lang, read_original)}</a>
                </p>
            </div>
            <Loaded
                resource=portal.progress
                lang=lang
                ok=move |data| {
                    view! {
                        <OverviewProgress
                            doc=doc_for_progress.clone()
                            data=data
                            portal=portal
                            lang=lang
                        />
                    }
                }
            />
            // Below the progress part: built and shown in a task of its own,
            // after the page's top (and the progress part, if its data is in).
            <Later>
                {move || {
                    let first = has_goal_targets
                        .get()
                        .then(|| goal_targets.get_untracked())
                        .flatten()?;
                    let figure = Memo::new_with_compare(
                        move |last: Option<&Figure>| {
                            goal_targets
                                .get()
                                .or_else(|| last.cloned())
                                .unwrap_or_else(|| first.clone())
                        },
                        always_new,
                    );
                    Some(view! { <FigureCard figure=figure /> })
                }}
                // Below the charts: the first screen keeps the indicators' answer
                // and the first chart.
                {move || portal.at_period.get().map(|assessed| view! { <CommitmentsAtAGlance assessed=assessed lang=lang /> })}
                <Browse doc=doc_for_browse.clone() lang=lang />
            </Later>
        </article>
    }
}

/// Links to every district and department page.
#[component]
fn Browse(doc: Arc<PlanDocument>, lang: Lang) -> impl IntoView {
    let districts = doc
        .districts
        .iter()
        .map(|d| view! { <li><a href=Route::District(d.id.clone()).href(lang)>{d.name.get(lang).to_owned()}</a></li> })
        .collect_view();
    let departments = doc
        .departments
        .iter()
        .map(|d| view! { <li><a href=Route::Department(d.id.clone()).href(lang)>{d.name.get(lang).to_owned()}</a></li> })
        .collect_view();
    view! {
        <section class="card browse" aria-labelledby="browse-heading">
            <h2 id="browse-heading">{tr!(lang, browse_heading)}</h2>
            <h3>{tr!(lang, districts_word)}</h3>
            <ul class="browse-list browse-districts">{districts}</ul>
            <p><a class="compare-link" href=Route::Compare.href(lang)>{tr!(lang, compare_overview_link)}</a></p>
            <h3>{tr!(lang, departments_word)}</h3>
            <ul class="browse-list browse-departments">{departments}</ul>
        </section>
    }
}

/// Memos whose value is a fresh computation every time (figures hold charts,
/// which cannot be compared): dependents always update.
fn always_new<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

/// The figure `select` picks from the parts, as a signal that changes only
/// when that figure was built anew (not when a filter it ignores changed). It
/// may be missing for a moment while the page catches up with a change (the
/// layout above then removes its card): the last one stands in until then.
fn live_figure(
    parts: Memo<Parts>,
    select: fn(&Parts) -> &Option<Arc<Figure>>,
) -> Option<Memo<Figure>> {
    let first = parts.with_untracked(|p| select(p).clone())?;
    let built = Memo::new_with_compare(
        move |_| parts.with(|p| select(p).clone()),
        |a, b| match (a.and_then(Option::as_ref), b.and_then(Option::as_ref)) {
            (Some(a), Some(b)) => !Arc::ptr_eq(a, b),
            _ => true,
        },
    );
    Some(Memo::new_with_compare(
        move |last: Option<&Figure>| {
            built
                .get()
                .map(|f| (*f).clone())
                .or_else(|| last.cloned())
                .unwrap_or_else(|| (*first).clone())
        },
        always_new,
    ))
}

/// A card for the figure `select` picks, if there is one.
fn figure_card(parts: Memo<Parts>, select: fn(&Parts) -> &Option<Arc<Figure>>) -> Option<AnyView> {
    let figure = live_figure(parts, select)?;
    Some(view! { <FigureCard figure=figure /> }.into_any())
}

/// What the overview's progress part shows for one set of filters: computed
/// once per change, shared by every figure and list on the page. What a
/// change leaves as it was is kept, not rebuilt (a new district rebuilds the
/// heatmap only).
struct Parts {
    /// The filters without the district: what the other figures depend on.
    common: Filters,
    /// The progress figures assessed at the period filter (shared by the shell).
    assessed: Arc<Assessed>,
    shown: Vec<String>,
    goals: Option<Arc<Figure>>,
    tasks: Option<Arc<Figure>>,
    heatmap: Option<Arc<Figure>>,
    ranking: Option<Arc<Figure>>,
    map: Option<Arc<Figure>>,
}

impl Parts {
    fn compute(
        assessed: &Arc<Assessed>,
        lang: Lang,
        filters: &Filters,
        last: Option<&Parts>,
    ) -> Self {
        let doc = &*assessed.plan;
        let common = filters.without_district();
        // What a new district leaves as it was (same assessment, same other
        // filters) is kept; every figure is built from the one assessment.
        let same = last.filter(|l| l.common == common && Arc::ptr_eq(&l.assessed, assessed));
        let build = |id: FigureId| {
            figures::build(&id, doc, Some(assessed), lang, filters).ok().map(Arc::new)
        };
        let heatmap = build(FigureId::DistrictHeatmap);
        let (goals, tasks, ranking, map) = match same {
            Some(l) => (l.goals.clone(), l.tasks.clone(), l.ranking.clone(), l.map.clone()),
            None => (
                build(FigureId::GoalProgress),
                build(FigureId::TaskProgress),
                build(FigureId::DistrictRanking),
                build(FigureId::DistrictMap),
            ),
        };
        Self {
            common,
            assessed: assessed.clone(),
            shown: doc.indicators_in(filters.goal.as_deref(), filters.task.as_deref()),
            goals,
            tasks,
            heatmap,
            ranking,
            map,
        }
    }

    /// Which parts exist: the page's layout changes only when this does.
    fn layout(&self) -> [bool; 6] {
        [
            self.shown.is_empty(),
            self.goals.is_some(),
            self.tasks.is_some(),
            self.heatmap.is_some(),
            self.ranking.is_some(),
            self.map.is_some(),
        ]
    }
}

/// How many of the plan's indicators stand where, citywide, as of the figures'
/// date (the period filter's, if chosen) and with the share of the year gone:
/// the answer to "how is the plan going?", first on the page.
#[component]
fn AtAGlance(doc: Arc<PlanDocument>, assessed: Arc<Assessed>, lang: Lang) -> impl IntoView {
    let data = &assessed.data;
    let as_of = data.release.as_of.clone();
    let elapsed = plan_model::date::share_of_year(&as_of)
        .map_or_else(|| NO_FIGURE.to_owned(), |share| format!("{share:.0}"));
    let sentence =
        tr!(lang, glance_sentence, date = as_of, elapsed = elapsed, total = doc.indicators.len());
    let items = assessed.card.city_status_counts(&doc)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| {
            view! {
                <li>
                    <span class=portal_view::format::status_class(status) aria-hidden="true">{status.icon()}</span>
                    " " {status.label(lang)} " " <strong class="glance-count">{n}</strong>
                </li>
            }
        })
        .collect_view();
    // From this release's own figures: a quarter before the as-of date.
    let moved = assessed
        .quarter_before()
        .map(|before| plan_model::movers::movers_since(&doc, &assessed.card, before, 2))
        .filter(|m| !m.up.is_empty() || !m.down.is_empty())
        .map(|m| movers_view(&doc, &m, lang));
    view! {
        <section class="card at-a-glance" aria-labelledby="glance-heading">
            <h2 id="glance-heading">{tr!(lang, glance_heading)}</h2>
            <p class="glance-sentence">
                {data.release.sample.then(|| tr!(lang, sample_mark))} {sentence}
            </p>
            <ul class="glance-counts">{items}</ul>
            {moved}
        </section>
    }
}

/// The commitments (举措) rolled up: counts by stage, how many are overdue or
/// due soon, and the way to all of them.
#[component]
fn CommitmentsAtAGlance(assessed: Arc<Assessed>, lang: Lang) -> impl IntoView {
    let ids: Vec<String> = assessed.plan.commitments.iter().map(|c| c.id.clone()).collect();
    let summary = stage_summary(&states_of(&assessed.plan, &assessed.data, &ids), lang);
    let late = plan_model::cadence::late_items(&assessed.plan, &assessed.data).len();
    let href = format!("{}#late-reports", Route::Commitments.href(lang));
    let flag = view! { <span aria-hidden="true">"⚑ "</span> };
    let late = (late > 0).then(|| view! { <p class="late-summary"><a href=href>{flag}{tr!(lang, late_count, n = late)}</a></p> });
    (!ids.is_empty()).then(|| {
        view! {
            <section class="card glance-commitments" aria-labelledby="glance-commitments-heading">
                <h2 id="glance-commitments-heading">{tr!(lang, nav_commitments)}</h2>
                <p class="stage-summary">{summary}</p>
                {late}
                <p><a href=Route::Commitments.href(lang)>{tr!(lang, all_commitments_link)}</a></p>
            </section>
        }
    })
}

/// The biggest moves up and down against the expected progress since a
/// quarter before, each with its arrow and word (not the arrow alone), the
/// points and the status change.
fn movers_view(
    doc: &PlanDocument,
    m: &plan_model::movers::Movers,
    lang: Lang,
) -> impl IntoView + use<> {
    let line = |mv: &plan_model::movers::Move, up: bool| {
        let name = doc
            .indicator(&mv.indicator)
            .map_or_else(|| mv.indicator.clone(), |i| i.name.get(lang).to_owned());
        let (arrow, word, class) = if up {
            ("↑", tr!(lang, moved_up), "mover mover-up")
        } else {
            ("↓", tr!(lang, moved_down), "mover mover-down")
        };
        // A real minus sign, as the figure reads.
        let points = format!("{:+.1}", mv.points).replace('-', "−");
        let change = (mv.before != mv.now).then(|| {
            let (open, close) = match lang {
                Lang::Zh => ("（", "）"),
                Lang::En => (" (", ")"),
            };
            format!("{open}{} → {}{close}", mv.before.label(lang), mv.now.label(lang))
        });
        view! {
            <li class=class>
                <span aria-hidden="true">{arrow}</span> " " {word} " "
                <a href=Route::Indicator(mv.indicator.clone()).href(lang)>{name}</a>
                " " <strong>{points}</strong> {change}
            </li>
        }
    };
    let items = m.up.iter().map(|mv| line(mv, true)).chain(m.down.iter().map(|mv| line(mv, false)));
    let items = items.collect_view();
    view! {
        <p class="glance-movers-heading">{tr!(lang, movers_heading, since = m.since.clone())}</p>
        <ul class="glance-movers">{items}</ul>
    }
}

/// Everything that needs the progress data, narrowed by the filters.
#[component]
fn OverviewProgress(
    doc: Arc<PlanDocument>,
    /// The release's figures, every date.
    data: Arc<ProgressDocument>,
    portal: Portal,
    lang: Lang,
) -> impl IntoView {
    let filters = portal.filters;
    let periods = data.periods();
    let release = data.release.clone();
    // The benchmark's marks: around the first assessment and its figures
    // only, not each change.
    use crate::data::{mark_once, marks};
    mark_once(marks::STATUS_START);
    let Some(first) = portal.at_period.get_untracked() else {
        // Both files are in (this part is shown once they are): never here.
        return ().into_any();
    };
    let parts = Memo::new_with_compare(
        move |last: Option<&Parts>| {
            // While another period is assessed the last assessment stands in.
            let assessed = portal
                .at_period
                .get()
                .or_else(|| last.map(|l| l.assessed.clone()))
                .unwrap_or_else(|| first.clone());
            filters.with(|f| Parts::compute(&assessed, lang, f, last))
        },
        always_new,
    );
    parts.with_untracked(|_| ());
    mark_once(marks::STATUS_DONE);
    crate::data::note_memory();
    let layout = Memo::new(move |_| parts.with(Parts::layout));
    let announcement = Signal::derive(move || {
        parts.with(|p| {
            if p.shown.is_empty() {
                tr!(lang, filter_result_none).to_owned()
            } else {
                format!("{} {}", tr!(lang, filter_result_count), p.shown.len())
            }
        })
    });
    let body_doc = doc.clone();
    let body = move || {
        let [empty, ..] = layout.get();
        if empty {
            return view! { <EmptyState lang=lang clear_href=Route::Overview.href(lang) /> }
                .into_any();
        }
        let doc = body_doc.clone();
        let list_doc = body_doc.clone();
        // The goal areas' progress first (the top of the page, the first
        // chart drawn); the rest in tasks of their own.
        view! {
            {figure_card(parts, |p| &p.goals)}
            <Later>{figure_card(parts, |p| &p.tasks)}</Later>
            <Later>
                <DistrictSection doc=doc.clone() parts=parts lang=lang filters=filters />
            </Later>
            <Later>
                <IndicatorList
                    doc=list_doc.clone()
                    parts=parts
                    filters=filters
                    sample=release.sample
                    lang=lang
                />
            </Later>
        }
        .into_any()
    };
    let bar_doc = doc.clone();
    // Looking back changes the release's as-of date.
    let release_shown = Memo::new(move |_| parts.with(|p| p.assessed.data.release.clone()));
    view! {
        {move || view! { <ReleaseBar release=release_shown.get() lang=lang /> }}
        {release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <FilterBar
            doc=bar_doc
            periods=periods
            route=Route::Overview
            filters=filters
            lang=lang
        />
        <FilterStatus text=announcement />
        {body}
        <Later>
            <WhatChanged doc=doc.clone() latest=data.clone() lang=lang />
        </Later>
    }
    .into_any()
}

/// District × task heatmap and the district ranking.
#[component]
fn DistrictSection(
    doc: Arc<PlanDocument>,
    parts: Memo<Parts>,
    lang: Lang,
    filters: Memo<Filters>,
) -> impl IntoView {
    let line_doc = doc.clone();
    // The chosen district's place in the ranking, under the heatmap's subtitle.
    let selected_line = move || {
        let doc = &line_doc;
        let filters = filters.get();
        parts.with(|p| {
            // The indicators the filters leave, as the parts have them already.
            let standings = p.assessed.standings(&p.shown);
            let id = filters.district.as_ref()?;
            let d = doc.districts.iter().find(|d| &d.id == id)?;
            let s = standings.of(id)?;
            let rank = rank_text(s.rank);
            let href = Location::href(lang, &Route::District(id.clone()), &filters);
            Some(view! {
                <p class="selected-district">
                    <strong>{d.name.get(lang).to_owned()}</strong>
                    " · " {tr!(lang, rank_label)} " " {rank} " / " {standings.list.len()}
                    " · " <a href=href>{tr!(lang, open_district_page)}</a>
                </p>
            })
        })
    };
    let heatmap = match live_figure(parts, |p| &p.heatmap) {
        Some(figure) => view! { <FigureCard figure=figure>{selected_line}</FigureCard> }.into_any(),
        None => view! {
            <section class="card heatmap-section">
                <h2>{tr!(lang, heatmap_heading)}</h2>
                <p class="empty-state">{tr!(lang, heatmap_none)}</p>
            </section>
        }
        .into_any(),
    };
    view! {
        {figure_card(parts, |p| &p.map)}
        {heatmap}
        {figure_card(parts, |p| &p.ranking)}
    }
}

/// Every (filtered) indicator with its status in words and a link to its page;
/// with a district chosen, that district's figures. A new district changes the
/// status and value cells in place (the rows are rebuilt only when the filters
/// show other indicators), so the change's first frame stays short.
#[component]
fn IndicatorList(
    doc: Arc<PlanDocument>,
    parts: Memo<Parts>,
    filters: Memo<Filters>,
    sample: bool,
    lang: Lang,
) -> impl IntoView {
    let district = Memo::new(move |_| filters.with(|f| f.district.clone()));
    let shown = Memo::new(move |_| parts.with(|p| p.shown.clone()));
    let place_doc = doc.clone();
    let caption = Signal::derive(move || {
        let place = district.with(|id| {
            let d = id.as_ref().and_then(|id| place_doc.districts.iter().find(|d| &d.id == id));
            d.map_or_else(|| tr!(lang, citywide).to_owned(), |d| d.name.get(lang).to_owned())
        });
        format!(
            "{} · {place}{}",
            tr!(lang, indicator_list_caption),
            if sample { tr!(lang, sample_suffix) } else { "" }
        )
    });
    let rows = move || {
        shown.with(|shown| {
            doc.indicators
                .iter()
                .filter(|ind| shown.contains(&ind.id))
                .map(|ind| indicator_row(ind, parts, district, lang))
                .collect_view()
        })
    };
    view! {
        <section class="card indicator-list" aria-labelledby="indicator-list-heading">
            <h2 id="indicator-list-heading">{tr!(lang, indicator_list_heading)}</h2>
            <DataTable
                caption=caption
                headers=vec![
                    tr!(lang, col_indicator).to_owned(),
                    tr!(lang, col_status).to_owned(),
                    tr!(lang, col_latest_value).to_owned(),
                    tr!(lang, col_target).to_owned(),
                ]
            >
                {rows}
            </DataTable>
        </section>
    }
}

/// One indicator's row: its status and latest value, city-wide or in the
/// chosen district, follow the filters.
fn indicator_row(
    ind: &plan_model::Indicator,
    parts: Memo<Parts>,
    district: Memo<Option<String>>,
    lang: Lang,
) -> impl IntoView + use<> {
    let id = ind.id.clone();
    let assessed = Memo::new(move |_| {
        district.with(|d| {
            parts.with(|p| {
                let a = match d {
                    Some(d) => p.assessed.card.in_district(d, &id),
                    None => p.assessed.card.city.get(&id),
                };
                (a.map_or(Status::NoData, |a| a.status), a.and_then(|a| a.value))
            })
        })
    });
    let unit = ind.unit.get(lang).to_owned();
    let target = ind
        .target
        .level()
        .map_or_else(|| tr!(lang, qualitative).to_owned(), |v| with_unit(v, &unit, lang));
    let href = Location::href(lang, &Route::Indicator(ind.id.clone()), &Filters::default());
    let status = move || {
        let status = assessed.with(|a| a.0);
        format!("{} {}", status.icon(), status.label(lang))
    };
    let value = move || {
        assessed.with(|a| a.1.map_or_else(|| NO_FIGURE.to_owned(), |v| with_unit(v, &unit, lang)))
    };
    view! {
        <tr>
            <th scope="row">
                <a href=href>{ind.name.get(lang).to_owned()}</a>
            </th>
            <td class="status-cell">{status}</td>
            <td>{value}</td>
            <td>{target}</td>
        </tr>
    }
}
