//! The document's head for a view: its title and description.

use leptos::prelude::*;
use plan_model::Lang;

use crate::locale::tr;

/// The document's title and description for this view: "<what> · <site>".
#[component]
pub fn PageTitle(
    /// What the view shows; `None` for the site's own title.
    #[prop(optional, into)]
    what: Option<String>,
    /// One sentence for link previews and search results.
    #[prop(into)]
    description: String,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let site = tr!(lang, document_title);
    let title = what.map_or_else(|| site.to_owned(), |w| format!("{w} · {site}"));
    view! {
        <leptos_meta::Title text=title />
        <leptos_meta::Meta name="description" content=description />
    }
}
