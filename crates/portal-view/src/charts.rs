//! Charts: pure builders from plain view structs to a `charming::Chart`
//! (tested natively as JSON snapshots), and the palette. Drawing them is
//! `portal_ui::echarts`.

pub mod compare;
pub mod goal_areas;
pub mod heatmap;
pub mod map;
pub mod progress;
pub mod trend;

/// Colour-blind-safe palette (Okabe–Ito hues), in the order series use it.
/// Orange and pink are darkened from Okabe–Ito so that every mark has at
/// least 3:1 contrast against the card in both themes (tested below).
pub const PALETTE: [&str; 4] = ["#0072B2", "#A67500", "#009E73", "#A8638E"];

/// Relative luminance of `#rrggbb` (WCAG 2.1).
pub fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (luminance(a)?, luminance(b)?);
    Some((a.max(b) + 0.05) / (a.min(b) + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_model::Status;

    /// The page and card backgrounds of both themes (style/main.css).
    const BACKGROUNDS: [&str; 4] = ["#ffffff", "#f5f6f8", "#121417", "#1d2126"];

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
    }

    /// WCAG 1.4.3: the status glyphs are text, so each theme's glyph colours
    /// (`--status-*` in style/main.css) have 4.5:1 on the page and on a card.
    #[test]
    fn status_glyph_colours_have_4_5_to_1_contrast_in_both_themes() {
        let css = include_str!("../../../style/main.css");
        // In order: the light theme's, then the two dark blocks (system dark, chosen dark).
        let mut sets: Vec<Vec<&str>> = Vec::new();
        for line in css.lines().map(str::trim) {
            let Some(value) = line.strip_prefix("--status-").and_then(|l| l.split_once(':')) else {
                continue;
            };
            if value.0 == "achieved" {
                sets.push(Vec::new());
            }
            if let Some(set) = sets.last_mut() {
                set.push(value.1.trim().trim_end_matches(';'));
            }
        }
        assert_eq!(sets.len(), 3, "light, system dark, chosen dark");
        for (i, set) in sets.iter().enumerate() {
            assert_eq!(set.len(), 5, "five status colours in block {i}");
            let backgrounds = if i == 0 { &BACKGROUNDS[..2] } else { &BACKGROUNDS[2..] };
            for colour in set {
                for background in backgrounds {
                    let ratio = contrast(colour, background).expect("a #rrggbb colour");
                    assert!(ratio >= 4.5, "{colour} on {background}: {ratio:.2}:1");
                }
            }
        }
    }

    /// WCAG 1.4.11: chart marks (bars, lines, status colours, the expected
    /// progress marker) at least 3:1 against every background they sit on.
    #[test]
    fn every_chart_mark_has_3_to_1_contrast_in_both_themes() {
        let statuses = [
            Status::Achieved,
            Status::OnSchedule,
            Status::Behind,
            Status::SeriouslyBehind,
            Status::NoData,
        ];
        let marks = compare::TOWN_COLOURS
            .iter()
            .copied()
            .chain(statuses.iter().map(|s| progress::status_colour(*s)))
            .chain([progress::EXPECTED_MARK]);
        for mark in marks {
            for background in BACKGROUNDS {
                let ratio = contrast(mark, background).unwrap();
                assert!(ratio >= 3.0, "{mark} on {background}: {ratio:.2}:1");
            }
        }
    }
}
