//! A page's whole document around its rendered view: the head (what the page
//! says of itself, for search engines, link previews and government-site
//! crawlers, then the site's assets from Trunk's build) and the body. Also
//! the sitemap. Everything from the data is escaped here: it is text.

use plan_model::Lang;

use super::{Page, Site};
use portal_ui::ui::PageHead;
use portal_view::export::xml_escape as escape;
use portal_view::locale::tr;
use portal_view::url::{Location, Route};

/// The site's assets, as Trunk built them into `index.html`: the security
/// policy, stylesheet, icon and the app's loader, with their integrity hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The head's elements but its title and description (every page has its own).
    pub(super) assets: String,
    /// The publishing studio's loader (`studio/studio.json`, written by
    /// scripts/build-studio.mjs), for the studio's page alone.
    pub(super) studio: Option<StudioScript>,
}

/// The studio's loader and stylesheet: their addresses from the site's root
/// and their integrity.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct StudioScript {
    /// `studio/boot-<hash>.js`.
    pub script: String,
    /// `sha384-…`.
    pub integrity: String,
    /// `studio/studio-<hash>.css`.
    pub style: String,
    /// Its `sha384-…`.
    pub style_integrity: String,
}

/// Why Trunk's `index.html` cannot be a template.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    /// It has no `<head>…</head>`.
    #[error("no <head>…</head> in the built index.html")]
    NoHead,
    /// It has no security policy (scripts/harden-html.mjs writes one).
    #[error(
        "no Content-Security-Policy in the built index.html's head (did scripts/harden-html.mjs run?)"
    )]
    NoPolicy,
}

impl Template {
    /// The template with the studio's loader, for the studio's page.
    pub fn with_studio(self, studio: Option<StudioScript>) -> Self {
        Template { studio, ..self }
    }

    /// Reads Trunk's built `index.html`.
    pub fn parse(html: &str) -> Result<Self, TemplateError> {
        let start = html.find("<head>").ok_or(TemplateError::NoHead)? + "<head>".len();
        let end = html[start..].find("</head>").ok_or(TemplateError::NoHead)? + start;
        let mut assets = String::new();
        let mut rest = &html[start..end];
        // Comments are for whoever reads index.html, not for every page.
        while let Some(at) = rest.find("<!--") {
            assets.push_str(&rest[..at]);
            rest = rest[at..].find("-->").map_or("", |close| &rest[at + close + 3..]);
        }
        assets.push_str(rest);
        let assets: Vec<&str> = assets
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("<meta charset"))
            .collect();
        let assets = assets.join("\n");
        if !assets.contains("Content-Security-Policy") {
            return Err(TemplateError::NoPolicy);
        }
        Ok(Template { assets, studio: None })
    }
}

/// The section a page belongs to, as government sites name it (`ColumnName`).
fn column(lang: Lang, route: &Route) -> &'static str {
    match route {
        Route::Overview | Route::NotFound(_) => tr!(lang, nav_overview),
        Route::Indicator(_) => tr!(lang, column_indicators),
        Route::Task(_) => tr!(lang, column_tasks),
        Route::District(_) => tr!(lang, column_districts),
        Route::Department(_) => tr!(lang, column_departments),
        Route::Data => tr!(lang, nav_data),
        Route::Commitments => tr!(lang, nav_commitments),
        Route::Search => tr!(lang, search_heading),
        Route::Compare => tr!(lang, compare_page_title),
        Route::Publish => tr!(lang, nav_publish),
        Route::Embed(_) => tr!(lang, column_charts),
    }
}

/// `og:locale` for a language.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh_CN",
        Lang::En => "en_US",
    }
}

/// The page's public address in a language.
fn address(site: &Site, lang: Lang, route: &Route) -> String {
    format!("{}{}", site.url, Location::page_path(lang, route))
}

/// The path of an address (`https://example.org/plan/` → `/plan/`).
pub(super) fn url_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or_else(|| "/".to_owned(), |at| after_scheme[at..].to_owned())
}

