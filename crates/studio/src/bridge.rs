//! The page and the studio's session talk in messages: a request or an
//! answer as JSON, with the bytes (files, a sheet, the release ZIP) beside
//! it as `Uint8Array`s, moved rather than copied. The session runs in a
//! module worker (`worker_start`), so reading a large workbook never holds
//! up the page; where a browser cannot start the worker, on the page itself.

use std::cell::RefCell;
#[cfg(not(feature = "worker"))]
use std::{collections::VecDeque, rc::Rc};

use js_sys::{Array, Object, Reflect, Uint8Array};
#[cfg(not(feature = "worker"))]
use plan_model::Lang;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
#[cfg(not(feature = "worker"))]
use wasm_bindgen_futures::JsFuture;

use crate::protocol::{Request, Response};
use crate::session::Session;
#[cfg(not(feature = "worker"))]
use crate::text::{Say, say};

/// A message: `{ json, blobs }`, and the buffers to move with it.
fn write<T: Serialize>(value: &T, blobs: Vec<Vec<u8>>) -> (JsValue, Array) {
    let message = Object::new();
    let json = serde_json::to_string(value).unwrap_or_default();
    let _ = Reflect::set(&message, &"json".into(), &json.into());
    let (list, transfer) = (Array::new(), Array::new());
    for bytes in blobs {
        let array = Uint8Array::from(bytes.as_slice());
        transfer.push(&array.buffer());
        list.push(&array);
    }
    let _ = Reflect::set(&message, &"blobs".into(), &list);
    (message.into(), transfer)
}

/// A message's value and bytes.
fn read<T: DeserializeOwned>(message: &JsValue) -> (Result<T, String>, Vec<Vec<u8>>) {
    let json = Reflect::get(message, &"json".into()).ok().and_then(|j| j.as_string());
    let value = match json {
        Some(json) => serde_json::from_str(&json).map_err(|e| e.to_string()),
        None => Err(message.as_string().unwrap_or_else(|| "no reply".to_owned())),
    };
    let blobs = Reflect::get(message, &"blobs".into())
        .ok()
        .and_then(|b| b.dyn_into::<Array>().ok())
        .map(|list| list.iter().map(|b| Uint8Array::new(&b).to_vec()).collect())
        .unwrap_or_default();
    (value, blobs)
}

/// The worker's executor: drops every task unrun.
#[cfg(feature = "worker")]
struct NoTasks;

#[cfg(feature = "worker")]
impl any_spawner::CustomExecutor for NoTasks {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The worker's side: answers each request in turn with its session.
#[cfg(feature = "worker")]
#[wasm_bindgen]
pub fn worker_start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A panic stops the worker: its message goes to the page first, as the
    // answer to the request, so the page can say what happened.
    std::panic::set_hook(Box::new(|info| {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(&info.to_string().into());
        console_error_panic_hook::hook(info);
    }));
    // The pages are rendered as natively: to HTML, with no effect run (an
    // effect is a task; tasks are dropped here, unrun). The session itself
    // needs none.
    let _ = any_spawner::Executor::init_custom_executor(NoTasks);
    let session = RefCell::new(Session::default());
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let (request, blobs) = read::<Request>(&event.data());
            let (response, blobs) = match request {
                Ok(request) => session.borrow_mut().handle(request, blobs),
                Err(error) => (Response::Opened(Err(error)), Vec::new()),
            };
            let (message, transfer) = write(&response, blobs);
            let _ = reply.post_message_with_transfer(&message, &transfer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

/// The worker, from the page's side: each answer resolves the oldest
/// request waiting (the worker answers in order).
#[cfg(not(feature = "worker"))]
struct Link {
    worker: web_sys::Worker,
    waiting: RefCell<VecDeque<js_sys::Function>>,
    /// Set once the worker said it is ready.
    started: std::cell::Cell<bool>,
    /// Set when the worker stopped after it started: its draft is gone.
    stopped: std::cell::Cell<bool>,
    /// Resolves with "ready", or "failed" when the worker could not start.
    ready: js_sys::Promise,
}

/// Where the session runs.
#[cfg(not(feature = "worker"))]
#[derive(Clone)]
pub struct Backend {
    link: Option<Rc<Link>>,
    here: Rc<RefCell<Session>>,
    lang: Lang,
}

#[cfg(not(feature = "worker"))]
impl Backend {
    /// A worker from `url` when there is one and it starts, else the page.
    pub fn new(url: Option<String>, lang: Lang) -> Self {
        let here = Rc::new(RefCell::new(Session::default()));
        let link = url.and_then(|url| {
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            let worker = web_sys::Worker::new_with_options(&url, &options).ok()?;
            let waiting = RefCell::new(VecDeque::new());
            let ready =
                js_sys::Promise::new(&mut |resolve, _| waiting.borrow_mut().push_back(resolve));
            let link = Rc::new(Link {
                worker,
                waiting,
                ready,
                started: Default::default(),
                stopped: Default::default(),
            });
            let answered = Rc::downgrade(&link);
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    if let Some(link) = answered.upgrade() {
                        if event.data().as_string().as_deref() == Some("ready") {
                            link.started.set(true);
                        }
                        if let Some(resolve) = link.waiting.borrow_mut().pop_front() {
                            let _ = resolve.call1(&JsValue::NULL, &event.data());
                        }
                    }
                },
            );
            link.worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            // A worker that cannot start (the page then runs the session
            // itself), or stops (its draft is gone): every request waiting is
            // answered "failed" rather than left waiting for good.
            let failed = Rc::downgrade(&link);
            let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                if let Some(link) = failed.upgrade() {
                    link.stopped.set(link.started.get());
                    for resolve in link.waiting.borrow_mut().drain(..) {
                        let _ = resolve.call1(&JsValue::NULL, &"failed".into());
                    }
                }
            });
            link.worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            // A reply that cannot be read resolves its request too.
            link.worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
            Some(link)
        });
        Backend { link, here, lang }
    }

    /// Asks the session; the answer and the bytes beside it.
    pub async fn call(&self, request: Request, blobs: Vec<Vec<u8>>) -> (Response, Vec<Vec<u8>>) {
        if let Some(link) = &self.link {
            let state = JsFuture::from(link.ready.clone()).await.ok().and_then(|s| s.as_string());
            if link.stopped.get() {
                return (lost(&request, "onerror".to_owned(), self.lang), Vec::new());
            }
            if state.as_deref() == Some("ready") {
                let (message, transfer) = write(&request, blobs);
                let answer = js_sys::Promise::new(&mut |resolve, _| {
                    link.waiting.borrow_mut().push_back(resolve);
                });
                if link.worker.post_message_with_transfer(&message, &transfer).is_ok() {
                    let data = JsFuture::from(answer).await.unwrap_or(JsValue::NULL);
                    let (response, blobs) = read::<Response>(&data);
                    return match response {
                        Ok(response) => (response, blobs),
                        Err(error) => (lost(&request, error, self.lang), Vec::new()),
                    };
                }
                link.waiting.borrow_mut().pop_back();
                return (lost(&request, "postMessage".to_owned(), self.lang), Vec::new());
            }
        }
        portal_browser::next_paint().await;
        self.here.borrow_mut().handle(request, blobs)
    }
}

/// The answer to `request` when the worker stopped: why, in the answer's shape.
#[cfg(not(feature = "worker"))]
fn lost(request: &Request, error: String, lang: Lang) -> Response {
    let said = say(Say::WorkerStopped, lang, &[("error", &error)]);
    match request {
        Request::Release { .. } => Response::Released(Err(said)),
        _ => Response::Opened(Err(said)),
    }
}
