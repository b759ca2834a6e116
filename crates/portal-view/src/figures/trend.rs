//! Values over time: an indicator against its target and expected path, a
//! district's mean completion against the expected progress, and compared
//! districts' leads on it.

use plan_model::messages::Msg;
use plan_model::plan::District;
use plan_model::progress::{Observation, ValueFlag};
use plan_model::status::{HistoryPoint, district_history, districts_history, expected_percent};
use plan_model::{Lang, Pace};

use super::table::round1;
use super::{Cell, Drawn, FigureError, Parts, Table, TableRow, compared_title, unknown};
use crate::charts::compare::{CompareView, compare_chart};
use crate::charts::trend::{Marked, TrendView, trend_chart};
use crate::locale::tr;
use crate::url::Subject;

pub(super) fn indicator_trend(parts: &Parts, id: &str, lang: Lang) -> Result<Drawn, FigureError> {
    let indicator = parts.doc.indicator(id).ok_or_else(|| unknown(Subject::Indicator, id))?;
    let mut observations: Vec<&Observation> = parts
        .assessed
        .data
        .observations
        .iter()
        .filter(|o| o.indicator == indicator.id && o.district.is_none())
        .collect();
    observations.sort_by(|a, b| a.as_of.cmp(&b.as_of));
    let mut points: Vec<(String, f64)> =
        observations.iter().map(|o| (o.as_of.clone(), o.value)).collect();
    // Each figure's flag in words (preliminary, revised from …, estimated).
    let mut flags: Vec<Option<ValueFlag>> = observations.iter().map(|o| o.flag).collect();
    let mut notes: Vec<String> =
        observations.iter().map(|o| o.flag_words(lang).unwrap_or_default()).collect();
    let target = indicator.target.level();
    let ctx = &parts.ctx;
    // A running total's path runs from where it started (a published level,
    // shown as the first point, or its first figure); anything else that
    // builds up over the year starts from zero.
    let start = parts.assessed.card.city.get(&indicator.id).and_then(|a| a.start.clone());
    if let Some(s) = &start {
        if s.assumed {
            if let Some(first) = notes.first_mut() {
                let said = tr!(lang, trend_note_assumed_start);
                *first =
                    if first.is_empty() { said.to_owned() } else { format!("{first}; {said}") };
            }
        } else if points.first().is_none_or(|p| s.as_of < p.0) {
            flags.insert(0, None);
            points.insert(0, (s.as_of.clone(), s.value));
            let source = parts
                .assessed
                .data
                .baseline(&indicator.id, None)
                .and_then(|b| b.source.clone())
                .unwrap_or_default();
            notes.insert(0, tr!(lang, trend_note_start, source = source));
        }
    }
    let expected = match (indicator.pace, target) {
        (Pace::Accumulates, Some(t)) => Some(
            points
                .iter()
                .map(|(d, _)| {
                    let level = match &start {
                        Some(s) => s.expected_level(ctx, t, d),
                        None => expected_percent(d, ctx.year, &ctx.schedule).map(|e| t * e / 100.0),
                    };
                    round1(level.unwrap_or(0.0))
                })
                .collect::<Vec<f64>>(),
        ),
        _ => None,
    };
    let unit = indicator.unit.get(lang).to_owned();
    let marked = [ValueFlag::Preliminary, ValueFlag::Estimated, ValueFlag::Revised]
        .into_iter()
        .filter(|flag| flags.contains(&Some(*flag)))
        .map(|flag| Marked {
            name: flag_name(flag, lang),
            flag,
            values: points
                .iter()
                .zip(&flags)
                .map(|(p, f)| (*f == Some(flag)).then_some(p.1))
                .collect(),
        })
        .collect();
    let trend = TrendView {
        dates: points.iter().map(|p| p.0.clone()).collect(),
        values: points.iter().map(|p| p.1).collect(),
        target,
        expected: expected.clone(),
        marked,
        unit: unit.clone(),
        lang,
    };
    let name = indicator.name.get(lang).to_owned();
    let [value_name, _, expected_name] = trend.series_names();
    // A note column only where a figure needs one (a flag, the start); the
    // table then goes below the chart, where it has the width for it.
    let noted = notes.iter().any(|n| !n.is_empty());
    let rows = points
        .iter()
        .zip(notes)
        .enumerate()
        .map(|(i, ((d, v), note))| {
            let mut cells = vec![
                Cell::text(d.clone()),
                Cell::number(Some(*v)),
                Cell::number(expected.as_ref().and_then(|e| e.get(i)).copied()),
            ];
            if noted {
                cells.push(Cell::text(note));
            }
            TableRow::new(cells)
        })
        .collect();
    let heading = tr!(lang, trend_heading);
    let unit_note = if unit.is_empty() { String::new() } else { format!(" ({unit})") };
    let subtitle = if start.is_some() && expected.is_some() {
        tr!(lang, trend_subtitle_start)
    } else {
        tr!(lang, trend_subtitle)
    };
    let mut headers = vec![
        tr!(lang, col_date).to_owned(),
        format!("{value_name}{unit_note}"),
        expected_name.to_owned(),
    ];
    if noted {
        headers.push(tr!(lang, col_note).to_owned());
    }
    let mut drawn = Drawn::new(
        heading,
        format!("{name}{unit_note} · {heading}"),
        subtitle.to_owned(),
        trend_chart(&trend),
        trend.description(&name),
        Table { caption: tr!(lang, trend_caption).to_owned(), headers, rows },
    );
    drawn.stacked = noted;
    Ok(drawn)
}

