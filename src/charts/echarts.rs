//! The one ECharts wrapper. It owns its ECharts instance: creates it with the
//! chosen renderer, replaces the whole option on every update (so no stale
//! series survive), follows its container's size, and disposes on cleanup.
//! charming's own `WasmRenderer` can do none of these (see TOOLCHAIN.md).

use charming::Chart;
use leptos::html;
use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ResizeObserver};

use crate::near_screen::{NearScreen, is_near_now};

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance bound to one element.
    #[derive(Clone)]
    type EChartsInstance;

    /// `echarts.init(dom, theme, opts)`; throws if ECharts did not load.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(
        dom: &HtmlElement,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &EChartsInstance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn resize(this: &EChartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn dispose(this: &EChartsInstance) -> Result<(), JsValue>;

    /// `echarts.init(null, theme, {ssr: true, renderer: 'svg', width, height})`:
    /// an instance with no element, for drawing to an SVG string.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init_detached(
        dom: &JsValue,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &EChartsInstance) -> Result<String, JsValue>;

    #[wasm_bindgen(catch, method, js_name = dispatchAction)]
    fn dispatch_action(this: &EChartsInstance, action: &JsValue) -> Result<(), JsValue>;

    /// ECharts 6 re-themes a live chart (no re-creation, no lost state).
    #[wasm_bindgen(catch, method, js_name = setTheme)]
    fn set_theme(this: &EChartsInstance, theme: &str) -> Result<(), JsValue>;
}

/// Whether the ECharts script has arrived. The loader starts it `async`, once
/// the loading shell is painted, so pages show their text and tables without
/// waiting for it; charts draw once it is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Library {
    /// The loader waits to be asked (a narrow screen: no chart on the first
    /// screen); the first chart that comes near the screen asks.
    NotRequested,
    Loading,
    Ready,
    /// It did not load (blocked, 404, cut short, altered).
    Missing,
}

thread_local! {
    /// No chart has been drawn on this page yet.
    static FIRST_CHART: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// How near the screen a chart must come to be drawn, in screen heights: a
/// quarter, so that a reader scrolling at a normal pace finds it drawn, while
/// the charts well below the first screen wait.
const NEAR_SCREENS: f64 = 0.25;

thread_local! {
    /// Set for good when the reader prints: paper shows every chart, also
    /// those never scrolled to. (Effects run before the browser lays out the
    /// printed page: `beforeprint` handlers end with a microtask checkpoint.)
    static PRINTING: ArcRwSignal<bool> = {
        let printing = ArcRwSignal::new(false);
        if let Some(window) = web_sys::window() {
            let set = printing.clone();
            // Not `once`: a reader may print more than once.
            let on_print = Closure::<dyn FnMut()>::new(move || set.set(true)).into_js_value();
            let _ = window.add_event_listener_with_callback("beforeprint", on_print.unchecked_ref());
        }
        printing
    };
}

/// Whether the page is being printed, tracked.
fn printing() -> bool {
    PRINTING.with(ArcRwSignal::get)
}

/// Fired by scripts/echarts-entry.js once `window.echarts` is set.
const READY_EVENT: &str = "kunshan:echarts-ready";
/// Fired by the loader (scripts/harden-html.mjs) if the script fails to load;
/// it also marks the script element `data-failed`.
const FAILED_EVENT: &str = "kunshan:echarts-failed";
/// The loader's ECharts script element.
const SCRIPT_ID: &str = "echarts-script";
/// The loader's function that adds that element (once; later calls do nothing).
const LOAD_FUNCTION: &str = "kunshanLoadCharts";

fn loader_function() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(LOAD_FUNCTION)).ok()?.dyn_into().ok()
}

/// Asks the loader for ECharts now.
fn request_library() {
    if let Some(load) = loader_function() {
        let _ = load.call0(&JsValue::NULL);
    }
    LIBRARY.with(|state| state.set(library_now()));
}

