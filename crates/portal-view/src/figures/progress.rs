//! Bars of completion against expected progress: goal areas, key tasks, the
//! district ranking, an indicator or a task in each district, a district's
//! tasks, a department's tasks.

use plan_model::Lang;
use plan_model::status::roll_up;

use super::{Cell, Drawn, FigureError, Parts, Table, TableRow, unknown};
use crate::charts::progress::{ProgressRow, ProgressView, progress_chart};
use crate::format::{rank_text, task_label};
use crate::locale::tr;
use crate::url::{Route, Subject};

/// A progress figure: bars of completion against expected progress.
fn drawn_progress(
    heading: &str,
    title: String,
    subtitle: String,
    what: &str,
    row_header: &str,
    view: ProgressView,
) -> Drawn {
    let lang = view.lang;
    let [done, expected] = view.series_names();
    let rows = view
        .rows
        .iter()
        .map(|r| {
            let name = match &r.href {
                Some(href) => Cell::link(r.name.clone(), href.clone()),
                None => Cell::text(r.name.clone()),
            };
            TableRow::new(vec![
                name,
                Cell::status(r.status, lang),
                Cell::percent(r.completion),
                Cell::percent(r.expected),
            ])
        })
        .collect();
    // Long names need the full width: the table goes below the chart.
    let stacked = view.rows.iter().any(|r| r.name.chars().count() > 12);
    Drawn {
        stacked,
        ..Drawn::new(
            heading,
            title,
            subtitle,
            progress_chart(&view),
            view.description(what),
            Table {
                caption: format!("{heading} {}", tr!(lang, same_data_as_chart)),
                headers: vec![
                    row_header.to_owned(),
                    tr!(lang, col_status).to_owned(),
                    done.to_owned(),
                    expected.to_owned(),
                ],
                rows,
            },
        )
    }
}

fn how_to_read(parts: &Parts, lang: Lang) -> String {
    let mark = if parts.assessed.data.release.sample { tr!(lang, sample_mark) } else { "" };
    format!("{mark}{}", tr!(lang, how_to_read_progress))
}

