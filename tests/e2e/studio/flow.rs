//! A staff member imports a workbook, fixes a typo and takes away the release.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_member_imports_a_workbook_fixes_a_typo_and_takes_away_the_release() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 1000).await;
    let downloads = tempdir("studio-downloads");
    // Not `portal_harness::open`: the portal's app never runs on this page.
    client.goto(&format!("{}zh/publish/", server.url)).await.expect("open");
    cdp(
        &client,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.to_str().expect("utf-8") }),
    )
    .await;
    wait_for_js(
        &client,
        "const i = document.querySelector('#studio-file'); return i && !i.disabled",
        "the studio, with the current release read",
    )
    .await;
    let start = client
        .find(Locator::Css(".studio section"))
        .await
        .expect("step 1")
        .text()
        .await
        .expect("text");
    assert!(start.contains("2026.09.0-sample"), "step 1 names the current release: {start}");

    // The page runs the studio's wasm, not the portal's app.
    let loaded = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).join(' ')",
            vec![],
        )
        .await
        .expect("resources");
    let loaded = loaded.as_str().unwrap_or_default();
    assert!(loaded.contains("studio/studio-"), "the studio's wasm loads: {loaded}");
    // Its session runs in a worker, made from the session's code checked
    // against its integrity (a blob), not on the page.
    assert!(loaded.contains("studio/session-"), "the session's code loads: {loaded}");
    let on_page = client
        .execute(
            "const t = document.body.textContent; return t.includes('background work') || t.includes('模块 Worker')",
            vec![],
        )
        .await
        .expect("text");
    assert_eq!(on_page, serde_json::json!(false), "no 'no worker' notice");
    assert!(!loaded.contains("kunshan-portal"), "the portal's app does not load here: {loaded}");

    // 1. The template, as the page offers it.
    client
        .find(Locator::Css("a[href$='progress-template.xlsx']"))
        .await
        .expect("the template link")
        .click()
        .await
        .expect("click");
    let template = downloaded(&downloads, "progress-template.xlsx").await;
    assert!(template.starts_with(b"PK\x03\x04"), "the template is a workbook");
    let work = tempdir("studio-sheets");
    let template_path = work.join("template.xlsx");
    std::fs::write(&template_path, &template).expect("write");
    // From here on the network is gone: the studio works on what it loaded.
    cdp(&client, "Network.enable", json!({})).await;
    cdp(
        &client,
        "Network.emulateNetworkConditions",
        json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;

    // 2. Filled with one typo: refused, the row and column named, the cell marked.
    let with_typo = work.join("进展-有错.xlsx");
    let row = fill(&template_path, &with_typo, true);
    choose(&client, &with_typo).await;
    let said = outcome(&client, "bad-cells", "进展-有错.xlsx").await;
    assert!(said.contains(&format!("第 {row} 行")), "the row is named: {said}");
    assert!(said.contains("“数值”列"), "the column is named: {said}");
    assert!(said.contains("1O"), "the bad value is quoted: {said}");
    let marked = client
        .execute(
            "return [...document.querySelectorAll('.studio-grid tbody tr')].filter(r => r.querySelector('.cell-bad')).map(r => r.querySelector('th').textContent)",
            vec![],
        )
        .await
        .expect("marked rows");
    assert_eq!(marked, json!([row.to_string()]), "the grid marks the one bad cell's row");
    client
        .execute("document.querySelector('.studio-outcome').scrollIntoView()", vec![])
        .await
        .expect("scroll");
    portal_harness::save_screenshot(&client, "studio-typo-zh.png").await;
    let draft = client.find(Locator::Css(".studio-draft")).await.expect("draft").text().await;
    assert!(draft.expect("text").contains("尚未导入"), "nothing was imported");

    // 3. Fixed: imported into the draft, and what changed is listed.
    let fixed = work.join("进展.xlsx");
    fill(&template_path, &fixed, false);
    choose(&client, &fixed).await;
    let said = outcome(&client, "imported", "进展.xlsx").await;
    assert!(said.contains("新增 3"), "three new figures: {said}");
    let changes = wait_for_js(
        &client,
        "const l = document.querySelectorAll('.studio-changes li'); return l.length && [...l].map(e => e.textContent)",
        "what changed",
    )
    .await;
    let changes: Vec<String> = serde_json::from_value(changes).expect("lines");
    assert_eq!(changes.len(), 3, "{changes:?}");
    // The status preview: what the site will say once this is published.
    let preview = client
        .find(Locator::Css(".studio-preview"))
        .await
        .expect("the preview")
        .text()
        .await
        .expect("text");
    assert!(preview.contains("原 "), "counts beside the current release's: {preview}");
    client
        .execute("document.querySelector('#studio-changes').scrollIntoView()", vec![])
        .await
        .expect("scroll");
    portal_harness::save_screenshot(&client, "studio-changes-zh.png").await;
    assert!(changes.iter().any(|c| c.contains("1234")), "{changes:?}");

    // The page preview: the site's own pages, rendered with the draft in the
    // worker, in a frame that runs no script. Its stylesheet is the site's,
    // which this test's server forbids caching (`no-store`; a host caches
    // the hashed file): the network is back for this step alone.
    let online = |offline: bool| json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 });
    cdp(&client, "Network.emulateNetworkConditions", online(false)).await;
    let show = "document.querySelector('.studio-preview-show').click()";
    client.execute(show, vec![]).await.expect("preview");
    let frame_text = "const f = document.querySelector('.studio-preview-frame'); \
        const d = f && f.contentDocument; \
        return d && d.body && f.dataset.file === arguments[0] && d.body.textContent";
    let overview = wait_for_js_within(
        &client,
        &frame_text.replace("arguments[0]", "'zh/index.html'"),
        "the overview previewed",
        std::time::Duration::from_secs(30),
    )
    .await;
    assert!(overview.as_str().unwrap_or_default().contains("preview"), "marked: the version");
    let page = "zh/indicator/ai-enterprises/index.html";
    client
        .execute(
            "const s = document.querySelector('#studio-preview-page'); s.value = arguments[0]; \
             s.dispatchEvent(new Event('change')); document.querySelector('.studio-preview-show').click()",
            vec![json!(page)],
        )
        .await
        .expect("choose a page");
    let shown = wait_for_js_within(
        &client,
        &frame_text.replace("arguments[0]", &format!("'{page}'")),
        "the indicator previewed",
        std::time::Duration::from_secs(30),
    )
    .await;
    let shown = shown.as_str().unwrap_or_default().replace(',', "");
    assert!(shown.contains("1234"), "the draft's figure is on the page");
    // Polled: the frame's stylesheet may still be loading.
    let frame = wait_for_js(
        &client,
        "const f = document.querySelector('.studio-preview-frame'); const d = f.contentDocument; \
         const hidden = d.querySelector('.visually-hidden'); \
         const styled = !!hidden && getComputedStyle(hidden).position === 'absolute'; \
         return styled && { sandbox: f.getAttribute('sandbox'), styled, \
           ran: f.contentWindow.echarts !== undefined || \
             d.querySelectorAll('.chart svg, .chart canvas').length > 0, \
           tables: d.querySelectorAll('table').length }",
        "the preview styled by the site's stylesheet",
    )
    .await;
    assert_eq!(frame["sandbox"], "allow-same-origin", "no script may run: {frame}");
    assert_eq!(frame["styled"], true, "the site's stylesheet applies: {frame}");
    assert_eq!(frame["ran"], false, "no script ran, no chart was drawn: {frame}");
    assert!(frame["tables"].as_u64().unwrap_or_default() > 0, "the tables are there: {frame}");
    client
        .execute("document.querySelector('.studio-page-preview').scrollIntoView()", vec![])
        .await
        .expect("scroll");
    portal_harness::save_screenshot(&client, "studio-page-preview-zh.png").await;
    // The other language's pages too, grouped apart, the frame named for it.
    let english = "en/indicator/ai-enterprises/index.html";
    let groups = client
        .execute(
            "return [...document.querySelectorAll('#studio-preview-page optgroup')]                .map(g => g.label + ':' + g.querySelectorAll('option').length)",
            vec![],
        )
        .await
        .expect("the groups");
    assert!(
        groups.to_string().contains("中文页面") && groups.to_string().contains("英文页面"),
        "{groups}"
    );
    client
        .execute(
            "const s = document.querySelector('#studio-preview-page'); s.value = arguments[0]; \
             s.dispatchEvent(new Event('change')); document.querySelector('.studio-preview-show').click()",
            vec![json!(english)],
        )
        .await
        .expect("choose the English page");
    let english_page = wait_for_js_within(
        &client,
        &format!(
            "const f = document.querySelector('.studio-preview-frame[data-file=\"{english}\"]'); \
             const d = f && f.contentDocument; \
             return d && d.documentElement && d.documentElement.lang.startsWith('en') && d.body && d.body.innerText.replace(/,/g, '').includes('1234') && \
               {{ title: f.title, text: d.body.innerText }}"
        ),
        "the English indicator previewed",
        std::time::Duration::from_secs(30),
    )
    .await;
    assert!(
        english_page["title"].as_str().unwrap_or_default().contains("英文页面"),
        "{english_page}"
    );
    assert!(
        english_page["text"].as_str().unwrap_or_default().contains("preview"),
        "{english_page}"
    );
    cdp(&client, "Network.emulateNetworkConditions", online(true)).await;

    // 4. The release: a version already used is refused, a new one made.
    set_field(&client, "#studio-version", "2026.09.0-sample").await;
    set_field(&client, "#studio-date", DATE).await;
    set_field(&client, "#studio-notes-zh", NOTES_ZH).await;
    set_field(&client, "#studio-notes-en", NOTES_EN).await;
    client
        .find(Locator::Css(".studio-form button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("click");
    let refused = wait_for_js(
        &client,
        "const e = document.querySelector('.studio-release-said .studio-error'); return e && e.textContent",
        "the refusal",
    )
    .await;
    assert!(refused.as_str().unwrap_or_default().contains("已发布"), "{refused}");
    set_field(&client, "#studio-version", VERSION).await;
    client
        .find(Locator::Css(".studio-form button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("click");
    // The worker renders every page of the release before the ZIP is saved.
    let said = wait_for_js_within(
        &client,
        "const t = document.querySelector('.studio-release-said').textContent; return !t.includes('已发布') && t.trim() && t",
        "the release made",
        std::time::Duration::from_secs(90),
    )
    .await;
    let said = said.as_str().unwrap_or_default().to_owned();
    assert!(said.starts_with('✔'), "{said}");
    let zip = downloaded(&downloads, &format!("release-{VERSION}.zip")).await;
    let zipped = unzip(&zip);

    // Byte for byte what the staff tool writes for the same sheet: every
    // file it wrote anew or changed (the data and the pages) is in the ZIP,
    // and every file in the ZIP is the tool's.
    let (written, after) = what_the_tool_writes(&dist, &fixed);
    assert!(written.len() > 200, "the data and the pages: {} files", written.len());
    // The link-preview pictures, drawn by the studio's wasm in the browser,
    // are among them: the same pixels as the tool draws natively.
    let pictures = written.keys().filter(|p| p.ends_with("preview.png")).count();
    assert!(pictures > 100, "{pictures} pictures drawn anew");
    for (path, bytes) in &written {
        let ours = zipped.get(path).unwrap_or_else(|| panic!("{path} is missing from the ZIP"));
        assert!(ours == bytes, "{path} differs from what plan-data wrote");
    }
    for (path, ours) in &zipped {
        let theirs =
            after.get(path).unwrap_or_else(|| panic!("{path}: plan-data wrote no such file"));
        assert!(ours == theirs, "{path} differs from what plan-data wrote");
    }
    let overview = String::from_utf8_lossy(&zipped["zh/index.html"]);
    assert!(overview.contains(VERSION), "the overview names the new release");
    // Every hash checks out, by the manifest and by `sha256sum -c`.
    let manifest: Manifest = serde_json::from_slice(&zipped["data/manifest.json"]).expect("json");
    assert_eq!(manifest.version, VERSION);
    for f in &manifest.files {
        let bytes = &zipped[&format!("data/{}", f.path)];
        assert_eq!(plan_publish::release::sha256_hex(bytes), f.sha256, "{}", f.path);
    }
    let frozen = tempdir("studio-frozen");
    let prefix = format!("data/releases/{VERSION}/");
    for (path, bytes) in zipped.iter().filter(|(p, _)| p.starts_with(&prefix)) {
        // The release's tables are in a folder of their own (`csv/`).
        let file = frozen.join(&path[prefix.len()..]);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("folder");
        std::fs::write(file, bytes).expect("write");
    }
    let check = std::process::Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&frozen)
        .output()
        .expect("sha256sum");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let done = client
        .find(Locator::Css(".studio-release-said"))
        .await
        .expect("said")
        .text()
        .await
        .expect("text");
    assert!(done.contains(&format!("release-{VERSION}.zip")), "{done}");
    client
        .execute(
            "document.querySelector('.studio-release-said').scrollIntoView({block: 'end'})",
            vec![],
        )
        .await
        .expect("scroll");
    portal_harness::save_screenshot(&client, "studio-released-zh.png").await;

    client
        .execute(&format!("window.__version = '{VERSION}'; return true"), vec![])
        .await
        .expect("the version");
    // 4b. The same release written straight into a folder. The folder picker
    // is a dialog a test cannot answer: it hands over a folder of the
    // browser's own private file system instead (the same kind of handle).
    client
        .execute(
            "window.__manifest = arguments[0]; window.__pick = 'not-a-site';
             window.showDirectoryPicker = async () => {
               const root = await navigator.storage.getDirectory();
               const dir = await root.getDirectoryHandle(window.__pick, { create: true });
               if (window.__pick !== 'not-a-site') {
                 // A site's folder serving the release the draft started from
                 // (the site's own manifest), or a newer one.
                 let manifest = window.__manifest;
                 if (window.__pick === 'newer') {
                   const m = JSON.parse(manifest); m.version = '2027.01.0'; manifest = JSON.stringify(m);
                 }
                 const data = await dir.getDirectoryHandle('data', { create: true });
                 const w = await (await data.getFileHandle('manifest.json', { create: true })).createWritable();
                 await w.write(manifest); await w.close();
                 // A frozen copy a stopped write left half done (no SHA256SUMS yet).
                 const releases = await data.getDirectoryHandle('releases', { create: true });
                 const half = await releases.getDirectoryHandle(window.__version, { create: true });
                 const h = await (await half.getFileHandle('plan.json', { create: true })).createWritable();
                 await h.write('half'); await h.close();
               }
               return dir;
             };
             document.querySelector('.studio-write-folder').click(); return true",
            vec![json!(
                std::fs::read_to_string(dist_dir().join("data/manifest.json")).expect("manifest")
            )],
        )
        .await
        .expect("write into a folder");
    let folder_said = "const p = document.querySelector('.studio-folder-said'); \
        const t = p ? p.textContent.trim() : ''; return t.length > 0 ? t : null";
    let refused = wait_for_js(&client, folder_said, "a folder that is not a site's").await;
    assert!(refused.as_str().unwrap_or_default().contains("不是网站文件夹"), "{refused}");
    // A folder that already serves a newer release is never written backwards.
    client
        .execute(
            "window.__pick = 'newer'; document.querySelector('.studio-write-folder').click(); return true",
            vec![],
        )
        .await
        .expect("write into a newer site");
    let newer = wait_for_js(
        &client,
        "const p = document.querySelector('.studio-folder-said'); \
         return p && p.textContent.includes('2027.01.0') && p.textContent",
        "a folder with a newer release",
    )
    .await;
    let newer = newer.as_str().unwrap_or_default();
    assert!(newer.contains("2027.01.0") && newer.contains("2026.09.0-sample"), "{newer}");
    assert!(newer.contains("未写入"), "{newer}");
    client
        .execute(
            "window.__pick = 'site'; document.querySelector('.studio-write-folder').click(); return true",
            vec![],
        )
        .await
        .expect("write again");
    let wrote = wait_for_js_within(
        &client,
        "const p = document.querySelector('.studio-folder-said'); \
         return p && p.textContent.includes('✔') && p.textContent",
        "the release written into the folder",
        std::time::Duration::from_secs(60),
    )
    .await;
    assert!(wrote.as_str().unwrap_or_default().contains(&zipped.len().to_string()), "{wrote}");
    let in_folder = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const hex = (b) => [...new Uint8Array(b)].map(x => x.toString(16).padStart(2, '0')).join('');
               const out = {};
               const walk = async (dir, prefix) => {
                 for await (const [name, handle] of dir.entries()) {
                   if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
                   else out[prefix + name] = hex(await crypto.subtle.digest('SHA-256',
                     await (await handle.getFile()).arrayBuffer()));
                 }
               };
               await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('site'), '');
               return out;
             })().then(done, (e) => done(String(e)));",
            vec![],
        )
        .await
        .expect("read the folder back");
    let in_folder: BTreeMap<String, String> =
        serde_json::from_value(in_folder.clone()).unwrap_or_else(|_| panic!("{in_folder}"));
    let in_zip: BTreeMap<String, String> = zipped
        .iter()
        .map(|(path, bytes)| (path.clone(), plan_publish::release::sha256_hex(bytes)))
        .collect();
    assert!(in_folder == in_zip, "the folder holds the ZIP's files, byte for byte");
    // Now that the version is whole in the folder, there is nothing to write.
    client
        .execute(
            "window.showDirectoryPicker = async () =>
               (await navigator.storage.getDirectory()).getDirectoryHandle('site');
             document.querySelector('.studio-write-folder').click(); return true",
            vec![],
        )
        .await
        .expect("write once more");
    let again = wait_for_js(
        &client,
        "const p = document.querySelector('.studio-folder-said'); \
         return p && p.textContent.includes('无需再写') && p.textContent",
        "the same version: nothing to write",
    )
    .await;
    assert!(again.as_str().unwrap_or_default().contains(VERSION), "{again}");

    // 5. The release just made can be opened again, to go on from it.
    let zip_path = downloads.join(format!("release-{VERSION}.zip"));
    let input = client.find(Locator::Css("#studio-zip")).await.expect("the ZIP input");
    input.send_keys(zip_path.to_str().expect("utf-8")).await.expect("choose the ZIP");
    let from_zip = wait_for_js(
        &client,
        "const c = document.querySelector('.studio-current'); return c && c.textContent.includes('.zip') && c.textContent",
        "the studio started from the ZIP",
    )
    .await;
    assert!(from_zip.as_str().unwrap_or_default().contains(VERSION), "{from_zip}");

    // 6. Or from a folder on this computer: the site's folder after the
    // upload (here the tool's copy of it). A folder without a site's data in
    // it is refused first, naming it, and the session goes on as it was.
    let not_a_site = tempdir("studio-not-a-site");
    std::fs::write(not_a_site.join("表格.xlsx"), b"PK").expect("write");
    let uploaded = tempdir("studio-uploaded-site");
    for (path, bytes) in &after {
        let to = uploaded.join(path);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
        std::fs::write(to, bytes).expect("write");
    }
    let folder_input = client.find(Locator::Css("#studio-folder")).await.expect("the folder input");
    folder_input.send_keys(not_a_site.to_str().expect("utf-8")).await.expect("choose a folder");
    let refused = wait_for_js(
        &client,
        "const p = document.querySelector('.studio-zip-said'); return p && p.textContent.includes('✗') && p.textContent",
        "a folder without a site's data refused",
    )
    .await;
    let refused = refused.as_str().unwrap_or_default().to_owned();
    let not_a_site_name = not_a_site.file_name().expect("name").to_string_lossy().into_owned();
    assert!(refused.contains(&not_a_site_name) && refused.contains("没有网站的数据"), "{refused}");
    folder_input.send_keys(uploaded.to_str().expect("utf-8")).await.expect("choose the site");
    let from_folder = wait_for_js(
        &client,
        "const c = document.querySelector('.studio-current'); return c && c.textContent.includes('来自文件夹') && c.textContent",
        "the studio started from the site's folder",
    )
    .await;
    assert!(from_folder.as_str().unwrap_or_default().contains(VERSION), "{from_folder}");
    let _ = std::fs::remove_dir_all(&not_a_site);
    let _ = std::fs::remove_dir_all(&uploaded);

    // 7. An updates sheet with some English left out: the studio says how
    // many texts the English pages will show in Chinese.
    let updates = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("crates/plan-cli/tests/fixtures/updates.xlsx");
    choose(&client, &updates).await;
    outcome(&client, "imported", "updates.xlsx").await;
    let untranslated = wait_for_js(
        &client,
        "const p = document.querySelector('.studio-untranslated'); return p && p.textContent",
        "the texts without English counted",
    )
    .await;
    let untranslated = untranslated.as_str().unwrap_or_default().to_owned();
    assert!(untranslated.contains("没有英文") && untranslated.contains("仅中文"), "{untranslated}");
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    let _ = std::fs::remove_dir_all(&downloads);
}
