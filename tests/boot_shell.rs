//! The loading shell in index.html shows texts the app shows too: they must
//! not drift from the locales and the plan (every title is a fact).

use plan_model::PlanDocument;

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start} in index.html")) + start.len();
    let to = html[from..].find(end).expect("closing tag") + from;
    &html[from..to]
}

/// `(Chinese text, English text)` of the shell element whose tag opens with `start`.
fn texts(html: &str, start: &str) -> (String, String) {
    let tag_end = between(html, start, ">");
    let en = between(tag_end, "data-en=\"", "\"").to_owned();
    let zh = between(html, &format!("{start}{tag_end}>"), "<").to_owned();
    (zh, en)
}

#[test]
fn the_loading_shell_says_what_the_app_says() {
    let root = env!("CARGO_MANIFEST_DIR");
    let html = std::fs::read_to_string(format!("{root}/index.html")).expect("index.html");
    let shell = between(&html, "<div id=\"boot-shell\" hidden>", "</div>");
    let plan: PlanDocument = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/public/data/plan.json")).expect("plan.json"),
    )
    .expect("the bundled plan parses");
    let title = texts(shell, "<h1 class=\"plan-title\"");
    assert_eq!(title, (plan.plan.title.zh.clone(), plan.plan.title.en.clone()));
    let locale = |lang: &str| -> serde_json::Value {
        serde_json::from_str(
            &std::fs::read_to_string(format!("{root}/locales/{lang}.json")).expect("locale"),
        )
        .expect("locale JSON")
    };
    let name = texts(shell, "<p class=\"site-name\"");
    assert_eq!(name.0, locale("zh")["site_name"]);
    assert_eq!(name.1, locale("en")["site_name"]);
}