pub(super) fn goal_progress(parts: &Parts, lang: Lang) -> Result<Drawn, FigureError> {
    let (doc, shown) = (parts.doc, &parts.shown);
    if shown.is_empty() {
        return Err(FigureError::Empty);
    }
    let rows = doc
        .goal_areas
        .iter()
        .filter(|g| parts.filters.goal.as_ref().is_none_or(|f| f == &g.id))
        .map(|g| {
            let ids: Vec<String> =
                g.indicators.iter().filter(|i| shown.contains(i)).cloned().collect();
            ProgressRow::new(
                g.short_name.get(lang).to_owned(),
                &roll_up(&parts.ctx, parts.assessed.card.city_of(&ids)),
            )
        })
        .collect();
    let heading = tr!(lang, goal_progress_heading);
    Ok(drawn_progress(
        heading,
        heading.to_owned(),
        how_to_read(parts, lang),
        tr!(lang, goal_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}

pub(super) fn task_progress(parts: &Parts, lang: Lang) -> Result<Drawn, FigureError> {
    let (doc, shown) = (parts.doc, &parts.shown);
    let rows: Vec<ProgressRow> = doc
        .tasks
        .iter()
        .filter(|t| parts.filters.task.as_ref().is_none_or(|f| f == &t.id))
        .filter(|t| t.indicators.iter().any(|i| shown.contains(i)))
        .map(|t| {
            let ids: Vec<String> =
                t.indicators.iter().filter(|i| shown.contains(i)).cloned().collect();
            ProgressRow::new(
                task_label(t, lang),
                &roll_up(&parts.ctx, parts.assessed.card.city_of(&ids)),
            )
            .with_href(Route::Task(t.id.clone()).href(lang))
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, task_progress_heading);
    Ok(drawn_progress(
        heading,
        heading.to_owned(),
        how_to_read(parts, lang),
        tr!(lang, task_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}

pub(super) fn district_ranking(parts: &Parts, lang: Lang) -> Result<Drawn, FigureError> {
    let doc = parts.doc;
    if parts.shown.is_empty() {
        return Err(FigureError::Empty);
    }
    let standings = parts.assessed.standings(&parts.shown);
    let average = standings.average;
    let rows: Vec<ProgressRow> = standings
        .list
        .iter()
        .filter_map(|s| {
            let d = doc.districts.iter().find(|d| d.id == s.district)?;
            let rank = rank_text(s.rank);
            Some(
                ProgressRow::new(format!("{rank}. {}", d.name.get(lang)), &s.roll_up)
                    .with_href(Route::District(d.id.clone()).href(lang)),
            )
        })
        .collect();
    let average_line = average.map(|a| format!("{} {:.1}%", tr!(lang, district_average), a));
    let heading = tr!(lang, ranking_heading);
    Ok(drawn_progress(
        heading,
        heading.to_owned(),
        format!("{} {}", tr!(lang, ranking_subtitle), average_line.unwrap_or_default()),
        tr!(lang, ranking_what),
        tr!(lang, col_district),
        ProgressView { rows, lang },
    ))
}

pub(super) fn indicator_districts(
    parts: &Parts,
    id: &str,
    lang: Lang,
) -> Result<Drawn, FigureError> {
    let indicator = parts.doc.indicator(id).ok_or_else(|| unknown(Subject::Indicator, id))?;
    let rows: Vec<ProgressRow> = parts
        .doc
        .districts
        .iter()
        .filter_map(|d| {
            let a = parts.assessed.card.in_district(&d.id, &indicator.id)?;
            Some(ProgressRow {
                name: d.name.get(lang).to_owned(),
                status: a.status,
                completion: a.completion_percent.map(|c| c.min(100.0)),
                expected: a.expected_percent,
                href: Some(Route::District(d.id.clone()).href(lang)),
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let name = indicator.name.get(lang).to_owned();
    let heading = tr!(lang, indicator_districts_heading);
    Ok(drawn_progress(
        heading,
        format!("{name} · {heading}"),
        tr!(lang, indicator_districts_subtitle).to_owned(),
        &format!("{name} · {}", tr!(lang, districts_word)),
        tr!(lang, col_district),
        ProgressView { rows, lang },
    ))
}

pub(super) fn district_tasks(parts: &Parts, id: &str, lang: Lang) -> Result<Drawn, FigureError> {
    let district = parts.district(id)?;
    let own = parts.district_indicators(id);
    let rows: Vec<ProgressRow> = parts
        .doc
        .tasks
        .iter()
        .filter_map(|t| {
            let items: Vec<_> = t
                .indicators
                .iter()
                .filter(|i| own.contains(i))
                .filter_map(|i| parts.assessed.card.in_district(id, i))
                .collect();
            (!items.is_empty()).then(|| {
                ProgressRow::new(task_label(t, lang), &roll_up(&parts.ctx, items))
                    .with_href(Route::Task(t.id.clone()).href(lang))
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, district_tasks_heading);
    Ok(drawn_progress(
        heading,
        format!("{} · {heading}", district.name.get(lang)),
        how_to_read(parts, lang),
        tr!(lang, task_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}

pub(super) fn task_districts(parts: &Parts, id: &str, lang: Lang) -> Result<Drawn, FigureError> {
    let task =
        parts.doc.tasks.iter().find(|t| t.id == id).ok_or_else(|| unknown(Subject::Task, id))?;
    let rows: Vec<ProgressRow> = parts
        .doc
        .districts
        .iter()
        .filter_map(|d| {
            let items: Vec<_> = task
                .indicators
                .iter()
                .filter_map(|i| parts.assessed.card.in_district(&d.id, i))
                .collect();
            (!items.is_empty()).then(|| {
                ProgressRow::new(d.name.get(lang).to_owned(), &roll_up(&parts.ctx, items))
                    .with_href(Route::District(d.id.clone()).href(lang))
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, task_districts_heading);
    Ok(drawn_progress(
        heading,
        format!("{}. {} · {heading}", task.number, task.name.get(lang)),
        tr!(lang, task_districts_subtitle).to_owned(),
        tr!(lang, districts_word),
        tr!(lang, col_district),
        ProgressView { rows, lang },
    ))
}

pub(super) fn department_tasks(parts: &Parts, id: &str, lang: Lang) -> Result<Drawn, FigureError> {
    let department = parts
        .doc
        .departments
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| unknown(Subject::Department, id))?;
    let rows: Vec<ProgressRow> = parts
        .doc
        .tasks
        .iter()
        .filter_map(|t| {
            let position = t.responsible.iter().position(|r| r == id)?;
            let role = if position == 0 { tr!(lang, role_lead) } else { tr!(lang, role_support) };
            Some(
                ProgressRow::new(
                    tr!(lang, task_with_role, task = task_label(t, lang), role = role),
                    parts.assessed.task(&t.id)?,
                )
                .with_href(Route::Task(t.id.clone()).href(lang)),
            )
        })
        .collect();
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let heading = tr!(lang, department_tasks_heading);
    Ok(drawn_progress(
        heading,
        format!("{} · {heading}", department.name.get(lang)),
        how_to_read(parts, lang),
        tr!(lang, task_progress_what),
        tr!(lang, col_name),
        ProgressView { rows, lang },
    ))
}
