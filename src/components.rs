//! Small pieces shared by pages: loading and error states, the sample-data notice.

use leptos::prelude::*;
use plan_model::Lang;

use crate::data::DataError;
use crate::tr;

/// Grey placeholder blocks in the shape of the page, shown while data loads.
#[component]
pub fn LoadingSkeleton(
    /// Reader's language.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{move || tr!(lang.get(), loading)}</span>
            <div class="skeleton-line skeleton-title"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-block"></div>
        </div>
    }
}

/// Renders its children in a task of its own, after the page around it: a
/// long page then starts as several short tasks, so the part on screen is
/// shown (and answers taps) sooner. For parts below the first screen only.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || _ = ready.try_set(true), std::time::Duration::ZERO);
    // Until then an empty, hidden marker: "the page is not all there yet".
    move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <div data-later="" hidden></div> }.into_any()
        }
    }
}

/// A visible error that says what failed, with a button to try again.
#[component]
pub fn ErrorPanel(
    /// What failed, naming the file and the problem.
    #[prop(into)]
    message: String,
    /// Called when the reader asks to try again.
    on_retry: impl Fn() + 'static,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h2>{tr!(lang, load_failed)}</h2>
            <p class="error-message">{message}</p>
            <button type="button" on:click=move |_| on_retry()>
                {tr!(lang, retry)}
            </button>
        </div>
    }
}

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

/// Shows a loading resource: a skeleton while it loads, `ok(value)` once it
/// has, and the error (naming the file and the problem) with a retry button
/// if it failed. Every part of a page that needs a data file goes through it.
#[component]
pub fn Loaded<T, V, F>(
    /// The resource to wait for.
    resource: LocalResource<Result<T, DataError>>,
    /// Reader's language, for the error.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Renders the loaded value.
    ok: F,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    view! {
        <Transition fallback=move || view! { <LoadingSkeleton lang=lang /> }>
            {move || {
                resource
                    .get()
                    .map(|loaded| match loaded {
                        Ok(value) => ok(value).into_any(),
                        Err(error) => {
                            view! {
                                <ErrorPanel
                                    message=error.message(lang.get())
                                    lang=lang.get()
                                    on_retry=move || resource.refetch()
                                />
                            }
                                .into_any()
                        }
                    })
            }}
        </Transition>
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
            <p>{tr!(lang, not_found_body)} " “" {id} "”"</p>
            <p>
                <a href=crate::route::Route::Overview.href(lang)>{tr!(lang, back_to_overview)}</a>
            </p>
        </div>
    }
}

/// A task's responsible units in the plan's order, the lead marked 牵头,
/// each a link to its department page.
#[component]
pub fn ResponsibleUnits(
    /// The plan, for the units' names.
    doc: plan_model::PlanDocument,
    /// The task.
    task: plan_model::Task,
    /// Reader's language.
    lang: Lang,
    /// Short names (市工信局) rather than full ones.
    #[prop(optional)]
    short: bool,
) -> impl IntoView {
    task.responsible
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let unit = doc.departments.iter().find(|d| &d.id == id)?;
            let name =
                if short { unit.short_name.get(lang) } else { unit.name.get(lang) }.to_owned();
            let lead = (i == 0).then(|| tr!(lang, lead_mark));
            let separator = (i > 0).then_some(tr!(lang, list_separator));
            Some(view! {
                {separator}
                <a href=crate::route::Route::Department(id.clone()).href(lang)>{name}</a>
                {lead}
            })
        })
        .collect_view()
}

/// The document's title and description for this view: "<what> · <site>".
#[component]
pub fn PageTitle(
    /// What the view shows; `None` for the site's own title.
    #[prop(optional, into)]
    what: Option<String>,
    /// One sentence for link previews and search results.
    #[prop(into)]
    description: String,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let site = tr!(lang, document_title);
    let title = what.map_or_else(|| site.to_owned(), |w| format!("{w} · {site}"));
    view! {
        <leptos_meta::Title text=title />
        <leptos_meta::Meta name="description" content=description />
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
        </section>
    }
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
    let Some(Integrity(check)) = use_context::<Integrity>() else {
        return ().into_any();
    };
    let short = |h: &str| h.get(..12).unwrap_or(h).to_owned();
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

/// A number with its unit as the reader's language writes it: `300件`, but
/// `300 patents` and `3.9%`.
pub fn with_unit(value: f64, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::En if !unit.is_empty() && !unit.starts_with('%') => format!("{value} {unit}"),
        _ => format!("{value}{unit}"),
    }
}

/// A link target from the data, if it is a web address: only `https:` and
/// `http:` pass, so a `javascript:` or `data:` URL in a data file can never
/// become a link.
pub fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase())?;
    (matches!(scheme.as_str(), "https" | "http") && url[scheme.len()..].starts_with("://"))
        .then(|| url.to_owned())
}

/// A name linking to its address when the address is a web address, plain
/// text otherwise.
#[component]
pub fn DataLink(
    /// Address from the data.
    url: String,
    /// What the link says.
    text: String,
    /// The link's `rel`.
    #[prop(optional)]
    rel: &'static str,
) -> impl IntoView {
    match safe_link(&url) {
        Some(href) => view! { <a href=href rel=rel>{text}</a> }.into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(safe_link(" https://example.org/a ").as_deref(), Some("https://example.org/a"));
        assert_eq!(safe_link("HTTP://example.org").as_deref(), Some("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//example.org",
            "https:example.org",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn units_are_spaced_as_each_language_writes_them() {
        assert_eq!(with_unit(300.0, "件", Lang::Zh), "300件");
        assert_eq!(with_unit(300.0, "patents", Lang::En), "300 patents");
        assert_eq!(with_unit(3.9, "%", Lang::En), "3.9%");
        assert_eq!(with_unit(2.5, "", Lang::En), "2.5");
    }
}
