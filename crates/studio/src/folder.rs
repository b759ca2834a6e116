//! Writing a release straight into the site's folder on this computer, where
//! the browser can (the File System Access API: Chrome and Edge): whether and
//! in what order is `commit::plan` (the folder must serve the release the
//! draft started from; the frozen copy first, the manifest last); each file
//! is written whole (a writable stream replaces the file only when closed),
//! so that a write that stops part way can simply be done again.

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use plan_model::Lang;

use plan_model::release::RELEASES_DIR;
use plan_publish::release::SUMS_FILE;

use crate::commit::{Plan, Refusal, Serving, carried_versions, plan};

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

/// Writes `files` (paths from the site's root) of release `version`, made
/// from release `base`, into a folder the user picks, in `commit::plan`'s
/// order; what was done, or why nothing was (or where it stopped).
pub async fn write(
    files: &[(String, Vec<u8>)],
    version: &str,
    base: &str,
    lang: Lang,
) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let root = call(&window, "showDirectoryPicker", &[options.into()])
        .await
        .map_err(|e| say(Say::FolderNotChosen, lang, &[("error", &js_error(e))]))?;
    // What the folder serves decides: the release the draft started from
    // (or a write of this one that stopped), this one whole, or neither.
    let manifest = match folder(&root, &["data"], false).await {
        Ok(data) => read(&data, "manifest.json").await.ok(),
        Err(_) => None,
    };
    // Frozen copies the folder has whole are never written again.
    let mut present = Vec::new();
    for carried in carried_versions(files, version) {
        if let Ok(dir) = folder(&root, &["data", RELEASES_DIR, carried], false).await
            && read(&dir, SUMS_FILE).await.is_ok()
        {
            present.push(carried);
        }
    }
    let serving = Serving::from_manifest(manifest.as_deref());
    let ordered = match plan(files, version, base, &serving, &present) {
        Ok(Plan::Write(ordered)) => ordered,
        Ok(Plan::Done) => return Ok(say(Say::FolderHasVersion, lang, &[("version", &version)])),
        Err(Refusal::NotASite) => return Err(say(Say::NotASiteFolder, lang, &[])),
        Err(Refusal::Elsewhere { serving, base }) => {
            return Err(say(Say::FolderElsewhere, lang, &[("serving", &serving), ("base", &base)]));
        }
    };
    let total = ordered.len();
    for (done, (path, bytes)) in ordered.into_iter().enumerate() {
        let parts: Vec<&str> = path.split('/').collect();
        let Some((name, dirs)) = parts.split_last() else { continue };
        let stopped = |e: JsValue| {
            say(
                Say::FolderStopped,
                lang,
                &[("file", path), ("error", &js_error(e)), ("done", &done), ("count", &total)],
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
    Ok(say(Say::FolderWritten, lang, &[("count", &total)]))
}

/// A file's bytes in a folder handle.
async fn read(dir: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    let handle = call(dir, "getFileHandle", &[name.into()]).await?;
    let file = call(&handle, "getFile", &[]).await?;
    let buffer = call(&file, "arrayBuffer", &[]).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
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
