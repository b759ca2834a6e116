//! Charts: pure builders from data to a `charming::Chart` (tested natively as
//! JSON snapshots), and the one component that draws a chart with ECharts.

pub mod echarts;
pub mod goal_areas;
pub mod heatmap;
pub mod progress;
pub mod trend;
pub mod with_table;

pub use echarts::{EChart, Renderer};
pub use with_table::DataTable;

/// Colour-blind-safe palette (Okabe–Ito), in the order series use it.
pub const PALETTE: [&str; 4] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"];
