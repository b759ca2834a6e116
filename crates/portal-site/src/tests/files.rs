//! The files a publish writes: precompressed copies, Chinese standing in for English, hostile dates and addresses.

use super::*;

#[test]
fn every_page_has_fresh_precompressed_copies_after_each_publish() {
    use std::io::Read;
    let dist = built_copy("packed");
    publish::publish(&dist, Some("https://example.org/")).expect("first");
    // A stale copy, as `make dist`'s precompression would leave from before.
    std::fs::write(dist.join("robots.txt.br"), b"stale").expect("write");
    let progress = dist.join("data/progress.json");
    let text = std::fs::read_to_string(&progress).expect("read");
    let mut data: serde_json::Value = serde_json::from_str(&text).expect("json");
    data["release"]["version"] = "2026.12.9-packed".into();
    std::fs::write(&progress, data.to_string()).expect("write");
    publish::publish(&dist, None).expect("again");
    for page in ["index.html", "zh/index.html", "en/data/index.html", "zh/feed.xml", "sitemap.xml"]
    {
        let raw = std::fs::read(dist.join(page)).expect("page");
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(
            &std::fs::read(dist.join(format!("{page}.br"))).expect("br")[..],
            4096,
        )
        .read_to_end(&mut unbrotli)
        .expect("brotli");
        let mut ungzip = Vec::new();
        flate2::read::GzDecoder::new(
            &std::fs::read(dist.join(format!("{page}.gz"))).expect("gz")[..],
        )
        .read_to_end(&mut ungzip)
        .expect("gzip");
        assert!(unbrotli == raw && ungzip == raw, "{page}: its copies are the page");
    }
    let overview = std::fs::read_to_string(dist.join("zh/index.html")).expect("page");
    assert!(overview.contains("2026.12.9-packed"), "the page says the new release");
    assert!(!dist.join("robots.txt.br").exists(), "no stale copy is left beside a page");
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn chinese_standing_in_for_missing_english_is_marked_chinese_and_said_to_be() {
    let bundled = site();
    let mut progress = (*bundled.progress).clone();
    let update = progress
        .updates
        .iter_mut()
        .find(|u| u.of == "zuchongzhi-programme" && u.as_of == "2026-09-30")
        .expect("an update");
    update.progress = plan_model::Bilingual { zh: "样机完成测试。".into(), en: " ".into() };
    update.evidence = vec![plan_model::progress::Evidence {
        title: plan_model::Bilingual { zh: "验收报告".into(), en: String::new() },
        url: "https://example.org/report".into(),
    }];
    let version = progress.release.version.clone();
    let latest = progress.release.changelog.iter_mut().find(|e| e.version == version);
    latest.expect("the release's own note").notes.en = String::new();
    let task = bundled.plan.tasks.iter().find(|t| t.number == 3).expect("task").id.clone();
    let site = Site::new(bundled.plan.clone(), Arc::new(progress), bundled.read_ahead, bundled.url);
    let page = |lang, route| site.render(&template(), &Page { lang, route }, false);

    let en = page(Lang::En, Route::Task(task.clone()));
    assert!(
        en.contains(
            "<span lang=\"zh-CN\">样机完成测试。</span> <span class=\"untranslated\">(in Chinese only)</span>"
        ),
        "the update: {:?}",
        between(&en, "样机", "</dd>")
    );
    let evidence = between(&en, "验收报告", "</li>").expect("the evidence");
    assert!(evidence.contains("(in Chinese only)"), "{evidence}");
    assert!(
        en.contains("<span lang=\"zh-CN\"><a href=\"https://example.org/report\""),
        "{evidence}"
    );
    let data = page(Lang::En, Route::Data);
    let line = format!("<strong>{version}</strong>");
    let notes = between(&data, &line, "</li>").expect("the release's line");
    assert!(notes.contains("lang=\"zh-CN\"") && notes.contains("(in Chinese only)"), "{notes}");
    // In Chinese nothing is marked; in English, text that has its English is not.
    let zh = page(Lang::Zh, Route::Task(task));
    assert!(zh.contains("样机完成测试。") && !zh.contains("仅中文"), "the Chinese page");
    assert_eq!(en.matches("(in Chinese only)").count(), 2, "only the two without English");
}

/// What the data or the command line gives is checked before it becomes XML
/// or a line of robots.txt: a date in the releases index that would break a
/// feed's `<updated>`, a site address with a line break, are refused with the
/// file or the address named, and nothing is written; characters XML forbids
/// never reach a feed.
#[test]
fn hostile_index_dates_and_addresses_write_nothing_and_are_named() {
    let dist = built_copy("hostile-index");
    let index = dist.join("data/releases/index.json");
    let text = std::fs::read_to_string(&index).expect("index");
    let mut releases: serde_json::Value = serde_json::from_str(&text).expect("json");
    releases[0]["published"] = serde_json::json!("2026-10-01</updated><x>");
    std::fs::write(&index, releases.to_string()).expect("write");
    let error = publish::publish(&dist, Some("https://example.org/")).expect_err("refused");
    let said = error.message(Lang::En);
    assert!(said.contains("releases/index.json") && said.contains("[0].published"), "{said}");
    assert!(!dist.join("zh/feed.xml").exists(), "nothing written");
    std::fs::write(&index, text).expect("restore");

    for url in ["https://example.org/\nDisallow: /", "https://example.org/\"><script>"] {
        let error = publish::publish(&dist, Some(url)).expect_err("refused");
        let said = error.message(Lang::Zh);
        assert!(said.contains("网站地址"), "{said}");
        assert!(!dist.join("robots.txt").exists(), "nothing written");
    }
    assert_eq!(portal_view::export::xml_escape("a\u{FFFE}b\u{1}c\u{FFFF}<"), "abc&lt;");
    let _ = std::fs::remove_dir_all(dist);
}
