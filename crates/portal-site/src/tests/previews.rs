//! Each page's link-preview picture: drawn for every listed page in its
//! language, 1200×630, with the sample band, and named in the page's head.

use super::*;

/// A built copy with the site's font, as `make dist` copies it.
fn with_font(name: &str) -> std::path::PathBuf {
    let dist = built_copy(name);
    let font = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../public")
        .join(crate::preview::FONT_FILE);
    std::fs::create_dir_all(dist.join("fonts")).expect("fonts");
    std::fs::copy(font, dist.join(crate::preview::FONT_FILE)).expect("the font");
    dist
}

fn pixel(png: &resvg::tiny_skia::Pixmap, x: u32, y: u32) -> (u8, u8, u8) {
    let p = png.pixel(x, y).expect("in the picture").demultiply();
    (p.red(), p.green(), p.blue())
}

/// How many pixels of a region are near `colour` (each channel within 40).
fn near(
    png: &resvg::tiny_skia::Pixmap,
    (x0, y0, x1, y1): (u32, u32, u32, u32),
    colour: (u8, u8, u8),
) -> usize {
    let close = |a: u8, b: u8| a.abs_diff(b) <= 40;
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let (r, g, b) = pixel(png, x, y);
            close(r, colour.0) && close(g, colour.1) && close(b, colour.2)
        })
        .count()
}

#[test]
fn every_listed_page_has_its_picture_in_its_language_with_the_sample_band() {
    let dist = with_font("previews");
    let url = "https://example.org/plan/";
    publish::publish(&dist, Some(url)).expect("published");
    let site = site();
    let mut drawn = 0;
    for page in site.pages().iter().filter(|p| p.listed()) {
        let file = dist.join(page.folder()).join(crate::preview::PREVIEW_FILE);
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let png = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("a PNG");
        assert_eq!((png.width(), png.height()), (1200, 630), "{}", file.display());
        // The sample band, with its words drawn in it.
        assert_eq!(pixel(&png, 30, 600), (0xfd, 0xec, 0xea), "{}: the band", file.display());
        assert!(
            near(&png, (64, 560, 420, 620), (0x8a, 0x1c, 0x12)) > 200,
            "{}: its words",
            file.display()
        );
        // The title is drawn (dark ink in its lines).
        assert!(
            near(&png, (64, 100, 1136, 260), (0x1a, 0x1a, 0x1a)) > 1500,
            "{}: the title",
            file.display()
        );
        let html = std::fs::read_to_string(dist.join(page.file())).expect("page");
        let address = format!("{url}{}{}", page.folder(), crate::preview::PREVIEW_FILE);
        assert!(
            html.contains(&format!(r#"<meta property="og:image" content="{address}">"#)),
            "{}",
            page.file()
        );
        assert!(html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
        drawn += 1;
    }
    assert!(drawn > 100, "{drawn} pictures");
    // Each language's own: the Chinese and English overviews differ.
    let zh = std::fs::read(dist.join("zh/preview.png")).expect("zh");
    let en = std::fs::read(dist.join("en/preview.png")).expect("en");
    assert_ne!(zh, en);
    // An indicator's picture shows its status's mark in the status colour.
    let id = &site.plan.indicators[1].id;
    let status = site.assessed.card.city[id].status;
    let png = resvg::tiny_skia::Pixmap::decode_png(
        &std::fs::read(dist.join(format!("zh/indicator/{id}/preview.png"))).expect("png"),
    )
    .expect("png");
    let hex = match status {
        plan_model::Status::OnSchedule => (0x00, 0x5a, 0x8c),
        plan_model::Status::Achieved => (0x00, 0x70, 0x4f),
        plan_model::Status::Behind => (0x7a, 0x56, 0x00),
        _ => (0xa6, 0x3f, 0x00),
    };
    assert!(near(&png, (0, 0, 16, 630), hex) > 5000, "the accent in the status colour");
    // Embeds have none, and a site without the font publishes without pictures.
    assert!(!dist.join("zh/embed/district-heatmap/preview.png").exists());
    let bare = built_copy("previews-bare");
    publish::publish(&bare, Some(url)).expect("published without the font");
    assert!(!bare.join("zh/preview.png").exists());
    let html = std::fs::read_to_string(bare.join("zh/index.html")).expect("page");
    assert!(!html.contains("og:image"), "no picture named that is not there");
    let _ = std::fs::remove_dir_all(dist);
    let _ = std::fs::remove_dir_all(bare);
}

#[test]
fn a_long_title_wraps_within_the_picture_and_is_cut_with_an_ellipsis() {
    let font = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../public")
            .join(crate::preview::FONT_FILE),
    )
    .expect("the font");
    let painter = crate::preview::Painter::new(font).expect("a font");
    let long = "昆山市推进新型工业化暨人工智能创新发展 2026 年行动方案".repeat(4);
    let lines = painter.wrap(&long, 56.0, 1072.0, 2);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| painter.width(l, 56.0) <= 1072.0), "{lines:?}");
    assert!(lines[1].ends_with('…'));
    let english = painter.wrap("Output growth of the core AI industry", 56.0, 600.0, 3);
    assert!(english.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')), "{english:?}");
    assert!(english.iter().all(|l| !l.contains("indus try")), "words are not broken: {english:?}");
    assert!(painter.width("中", 50.0) > painter.width("a", 50.0));
    assert!(crate::preview::Painter::new(b"not a font".to_vec()).is_none());
}
