//! Writing a release straight into the site's folder on this computer, where
//! the browser can (the File System Access API: Chrome and Edge): the folder
//! the user picks must be a site's (it has `data/manifest.json`) without this
//! version; each file is written whole (a writable stream replaces the file
//! only when closed), the data and the pages first and the frozen copy last,
//! so that a write that stops part way can simply be done again.

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use plan_model::Lang;
use plan_model::release::RELEASES_DIR;
use plan_publish::release::SUMS_FILE;

use crate::text::{Say, say};

/// Whether this browser can write into a folder.
pub fn supported() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &"showDirectoryPicker".into()).ok())
        .is_some_and(|f| f.is_function())
}

fn js_error(e: JsValue) -> String {
    Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// `object.method(args…)`, awaited.
async fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(object, &method.into())?.dyn_into()?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    let promise: Promise = function.apply(object, &list)?.dyn_into()?;
    JsFuture::from(promise).await
}

fn create() -> JsValue {
    let options = Object::new();
    let _ = Reflect::set(&options, &"create".into(), &JsValue::TRUE);
    options.into()
}

/// The folder `path` (`a/b`) under `root`, made when `make`.
async fn folder(root: &JsValue, path: &[&str], make: bool) -> Result<JsValue, JsValue> {
    let mut here = root.clone();
    for name in path {
        let args = if make { vec![(*name).into(), create()] } else { vec![(*name).into()] };
        here = call(&here, "getDirectoryHandle", &args).await?;
    }
    Ok(here)
}

/// Writes `files` (paths from the site's root) into a folder the user
/// picks; how many were written, or why none was (or where it stopped).
pub async fn write(
    files: &[(String, Vec<u8>)],
    version: &str,
    lang: Lang,
) -> Result<usize, String> {
    let window = web_sys::window().ok_or("no window")?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let root = call(&window, "showDirectoryPicker", &[options.into()])
        .await
        .map_err(|e| say(Say::FolderNotChosen, lang, &[("error", &js_error(e))]))?;
    // A site's folder, and this version not in it yet (as the tool refuses).
    let data = folder(&root, &["data"], false).await;
    let manifest = match &data {
        Ok(data) => call(data, "getFileHandle", &["manifest.json".into()]).await.is_ok(),
        Err(_) => false,
    };
    if !manifest {
        return Err(say(Say::NotASiteFolder, lang, &[]));
    }
    // A version is in the folder once its frozen copy is whole: its
    // SHA256SUMS, written last of all, is there. A copy a stopped write left
    // half done is written again.
    let has_version = match folder(&root, &["data", RELEASES_DIR, version], false).await {
        Ok(dir) => call(&dir, "getFileHandle", &[SUMS_FILE.into()]).await.is_ok(),
        Err(_) => false,
    };
    if has_version {
        return Err(say(Say::FolderHasVersion, lang, &[("version", &version)]));
    }
    // The frozen copy last, and its SHA256SUMS last of all.
    let frozen = format!("data/{RELEASES_DIR}/{version}/");
    let sums = format!("{frozen}{SUMS_FILE}");
    let rank = |path: &str| match path {
        p if p == sums => 2,
        p if p.starts_with(&frozen) => 1,
        _ => 0,
    };
    let mut ordered: Vec<&(String, Vec<u8>)> = files.iter().collect();
    ordered.sort_by_key(|(p, _)| rank(p));
    for (done, (path, bytes)) in ordered.into_iter().enumerate() {
        let parts: Vec<&str> = path.split('/').collect();
        let Some((name, dirs)) = parts.split_last() else { continue };
        let stopped = |e: JsValue| {
            say(
                Say::FolderStopped,
                lang,
                &[
                    ("file", path),
                    ("error", &js_error(e)),
                    ("done", &done),
                    ("count", &files.len()),
                ],
            )
        };
        let dir = folder(&root, dirs, true).await.map_err(stopped)?;
        let file =
            call(&dir, "getFileHandle", &[(*name).into(), create()]).await.map_err(stopped)?;
        let stream = call(&file, "createWritable", &[]).await.map_err(stopped)?;
        let chunk = Uint8Array::from(bytes.as_slice());
        call(&stream, "write", &[chunk.into()]).await.map_err(stopped)?;
        call(&stream, "close", &[]).await.map_err(stopped)?;
    }
    Ok(files.len())
}

/// The files of a release ZIP the studio made, in its order.
pub fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    use std::io::Read;
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut files = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let Some(name) = entry.enclosed_name().and_then(|p| p.to_str().map(str::to_owned)) else {
            continue;
        };
        let mut content = Vec::new();
        entry.read_to_end(&mut content).map_err(|e| e.to_string())?;
        files.push((name, content));
    }
    Ok(files)
}
