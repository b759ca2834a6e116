//! The one table component: every chart on the site has one beside it (see
//! `share::FigureCard`), so no number is only in pixels.

use leptos::prelude::*;

/// A table of figures: caption, column headings and the caller's rows, in a
/// labelled region that scrolls sideways (and takes keyboard focus, so it can
/// be scrolled without a mouse) when the table is wider than the screen.
#[component]
pub fn DataTable(
    /// The caption, also the region's label; may change in place.
    #[prop(into)]
    caption: Signal<String>,
    /// Column headings, first the row-heading column.
    headers: Vec<String>,
    /// Extra class on the table, for styling and tests.
    #[prop(optional)]
    class: &'static str,
    /// The `<tr>` rows, each starting with a `<th scope="row">`.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
            <table class=format!("data-table {class}")>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
