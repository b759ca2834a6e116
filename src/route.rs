//! The URL: which view is shown and its state, in the fragment
//! (`#/indicator/ai-invention-patents`). The document is always `index.html`,
//! so every deep link works on a plain static file server with no rewrite
//! rules and under any sub-path; back and forward are the browser's own.
//! Only pages and the app shell read this module.

/// A view of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The overview (`#/` or no fragment).
    Overview,
    /// One indicator (`#/indicator/<id>`).
    Indicator(String),
    /// One key task (`#/task/<id>`).
    Task(String),
    /// Data and methods: how status is computed, downloads, releases (`#/data`).
    Data,
    /// A fragment we do not know; shown as "not found" with a way home.
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` value (with or without the leading `#`).
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#');
        let path = path.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Overview,
            ["indicator", id] if is_id(id) => Route::Indicator((*id).to_owned()),
            ["task", id] if is_id(id) => Route::Task((*id).to_owned()),
            ["data"] => Route::Data,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The `href` of this view (a fragment, so relative to the page).
    pub fn href(&self) -> String {
        match self {
            Route::Overview | Route::NotFound(_) => "#/".to_owned(),
            Route::Indicator(id) => format!("#/indicator/{id}"),
            Route::Task(id) => format!("#/task/{id}"),
            Route::Data => "#/data".to_owned(),
        }
    }
}

/// Ids in the data are lower-case words joined by hyphens; anything else in
/// a URL is not one of ours.
fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_map_to_views() {
        assert_eq!(Route::parse(""), Route::Overview);
        assert_eq!(Route::parse("#"), Route::Overview);
        assert_eq!(Route::parse("#/"), Route::Overview);
        assert_eq!(
            Route::parse("#/indicator/ai-invention-patents"),
            Route::Indicator("ai-invention-patents".into())
        );
        assert_eq!(
            Route::parse("#/indicator/ai-invention-patents/"),
            Route::Indicator("ai-invention-patents".into())
        );
        assert_eq!(Route::parse("#/indicator/x?lang=en"), Route::Indicator("x".into()));
        assert!(matches!(Route::parse("#/indicator/<script>"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/nowhere"), Route::NotFound(_)));
    }

    #[test]
    fn hrefs_round_trip() {
        for route in [
            Route::Overview,
            Route::Indicator("rd-intensity".into()),
            Route::Task("data-resources".into()),
            Route::Data,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