fn library_now() -> Library {
    let Some(window) = web_sys::window() else { return Library::Missing };
    if js_sys::Reflect::get(&window, &JsValue::from_str("echarts")).is_ok_and(|e| e.is_object()) {
        return Library::Ready;
    }
    let Some(document) = window.document() else { return Library::Missing };
    match document.get_element_by_id(SCRIPT_ID) {
        Some(script) if script.has_attribute("data-failed") => Library::Missing,
        Some(_) => Library::Loading,
        None if loader_function().is_some() => Library::NotRequested,
        // No loader (a test page): loading until the page has finished.
        None if document.ready_state() == "complete" => Library::Missing,
        None => Library::Loading,
    }
}

thread_local! {
    /// One signal for the whole page (an `Arc` signal: no component owns it).
    static LIBRARY: ArcRwSignal<Library> = {
        let state = ArcRwSignal::new(library_now());
        if state.get_untracked() != Library::Ready && let Some(window) = web_sys::window() {
            for event in [READY_EVENT, FAILED_EVENT, "load"] {
                let seen = state.clone();
                let on_event = Closure::once_into_js(move || seen.set(library_now()));
                let _ = window.add_event_listener_with_callback(event, on_event.unchecked_ref());
            }
        }
        state
    };
}

/// The library's state, tracked: an effect reading it runs again when it arrives.
fn library() -> Library {
    LIBRARY.with(|state| {
        let seen = state.get();
        // Set by other means than the script tag (tests load it themselves).
        if seen != Library::Ready && library_now() == Library::Ready {
            state.set(Library::Ready);
            return Library::Ready;
        }
        seen
    })
}

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The reader's colour scheme, as a media query list to read and follow.
fn colour_scheme() -> Option<web_sys::MediaQueryList> {
    web_sys::window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten())
}

/// ECharts' built-in theme for the page: light text on dark, or the default.
/// The reader's own choice (see `prefs`) wins over the system setting.
fn theme_name() -> &'static str {
    if crate::prefs::is_dark() { "dark" } else { "default" }
}

/// How ECharts draws: canvas (default, fast) or SVG (crisp, selectable, exportable).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Renderer {
    /// HTML canvas.
    #[default]
    Canvas,
    /// SVG elements.
    Svg,
}

impl Renderer {
    fn name(self) -> &'static str {
        match self {
            Renderer::Canvas => "canvas",
            Renderer::Svg => "svg",
        }
    }
}

