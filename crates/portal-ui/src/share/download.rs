//! Downloads of a figure: the framed image (PNG at 2×, SVG) with title,
//! source and as-of date drawn in, its table as CSV or JSON, and the whole
//! release as a ZIP. The text work is in `portal_view::export`; this is the browser side.

use plan_model::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::address::pinned_view_url;
use crate::data::DataError;
use crate::echarts::ChartError;
use portal_view::export;
use portal_view::figures::Figure;
use portal_view::locale::tr;

/// Why a download could not be made.
#[derive(Debug, thiserror::Error)]
pub(super) enum DownloadError {
    /// The chart could not be drawn for the image.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// A file of the release could not be fetched.
    #[error("{}", .0.message(Lang::En))]
    Data(DataError),
    /// The browser refused a step, in its own words.
    #[error("{0}")]
    Browser(String),
    /// More than a ZIP file can hold.
    #[error("the release is too large for a ZIP file")]
    TooLarge,
}

impl DownloadError {
    /// What to tell the reader after "Download failed: ".
    pub(super) fn message(&self, lang: Lang) -> String {
        match self {
            DownloadError::Data(e) => e.message(lang),
            DownloadError::TooLarge => tr!(lang, download_too_large).to_owned(),
            DownloadError::Chart(e) => e.to_string(),
            DownloadError::Browser(detail) => detail.clone(),
        }
    }
}

/// A JS exception, in its own words.
fn js(e: JsValue) -> DownloadError {
    DownloadError::Browser(e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// A part of the page the browser did not give.
fn missing(what: &str) -> DownloadError {
    DownloadError::Browser(format!("no {what}"))
}

/// Hands bytes to the browser as a download named `name`.
fn save(bytes: &[u8], mime: &str, name: &str) -> Result<(), DownloadError> {
    portal_browser::save_file(bytes, mime, name).map_err(DownloadError::Browser)
}

/// Width of exported images, CSS px (PNG doubles it).
const EXPORT_WIDTH: u32 = 960;

/// The framed SVG: title, subtitle and filters, the chart (drawn by ECharts,
/// which is asked for first where no chart has been reached for yet), the
/// source line.
async fn framed_svg(figure: &Figure) -> Result<String, DownloadError> {
    // The tile map is its own picture: no chart library draws it.
    if figure.map.is_some() {
        return Ok(export::framed_svg(figure, &figure.picture(), EXPORT_WIDTH, figure.height.px()));
    }
    crate::echarts::library_ready().await?;
    let height = figure.height.px();
    let chart = crate::echarts::render_svg(
        &figure.chart,
        &figure.description,
        figure.chosen.as_deref(),
        EXPORT_WIDTH,
        height,
    )?;
    Ok(export::framed_svg(figure, &chart, EXPORT_WIDTH, height))
}

/// Waits for a JS callback-style operation given its resolve/reject functions.
async fn promise(
    mut start: impl FnMut(js_sys::Function, js_sys::Function),
) -> Result<JsValue, DownloadError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| start(resolve, reject));
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| {
        DownloadError::Browser(
            e.as_string().unwrap_or_else(|| "the image could not be drawn".to_owned()),
        )
    })
}

/// The framed SVG drawn at twice its size on a canvas, as PNG bytes.
async fn png(figure: &Figure) -> Result<Vec<u8>, DownloadError> {
    let svg = framed_svg(figure).await?;
    let (width, height) = export::frame_size(&svg).ok_or_else(|| missing("image size"))?;
    let document =
        crate::browser::window().and_then(|w| w.document()).ok_or_else(|| missing("document"))?;
    let image = web_sys::HtmlImageElement::new().map_err(js)?;
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    );
    let loading = image.clone();
    promise(move |resolve, reject| {
        loading.set_onload(Some(&resolve));
        loading.set_onerror(Some(&reject));
        loading.set_src(&source);
    })
    .await?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(js)?.unchecked_into();
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js)?
        .ok_or_else(|| missing("2d context"))?
        .unchecked_into();
    context.scale(2.0, 2.0).map_err(js)?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(js)?;
    let blob = promise(move |resolve, _reject| {
        let _ = canvas.to_blob(&resolve);
    })
    .await?;
    let blob: web_sys::Blob = blob.dyn_into().map_err(|_| missing("PNG"))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.map_err(js)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Every file of the figure's release in one ZIP, read from its manifest.
async fn release_zip(release: Option<String>) -> Result<(String, Vec<u8>), DownloadError> {
    let manifest =
        crate::data::load_release_manifest(release.clone()).await.map_err(DownloadError::Data)?;
    let folder = match &release {
        Some(v) => format!("{}/{v}/", plan_model::release::RELEASES_DIR),
        None => String::new(),
    };
    let root = format!("{}_{}", export::FILE_PREFIX, manifest.version);
    let mut files = Vec::new();
    for file in std::iter::once(plan_model::release::MANIFEST_FILE.to_owned())
        .chain(manifest.files.iter().map(|f| f.path.clone()))
    {
        let bytes = crate::data::load_bytes(&format!("{folder}{file}"))
            .await
            .map_err(DownloadError::Data)?;
        files.push((format!("{root}/{file}"), bytes));
    }
    let zip =
        plan_files::zip::write(&files, &manifest.published).map_err(|_| DownloadError::TooLarge)?;
    Ok((format!("{root}.zip"), zip))
}

/// What a download button makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Download {
    Png,
    Svg,
    Csv,
    Json,
    Release,
}

pub(super) async fn download(figure: &Figure, what: Download) -> Result<String, DownloadError> {
    let name = |ext| export::file_name(figure, ext);
    match what {
        Download::Png => {
            let bytes = png(figure).await?;
            save(&bytes, "image/png", &name("png"))?;
            Ok(name("png"))
        }
        Download::Svg => {
            save(framed_svg(figure).await?.as_bytes(), "image/svg+xml", &name("svg"))?;
            Ok(name("svg"))
        }
        Download::Csv => {
            save(export::csv(figure).as_bytes(), "text/csv;charset=utf-8", &name("csv"))?;
            Ok(name("csv"))
        }
        Download::Json => {
            let text = export::json(figure, &pinned_view_url(figure));
            save(text.as_bytes(), "application/json", &name("json"))?;
            Ok(name("json"))
        }
        Download::Release => {
            // The release the figure shows: the pinned one, else the current one.
            let (file, bytes) = release_zip(figure.filters.release.clone()).await?;
            save(&bytes, "application/zip", &file)?;
            Ok(file)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Download failed: " is followed by words in the reader's language
    /// where we have them, naming the file that could not be fetched.
    #[test]
    fn a_failed_download_says_why_in_the_readers_language() {
        let missing_file =
            DownloadError::Data(DataError::Http { file: "data/manifest.json".into(), status: 404 });
        assert!(missing_file.message(Lang::Zh).contains("data/manifest.json"));
        assert!(missing_file.message(Lang::Zh).contains("HTTP 404"));
        assert_eq!(
            DownloadError::TooLarge.message(Lang::Zh),
            "这个发布版本太大，无法打包成 ZIP 文件"
        );
        let chart = DownloadError::from(ChartError::Browser("no canvas".into()));
        assert_eq!(chart.message(Lang::En), "no canvas");
    }
}
