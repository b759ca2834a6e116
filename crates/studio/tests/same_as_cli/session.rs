//! A session: its draft through refusals, a ZIP opened again, the status preview, warnings, the index.

use super::*;

#[test]
fn a_session_keeps_its_draft_through_refused_sheets_until_discarded() {
    use kunshan_studio::{
        protocol::{Request, Response},
        session::Session,
    };
    let data = repo().join("public/data");
    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(data.join("manifest.json")).expect("read"))
            .expect("manifest");
    let names: Vec<String> = manifest.files.iter().map(|f| f.path.clone()).collect();
    let hashes: Vec<String> = manifest.files.iter().map(|f| f.sha256.clone()).collect();
    let blobs: Vec<Vec<u8>> =
        names.iter().map(|n| std::fs::read(data.join(n)).expect("file")).collect();
    let index = std::fs::read_to_string(data.join("releases/index.json")).ok();
    let mut session = Session::default();
    // A file not as the manifest lists it is refused.
    let mut wrong = blobs.clone();
    wrong[0].push(b' ');
    let (refused, _) = session.handle(
        Request::Open {
            names: names.clone(),
            hashes: hashes.clone(),
            index: index.clone(),
            site: Vec::new(),
            lang: Lang::En,
        },
        wrong,
    );
    assert!(matches!(&refused, Response::Opened(Err(e)) if e.contains("manifest")), "{refused:?}");
    let (opened, _) = session
        .handle(Request::Open { names, hashes, index, site: Vec::new(), lang: Lang::En }, blobs);
    let Response::Opened(Ok(standing)) = opened else { panic!("opened: {opened:?}") };
    assert!(standing.current.contains("2026.09.0-sample"), "{}", standing.current);
    assert!(standing.changes.is_empty());

    let read = |session: &mut Session, file: &str| {
        let bytes = fixture(file);
        let size = bytes.len() as u64;
        let (response, _) =
            session.handle(Request::Read { file: file.to_owned(), size }, vec![bytes]);
        let Response::Read(outcome, standing) = response else { panic!("{response:?}") };
        (outcome.verdict, standing)
    };
    let (verdict, standing) = read(&mut session, "filled.xlsx");
    assert_eq!(verdict, Verdict::Imported);
    assert_eq!(standing.sheets, 1);
    assert!(!standing.changes.is_empty(), "the draft differs from the release");
    let changed = standing.changes.clone();
    for hostile in ["typos.xlsx", "zip-bomb.xlsx", "formula.xlsx"] {
        let (verdict, standing) = read(&mut session, hostile);
        assert_ne!(verdict, Verdict::Imported, "{hostile}");
        assert_eq!((standing.sheets, &standing.changes), (1, &changed), "{hostile}: draft kept");
    }
    let (released, zip) = session.handle(
        Request::Release {
            version: "2026.12.0-s".into(),
            date: "2026-12-01".into(),
            notes_zh: "示例".into(),
            notes_en: String::new(),
            accept_warnings: true,
        },
        Vec::new(),
    );
    assert!(matches!(released, Response::Released(Ok(_))), "{released:?}");
    assert!(zip.first().is_some_and(|z| z.starts_with(b"PK\x03\x04")), "a ZIP beside the reply");
    let (discarded, _) = session.handle(Request::Discard, Vec::new());
    let Response::Discarded(standing) = discarded else { panic!("{discarded:?}") };
    assert_eq!(standing.sheets, 0);
    assert!(standing.changes.is_empty());
}

