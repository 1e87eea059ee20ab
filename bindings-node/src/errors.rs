//! Core errors → JS: every rejection and throw of this library is a `SendGridError` created
//! here, natively, with the core's `ErrorInfo` as its fields (`code`, `status`, `errors`,
//! `requestId`, `retryAfterMs`, `attempts`, `field`). The class itself is declared in
//! `sendgrid-admin.js` (so it can extend `Error` and carry docs) and handed over once with
//! `setErrorClass`.
//!
//! napi-rs converts the error of an `async fn` to a JS `Error` with only a message, off the JS
//! thread; so operations return a promise from [`settle`], whose completion runs on the JS
//! thread and builds the `SendGridError` there. Until then a core error travels inside a napi
//! error as its `ErrorInfo` (JSON, marked), which never reaches JS.

use std::cell::RefCell;
use std::future::Future;

use napi::bindgen_prelude::{Function, FunctionRef, PromiseRaw, ToNapiValue, Unknown};
use napi::{Env, JsValue};
use napi_derive::napi;
use serde_json::Value;

/// Marks the (internal) JSON reason of napi errors that carry a core error.
const MARKER: &str = "sendgrid-admin-error";

type ErrorClass = FunctionRef<Value, Unknown<'static>>;

thread_local! {
    /// `SendGridError`, per JS thread (the main thread and each worker load the module).
    static ERROR_CLASS: RefCell<Option<ErrorClass>> = const { RefCell::new(None) };
}

/// Registers what rejections, throws and bulk failures are made of: `new cls(info)` with the
/// core's `ErrorInfo` (`message`, `code`, `status`, ...), `headers`, `body` and `cause`; the
/// package entry passes a factory that picks the subclass by `code`. Called once per JS thread.
#[napi(skip_typescript)] // internal: the entry module does not export it
#[cfg_attr(test, allow(dead_code))] // registered with Node by the macro outside tests
pub fn set_error_class(cls: Function<'_, Value, Unknown<'static>>) -> napi::Result<()> {
    let r = cls.create_ref()?;
    ERROR_CLASS.with(|c| *c.borrow_mut() = Some(r));
    Ok(())
}

/// The fields a `SendGridError` is made of: the core's `ErrorInfo` in JS names, plus the
/// failed answer's `headers` and raw `body` (HTTP errors) and the underlying `cause`.
fn info_json(e: &sendgrid_admin::Error) -> Value {
    let mut details = serde_json::to_value(e.info()).unwrap_or_default();
    // JS names: `errorId` on error details.
    if let Some(errors) = details.get_mut("errors").and_then(Value::as_array_mut) {
        for d in errors.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(id) = d.remove("error_id") {
                d.insert("errorId".into(), id);
            }
        }
    }
    if let Some(body) = e.body() {
        let headers: serde_json::Map<String, Value> = e
            .headers()
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        details["headers"] = Value::Object(headers);
        details["body"] = body.into();
    }
    let cause = match e {
        sendgrid_admin::Error::Transport { reason, .. } => Some(reason.clone()),
        sendgrid_admin::Error::Decode { error, .. } => Some(error.reason.clone()),
        _ => None,
    };
    if let Some(c) = cause {
        details["cause"] = c.into();
    }
    details
}

/// A `SendGridError` instance made on the JS thread from `info` (a plain `Error` with the
/// message if the class is not registered).
fn instance(env: &Env, info: Value) -> napi::Result<Unknown<'static>> {
    let message = info
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let made = ERROR_CLASS.with(|c| match c.borrow().as_ref() {
        Some(cls) => cls.borrow_back(env).and_then(|f| f.new_instance(info)),
        None => Err(napi::Error::from_reason(message.clone())),
    });
    match made {
        Ok(v) => Ok(v),
        Err(_) => {
            let e = napi::JsError::from(napi::Error::from_reason(message));
            // SAFETY: on the JS thread, with its env.
            let raw = unsafe { e.into_value(env.raw()) };
            // SAFETY: `raw` is a live value of this env.
            Ok(unsafe { Unknown::from_raw_unchecked(env.raw(), raw) })
        }
    }
}

/// A core error as a JS value: a `SendGridError` instance (bulk outcomes' `error`).
pub struct JsError(pub sendgrid_admin::Error);

impl ToNapiValue for JsError {
    unsafe fn to_napi_value(
        env: napi::sys::napi_env,
        val: Self,
    ) -> napi::Result<napi::sys::napi_value> {
        let env = Env::from_raw(env);
        Ok(instance(&env, info_json(&val.0))?.raw())
    }
}

impl napi::bindgen_prelude::TypeName for JsError {
    fn type_name() -> &'static str {
        "SendGridError"
    }
    fn value_type() -> napi::ValueType {
        napi::ValueType::Object
    }
}

/// The napi error carrying a core error (see the module docs).
pub fn to_napi(e: sendgrid_admin::Error) -> napi::Error {
    let mut details = info_json(&e);
    details[MARKER] = 1.into();
    napi::Error::new(napi::Status::GenericFailure, details.to_string())
}

/// On the JS thread: the `SendGridError` for a napi error that carries a core error (any other
/// error is returned as it is).
pub fn native(env: &Env, e: napi::Error) -> napi::Error {
    let Ok(Value::Object(mut info)) = serde_json::from_str::<Value>(&e.reason) else {
        return e;
    };
    if info.remove(MARKER).is_none() {
        return e;
    }
    match instance(env, Value::Object(info)) {
        Ok(v) => napi::Error::from(v),
        Err(e) => e,
    }
}

/// A synchronous call (constructor, pager factory) whose error is thrown as a `SendGridError`.
pub fn thrown<T>(env: &Env, f: impl FnOnce() -> napi::Result<T>) -> napi::Result<T> {
    f().map_err(|e| native(env, e))
}

/// The promise of an operation: `fut` runs on the runtime; its error becomes a `SendGridError`
/// on the JS thread.
pub fn settle<'e, T, F>(env: &'e Env, fut: F) -> napi::Result<PromiseRaw<'e, T>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = napi::Result<T>> + Send + 'static,
{
    crate::settle::settle_with(env, fut, |env, r| r.map_err(|e| native(env, e)))
}

/// `.into_napi()` on core results keeps every adapter method one expression.
pub trait IntoNapi<T> {
    /// Converts the error side.
    fn into_napi(self) -> napi::Result<T>;
}

impl<T> IntoNapi<T> for Result<T, sendgrid_admin::Error> {
    fn into_napi(self) -> napi::Result<T> {
        self.map_err(to_napi)
    }
}

/// A string option read as one of the core's enums (`"eu"` → `Region::Eu`).
pub fn choice<T: serde::de::DeserializeOwned>(
    field: &str,
    v: Option<String>,
) -> napi::Result<Option<T>> {
    v.map(|s| {
        serde_json::from_value(serde_json::Value::String(s.clone())).map_err(|_| {
            to_napi(sendgrid_admin::Error::invalid(
                field,
                format!("{s:?} is not an accepted value"),
            ))
        })
    })
    .transpose()
}

/// A JS number that must fit the core's unsigned type (negative or fractional → invalid input
/// naming the field).
pub fn unsigned<T: TryFrom<i64>>(field: &str, v: Option<f64>) -> napi::Result<Option<T>> {
    v.map(|n| sendgrid_admin::config::whole(field, n))
        .transpose()
        .map_err(to_napi)
}
