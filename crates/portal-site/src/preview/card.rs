//! What a page's picture shows (`Card`, from the view model) and how it is
//! laid out (`Card::svg`).

use plan_model::Lang;
use plan_model::status::{RollUp, Status};

use super::{HEIGHT, Painter, WIDTH};
use crate::{Page, Site};
use portal_view::format::xml_escape as escape;
use portal_view::locale::tr;
use portal_view::url::Route;

/// A page's key figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// How many indicators stand where (a bar of the statuses, and each
    /// count with its mark and words).
    Counts(Vec<(Status, usize)>),
    /// How far a target has come (per cent, up to 100 drawn) against the
    /// progress expected by the date.
    Completion {
        /// Completion, per cent.
        done: f64,
        /// Expected progress, per cent.
        expected: Option<f64>,
    },
    /// Words alone.
    Nothing,
}

/// What a page's picture shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Its language.
    pub lang: Lang,
    /// The page's title.
    pub title: String,
    /// The status, with its mark, if the page has one.
    pub status: Option<Status>,
    /// The line beside the mark ("进度正常 · 完成 80%", "33 项指标").
    pub headline: String,
    /// The key figure.
    pub figure: Figure,
    /// True for sample data: the band says so.
    pub sample: bool,
    /// The figures' date.
    pub as_of: String,
}

fn counts_of(roll_up: &RollUp) -> Vec<(Status, usize)> {
    Status::ALL.into_iter().map(|s| (s, roll_up.counts.get(&s).copied().unwrap_or(0))).collect()
}

/// The picture of a page, for the pages that have one (not embeds, the
/// studio or "not found").
pub fn card(site: &Site, page: &Page) -> Option<Card> {
    let (assessed, plan, lang) = (&site.assessed, &site.plan, page.lang);
    let city = assessed.card.city_status_counts(plan);
    let indicators = tr!(lang, preview_indicators, n = plan.indicators.len());
    let rolled = |name: &str, roll_up: &RollUp, extra: Option<String>| {
        let mut headline = roll_up.status.label(lang).to_owned();
        if let Some(extra) = extra {
            headline = format!("{headline} · {extra}");
        }
        (name.to_owned(), Some(roll_up.status), headline, Figure::Counts(counts_of(roll_up)))
    };
    let (title, status, headline, figure) = match &page.route {
        Route::Overview => {
            (plan.plan.title.get(lang).to_owned(), None, indicators, Figure::Counts(city))
        }
        Route::Data => (tr!(lang, nav_data).to_owned(), None, indicators, Figure::Counts(city)),
        Route::Commitments => {
            (tr!(lang, commitments_page_title).to_owned(), None, indicators, Figure::Counts(city))
        }
        Route::Search => {
            (tr!(lang, search_heading).to_owned(), None, indicators, Figure::Counts(city))
        }
        Route::Compare => {
            (tr!(lang, compare_page_title).to_owned(), None, indicators, Figure::Counts(city))
        }
        Route::Indicator(id) => {
            let indicator = plan.indicator(id)?;
            let assessment = assessed.card.city.get(id)?;
            let status = assessment.status;
            match assessment.completion_percent {
                Some(done) => {
                    let done_words = format!("{done:.0}");
                    (
                        indicator.name.get(lang).to_owned(),
                        Some(status),
                        format!(
                            "{} · {}",
                            status.label(lang),
                            tr!(lang, preview_done, done = done_words)
                        ),
                        Figure::Completion { done, expected: assessment.expected_percent },
                    )
                }
                None => (
                    indicator.name.get(lang).to_owned(),
                    Some(status),
                    status.label(lang).to_owned(),
                    Figure::Nothing,
                ),
            }
        }
        Route::Task(id) => {
            let task = plan.tasks.iter().find(|t| &t.id == id)?;
            rolled(task.name.get(lang), assessed.task(id)?, None)
        }
        Route::Department(id) => {
            let department = plan.departments.iter().find(|d| &d.id == id)?;
            rolled(department.name.get(lang), assessed.department(id)?, None)
        }
        Route::District(id) => {
            let district = plan.districts.iter().find(|d| &d.id == id)?;
            let (mine, ranked) = assessed.district_rank(id)?;
            let rank = mine.rank.map(|r| tr!(lang, preview_rank, rank = r, of = ranked));
            rolled(district.name.get(lang), &mine.roll_up, rank)
        }
        Route::Publish | Route::Embed(_) | Route::NotFound(_) => return None,
    };
    Some(Card {
        lang,
        title,
        status,
        headline,
        figure,
        sample: assessed.data.release.sample,
        as_of: assessed.data.release.as_of.clone(),
    })
}

