//! The one ECharts component: shows a chart as its picture, draws it with
//! ECharts over the picture when a reader reaches for it, keeps it in step
//! with its signal, shows a choice, and lets the keyboard step through its
//! points.

use charming::Chart;
use leptos::html;
use leptos::prelude::*;
use serde_json::json;

use super::ChartError;
use super::bindings::{EChartsInstance, parse_js};
use super::instance::{ChartHandle, choose};
use super::library::{Library, library, request_library};
use super::option::{Renderer, option_json};
use crate::ui::Announcer;

/// The name of the Performance mark set when the page's first chart is drawn;
/// `make bench` reads it (and the minimal comparison page sets the same).
pub const FIRST_CHART_MARK: &str = "kunshan:chart-drawn";

fn mark_first_chart() {
    crate::data::mark_once(FIRST_CHART_MARK);
}

/// What the arrow keys step through on a chart: one sentence per data point,
/// in the order of the chart's first series.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyboardPoints {
    /// Read out when the point is reached ("Zhoushi Town: 77.8 %, on schedule").
    pub sentences: Vec<String>,
    /// Also show the chart's tooltip at the point (off where the tooltip would mislead).
    pub show_tip: bool,
}

/// The chosen points as the page names them for the loader (`data-chosen`):
/// "3,4,5"; none when nothing is chosen.
fn chosen_attribute(chosen: &Option<Vec<usize>>) -> Option<String> {
    let chosen = chosen.as_ref().filter(|c| !c.is_empty())?;
    Some(chosen.iter().map(usize::to_string).collect::<Vec<_>>().join(","))
}

/// Moves to point `index`: highlights it (and shows its tooltip), says it.
fn step_to(instance: &EChartsInstance, previous: Option<usize>, index: usize, show_tip: bool) {
    let action = |kind: &str, i: usize| {
        parse_js(&json!({ "type": kind, "seriesIndex": 0, "dataIndex": i }).to_string())
    };
    if let Some(p) = previous
        && let Ok(a) = action("downplay", p)
    {
        let _ = instance.dispatch_action(&a);
    }
    if let Ok(a) = action("highlight", index) {
        let _ = instance.dispatch_action(&a);
    }
    if show_tip && let Ok(a) = action("showTip", index) {
        let _ = instance.dispatch_action(&a);
    }
}

