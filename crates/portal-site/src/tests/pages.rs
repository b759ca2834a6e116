//! Every kind of page: its heading, title, description, tables and head; the sitemap, embeds, the template and publishing again.

use super::*;

#[test]
fn every_page_kind_has_its_heading_tables_with_rows_and_the_sample_notice() {
    let site = site();
    let template = template();
    for lang in [Lang::Zh, Lang::En] {
        for route in one_of_each_kind(&site) {
            let page = Page { lang, route: route.clone() };
            let html = site.render(&template, &page, false);
            let what = format!("{lang:?} {route:?}");
            let embed = matches!(route, Route::Embed(_));
            if !embed {
                assert!(html.contains("<h1"), "{what}: a heading");
                assert!(html.contains("class=\"site-nav\""), "{what}: navigation");
                assert!(
                    html.contains("class=\"lang-switch\""),
                    "{what}: the language switch, a link"
                );
            }
            if route != Route::Department(site.plan.departments[0].id.clone()) {
                let rows = between(&html, "<tbody", "</tbody>").unwrap_or_default();
                assert!(rows.contains("<tr"), "{what}: a table with rows");
                assert!(html.contains("<caption"), "{what}: tables have captions");
            }
            assert!(
                html.contains("sample-notice") || html.contains("示例数据"),
                "{what}: sample notice"
            );
            assert!(!html.contains("class=\"skeleton\""), "{what}: nothing is left loading");
            assert!(!html.contains("data-later"), "{what}: no part is left for later");
            assert!(html.contains(&format!("<html lang=\"{}\"", lang.tag())), "{what}");
            assert_eq!(
                html.contains("data-embedded"),
                embed,
                "{what}: an embed has no page margins"
            );
        }
    }
}

#[test]
fn each_page_has_its_own_title_and_description_and_speaks_for_itself() {
    let site = site();
    let template = template();
    let pages = site.pages();
    let mut titles = BTreeSet::new();
    for page in &pages {
        let html = site.render(&template, page, false);
        let title = between(&html, "<title>", "</title>").expect("a title").to_owned();
        assert!(titles.insert(title.clone()), "{page:?}: the title {title} is another page's too");
        let description =
            between(&html, "<meta name=\"description\" content=\"", "\"").expect("description");
        assert!(!description.is_empty(), "{page:?}: a description");
        let here =
            format!("https://example.org/plan/{}", Location::page_path(page.lang, &page.route));
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{here}\">")),
            "{page:?}: canonical"
        );
        for tag in ["zh-CN", "en", "x-default"] {
            assert!(html.contains(&format!("hreflang=\"{tag}\"")), "{page:?}: alternate {tag}");
        }
        for name in ["SiteName", "ColumnName", "ArticleTitle", "PubDate", "ContentSource"] {
            assert!(
                html.contains(&format!("<meta name=\"{name}\" content=\"")),
                "{page:?}: {name}"
            );
        }
        assert!(html.contains("property=\"og:title\""), "{page:?}: link previews");
        // Every asset stays relative: the page's <base> leads to the site's root.
        let depth = Location::depth(page.lang, &page.route);
        assert!(
            html.contains(&format!("<base href=\"{}\">", "../".repeat(depth))),
            "{page:?}: base"
        );
        assert!(html.contains("href=\"./main-1.css\""), "{page:?}: the assets");
        assert_eq!(html.contains("noindex"), !page.listed(), "{page:?}: only embeds are unlisted");
    }
    assert!(pages.len() > 100, "{} pages", pages.len());
}

#[test]
fn the_root_is_the_chinese_overview_and_404_names_no_address() {
    let site = site();
    let template = template();
    let root = site.render(&template, &Page { lang: Lang::Zh, route: Route::Overview }, true);
    assert!(root.contains("<base href=\"./\">"));
    assert!(root.contains("<link rel=\"canonical\" href=\"https://example.org/plan/zh/\">"));
    let missing = site.not_found(&template);
    assert!(missing.contains("<base href=\"/plan/\">"), "served at any depth, it leads home");
    assert!(!missing.contains("rel=\"canonical\""));
    assert!(missing.contains("noindex"));
    assert!(missing.contains("href=\"zh/\""), "a way home");
}

#[test]
fn text_from_the_data_is_text_in_the_page_and_its_head() {
    let bundled = site();
    let mut plan = (*bundled.plan).clone();
    let payload = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";
    plan.indicators[0].name.zh = payload.to_owned();
    plan.indicators[0].source_text = payload.to_owned();
    let id = plan.indicators[0].id.clone();
    let site = Site::new(Arc::new(plan), bundled.progress, bundled.read_ahead, bundled.url);
    let html =
        site.render(&template(), &Page { lang: Lang::Zh, route: Route::Indicator(id) }, false);
    assert!(!html.contains("<script>alert"), "no script from the data");
    assert!(!html.contains("<img src=x"), "no element from the data");
    let title = between(&html, "<title>", "</title>").expect("title");
    assert!(title.starts_with("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&amp;"), "{title}");
    let description =
        between(&html, "<meta name=\"description\" content=\"", "\">").expect("description");
    assert!(!description.contains('"') && !description.contains('<'), "{description}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text in the body");
}

