//! Shared harness for the browser end-to-end tests: a static file server over
//! `dist/` on a free loopback port (no rewrite rules, like a plain static host),
//! and a headless Chromium driven through chromedriver.

#![allow(dead_code)] // each test file uses a different part of the harness

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// The release build the tests run against (`make dist` writes it).
pub fn dist_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: build the site first with `make dist`",
        dir.display()
    );
    dir
}

/// A static file server on 127.0.0.1, serving one folder until dropped.
pub struct StaticServer {
    /// Base URL, ending in `/`.
    pub url: String,
}

impl StaticServer {
    /// Serves `root` on a free port, in a background thread.
    pub fn start(root: &Path) -> Self {
        Self::start_with_faults(root, Faults::default())
    }

    /// Serves `root`, answering the paths in `faults` wrongly on purpose.
    pub fn start_with_faults(root: &Path, faults: Faults) -> Self {
        Self::start_with(root, faults, false)
    }

    /// Serves `root` like a host with precompressed files: `file.br` or
    /// `file.gz` (from `scripts/precompress.sh`) with `Content-Encoding` when the
    /// browser accepts it. For measurements; tests that edit files use `start`.
    pub fn start_precompressed(root: &Path) -> Self {
        Self::start_with(root, Faults::default(), true)
    }

    fn start_with(root: &Path, faults: Faults, precompressed: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let faults = faults.clone();
                std::thread::spawn(move || serve_one(&root, stream, &faults, precompressed));
            }
        });
        Self { url: format!("http://127.0.0.1:{port}/") }
    }
}

/// A way to answer a request wrongly.
#[derive(Debug, Clone)]
pub enum Fault {
    /// This HTTP status, with a short text body.
    Status(u16),
    /// Never answer (hold the connection open for a minute).
    Hang,
    /// Announce the whole file, send half, close the connection.
    Truncate,
    /// Answer 200 with this content type and body instead of the file.
    Replace(&'static str, String),
    /// Wait, then serve the file.
    Delay(Duration),
}

/// Faults by request path (`/data/progress.json`), each used a given number
/// of times and then forgotten, so that a retry can succeed.
#[derive(Debug, Clone, Default)]
pub struct Faults(
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, (Fault, usize)>>>,
);

impl Faults {
    /// Answers `path` with `fault` for the next `times` requests.
    pub fn set(&self, path: &str, fault: Fault, times: usize) {
        self.0.lock().expect("faults").insert(path.to_owned(), (fault, times));
    }

    fn take(&self, path: &str) -> Option<Fault> {
        let mut map = self.0.lock().expect("faults");
        let (fault, left) = map.get_mut(path)?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            map.remove(path);
        }
        Some(fault)
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn serve_one(root: &Path, mut stream: TcpStream, faults: &Faults, precompressed: bool) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Read the headers (only Accept-Encoding matters); the body of a GET is empty.
    let mut header = String::new();
    let mut accepts = String::new();
    while reader.read_line(&mut header).map(|n| n > 2).unwrap_or(false) {
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("accept-encoding")
        {
            accepts = value.to_ascii_lowercase();
        }
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = path.trim_start_matches('/');
    let mut file = root.join(relative);
    if relative.split('/').any(|part| part == "..") {
        let _ = stream
            .write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
    }
    if file.is_dir() {
        file = file.join("index.html");
    }
    let mut body = std::fs::read(&file);
    let mut content_type = content_type(&file);
    let mut encoding = None;
    if precompressed {
        for (token, ext) in [("br", "br"), ("gzip", "gz")] {
            let packed = PathBuf::from(format!("{}.{ext}", file.display()));
            if accepts.split(',').any(|a| a.trim().starts_with(token)) && packed.is_file() {
                body = std::fs::read(&packed);
                encoding = Some(token);
                break;
            }
        }
    }
    match faults.take(path) {
        None => {}
        Some(Fault::Status(code)) => {
            let text = format!("error {code}");
            let head = format!(
                "HTTP/1.1 {code} Fault\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                text.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(text.as_bytes());
            return;
        }
        Some(Fault::Hang) => {
            std::thread::sleep(Duration::from_secs(60));
            return;
        }
        Some(Fault::Truncate) => {
            let body = body.unwrap_or_default();
            let encoding =
                encoding.map(|e| format!("Content-Encoding: {e}\r\nVary: Accept-Encoding\r\n"));
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
                body.len(),
                encoding.unwrap_or_default()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body[..body.len() / 2]);
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Both);
            return;
        }
        Some(Fault::Replace(kind, text)) => {
            content_type = kind;
            body = Ok(text.into_bytes());
        }
        Some(Fault::Delay(wait)) => std::thread::sleep(wait),
    }
    match body {
        Ok(body) => {
            let encoding =
                encoding.map(|e| format!("Content-Encoding: {e}\r\nVary: Accept-Encoding\r\n"));
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
                body.len(),
                encoding.unwrap_or_default()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Err(_) => {
            let body = b"not found";
            let head = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
    }
}

/// A chromedriver process on a free port, killed when dropped.
pub struct Driver {
    child: Child,
    /// WebDriver URL.
    pub url: String,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl Driver {
    /// Starts chromedriver (`$CHROMEDRIVER`, default `/usr/bin/chromedriver`).
    pub fn start() -> Self {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (run `make setup`)"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start on port {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = std::env::temp_dir().join(format!("kunshan-e2e-profile-{port}"));
        Self { child, url: format!("http://127.0.0.1:{port}/"), profile }
    }

    /// A new headless Chromium session at the given window size.
    pub async fn browser(&self, width: u32, height: u32) -> Client {
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--no-first-run",
                    "--hide-scrollbars", "--lang=zh-CN",
                    format!("--user-data-dir={}", self.profile.display()),
                    format!("--window-size={width},{height}"),
                ]
            },
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let Value::Object(caps) = caps else { unreachable!("capabilities are an object") };
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&self.url)
            .await
            .expect("connect to chromedriver")
    }
}

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

/// True once a page has loaded: no skeleton or error panel, every chart drawn,
/// and the app's main heading (`#main`: not the loading shell's copy); no part
/// still waiting for its turn (`components::Later`).
pub const PAGE_READY: &str = r#"
    if (document.querySelector('.error-panel, .skeleton, [data-later]')) return null;
    const charts = [...document.querySelectorAll('.chart')];
    // Charts are drawn as they near the screen: go to the next one not yet
    // drawn, as a reader scrolling down would; back to the top once all are.
    const undrawn = charts.find(el => !el.querySelector('canvas, svg'));
    if (undrawn) { undrawn.scrollIntoView({ block: 'center' }); return null; }
    window.scrollTo(0, 0);
    return document.querySelector('#main h1') ? true : null;
"#;

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

/// Saves a screenshot under `target/e2e-screenshots/` for people to look at.
pub async fn save_screenshot(client: &Client, name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
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
    let body = json!({ "cmd": cmd, "params": params });
    client.issue_cmd(Cdp(body.to_string())).await.unwrap_or_else(|e| panic!("{cmd}: {e}"));
}

/// A fresh, empty temporary folder for one test (named, so runs do not collide).
pub fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kunshan-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Copies a folder tree (to serve a changed copy of `dist/`).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
