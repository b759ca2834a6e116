//! Section 7: the publishing studio importing scaled workbooks and releasing.

use super::*;

/// Runs of the studio's import per scale.
pub(super) const STUDIO_RUNS: usize = 3;

/// The figures' sheet of a scaled site as an .xlsx workbook (every figure
/// a row, as `plan-data export` would give it, written by the template's
/// writer), in `dir`.
pub(super) fn scaled_workbook(dir: &Path) -> (PathBuf, usize) {
    let data = dir.join("data");
    let read = |name: &str| std::fs::read_to_string(data.join(name)).expect("scaled data");
    let plan = plan_model::parse_plan("plan.json", &read("plan.json")).expect("plan");
    let progress =
        plan_model::parse_progress("progress.json", &read("progress.json")).expect("progress");
    let rows = plan_publish::figures::progress_rows(&plan, &progress);
    let bytes = plan_publish::workbook::template_bytes(
        "进展数据",
        &plan_publish::figures::COLUMNS,
        &rows,
        &[],
    )
    .expect("workbook");
    let file = dir.join("figures.xlsx");
    std::fs::write(&file, bytes).expect("write");
    (file, rows.len())
}

/// The studio (`zh/publish/`) importing a workbook: the time from the file
/// chosen to the outcome shown, the session's wasm memory, and the longest
/// pause of the page's own thread meanwhile (a 10 ms heartbeat's largest gap).
pub(super) async fn studio_import(client: &Client, url: &str, file: &Path) -> Value {
    client.goto("about:blank").await.expect("blank");
    client.goto(url).await.expect("open");
    support::wait_for_js_within(
        client,
        "const i = document.querySelector('#studio-file'); return i && !i.disabled",
        "the studio",
        std::time::Duration::from_secs(60),
    )
    .await;
    client
        .execute(
            "window.__beats = []; window.__beat = setInterval(() => window.__beats.push(performance.now()), 10); return true",
            vec![],
        )
        .await
        .expect("heartbeat");
    let input = client.find(fantoccini::Locator::Css("#studio-file")).await.expect("input");
    input.send_keys(file.to_str().expect("utf-8")).await.expect("choose");
    support::wait_for_js_within(
        client,
        "const t = document.querySelector('.studio-took'); if (!t) return null;
         clearInterval(window.__beat);
         const b = window.__beats; let gap = 0;
         for (let i = 1; i < b.length; i++) gap = Math.max(gap, b[i] - b[i - 1]);
         const verdict = document.querySelector('.studio-outcome').dataset.verdict;
         return { ms: Number(t.dataset.millis), memory: Number(t.dataset.memory), pause_ms: gap, verdict };",
        "the import",
        std::time::Duration::from_secs(120),
    )
    .await
}

/// The studio making the release of the draft just imported (its data and
/// every page rendered again, in its worker): the time from the button to
/// the ZIP, and the files in it.
pub(super) async fn studio_release(client: &Client) -> Value {
    client
        .execute(
            "const set = (id, v) => { const e = document.getElementById(id); e.value = v;
               e.dispatchEvent(new Event('input', { bubbles: true })); };
             set('studio-version', '2099.1.0-bench'); set('studio-notes-zh', '基准测试');
             const a = document.querySelector('.studio-accept input'); if (a && !a.checked) a.click();
             document.querySelector('.studio-form button').click(); return true",
            vec![],
        )
        .await
        .expect("release");
    support::wait_for_js_within(
        client,
        "const p = document.querySelector('.studio-release-said'); const t = p.textContent;
         if (!t.trim()) return null;
         const n = (t.match(/([0-9]+) 个文件，其中 ([0-9]+) 个页面/) || []);
         return { ms: Number(p.dataset.millis), files: Number(n[1] || 0), pages: Number(n[2] || 0), said: t.slice(0, 80) };",
        "the release",
        std::time::Duration::from_secs(300),
    )
    .await
}
