//! Search, as a reader uses it: from the navigation of any page to the search
//! page, a Chinese term and an English term narrowed in place with the count
//! said in the status line, the result opened; by keyboard; from a shared
//! `?q=` link; and without scripts, where the whole list is there to find in.
//! No app is started by searching. What should be found comes from the
//! published data through `portal_view::search`, never typed in here.

use fantoccini::{Client, Locator, key::Key};
use plan_model::Lang;
use portal_harness::{Driver, StaticServer, dist_dir, wait_for_js};
use serde_json::Value;

use crate::model::model;

/// The entries a term should find: every one whose words (in either
/// language) hold it.
fn expected(lang: Lang, term: &str) -> Vec<String> {
    let (plan, progress) = model(&dist_dir().join("data"));
    portal_view::search::entries(&plan, &progress, lang)
        .into_iter()
        .filter(|e| {
            let words = format!("{} {} {}", e.title, e.text, e.other).to_lowercase();
            words.contains(&term.to_lowercase())
        })
        .map(|e| e.href(lang))
        .collect()
}

/// What the search page shows now.
const SHOWN: &str = r#"
    const visible = [...document.querySelectorAll('.search-list li:not([hidden])')]
        .filter(li => !li.closest('.search-group').hidden);
    return {
        hrefs: visible.map(li => li.querySelector('a').getAttribute('href')),
        status: document.querySelector('.search-status')?.textContent ?? '',
        role: document.querySelector('.search-status')?.getAttribute('role') ?? '',
        marks: visible.filter(li => li.querySelector('mark')).length,
        label: document.getElementById('search-page-q')?.labels?.[0]?.textContent ?? '',
        query: new URLSearchParams(location.search).get('q'),
        app: !!document.getElementById('app') || !!window.wasmBindings,
        wasm: performance.getEntriesByType('resource').filter(r => r.name.endsWith('.wasm')).length,
        focus: document.activeElement?.id || document.activeElement?.tagName || null,
    };
"#;

