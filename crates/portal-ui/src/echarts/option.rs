//! The option ECharts gets, made from a `charming::Chart` with the rules no
//! builder may forget (rich-text tooltips, aria, no animation, defused
//! rich-text markup), and the actions that show a choice. Pure: JSON in,
//! JSON out, tested natively.

use charming::Chart;
use serde_json::{Value, json};

use super::ChartError;

/// How ECharts draws: canvas (default, fast) or SVG (crisp, selectable, exportable).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Renderer {
    /// HTML canvas.
    #[default]
    Canvas,
    /// SVG elements.
    Svg,
}

impl Renderer {
    /// Its name in ECharts' options.
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Canvas => "canvas",
            Renderer::Svg => "svg",
        }
    }
}

/// Turns a chart into the plain JS object ECharts expects. Going through JSON
/// makes every Rust map a plain object (ECharts ignores JS `Map`s), and lets us
/// enforce two rules no builder may forget:
/// - tooltips render as rich text, never as HTML, so text from the data can
///   never become markup;
/// - ECharts' aria is on, with `description` read to screen readers (charming
///   has no field for it).
pub fn option_json(
    chart: &Chart,
    description: &str,
    choosable: bool,
) -> Result<String, ChartError> {
    let mut value = serde_json::to_value(chart)?;
    defuse_rich_text(&mut value);
    if choosable {
        make_choosable(&mut value);
    }
    if let Some(option) = value.as_object_mut() {
        let tooltip = option.entry("tooltip").or_insert_with(|| json!({}));
        if let Some(tooltip) = tooltip.as_object_mut() {
            tooltip.insert("renderMode".into(), Value::from("richText"));
        }
        // The page's card colour shows through, in light and dark schemes alike.
        option.entry("backgroundColor").or_insert_with(|| Value::from("transparent"));
        // No motion: charts appear at once, a filter change redraws once (not
        // every frame for a second), and readers who get dizzy are spared.
        option.insert("animation".into(), Value::from(false));
        option.insert(
            "aria".into(),
            json!({ "enabled": true, "label": { "enabled": true, "description": description } }),
        );
    }
    Ok(serde_json::to_string(&value)?)
}

/// Lets the first series show points as chosen: ECharts' `select` state, a
/// dark outline and bold label (a sign that needs no colour). Choosing is an
/// action on the drawn chart, not part of the option, so choosing another
/// district costs ECharts a state change (under a millisecond) instead of a
/// redraw (10 to 15 ms for the heatmap). charming has none of these fields.
fn make_choosable(option: &mut Value) {
    let series = match option.get_mut("series") {
        Some(Value::Array(list)) => list.first_mut(),
        other => other,
    };
    let Some(Value::Object(series)) = series else { return };
    series.insert("selectedMode".into(), Value::from("multiple"));
    series.insert(
        "select".into(),
        json!({
            "itemStyle": { "borderColor": "#111111", "borderWidth": 3 },
            "label": { "fontWeight": "bold" }
        }),
    );
    // Only our actions choose; a click or hover must not toggle the choice.
    series.insert("silent".into(), Value::Bool(true));
    // ECharts keys the choice by point name, and unnamed points can share one
    // (a heatmap cell takes its column's), which would choose a whole column.
    if let Some(Value::Array(points)) = series.get_mut("data") {
        for (i, point) in points.iter_mut().enumerate() {
            let value = point.take();
            *point = json!({ "name": i.to_string(), "value": value });
        }
    }
}

/// The ECharts actions that make exactly `wanted` the chosen points of the
/// first series, given that `shown` are chosen now.
pub(super) fn choice_actions(shown: &[usize], wanted: &[usize]) -> Vec<Value> {
    let gone: Vec<usize> = shown.iter().copied().filter(|i| !wanted.contains(i)).collect();
    let new: Vec<usize> = wanted.iter().copied().filter(|i| !shown.contains(i)).collect();
    let mut actions = Vec::new();
    if !gone.is_empty() {
        actions.push(json!({ "type": "unselect", "seriesIndex": 0, "dataIndex": gone }));
    }
    if !new.is_empty() {
        actions.push(json!({ "type": "select", "seriesIndex": 0, "dataIndex": new }));
    }
    actions
}

