//! What a ZIP's manifests vouch for, and names that are no plain file names.

use super::*;

/// A release ZIP is untrusted: a file no manifest lists rides along with
/// nothing (it is left out, and named); a frozen copy that differs from its
/// SHA256SUMS, or a data file that differs from the manifest, stops the
/// studio starting from it, naming the file.
#[test]
fn a_zip_is_carried_on_only_as_far_as_its_manifests_vouch_for_it() {
    let zip =
        |entries: &[(String, Vec<u8>)]| plan_files::zip::write(entries, "2026-12-07").expect("zip");
    let mut entries = bundled_release_entries();
    entries.push(("data/evil.html".into(), b"<script>alert(1)</script>".to_vec()));
    entries.push(("data/releases/2026.06.0-sample/extra.js".into(), b"x".to_vec()));
    let current = Current::from_zip(&zip(&entries), "release.zip", Lang::En).expect("opens");
    assert!(current.left_out.contains(&"data/evil.html".to_owned()), "{:?}", current.left_out);
    assert!(current.left_out.iter().any(|p| p.ends_with("extra.js")), "{:?}", current.left_out);
    assert!(!current.files.iter().any(|(n, _)| n == "evil.html"));
    assert!(
        !current.carried.iter().any(|(p, _)| p.ends_with("extra.js") || p.ends_with("evil.html"))
    );
    assert!(current.describe(Lang::En).contains("data/evil.html"), "the start line names it");

    let mut tampered = bundled_release_entries();
    let frozen = tampered
        .iter_mut()
        .find(|(p, _)| p == "data/releases/2026.06.0-sample/progress.json")
        .expect("a frozen file");
    frozen.1.extend_from_slice(b" ");
    let said = Current::from_zip(&zip(&tampered), "release.zip", Lang::En).expect_err("tampered");
    assert!(said.contains("data/releases/2026.06.0-sample/progress.json"), "{said}");

    let mut changed = bundled_release_entries();
    let plan = changed.iter_mut().find(|(p, _)| p == "data/plan.json").expect("plan");
    plan.1 =
        String::from_utf8(plan.1.clone()).expect("utf-8").replacen("2026", "2027", 1).into_bytes();
    let said = Current::from_zip(&zip(&changed), "release.zip", Lang::En).expect_err("changed");
    assert!(said.contains("data/plan.json") && said.contains("manifest"), "{said}");
}

/// Names from a site's manifest become paths and ZIP entries: one that is
/// not a plain file name stops the studio from starting, named.
#[test]
fn a_manifest_name_that_is_no_plain_file_name_is_refused() {
    let mut files = bundled_release_entries()
        .into_iter()
        .filter_map(|(p, b)| {
            p.strip_prefix("data/").filter(|n| !n.contains('/')).map(|n| (n.to_owned(), b))
        })
        .collect::<Vec<_>>();
    files.push(("../../index.html".into(), b"<p>".to_vec()));
    let said = Current::open(files, None, Lang::En).err().unwrap_or_default();
    assert!(said.contains("'../../index.html' cannot be used"), "{said}");
}
