//! Links from the data: only web addresses become links; a task's units,
//! each linked to its department page.

use leptos::prelude::*;
use plan_model::Lang;

use portal_view::locale::tr;

/// A link target from the data, if it is a web address: only `https:` and
/// `http:` pass, so a `javascript:` or `data:` URL in a data file can never
/// become a link.
pub fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    // The same rule validation tells publishers about.
    plan_model::validate::is_web_address(url).then(|| url.to_owned())
}

/// A name linking to its address when the address is a web address, plain
/// text otherwise.
#[component]
pub fn DataLink(
    /// Address from the data.
    url: String,
    /// What the link says.
    text: String,
    /// The link's `rel`.
    #[prop(optional)]
    rel: &'static str,
) -> impl IntoView {
    match safe_link(&url) {
        Some(href) => view! { <a href=href rel=rel>{text}</a> }.into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

/// Responsible units in the plan's order (a task's or a commitment's), the
/// lead marked 牵头, each a link to its department page.
#[component]
pub fn ResponsibleUnits(
    /// The plan, for the units' names.
    doc: std::sync::Arc<plan_model::PlanDocument>,
    /// Unit ids, lead first.
    units: Vec<String>,
    /// Reader's language.
    lang: Lang,
    /// Short names (市工信局) rather than full ones.
    #[prop(optional)]
    short: bool,
) -> impl IntoView {
    units
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let unit = doc.departments.iter().find(|d| &d.id == id)?;
            let name =
                if short { unit.short_name.get(lang) } else { unit.name.get(lang) }.to_owned();
            let lead = (i == 0).then(|| tr!(lang, lead_mark));
            let separator = (i > 0).then_some(tr!(lang, list_separator));
            Some(view! {
                {separator}
                <a href=portal_view::url::Route::Department(id.clone()).href(lang)>{name}</a>
                {lead}
            })
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(safe_link(" https://example.org/a ").as_deref(), Some("https://example.org/a"));
        assert_eq!(safe_link("HTTP://example.org").as_deref(), Some("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//example.org",
            "https:example.org",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }
}
