//! A folder on this computer: opened as the site serves it, refused naming what is wrong; untranslated texts.

use super::*;

#[test]
fn a_folder_on_this_computer_opens_as_the_site_serves_it_and_releases_as_the_tool_does() {
    let site = built_site("folder");
    let (served, own) = fetched(&site);
    let chosen = as_chosen(&site, "网站");
    let paths: Vec<String> = chosen.iter().map(|(p, _)| p.clone()).collect();
    let picked = kunshan_studio::open::folder_entries(&paths);
    let names: Vec<&str> = picked.iter().map(|(_, n)| n.as_str()).collect();
    // The data, the index and the frozen releases; never a page.
    assert!(names.contains(&"data/plan.json") && names.contains(&"data/releases/index.json"));
    assert!(names.contains(&"data/releases/2026.06.0-sample/progress.json"), "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("data/")), "{names:?}");
    assert!(chosen.len() > names.len() + 200, "the pages are left: {} files", chosen.len());

    let opened = open_folder(&chosen, "网站").expect("the site's folder opens");
    assert_eq!(opened.plan, served.plan);
    assert_eq!(opened.progress, served.progress);
    assert_eq!(opened.versions, served.versions);
    // Its data folder, or a folder above the site, give the same release.
    for (dir, name) in [(site.join("data"), "data"), (site.clone(), "桌面/网站")] {
        let again = open_folder(&as_chosen(&dir, name), name).expect(name);
        assert_eq!(again.progress, served.progress, "{name}");
        assert_eq!(again.versions, served.versions, "{name}");
    }

    // A release from the folder is what the tool writes into that folder.
    let sheet = fixture("filled.xlsx");
    let draft = read_sheet(&opened, &opened.progress, "filled.xlsx", &sheet, Lang::Zh)
        .draft
        .expect("imported");
    let req = ReleaseRequest {
        version: "2026.12.0-folder",
        notes_zh: "示例",
        notes_en: "Sample",
        date: "2026-12-02",
    };
    let zipped = unzip(&release_zip(&opened, &draft, &req, &own, Lang::Zh).expect("released").zip);
    let after = the_tool_releases(&site, &sheet, &req);
    assert!(zipped.len() > 500, "{} files", zipped.len());
    for (path, ours) in &zipped {
        let theirs =
            after.get(path).unwrap_or_else(|| panic!("{path}: the tool wrote no such file"));
        assert!(ours == theirs, "{path} differs from what plan-data wrote");
    }
}

#[test]
fn a_folder_without_a_release_is_refused_naming_it() {
    let dir = std::env::temp_dir().join(format!("studio-not-a-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // A data folder half there (no progress.json), and sheets beside it.
    std::fs::create_dir_all(dir.join("data")).expect("mkdir");
    std::fs::write(dir.join("data/manifest.json"), "{}").expect("write");
    std::fs::write(dir.join("data/plan.json"), "{}").expect("write");
    std::fs::write(dir.join("表格.xlsx"), fixture("filled.xlsx")).expect("write");
    let chosen = as_chosen(&dir, "下载");
    let _ = std::fs::remove_dir_all(&dir);
    let paths: Vec<String> = chosen.iter().map(|(p, _)| p.clone()).collect();
    assert!(kunshan_studio::open::folder_entries(&paths).is_empty());
    let said = open_folder(&chosen, "下载").expect_err("no release in it");
    assert!(said.starts_with("下载：") && said.contains("progress.json"), "{said}");
    let said_en = Current::from_folder(Vec::new(), "Downloads", Lang::En).expect_err("empty");
    assert!(said_en.contains("Downloads") && said_en.contains("no site data"), "{said_en}");

    // Too much to read together: refused by its size, the session as it was.
    use kunshan_studio::protocol::{Request, Response};
    let mut session = session(None);
    let (answer, _) = session.handle(
        Request::OpenFolder {
            folder: "大文件夹".into(),
            names: vec!["data/plan.json".into()],
            size: 300 * 1024 * 1024,
        },
        Vec::new(),
    );
    let Response::OpenRefused(said, standing) = answer else { panic!("{answer:?}") };
    assert!(said.starts_with("大文件夹：") && said.contains("300"), "{said}");
    assert!(standing.current.contains("2026.09.0-sample"), "{}", standing.current);
}

#[test]
fn a_folder_with_a_broken_data_file_is_refused_naming_the_file_and_the_place() {
    let data = repo().join("public/data");
    // Every top-level file of the data folder, as a chosen folder gives them.
    let mut chosen: Vec<(String, Vec<u8>)> = std::fs::read_dir(&data)
        .expect("data")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (format!("data/{name}"), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    // A hand edit that lost a comma on line 3.
    let progress = chosen.iter_mut().find(|(n, _)| n == "data/progress.json").expect("progress");
    progress.1 = b"{\n  \"schema_version\": 1\n  \"release\": {}\n}\n".to_vec();
    let said = open_folder(&chosen, "data").expect_err("broken progress.json");
    assert!(said.starts_with("data：") && said.contains("progress.json"), "{said}");
    assert!(said.contains("第 3 行"), "the line is named: {said}");
}

#[test]
fn the_studio_says_how_many_update_texts_the_english_pages_show_in_chinese() {
    use kunshan_studio::{
        protocol::{Request, Response},
        session::untranslated,
    };
    let mut session = session(None);
    let bytes = fixture("updates.xlsx");
    let (answer, _) = session.handle(
        Request::Read { file: "updates.xlsx".into(), size: bytes.len() as u64 },
        vec![bytes],
    );
    let Response::Read(outcome, standing) = answer else { panic!("{answer:?}") };
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    // The bundled release has every text in English; the sheet leaves some out.
    assert_eq!(untranslated(&current().progress), 0);
    let current = current();
    let draft =
        read_sheet(&current, &current.progress, "updates.xlsx", &fixture("updates.xlsx"), Lang::En)
            .draft
            .expect("imported");
    let by_hand: usize = draft
        .updates
        .iter()
        .flat_map(|u| {
            [Some(&u.progress), u.problems.as_ref(), u.next_steps.as_ref()]
                .into_iter()
                .flatten()
                .chain(u.evidence.iter().map(|e| &e.title))
        })
        .filter(|t| !t.zh.trim().is_empty() && t.en.trim().is_empty())
        .count();
    assert!(by_hand > 0, "the fixture leaves some English out");
    assert_eq!(standing.untranslated, by_hand);
}
