//! A release into a built site renders its pages again, or publishes nothing.

use super::*;

/// Staff publish into the site's own data folder: the pages say the new
/// release at once, with no developer tools.
#[test]
fn a_release_into_a_built_sites_data_folder_renders_its_pages_again() {
    let site = built_site("pages", true);
    let out = release_into(&site);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("rendered the site's pages again"), "{said}");
    let root_page = std::fs::read_to_string(site.join("index.html")).expect("index.html");
    assert!(root_page.contains(r#"<meta name="portal-release" content="2026.12.0-test">"#));
    assert!(root_page.contains(r#"<link rel="canonical" href="https://example.org/plan/zh/">"#));
    let indicator =
        std::fs::read_to_string(site.join("en/indicator/ai-invention-patents/index.html"))
            .expect("an indicator's page");
    assert!(indicator.contains("2026.12.0-test"), "the release bar names the new release");
    assert!(site.join("sitemap.xml").is_file() && site.join("404.html").is_file());
    let _ = std::fs::remove_dir_all(site);
}

/// Without the site's address the pages cannot be rendered: a release is all
/// or nothing, so nothing is published, and the staff member is told plainly
/// why, with the file named where it is.
#[test]
fn a_release_whose_pages_cannot_be_rendered_publishes_nothing_and_says_so() {
    let site = built_site("no-address", false);
    let before = std::fs::read(site.join("data/progress.json")).expect("progress.json");
    let out = release_into(&site);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("nothing was published"), "{said}");
    assert!(said.contains("still serves the previous release"), "{said}");
    let named = site.join("site.json").display().to_string();
    assert!(said.contains(&named), "names the file where it is: {said}");
    assert!(!site.join("zh").exists(), "no page was written");
    assert!(!site.join("data/releases/2026.12.0-test").exists(), "no release was written");
    assert_eq!(std::fs::read(site.join("data/progress.json")).expect("read"), before);
    let name = site.file_name().expect("name").to_string_lossy().into_owned();
    let leftovers: Vec<_> = std::fs::read_dir(site.parent().expect("parent"))
        .expect("read")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&format!(".{name}.")))
        .collect();
    assert!(leftovers.is_empty(), "no staged copy left");
    let _ = std::fs::remove_dir_all(site);
}
