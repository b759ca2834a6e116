//! `make bench`: what a reader waits for, measured in headless Chromium over
//! loopback against the release build in `dist/`. Prints a table and writes
//! the figures as JSON to `bench/results/`. A benchmark, not a test: it
//! asserts nothing and reports what it measured.
//!
//! 1. Bytes of every file the overview's first view loads (from the browser's
//!    own resource list; no scrolling), raw, gzip -9 and brotli -11.
//! 2. Time to first chart, median of cold loads (HTTP cache cleared), for the
//!    portal (its picture: the page's first paint) and for `bench/minimal/` (the overview's first chart, goal-area
//!    progress, from the same two data files with the same ECharts build and
//!    no framework; checked to draw the same numbers), in the same run.
//! 3. District-filter change to the updated table row and heatmap's outlined row
//!    painted, p50 and p95 over 50 changes.
//!
//!    3b. The first filter change on a phone throttled as Lighthouse's
//!    mobile preset, from a cold load: time to the page painted and bytes
//!    fetched, in place (the state's page) and through the whole app,
//!    median of 5.
//! 4. Lighthouse 12.2.3 performance (mobile, simulated throttling) for the
//!    overview, an indicator page and an embed, with the precompressed files
//!    served as a host would.
//! 5. Scale in the browser: the overview on data scaled 1x, 10x and 100x
//!    (`scripts/bench-cli.py scaled`): load + validate and status times from
//!    the app's own Performance marks, and the wasm memory. (The CLI's scale
//!    figures come from `make bench-cli`.)
//! 6. Every page rendered (as `plan-data release` does), 1x and 10x.
//! 7. The publishing studio importing every figure of the 1x, 10x and 100x
//!    data as an .xlsx workbook: time from the file chosen to the outcome,
//!    the session's wasm memory, and the page thread's longest pause.

#![allow(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
mod run;

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    run::run().await;
}

/// Browsers are driven from the host only; this target is empty on wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}