/// The status colours of the light theme (style/main.css): 4.5:1 on white.
fn colour(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#00704f",
        Status::OnSchedule => "#005a8c",
        Status::Behind => "#7a5600",
        Status::SeriouslyBehind => "#a63f00",
        Status::NoData | Status::NotMeasurable => "#5f5f5f",
    }
}

/// A status's mark as a shape (the font has no ✔ or ✖), centred on (x, y).
fn mark(status: Status, x: f32, y: f32, r: f32) -> String {
    let fill = colour(status);
    let w = r * 0.45;
    match status {
        Status::Achieved => format!(
            r#"<path d="M{} {} L{} {} L{} {}" fill="none" stroke="{fill}" stroke-width="{w}" stroke-linecap="round" stroke-linejoin="round"/>"#,
            x - r * 0.8,
            y,
            x - r * 0.2,
            y + r * 0.6,
            x + r * 0.85,
            y - r * 0.7
        ),
        Status::OnSchedule => {
            format!(r#"<circle cx="{x}" cy="{y}" r="{}" fill="{fill}"/>"#, r * 0.8)
        }
        Status::Behind => format!(
            r#"<path d="M{x} {} L{} {} L{} {} Z" fill="{fill}"/>"#,
            y - r * 0.85,
            x + r * 0.9,
            y + r * 0.7,
            x - r * 0.9,
            y + r * 0.7
        ),
        Status::SeriouslyBehind => format!(
            r#"<path d="M{} {} L{} {} M{} {} L{} {}" stroke="{fill}" stroke-width="{w}" stroke-linecap="round"/>"#,
            x - r * 0.7,
            y - r * 0.7,
            x + r * 0.7,
            y + r * 0.7,
            x + r * 0.7,
            y - r * 0.7,
            x - r * 0.7,
            y + r * 0.7
        ),
        Status::NoData => format!(
            r#"<path d="M{} {y} L{} {y}" stroke="{fill}" stroke-width="{w}" stroke-linecap="round"/>"#,
            x - r * 0.7,
            x + r * 0.7
        ),
        Status::NotMeasurable => format!(
            r#"<circle cx="{x}" cy="{y}" r="{}" fill="none" stroke="{fill}" stroke-width="{}"/>"#,
            r * 0.7,
            w * 0.6
        ),
    }
}

fn text(x: f32, y: f32, size: f32, fill: &str, words: &str, anchor: &str) -> String {
    format!(
        r#"<text x="{x}" y="{y}" font-size="{size}" fill="{fill}" text-anchor="{anchor}">{}</text>"#,
        escape(words)
    )
}

const LEFT: f32 = 64.0;
const RIGHT: f32 = WIDTH as f32 - 64.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#4a4a4a";

impl Card {
    /// The picture as SVG, laid out with the painter's measures.
    pub fn svg(&self, painter: &Painter) -> String {
        let lang = self.lang;
        let span = RIGHT - LEFT;
        let mut out = vec![
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">"#
            ),
            format!(r##"<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##),
            format!(
                r#"<rect width="16" height="{HEIGHT}" fill="{}"/>"#,
                self.status.map_or("#005a9c", colour)
            ),
            text(LEFT, 72.0, 28.0, MUTED, tr!(lang, site_name), "start"),
        ];
        // The title: two lines at 56 px, or three at 46 px when it is long.
        let mut size = 56.0;
        let mut lines = painter.wrap(&self.title, size, span, 2);
        if lines.last().is_some_and(|l| l.ends_with('…')) {
            size = 46.0;
            lines = painter.wrap(&self.title, size, span, 3);
        }
        let mut y = 150.0;
        for line in &lines {
            out.push(text(LEFT, y, size, INK, line, "start"));
            y += size * 1.25;
        }
        // The status, its mark and words; then the key figure.
        let y = y.max(290.0) + 20.0;
        let headline_x = match self.status {
            Some(status) => {
                out.push(mark(status, LEFT + 22.0, y - 14.0, 24.0));
                LEFT + 60.0
            }
            None => LEFT,
        };
        let fill = self.status.map_or(INK, colour);
        out.push(text(headline_x, y, 42.0, fill, &self.headline, "start"));
        let bar = y + 40.0;
        match &self.figure {
            Figure::Counts(counts) => {
                let total: usize = counts.iter().map(|(_, n)| n).sum();
                let mut x = LEFT;
                for (status, n) in counts.iter().filter(|(_, n)| *n > 0) {
                    let w = span * *n as f32 / total.max(1) as f32;
                    // A white gap between statuses, so two greys stay two.
                    let drawn = if x + w < RIGHT - 1.0 { w - 4.0 } else { w };
                    out.push(format!(
                        r#"<rect x="{x}" y="{bar}" width="{drawn}" height="32" fill="{}"/>"#,
                        colour(*status)
                    ));
                    x += w;
                }
                // Each count with its mark and words, wrapped onto a second row.
                let (mut x, mut row) = (LEFT, bar + 76.0);
                for (status, n) in counts.iter().filter(|(_, n)| *n > 0) {
                    let words = format!("{} {n}", status.label(lang));
                    let w = 34.0 + painter.width(&words, 28.0) + 36.0;
                    if x + w > RIGHT + 36.0 && x > LEFT {
                        x = LEFT;
                        row += 42.0;
                    }
                    out.push(mark(*status, x + 14.0, row - 10.0, 14.0));
                    out.push(text(x + 34.0, row, 28.0, INK, &words, "start"));
                    x += w;
                }
            }
            Figure::Completion { done, expected } => {
                let drawn = done.clamp(0.0, 100.0) as f32 / 100.0 * span;
                out.push(format!(
                    r##"<rect x="{LEFT}" y="{bar}" width="{span}" height="32" fill="#e3e6ea"/>"##
                ));
                out.push(format!(
                    r#"<rect x="{LEFT}" y="{bar}" width="{drawn}" height="32" fill="{fill}"/>"#
                ));
                if let Some(expected) = expected {
                    let at = LEFT + expected.clamp(0.0, 100.0) as f32 / 100.0 * span;
                    out.push(format!(
                        r#"<path d="M{at} {} L{at} {}" stroke="{INK}" stroke-width="4"/>"#,
                        bar - 10.0,
                        bar + 42.0
                    ));
                    let words = tr!(lang, preview_expected, expected = format!("{expected:.0}"));
                    let anchor = if at > LEFT + span * 0.7 { "end" } else { "start" };
                    out.push(text(at, bar + 80.0, 28.0, MUTED, &words, anchor));
                }
            }
            Figure::Nothing => {}
        }
        // The band: sample data said first, and the figures' date.
        let (band, ink, left_words) = if self.sample {
            ("#fdecea", "#8a1c12", tr!(lang, preview_sample))
        } else {
            ("#f5f6f8", MUTED, tr!(lang, official_data))
        };
        let top = HEIGHT as f32 - 76.0;
        out.push(format!(
            r#"<rect x="16" y="{top}" width="{}" height="76" fill="{band}"/>"#,
            WIDTH - 16
        ));
        out.push(text(LEFT, top + 48.0, 30.0, ink, left_words, "start"));
        let as_of = format!("{} {}", tr!(lang, as_of), self.as_of);
        out.push(text(RIGHT, top + 48.0, 28.0, ink, &as_of, "end"));
        out.push("</svg>".to_owned());
        out.join("\n")
    }

    /// The picture's words, for its `og:image:alt`.
    pub fn alt(&self) -> String {
        format!("{}: {}", self.title, self.headline)
    }
}