/// ECharts reads `{style|text}` in any label or tooltip as rich-text markup
/// (and drops the braces), so a name from the data could restyle or hide its
/// own text. A zero-width space after the brace breaks the pattern and the
/// text shows exactly as written. No builder of ours uses rich text.
fn defuse_rich_text(value: &mut Value) {
    match value {
        Value::String(s) if s.contains('{') => *s = defuse_str(s),
        Value::Array(items) => items.iter_mut().for_each(defuse_rich_text),
        Value::Object(map) => map.values_mut().for_each(defuse_rich_text),
        _ => {}
    }
}

fn defuse_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 3);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if c == '{' {
            let name_len = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            if name_len > 0 && chars.get(i + 1 + name_len) == Some(&'|') {
                out.push('\u{200B}');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use charming::component::Title;

    /// Guards the XSS rule: even a builder that sets no tooltip gets a rich-text one.
    #[test]
    fn tooltips_are_always_rich_text() {
        let json =
            option_json(&Chart::new().title(Title::new().text("<b>x</b>")), "about x", false)
                .expect("serialises");
        let value: Value = serde_json::from_str(&json).expect("json");
        assert_eq!(value["tooltip"]["renderMode"], "richText");
        assert_eq!(value["title"][0]["text"], "<b>x</b>", "text stays text, untouched");
        assert_eq!(value["aria"]["label"]["description"], "about x");
        assert_eq!(
            value["animation"], false,
            "nothing moves (reduced motion, one redraw per change)"
        );
    }

    /// Names from the data cannot become ECharts rich-text markup.
    #[test]
    fn rich_text_markup_in_data_is_defused() {
        let chart = Chart::new().title(Title::new().text("{a|big} {b} {x_1|y} plain"));
        let value: Value =
            serde_json::from_str(&option_json(&chart, "d", false).expect("serialises"))
                .expect("json");
        assert_eq!(value["title"][0]["text"], "{\u{200B}a|big} {b} {\u{200B}x_1|y} plain");
        assert_eq!(defuse_str("{|x}"), "{|x}");
        assert_eq!(defuse_str("{a}"), "{a}");
    }

    /// A choosable chart names every point (ECharts chooses by name) and does
    /// not let a click change the choice; others are left as they are.
    #[test]
    fn choosable_points_are_named_and_only_chosen_by_the_page() {
        use charming::series::Heatmap;
        let chart = Chart::new()
            .series(Heatmap::new().data(vec![charming::df![0, 0, 5], charming::df![1, 0, 7]]));
        let value: Value =
            serde_json::from_str(&option_json(&chart, "d", true).expect("serialises"))
                .expect("json");
        let series = &value["series"][0];
        assert_eq!(series["selectedMode"], "multiple");
        assert_eq!(series["silent"], true);
        assert_eq!(series["data"][1], json!({ "name": "1", "value": [1, 0, 7] }));
        let plain: Value =
            serde_json::from_str(&option_json(&chart, "d", false).expect("serialises"))
                .expect("json");
        assert_eq!(plain["series"][0]["data"][1], json!([1, 0, 7]));
        assert!(plain["series"][0].get("selectedMode").is_none());
    }

    #[test]
    fn a_new_choice_unchooses_only_what_is_no_longer_chosen() {
        assert!(choice_actions(&[1, 2], &[1, 2]).is_empty());
        assert_eq!(
            choice_actions(&[0, 1, 2], &[2, 3]),
            [
                json!({ "type": "unselect", "seriesIndex": 0, "dataIndex": [0, 1] }),
                json!({ "type": "select", "seriesIndex": 0, "dataIndex": [3] }),
            ]
        );
        assert_eq!(
            choice_actions(&[4], &[]),
            [json!({ "type": "unselect", "seriesIndex": 0, "dataIndex": [4] })]
        );
    }
}