/// Draws `chart` with ECharts and keeps it in step with the signal.
#[component]
pub fn EChart(
    /// The chart to draw; each new value replaces the previous option entirely.
    #[prop(into)]
    chart: Signal<Chart>,
    /// What the chart shows, for screen readers (the table beside it has the numbers).
    #[prop(into)]
    label: Signal<String>,
    /// Canvas (default) or SVG.
    #[prop(optional)]
    renderer: Renderer,
    /// CSS height of the chart area.
    #[prop(into, default = "22rem".to_owned())]
    height: String,
    /// Language of the message shown if the chart cannot be drawn.
    #[prop(optional)]
    lang: plan_model::Lang,
    /// Points to step through with the arrow keys; none: the chart takes no focus.
    #[prop(optional, into)]
    keyboard: Signal<KeyboardPoints>,
    /// Points of the first series shown as chosen; `None`: the chart has no
    /// choice to show. A new choice changes the drawn chart's state, no redraw.
    #[prop(optional, into)]
    chosen: Signal<Option<Vec<usize>>>,
    /// The chart as an SVG picture (`Figure::picture`), shown until the
    /// interactive chart is drawn over it.
    #[prop(optional, into)]
    picture: Signal<String>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let handle = StoredValue::new_local(None::<ChartHandle>);
    let failure = RwSignal::new(None::<String>);
    let drawn_json = StoredValue::new_local(String::new());
    // ECharts has drawn the chart: the picture under it gives way.
    let drawn_live = RwSignal::new(false);
    // Whether the chart can show a choice at all is fixed for its life.
    let choosable = chosen.with_untracked(Option::is_some);
    // Bumped after each new option: the choice must be shown again on it.
    let redrawn = RwSignal::new(0_u64);
    let shown_choice = StoredValue::new_local(Vec::<usize>::new());
    let focusable = Memo::new(move |_| keyboard.with(|k| !k.sentences.is_empty()));
    // ECharts' aria writes the container's label from this description, so the
    // keyboard hint goes into it too.
    let hint = Memo::new(move |_| {
        let label = label.get();
        if focusable.get() {
            format!("{label} {}", portal_view::locale::tr!(lang, chart_keys_hint))
        } else {
            label
        }
    });

    // The page shows the chart as a picture (`Figure::picture`) until the
    // reader reaches for it (a pointer over it, a tap, focus): only then is
    // the interactive library loaded and the chart drawn over the picture,
    // in the same box. Reading costs no script; updates draw at once.
    let may_draw = RwSignal::new(false);
    let reach = move || {
        if !may_draw.get_untracked() {
            may_draw.set(true);
        }
    };
    Effect::new(move |_| {
        if !may_draw.get() {
            return;
        }
        let chart = chart.get();
        let description = hint.get();
        match library() {
            Library::NotRequested => {
                request_library();
                return;
            }
            Library::Loading => return,
            Library::Missing => {
                failure.set(Some(portal_view::locale::tr!(lang, chart_library_missing).to_owned()));
                return;
            }
            Library::Ready => {}
        }
        let Some(element) = container.get() else {
            return;
        };
        let json = match option_json(&chart, &description, choosable) {
            // The same option as on screen (a filter this chart ignores): nothing to do.
            Ok(json) if drawn_json.with_value(|last| *last == json) => return,
            other => other,
        };
        let drawn = json.and_then(|json| {
            let option = parse_js(&json)?;
            drawn_json.set_value(json);
            Ok(option)
        });
        let drawn = drawn.and_then(|option| {
            handle
                .try_update_value(|slot| {
                    if slot.is_none() {
                        *slot = Some(ChartHandle::create(&element, renderer)?);
                    }
                    match slot {
                        Some(live) => live.replace_option(&option),
                        None => Err(ChartError::Removed),
                    }
                })
                .unwrap_or(Err(ChartError::Removed))
        });
        match drawn {
            Ok(()) => {
                mark_first_chart();
                drawn_live.set(true);
                // A new option starts with nothing chosen.
                shown_choice.set_value(Vec::new());
                redrawn.update(|n| *n += 1);
            }
            // Not on screen: the same option must be tried again.
            Err(_) => drawn_json.set_value(String::new()),
        }
        failure.set(drawn.err().map(|e| e.to_string()));
    });

    let show_choice = move || {
        let Some(wanted) = chosen.try_with_untracked(|c| c.clone().unwrap_or_default()) else {
            return;
        };
        let Some(shown) = shown_choice.try_get_value() else { return };
        if shown == wanted {
            return;
        }
        let done = handle
            .try_with_value(|slot| {
                slot.as_ref().map(|live| choose(&live.instance, &shown, &wanted))
            })
            .flatten();
        // Not drawn yet: the choice is shown once it is. A failed action
        // leaves the old choice; the table's selected row still says it.
        if let Some(Ok(())) = done {
            shown_choice.set_value(wanted);
        }
    };
    Effect::new(move |_| {
        redrawn.track();
        chosen.track();
        // In a task of its own, after the page around the chart (the table's
        // selected row) is painted: ECharts repaints the chart in the next
        // frame instead of making this one late.
        set_timeout(show_choice, std::time::Duration::ZERO);
    });

    on_cleanup(move || {
        // Dropping the handle disposes the instance.
        handle.try_update_value(|slot| slot.take());
    });

    // Taken now: event handlers run outside the component's reactive owner.
    let announcer = use_context::<Announcer>();
    let position = StoredValue::new(None::<usize>);
    // New figures (a filter changed): start again from the first point.
    Effect::new(move |_| {
        keyboard.track();
        position.set_value(None);
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (count, show_tip) = keyboard.with_untracked(|k| (k.sentences.len(), k.show_tip));
        if count == 0 {
            return;
        }
        let current = position.get_value();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => current.map_or(0, |i| (i + 1).min(count - 1)),
            "ArrowLeft" | "ArrowUp" => current.map_or(0, |i| i.saturating_sub(1)),
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        ev.prevent_default();
        position.set_value(Some(next));
        handle.with_value(|slot| {
            if let Some(live) = slot {
                step_to(&live.instance, current, next, show_tip);
            }
        });
        if let Some(Announcer(live)) = announcer {
            let sentence = keyboard.with_untracked(|k| k.sentences[next].clone());
            live.set(format!("{sentence} ({}/{count})", next + 1));
        }
    };

    // A page rendered natively carries its chart's option (data, not script:
    // `<` escaped, so the text cannot end the element), for the loader to draw
    // with ECharts alone, before the app and without it.
    #[cfg(static_render)]
    let option_in_page = chart
        .with_untracked(|c| option_json(c, &hint.get_untracked(), choosable).ok())
        .map(|json| json.replace('<', "\\u003c"));
    #[cfg(not(static_render))]
    let option_in_page: Option<String> = None;

    view! {
        <div
            class="chart-frame"
            on:pointerover=move |_| reach()
            on:pointerdown=move |_| reach()
            on:focusin=move |_| reach()
        >
            <div class="chart-box" style:height=height>
                <div
                    class="chart"
                    node_ref=container
                    role="img"
                    tabindex=move || focusable.get().then_some("0")
                    on:keydown=on_key
                    aria-label=hint
                    data-renderer=renderer.name()
                    data-drawn=move || drawn_live.get().then_some("")
                    data-chosen=move || chosen_attribute(&chosen.get())
                ></div>
                <div class="chart-picture" aria-hidden="true" inner_html=move || picture.get()></div>
            </div>
            {option_in_page.map(|json| view! { <script type="application/json" class="chart-option" inner_html=json></script> })}
            {move || {
                failure
                    .get()
                    .map(|reason| {
                        view! {
                            <p class="chart-error" role="alert">
                                {portal_view::locale::tr!(lang, chart_failed)} " (" {reason} ") " {portal_view::locale::tr!(lang, chart_failed_table)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
