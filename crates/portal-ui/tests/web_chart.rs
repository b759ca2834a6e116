//! wasm-bindgen tests of the ECharts component in headless Chromium: it draws,
//! replaces (never merges) options, honours the renderer, and disposes.
#![cfg(target_arch = "wasm32")]

use charming::Chart;
use charming::component::Axis;
use charming::element::AxisType;
use charming::series::Bar;
use leptos::prelude::*;
use portal_ui::echarts::{EChart, Renderer};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The same ECharts build the site ships, loaded into the test page once.
fn load_echarts() {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    if js_sys::Reflect::has(&js_sys::global(), &"echarts".into()).unwrap_or(false) {
        return;
    }
    let script = document.create_element("script").expect("script");
    script.set_text_content(Some(include_str!("../../../vendor/echarts.js")));
    document.body().expect("body").append_child(&script).expect("append");
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
    fn get_instance_by_dom(el: &web_sys::Element) -> JsValue;
}

/// Waits for effects and ECharts' own rendering to run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn bars(series: usize) -> Chart {
    (0..series).fold(
        Chart::new()
            .x_axis(Axis::new().type_(AxisType::Category).data(vec!["a", "b"]))
            .y_axis(Axis::new().type_(AxisType::Value)),
        |chart, i| chart.series(Bar::new().name(format!("s{i}")).data(vec![1, 2])),
    )
}

fn series_count(el: &web_sys::Element) -> u32 {
    let instance = get_instance_by_dom(el);
    let get_option: js_sys::Function =
        js_sys::Reflect::get(&instance, &"getOption".into()).expect("getOption").unchecked_into();
    let option = get_option.call0(&instance).expect("option");
    let series: js_sys::Array =
        js_sys::Reflect::get(&option, &"series".into()).expect("series").unchecked_into();
    series.length()
}

/// A reader reaching for every chart in `host` (a pointer over it): only
/// then is a chart drawn by ECharts.
fn reach(host: &web_sys::HtmlElement) {
    let charts = host.query_selector_all(".chart").expect("query");
    for i in 0..charts.length() {
        let el: web_sys::Element = charts.get(i).expect("chart").unchecked_into();
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("pointerover", &init).expect("event");
        el.dispatch_event(&event).expect("dispatch");
    }
}

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let host: web_sys::HtmlElement = document.create_element("div").expect("div").unchecked_into();
    host.style().set_property("width", "600px").expect("style");
    document.body().expect("body").append_child(&host).expect("append");
    host
}

#[wasm_bindgen_test]
async fn draws_replaces_and_disposes() {
    load_echarts();
    let host = host();
    let chart = RwSignal::new(bars(3));
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <EChart chart=chart label="test chart" /> }
    });
    tick().await;
    reach(&host);
    tick().await;
    let el = host.query_selector(".chart").expect("query").expect("chart element");
    assert!(el.query_selector("canvas").expect("query").is_some(), "drawn on a canvas");
    assert_eq!(series_count(&el), 3);

    // Fewer series: the old ones must not linger (setOption merges by default).
    chart.set(bars(1));
    tick().await;
    assert_eq!(series_count(&el), 1, "no stale series after an update");

    drop(mounted);
    tick().await;
    assert!(get_instance_by_dom(&el).is_undefined(), "instance disposed on cleanup");
}

#[wasm_bindgen_test]
async fn svg_renderer_draws_svg() {
    load_echarts();
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <EChart chart=Signal::stored(bars(2)) label="svg chart" renderer=Renderer::Svg /> }
    });
    tick().await;
    reach(&host);
    tick().await;
    let el = host.query_selector(".chart").expect("query").expect("chart element");
    assert!(el.query_selector("svg").expect("query").is_some(), "drawn as SVG");
    assert!(el.query_selector("canvas").expect("query").is_none());
}

#[wasm_bindgen_test]
async fn each_instance_gets_its_own_element() {
    load_echarts();
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <EChart chart=Signal::stored(bars(1)) label="one" />
            <EChart chart=Signal::stored(bars(2)) label="two" />
        }
    });
    tick().await;
    reach(&host);
    tick().await;
    let charts = host.query_selector_all(".chart").expect("query");
    assert_eq!(charts.length(), 2);
    let first: web_sys::Element = charts.get(0).expect("first").unchecked_into();
    let second: web_sys::Element = charts.get(1).expect("second").unchecked_into();
    assert_eq!((series_count(&first), series_count(&second)), (1, 2));
}

#[wasm_bindgen_test]
async fn missing_echarts_shows_a_message_instead_of_panicking() {
    // Runs in its own page only if ECharts was never loaded; otherwise hide it.
    let global = js_sys::global();
    let saved = js_sys::Reflect::get(&global, &"echarts".into()).unwrap_or(JsValue::UNDEFINED);
    let _ = js_sys::Reflect::set(&global, &"echarts".into(), &JsValue::UNDEFINED);
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <EChart chart=Signal::stored(bars(1)) label="no echarts" /> }
    });
    tick().await;
    reach(&host);
    tick().await;
    let message = host.query_selector(".chart-error").expect("query");
    let _ = js_sys::Reflect::set(&global, &"echarts".into(), &saved);
    let text = message.expect("an error message is shown").text_content().unwrap_or_default();
    assert!(text.contains("图表无法显示"), "{text}");
}

/// The panic panel: a plain alert with a reload button the loader handles,
/// added once however often the hook runs.
#[wasm_bindgen_test]
fn the_panic_panel_says_what_happened_and_offers_a_reload() {
    portal_ui::panic_panel::show();
    portal_ui::panic_panel::show();
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let panels = document.query_selector_all("#panic-panel").expect("query");
    assert_eq!(panels.length(), 1, "one panel");
    let panel = document.get_element_by_id("panic-panel").expect("panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let button =
        panel.query_selector("button[data-reload]").expect("query").expect("a reload button");
    assert!(button.text_content().unwrap_or_default().contains("重新加载"));
    panel.remove();
}

/// Polls until `drawn` holds, for up to two seconds.
async fn until(mut drawn: impl FnMut() -> bool) -> bool {
    for _ in 0..40 {
        if drawn() {
            return true;
        }
        tick().await;
    }
    drawn()
}

/// A chart is its picture until a reader reaches for it: no ECharts drawing
/// before, however long it waits; then it is drawn in the same box and the
/// picture gives way.
#[wasm_bindgen_test]
async fn a_chart_is_its_picture_until_reached_for() {
    load_echarts();
    let host = host();
    let picture = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\"><rect width=\"10\" height=\"10\"/></svg>";
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <EChart chart=Signal::stored(bars(2)) label="a chart" picture=picture.to_owned() /> }
    });
    let el = host.query_selector(".chart").expect("query").expect("chart element");
    let has_canvas = || el.query_selector("canvas").expect("query").is_some();
    for _ in 0..6 {
        tick().await;
    }
    assert!(!has_canvas(), "not drawn before it is reached for");
    assert!(
        host.query_selector(".chart-picture svg rect").expect("query").is_some(),
        "its picture"
    );
    assert!(!el.has_attribute("data-drawn"));
    reach(&host);
    assert!(until(has_canvas).await, "drawn once reached for");
    assert_eq!(series_count(&el), 2);
    assert!(el.has_attribute("data-drawn"), "the picture gives way (style/main.css)");
}
