//! The publishing studio (`<lang>/publish/`) in a real browser, as a staff
//! member uses it: download the template, fill it with a third-party writer
//! (openpyxl) with one typo, import it, read the finding that names its row
//! and column with the cell marked, fix it, import again, see what changed,
//! make the release, and find in the ZIP byte for byte what `plan-data`
//! writes for the same sheet, every hash checking out. Also: hostile files
//! leave the draft as it was, markup stays text, and the page loads the
//! studio's wasm and not the portal's (nor does any other page load the
//! studio's).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use fantoccini::{Client, Locator};

use crate::embed::downloaded;
use plan_model::Lang;
use plan_model::release::Manifest;
use portal_harness::files_under;
use portal_harness::{
    Driver, StaticServer, cdp, console_errors, dist_dir, tempdir, wait_for_js, wait_for_js_within,
};
use serde_json::json;

mod flow;
mod guards;

const VERSION: &str = "2026.12.0-e2e";
const DATE: &str = "2026-12-01";
const NOTES_ZH: &str = "示例：年底预计数";
const NOTES_EN: &str = "Sample: year-end estimates";

fn fill(template: &Path, out: &Path, typo: bool) -> usize {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fill_template.py");
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(script).arg(template).arg(out);
    if typo {
        cmd.arg("typo");
    }
    let run = cmd.output().expect("python3");
    assert!(run.status.success(), "openpyxl: {}", String::from_utf8_lossy(&run.stderr));
    String::from_utf8_lossy(&run.stdout).trim().parse().expect("the typo's row")
}

/// Chooses a file in the studio's file input, as the file dialog would.
async fn choose(client: &Client, file: &Path) {
    let input = client.find(Locator::Css("#studio-file")).await.expect("the file input");
    input.send_keys(file.to_str().expect("utf-8 path")).await.expect("choose the file");
}

/// The outcome of reading `file`, once the studio shows it with `verdict`.
async fn outcome(client: &Client, verdict: &str, file: &str) -> String {
    let script = format!(
        "const o = document.querySelector('.studio-outcome[data-verdict=\"{verdict}\"]'); return o && o.innerText.includes({file:?}) && o.innerText"
    );
    let found = wait_for_js(client, &script, &format!("{file}: {verdict}")).await;
    found.as_str().unwrap_or_default().to_owned()
}

async fn set_field(client: &Client, css: &str, text: &str) {
    let field = client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"));
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    // A stored ZIP (plan_files::zip): local headers, then the central directory.
    let mut files = BTreeMap::new();
    let mut at = 0;
    while bytes.len() >= at + 30 && bytes[at..at + 4] == [0x50, 0x4b, 0x03, 0x04] {
        let u16_at = |i: usize| usize::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]));
        let u32_at =
            |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes")) as usize;
        let (size, name_len, extra) = (u32_at(at + 18), u16_at(at + 26), u16_at(at + 28));
        let name = String::from_utf8(bytes[at + 30..at + 30 + name_len].to_vec()).expect("name");
        let start = at + 30 + name_len + extra;
        files.insert(name, bytes[start..start + size].to_vec());
        at = start + size;
    }
    files
}

/// What `plan-data import` + `plan-data release` write for `sheet` into a
/// copy of the served site: the data folder, then (as `plan-data release`
/// does in a built site's data folder) every page rendered again. The files
/// it wrote anew or changed, and the whole site after.
fn what_the_tool_writes(
    dist: &Path,
    sheet: &Path,
) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, Vec<u8>>) {
    let site = tempdir("studio-cli");
    portal_harness::copy_dir(dist, &site);
    let mut before = BTreeMap::new();
    files_under(&site, "", &mut before);
    let data = site.join("data");
    plan_cli::sheet::import_file(&data, sheet, None, Lang::Zh).expect("plan-data import");
    let req = plan_publish::release::ReleaseRequest {
        version: VERSION,
        notes_zh: NOTES_ZH,
        notes_en: NOTES_EN,
        date: DATE,
    };
    // `plan-data release`'s pages step (crates/plan-cli/src/main.rs), in the
    // staged copy it switches in.
    let pages = |staged: &Path, _: &Path| {
        portal_site::publish::publish(staged, None)
            .map(|report| report.pages.to_string())
            .map_err(|e| e.message(Lang::Zh))
    };
    plan_cli::release::release(&data, &req, Lang::Zh, Some(&pages)).expect("plan-data release");
    let mut after = BTreeMap::new();
    files_under(&site, "", &mut after);
    let _ = std::fs::remove_dir_all(&site);
    let written = after.iter().filter(|(p, b)| before.get(*p) != Some(*b));
    (written.map(|(p, b)| (p.clone(), b.clone())).collect(), after)
}
