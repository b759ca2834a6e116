//! Small shared pieces of the page, used by pages and the figure card alike:
//! the data table, loading and error states, notices, links from the data,
//! the document head, the filter bar, the live region, and commitments with
//! their updates.

mod announcer;
mod commitments;
mod confidence;
mod data_text;
mod feedback;
mod filter_bar;
mod follow;
mod head;
mod links;
mod loading;
mod notices;
mod reporting;
mod speak;
mod table;

pub use announcer::{Announcer, FilterStatus};
pub use commitments::{
    CommitmentList, UpdateTimeline, commitment_anchor, stage_summary, states_of, update_text,
};
pub use confidence::ConfidenceLine;
pub use data_text::{DataText, InChineseOnly};
pub use feedback::Feedback;
pub use filter_bar::{FilterBar, Offered, navigate};
pub use follow::{FOLLOW_INDEX, FollowButton, Followed, status_code};
pub use head::{HeadSink, PageHead, PageTitle};
pub use links::{DataLink, ResponsibleUnits, safe_link};
pub use loading::{ErrorPanel, Later, Loaded, LoadingSkeleton};
pub use notices::{
    EmptyState, Integrity, IntegrityLine, NotFound, ReleaseBar, RenderedFrom, SampleNotice,
    StatusWords,
};
pub use reporting::{LateFlag, LateReports, ReportingLine};
pub use speak::Speak;
pub use table::DataTable;