/// Turns a chart into the plain JS object ECharts expects. Going through JSON
/// makes every Rust map a plain object (ECharts ignores JS `Map`s), and lets us
/// enforce two rules no builder may forget:
/// - tooltips render as rich text, never as HTML, so text from the data can
///   never become markup;
/// - ECharts' aria is on, with `description` read to screen readers (charming
///   has no field for it).
pub fn option_json(chart: &Chart, description: &str, choosable: bool) -> Result<String, String> {
    let mut value = serde_json::to_value(chart).map_err(|e| e.to_string())?;
    defuse_rich_text(&mut value);
    if choosable {
        make_choosable(&mut value);
    }
    if let Some(option) = value.as_object_mut() {
        let tooltip = option.entry("tooltip").or_insert_with(|| json!({}));
        if let Some(tooltip) = tooltip.as_object_mut() {
            tooltip.insert("renderMode".into(), Value::from("richText"));
        }
        // The page's card colour shows through, in light and dark schemes alike.
        option.entry("backgroundColor").or_insert_with(|| Value::from("transparent"));
        // No motion: charts appear at once, a filter change redraws once (not
        // every frame for a second), and readers who get dizzy are spared.
        option.insert("animation".into(), Value::from(false));
        option.insert(
            "aria".into(),
            json!({ "enabled": true, "label": { "enabled": true, "description": description } }),
        );
    }
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

/// Lets the first series show points as chosen: ECharts' `select` state, a
/// dark outline and bold label (a sign that needs no colour). Choosing is an
/// action on the drawn chart, not part of the option, so choosing another
/// district costs ECharts a state change (under a millisecond) instead of a
/// redraw (10 to 15 ms for the heatmap). charming has none of these fields.
fn make_choosable(option: &mut Value) {
    let series = match option.get_mut("series") {
        Some(Value::Array(list)) => list.first_mut(),
        other => other,
    };
    let Some(Value::Object(series)) = series else { return };
    series.insert("selectedMode".into(), Value::from("multiple"));
    series.insert(
        "select".into(),
        json!({
            "itemStyle": { "borderColor": "#111111", "borderWidth": 3 },
            "label": { "fontWeight": "bold" }
        }),
    );
    // Only our actions choose; a click or hover must not toggle the choice.
    series.insert("silent".into(), Value::Bool(true));
    // ECharts keys the choice by point name, and unnamed points can share one
    // (a heatmap cell takes its column's), which would choose a whole column.
    if let Some(Value::Array(points)) = series.get_mut("data") {
        for (i, point) in points.iter_mut().enumerate() {
            let value = point.take();
            *point = json!({ "name": i.to_string(), "value": value });
        }
    }
}

/// The ECharts actions that make exactly `wanted` the chosen points of the
/// first series, given that `shown` are chosen now.
fn choice_actions(shown: &[usize], wanted: &[usize]) -> Vec<Value> {
    let gone: Vec<usize> = shown.iter().copied().filter(|i| !wanted.contains(i)).collect();
    let new: Vec<usize> = wanted.iter().copied().filter(|i| !shown.contains(i)).collect();
    let mut actions = Vec::new();
    if !gone.is_empty() {
        actions.push(json!({ "type": "unselect", "seriesIndex": 0, "dataIndex": gone }));
    }
    if !new.is_empty() {
        actions.push(json!({ "type": "select", "seriesIndex": 0, "dataIndex": new }));
    }
    actions
}

fn choose(instance: &EChartsInstance, shown: &[usize], wanted: &[usize]) -> Result<(), String> {
    for action in choice_actions(shown, wanted) {
        instance.dispatch_action(&parse_js(&action.to_string())?).map_err(js_error)?;
    }
    Ok(())
}

/// Draws a chart as an SVG document of the given size, in the light theme
/// and without animation: the chart part of an exported image. `chosen`: the
/// points shown as chosen, if the chart has any to choose.
pub fn render_svg(
    chart: &Chart,
    description: &str,
    chosen: Option<&[usize]>,
    width: u32,
    height: u32,
) -> Result<String, String> {
    let mut option: Value =
        serde_json::from_str(&option_json(chart, description, chosen.is_some())?)
            .map_err(|e| e.to_string())?;
    if let Some(o) = option.as_object_mut() {
        o.insert("animation".into(), Value::Bool(false));
    }
    let option = parse_js(&option.to_string())?;
    let opts = parse_js(
        &json!({ "renderer": "svg", "ssr": true, "width": width, "height": height }).to_string(),
    )?;
    let instance = echarts_init_detached(&JsValue::NULL, &JsValue::from_str("default"), &opts)
        .map_err(js_error)?;
    let drawn = instance
        .set_option(&option, &JsValue::UNDEFINED)
        .map_err(js_error)
        .and_then(|()| choose(&instance, &[], chosen.unwrap_or_default()))
        .and_then(|()| instance.render_to_svg_string().map_err(js_error));
    let _ = instance.dispose();
    drawn
}

/// ECharts reads `{style|text}` in any label or tooltip as rich-text markup
/// (and drops the braces), so a name from the data could restyle or hide its
/// own text. A zero-width space after the brace breaks the pattern and the
/// text shows exactly as written. No builder of ours uses rich text.
fn defuse_rich_text(value: &mut Value) {
    match value {
        Value::String(s) if s.contains('{') => *s = defuse_str(s),
        Value::Array(items) => items.iter_mut().for_each(defuse_rich_text),
        Value::Object(map) => map.values_mut().for_each(defuse_rich_text),
        _ => {}
    }
}

fn defuse_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 3);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if c == '{' {
            let name_len = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            if name_len > 0 && chars.get(i + 1 + name_len) == Some(&'|') {
                out.push('\u{200B}');
            }
        }
    }
    out
}

fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

fn parse_js(json: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(json).map_err(js_error)
}

/// The live instance with what keeps it sized and themed; dropping it
/// disconnects both and disposes the instance (ECharts otherwise keeps it forever).
struct ChartHandle {
    instance: EChartsInstance,
    observer: Option<ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
    scheme: Option<web_sys::MediaQueryList>,
    on_scheme: Closure<dyn FnMut()>,
}

