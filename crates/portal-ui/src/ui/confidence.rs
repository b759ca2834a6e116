//! A delivery-confidence rating, beside (never mixed into) what is measured:
//! the level in bars and words, its date, its reason, and a note when it and
//! the measure point opposite ways.

use leptos::prelude::*;
use plan_model::Lang;
use plan_model::confidence::disagrees;
use plan_model::progress::Update;

use crate::ui::DataText;
use portal_view::locale::tr;

/// The latest rating of a key task or a commitment. `on_course`: what its
/// measure says (status or stage), `None` when it says neither.
#[component]
pub fn ConfidenceLine(
    /// The update that gives the rating (its date is the rating's).
    update: Update,
    /// Whether the measured progress is on course.
    on_course: Option<bool>,
    /// Sample data: the rating is made up too, and says so.
    sample: bool,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let confidence = update.confidence?;
    let level = confidence.level;
    let disagreement = disagrees(level, on_course).then(|| {
        let said = if on_course == Some(false) {
            tr!(lang, confidence_disagrees_behind, level = level.label(lang))
        } else {
            tr!(lang, confidence_disagrees_ahead, level = level.label(lang))
        };
        view! {
            <p class="confidence-disagrees">
                <span aria-hidden="true">"⚠ "</span>
                <strong>{tr!(lang, confidence_disagrees_label)}</strong> " " {said}
            </p>
        }
    });
    Some(view! {
        <div class=format!("confidence confidence-{}", level.code())>
            <p class="confidence-line">
                <strong>{tr!(lang, confidence_label)}</strong> " "
                <span class="confidence-bars" aria-hidden="true">{level.icon()}</span> " "
                <span class="confidence-level">{level.label(lang)}</span>
                " · " {tr!(lang, confidence_rated)} " "
                <time datetime=update.as_of.clone()>{update.as_of.clone()}</time>
                {sample.then(|| view! { " · " {tr!(lang, confidence_sample)} })}
            </p>
            <p class="confidence-reason">
                {tr!(lang, confidence_reason)} " " <DataText text=confidence.reason lang=lang />
            </p>
            {disagreement}
        </div>
    })
}
