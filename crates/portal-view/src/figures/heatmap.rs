//! Districts × key tasks: completion and status in every cell.

use plan_model::Lang;
use plan_model::plan::District;
use plan_model::status::roll_up;

use super::table::round1;
use super::{Cell, ChartHeight, Drawn, FigureError, Parts, Table, TableRow, compared_title};
use crate::charts::heatmap::{HeatCell, HeatmapView, heatmap_chart};
use crate::format::task_label;
use crate::locale::tr;
use crate::url::Route;

/// A heatmap cell in the table: completion and status.
fn heat_cell(cell: &HeatCell, lang: Lang) -> Cell {
    Cell {
        text: cell.status.label(lang).to_owned(),
        value: cell.completion.map(round1),
        status: Some(cell.status),
        href: None,
    }
}

/// The heatmap's view and its table over `rows` (districts, top to bottom).
struct Heat {
    view: HeatmapView,
    headers: Vec<String>,
    rows: Vec<TableRow>,
    /// Columns (key tasks) across.
    columns: usize,
}

fn heat(parts: &Parts, districts: &[&District], lang: Lang) -> Result<Heat, FigureError> {
    let (doc, card, shown) = (parts.doc, &parts.assessed.card, &parts.shown);
    let tasks: Vec<_> = doc
        .tasks
        .iter()
        .filter(|t| t.indicators.iter().any(|i| shown.contains(i)))
        // Only tasks with district figures make a column.
        .filter(|t| t.indicators.iter().any(|i| card.has_district_figures(i)))
        .collect();
    if tasks.is_empty() || districts.is_empty() {
        return Err(FigureError::Empty);
    }
    let cells: Vec<Vec<HeatCell>> = districts
        .iter()
        .map(|d| {
            tasks
                .iter()
                .map(|t| {
                    let items = t
                        .indicators
                        .iter()
                        .filter(|i| shown.contains(i))
                        .filter_map(|i| card.in_district(&d.id, i));
                    let r = roll_up(&parts.ctx, items);
                    HeatCell {
                        completion: r.mean_completion_percent.map(|c| c.min(100.0)),
                        status: r.status,
                    }
                })
                .collect()
        })
        .collect();
    let view = HeatmapView {
        columns: tasks.iter().map(|t| t.number.to_string()).collect(),
        rows: districts.iter().map(|d| d.name.get(lang).to_owned()).collect(),
        cells: cells.clone(),
        lang,
    };
    let rows = districts
        .iter()
        .zip(&cells)
        .map(|(d, row)| {
            let mut out = vec![Cell::link(
                d.name.get(lang).to_owned(),
                Route::District(d.id.clone()).href(lang),
            )];
            out.extend(row.iter().map(|c| heat_cell(c, lang)));
            TableRow {
                cells: out,
                selected: parts.filters.district.as_deref() == Some(d.id.as_str()),
            }
        })
        .collect();
    let mut headers = vec![tr!(lang, col_district).to_owned()];
    headers.extend(tasks.iter().map(|t| task_label(t, lang)));
    Ok(Heat { view, headers, rows, columns: tasks.len() })
}

pub(super) fn district_heatmap(parts: &Parts, lang: Lang) -> Result<Drawn, FigureError> {
    let districts: Vec<&District> = parts.doc.districts.iter().collect();
    let Heat { view, headers, rows, columns } = heat(parts, &districts, lang)?;
    // The chosen district's cells are outlined in the chart too (a sign, not a
    // colour); the cells go row by row, as `heatmap_chart` lays them out.
    let chosen_row =
        districts.iter().position(|d| parts.filters.district.as_deref() == Some(&d.id));
    let chosen = chosen_row.map(|r| (r * columns..(r + 1) * columns).collect()).unwrap_or_default();
    let heading = tr!(lang, heatmap_heading);
    Ok(Drawn {
        height: ChartHeight::Tall,
        stacked: true,
        chosen: Some(chosen),
        ..Drawn::new(
            heading,
            heading.to_owned(),
            tr!(lang, heatmap_subtitle).to_owned(),
            heatmap_chart(&view),
            view.description(),
            Table { caption: tr!(lang, heatmap_caption).to_owned(), headers, rows },
        )
    })
}

/// The compared districts (`Compared`) by key task: the heatmap's rows for
/// them alone, in the reader's order.
pub(super) fn compare_tasks(
    parts: &Parts,
    towns: &[&District],
    lang: Lang,
) -> Result<Drawn, FigureError> {
    let Heat { view, headers, rows, .. } = heat(parts, towns, lang)?;
    let heading = tr!(lang, compare_tasks_heading);
    Ok(Drawn {
        stacked: true,
        ..Drawn::new(
            heading,
            compared_title(towns, heading, lang),
            tr!(lang, heatmap_subtitle).to_owned(),
            heatmap_chart(&view),
            view.description(),
            Table { caption: tr!(lang, heatmap_caption).to_owned(), headers, rows },
        )
    })
}
