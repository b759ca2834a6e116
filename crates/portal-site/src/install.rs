//! The portal as an app a reader can install (`<lang>/manifest.webmanifest`,
//! a Web App Manifest per language, linked from every page but the embeds):
//! its name in that language, the pages of that language as its start, the
//! whole site as its scope, the site's icon (`favicon.svg`, and drawn from
//! it as PNGs of the two sizes systems ask for, `icon-192.png` and
//! `icon-512.png`, where the site carries the painter's font). What it does
//! offline is the service worker's (scripts/page/sw.js).

use plan_model::Lang;
use portal_view::locale::tr;

use super::Site;
use super::preview::Painter;

/// Each language's manifest, from the site's root (`zh/manifest.webmanifest`).
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// The colour of the browser's frame around the installed app: the icon's.
pub const THEME_COLOUR: &str = "#005a9c";

/// The site's icon, as the pages name it (`<link rel="icon">`, unhashed too).
pub const ICON_FILE: &str = "favicon.svg";

/// The PNG sizes drawn from the icon.
const PNG_SIZES: [u32; 2] = [192, 512];

/// Every manifest the site has, and the icons drawn for them, with their
/// bytes (`icon`: the site's SVG icon, if it has one to draw from).
pub fn files(site: &Site, painter: Option<&Painter>, icon: Option<&str>) -> Vec<(String, Vec<u8>)> {
    let drawn: Vec<(u32, Vec<u8>)> = match (painter, icon) {
        (Some(painter), Some(svg)) => PNG_SIZES
            .iter()
            .filter_map(|size| Some((*size, painter.icon(svg, *size).ok()?)))
            .collect(),
        _ => Vec::new(),
    };
    let mut icons = vec![serde_json::json!({
        "src": format!("../{ICON_FILE}"),
        "sizes": "any",
        "type": "image/svg+xml",
        "purpose": "any"
    })];
    icons.extend(drawn.iter().map(|(size, _)| {
        serde_json::json!({
            "src": format!("../icon-{size}.png"),
            "sizes": format!("{size}x{size}"),
            "type": "image/png",
            "purpose": "any"
        })
    }));
    let pngs = drawn.iter().map(|(size, png)| (format!("icon-{size}.png"), png.clone()));
    [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| {
            // Addresses are relative to the manifest's own: its language's
            // folder is the start, the site's root the scope, so a site under
            // a sub-path installs the same.
            let manifest = serde_json::json!({
                "name": tr!(lang, site_name),
                "short_name": tr!(lang, app_short_name),
                "description": site.plan.plan.title.get(lang),
                "lang": lang.tag(),
                "dir": "ltr",
                "id": "./",
                "start_url": "./",
                "scope": "../",
                "display": "standalone",
                "background_color": "#ffffff",
                "theme_color": THEME_COLOUR,
                "icons": icons,
            });
            let text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
            (format!("{}/{MANIFEST_FILE}", lang.code()), text.into_bytes())
        })
        .chain(pngs)
        .collect()
}
