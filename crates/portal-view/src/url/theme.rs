//! The colour theme a host page asks of an embed (`theme=light|dark`).

/// An embed's colour theme, chosen by the page that embeds it; no theme in
/// the URL means "follow the reader's system".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Theme {
    /// The value in the URL.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a URL value; anything else is no theme.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}
