//! A live ECharts instance and what keeps it sized and themed (disposed when
//! dropped), and drawing a chart to an SVG string for exported images.

use charming::Chart;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ResizeObserver};

use super::ChartError;
use super::bindings::{EChartsInstance, echarts_init, echarts_init_detached, js_error, parse_js};
use super::library::{colour_scheme, theme_name};
use super::option::{Renderer, choice_actions, option_json};

pub(super) fn choose(
    instance: &EChartsInstance,
    shown: &[usize],
    wanted: &[usize],
) -> Result<(), ChartError> {
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
) -> Result<String, ChartError> {
    let mut option: Value =
        serde_json::from_str(&option_json(chart, description, chosen.is_some())?)?;
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

/// The live instance with what keeps it sized and themed; dropping it
/// disconnects both and disposes the instance (ECharts otherwise keeps it forever).
pub(super) struct ChartHandle {
    pub(super) instance: EChartsInstance,
    observer: Option<ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
    scheme: Option<web_sys::MediaQueryList>,
    on_scheme: Closure<dyn FnMut()>,
}

impl ChartHandle {
    pub(super) fn create(element: &HtmlElement, renderer: Renderer) -> Result<Self, ChartError> {
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
        if let Some(w) = crate::browser::window() {
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

    pub(super) fn replace_option(&self, option: &JsValue) -> Result<(), ChartError> {
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
        if let Some(w) = crate::browser::window() {
            let _ = w.remove_event_listener_with_callback(
                crate::prefs::THEME_EVENT,
                self.on_scheme.as_ref().unchecked_ref(),
            );
        }
        let _ = self.instance.dispose();
    }
}
