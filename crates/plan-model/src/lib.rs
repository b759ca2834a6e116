//! The Kunshan 2026 AI action plan as data: types, loading with located errors,
//! semantic validation and the status maths (序时进度). No web dependencies: it
//! builds for native and wasm32 and is tested natively.

pub mod cadence;
pub mod commitments;
pub mod confidence;
pub mod date;
pub mod diff;
pub mod load;
pub mod messages;
pub mod movers;
pub mod plan;
pub mod progress;
pub mod release;
#[cfg(feature = "schema")]
pub mod schema;
pub mod status;
pub use status::pace;
pub mod text;
pub mod validate;

pub use load::{LoadError, parse_plan, parse_progress};
pub use plan::{
    Commitment, CommitmentKind, Department, District, DistrictKind, GoalArea, Indicator, Pace,
    PlanDocument, PlanInfo, Target, Task, TaskGroup,
};
pub use progress::{PROGRESS_FILE, ProgressDocument};
pub use status::{Assessment, RollUp, Scorecard, Status};
pub use text::{Bilingual, Lang};
pub use validate::{Finding, Severity, validate_plan, validate_progress};

/// The schema version this build of the model reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// File name of the plan document inside a data folder.
pub const PLAN_FILE: &str = "plan.json";
