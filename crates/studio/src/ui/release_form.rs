//! The release form: version, date and notes, warnings accepted, the ZIP taken away or written into a folder.

use super::*;

#[component]
pub(super) fn ReleaseForm(
    lang: Lang,
    backend: StoredValue<Backend, LocalStorage>,
    standing: RwSignal<Option<Result<Standing, String>>>,
    accepted: RwSignal<bool>,
    reading: RwSignal<Option<String>>,
) -> impl IntoView {
    let version = RwSignal::new(String::new());
    let date = RwSignal::new(portal_browser::today());
    let notes_zh = RwSignal::new(String::new());
    let notes_en = RwSignal::new(String::new());
    let said: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    // How long the last release took, data and pages (for the bench).
    let took = RwSignal::new(0.0_f64);
    // The last release made (its ZIP, version and the release it was made
    // from), to write into a folder.
    let made: StoredValue<Option<(Vec<u8>, String, String)>, LocalStorage> =
        StoredValue::new_local(None);
    let has_made = RwSignal::new(false);
    let folder_said: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let write_folder = move |_| {
        let Some((zip, version, base)) = made.get_value() else { return };
        busy.set(true);
        folder_said.set(None);
        spawn_local(async move {
            let result = match crate::folder::unzip(&zip) {
                Ok(files) => crate::folder::write(&files, &version, &base, lang).await,
                Err(error) => Err(error),
            };
            folder_said.set(Some(result));
            busy.set(false);
        });
    };
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(now)) = standing.get_untracked() else { return };
        // Not while a sheet is read: its warnings are not known yet.
        if reading.get_untracked().is_some() {
            return;
        }
        if now.warnings > 0 && !accepted.get_untracked() {
            said.set(Some(Err(say(Say::AcceptFirst, lang, &[]))));
            return;
        }
        let request = Request::Release {
            version: version.get_untracked(),
            date: date.get_untracked(),
            notes_zh: notes_zh.get_untracked(),
            notes_en: notes_en.get_untracked(),
            accept_warnings: accepted.get_untracked(),
        };
        let backend = backend.get_value();
        busy.set(true);
        spawn_local(async move {
            let started = js_sys::Date::now();
            let (response, blobs) = backend.call(request, Vec::new()).await;
            took.set(js_sys::Date::now() - started);
            said.set(Some(match response {
                Response::Released(Ok(released)) => {
                    let zip = blobs.into_iter().next().unwrap_or_default();
                    let version =
                        released.name.trim_start_matches("release-").trim_end_matches(".zip");
                    made.set_value(Some((zip.clone(), version.to_owned(), released.base.clone())));
                    has_made.set(true);
                    folder_said.set(None);
                    let made = released;
                    let (file, count) = (&made.name, &made.files);
                    match (portal_browser::save_file(&zip, "application/zip", file), &made.pages) {
                        (Ok(()), Ok(pages)) => Ok(say(
                            Say::ReleaseMade,
                            lang,
                            &[("file", file), ("count", count), ("pages", pages)],
                        )),
                        (Ok(()), Err(why)) => Ok(say(
                            Say::ReleaseDataOnly,
                            lang,
                            &[("file", file), ("count", count), ("why", why)],
                        )),
                        (Err(error), _) => {
                            Err(say(Say::DownloadFailed, lang, &[("error", &error)]))
                        }
                    }
                }
                Response::Released(Err(error)) | Response::Opened(Err(error)) => Err(error),
                _ => Err("—".to_owned()),
            }));
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="studio-release">
            <h2 id="studio-release">{say(Say::StepRelease, lang, &[])}</h2>
            <p>{say(Say::ReleaseHolds, lang, &[])}</p>
            <form class="studio-form" on:submit=make>
                <p><label for="studio-version">{say(Say::Version, lang, &[])}</label><br/>
                    <input id="studio-version" name="version" required autocomplete="off"
                        prop:value=move || version.get()
                        on:input=move |ev| version.set(event_target_value(&ev)) /></p>
                <p><label for="studio-date">{say(Say::Date, lang, &[])}</label><br/>
                    <input id="studio-date" name="date" required
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev)) /></p>
                <p><label for="studio-notes-zh">{say(Say::NotesZh, lang, &[])}</label><br/>
                    <textarea id="studio-notes-zh" name="notes_zh" rows="3" required
                        prop:value=move || notes_zh.get()
                        on:input=move |ev| notes_zh.set(event_target_value(&ev))></textarea></p>
                <p><label for="studio-notes-en">{say(Say::NotesEn, lang, &[])}</label><br/>
                    <span id="studio-notes-en-hint" class="studio-hint">{say(Say::NotesEnEmpty, lang, &[])}</span><br/>
                    <textarea id="studio-notes-en" name="notes_en" rows="3"
                        aria-describedby="studio-notes-en-hint"
                        prop:value=move || notes_en.get()
                        on:input=move |ev| notes_en.set(event_target_value(&ev))></textarea></p>
                {move || {
                    let warnings = standing.get().and_then(Result::ok).map_or(0, |s| s.warnings);
                    (warnings > 0).then(|| view! {
                        <p class="studio-accept">
                            <label>
                                <input type="checkbox" prop:checked=move || accepted.get()
                                    on:change=move |ev| accepted.set(event_target_checked(&ev)) />
                                " "{say(Say::Warnings, lang, &[("count", &warnings)])}" "
                                {say(Say::AcceptWarnings, lang, &[])}
                            </label>
                        </p>
                    })
                }}
                <p><button type="submit"
                    prop:disabled=move || !matches!(standing.get(), Some(Ok(_))) || busy.get() || reading.get().is_some()>
                    {say(Say::MakeRelease, lang, &[])}</button></p>
            </form>
            <p class="studio-release-said" role="status" data-millis=move || took.get().to_string()>
                {move || said.get().map(|r| match r {
                    Ok(text) => view! { <span class="studio-ok">{text}</span> }.into_any(),
                    Err(text) => view! { <span class="studio-error">"✗ "{text}</span> }.into_any(),
                })}
            </p>
            <Show when=move || has_made.get() && crate::folder::supported()>
                <p>{say(Say::WriteFolderIntro, lang, &[])}</p>
                <p><button type="button" class="studio-write-folder"
                    prop:disabled=move || busy.get()
                    on:click=write_folder>{say(Say::WriteFolder, lang, &[])}</button></p>
            </Show>
            <p class="studio-folder-said" role="status">
                {move || folder_said.get().map(|r| match r {
                    Ok(text) => view! { <span class="studio-ok">{text}</span> }.into_any(),
                    Err(text) => view! { <span class="studio-error">"✗ "{text}</span> }.into_any(),
                })}
            </p>
        </section>
    }
}
