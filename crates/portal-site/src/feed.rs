//! Atom feeds (RFC 4287) of the releases, in each language: site-wide (what
//! each release said and how many indicators stood where), and per key task
//! and per district (where it stood in each release). Entries carry the
//! updates too: the site's the commitments by stage, a task's the release's
//! update on it and its commitments by stage, a district's the commitments the
//! plan names for it with their latest update. Written with the pages
//! whenever a release is published, from the frozen copy of every release.

use std::sync::Arc;

use plan_model::commitments::updates_of;
use plan_model::release::ReleaseSummary;
use plan_model::status::RollUp;
use plan_model::{Lang, PlanDocument, ProgressDocument};

use super::Site;
use portal_ui::ui::{stage_summary, states_of, update_text};
use portal_view::assessed::Assessed;
use portal_view::export::xml_escape as escape;
use portal_view::format::{NO_FIGURE, rank_text, task_label};
use portal_view::locale::tr;
use portal_view::url::{Location, Route};

/// One published release, as frozen under `data/releases/<version>/`.
pub struct Published {
    /// Its entry in the release index.
    pub summary: ReleaseSummary,
    /// Its plan.
    pub plan: Arc<PlanDocument>,
    /// Its figures.
    pub progress: Arc<ProgressDocument>,
    /// Its data files, as its frozen manifest lists them.
    pub files: Vec<plan_model::release::ManifestFile>,
}

/// What a feed follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOf {
    /// Every release.
    Site,
    /// One key task, by id.
    Task(String),
    /// One district, by id.
    District(String),
}

impl FeedOf {
    /// The page the feed belongs to.
    pub fn route(&self) -> Route {
        match self {
            FeedOf::Site => Route::Overview,
            FeedOf::Task(id) => Route::Task(id.clone()),
            FeedOf::District(id) => Route::District(id.clone()),
        }
    }

    /// The feed's file from the site's root, beside its page's: `zh/feed.xml`,
    /// `en/task/<id>/feed.xml`.
    pub fn file(&self, lang: Lang) -> String {
        Location::feed_path(lang, &self.route())
    }
}

/// A release assessed once for all its feeds' entries (the release the
/// pages show is the site's own view model, not assessed again).
struct Release<'a> {
    release: &'a Published,
    assessed: Arc<Assessed>,
}

/// Every feed of the site, as (file from the site's root, Atom XML).
pub fn feeds(site: &Site, history: &[Published]) -> Vec<(String, String)> {
    // Each release assessed once, not once per feed (80 feeds in all).
    let assessed: Vec<Release<'_>> = history
        .iter()
        .map(|release| {
            let shown = &site.assessed;
            // The same figures and plan (the frozen copy of the release the
            // pages show) are the same view model: read, not assessed again.
            let same = shown.period.is_none()
                && (Arc::ptr_eq(&release.progress, &shown.full)
                    || *release.progress == *shown.full)
                && (Arc::ptr_eq(&release.plan, &shown.plan) || *release.plan == *shown.plan);
            let assessed = if same {
                shown.clone()
            } else {
                Arc::new(Assessed::new(release.plan.clone(), release.progress.clone(), None))
            };
            Release { release, assessed }
        })
        .collect();
    let mut of = vec![FeedOf::Site];
    of.extend(site.plan.tasks.iter().map(|t| FeedOf::Task(t.id.clone())));
    of.extend(site.plan.districts.iter().map(|d| FeedOf::District(d.id.clone())));
    let assessed = &assessed;
    [Lang::Zh, Lang::En]
        .into_iter()
        .flat_map(|lang| of.iter().map(move |f| (f.file(lang), feed(site, assessed, lang, f))))
        .collect()
}

/// A date as Atom's timestamp: the start of that day in China's time.
fn timestamp(date: &str) -> String {
    // Dates are checked as dates when read; escaped all the same, as
    // everything from the data is.
    escape(&format!("{date}T00:00:00+08:00"))
}

/// The feed's title: the site's name and what it follows.
fn title(site: &Site, lang: Lang, of: &FeedOf) -> String {
    let name = tr!(lang, site_name);
    let what = match of {
        FeedOf::Site => tr!(lang, feed_releases).to_owned(),
        FeedOf::Task(id) => {
            site.plan.tasks.iter().find(|t| &t.id == id).map_or(id.clone(), |t| task_label(t, lang))
        }
        FeedOf::District(id) => site
            .plan
            .districts
            .iter()
            .find(|d| &d.id == id)
            .map_or(id.clone(), |d| d.name.get(lang).to_owned()),
    };
    format!("{name} · {what}")
}

fn feed(site: &Site, history: &[Release<'_>], lang: Lang, of: &FeedOf) -> String {
    let page = format!("{}{}", site.url, Location::page_path(lang, &of.route()));
    let this = format!("{}{}", site.url, of.file(lang));
    let updated = history.first().map_or_else(
        || timestamp(&site.progress.release.published),
        |r| timestamp(&r.release.summary.published),
    );
    let entries: String = history.iter().filter_map(|r| entry(r, lang, of, &page)).collect();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang_tag}">
  <id>{id}</id>
  <title>{title}</title>
  <subtitle>{subtitle}</subtitle>
  <updated>{updated}</updated>
  <link rel="self" type="application/atom+xml" href="{id}"/>
  <link rel="alternate" type="text/html" href="{page}"/>
  <author><name>{author}</name></author>
{entries}</feed>
"#,
        lang_tag = lang.tag(),
        id = escape(&this),
        title = escape(&title(site, lang, of)),
        subtitle = escape(site.plan.plan.title.get(lang)),
        page = escape(&page),
        author = escape(tr!(lang, site_name)),
    )
}

