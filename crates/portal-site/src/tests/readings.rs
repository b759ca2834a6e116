//! What the pages read from the data: the overview's counts, starting levels and pace, what moved, ranks, status at each report.

use super::*;

#[test]
fn the_overview_first_says_how_many_indicators_stand_where() {
    let site = site();
    let html = site.render(&template(), &Page { lang: Lang::En, route: Route::Overview }, false);
    let glance = between(&html, "class=\"card at-a-glance\"", "</section>").expect("at a glance");
    // It comes before the release bar and the filters: the first answer on the page.
    assert!(html.find("at-a-glance") < html.find("filter-bar"), "first");
    let card = plan_model::Scorecard::compute(&site.plan, &site.progress);
    let total = site.plan.indicators.len();
    assert!(glance.contains(&format!("of the plan's {total} indicators")), "{glance}");
    assert!(glance.contains(&site.progress.release.as_of), "as of the figures' date: {glance}");
    assert!(glance.contains("Sample data"), "sample figures say so: {glance}");
    let glance = glance.replace("<!>", "");
    assert!(glance.contains("(75% of the year gone)"), "273 of 365 days: {glance}");
    let mut shown = 0;
    for status in plan_model::Status::ALL {
        let n = site
            .plan
            .indicators
            .iter()
            .filter(|i| {
                card.city.get(&i.id).map_or(plan_model::Status::NoData, |a| a.status) == status
            })
            .count();
        let item = format!(
            "{} {} <strong class=\"glance-count\">{n}</strong>",
            status.icon(),
            status.label(Lang::En)
        );
        assert_eq!(
            n > 0,
            glance.replace("</span>", "").contains(&item),
            "{status:?}: {n} in {glance}"
        );
        shown += n;
    }
    assert_eq!(shown, total, "every indicator counted once");
}

#[test]
fn pages_say_where_a_running_total_started_and_what_each_target_still_needs() {
    let site = site();
    let card = plan_model::Scorecard::compute(&site.plan, &site.progress);
    let page = |route: Route| {
        site.render(&template(), &Page { lang: Lang::En, route }, false).replace("<!>", "")
    };
    // The patents' page: its starting level with its source, the pace in words.
    let html = page(Route::Indicator("ai-invention-patents".into()));
    let start = site.progress.baseline("ai-invention-patents", None).expect("start");
    let line = between(&html, "class=\"baseline-line\"", "</p>").expect("starting level");
    let value = start.value.expect("value");
    assert!(line.contains(&format!("{value} patents on 2025-12-31")), "{line}");
    assert!(line.contains(start.source.as_deref().expect("source")), "{line}");
    let pace = card.city["ai-invention-patents"].pace.as_ref().expect("pace");
    let shown = between(&html, "class=\"pace-line\"", "</p>").expect("pace");
    assert!(shown.contains(&portal_view::export::xml_escape(&pace.explanation.en)), "{shown}");
    // Carbon intensity: none published, and the page says so.
    let html = page(Route::Indicator("carbon-intensity-reduction".into()));
    let line = between(&html, "class=\"baseline-line\"", "</p>").expect("starting level");
    assert!(line.contains("none published"), "{line}");
    // A district's table: needed a month, the recent pace and whether it is enough.
    let html = page(Route::District("zhangpu".into()));
    let table = between(&html, "district-indicators", "</table>").expect("table");
    let a = card.in_district("zhangpu", "ai-enterprises").expect("figures");
    let p = a.pace.as_ref().expect("pace");
    let (recent, _) = p.recent.as_ref().expect("recent");
    let verdict = if p.on_course == Some(true) { "enough" } else { "short" };
    let cell = format!("{:.1} needed, {recent:.1} recent ({verdict})", p.needed_per_month);
    assert!(table.contains(&cell), "{cell} in {table}");
}

#[test]
fn the_overview_says_what_moved_most_each_way_since_a_quarter_before() {
    let site = site();
    let html = site.render(&template(), &Page { lang: Lang::En, route: Route::Overview }, false);
    let glance = between(&html, "class=\"card at-a-glance\"", "</section>").expect("at a glance");
    let glance = glance.replace("<!>", "");
    let m = plan_model::movers::movers(&site.plan, &site.progress, &site.progress.release.as_of, 2)
        .expect("the sample has a quarter to compare with");
    assert!(!m.up.is_empty() && !m.down.is_empty(), "the sample moves both ways");
    assert!(glance.contains(&format!("Moved most since {}", m.since)), "{glance}");
    for (mv, word) in m.up.iter().map(|x| (x, "up")).chain(m.down.iter().map(|x| (x, "down"))) {
        let name = &site.plan.indicator(&mv.indicator).expect("indicator").name.en;
        let points = format!("{:+.1}", mv.points).replace('-', "\u{2212}");
        let line = format!(
            "{word} <a href=\"en/indicator/{}/\">{name}</a> <strong>{points}</strong>",
            mv.indicator
        );
        assert!(glance.contains(&line), "{line} in {glance}");
    }
}

#[test]
fn a_district_page_says_how_its_rank_moved_since_a_quarter_before() {
    let site = site();
    let all: Vec<String> = Vec::new();
    let changes = plan_model::movers::rank_changes(
        &site.plan,
        &site.progress,
        &site.progress.release.as_of,
        &all,
    )
    .expect("the sample has a quarter to compare with");
    // Every ranked district's page says it, in words beside the arrow.
    let mut moved = 0;
    for (id, change) in &changes {
        let Some(places) = change.places_up() else { continue };
        let html = site
            .render(
                &template(),
                &Page { lang: Lang::En, route: Route::District(id.clone()) },
                false,
            )
            .replace("<!>", "");
        let rank = between(&html, "class=\"district-rank\"", "</dd>").expect("rank");
        let words = match places {
            0 => format!("unchanged since {}", change.since),
            p if p > 0 => format!("up {p} since {}", change.since),
            p => format!("down {} since {}", -p, change.since),
        };
        assert!(rank.contains(&words), "{id}: {words} in {rank}");
        moved += usize::from(places != 0);
    }
    assert!(moved > 0, "some district moves in the sample");
}

#[test]
fn an_indicator_page_shows_its_status_at_each_report() {
    let site = site();
    // New computing capacity moves from one band to another in the sample.
    let ind = site.plan.indicator("new-computing-power").expect("indicator");
    let history = plan_model::status::indicator_history(&site.plan, &site.progress, ind);
    let bands: BTreeSet<_> = history.iter().map(|(_, s)| *s).collect();
    assert!(bands.len() > 1, "it changes band: {history:?}");
    let html = site
        .render(
            &template(),
            &Page { lang: Lang::En, route: Route::Indicator(ind.id.clone()) },
            false,
        )
        .replace("<!>", "");
    let strip = between(&html, "class=\"status-strip\"", "</ol>").expect("strip");
    // The strip's text, item by item: date, glyph, words.
    let items: Vec<String> = strip
        .split("<li>")
        .skip(1)
        .map(|item| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in item.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect();
    let expected: Vec<String> = history
        .iter()
        .map(|(date, status)| format!("{date} {} {}", status.icon(), status.label(Lang::En)))
        .collect();
    assert_eq!(items, expected);
}
