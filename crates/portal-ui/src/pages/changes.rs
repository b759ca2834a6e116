//! What changed in the latest release: its changelog notes, and the figures
//! added, revised and withdrawn since the release before it (both read from
//! their frozen `releases/<version>/` folders, compared by `plan_model::diff`).

use leptos::prelude::*;
use plan_model::diff::{Change, diff_releases};
use std::sync::Arc;

use plan_model::{Lang, PlanDocument, ProgressDocument};

use crate::data::{DataError, load_release, load_release_index};
use crate::near_screen::NearScreen;
use crate::ui::{DataTable, DataText, Loaded};
use portal_view::locale::tr;

/// The release before the current one, loaded for comparison (`None` when the
/// current release is the first).
async fn previous_release(
    current: String,
) -> Result<Option<(PlanDocument, ProgressDocument)>, DataError> {
    // Pages are drawn anew on every filter change: fetch and parse once per release.
    if let Some(found) = PREVIOUS.with(|c| c.borrow().get(&current).cloned()) {
        return Ok(found);
    }
    let found = fetch_previous(&current).await?;
    PREVIOUS.with(|c| c.borrow_mut().insert(current, found.clone()));
    Ok(found)
}

type Compared = Option<(PlanDocument, ProgressDocument)>;

thread_local! {
    /// The release before each current version, once loaded (errors are not kept,
    /// so a retry fetches again).
    static PREVIOUS: std::cell::RefCell<std::collections::HashMap<String, Compared>> =
        std::cell::RefCell::default();
}

async fn fetch_previous(current: &str) -> Result<Compared, DataError> {
    let index = load_release_index().await?;
    let Some(previous) = plan_model::release::previous(&index, current) else {
        return Ok(None);
    };
    load_release(&previous.version).await.map(Some)
}

/// The "what changed" section.
#[component]
pub fn WhatChanged(
    /// The current plan.
    doc: Arc<PlanDocument>,
    /// The current release's progress data (not narrowed by any filter).
    latest: Arc<ProgressDocument>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let version = latest.release.version.clone();
    // The release before is fetched only when the section comes near the
    // screen: it is the bottom of the overview, and most readers never get there.
    let section = NodeRef::<leptos::html::Section>::new();
    // A page rendered natively has the release before read ahead.
    let read_ahead = crate::data::read_ahead().and_then(|r| r.previous);
    let near = RwSignal::new(read_ahead.is_some());
    let watcher = StoredValue::new_local(None::<NearScreen>);
    Effect::new(move |_| {
        if let Some(element) = section.get() {
            let watching = NearScreen::watch(&element, 1.0, move || near.set(true));
            watcher.set_value(watching);
        }
    });
    on_cleanup(move || {
        watcher.try_update_value(|w| w.take());
    });
    let notes = latest
        .release
        .changelog
        .iter()
        .filter(|e| e.version == latest.release.version)
        .map(|e| view! { <li><DataText text=e.notes.clone() lang=lang /></li> })
        .collect_view();
    view! {
        <section class="card what-changed" aria-labelledby="what-changed-heading" node_ref=section>
            <h2 id="what-changed-heading">{tr!(lang, changes_heading)} " · " {latest.release.version.clone()}</h2>
            <ul class="changelog">{notes}</ul>
            {move || {
                if !near.get() {
                    return view! { <p class="loading-changes">{tr!(lang, loading)}</p> }.into_any();
                }
                let version = version.clone();
                let previous: crate::data::Waited<Compared> = match read_ahead.clone() {
                    Some(found) => crate::data::Waited::given(found),
                    None => LocalResource::new(move || previous_release(version.clone())).into(),
                };
                let doc = doc.clone();
                let latest = latest.clone();
                view! {
                    <Loaded
                        resource=previous
                        lang=lang
                        ok=move |found| match found {
                            None => view! { <p class="no-previous">{tr!(lang, changes_first_release)}</p> }.into_any(),
                            Some((old_plan, old_progress)) => {
                                view! { <ChangeList doc=doc.clone() old_plan=old_plan old_progress=old_progress latest=latest.clone() lang=lang /> }
                                    .into_any()
                            }
                        }
                    />
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn ChangeList(
    doc: Arc<PlanDocument>,
    old_plan: PlanDocument,
    old_progress: ProgressDocument,
    latest: Arc<ProgressDocument>,
    lang: Lang,
) -> impl IntoView {
    let diff = diff_releases((&old_plan, &old_progress), (&doc, &latest));
    let name =
        |id: &str| doc.indicator(id).map_or_else(|| id.to_owned(), |i| i.name.get(lang).to_owned());
    let place = |d: &Option<String>| match d {
        Some(id) => doc
            .districts
            .iter()
            .find(|x| &x.id == id)
            .map_or_else(|| id.clone(), |x| x.name.get(lang).to_owned()),
        None => tr!(lang, citywide).to_owned(),
    };
    let (mut added, mut revised, mut withdrawn, mut other) = (0, 0, 0, 0);
    let mut rows = Vec::new();
    for change in &diff.changes {
        match change {
            Change::ValueAdded { .. } => added += 1,
            Change::ValueChanged { indicator, district, as_of, old, new } => {
                revised += 1;
                rows.push((
                    tr!(lang, change_revised),
                    name(indicator),
                    place(district),
                    as_of.clone(),
                    format!("{old} → {new}"),
                ));
            }
            Change::ValueRemoved { indicator, district, as_of, value } => {
                withdrawn += 1;
                rows.push((
                    tr!(lang, change_withdrawn),
                    name(indicator),
                    place(district),
                    as_of.clone(),
                    value.to_string(),
                ));
            }
            other_change => {
                other += 1;
                rows.push((
                    tr!(lang, change_other),
                    other_change.describe(lang),
                    String::new(),
                    String::new(),
                    String::new(),
                ));
            }
        }
    }
    let table = (!rows.is_empty()).then(|| {
        let body = rows
            .into_iter()
            .map(|(kind, what, place, date, value)| {
                view! {
                    <tr>
                        <th scope="row">{what}</th>
                        <td class="text-cell">{kind}</td>
                        <td class="text-cell">{place}</td>
                        <td>{date}</td>
                        <td>{value}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <DataTable caption=tr!(lang, changes_table_caption) headers=vec![tr!(lang, col_indicator).to_owned(), tr!(lang, col_change).to_owned(), tr!(lang, col_place).to_owned(), tr!(lang, col_date).to_owned(), tr!(lang, col_value).to_owned()] class="change-table">
                {body}
            </DataTable>
        }
    });
    view! {
        <p class="change-summary">
            {tr!(lang, changes_compared_with)} " " <strong>{diff.old_version.clone()}</strong> ": "
            <span class="count-added">{added}</span> " " {tr!(lang, changes_added)} " · "
            <span class="count-revised">{revised}</span> " " {tr!(lang, changes_revised)} " · "
            <span class="count-withdrawn">{withdrawn}</span> " " {tr!(lang, changes_withdrawn)}
            {(other > 0).then(|| view! { " · " {other} " " {tr!(lang, changes_other)} })}
        </p>
        {table}
    }
}
