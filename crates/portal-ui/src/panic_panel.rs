//! What a reader sees if the program itself fails (a panic): a plain error
//! panel with a reload button, put into the page with DOM calls only (the
//! framework may be the thing that failed). The button works without the app:
//! the loader (`scripts/harden-html.mjs`) reloads on any `[data-reload]` click.

/// Puts the panel at the top of the page, once.
pub fn show() {
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("panic-panel").is_some() {
        return;
    }
    let english =
        document.document_element().and_then(|e| e.get_attribute("lang")).as_deref() == Some("en");
    let (title, text, button) = if english {
        (
            "Something went wrong on this page",
            "The portal hit a program error and stopped. The published data is not affected. Reloading the page usually fixes it.",
            "Reload the page",
        )
    } else {
        (
            "本页出错了",
            "程序遇到错误并已停止运行，已发布的数据不受影响。重新加载页面通常可以解决。",
            "重新加载页面",
        )
    };
    let build = || -> Option<()> {
        let panel = document.create_element("div").ok()?;
        panel.set_id("panic-panel");
        panel.set_class_name("error-panel panic-panel");
        panel.set_attribute("role", "alert").ok()?;
        let heading = document.create_element("h1").ok()?;
        heading.set_text_content(Some(title));
        let body = document.create_element("p").ok()?;
        body.set_text_content(Some(text));
        let reload = document.create_element("button").ok()?;
        reload.set_attribute("type", "button").ok()?;
        reload.set_attribute("data-reload", "").ok()?;
        reload.set_text_content(Some(button));
        panel.append_child(&heading).ok()?;
        panel.append_child(&body).ok()?;
        panel.append_child(&reload).ok()?;
        document.body()?.prepend_with_node_1(&panel).ok()?;
        Some(())
    };
    let _ = build();
}
