//! Follow what matters to me (issue 32): kept in the browser, listed on the
//! overview with what changed since an earlier release. Expected values come
//! from the published data through the view model.

use std::sync::Arc;

use fantoccini::{Locator, key::Key};
use plan_model::Lang;
use portal_harness::{Driver, StaticServer, dist_dir, wait_for_js};
use portal_view::assessed::Assessed;
use portal_view::url::Route;
use serde_json::Value;

use crate::model::model;

/// Follow: a district and an indicator followed from their pages (by tap
/// and by keyboard), kept over a reload, listed on the overview with their
/// status now and their feed; what changed since a visit in an earlier
/// release is said (the list kept from then is written as a reader's
/// browser would have it). Nothing leaves the browser; no app is started.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_survives_a_reload_and_the_overview_says_what_changed() {
    let (plan, progress) = model(&dist_dir().join("data"));
    let plan = Arc::new(plan);
    let assessed = Assessed::new(plan.clone(), Arc::new(progress.clone()), None);
    let district = plan.districts[4].clone();
    let status = assessed.standings(&[]).of(&district.id).expect("ranked").roll_up.status;
    let indicator = "ai-invention-patents";
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    let page = format!("{}{}", server.url, Route::District(district.id.clone()).href(Lang::Zh));
    client.goto(&page).await.expect("open");
    let pressed = "const b = document.querySelector('button.follow'); return b && getComputedStyle(b).visibility === 'visible' ? b.getAttribute('aria-pressed') : null;";
    assert_eq!(wait_for_js(&client, pressed, "the follow button").await, "false");
    client.find(Locator::Css("button.follow")).await.expect("button").click().await.expect("tap");
    assert_eq!(wait_for_js(&client, &format!("return {pressed:?} && document.querySelector('button.follow').getAttribute('aria-pressed') === 'true' || null"), "followed").await, true);
    client.refresh().await.expect("reload");
    assert_eq!(wait_for_js(&client, "const b = document.querySelector('button.follow'); return b && b.getAttribute('aria-pressed') === 'true' ? 'kept' : null;", "kept over a reload").await, "kept");
    // By keyboard on an indicator's page.
    client
        .goto(&format!("{}{}", server.url, Route::Indicator(indicator.into()).href(Lang::Zh)))
        .await
        .expect("open");
    wait_for_js(&client, pressed, "the button").await;
    client
        .execute("document.querySelector('button.follow').focus(); return null;", vec![])
        .await
        .expect("focus");
    client
        .active_element()
        .await
        .expect("focused")
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    wait_for_js(&client, "return document.querySelector('button.follow').getAttribute('aria-pressed') === 'true' || null", "followed by Enter").await;
    let app: Value = client.execute("return !!window.wasmBindings", vec![]).await.expect("app");
    assert_eq!(app, false, "following starts no app");

    // The overview: both listed, with their status now and the district's feed.
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    let listed = wait_for_js(
        &client,
        r#"const s = document.getElementById('followed');
           if (!s || s.hidden) return null;
           return [...s.querySelectorAll('li')].map(li => ({ key: li.dataset.follow, text: li.textContent,
               href: li.querySelector('a')?.getAttribute('href'), feed: li.querySelector('.followed-feed')?.getAttribute('href') ?? null }));"#,
        "what the reader follows",
    )
    .await;
    let listed = listed.as_array().expect("a list").clone();
    assert_eq!(listed.len(), 2, "{listed:?}");
    let row = listed
        .iter()
        .find(|r| r["key"] == format!("district:{}", district.id))
        .expect("the district");
    assert_eq!(row["href"], Route::District(district.id.clone()).href(Lang::Zh).as_str());
    assert!(row["text"].as_str().unwrap_or_default().contains(status.label(Lang::Zh)), "{row}");
    assert_eq!(row["feed"], format!("zh/district/{}/feed.xml", district.id).as_str());

    // A visit in an earlier release, when the district stood elsewhere.
    let before = if status == plan_model::Status::SeriouslyBehind {
        "on_schedule"
    } else {
        "seriously_behind"
    };
    let kept = serde_json::json!({ format!("district:{}", district.id): { "name": district.name.zh, "status": before, "release": "2026.06.0-sample" } });
    client
        .execute(
            &format!(
                "localStorage.setItem('kunshan-follows', {:?}); return null;",
                kept.to_string()
            ),
            vec![],
        )
        .await
        .expect("an earlier visit");
    for visit in ["after the new release", "and after a reload"] {
        client.refresh().await.expect("reload");
        let change = wait_for_js(
            &client,
            "const c = document.querySelector('#followed:not([hidden]) .followed-change'); return c ? [c.textContent, c.classList.contains('changed')] : null;",
            visit,
        )
        .await;
        let said = change[0].as_str().unwrap_or_default();
        let from = plan_model::Status::SeriouslyBehind;
        let from = if before == "on_schedule" { plan_model::Status::OnSchedule } else { from };
        assert_eq!(change[1], true, "{visit}: {said}");
        assert!(
            said.contains(from.label(Lang::Zh)) && said.contains(status.label(Lang::Zh)),
            "{visit}: {said}"
        );
        assert!(said.contains("2026.06.0-sample"), "{visit}: {said}");
    }
    client.close().await.expect("close");
}
