//! What is promised next: an item's reporting cadence, its last report and
//! when the next is due, flagged when a report is late (as the release stood
//! when published, `plan_model::cadence`).

use leptos::prelude::*;
use plan_model::Lang;
use plan_model::cadence::Reporting;

use portal_view::locale::tr;

/// The flag of a late report: a sign and words, never colour alone.
#[component]
pub fn LateFlag(
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <span class="late-flag">
            <span aria-hidden="true">"⚑ "</span>
            {tr!(lang, report_late)}
        </span>
    }
}

/// "Reports quarterly · last 2026-09-30 · next due 2027-01-15", with the flag
/// when late.
#[component]
pub fn ReportingLine(
    /// Where the item's reporting stands.
    reporting: Reporting,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let last = match &reporting.last {
        Some(date) => tr!(lang, report_last, date = date),
        None => tr!(lang, report_none_yet).to_owned(),
    };
    let next = if reporting.late {
        tr!(lang, report_was_due, date = reporting.next_due)
    } else {
        tr!(lang, report_next_due, date = reporting.next_due)
    };
    view! {
        <p class="reporting-line">
            <strong>{tr!(lang, report_label)}</strong> " "
            {reporting.cadence.label(lang)} " · " {last} " · " {next}
            {reporting.late.then(|| view! { " " <LateFlag lang=lang /> })}
        </p>
    }
}

/// Every late report of a release (indicators and commitments), with where
/// each lives, its cadence, its last report and when it was due.
#[component]
pub fn LateReports(
    /// The plan.
    plan: std::sync::Arc<plan_model::PlanDocument>,
    /// The release's figures and updates.
    progress: std::sync::Arc<plan_model::ProgressDocument>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    use portal_view::url::Route;
    let late = plan_model::cadence::late_items(&plan, &progress);
    let intro = tr!(
        lang,
        late_intro,
        date = progress.release.published,
        days = progress.reporting.grace_days
    );
    let body = if late.is_empty() {
        view! { <p class="no-late">{tr!(lang, late_none)}</p> }.into_any()
    } else {
        let rows = late
            .into_iter()
            .filter_map(|(id, r)| {
                let (name, href) = match plan.indicator(&id) {
                    Some(i) => {
                        (i.name.get(lang).to_owned(), Route::Indicator(id.clone()).href(lang))
                    }
                    None => {
                        let c = plan.commitment(&id)?;
                        let page = c.task.clone().map_or(Route::Commitments, Route::Task);
                        let anchor = super::commitment_anchor(&c.id);
                        (c.name.get(lang).to_owned(), format!("{}#{anchor}", page.href(lang)))
                    }
                };
                let last = r.last.clone().unwrap_or_else(|| tr!(lang, report_none_yet).to_owned());
                Some(view! {
                    <tr class="late-row">
                        <th scope="row" class="text-cell"><a href=href>{name}</a></th>
                        <td class="text-cell">{r.cadence.label(lang)}</td>
                        <td class="text-cell">{last}</td>
                        <td class="text-cell">{r.next_due.clone()} " " <LateFlag lang=lang /></td>
                    </tr>
                })
            })
            .collect_view();
        view! {
            <super::DataTable caption=tr!(lang, late_heading) headers=vec![tr!(lang, late_col_item).to_owned(), tr!(lang, late_col_cadence).to_owned(), tr!(lang, late_col_last).to_owned(), tr!(lang, late_col_due).to_owned()]>
                {rows}
            </super::DataTable>
        }
        .into_any()
    };
    view! {
        <section class="card late-reports" id="late-reports" aria-labelledby="late-reports-heading">
            <h2 id="late-reports-heading">{tr!(lang, late_heading)}</h2>
            <p class="card-subtitle">{intro}</p>
            {body}
        </section>
    }
}
