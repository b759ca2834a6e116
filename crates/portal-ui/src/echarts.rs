//! Drawing charts with ECharts: our bindings to it (`bindings`), whether its
//! script has arrived (`library`), the option made from a chart with the
//! rules every chart follows (`option`, pure, tested natively), a live
//! instance and SVG export (`instance`), the one component (`component`), and
//! why a chart could not be drawn (`error`).

mod bindings;
mod component;
mod error;
mod instance;
mod library;
mod option;

pub use component::{EChart, FIRST_CHART_MARK, KeyboardPoints};
pub use error::ChartError;
pub use instance::render_svg;
pub use library::library_ready;
pub use option::{Renderer, option_json};
