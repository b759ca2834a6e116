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
        <span class="due-flag due-overdue late-flag">
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
