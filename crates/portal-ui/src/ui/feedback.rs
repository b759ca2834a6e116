//! "Report a problem or give feedback": a link to each channel the data names
//! (`plan.feedback`: the 12345 hotline, a mailbox, a form), with the item the
//! reader is looking at named in it (the subject of a mail or a form; the
//! words to say on the phone). No channel, no link.

use leptos::prelude::*;
use plan_model::Lang;
use plan_model::plan::{ChannelKind, FeedbackChannel};

use portal_view::locale::tr;

/// The feedback line of an item: `what` is its kind and name in words
/// (指标“人工智能发明专利”), `id` its id, so the office knows which it is.
#[component]
pub fn Feedback(
    /// The channels the data names.
    channels: Vec<FeedbackChannel>,
    /// The item, in words.
    what: String,
    /// The item's id.
    id: String,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let subject = tr!(lang, feedback_subject, what = what, id = id);
    let links: Vec<_> = channels
        .iter()
        .filter_map(|c| {
            let href = c.href(&subject)?;
            let name = c.name.get(lang).to_owned();
            let words = match c.kind {
                ChannelKind::Phone => tr!(lang, feedback_phone, name = name),
                ChannelKind::Email => tr!(lang, feedback_email, name = name),
                ChannelKind::Web => tr!(lang, feedback_web, name = name),
            };
            Some(view! { <a class="feedback-link" href=href rel="nofollow">{words}</a> })
        })
        .collect();
    if links.is_empty() {
        return None;
    }
    let count = links.len();
    let joined = links
        .into_iter()
        .enumerate()
        .map(|(i, link)| {
            let sep = if i == 0 {
                ""
            } else if i + 1 == count {
                tr!(lang, feedback_or)
            } else {
                tr!(lang, count_separator)
            };
            view! { {sep} {link} }
        })
        .collect_view();
    Some(view! {
        <p class="feedback" role="note">
            <strong>{tr!(lang, feedback_lead)}</strong> " " {joined}
            {tr!(lang, feedback_say, subject = subject.clone())}
        </p>
    })
}
