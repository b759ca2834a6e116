//! The portal as an app a reader can install (`<lang>/manifest.webmanifest`,
//! a Web App Manifest per language, linked from every page but the embeds):
//! its name in that language, the pages of that language as its start, the
//! whole site as its scope, the site's icon. What it does offline is the
//! service worker's (scripts/page/sw.js).

use plan_model::Lang;
use portal_view::locale::tr;

use super::Site;

/// Each language's manifest, from the site's root (`zh/manifest.webmanifest`).
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// The colour of the browser's frame around the installed app: the icon's.
pub const THEME_COLOUR: &str = "#005a9c";

/// Every manifest the site has, with its bytes.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
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
                "icons": [{
                    "src": "../favicon.svg",
                    "sizes": "any",
                    "type": "image/svg+xml",
                    "purpose": "any"
                }]
            });
            let text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
            (format!("{}/{MANIFEST_FILE}", lang.code()), text.into_bytes())
        })
        .collect()
}
