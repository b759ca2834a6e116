//! Status maths (序时进度): how far each target has come, what was expected by
//! the as-of date, and the status band, each with an explanation a reader can
//! check by hand. Roll-ups per task, goal area, district and department.
//! Lowest first: `band` (bands, expected progress, completion) · `pace` (what
//! a target still needs) · `assess` (one indicator) · `scorecard` (roll-ups,
//! every assessment of a release) · `standing` (rankings, histories).

mod assess;
mod band;
pub mod pace;
mod scorecard;
mod standing;

pub use assess::{Assessment, assess};
pub use band::{Start, Status, StatusContext, completion, expected_percent};
pub use scorecard::{RollUp, Scorecard, department_indicators, roll_up};
pub use standing::{
    DistrictStanding, HistoryPoint, district_average_completion, district_history,
    districts_history, indicator_history, rank_districts,
};
