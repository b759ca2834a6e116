//! `dist/` served through a real web server with the configuration that
//! ships (`deploy/Caddyfile`, Debian's Caddy): the security headers a
//! `<meta>` cannot carry (the policy with `frame-ancestors`: embeds framable,
//! no other page, not the studio; `X-Content-Type-Options`,
//! `Referrer-Policy`), the pages' precompressed copies sent in their place,
//! the data compressed, the "not found" page; and the site works under that
//! policy in Chromium (charts drawn, the studio's worker started), with an
//! embed framed by another origin and a page refused a frame.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use portal_harness::{Driver, StaticServer, dist_dir, free_port, tempdir, wait_for_js};

/// Caddy serving `dist/` with the shipped configuration; stopped on drop.
struct Caddy {
    child: Child,
    url: String,
}

impl Caddy {
    fn start() -> Self {
        let config = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("deploy/Caddyfile");
        let port = free_port();
        let child = Command::new("caddy")
            .args(["run", "--adapter", "caddyfile", "--config"])
            .arg(&config)
            .env("PORT", port.to_string())
            .env("SITE_ROOT", dist_dir())
            .env("XDG_DATA_HOME", tempdir("caddy-data"))
            .env("XDG_CONFIG_HOME", tempdir("caddy-config"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("caddy (Debian package `caddy`; scripts/setup.sh installs it)");
        let url = format!("http://127.0.0.1:{port}/");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "caddy did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, url }
    }
}

impl Drop for Caddy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The status line and headers (lower-case names) of a GET, by curl.
fn head(url: &str, encoding: Option<&str>) -> (u16, Vec<(String, String)>) {
    let mut curl = Command::new("curl");
    curl.args(["-s", "-o", "/dev/null", "-D", "-"]);
    if let Some(encoding) = encoding {
        curl.args(["-H", &format!("Accept-Encoding: {encoding}")]);
    }
    let out = curl.arg(url).output().expect("curl");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = text.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The policy in a built page's `<meta>`.
fn meta_policy(file: &str) -> String {
    let html = std::fs::read_to_string(dist_dir().join(file)).expect("a built page");
    let start = html.find("Content-Security-Policy\" content=\"").expect("a policy") + 34;
    html[start..].split('"').next().unwrap_or_default().to_owned()
}

#[test]
fn the_shipped_caddy_configuration_sends_the_headers_a_meta_tag_cannot() {
    let caddy = Caddy::start();
    let page_policy = meta_policy("zh/index.html");
    let studio_policy = meta_policy("zh/publish/index.html");
    for (path, policy, ancestors) in [
        ("", &page_policy, "frame-ancestors 'none'"),
        ("zh/", &page_policy, "frame-ancestors 'none'"),
        ("en/indicator/ai-invention-patents/", &page_policy, "frame-ancestors 'none'"),
        ("zh/embed/district-heatmap/", &page_policy, "frame-ancestors *"),
        ("en/publish/", &studio_policy, "frame-ancestors 'none'"),
    ] {
        let (status, headers) = head(&format!("{}{path}", caddy.url), Some("br, gzip"));
        assert_eq!(status, 200, "/{path}");
        let csp = header(&headers, "content-security-policy").unwrap_or_default();
        assert_eq!(
            csp,
            format!("{policy}; {ancestors}"),
            "/{path}: the page's own policy, framing added"
        );
        assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"), "/{path}");
        assert_eq!(
            header(&headers, "referrer-policy"),
            Some("strict-origin-when-cross-origin"),
            "/{path}"
        );
        assert_eq!(header(&headers, "content-encoding"), Some("br"), "/{path}: the .br copy");
    }
    // Gzip where brotli is not taken; data compressed on the fly.
    let (_, headers) = head(&format!("{}zh/", caddy.url), Some("gzip"));
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    let (_, headers) = head(&format!("{}data/progress.json", caddy.url), Some("gzip"));
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"), "the data compressed");
    assert_eq!(header(&headers, "content-type"), Some("application/json"));
    // A page that does not exist: the site's own "not found", with a 404.
    let (status, headers) = head(&format!("{}zh/no-such-page/", caddy.url), None);
    assert_eq!(status, 404);
    assert!(header(&headers, "content-security-policy").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_caddy_the_site_works_and_only_embeds_can_be_framed_elsewhere() {
    let caddy = Caddy::start();
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    // Under the header policy and the meta one together: charts drawn, the
    // studio's worker running.
    client.goto(&format!("{}en/", caddy.url)).await.expect("open");
    // A chart is drawn by ECharts once a reader reaches for it.
    client
        .execute(
            "const el = document.querySelector('.chart'); el.scrollIntoView();
             el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("reach");
    wait_for_js(
        &client,
        "return performance.getEntriesByName('kunshan:chart-drawn').length ? true : null",
        "a chart drawn through Caddy",
    )
    .await;
    client.goto(&format!("{}en/publish/", caddy.url)).await.expect("open");
    wait_for_js(
        &client,
        "const i = document.querySelector('#studio-file'); return i && !i.disabled",
        "the studio started through Caddy",
    )
    .await;
    assert!(portal_harness::console_errors(&client).await.is_empty(), "no policy violation");

    // Another site frames an embed and a page: the embed shows, the page does not.
    let host = tempdir("framing-host");
    let frames = format!(
        "<!doctype html><title>host</title><script src=host.js></script><iframe id=embed src=\"{0}en/embed/district-heatmap/\"></iframe><iframe id=page src=\"{0}en/\"></iframe>",
        caddy.url
    );
    std::fs::write(host.join("index.html"), frames).expect("host page");
    // The embed tells its host its height once it is drawn (docs/embedding.md).
    let listen = "window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'kunshan-embed:height') window.heights.push(e.data.height); });";
    std::fs::write(host.join("host.js"), listen).expect("host script");
    let other = StaticServer::start(&host);
    let other_url = other.url.replace("127.0.0.1", "localhost");
    client.goto(&other_url).await.expect("open");
    let heights = "return window.heights && window.heights.length ? window.heights[0] : null";
    let height = wait_for_js(&client, heights, "the embed framed by another site").await;
    assert!(height.as_u64().unwrap_or(0) > 100, "{height}");
    client.clone().enter_frame(1).await.expect("the page's frame");
    let framed = client.find_all(Locator::Css("#page, #app")).await.unwrap_or_default();
    assert!(framed.is_empty(), "a page other than an embed is refused a frame");
    client.enter_parent_frame().await.expect("back");
    client.close().await.expect("close");
}