#[test]
fn the_sitemap_lists_every_listed_page_with_its_other_language() {
    let site = site();
    let pages = site.pages();
    let xml = site.sitemap(&pages);
    let doc = roxmltree::Document::parse(&xml).expect("the sitemap is XML");
    let locs: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    let listed: Vec<&Page> = pages.iter().filter(|p| p.listed()).collect();
    assert_eq!(locs.len(), listed.len());
    assert!(locs.contains(&"https://example.org/plan/en/data/"));
    assert!(!locs.iter().any(|l| l.contains("/embed/")));
    let alternates = doc.descendants().filter(|n| n.has_tag_name("link")).count();
    assert_eq!(alternates, 2 * listed.len());
    assert!(site.robots().contains("Sitemap: https://example.org/plan/sitemap.xml"));
}

#[test]
fn only_charts_this_release_can_draw_get_an_embed_page() {
    let site = site();
    let pages = site.pages();
    let embeds: Vec<&Page> = pages.iter().filter(|p| matches!(p.route, Route::Embed(_))).collect();
    assert!(!embeds.is_empty());
    for page in embeds {
        let html = site.render(&template(), page, false);
        if page.route == Route::Embed(FigureId::DistrictMap) {
            // The map is links on a picture: no chart library, no option.
            assert!(html.contains("class=\"tile-map\""), "{page:?}: the map");
            assert!(html.contains("target=\"_blank\""), "{page:?}: cells open the portal");
            assert!(!html.contains("chart-option"), "{page:?}");
            continue;
        }
        assert!(html.contains("class=\"chart"), "{page:?}: its chart's place");
        // The chart's option travels in the page as data, for ECharts alone.
        let option = between(
            &html,
            "<script type=\"application/json\" class=\"chart-option\">",
            "</script>",
        )
        .expect("the chart's option");
        let option: serde_json::Value = serde_json::from_str(option).expect("the option is JSON");
        assert!(option["series"].is_array(), "{page:?}: {option}");
        assert_eq!(option["tooltip"]["renderMode"], "richText", "{page:?}: tooltips are text");
        assert!(!html.contains("error-panel"), "{page:?}: no error page");
    }
}

/// Every chart is in the page as a picture (an SVG with its marks), before
/// any script: on the overview, on a page of one subject and in an embed.
#[test]
fn every_chart_is_a_picture_in_the_page() {
    let site = site();
    let pages = site.pages();
    let some: Vec<&Page> = pages
        .iter()
        .filter(|p| {
            matches!(p.route, Route::Overview | Route::Embed(_) | Route::District(_))
                && p.lang == Lang::Zh
        })
        .collect();
    assert!(some.len() > 2);
    for page in some {
        let html = site.render(&template(), page, false);
        if page.route == Route::Embed(FigureId::DistrictMap) {
            continue;
        }
        let maps = html.split("class=\"tile-map\"").skip(1).collect::<Vec<_>>();
        assert_eq!(maps.len(), usize::from(page.route == Route::Overview), "{page:?}: the map");
        for map in maps {
            let svg = &map[map.find("<svg").expect("a picture")..];
            let svg = &svg[..svg.find("</svg>").expect("its end") + "</svg>".len()];
            let doc = roxmltree::Document::parse(svg).expect("the map is well-formed SVG");
            let links = doc.descendants().filter(|n| n.has_tag_name("a")).count();
            assert_eq!(links, site.plan.districts.len(), "{page:?}: a link per district");
        }
        let charts = html.matches(" class=\"chart\">").count();
        assert!(charts > 0, "{page:?} has charts");
        let pictures: Vec<&str> =
            html.split("<div aria-hidden=\"true\" class=\"chart-picture\">").skip(1).collect();
        assert_eq!(pictures.len(), charts, "{page:?}: a picture per chart");
        for picture in pictures {
            let svg = &picture[..picture.find("</svg></div>").unwrap_or_else(|| {
                panic!("{page:?}: no picture: {}", &picture[..200.min(picture.len())])
            }) + "</svg>".len()];
            let doc = roxmltree::Document::parse(svg).expect("the picture is well-formed SVG");
            let texts = doc.descendants().filter(|n| n.has_tag_name("text")).count();
            assert!(texts > 0, "{page:?}: the picture has its axes and legend");
        }
    }
}

#[test]
fn a_template_without_head_or_policy_is_refused() {
    assert_eq!(Template::parse("<html><body></body></html>"), Err(TemplateError::NoHead));
    assert_eq!(
        Template::parse("<html><head><title>x</title></head></html>"),
        Err(TemplateError::NoPolicy)
    );
    let kept = template();
    assert!(!kept.assets.contains("a note"), "comments are left out");
    assert!(!kept.assets.contains("charset"), "the page writes its own charset first");
}

