//! What a page says about itself: the sample-data notice, "not found", the
//! empty state of a filter, the release shown and its integrity check.

use leptos::prelude::*;
use plan_model::Lang;

use crate::data::DataError;
use portal_view::locale::tr;

/// Says, in words, that the figures are made up. Shown wherever sample figures are.
#[component]
pub fn SampleNotice(
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <p class="sample-notice" role="note">
            <strong>{tr!(lang, sample_data)}</strong>
            {tr!(lang, sample_notice)}
        </p>
    }
}

/// A link that names something the data does not have: says so, with a way home.
#[component]
pub fn NotFound(
    /// What was looked for, e.g. 指标 or 任务.
    what: &'static str,
    /// The id from the link.
    id: String,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h1>{tr!(lang, not_found_title)} {what}</h1>
            // The host's "not found" page (`404.html`) names no id.
            {(!id.is_empty()).then(|| view! { <p>{tr!(lang, not_found_body)} " “" {id.clone()} "”"</p> })}
            <p>
                <a href=portal_view::url::Route::Overview.href(lang)>{tr!(lang, back_to_overview)}</a>
            </p>
        </div>
    }
}

/// A status as icon and words (never colour alone): the icon for the eye, the
/// words for everyone (the icon is hidden from screen readers).
#[component]
pub fn StatusWords(
    /// The status.
    status: plan_model::Status,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <span class=portal_view::format::status_class(status) aria-hidden="true">{status.icon()}</span>
        " "
        <strong class="status-label">{status.label(lang)}</strong>
    }
}

/// Shown when the filters leave nothing: says so, with a way back.
#[component]
pub fn EmptyState(
    /// Reader's language.
    lang: Lang,
    /// The same view without filters.
    #[prop(into)]
    clear_href: String,
) -> impl IntoView {
    view! {
        <div class="card empty-state" role="note">
            <p>{tr!(lang, empty_state)}</p>
            <p>
                <a href=clear_href>{tr!(lang, clear_filters)}</a>
            </p>
        </div>
    }
}

/// Which data release the page shows: version, as-of and publication dates.
#[component]
pub fn ReleaseBar(
    /// The release.
    release: plan_model::progress::Release,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <section class="release-bar" aria-label=tr!(lang, release_label)>
            <p>
                {tr!(lang, release_version)} " " <strong class="release-version">{release.version.clone()}</strong>
                " · " {tr!(lang, as_of)} " " <time class="release-as-of" datetime=release.as_of.clone()>{release.as_of.clone()}</time>
                " · " {tr!(lang, published)} " " <time datetime=release.published.clone()>{release.published.clone()}</time>
            </p>
            <IntegrityLine lang=lang />
            <StaleNote shown=release.version.clone() lang=lang />
        </section>
    }
}

/// The release the page was rendered from (`<meta name="portal-release">`),
/// provided by the shell in the browser unless the view is pinned to a release.
#[derive(Clone, Debug)]
pub struct RenderedFrom(pub String);

/// Says so when the data files served are not the release the page was
/// rendered from (JSON copied without publishing): the figures shown are the
/// newer ones, and the page a crawler or a reader without scripts gets is not.
#[component]
fn StaleNote(shown: String, lang: Lang) -> impl IntoView {
    let rendered = use_context::<RenderedFrom>().map(|r| r.0).filter(|r| *r != shown)?;
    Some(view! {
        <p class="stale-note" role="note">
            <strong>{tr!(lang, stale_title)}</strong> " "
            {tr!(lang, stale_body, rendered = rendered, shown = shown)}
        </p>
    })
}

/// The shown files checked against the release manifest (provided by the shell).
#[derive(Clone, Copy)]
pub struct Integrity(pub LocalResource<Option<Result<crate::data::Verification, DataError>>>);

/// "Verified · release V · SHA-256 …", or a visible warning when a file shown
/// is not the one the release manifest names (tampered, or half uploaded).
#[component]
pub fn IntegrityLine(
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let short = |h: &str| h.get(..12).unwrap_or(h).to_owned();
    let Some(Integrity(check)) = use_context::<Integrity>() else {
        // A page rendered natively: the hashes the manifest lists, in the
        // place the browser's check will take (same line, nothing moves).
        let Some(manifest) = crate::data::read_ahead().and_then(|r| r.manifest) else {
            return ().into_any();
        };
        let hashes = manifest
            .files
            .iter()
            .filter(|f| {
                [plan_model::PLAN_FILE, plan_model::PROGRESS_FILE].contains(&f.path.as_str())
            })
            .map(|f| format!("{} {}…", f.path, short(&f.sha256)))
            .collect::<Vec<_>>()
            .join(" · ");
        return view! {
            <p class="integrity integrity-listed">
                {tr!(lang, manifest_lists)} " · " {tr!(lang, release_version)} " " {manifest.version.clone()}
                " · SHA-256 " <span class="hashes">{hashes}</span>
            </p>
        }
        .into_any();
    };
    view! {
        <Suspense fallback=move || view! { <p class="integrity integrity-pending">{tr!(lang, verifying)}</p> }>
            {move || check.get().flatten().map_or_else(|| view! {
                // Holds the line's place: the page below does not jump when the result comes.
                <p class="integrity integrity-pending">{tr!(lang, verifying)}</p>
            }.into_any(), |result| match result {
                Ok(v) if v.files.iter().all(|f| f.matches()) => {
                    let hashes = v.files.iter().map(|f| format!("{} {}…", f.file, short(&f.expected))).collect::<Vec<_>>().join(" · ");
                    view! {
                        <p class="integrity integrity-ok">
                            <span aria-hidden="true">"✔ "</span>
                            {tr!(lang, verified)} " · " {tr!(lang, release_version)} " " {v.version.clone()}
                            " · SHA-256 " <span class="hashes">{hashes}</span>
                        </p>
                    }.into_any()
                }
                Ok(v) => {
                    let bad = v.files.iter().filter(|f| !f.matches()).map(|f| {
                        let got = f.actual.as_deref().map_or_else(|| tr!(lang, hash_unavailable).to_owned(), short);
                        format!("{} ({} {}…, {} {})", f.file, tr!(lang, hash_expected), short(&f.expected), tr!(lang, hash_actual), got)
                    }).collect::<Vec<_>>().join("; ");
                    view! {
                        <p class="integrity integrity-warning" role="alert">
                            <strong><span aria-hidden="true">"⚠ "</span>{tr!(lang, not_verified)}</strong>
                            " " {bad} " " {tr!(lang, not_verified_why)}
                        </p>
                    }.into_any()
                }
                Err(e) => view! {
                    <p class="integrity integrity-warning" role="alert">
                        <strong><span aria-hidden="true">"⚠ "</span>{tr!(lang, not_verified)}</strong>
                        " " {e.message(lang)}
                    </p>
                }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}