/// The whole document of a page `depth` folders below the site's root.
pub(super) fn page(
    site: &Site,
    template: &Template,
    page: &Page,
    head: Option<PageHead>,
    body: &str,
    depth: usize,
) -> String {
    let base = "../".repeat(depth);
    let base = if base.is_empty() { "./".to_owned() } else { base };
    page_with_base(site, template, page, head, body, &base, page.listed())
}

/// The whole document of a page whose `<base>` is `base`.
pub(super) fn page_with_base(
    site: &Site,
    template: &Template,
    page: &Page,
    head: Option<PageHead>,
    body: &str,
    base: &str,
    listed: bool,
) -> String {
    let lang = page.lang;
    let route = &page.route;
    let head = head.unwrap_or_else(|| PageHead {
        title: tr!(lang, document_title).to_owned(),
        description: site.plan.plan.title.get(lang).to_owned(),
    });
    // The page's answer, where it has one, rather than what it is about.
    let answer = portal_view::summary::describe(&site.assessed, route, lang);
    let description = answer.unwrap_or(head.description);
    let (title, description) = (escape(&head.title), escape(&description));
    let here = escape(&address(site, lang, route));
    let base = escape(base);
    let site_name = escape(tr!(lang, site_name));
    let release = &site.progress.release;
    // Its link-preview picture, beside it (`preview`), for listed pages.
    let picture =
        (listed && site.previews).then(|| super::preview::card(site, page)).flatten().map(|card| {
            (format!("{}{}{}", site.url, page.folder(), super::preview::PREVIEW_FILE), card.alt())
        });
    let mut meta = vec![
        format!(r#"<base href="{base}">"#),
        format!("<title>{title}</title>"),
        format!(r#"<meta name="description" content="{description}">"#),
    ];
    // "Not found" is served at any address: it is the page of none.
    if !matches!(route, Route::NotFound(_)) {
        meta.push(format!(r#"<link rel="canonical" href="{here}">"#));
        meta.push(format!(r#"<meta property="og:url" content="{here}">"#));
        for (tag, other) in [("zh-CN", Lang::Zh), ("en", Lang::En), ("x-default", Lang::Zh)] {
            let href = escape(&address(site, other, route));
            meta.push(format!(r#"<link rel="alternate" hreflang="{tag}" href="{href}">"#));
        }
    }
    if !listed {
        meta.push(r#"<meta name="robots" content="noindex">"#.to_owned());
    } else {
        // Feed readers find the page's updates here (the site's, or its task's
        // or district's own); the href is relative to the page's base, the root.
        let feed = portal_view::url::Location::feed_path(lang, route);
        meta.push(format!(
            r#"<link rel="alternate" type="application/atom+xml" title="{}" href="{}">"#,
            escape(tr!(lang, feed_label)),
            escape(&feed)
        ));
    }
    meta.extend([
        r#"<meta property="og:type" content="website">"#.to_owned(),
        format!(r#"<meta property="og:site_name" content="{site_name}">"#),
        format!(r#"<meta property="og:title" content="{title}">"#),
        format!(r#"<meta property="og:description" content="{description}">"#),
        format!(r#"<meta property="og:locale" content="{}">"#, og_locale(lang)),
        format!(r#"<meta property="og:locale:alternate" content="{}">"#, og_locale(lang.other())),
        format!(
            r#"<meta name="twitter:card" content="{}">"#,
            if picture.is_some() { "summary_large_image" } else { "summary" }
        ),
        // What Chinese government sites carry for their crawlers and archives.
        format!(r#"<meta name="SiteName" content="{site_name}">"#),
        format!(r#"<meta name="ColumnName" content="{}">"#, escape(column(lang, route))),
        format!(r#"<meta name="ArticleTitle" content="{title}">"#),
        format!(r#"<meta name="PubDate" content="{}">"#, escape(&release.published)),
        format!(
            r#"<meta name="ContentSource" content="{}">"#,
            escape(site.plan.plan.issuer.get(lang))
        ),
        // Which release this page was rendered from: the app says so if the
        // data files served are newer.
        format!(r#"<meta name="portal-release" content="{}">"#, escape(&release.version)),
    ]);
    // The app a reader can install, in the page's language (`install`); an
    // embed is part of another site's page and offers none.
    if !matches!(route, Route::Embed(_)) {
        meta.extend([
            format!(
                r#"<link rel="manifest" href="{}/{}">"#,
                lang.code(),
                super::install::MANIFEST_FILE
            ),
            format!(r#"<meta name="theme-color" content="{}">"#, super::install::THEME_COLOUR),
        ]);
    }
    if let Some((image, alt)) = &picture {
        meta.extend([
            format!(r#"<meta property="og:image" content="{}">"#, escape(image)),
            r#"<meta property="og:image:type" content="image/png">"#.to_owned(),
            format!(r#"<meta property="og:image:width" content="{}">"#, super::preview::WIDTH),
            format!(r#"<meta property="og:image:height" content="{}">"#, super::preview::HEIGHT),
            format!(r#"<meta property="og:image:alt" content="{}">"#, escape(alt)),
        ]);
    }
    // The data files it was rendered from, by SHA-256: once the page is
    // shown, the loader checks the files served against them, so a file
    // changed without publishing does not go unsaid.
    if !site.rendered_from.is_empty() {
        let files: Vec<String> =
            site.rendered_from.iter().map(|(name, hash)| format!("{name}:{hash}")).collect();
        meta.push(format!(
            r#"<meta name="portal-data-sha256" content="{}">"#,
            escape(&files.join(" "))
        ));
    }
    // The states of its filters that are pages of their own (`State`): the
    // loader shows them in place, without the app.
    if let Some(offered) = portal_ui::ui::Offered::on(route) {
        meta.push(format!(
            r#"<meta name="portal-states" content="{} {}">"#,
            escape(&Location::page_path(lang, route)),
            offered.names().join(" ")
        ));
    }
    let studio = matches!(route, Route::Publish);
    let mut assets: Vec<String> = template
        .assets
        .lines()
        // The studio's page runs the studio, not the portal's app (whose
        // taking over would replace the studio's part of the page).
        .filter(|l| !(studio && l.contains("src=\"./boot-")))
        // The studio reads sheets in a worker of its own, made by its loader
        // from code it checked against its integrity (a blob: a worker
        // loaded from a URL could not be checked).
        .map(|l| {
            if studio && l.contains("Content-Security-Policy") {
                l.replace("worker-src 'self'", "worker-src 'self' blob:")
            } else {
                l.to_owned()
            }
        })
        .collect();
    if studio && let Some(s) = &template.studio {
        assets.push(format!(
            r#"<link rel="stylesheet" href="{}" integrity="{}" crossorigin="anonymous">"#,
            escape(&s.style),
            escape(&s.style_integrity)
        ));
        assets.push(format!(
            r#"<script type="module" src="{}" integrity="{}" crossorigin="anonymous"></script>"#,
            escape(&s.script),
            escape(&s.integrity)
        ));
    }
    // What the page says of its data, for dataset search: data, not script
    // (the policy, which comes first, runs none of it).
    if listed && let Some(data) = super::open_data::schema_org::for_page(site, page) {
        assets.push(format!(
            r#"<script type="application/ld+json">{}</script>"#,
            super::open_data::schema_org::script_text(&data)
        ));
    }
    let assets = assets.join("\n");
    format!(
        "<!doctype html>\n<html lang=\"{lang_tag}\"{embedded}>\n<head>\n<meta charset=\"utf-8\">\n{meta}\n{assets}\n</head>\n<body>\n<div id=\"page\">{body}</div>\n</body>\n</html>\n",
        lang_tag = lang.tag(),
        // An embed is its chart alone, with no page margins (style/main.css).
        embedded = if matches!(route, Route::Embed(_)) { " data-embedded" } else { "" },
        meta = meta.join("\n"),
        assets = assets,
    )
}

/// `sitemap.xml`: each listed page's address, the release date, and the page
/// in the other language.
pub(super) fn sitemap(site: &Site, pages: &[Page]) -> String {
    let published = escape(&site.progress.release.published);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages.iter().filter(|p| p.listed()) {
        xml.push_str(&format!(
            "<url><loc>{}</loc><lastmod>{published}</lastmod>",
            escape(&address(site, page.lang, &page.route))
        ));
        for lang in [Lang::Zh, Lang::En] {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                lang.tag(),
                escape(&address(site, lang, &page.route))
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
