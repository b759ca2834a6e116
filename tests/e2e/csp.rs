//! The built page's Content-Security-Policy and Subresource Integrity, and
//! that the site runs under them: no violation on any page type or embed, an
//! injected inline script does not run, and the loader's reload buttons work
//! without the app (the panic and start-up error panels rely on them).
use fantoccini::Locator;
use portal_harness::{Driver, PAGE_READY, StaticServer, console_errors, dist_dir, wait_for_js};
use serde_json::{Value, json};

#[test]
fn index_html_has_a_strict_policy_and_integrity_on_every_script_and_style() {
    let html = std::fs::read_to_string(dist_dir().join("index.html")).expect("index.html");
    let start = html.find("http-equiv=\"Content-Security-Policy\" content=\"").expect("a CSP meta");
    let policy = &html[start + 46..];
    let policy = &policy[..policy.find('"').expect("end")];
    let directive = |name: &str| -> String {
        policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no {name} in {policy}"))
            .to_owned()
    };
    assert_eq!(directive("script-src"), "script-src 'self' 'wasm-unsafe-eval'");
    assert_eq!(directive("object-src"), "object-src 'none'");
    assert_eq!(directive("base-uri"), "base-uri 'self'");
    assert_eq!(directive("default-src"), "default-src 'self'");
    assert!(!policy.contains("unsafe-eval'") || policy.contains("'wasm-unsafe-eval'"));
    assert!(!policy.contains("'unsafe-eval'"), "{policy}");
    assert!(!policy.contains("http:") && !policy.contains("https:"), "no remote origins: {policy}");
    // The policy comes before every script it governs.
    assert!(start < html.find("<script").expect("scripts"));
    for tag in html.split("<script").skip(1) {
        let tag = &tag[..tag.find('>').expect("tag end")];
        // A chart's option and the page's JSON-LD are data the page carries,
        // not script (CSP runs none).
        if tag == r#" type="application/json" class="chart-option""#
            || tag == r#" type="application/ld+json""#
        {
            continue;
        }
        assert!(tag.contains(" src="), "an inline script: <script{tag}>");
        assert!(tag.contains("integrity=\"sha384-"), "no integrity: <script{tag}>");
    }
    for tag in html.split("<link").skip(1) {
        let tag = &tag[..tag.find('>').expect("tag end")];
        if tag.contains("stylesheet") || tag.contains("modulepreload") {
            assert!(tag.contains("integrity=\"sha384-"), "no integrity: <link{tag}>");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_runs_under_the_policy_and_inline_scripts_do_not() {
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    for hash in [
        "zh/",
        "en/indicator/ai-invention-patents/",
        "zh/task/green-manufacturing/",
        "en/district/zhoushi/",
        "zh/department/industry-it/",
        "en/data/",
        "zh/embed/district-heatmap/?theme=dark",
        "en/embed/indicator/ai-invention-patents/trend/?release=2026.06.0-sample",
    ] {
        client.goto("about:blank").await.expect("blank");
        portal_harness::open(&client, &format!("{}{hash}", server.url)).await;
        wait_for_js(&client, PAGE_READY, hash).await;
        let errors = console_errors(&client).await;
        assert!(
            errors.is_empty(),
            "{hash}: console errors (CSP violations show here): {errors:#?}"
        );
    }

    // A script someone manages to put into the page does not run.
    let outcome = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               let violated = null;
               document.addEventListener('securitypolicyviolation', e => { violated = e.violatedDirective; });
               const s = document.createElement('script');
               s.textContent = 'window.__inline = 1';
               document.body.append(s);
               setTimeout(() => done({ ran: window.__inline === 1, violated }), 200);"#,
            vec![],
        )
        .await
        .expect("inject");
    assert_eq!(outcome["ran"], json!(false), "an inline script ran");
    assert!(outcome["violated"].as_str().is_some_and(|d| d.starts_with("script-src")), "{outcome}");
    let _ = console_errors(&client).await; // the violation we caused

    // The loader reloads the page for any [data-reload] button, without the app.
    client
        .execute(
            "window.__before_reload = true; const b = document.createElement('button'); b.setAttribute('data-reload', ''); b.id = 'reload-test'; b.textContent = 'Reload'; document.body.prepend(b);",
            vec![],
        )
        .await
        .expect("add a button");
    client.find(Locator::Css("#reload-test")).await.expect("button").click().await.expect("click");
    wait_for_js(
        &client,
        "return (window.__before_reload === undefined && document.querySelector('#main h1')) ? true : null",
        "the page to reload",
    )
    .await;
    let marker: Value =
        client.execute("return window.__before_reload ?? null", vec![]).await.expect("marker");
    assert_eq!(marker, Value::Null);
    client.close().await.expect("close");
}

/// The one file in `dir` whose name starts with `prefix` and ends with `suffix`.
fn file_named(dir: &std::path::Path, prefix: &str, suffix: &str) -> String {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix) && n.ends_with(suffix))
        .unwrap_or_else(|| panic!("no {prefix}…{suffix} in {}", dir.display()))
}