#[test]
fn a_release_zip_not_yet_uploaded_can_be_opened_and_released_again() {
    let current = current();
    let outcome =
        read_sheet(&current, &current.progress, "filled.xlsx", &fixture("filled.xlsx"), Lang::Zh);
    let draft = outcome.draft.expect("imported");
    let first = ReleaseRequest {
        version: "2026.12.0",
        notes_zh: "示例：第一批",
        notes_en: "",
        date: "2026-12-01",
    };
    let zip =
        release_zip(&current, &draft, &first, &no_site(), Lang::Zh).expect("first release").zip;
    let reopened = Current::from_zip(&zip, "release-2026.12.0.zip", Lang::Zh).expect("opens");
    assert_eq!(reopened.progress.release.version, "2026.12.0");
    assert_eq!(reopened.versions.first().map(String::as_str), Some("2026.12.0"));
    // The same version again is refused; a next one carries both in its index.
    let again = release_zip(&reopened, &reopened.progress, &first, &no_site(), Lang::Zh);
    assert!(again.is_err(), "a version in the ZIP's index is taken");
    let outcome = read_sheet(
        &reopened,
        &reopened.progress,
        "updates.xlsx",
        &fixture("updates.xlsx"),
        Lang::Zh,
    );
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    let second = ReleaseRequest { version: "2026.12.1", notes_zh: "示例：第二批", ..first };
    let zip = release_zip(
        &reopened,
        outcome.draft.as_ref().expect("draft"),
        &second,
        &no_site(),
        Lang::Zh,
    )
    .expect("second release")
    .zip;
    let files = unzip(&zip);
    let index: Vec<plan_model::release::ReleaseSummary> =
        serde_json::from_slice(&files["data/releases/index.json"]).expect("index");
    let versions: Vec<&str> = index.iter().map(|r| r.version.as_str()).collect();
    assert_eq!(&versions[..3], ["2026.12.1", "2026.12.0", "2026.09.0-sample"]);

    for (name, words) in [("zip-bomb.xlsx", "解压后"), ("filled.xlsx", "不是发布包")] {
        let said = Current::from_zip(&fixture(name), name, Lang::Zh).expect_err(name);
        assert!(said.contains(name) && said.contains(words), "{name}: {said}");
    }
    let said = Current::from_zip(b"not a zip", "x.zip", Lang::Zh).expect_err("not a zip");
    assert!(said.contains("不是发布包"), "{said}");
}

#[test]
fn the_status_preview_says_what_the_site_will_show_after_the_release() {
    use kunshan_studio::protocol::{Request, Response};
    use plan_model::status::{Scorecard, Status};
    let mut session = session(None);
    let (opened, _) = session.handle(Request::Discard, Vec::new());
    let Response::Discarded(standing) = opened else { panic!("{opened:?}") };
    let plan = current().plan;
    let total: usize = standing.status_counts.iter().map(|c| c.1).sum();
    assert_eq!(total, plan.indicators.len(), "every indicator counted once");
    assert!(standing.status_counts.iter().all(|(_, after, before)| after == before));
    assert!(standing.status_changes.is_empty());

    // A year-end figure at twice the target of an indicator not yet achieved.
    let card = Scorecard::compute(&plan, &current().progress);
    let ind = plan
        .indicators
        .iter()
        .find(|i| {
            i.target.level().is_some_and(|l| l > 0.0)
                && card.city.get(&i.id).is_some_and(|a| a.status != Status::Achieved)
        })
        .expect("an indicator not yet achieved");
    let level = ind.target.level().expect("level");
    let sheet = format!("指标编号,区镇编号,日期,数值\n{},,2026-12-31,{}\n", ind.id, level * 2.0);
    let size = sheet.len() as u64;
    let (read, _) =
        session.handle(Request::Read { file: "one.csv".into(), size }, vec![sheet.into_bytes()]);
    let Response::Read(outcome, standing) = read else { panic!("{read:?}") };
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    let line = standing
        .status_changes
        .iter()
        .find(|l| l.starts_with(ind.name.en.as_str()))
        .unwrap_or_else(|| panic!("{} changes: {:?}", ind.id, standing.status_changes));
    assert!(line.contains("→ ✔ Achieved") || line.contains("Achieved ("), "{line}");
    let achieved = &standing.status_counts[0];
    assert_eq!(achieved.1, achieved.2 + 1, "one more achieved: {achieved:?}");
}

