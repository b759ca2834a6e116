//! Bilingual text: Chinese is the original, English a translation.

use serde::{Deserialize, Serialize};

/// A language the portal is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese, the language of the plan (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The short code used in URLs and locale files (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language for a URL or storage code, if it is one of ours.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (what the language switch offers).
    pub fn other(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// A text with its `{name}` places filled: each `{name}` that `values` names
/// is replaced by its value, in one pass (a value that itself holds `{name}`
/// is left as it is); any other brace stays as written. The model's messages
/// (`crate::messages`) and the web app's locale strings both use it.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| (close, v))
        });
        match named {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A text in Chinese (as the plan words it) and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// Chinese, exactly as in the plan where the plan has it.
    pub zh: String,
    /// English translation.
    pub en: String,
}

impl Bilingual {
    /// The text in `lang`; falls back to Chinese when the translation is empty.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.falls_back(lang) => &self.en,
            _ => &self.zh,
        }
    }

    /// Whether [`Bilingual::get`] gives the Chinese in place of a missing
    /// English text (a page then marks it as Chinese).
    pub fn falls_back(&self, lang: Lang) -> bool {
        lang == Lang::En && self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_filled_once_and_other_braces_kept() {
        let (a, b) = ("x{b}", 2);
        let filled = fill("{a} and {b}, {c} {", &[("a", &a), ("b", &b)]);
        assert_eq!(filled, "x{b} and 2, {c} {");
    }
}
