//! The browser window, where there is one. In a static render (natively, or
//! the studio's worker: the static pages are rendered by the same components)
//! there is none, and every caller already
//! copes with `None`: no preference is read, no element measured.

/// The window, in the browser; `None` in a static render.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(not(static_render))]
    {
        web_sys::window()
    }
    #[cfg(static_render)]
    {
        None
    }
}
