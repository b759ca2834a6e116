//! A figure as a card on its page: heading, how to read it, the chart with
//! its table, and the tools; the table of a figure as the page shows it.

use leptos::prelude::*;
use plan_model::Lang;

use super::address::next_id;
use super::tools::FigureTools;
use crate::echarts::{EChart, KeyboardPoints};
use crate::ui::{DataTable, Speak};
use portal_view::assessed::Assessed;
use portal_view::figures::{Cell, Figure, Table};
use portal_view::format::status_class;
use portal_view::locale::tr;
use portal_view::url::{FigureId, Filters};

/// A table's cell as the page shows it: links for row headings, icon and
/// words for statuses, icon, number and words for heatmap cells.
fn cell_view(cell: Cell, first: bool, lang: Lang) -> AnyView {
    let content = match (&cell.href, cell.status, cell.value) {
        (Some(href), _, _) => view! { <a href=href.clone()>{cell.text.clone()}</a> }.into_any(),
        (None, Some(status), Some(value)) => view! {
            <span class="status-icon" aria-hidden="true">{status.icon()}</span>
            " " {format!("{value:.0}")} " "
            <span class="heat-status">{status.label(lang)}</span>
        }
        .into_any(),
        (None, Some(status), None) => view! {
            <span class=status_class(status) aria-hidden="true">{status.icon()}</span>
            " " {status.label(lang)}
        }
        .into_any(),
        (None, None, _) => cell.text.clone().into_any(),
    };
    let is_date = cell.text.len() == 10 && cell.text.as_bytes().get(4) == Some(&b'-');
    let class = match (cell.status, cell.value) {
        (Some(_), Some(_)) => "heat-cell",
        (Some(_), None) => "status-cell",
        _ if is_date => "nowrap",
        // Words (a note), not a number or its dash: read from the left, wrapped.
        (None, None) if cell.text != portal_view::format::NO_FIGURE => "text-cell",
        _ => "",
    };
    if first {
        view! { <th scope="row" class=class>{content}</th> }.into_any()
    } else {
        view! { <td class=class>{content}</td> }.into_any()
    }
}

/// A figure's table.
#[component]
pub fn FigureTable(
    /// The table.
    table: Table,
    /// Reader's language.
    lang: Lang,
    /// A row marked as selected besides those the table marks itself; it can
    /// change without the table being drawn again.
    #[prop(optional, into)]
    selected: Signal<Option<usize>>,
) -> impl IntoView {
    let rows = table
        .rows
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            let cells = row
                .cells
                .into_iter()
                .enumerate()
                .map(|(i, c)| cell_view(c, i == 0, lang))
                .collect_view();
            let marked = row.selected;
            view! { <tr class:selected-row=move || marked || selected.get() == Some(r)>{cells}</tr> }
        })
        .collect_view();
    view! {
        <DataTable caption=table.caption headers=table.headers>
            {rows}
        </DataTable>
    }
}

/// The arrow-key points of a figure's chart. The heatmap's tooltip would show
/// its colour index as if it were the value, so there the point is only
/// highlighted and read out.
pub fn keyboard_points(figure: &Figure) -> KeyboardPoints {
    KeyboardPoints { sentences: figure.points(), show_tip: figure.id != FigureId::DistrictHeatmap }
}

/// A figure as a card on its page: heading, how to read it, the chart with
/// its table, and the embed/download/cite tools. A new figure (a filter
/// changed) updates the chart in place and redraws the rest.
#[component]
pub fn FigureCard(
    /// The figure; which figure it is (its id) stays the same.
    #[prop(into)]
    figure: Signal<Figure>,
    /// Extra lines under the subtitle (the chosen district, say).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (lang, id, stacked, height) =
        figure.with_untracked(|f| (f.lang, f.id.clone(), f.stacked, f.height.css()));
    let heading_id = format!("{}-heading-{}", id.class(), next_id());
    let class = format!("card figure-card {}", id.class());
    let chart = Signal::derive(move || figure.with(|f| f.chart.clone()));
    let label = Signal::derive(move || figure.with(|f| f.description.clone()));
    let keyboard = Memo::new(move |_| figure.with(keyboard_points));
    let chosen = Memo::new(move |_| figure.with(|f| f.chosen.clone()));
    let picture = Memo::new(move |_| figure.with(Figure::picture));
    // Redrawn only when its figures change, not for every filter; a new
    // selected row (another district) only moves the mark between two rows.
    let table = Memo::new(move |_| {
        figure.with(|f| {
            let mut table = f.table.clone();
            table.rows.iter_mut().for_each(|row| row.selected = false);
            table
        })
    });
    let selected_row =
        Memo::new(move |_| figure.with(|f| f.table.rows.iter().position(|row| row.selected)));
    view! {
        <section class=class aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{move || figure.with(|f| f.heading.clone())}</h2>
            <p class="card-subtitle">
                {move || figure.with(|f| f.subtitle.clone())} " "
                <Speak what=tr!(lang, speak_chart) lang=lang />
            </p>
            {children.map(|c| c())}
            <div class="chart-with-table" class:stacked=stacked>
                {if id == FigureId::DistrictMap {
                    view! { <TileMap label=label picture=picture /> }.into_any()
                } else {
                    view! { <EChart chart=chart label=label height=height lang=lang keyboard=keyboard chosen=chosen picture=picture /> }.into_any()
                }}
                {move || view! { <FigureTable table=table.get() lang=lang selected=selected_row /> }}
            </div>
            <FigureTools figure=figure />
        </section>
    }
}

/// The districts' tile map: its picture is the figure, each cell a link to a
/// district (no chart library, so it is whole with scripts off and costs no
/// script when touched).
#[component]
pub fn TileMap(
    /// What the map shows, in words.
    #[prop(into)]
    label: Signal<String>,
    /// The map (`Figure::picture`, or drawn with its links' target).
    #[prop(into)]
    picture: Signal<String>,
) -> impl IntoView {
    view! { <div class="tile-map" role="group" aria-label=label inner_html=move || picture.get()></div> }
}

/// The card of a figure built from the shared assessment with no filters, or
/// nothing when the figure has nothing to show (unknown id, no figures).
pub fn figure_card(id: FigureId, assessed: &Assessed, lang: Lang) -> Option<impl IntoView + use<>> {
    let figure =
        portal_view::figures::build(&id, &assessed.plan, Some(assessed), lang, &Filters::default());
    figure.ok().map(|f| view! { <FigureCard figure=f /> })
}
