//! The document's head for a view: its title and description.

use leptos::prelude::*;
use plan_model::Lang;

use portal_view::locale::tr;

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
    if let Some(HeadSink(sink)) = use_context::<HeadSink>() {
        if let Ok(mut said) = sink.lock() {
            *said = Some(PageHead { title, description });
        }
        return ().into_any();
    }
    view! {
        <leptos_meta::Title text=title />
        <leptos_meta::Meta name="description" content=description />
    }
    .into_any()
}

/// What a view says of itself in the document's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageHead {
    /// The document's title.
    pub title: String,
    /// One sentence for link previews and search results.
    pub description: String,
}

/// Where a view rendered natively (a static page) leaves its [`PageHead`],
/// for the renderer to write into the page's head (in the browser,
/// `leptos_meta` writes the document's head instead).
#[derive(Clone, Default)]
pub struct HeadSink(pub std::sync::Arc<std::sync::Mutex<Option<PageHead>>>);
