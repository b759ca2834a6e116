//! Values over time: an indicator against its target and expected path, a
//! district's mean completion against the expected progress.

use plan_model::status::{district_history, expected_percent};
use plan_model::{Lang, Pace};

use super::table::round1;
use super::{Cell, Drawn, FigureError, Parts, Table, TableRow, unknown};
use crate::charts::trend::{TrendView, trend_chart};
use crate::locale::tr;
use crate::url::Subject;

pub(super) fn indicator_trend(parts: &Parts, id: &str, lang: Lang) -> Result<Drawn, FigureError> {
    let indicator = parts.doc.indicator(id).ok_or_else(|| unknown(Subject::Indicator, id))?;
    let mut points: Vec<(String, f64)> = parts
        .data
        .observations
        .iter()
        .filter(|o| o.indicator == indicator.id && o.district.is_none())
        .map(|o| (o.as_of.clone(), o.value))
        .collect();
    points.sort_by(|a, b| a.0.cmp(&b.0));
    let target = indicator.target.level();
    let baseline = indicator.baseline.as_ref().map_or(0.0, |b| b.value);
    let ctx = &parts.ctx;
    let expected = match (indicator.pace, target) {
        (Pace::Accumulates, Some(t)) => Some(
            points
                .iter()
                .map(|(d, _)| {
                    let e = expected_percent(d, ctx.year, &ctx.schedule).unwrap_or(0.0);
                    round1(baseline + (t - baseline) * e / 100.0)
                })
                .collect::<Vec<f64>>(),
        ),
        _ => None,
    };
    let unit = indicator.unit.get(lang).to_owned();
    let trend = TrendView {
        dates: points.iter().map(|p| p.0.clone()).collect(),
        values: points.iter().map(|p| p.1).collect(),
        target,
        expected: expected.clone(),
        unit: unit.clone(),
        lang,
    };
    let name = indicator.name.get(lang).to_owned();
    let [value_name, _, expected_name] = trend.series_names();
    let rows = points
        .iter()
        .enumerate()
        .map(|(i, (d, v))| {
            TableRow::new(vec![
                Cell::text(d.clone()),
                Cell::number(Some(*v)),
                Cell::number(expected.as_ref().and_then(|e| e.get(i)).copied()),
            ])
        })
        .collect();
    let heading = tr!(lang, trend_heading);
    let unit_note = if unit.is_empty() { String::new() } else { format!(" ({unit})") };
    Ok(Drawn::new(
        heading,
        format!("{name}{unit_note} · {heading}"),
        tr!(lang, trend_subtitle).to_owned(),
        trend_chart(&trend),
        trend.description(&name),
        Table {
            caption: tr!(lang, trend_caption).to_owned(),
            headers: vec![
                tr!(lang, col_date).to_owned(),
                format!("{value_name}{unit_note}"),
                expected_name.to_owned(),
            ],
            rows,
        },
    ))
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
    let history = district_history(parts.doc, parts.full, id, &own, until);
    let kept = history.iter().map(|p| p.as_of.clone()).collect();
    let values = history.iter().map(|p| round1(p.completion_percent)).collect();
    let expected = history.iter().map(|p| round1(p.expected_percent)).collect();
    let trend = TrendView {
        dates: kept,
        values,
        target: Some(100.0),
        expected: Some(expected),
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
