//! The loading shell in index.html shows texts the app shows too: they must
//! not drift from the locales and the plan (every title is a fact).

use plan_model::PlanDocument;

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start} in index.html")) + start.len();
    let to = html[from..].find(end).expect("closing tag") + from;
    &html[from..to]
}

/// The text of the first element in `block` whose tag opens with `start`.
fn text_of<'a>(block: &'a str, start: &str) -> &'a str {
    let tag_end = between(block, start, ">");
    between(block, &format!("{start}{tag_end}>"), "<")
}

#[test]
fn the_loading_shell_says_what_the_app_says() {
    let root = env!("CARGO_MANIFEST_DIR");
    let html = std::fs::read_to_string(format!("{root}/index.html")).expect("index.html");
    let plan: PlanDocument = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/public/data/plan.json")).expect("plan.json"),
    )
    .expect("the bundled plan parses");
    let locale = |lang: &str| -> serde_json::Value {
        serde_json::from_str(
            &std::fs::read_to_string(format!("{root}/locales/{lang}.json")).expect("locale"),
        )
        .expect("locale JSON")
    };
    let shell = between(&html, "<div id=\"boot-shell\">", "<noscript>");
    for (class, title, lang) in
        [("boot-zh", &plan.plan.title.zh, "zh"), ("boot-en", &plan.plan.title.en, "en")]
    {
        let block = between(shell, &format!("<div class=\"{class}\""), "</main>");
        assert_eq!(text_of(block, "<h1 class=\"plan-title\""), title, "{class}");
        assert_eq!(text_of(block, "<p class=\"site-name\""), locale(lang)["site_name"], "{class}");
    }
}