async fn shown_when(client: &Client, ready: &str, what: &str) -> Value {
    wait_for_js(
        client,
        &format!("const s = (() => {{ {SHOWN} }})(); return ({ready}) ? s : null;"),
        what,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chinese_and_an_english_term_find_their_pages_in_place_without_the_app() {
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    portal_harness::emulate_phone(&client, 412, 823).await;

    // From any page, the navigation leads to search.
    client.goto(&format!("{}zh/task/ai-core-industry/", server.url)).await.expect("open");
    client
        .find(Locator::Css(".site-nav a[href='zh/search/']"))
        .await
        .expect("a search link in the navigation")
        .click()
        .await
        .expect("tap");
    let all = portal_view::search::entries(
        &model(&dist_dir().join("data")).0,
        &model(&dist_dir().join("data")).1,
        Lang::Zh,
    )
    .len();
    let before = shown_when(
        &client,
        "document.querySelector('script[data-search]') && s.hrefs.length > 0",
        "the search page",
    )
    .await;
    assert_eq!(
        before["hrefs"].as_array().map(Vec::len),
        Some(all),
        "everything is listed: {before}"
    );
    assert_eq!(before["role"], "status", "the count is said to screen readers");
    assert_eq!(before["label"], "搜索本站", "the field has its name");

    // A Chinese term, typed: narrowed in place, the count said, the address kept.
    let field = client.find(Locator::Css("#search-page-q")).await.expect("the field");
    field.click().await.expect("focus");
    field.send_keys("专利").await.expect("type");
    let wanted = expected(Lang::Zh, "专利");
    assert!(!wanted.is_empty(), "the data has patents: {wanted:?}");
    let found = shown_when(
        &client,
        &format!("s.hrefs.length === {} && s.status.includes('专利')", wanted.len()),
        "专利 found",
    )
    .await;
    let mut hrefs: Vec<String> = found["hrefs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h.as_str().map(str::to_owned))
        .collect();
    assert_eq!(hrefs[0], "zh/indicator/ai-invention-patents/", "the indicator named for it first");
    hrefs.sort();
    let mut wanted_sorted = wanted.clone();
    wanted_sorted.sort();
    assert_eq!(hrefs, wanted_sorted, "exactly what holds the term");
    assert!(
        found["status"].as_str().is_some_and(|s| s.contains(&wanted.len().to_string())),
        "{found}"
    );
    assert!(found["marks"].as_u64() > Some(0), "the term is marked where it is found: {found}");
    assert_eq!(found["query"], "专利", "a link to this shows the same");
    assert_eq!(found["focus"], "search-page-q", "typing stays in the field");
    assert_eq!(found["app"], false, "searching starts no app: {found}");
    assert_eq!(found["wasm"], 0, "nor fetches it: {found}");

    // The result opens its page.
    client
        .find(Locator::Css(
            ".search-list li:not([hidden]) a[href='zh/indicator/ai-invention-patents/']",
        ))
        .await
        .expect("the result")
        .click()
        .await
        .expect("open it");
    wait_for_js(
        &client,
        "return location.pathname.endsWith('/zh/indicator/ai-invention-patents/') && document.querySelector('h1')?.textContent.includes('专利')",
        "the indicator's page",
    )
    .await;

    // An English term from a shared link, then by keyboard alone.
    client.goto(&format!("{}en/search/?q=patent", server.url)).await.expect("open");
    let wanted = expected(Lang::En, "patent");
    let found =
        shown_when(&client, &format!("s.hrefs.length === {}", wanted.len()), "patent found").await;
    assert!(found["status"].as_str().is_some_and(|s| s.contains("patent")), "{found}");
    let field = client.find(Locator::Css("#search-page-q")).await.expect("the field");
    field.clear().await.expect("clear");
    field.send_keys("Zhouzhuang").await.expect("type");
    field.send_keys(&Key::Enter.to_string()).await.expect("enter");
    let wanted = expected(Lang::En, "zhouzhuang");
    let found = shown_when(
        &client,
        &format!("s.hrefs.length === {} && s.query === 'Zhouzhuang'", wanted.len()),
        "Zhouzhuang found",
    )
    .await;
    assert_eq!(found["focus"], "search-page-q", "Enter searches in place: {found}");
    assert!(wanted.iter().any(|h| h.starts_with("en/district/")), "the town itself: {wanted:?}");
    // Tab: the button, then the first result (the hidden ones are skipped).
    client
        .active_element()
        .await
        .expect("focus")
        .send_keys(&Key::Tab.to_string())
        .await
        .expect("tab");
    client
        .active_element()
        .await
        .expect("focus")
        .send_keys(&Key::Tab.to_string())
        .await
        .expect("tab");
    let first = client
        .execute("return document.activeElement.getAttribute('href')", vec![])
        .await
        .expect("focus");
    assert_eq!(first.as_str(), found["hrefs"][0].as_str(), "the first result is next by Tab");
    let tabbed = client
        .execute("return !!document.getElementById('app') || !!window.wasmBindings", vec![])
        .await
        .expect("app?");
    assert_eq!(tabbed, false, "tabbing through results starts no app");
    // The page may be gone before the key's answer comes: what counts is
    // where the browser is next.
    let _ = client.active_element().await.expect("focus").send_keys(&Key::Enter.to_string()).await;
    wait_for_js(
        &client,
        &format!("return location.href.includes({})", serde_json::to_string(&first).expect("json")),
        "the result opened by keyboard",
    )
    .await;
    let nothing = {
        client.goto(&format!("{}en/search/?q=qqqxxyz", server.url)).await.expect("open");
        shown_when(&client, "s.status.includes('qqqxxyz')", "nothing found").await
    };
    assert_eq!(nothing["hrefs"].as_array().map(Vec::len), Some(0));
    assert!(
        nothing["status"].as_str().is_some_and(|s| s.starts_with("Nothing found")),
        "{nothing}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_scripts_search_leads_to_the_whole_list() {
    let (plan, progress) = model(&dist_dir().join("data"));
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser_without_scripts(1280, 900).await;
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    client
        .find(Locator::Css(".site-nav a[href='zh/search/']"))
        .await
        .expect("the link")
        .click()
        .await
        .expect("follow");
    let got = client
        .execute(
            r#"return { items: document.querySelectorAll('.search-list li').length,
                        hidden: document.querySelectorAll('.search-list li[hidden]').length,
                        hint: getComputedStyle(document.querySelector('.search-no-script')).display,
                        form: document.querySelector('.search-box')?.getAttribute('action') };"#,
            vec![],
        )
        .await
        .expect("read");
    let all = portal_view::search::entries(&plan, &progress, Lang::Zh).len();
    assert_eq!(got["items"].as_u64(), Some(all as u64), "everything is there: {got}");
    assert_eq!(got["hidden"], 0, "{got}");
    assert_ne!(got["hint"], "none", "the hint to find in page is shown: {got}");
    assert_eq!(got["form"], "zh/search/", "the form is a plain GET to the page: {got}");
}
