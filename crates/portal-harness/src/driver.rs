//! chromedriver and headless Chromium sessions. A cold machine is where
//! these flake: chromedriver accepts connections before it can start a
//! browser, and the first Chromium start may reset the connection. So we
//! wait for chromedriver's own `/status` to say it is ready, retry a
//! session start once on a transport error or a failed browser start (with
//! both reasons in the message if the retry fails too), and never hand out
//! a port twice in one process.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::error::NewSessionError;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// Ports this process has handed out: the OS may offer a just-closed port
/// again, and two tests starting at once must not both get it.
static GIVEN: Mutex<Option<HashSet<u16>>> = Mutex::new(None);

/// A loopback port no one is listening on and this process has not handed out.
pub fn free_port() -> u16 {
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free loopback port");
        let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
        if given.get_or_insert_with(HashSet::new).insert(port) {
            return port;
        }
    }
}

/// How long chromedriver may take to say it is ready (a cold start on a
/// busy 2-core machine takes a few seconds).
const READY_PATIENCE: Duration = Duration::from_secs(30);

/// A chromedriver process on a free port, killed when dropped.
pub struct Driver {
    child: Child,
    /// WebDriver URL.
    pub url: String,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // chromedriver and every Chromium it started (a session a test did not
        // close would outlive chromedriver, holding memory and a profile in
        // the temp folder for good).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        for attempt in 0..2 {
            let _ = std::fs::remove_dir_all(self.profile(attempt));
        }
    }
}

/// Asks chromedriver's `/status` whether it is ready for a new session.
fn is_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    serde_json::from_str::<Value>(body).is_ok_and(|v| v["value"]["ready"] == true)
}

impl Driver {
    /// Starts chromedriver (`$CHROMEDRIVER`, default `/usr/bin/chromedriver`)
    /// and waits until it says it is ready. A port taken by another process
    /// in the meantime makes chromedriver exit: then it starts on another.
    pub fn start() -> Self {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let mut reasons = Vec::new();
        for _ in 0..3 {
            let port = free_port();
            let mut child = Command::new(&binary)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                // A process group of its own, which the browsers it starts
                // join: stopping the group stops them too (see `Drop`).
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (run `make setup`)"));
            let deadline = Instant::now() + READY_PATIENCE;
            loop {
                if is_ready(port) {
                    return Self { child, url: format!("http://127.0.0.1:{port}/"), port };
                }
                if let Ok(Some(status)) = child.try_wait() {
                    reasons.push(format!("port {port}: chromedriver exited ({status})"));
                    break;
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    reasons.push(format!(
                        "port {port}: not ready within {} s",
                        READY_PATIENCE.as_secs()
                    ));
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("chromedriver did not become ready: {}", reasons.join("; "))
    }

    /// The Chromium profile of a session start (a fresh one for a retry, so
    /// that a crashed first start's lock files cannot stop the second).
    fn profile(&self, attempt: usize) -> PathBuf {
        std::env::temp_dir().join(format!("kunshan-e2e-profile-{}-{attempt}", self.port))
    }

    fn capabilities(
        &self,
        width: u32,
        height: u32,
        attempt: usize,
        scripts: bool,
    ) -> serde_json::Map<String, Value> {
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
                    // As puppeteer does: a busy machine must not make Chrome
                    // treat the test's page as in the background, where
                    // timers and animation frames are held back.
                    "--disable-background-timer-throttling",
                    "--disable-backgrounding-occluded-windows",
                    "--disable-renderer-backgrounding",
                    format!("--user-data-dir={}", self.profile(attempt).display()),
                    format!("--window-size={width},{height}"),
                ]
            },
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let mut caps = caps;
        if !scripts {
            // The page's own scripts do not run (as for a reader who turned
            // them off); WebDriver's still do.
            caps["goog:chromeOptions"]["prefs"] =
                json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        match caps {
            Value::Object(caps) => caps,
            _ => unreachable!("capabilities are an object"),
        }
    }

    async fn connect(
        &self,
        width: u32,
        height: u32,
        attempt: usize,
        scripts: bool,
    ) -> Result<Client, NewSessionError> {
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(self.capabilities(width, height, attempt, scripts))
            .connect(&self.url)
            .await
    }

    /// A new headless Chromium session at the given window size. A start that
    /// fails on the way (connection reset, the browser did not come up) is
    /// tried once more, after chromedriver says it is ready again.
    pub async fn browser(&self, width: u32, height: u32) -> Client {
        self.session(width, height, true).await
    }

    /// [`Driver::browser`] with the pages' scripts turned off.
    pub async fn browser_without_scripts(&self, width: u32, height: u32) -> Client {
        self.session(width, height, false).await
    }

    async fn session(&self, width: u32, height: u32, scripts: bool) -> Client {
        let first = match self.connect(width, height, 0, scripts).await {
            Ok(client) => return client,
            Err(e) => e,
        };
        let retry = matches!(
            first,
            NewSessionError::Failed(_)
                | NewSessionError::FailedC(_)
                | NewSessionError::Lost(_)
                | NewSessionError::SessionNotCreated(_)
        );
        if !retry {
            panic!("connect to chromedriver at {}: {first}", self.url);
        }
        let deadline = Instant::now() + READY_PATIENCE;
        while !is_ready(self.port) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        match self.connect(width, height, 1, scripts).await {
            Ok(client) => client,
            Err(second) => panic!(
                "connect to chromedriver at {}: failed twice (first: {first}; then: {second})",
                self.url
            ),
        }
    }
}
