//! The colour theme: the reader's remembered choice (the header's switch,
//! `localStorage`) and what a host page asks of an embed (`theme=light|dark`
//! in its URL). One type for both; the URL never carries "system", which is
//! what no theme means there.

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the reader's system setting (the default).
    #[default]
    System,
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Theme {
    /// The value stored, set on `<html>` and written in a URL.
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a URL value: light or dark; anything else is no theme.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// Reads a stored value; anything unknown follows the system.
    pub fn from_code(code: &str) -> Self {
        Self::parse(code).unwrap_or_default()
    }
}
