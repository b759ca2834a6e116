//! Our own bindings to the ECharts API (`window.echarts`): charming's
//! `WasmRenderer` cannot dispose, replace options, choose SVG or dispatch
//! actions (see TOOLCHAIN.md), so we bind what we use.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::ChartError;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance bound to one element.
    #[derive(Clone)]
    pub(super) type EChartsInstance;

    /// `echarts.init(dom, theme, opts)`; throws if ECharts did not load.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    pub(super) fn echarts_init(
        dom: &HtmlElement,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    pub(super) fn set_option(
        this: &EChartsInstance,
        option: &JsValue,
        opts: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    pub(super) fn resize(this: &EChartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    pub(super) fn dispose(this: &EChartsInstance) -> Result<(), JsValue>;

    /// `echarts.init(null, theme, {ssr: true, renderer: 'svg', width, height})`:
    /// an instance with no element, for drawing to an SVG string.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    pub(super) fn echarts_init_detached(
        dom: &JsValue,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = renderToSVGString)]
    pub(super) fn render_to_svg_string(this: &EChartsInstance) -> Result<String, JsValue>;

    #[wasm_bindgen(catch, method, js_name = dispatchAction)]
    pub(super) fn dispatch_action(this: &EChartsInstance, action: &JsValue) -> Result<(), JsValue>;

    /// ECharts 6 re-themes a live chart (no re-creation, no lost state).
    #[wasm_bindgen(catch, method, js_name = setTheme)]
    pub(super) fn set_theme(this: &EChartsInstance, theme: &str) -> Result<(), JsValue>;
}

/// A JS exception as a chart error, in the exception's own words.
pub(super) fn js_error(e: JsValue) -> ChartError {
    ChartError::Browser(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".to_owned()),
    )
}

pub(super) fn parse_js(json: &str) -> Result<JsValue, ChartError> {
    js_sys::JSON::parse(json).map_err(js_error)
}