impl ChartHandle {
    fn create(element: &HtmlElement, renderer: Renderer) -> Result<Self, String> {
        let opts = parse_js(&json!({ "renderer": renderer.name() }).to_string())?;
        let scheme = colour_scheme();
        let theme = JsValue::from_str(theme_name());
        let instance = echarts_init(element, &theme, &opts).map_err(js_error)?;
        let themed = instance.clone();
        let on_scheme = Closure::<dyn FnMut()>::new(move || {
            // A failed re-theme keeps the old colours; the data stays right.
            let _ = themed.set_theme(theme_name());
        });
        if let Some(scheme) = &scheme {
            let _ = scheme
                .add_event_listener_with_callback("change", on_scheme.as_ref().unchecked_ref());
        }
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback(
                crate::prefs::THEME_EVENT,
                on_scheme.as_ref().unchecked_ref(),
            );
        }
        let resized = instance.clone();
        let sized = element.clone();
        // The observer reports every element once when first observed; at the
        // size ECharts has just drawn at, a resize would draw the whole chart
        // a second time for nothing.
        let mut initial_size = Some((element.client_width(), element.client_height()));
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            if initial_size.take() == Some((sized.client_width(), sized.client_height())) {
                return;
            }
            // A failed resize leaves the old size; nothing to report to the reader.
            let _ = resized.resize();
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(element);
        }
        Ok(Self { instance, observer, _on_resize: on_resize, scheme, on_scheme })
    }

    fn replace_option(&self, option: &JsValue) -> Result<(), String> {
        let opts = parse_js(r#"{"notMerge":true,"lazyUpdate":false}"#)?;
        self.instance.set_option(option, &opts).map_err(js_error)
    }
}

