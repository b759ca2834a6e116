//! The reader's remembered choices (language, colour theme, text size), kept in
//! `localStorage` and shown as attributes on `<html>` that the stylesheet and
//! the charts read. The URL's language always wins over the remembered one.

use plan_model::Lang;

const LANG_KEY: &str = "kunshan-portal.lang";
const THEME_KEY: &str = "kunshan-portal.theme";
const TEXT_KEY: &str = "kunshan-portal.text";

/// Name of the window event sent when the theme attribute changes, so live
/// charts re-theme without listening to the store.
pub const THEME_EVENT: &str = "portal-theme";

use portal_view::url::Theme;

fn storage() -> Option<web_sys::Storage> {
    // Private modes and some embeds forbid storage: then nothing is remembered.
    crate::browser::window()?.local_storage().ok().flatten()
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn write(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn html() -> Option<web_sys::Element> {
    crate::browser::window()?.document()?.document_element()
}

/// The remembered language, if any.
pub fn remembered_lang() -> Option<Lang> {
    read(LANG_KEY).as_deref().and_then(Lang::from_code)
}

/// Remembers the language shown.
pub fn remember_lang(lang: Lang) {
    // Called on every navigation: write only a change.
    if remembered_lang() != Some(lang) {
        write(LANG_KEY, lang.code());
    }
}

/// The remembered theme.
pub fn theme() -> Theme {
    read(THEME_KEY).as_deref().map_or(Theme::System, Theme::from_code)
}

/// Remembers and applies a theme, and tells live charts.
pub fn set_theme(theme: Theme) {
    write(THEME_KEY, theme.code());
    apply_theme(theme);
    if let Some(w) = crate::browser::window()
        && let Ok(event) = web_sys::Event::new(THEME_EVENT)
    {
        let _ = w.dispatch_event(&event);
    }
}

/// Sets `data-theme` on `<html>` (the stylesheet reads it).
pub fn apply_theme(theme: Theme) {
    if let Some(h) = html() {
        let _ = h.set_attribute("data-theme", theme.code());
    }
}

/// Sets `data-embedded` on `<html>` for an embed (no page margins or header).
pub fn mark_embedded(on: bool) {
    if let Some(h) = html() {
        let _ = if on {
            h.set_attribute("data-embedded", "")
        } else {
            h.remove_attribute("data-embedded")
        };
    }
}

/// Whether large text (适老化) is on.
pub fn large_text() -> bool {
    read(TEXT_KEY).as_deref() == Some("large")
}

/// Remembers and applies the text size.
pub fn set_large_text(on: bool) {
    write(TEXT_KEY, if on { "large" } else { "normal" });
    apply_large_text(on);
}

/// Sets `data-text` on `<html>` (the stylesheet scales the root font size).
pub fn apply_large_text(on: bool) {
    if let Some(h) = html() {
        let _ = h.set_attribute("data-text", if on { "large" } else { "normal" });
    }
}

/// True when the page is shown dark: chosen dark, or following a dark system.
pub fn is_dark() -> bool {
    // The theme applied to the page (an embed's may differ from the remembered one).
    let applied = html().and_then(|h| h.get_attribute("data-theme")).map(|c| Theme::from_code(&c));
    match applied.unwrap_or_else(theme) {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => crate::browser::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}