/// Code the page loads later is checked against hashes the page vouches for:
/// an app glue or wasm changed on the server (each still valid code, which
/// would run without the check) does not run, the page says the interactive
/// parts are unavailable and stays whole; the studio's worker code changed
/// the same way stops the studio with a message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_loaded_after_the_page_runs_only_if_it_is_what_the_page_vouches_for() {
    let dist = dist_dir();
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let glue = file_named(&dist, "kunshan-portal-", ".js");
    let wasm = file_named(&dist, "kunshan-portal-", "_bg.wasm");
    let session = file_named(&dist.join("studio"), "session-", ".js");
    // A comment at the end of a script, a custom section at the end of a
    // wasm module: both still load and run anywhere nothing checks them.
    let custom_section: &[u8] = &[0x00, 0x04, 0x03, b'a', b'b', b'c'];
    for (file, change) in [
        (glue.clone(), b"\n// changed on the server\n".as_slice()),
        (wasm.clone(), custom_section),
        (format!("studio/{session}"), b"\n// changed on the server\n".as_slice()),
    ] {
        let copy = portal_harness::tempdir("integrity");
        portal_harness::copy_dir(&dist, &copy);
        let path = copy.join(&file);
        let mut bytes = std::fs::read(&path).expect("read");
        bytes.extend_from_slice(change);
        std::fs::write(&path, bytes).expect("write");
        for compressed in ["br", "gz"] {
            let _ = std::fs::remove_file(copy.join(format!("{file}.{compressed}")));
        }
        let server = StaticServer::start(&copy);
        client.goto("about:blank").await.expect("blank");
        if file.starts_with("studio/") {
            client.goto(&format!("{}en/publish/", server.url)).await.expect("open");
            let said = wait_for_js(
                &client,
                "return document.querySelector('.studio-error')?.textContent ?? null",
                &format!("{file}: the studio saying it cannot start"),
            )
            .await;
            assert!(said.as_str().unwrap_or_default().contains("could not start"), "{said}");
        } else {
            client.goto(&format!("{}en/", server.url)).await.expect("open");
            client.execute("window.kunshanStartApp()", vec![]).await.expect("start");
            let note = wait_for_js(
                &client,
                "return document.querySelector('.app-unavailable')?.textContent ?? null",
                &format!("{file}: the note that the interactive parts are unavailable"),
            )
            .await;
            assert!(note.as_str().unwrap_or_default().contains("unavailable"), "{note}");
            let state = client
                .execute(
                    "return { page: !!document.getElementById('page'), wasm: !!window.wasmBindings }",
                    vec![],
                )
                .await
                .expect("state");
            assert_eq!(
                state,
                json!({ "page": true, "wasm": false }),
                "{file}: the page stays whole"
            );
        }
        let _ = console_errors(&client).await;
        let _ = std::fs::remove_dir_all(copy);
    }
    client.close().await.expect("close");
}
