//! The preview: a page of the site rendered with the draft, in a frame, with the pages to choose from.

use super::*;

/// The site's address as this browser has it: two folders up from the
/// studio's page (`<root><lang>/publish/`).
fn site_root() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|here| web_sys::Url::new_with_base("../../", &here).ok())
        .map(|u| u.href())
        .unwrap_or_default()
}

/// The site's own pages rendered with the draft, one at a time, in a frame
/// that runs no script (`sandbox` without `allow-scripts`).
#[component]
pub(super) fn PagePreview(
    lang: Lang,
    backend: StoredValue<Backend, LocalStorage>,
    standing: RwSignal<Option<Result<Standing, String>>>,
) -> impl IntoView {
    let shown: RwSignal<Option<Result<Preview, String>>> = RwSignal::new(None);
    let chosen: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    // A new draft (or a sheet read, or the draft discarded): the page shown
    // is of the old one, so it goes.
    Effect::new(move |_| {
        standing.track();
        shown.set(None);
    });
    let show = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let request = Request::Preview {
            file: chosen.get_untracked(),
            root: site_root(),
            date: portal_browser::today(),
        };
        let backend = backend.get_value();
        spawn_local(async move {
            let answer = match backend.call(request, Vec::new()).await.0 {
                Response::Preview(result) => result,
                Response::Opened(Err(error)) => Err(error),
                _ => Err("—".to_owned()),
            };
            if let Ok(preview) = &answer {
                chosen.set(Some(preview.file.clone()));
            }
            shown.set(Some(answer));
            busy.set(false);
        });
    };
    let choices = move || {
        shown.get().and_then(Result::ok).map(|p| {
            // A group for each language, the studio's first (as listed).
            let options = [lang, lang.other()]
                .into_iter()
                .map(|group| {
                    let options = p
                        .pages
                        .iter()
                        .filter(|page| page.lang == group)
                        .map(|page| {
                            let selected = page.file == p.file;
                            view! { <option value=page.file.clone() selected=selected>{page.label.clone()}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=pages_in(group, lang)>{options}</optgroup> }
                })
                .collect_view();
            view! {
                <p>
                    <label for="studio-preview-page">{say(Say::PreviewChoose, lang, &[])}</label>
                    " "
                    <select id="studio-preview-page"
                        on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                        {options}
                    </select>
                </p>
            }
        })
    };
    view! {
        <div class="studio-page-preview">
            <h3>{say(Say::PreviewHeading, lang, &[])}</h3>
            <p>{say(Say::PreviewIntro, lang, &[])}</p>
            {choices}
            <p>
                <button type="button" class="studio-preview-show"
                    prop:disabled=move || !matches!(standing.get(), Some(Ok(_))) || busy.get()
                    on:click=show>{say(Say::PreviewShow, lang, &[])}</button>
                " "
                <span role="status">{move || busy.get().then(|| say(Say::PreviewRendering, lang, &[]))}</span>
            </p>
            {move || shown.get().map(|answer| match answer {
                Ok(preview) => {
                    // A page in the other language says so in the frame's name.
                    let label = preview.pages.iter().find(|p| p.file == preview.file).map_or_else(
                        || preview.file.clone(),
                        |p| match (p.lang == lang, lang) {
                            (true, _) => p.label.clone(),
                            (false, Lang::Zh) => format!("{}（{}）", p.label, pages_in(p.lang, lang)),
                            (false, Lang::En) => format!("{} ({})", p.label, pages_in(p.lang, lang)),
                        },
                    );
                    view! {
                        <iframe class="studio-preview-frame" sandbox="allow-same-origin"
                            title=say(Say::PreviewFrame, lang, &[("page", &label)])
                            data-file=preview.file.clone()
                            srcdoc=preview.html></iframe>
                    }.into_any()
                }
                Err(error) => view! { <p class="studio-error" role="alert">"✗ "{error}</p> }.into_any(),
            })}
        </div>
    }
}