/// One release in a feed: what it said, or where the task or district stood
/// in it; `None` where the release does not have the task or district.
fn entry(release: &Release<'_>, lang: Lang, of: &FeedOf, page: &str) -> Option<String> {
    let Release { release, assessed } = release;
    let card = &assessed.card;
    let (plan, progress) = (&release.plan, &release.progress);
    let version = &release.summary.version;
    // "示例数据 · " first where the figures are made up.
    let sample = if release.summary.sample { tr!(lang, sample_mark) } else { "" };
    let as_of = &release.summary.as_of;
    let (title, summary) = match of {
        FeedOf::Site => {
            let notes: Vec<&str> = progress
                .release
                .changelog
                .iter()
                .filter(|e| &e.version == version)
                .map(|e| e.notes.get(lang))
                .collect();
            let counts: Vec<String> = card
                .city_status_counts(plan)
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(status, n)| format!("{} {n}", status.label(lang)))
                .collect();
            let counts = tr!(
                lang,
                feed_counts,
                date = as_of,
                total = plan.indicators.len(),
                counts = counts.join(" · ")
            );
            let all: Vec<String> = plan.commitments.iter().map(|c| c.id.clone()).collect();
            let commitments = (!all.is_empty())
                .then(|| format!(" {}", stage_summary(&states_of(plan, progress, &all), lang)));
            // Reports that were due by the release and did not come.
            let late: Vec<String> = plan_model::cadence::late_items(plan, progress)
                .iter()
                .filter_map(|(id, _)| {
                    let indicator = plan.indicator(id).map(|i| i.name.get(lang));
                    indicator.or_else(|| plan.commitment(id).map(|c| c.name.get(lang)))
                })
                .map(str::to_owned)
                .collect();
            let late = (!late.is_empty()).then(|| {
                let items = late.join(tr!(lang, count_separator));
                format!(" {}", tr!(lang, feed_late, n = late.len(), items = items))
            });
            (
                tr!(lang, feed_release_title, version = version, date = as_of),
                format!(
                    "{sample}{} {counts}{}{}",
                    notes.join(" "),
                    commitments.unwrap_or_default(),
                    late.unwrap_or_default()
                ),
            )
        }
        FeedOf::Task(id) => {
            let task = plan.tasks.iter().find(|t| &t.id == id)?;
            let r = assessed.task(&task.id)?;
            // What the release said about the task and its commitments.
            let ids: Vec<String> = plan.commitments_of_task(id).map(|c| c.id.clone()).collect();
            let commitments = (!ids.is_empty())
                .then(|| format!(" {}", stage_summary(&states_of(plan, progress, &ids), lang)));
            let update =
                updates_of(progress, id).first().map(|u| format!(" {}", update_text(u, lang)));
            (
                format!("{version} · {} · {}", task_label(task, lang), r.status.label(lang)),
                format!(
                    "{sample}{}{}{}",
                    standing(lang, as_of, r),
                    update.unwrap_or_default(),
                    commitments.unwrap_or_default()
                ),
            )
        }
        FeedOf::District(id) => {
            let district = plan.districts.iter().find(|d| &d.id == id)?;
            let standings = assessed.standings(&[]);
            let mine = standings.of(id)?;
            let rank = format!("{} / {}", rank_text(mine.rank), standings.list.len());
            let r = &mine.roll_up;
            // The commitments the plan names for the district, each with its
            // latest update in that release.
            let named: Vec<String> = plan
                .commitments
                .iter()
                .filter(|c| c.district.as_deref() == Some(id.as_str()))
                .map(|c| {
                    let state = plan_model::commitments::commitment_state(plan, progress, c);
                    let update = state.latest().map(|u| format!(" {}", update_text(u, lang)));
                    let colon = tr!(lang, colon);
                    format!(
                        " {}{colon}{} {}{}",
                        c.name.get(lang),
                        state.stage.icon(),
                        state.stage.label(lang),
                        update.unwrap_or_default()
                    )
                })
                .collect();
            (
                format!("{version} · {} · {}", district.name.get(lang), r.status.label(lang)),
                format!(
                    "{sample}{} {}{}",
                    standing(lang, as_of, r),
                    tr!(lang, feed_rank, rank = rank),
                    named.concat()
                ),
            )
        }
    };
    // The page pinned to that release: its figures as they were published.
    let link = format!("{page}?release={version}");
    Some(format!(
        r#"  <entry>
    <id>{link}</id>
    <title>{title}</title>
    <updated>{updated}</updated>
    <link rel="alternate" type="text/html" href="{link}"/>
    <summary type="text">{summary}</summary>
  </entry>
"#,
        link = escape(&link),
        title = escape(&title),
        updated = timestamp(&release.summary.published),
        summary = escape(&summary),
    ))
}

/// "As of 2026-09-30: on schedule, 71.2% done on average against 74.8% expected."
fn standing(lang: Lang, as_of: &str, r: &RollUp) -> String {
    let figure = |v: Option<f64>| v.map_or_else(|| NO_FIGURE.to_owned(), |v| format!("{v:.1}"));
    tr!(
        lang,
        feed_standing,
        date = as_of,
        status = r.status.label(lang),
        done = figure(r.mean_completion_percent),
        expected = figure(r.mean_expected_percent)
    )
}