#[test]
fn addresses_paths() {
    assert_eq!(document::url_path("https://example.org/plan/"), "/plan/");
    assert_eq!(document::url_path("http://127.0.0.1:8080/"), "/");
    assert_eq!(document::url_path("https://example.org"), "/");
}

#[test]
fn bad_data_writes_no_page_and_says_which_file_and_where() {
    let dist = built_copy("bad");
    let progress = dist.join("data/progress.json");
    let text = std::fs::read_to_string(&progress).expect("read");
    std::fs::write(&progress, text.replacen("\"observations\"", "\"observations\": 1, \"x\"", 1))
        .expect("write");
    let error = publish::publish(&dist, Some("https://example.org/")).expect_err("refused");
    for lang in [Lang::Zh, Lang::En] {
        let said = error.message(lang);
        assert!(said.contains("progress.json"), "names the file: {said}");
    }
    assert!(error.message(Lang::Zh).contains("页面未生成"), "{}", error.message(Lang::Zh));
    assert!(error.message(Lang::En).contains("no page was written"), "{}", error.message(Lang::En));
    assert!(!dist.join("zh").exists(), "no page was written");
    assert_eq!(
        std::fs::read_to_string(dist.join("index.html")).expect("index"),
        TRUNK,
        "untouched"
    );
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn publishing_twice_renders_from_the_kept_template_and_address() {
    let dist = built_copy("twice");
    let first = publish::publish(&dist, Some("https://example.org/plan")).expect("first");
    assert!(first.pages > 100);
    let index = std::fs::read_to_string(dist.join("index.html")).expect("index");
    assert!(index.contains("<div id=\"page\">"), "index.html is now a rendered page");
    assert_eq!(
        std::fs::read_to_string(dist.join(publish::TEMPLATE_FILE)).expect("kept"),
        TRUNK,
        "Trunk's page is kept as the template"
    );
    // Again, as `plan-data release` does: no address given, the kept one used.
    let again = publish::publish(&dist, None).expect("again");
    assert_eq!(again.pages, first.pages);
    let index = std::fs::read_to_string(dist.join("en/data/index.html")).expect("a page");
    assert!(index.contains("https://example.org/plan/en/data/"), "the kept address");
    let _ = std::fs::remove_dir_all(dist);
}

/// Each state of one filter of the overview and of a district's page is a
/// page of its own, where the loader looks for it: the page with that filter
/// chosen, its `<base>` back at the site's root, not for search engines, its
/// canonical address the page's own; the pages that have states name them.
#[test]
fn each_state_of_one_filter_is_a_page_with_that_filter_chosen() {
    let site = site();
    let states = site.states();
    let periods = site.progress.periods().len();
    let (goals, tasks, districts) =
        (site.plan.goal_areas.len(), site.plan.tasks.len(), site.plan.districts.len());
    let per_lang = goals + tasks + districts + periods + districts * (goals + tasks + periods);
    assert_eq!(states.len(), 2 * per_lang);
    let district = &site.plan.districts[1];
    let state = states
        .iter()
        .find(|s| s.page.route == Route::Overview && s.name == "district" && s.value == district.id)
        .expect("the overview with a district chosen");
    assert_eq!(state.file(), format!("zh/filters/district/{}/index.html", district.id));
    let html = site.render_state(&template(), state);
    assert!(html.contains(r#"<base href="../../../../">"#), "four folders down");
    assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(html.contains(r#"<link rel="canonical" href="https://example.org/plan/zh/">"#));
    let select = html.split("<select id=\"filter-district\"").nth(1).expect("the select");
    let chosen: Vec<&str> = select[..select.find("</select>").expect("its end")]
        .split("<option ")
        .filter(|o| o.contains(" selected"))
        .collect();
    assert_eq!(chosen.len(), 1, "one choice: {chosen:?}");
    assert!(chosen[0].contains(&format!("value=\"{}\"", district.id)), "the district: {chosen:?}");
    assert!(html.contains("class=\"selected-row\""), "its row marked");
    assert!(html.contains("class=\"chosen\""), "its heatmap cells outlined");
    let plain = site.render(&template(), &Page { lang: Lang::Zh, route: Route::Overview }, false);
    assert!(
        plain.contains(r#"<meta name="portal-states" content="zh/ goal task district period">"#)
    );
    assert!(!plain.contains("class=\"chosen\""));
    let district_page = Page { lang: Lang::En, route: Route::District(district.id.clone()) };
    let html = site.render(&template(), &district_page, false);
    assert!(html.contains(&format!(
        r#"<meta name="portal-states" content="en/district/{}/ goal task period">"#,
        district.id
    )));
    let data = site.render(&template(), &Page { lang: Lang::Zh, route: Route::Data }, false);
    assert!(!data.contains("portal-states"), "no filters, no states");
}
