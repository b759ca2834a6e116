//! UI strings in Chinese (default) and English, from `locales/zh.json` and
//! `locales/en.json`, compiled in and checked by leptos_i18n: a key missing in
//! either file is a build error. Names and texts from the data come from the
//! data's own `zh`/`en` fields, not from here.
//!
//! We use leptos_i18n's `load_locales!` macro rather than its build-script
//! generator: the generator's build dependencies (ICU data export with
//! networking, rayon, zip: 108 more crates) would lengthen every clean build on
//! a 2-core CI machine, and plain strings are all the UI needs. Strings with a
//! value in them are put together in the view from parts.

use plan_model::Lang;

#[allow(deprecated, missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]
mod generated {
    leptos_i18n::load_locales!();
}

pub use generated::i18n;
pub use generated::i18n::{I18nContextProvider, Locale, use_i18n};

/// The leptos_i18n locale of a data language.
pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Zh => Locale::zh,
        Lang::En => Locale::en,
    }
}

/// A UI string in a language: `tr!(lang, key)` gives the `&'static str` for
/// `key` in `locales/<lang>.json`. (Exported under a hidden name and used as
/// `portal_view::locale::tr`, so no module imports the crate root for it.)
///
/// `tr!(lang, key, name = value, …)` fills the string's `{name}` places with
/// the values (so each language orders a sentence its own way): see [`fill`].
#[doc(hidden)]
#[macro_export]
macro_rules! __tr {
    ($lang:expr, $key:ident) => {
        $crate::locale::i18n::td_string!($crate::locale::locale($lang), $key)
    };
    ($lang:expr, $key:ident, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::locale::fill(
            $crate::locale::i18n::td_string!($crate::locale::locale($lang), $key),
            &[$((stringify!($name), &$value as &dyn std::fmt::Display)),+],
        )
    };
}
pub use crate::__tr as tr;

/// A string with its `{name}` places filled (the model's `fill`, so the app
/// and the model fill places the same way).
pub use plan_model::text::fill;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_orders_the_sentence_its_own_way() {
        let (task, role) = ("3. 数据资源", "牵头");
        assert_eq!(tr!(Lang::Zh, task_with_role, task = task, role = role), "3. 数据资源（牵头）");
        assert_eq!(
            tr!(Lang::En, task_with_role, task = "3. Data", role = "lead"),
            "3. Data (lead)"
        );
    }
}
