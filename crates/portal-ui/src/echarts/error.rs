//! Why a chart could not be drawn. The page shows the reason in brackets
//! after its own sentence in the reader's language ("the chart could not be
//! drawn … the table has the same numbers"); the reason is ECharts' or the
//! browser's own words.

/// Why a chart could not be drawn or exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// The chart could not be turned into an ECharts option.
    #[error("the chart's option could not be made: {0}")]
    Option(String),
    /// ECharts or the browser refused, in its own words.
    #[error("{0}")]
    Browser(String),
    /// The chart's element left the page before it was drawn.
    #[error("the chart was removed from the page")]
    Removed,
    /// The chart library did not arrive (blocked, missing, altered, too slow).
    #[error("the chart library did not load")]
    LibraryMissing,
}

impl From<serde_json::Error> for ChartError {
    fn from(e: serde_json::Error) -> Self {
        ChartError::Option(e.to_string())
    }
}
