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
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.zh,
        }
    }
}
