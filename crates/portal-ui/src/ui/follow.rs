//! Follow what matters to me: a button on a district's, a key task's or an
//! indicator's page that keeps it in this browser's list (nothing leaves the
//! browser), and the overview's place for what changed for each since the
//! reader's last visit. The loader does the keeping (boot.js) and the
//! showing (scripts/page/follow.js, fetched only when something is
//! followed); without scripts, or where the browser keeps nothing, neither
//! is seen.

use leptos::prelude::*;
use plan_model::{Lang, Status};

use portal_view::locale::tr;

/// A status as the follow index and the browser's list write it.
pub fn status_code(status: Status) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// "Follow" / "Following" for one item (`key`: `district:<id>`, `task:<id>`,
/// `indicator:<id>`), with its status now, which the list keeps as seen.
#[component]
pub fn FollowButton(
    /// What is followed.
    key: String,
    /// Its status now.
    status: Status,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="follow"
            aria-pressed="false"
            data-follow=key
            data-status=status_code(status)
        >
            <span class="follow-off">{tr!(lang, follow_button)}</span>
            <span class="follow-on">{tr!(lang, following_button)}</span>
        </button>
    }
}

/// The overview's list of what the reader follows (filled by follow.js from
/// `<lang>/follow-index.json`), hidden until there is something to show.
#[component]
pub fn Followed(
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <section
            class="card followed"
            id="followed"
            aria-labelledby="followed-heading"
            hidden=true
            data-index=format!("{}/{}", lang.code(), FOLLOW_INDEX)
            data-changed=tr!(lang, followed_changed)
            data-same=tr!(lang, followed_same)
            data-first=tr!(lang, followed_first)
            data-gone=tr!(lang, followed_gone)
            data-feed=tr!(lang, followed_feed)
            data-unfollow=tr!(lang, followed_unfollow)
        >
            <h2 id="followed-heading">{tr!(lang, followed_heading)}</h2>
            <p class="card-subtitle">{tr!(lang, followed_note)}</p>
            <ul class="followed-list"></ul>
        </section>
    }
}

/// The follow index's file name, in each language's folder.
pub const FOLLOW_INDEX: &str = "follow-index.json";
