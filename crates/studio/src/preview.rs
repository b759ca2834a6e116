//! The preview: the site's own pages rendered with the draft, as the
//! release will render them, one page at a time (in the worker, which has
//! the site's renderer). Its version reads "preview", so a page shown says
//! it is one.

use std::collections::BTreeMap;

use plan_model::{Lang, ProgressDocument};
use plan_publish::release::ReleaseRequest;
use portal_site::publish::{Prepared, prepare};
use portal_view::url::Route;

use crate::open::Current;
use crate::protocol::{Preview, PreviewPage};
use crate::release::release_files;
use crate::text::{Say, say};

/// The version the previewed pages carry.
pub const PREVIEW_VERSION: &str = "preview";

/// The draft's site, read once per draft, and the pages it offers.
pub struct Previewer {
    prepared: Prepared,
    pages: Vec<PreviewPage>,
}

impl std::fmt::Debug for Previewer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Previewer({} pages)", self.pages.len())
    }
}

impl Previewer {
    /// The site as the draft's release would make it (dated `date`).
    pub fn new(
        current: &Current,
        draft: &ProgressDocument,
        site: &BTreeMap<String, Vec<u8>>,
        date: &str,
        lang: Lang,
    ) -> Result<Self, String> {
        if site.is_empty() {
            return Err(say(Say::NoSiteFiles, lang, &[]));
        }
        let (notes_zh, notes_en) =
            (say(Say::PreviewNotes, Lang::Zh, &[]), say(Say::PreviewNotes, Lang::En, &[]));
        let req = ReleaseRequest {
            version: PREVIEW_VERSION,
            notes_zh: &notes_zh,
            notes_en: &notes_en,
            date,
        };
        let mut files = site.clone();
        files.extend(release_files(current, draft, &req));
        let prepared = prepare(&files, None).map_err(|e| e.message(lang))?;
        let plan = &prepared.site.plan;
        let named =
            |kind: Say, name: &plan_model::Bilingual| say(kind, lang, &[("name", &name.get(lang))]);
        // The studio's language's pages first, then the other's (the names
        // in the studio's language: the one its user reads).
        let in_lang = |l: Lang| prepared.pages.iter().filter(move |page| page.lang == l);
        let pages = in_lang(lang)
            .chain(in_lang(lang.other()))
            .filter_map(|page| {
                let label = match &page.route {
                    Route::Overview => say(Say::PageOverview, lang, &[]),
                    Route::Commitments => say(Say::PageCommitments, lang, &[]),
                    Route::Data => say(Say::PageData, lang, &[]),
                    Route::Indicator(id) => named(
                        Say::PageIndicator,
                        &plan.indicators.iter().find(|i| &i.id == id)?.name,
                    ),
                    Route::Task(id) => {
                        named(Say::PageTask, &plan.tasks.iter().find(|t| &t.id == id)?.name)
                    }
                    Route::District(id) => {
                        named(Say::PageDistrict, &plan.districts.iter().find(|d| &d.id == id)?.name)
                    }
                    Route::Department(id) => named(
                        Say::PageDepartment,
                        &plan.departments.iter().find(|d| &d.id == id)?.name,
                    ),
                    Route::Search
                    | Route::Compare
                    | Route::Publish
                    | Route::Embed(_)
                    | Route::NotFound(_) => {
                        return None;
                    }
                };
                Some(PreviewPage { file: page.file(), label, lang: page.lang })
            })
            .collect();
        Ok(Previewer { prepared, pages })
    }

    /// One page (`file`, else the first: the overview), with `<base
    /// href=root>` (the site's address as the browser has it) before its
    /// own relative one: inside the preview its stylesheet and links then
    /// resolve as on the site.
    pub fn page(&self, file: Option<&str>, root: &str, lang: Lang) -> Result<Preview, String> {
        let file = file.or(self.pages.first().map(|p| p.file.as_str())).unwrap_or("index.html");
        let html = self
            .prepared
            .render(file)
            .ok_or_else(|| say(Say::NoSuchPage, lang, &[("file", &file)]))?;
        Ok(Preview {
            pages: self.pages.clone(),
            file: file.to_owned(),
            html: with_base(&without_scripts(&html), root),
        })
    }
}

/// The page without its scripts (the loaders, their preloads and the
/// charts' options, which only the loader reads): the frame would not run
/// them anyway (and says so in the console for each), and the page it shows
/// is the one a reader without scripts gets.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..tag_end];
        let skip = if tag.starts_with("<script") {
            rest.find("</script>").map_or(rest.len(), |e| e + "</script>".len())
        } else if tag.starts_with("<link")
            && (tag.contains("as=\"script\"") || tag.contains("rel=\"modulepreload\""))
        {
            tag_end
        } else {
            out.push_str(tag);
            tag_end
        };
        rest = &rest[skip..];
    }
    out.push_str(rest);
    out
}

/// The page with `<base href>` first in its head.
fn with_base(html: &str, base: &str) -> String {
    let escaped =
        base.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;");
    match html.find("<head>") {
        Some(at) => {
            let at = at + "<head>".len();
            format!("{}<base href=\"{escaped}\">{}", &html[..at], &html[at..])
        }
        None => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scripts_go_and_the_page_stays() {
        let page = "<head><link rel=\"stylesheet\" href=\"a.css\"><link rel=\"preload\" as=\"script\" href=\"e.js\">\
            <script type=\"module\" src=\"./boot.js\" integrity=\"x\"></script></head>\
            <body><p>1 &lt; 2</p><script type=\"application/json\">{\"a\":1}</script></body>";
        assert_eq!(
            without_scripts(page),
            "<head><link rel=\"stylesheet\" href=\"a.css\"></head>\
             <body><p>1 &lt; 2</p></body>"
        );
    }

    #[test]
    fn the_base_goes_first_in_the_head_and_is_text() {
        let html = with_base("<html><head><title>x</title></head>", "https://h/a\"b<c>/");
        assert_eq!(
            html,
            "<html><head><base href=\"https://h/a&quot;b&lt;c&gt;/\"><title>x</title></head>"
        );
    }
}