#[test]
fn warnings_must_be_accepted_and_a_published_version_is_taken_even_without_an_index() {
    use kunshan_studio::protocol::{Request, Response};
    // A running total that falls: imported, with a warning.
    let current = current();
    let ind = current
        .plan
        .indicators
        .iter()
        .find(|i| {
            i.cumulative
                && current
                    .progress
                    .observations
                    .iter()
                    .any(|o| o.indicator == i.id && o.district.is_none() && o.value > 10.0)
        })
        .expect("a cumulative indicator with a citywide figure");
    let sheet = format!("指标编号,区镇编号,日期,数值\n{},,2026-12-31,1\n", ind.id);
    let mut s = session(None);
    let size = sheet.len() as u64;
    let (read, _) =
        s.handle(Request::Read { file: "fall.csv".into(), size }, vec![sheet.into_bytes()]);
    let Response::Read(outcome, standing) = read else { panic!("{read:?}") };
    assert_eq!(outcome.verdict, Verdict::Imported, "{}", outcome.summary);
    assert!(standing.warnings > 0, "a falling total is a warning: {:?}", outcome.lines);
    let (refused, zip) = s.handle(release_request("2026.12.0", false), Vec::new());
    assert!(
        matches!(&refused, Response::Released(Err(e)) if e.contains("warnings")),
        "{refused:?}"
    );
    assert!(zip.is_empty());
    let (made, _) = s.handle(release_request("2026.12.0", true), Vec::new());
    assert!(matches!(made, Response::Released(Ok(_))), "{made:?}");

    // With no index, the release's own version and its changelog's are still taken.
    let mut s = session(None);
    for taken in ["2026.09.0-sample", "2026.06.0-sample"] {
        let (refused, _) = s.handle(release_request(taken, true), Vec::new());
        assert!(matches!(&refused, Response::Released(Err(e)) if e.contains(taken)), "{refused:?}");
    }
    // A size over the limit is refused without any bytes read.
    let (read, _) =
        s.handle(Request::Read { file: "huge.xlsx".into(), size: 80 << 20 }, Vec::new());
    let Response::Read(outcome, _) = read else { panic!("{read:?}") };
    assert_eq!(outcome.verdict, Verdict::Refused);
    assert!(outcome.summary.contains("80 MB"), "the real size: {}", outcome.summary);
}

#[test]
fn an_index_that_cannot_be_read_stops_the_studio_rather_than_losing_the_history() {
    let data = repo().join("public/data");
    let files = vec![
        ("plan.json".to_owned(), std::fs::read(data.join("plan.json")).expect("plan")),
        ("progress.json".to_owned(), std::fs::read(data.join("progress.json")).expect("progress")),
    ];
    let said = Current::open(files, Some("[{\"version\": ".to_owned()), Lang::En)
        .expect_err("a broken index");
    assert!(said.contains("releases/index.json"), "{said}");
}

#[test]
fn a_release_made_from_a_zip_carries_the_zips_frozen_release_along() {
    let current = current();
    let first =
        ReleaseRequest { version: "2026.12.0", notes_zh: "一", notes_en: "", date: "2026-12-01" };
    let zip =
        release_zip(&current, &current.progress, &first, &no_site(), Lang::Zh).expect("first").zip;
    let reopened = Current::from_zip(&zip, "first.zip", Lang::Zh).expect("opens");
    let second = ReleaseRequest { version: "2026.12.1", notes_zh: "二", ..first };
    let zip = release_zip(&reopened, &reopened.progress, &second, &no_site(), Lang::Zh)
        .expect("second")
        .zip;
    let files = unzip(&zip);
    for name in ["progress.json", "manifest.json", "SHA256SUMS"] {
        assert!(files.contains_key(&format!("data/releases/2026.12.0/{name}")), "{name} carried");
        assert!(files.contains_key(&format!("data/releases/2026.12.1/{name}")), "{name} new");
    }
}
