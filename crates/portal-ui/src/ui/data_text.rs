//! Text from the data in the reader's language. Where the English is
//! missing, the Chinese stands in (as `Bilingual::get` gives it), marked as
//! Chinese for screen readers and translators' tools, and said to be so for
//! the reader.

use leptos::prelude::*;
use plan_model::{Bilingual, Lang};

use portal_view::locale::tr;

/// `text` in `lang`, or its Chinese marked "in Chinese only".
#[component]
pub fn DataText(
    /// The text, both languages.
    text: Bilingual,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    if text.falls_back(lang) {
        view! { <span lang="zh-CN">{text.zh}</span> <InChineseOnly lang=lang /> }.into_any()
    } else {
        text.get(lang).to_owned().into_any()
    }
}

/// " (in Chinese only)", after Chinese that stands in for missing English.
#[component]
pub fn InChineseOnly(
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! { " " <span class="untranslated">{tr!(lang, in_chinese_only)}</span> }
}
