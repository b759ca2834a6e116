//! A chart with a table of the same numbers beside it (below it on phones):
//! every chart on the site is shown this way, so no number is only in pixels.

use charming::Chart;
use leptos::prelude::*;

use super::EChart;

/// The chart and its table. The caller gives the table's body rows.
#[component]
pub fn ChartWithTable(
    /// The chart.
    chart: Chart,
    /// What the chart shows, read to screen readers.
    #[prop(into)]
    description: String,
    /// The table's caption.
    #[prop(into)]
    caption: String,
    /// Column headings, first the row-heading column.
    headers: Vec<String>,
    /// The `<tr>` rows, each starting with a `<th scope="row">`.
    children: Children,
    /// Reader's language.
    #[prop(optional)]
    lang: plan_model::Lang,
    /// CSS height of the chart.
    #[prop(into, default = "20rem".to_owned())]
    height: String,
    /// Table below the chart at every width (for wide tables), not beside it.
    #[prop(optional)]
    stacked: bool,
) -> impl IntoView {
    view! {
        <div class="chart-with-table" class:stacked=stacked>
            <EChart chart=Signal::stored(chart) label=description height=height lang=lang />
            <DataTable caption=caption headers=headers>
                {children()}
            </DataTable>
        </div>
    }
}

/// A table of figures: caption, column headings and the caller's rows, in a
/// labelled region that scrolls sideways (and takes keyboard focus, so it can
/// be scrolled without a mouse) when the table is wider than the screen.
#[component]
pub fn DataTable(
    /// The caption, also the region's label.
    #[prop(into)]
    caption: String,
    /// Column headings, first the row-heading column.
    headers: Vec<String>,
    /// Extra class on the table, for styling and tests.
    #[prop(optional)]
    class: &'static str,
    /// The `<tr>` rows, each starting with a `<th scope="row">`.
    children: Children,
) -> impl IntoView {
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
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
