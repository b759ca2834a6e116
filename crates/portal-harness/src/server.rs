//! A static file server on loopback, like a plain static host (no rewrite
//! rules), that can answer chosen paths wrongly on purpose, or serve the
//! precompressed files as a host would.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    /// Close the connection without a word: the host is gone, or the
    /// reader's device is offline (the browser's fetch fails).
    Refuse,
}

/// Faults by request path (`/data/progress.json`), each used a given number
/// of times and then forgotten, so that a retry can succeed.
#[derive(Debug, Clone, Default)]
pub struct Faults(
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, (Fault, usize)>>>,
);

impl Faults {
    /// Answers `path` with `fault` for the next `times` requests; the path
    /// [`Faults::EVERY`] answers every request so, before any of its own.
    pub fn set(&self, path: &str, fault: Fault, times: usize) {
        self.0.lock().expect("faults").insert(path.to_owned(), (fault, times));
    }

    /// The path that stands for every path (`set(Faults::EVERY, Fault::Refuse,
    /// usize::MAX)`: the site is offline until [`Faults::clear`]).
    pub const EVERY: &'static str = "*";

    /// Forgets every fault: the site answers again.
    pub fn clear(&self) {
        self.0.lock().expect("faults").clear();
    }

    fn take(&self, path: &str) -> Option<Fault> {
        let mut map = self.0.lock().expect("faults");
        let path = if map.contains_key(Self::EVERY) { Self::EVERY } else { path };
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
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// The head of a 200 answer of `length` bytes, `encoding` if precompressed.
fn ok_head(content_type: &str, length: usize, encoding: Option<&str>) -> String {
    let encoding = encoding.map(|e| format!("Content-Encoding: {e}\r\nVary: Accept-Encoding\r\n"));
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n{}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        encoding.unwrap_or_default()
    )
}

/// Whether a path names a page (a folder), not a file such as `data/plan.json`.
fn is_page(relative: &str) -> bool {
    relative.is_empty()
        || relative.ends_with('/')
        || !relative.rsplit('/').next().unwrap_or_default().contains('.')
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
            let head = ok_head(content_type, body.len(), encoding);
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
        Some(Fault::Refuse) => {
            let _ = stream.shutdown(std::net::Shutdown::Both);
            return;
        }
    }
    match body {
        Ok(body) => {
            let head = ok_head(content_type, body.len(), encoding);
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Err(_) if is_page(relative) && root.join("404.html").is_file() => {
            // As static hosts do (GitHub Pages, Netlify; nginx `error_page 404
            // /404.html`): a missing page gets the site's own "not found" page.
            let body = std::fs::read(root.join("404.html")).unwrap_or_default();
            let head = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
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
