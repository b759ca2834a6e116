//! Where a figure's numbers come from, and the source line drawn with it.

use plan_model::{Lang, PlanDocument, ProgressDocument};

use crate::locale::tr;

/// Where a figure's numbers come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Who publishes the plan (the source line).
    pub publisher: String,
    /// The plan's title.
    pub plan_title: String,
    /// The plan's document number (文号).
    pub document_number: String,
    /// Release version, when the figure uses progress figures.
    pub release: Option<String>,
    /// The date the figures refer to (the plan's issue date for plan-only figures).
    pub as_of: String,
    /// Sample (made-up) figures.
    pub sample: bool,
    /// Licence name.
    pub licence: String,
    /// Link to the licence text.
    pub licence_url: String,
}

impl Provenance {
    /// The source line drawn under exported images and shown under embeds.
    /// The plan's issuer is named for the targets only: it published no
    /// progress figures, so the figures are credited to their release (and
    /// called sample data when they are).
    pub fn source_line(&self, lang: Lang) -> String {
        let mut parts = vec![format!(
            "{}{} ({})",
            tr!(lang, targets_from),
            self.publisher,
            self.document_number
        )];
        if let Some(v) = &self.release {
            let kind = if self.sample { tr!(lang, sample_not_official) } else { "" };
            let sep = if kind.is_empty() { "" } else { ", " };
            parts.push(format!(
                "{}{kind}{sep}{} {v}, {} {}",
                tr!(lang, figures_from),
                tr!(lang, release_version),
                tr!(lang, as_of),
                self.as_of
            ));
        }
        parts.push(self.licence.clone());
        parts.push(format!("{}{}", tr!(lang, compiled_by), tr!(lang, site_name)));
        parts.join(" · ")
    }
}

impl Provenance {
    /// Where a figure's numbers come from: the plan, and the figures of
    /// `data` when it uses any; its texts in a language.
    pub fn of(doc: &PlanDocument, data: Option<&ProgressDocument>, lang: Lang) -> Self {
        Provenance {
            publisher: doc.plan.issuer.get(lang).to_owned(),
            plan_title: doc.plan.title.get(lang).to_owned(),
            document_number: doc.plan.document_number.clone(),
            release: data.map(|d| d.release.version.clone()),
            as_of: data.map_or_else(|| doc.plan.issue_date.clone(), |d| d.release.as_of.clone()),
            sample: data.is_some_and(|d| d.release.sample),
            licence: doc.plan.licence.name.clone(),
            licence_url: doc.plan.licence.url.clone(),
        }
    }
}