/// A flag's name, for its markers in the chart's legend and tooltip.
fn flag_name(flag: ValueFlag, lang: Lang) -> String {
    let msg = match flag {
        ValueFlag::Preliminary => Msg::FlagPreliminary,
        ValueFlag::Estimated => Msg::FlagEstimated,
        ValueFlag::Revised => Msg::FlagRevisedAlone,
    };
    // A legend entry starts with a capital ("Revised"); Chinese has none.
    let mut chars = msg.template(lang).chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Mean completion and mean expected progress of a district at each date it
/// reported, up to the chosen period.
pub(super) fn district_trend(parts: &Parts, id: &str, lang: Lang) -> Result<Drawn, FigureError> {
    let district = parts.district(id)?;
    let own = parts.district_indicators(id);
    if own.is_empty() {
        return Err(FigureError::Empty);
    }
    let until = parts.filters.period.as_deref();
    let history = district_history(parts.doc, &parts.assessed.full, id, &own, until);
    let kept = history.iter().map(|p| p.as_of.clone()).collect();
    let values = history.iter().map(|p| round1(p.completion_percent)).collect();
    let expected = history.iter().map(|p| round1(p.expected_percent)).collect();
    let trend = TrendView {
        dates: kept,
        values,
        target: Some(100.0),
        expected: Some(expected),
        marked: Vec::new(),
        unit: "%".to_owned(),
        lang,
    };
    let [value_name, _, expected_name] = trend.series_names();
    let rows = trend
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            TableRow::new(vec![
                Cell::text(d.clone()),
                Cell::percent(trend.values.get(i).copied()),
                Cell::percent(trend.expected.as_ref().and_then(|e| e.get(i)).copied()),
            ])
        })
        .collect();
    let heading = tr!(lang, district_trend_heading);
    Ok(Drawn::new(
        heading,
        format!("{} · {heading}", district.name.get(lang)),
        tr!(lang, district_trend_subtitle).to_owned(),
        trend_chart(&trend),
        trend.description(tr!(lang, trend_district_what)),
        Table {
            caption: tr!(lang, trend_caption).to_owned(),
            headers: vec![
                tr!(lang, col_date).to_owned(),
                format!("{value_name} (%)"),
                format!("{expected_name} (%)"),
            ],
            rows,
        },
    ))
}

/// The compared districts against expected progress over time: each one's
/// lead (mean completion minus mean expected progress, over its own
/// indicators) at every date any of them reported, up to the chosen period.
pub(super) fn compare_trend(
    parts: &Parts,
    towns: &[&District],
    lang: Lang,
) -> Result<Drawn, FigureError> {
    let own: Vec<(String, Vec<String>)> =
        towns.iter().map(|d| (d.id.clone(), parts.district_indicators(&d.id))).collect();
    let until = parts.filters.period.as_deref();
    let history: Vec<Vec<Option<HistoryPoint>>> =
        districts_history(parts.doc, &parts.assessed.full, &own, until)
            .into_iter()
            .filter(|row| row.iter().any(Option::is_some))
            .collect();
    if history.is_empty() {
        return Err(FigureError::Empty);
    }
    let lead = |p: &HistoryPoint| round1(p.completion_percent - p.expected_percent);
    let view = CompareView {
        dates: history
            .iter()
            .filter_map(|row| row.iter().flatten().next().map(|p| p.as_of.clone()))
            .collect(),
        towns: towns
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let leads = history.iter().map(|row| row[i].as_ref().map(lead)).collect();
                (d.name.get(lang).to_owned(), leads)
            })
            .collect(),
        lang,
    };
    let rows = view
        .dates
        .iter()
        .enumerate()
        .map(|(at, date)| {
            let mut cells = vec![Cell::text(date.clone())];
            cells.extend(view.towns.iter().map(|(_, leads)| Cell::percent(leads[at])));
            TableRow::new(cells)
        })
        .collect();
    let mut headers = vec![tr!(lang, col_date).to_owned()];
    headers.extend(view.towns.iter().map(|(name, _)| name.clone()));
    let heading = tr!(lang, compare_trend_heading);
    // A column per district: the table goes below the chart, where it has room.
    Ok(Drawn {
        stacked: true,
        ..Drawn::new(
            heading,
            compared_title(towns, heading, lang),
            tr!(lang, compare_trend_subtitle).to_owned(),
            compare_chart(&view),
            view.description(),
            Table { caption: tr!(lang, compare_trend_caption).to_owned(), headers, rows },
        )
    })
}
