//! How numbers and labels are written, the same on every page, figure and
//! download. Pure, tested natively.

use plan_model::{Lang, Task};

use crate::locale::tr;

/// What a table or a line shows where there is no figure.
pub const NO_FIGURE: &str = "—";

/// A number with its unit as the reader's language writes it: `300件`, but
/// `300 patents` and `3.9%`.
pub fn with_unit(value: f64, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::En if !unit.is_empty() && !unit.starts_with('%') => format!("{value} {unit}"),
        _ => format!("{value}{unit}"),
    }
}

/// A key task as the plan numbers it: "3. 名称".
pub fn task_label(task: &Task, lang: Lang) -> String {
    format!("{}. {}", task.number, task.name.get(lang))
}

/// The class that colours a status's glyph (`style/main.css` gives each
/// theme a colour with 4.5:1 contrast: the glyph is text). Never the only
/// sign of a status: its words are beside it.
pub fn status_class(status: plan_model::Status) -> &'static str {
    use plan_model::Status;
    match status {
        Status::Achieved => "status-icon status-achieved",
        Status::OnSchedule => "status-icon status-on-schedule",
        Status::Behind => "status-icon status-behind",
        Status::SeriouslyBehind => "status-icon status-seriously-behind",
        Status::NoData | Status::NotMeasurable => "status-icon status-none",
    }
}

/// The colon after a label, as each language writes it.
pub fn colon(lang: Lang) -> &'static str {
    tr!(lang, label_colon)
}

/// A rank ("3"), or the dash when the district is not ranked.
pub fn rank_text(rank: Option<usize>) -> String {
    rank.map_or_else(|| NO_FIGURE.to_owned(), |r| r.to_string())
}

/// Escapes text for SVG/XML content and attributes.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids (validation refuses them in the
            // data; here they are dropped, so no output is ill-formed).
            '\r' => {}
            c if plan_model::validate::is_forbidden_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_spaced_as_each_language_writes_them() {
        assert_eq!(with_unit(300.0, "件", Lang::Zh), "300件");
        assert_eq!(with_unit(300.0, "patents", Lang::En), "300 patents");
        assert_eq!(with_unit(3.9, "%", Lang::En), "3.9%");
        assert_eq!(with_unit(2.5, "", Lang::En), "2.5");
    }

    #[test]
    fn a_missing_rank_is_a_dash() {
        assert_eq!(rank_text(Some(3)), "3");
        assert_eq!(rank_text(None), "—");
    }
}
