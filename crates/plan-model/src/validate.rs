//! Semantic checks that the JSON shape alone cannot express: ids that are
//! unique and resolve, targets that make sense. Findings are data, never panics.
//! By concern, lowest first: `findings` (what a check reports) · `values`
//! (the grammar of ids, texts, versions' files, the site's address) · `plan`
//! · `records` (updates, deadlines, starting levels) · `progress`.

mod findings;
mod plan;
mod progress;
mod records;
mod values;

pub use findings::{Finding, MAX_PLAUSIBLE_VALUE, Severity};
pub use plan::validate_plan;
pub use progress::validate_progress;
pub use records::needs_baseline;
pub use values::{
    MAX_TEXT_CHARS, is_forbidden_char, is_valid_id, is_web_address, site_address, validate_index,
    validate_manifest,
};
