//! Reading and steering the page: the browser console, waiting for a
//! script's answer, screenshots, and Chrome DevTools commands (emulated
//! phones, colour schemes, print).

use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{Value, json};

use crate::files::repo_dir;

/// chromedriver's log endpoint (not in the W3C protocol, so fantoccini lacks it).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// Console messages at level SEVERE (errors, failed loads, CSP violations) since
/// the last call.
pub async fn console_errors(client: &Client) -> Vec<String> {
    let entries = client.issue_cmd(BrowserLog).await.expect("read the browser log");
    entries
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Polls `script` (a function body returning a value) until it returns
/// something other than null/false, or panics with `what` after 15 s.
pub async fn wait_for_js(client: &Client, script: &str, what: &str) -> Value {
    wait_for_js_within(client, script, what, Duration::from_secs(15)).await
}

/// [`wait_for_js`] with a given patience.
pub async fn wait_for_js_within(
    client: &Client,
    script: &str,
    what: &str,
    patience: Duration,
) -> Value {
    let deadline = Instant::now() + patience;
    loop {
        let value = client.execute(script, vec![]).await.expect("run script");
        if !value.is_null() && value != Value::Bool(false) {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// True once the app has taken the place of the page as rendered into the
/// HTML (it does once its data is in, or has failed to come). The app loads
/// on first use: this asks for it, as a reader's first tap would.
pub const TAKEN_OVER: &str = "if (window.kunshanStartApp) window.kunshanStartApp();
    return document.getElementById('page') === null && document.getElementById('app') !== null";

/// Opens a page of the portal, starts the app (it loads on first use) and
/// waits until it has taken over the rendered page (a data file that hangs
/// takes 15 s to be given up).
pub async fn open(client: &Client, url: &str) {
    client.goto(url).await.expect("open");
    wait_for_app(client, url).await;
}

/// What the page was doing, for a test that gave up waiting for the app:
/// whether the loader ran, the wasm started, the app rendered and what it
/// showed (a skeleton, an error, parts left for later).
const APP_STATE: &str = "const app = document.getElementById('app');
    const inApp = (css) => app ? app.querySelectorAll(css).length : null;
    return {
      ready: document.readyState,
      visible: document.visibilityState,
      loader: typeof window.kunshanStartApp,
      wasm: !!window.wasmBindings,
      rendered: !!document.getElementById('page'),
      app_children: app ? app.childElementCount : null,
      skeletons: inApp('.skeleton'),
      later: inApp('[data-later]'),
      errors: app ? [...app.querySelectorAll('.error-panel')].map((e) => e.textContent) : [],
      unavailable: document.querySelector('.app-unavailable')?.title ?? null,
      resources: performance.getEntriesByType('resource')
        .map((r) => r.name.replace(location.origin, '') + ' ' + Math.round(r.duration) + 'ms'),
    }";

/// Starts the app and waits until it has taken over the rendered page; if it
/// does not, the panic says what state the page was in.
pub async fn wait_for_app(client: &Client, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let value = client.execute(TAKEN_OVER, vec![]).await.expect("run script");
        if value == Value::Bool(true) {
            return;
        }
        if Instant::now() >= deadline {
            let state = client.execute(APP_STATE, vec![]).await.unwrap_or_default();
            let errors = console_errors(client).await;
            panic!(
                "timed out waiting for the app to take over the rendered page ({what})\n\
                 page state: {state:#}\nconsole errors: {errors:#?}"
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Saves a screenshot under `target/e2e-screenshots/` for people to look at.
pub async fn save_screenshot(client: &Client, name: &str) {
    let dir = repo_dir().join("target/e2e-screenshots");
    let png = client.screenshot().await.expect("screenshot");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    std::fs::write(dir.join(name), png).expect("write screenshot");
}

/// chromedriver's endpoint for a Chrome DevTools command.
#[derive(Debug)]
struct Cdp(String);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.clone()))
    }
}

/// Makes the page see `prefers-color-scheme: dark` (or light), as a reader's
/// system setting would.
pub async fn emulate_colour_scheme(client: &Client, scheme: &str) {
    let body = json!({
        "cmd": "Emulation.setEmulatedMedia",
        "params": { "features": [{ "name": "prefers-color-scheme", "value": scheme }] }
    });
    client.issue_cmd(Cdp(body.to_string())).await.expect("emulate colour scheme");
}

/// Lays the page out as on a phone `width` CSS pixels wide (headless Chromium
/// will not make a window narrower than 500 px, so the window size alone lies).
pub async fn emulate_phone(client: &Client, width: u32, height: u32) {
    let body = json!({
        "cmd": "Emulation.setDeviceMetricsOverride",
        "params": { "width": width, "height": height, "deviceScaleFactor": 2, "mobile": true }
    });
    client.issue_cmd(Cdp(body.to_string())).await.expect("emulate a phone");
}

/// Lays the page out for `print` (or back to `screen`), as printing would.
pub async fn emulate_media(client: &Client, media: &str) {
    let body = json!({ "cmd": "Emulation.setEmulatedMedia", "params": { "media": media } });
    client.issue_cmd(Cdp(body.to_string())).await.expect("emulate media");
}

/// Runs any Chrome DevTools command through chromedriver.
pub async fn cdp(client: &Client, cmd: &str, params: Value) {
    cdp_value(client, cmd, params).await;
}

/// Runs a Chrome DevTools command and returns what it answered.
pub async fn cdp_value(client: &Client, cmd: &str, params: Value) -> Value {
    let body = json!({ "cmd": cmd, "params": params });
    client.issue_cmd(Cdp(body.to_string())).await.unwrap_or_else(|e| panic!("{cmd}: {e}"))
}