impl Drop for ChartHandle {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        if let Some(scheme) = &self.scheme {
            let _ = scheme.remove_event_listener_with_callback(
                "change",
                self.on_scheme.as_ref().unchecked_ref(),
            );
        }
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                crate::prefs::THEME_EVENT,
                self.on_scheme.as_ref().unchecked_ref(),
            );
        }
        let _ = self.instance.dispose();
    }
}

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
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let handle = StoredValue::new_local(None::<ChartHandle>);
    let failure = RwSignal::new(None::<String>);
    let drawn_json = StoredValue::new_local(String::new());
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
            format!("{label} {}", crate::tr!(lang, chart_keys_hint))
        } else {
            label
        }
    });

    // A chart is first drawn when it comes near the screen, in a task of its
    // own: a page of charts loads as a few short tasks for the charts in view
    // instead of one long one for all of them (drawing is most of a page's
    // start-up work; Lighthouse's "total blocking time"), and a reader who
    // never scrolls down never waits for the charts there. The page's first
    // chart in view does not wait (a queued task runs after everything else
    // queued); printing draws them all. Updates draw at once.
    let may_draw = RwSignal::new(false);
    let watcher = StoredValue::new_local(None::<NearScreen>);
    Effect::new(move |_| {
        let Some(element) = container.get() else { return };
        if may_draw.get_untracked() || watcher.with_value(Option::is_some) {
            return;
        }
        if FIRST_CHART.get() && is_near_now(&element, NEAR_SCREENS) {
            FIRST_CHART.set(false);
            may_draw.set(true);
            return;
        }
        let near = NearScreen::watch(&element, NEAR_SCREENS, move || {
            FIRST_CHART.set(false);
            set_timeout(move || _ = may_draw.try_set(true), std::time::Duration::ZERO);
        });
        watcher.set_value(near);
    });
    on_cleanup(move || {
        watcher.try_update_value(|w| w.take());
    });
    Effect::new(move |_| {
        if !may_draw.get() && !printing() {
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
                failure.set(Some(crate::tr!(lang, chart_library_missing).to_owned()));
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
                        None => Err("chart was not created".to_owned()),
                    }
                })
                .unwrap_or_else(|| Err("chart was removed".to_owned()))
        });
        match drawn {
            Ok(()) => {
                mark_first_chart();
                // A new option starts with nothing chosen.
                shown_choice.set_value(Vec::new());
                redrawn.update(|n| *n += 1);
            }
            // Not on screen: the same option must be tried again.
            Err(_) => drawn_json.set_value(String::new()),
        }
        failure.set(drawn.err());
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
    let announcer = use_context::<crate::filter_bar::Announcer>();
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
        if let Some(crate::filter_bar::Announcer(live)) = announcer {
            let sentence = keyboard.with_untracked(|k| k.sentences[next].clone());
            live.set(format!("{sentence} ({}/{count})", next + 1));
        }
    };

    view! {
        <div class="chart-frame">
            <div
                class="chart"
                node_ref=container
                role="img"
                tabindex=move || focusable.get().then_some("0")
                on:keydown=on_key
                aria-label=hint
                style:height=height
                data-renderer=renderer.name()
            ></div>
            {move || {
                failure
                    .get()
                    .map(|reason| {
                        view! {
                            <p class="chart-error" role="alert">
                                {crate::tr!(lang, chart_failed)} " (" {reason} ") " {crate::tr!(lang, chart_failed_table)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use charming::component::Title;

    /// Guards the XSS rule: even a builder that sets no tooltip gets a rich-text one.
    #[test]
    fn tooltips_are_always_rich_text() {
        let json =
            option_json(&Chart::new().title(Title::new().text("<b>x</b>")), "about x", false)
                .expect("serialises");
        let value: Value = serde_json::from_str(&json).expect("json");
        assert_eq!(value["tooltip"]["renderMode"], "richText");
        assert_eq!(value["title"][0]["text"], "<b>x</b>", "text stays text, untouched");
        assert_eq!(value["aria"]["label"]["description"], "about x");
        assert_eq!(
            value["animation"], false,
            "nothing moves (reduced motion, one redraw per change)"
        );
    }

    /// Names from the data cannot become ECharts rich-text markup.
    #[test]
    fn rich_text_markup_in_data_is_defused() {
        let chart = Chart::new().title(Title::new().text("{a|big} {b} {x_1|y} plain"));
        let value: Value =
            serde_json::from_str(&option_json(&chart, "d", false).expect("serialises"))
                .expect("json");
        assert_eq!(value["title"][0]["text"], "{\u{200B}a|big} {b} {\u{200B}x_1|y} plain");
        assert_eq!(defuse_str("{|x}"), "{|x}");
        assert_eq!(defuse_str("{a}"), "{a}");
    }

    /// A choosable chart names every point (ECharts chooses by name) and does
    /// not let a click change the choice; others are left as they are.
    #[test]
    fn choosable_points_are_named_and_only_chosen_by_the_page() {
        use charming::series::Heatmap;
        let chart = Chart::new()
            .series(Heatmap::new().data(vec![charming::df![0, 0, 5], charming::df![1, 0, 7]]));
        let value: Value =
            serde_json::from_str(&option_json(&chart, "d", true).expect("serialises"))
                .expect("json");
        let series = &value["series"][0];
        assert_eq!(series["selectedMode"], "multiple");
        assert_eq!(series["silent"], true);
        assert_eq!(series["data"][1], json!({ "name": "1", "value": [1, 0, 7] }));
        let plain: Value =
            serde_json::from_str(&option_json(&chart, "d", false).expect("serialises"))
                .expect("json");
        assert_eq!(plain["series"][0]["data"][1], json!([1, 0, 7]));
        assert!(plain["series"][0].get("selectedMode").is_none());
    }

    #[test]
    fn a_new_choice_unchooses_only_what_is_no_longer_chosen() {
        assert!(choice_actions(&[1, 2], &[1, 2]).is_empty());
        assert_eq!(
            choice_actions(&[0, 1, 2], &[2, 3]),
            [
                json!({ "type": "unselect", "seriesIndex": 0, "dataIndex": [0, 1] }),
                json!({ "type": "select", "seriesIndex": 0, "dataIndex": [3] }),
            ]
        );
        assert_eq!(
            choice_actions(&[4], &[]),
            [json!({ "type": "unselect", "seriesIndex": 0, "dataIndex": [4] })]
        );
    }
}
