//! Options objects refuse keys they do not know: `subusers.list({ lmit: 10 })` rejects with an
//! `InvalidInputError` naming `lmit` and offering `limit` — a typo must never mean "not given".
//!
//! Without a second list of names: napi-rs converts a recording `Proxy` of the caller's object,
//! so every key it reads is a key the type knows; a key the caller set (to anything but
//! `undefined`) that was never read is unknown. Nested objects and arrays of objects are
//! tracked the same way, and the error names the path (`profile.firstNme`, `[2].usernme`).
//! Class instances (an `AbortSignal`) and functions (callbacks) are passed through untouched.

use std::cell::RefCell;

use napi::bindgen_prelude::{
    FromNapiValue, Function, FunctionRef, JsObjectValue, Object, TypeName, Unknown,
};
use napi::{sys, Env, JsValue};
use serde::Deserialize;

thread_local! {
    /// The compiled [`TRACKER`], per JS thread (the main thread and each worker), made at first use.
    static COMPILED: RefCell<Option<FunctionRef<Unknown<'static>, Object<'static>>>> =
        const { RefCell::new(None) };
}

/// Calls the tracker on `value`, compiling it once per JS thread.
fn track<'e>(js: &'e Env, value: Unknown<'_>) -> napi::Result<Object<'e>> {
    COMPILED.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            let f: Function<'_, Unknown<'static>, Object<'static>> = js.run_script(TRACKER)?;
            *c = Some(f.create_ref()?);
        }
        let f = c.as_ref().map(|r| r.borrow_back(js)).transpose()?;
        let f = f.ok_or_else(|| napi::Error::from_reason("the key tracker is not compiled"))?;
        // SAFETY: `value` lives in this call's `env`; so does the answer, re-bound to it.
        let out = f.call(unsafe { Unknown::from_raw_unchecked(js.raw(), value.raw()) })?;
        Ok(Object::from_raw(js.raw(), out.raw()))
    })
}

/// Makes `{ proxy, unknown }` for a value: `proxy` records the keys read through it (at every
/// depth); `unknown()` lists `[path, key, keysRead]` for each key set but never read.
const TRACKER: &str = r#"(target) => {
  const seen = new Map()
  const plain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) &&
    (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)
  const join = (path, k) => (path ? `${path}.${k}` : k)
  const wrap = (v, path) => {
    if (Array.isArray(v)) return v.map((e, i) => wrap(e, `${path}[${i}]`))
    if (!plain(v)) return v
    const read = new Set()
    seen.set(path, read)
    return new Proxy(v, {
      get: (o, k) => {
        if (typeof k !== 'string') return o[k]
        read.add(k)
        return wrap(o[k], join(path, k))
      },
      has: (o, k) => {
        if (typeof k === 'string') read.add(k)
        return k in o
      },
    })
  }
  const unknown = () => {
    const out = []
    const walk = (v, path) => {
      if (Array.isArray(v)) return v.forEach((e, i) => walk(e, `${path}[${i}]`))
      const read = seen.get(path)
      if (!plain(v) || read === undefined) return
      for (const k of Object.keys(v)) {
        if (v[k] === undefined) continue
        if (read.has(k)) walk(v[k], join(path, k))
        else out.push([join(path, k), k, [...read]])
      }
    }
    walk(target, '')
    return out
  }
  return { proxy: wrap(target, ''), unknown }
}"#;

/// An options object of type `T` whose keys were all known — or the error saying which was not.
/// Parameters take `Strict<T>` with `#[napi(ts_arg_type = "T")]`; the method reads it with
/// [`Strict::checked`] where its error rejects the call's promise (or is thrown).
pub struct Strict<T> {
    value: Option<T>,
    problem: Option<sendgrid_admin::Error>,
}

impl<T> Strict<T> {
    /// The options, or the `invalid_input` error for the first unknown key.
    pub fn checked(self) -> napi::Result<T> {
        match (self.problem, self.value) {
            (Some(e), _) => Err(crate::errors::to_napi(e)),
            (None, Some(v)) => Ok(v),
            (None, None) => Err(napi::Error::from_reason("options were not converted")),
        }
    }
}

/// `Option<Strict<T>>` → `Option<T>` in one call.
pub trait CheckedOption<T> {
    /// The options when given, or the error for the first unknown key.
    fn checked(self) -> napi::Result<Option<T>>;
}

impl<T> CheckedOption<T> for Option<Strict<T>> {
    fn checked(self) -> napi::Result<Option<T>> {
        self.map(Strict::checked).transpose()
    }
}

#[derive(Deserialize)]
struct UnknownKey(String, String, Vec<String>);

impl<T: FromNapiValue + TypeName> FromNapiValue for Strict<T> {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        let js = Env::from_raw(env);
        // SAFETY: `value` is this call's argument, live in `env`.
        let tracked = track(&js, unsafe { Unknown::from_raw_unchecked(env, value) })?;
        let proxy: Unknown<'_> = tracked.get_named_property("proxy")?;
        // SAFETY: the proxy is a live value of `env`.
        let converted = unsafe { T::from_napi_value(env, proxy.raw()) };
        let unknown: Function<'_, (), Unknown<'_>> = tracked.get_named_property("unknown")?;
        let listed: Vec<UnknownKey> = js.from_js_value(unknown.call(())?)?;
        let problem = listed
            .into_iter()
            .next()
            .map(|UnknownKey(path, key, read)| {
                let known: Vec<&str> = read.iter().map(String::as_str).collect();
                // `Array<T>` is napi-rs's name of every `Vec`: the items are what the caller passed.
                let what = match T::type_name() {
                    "Array<T>" => "an item",
                    name => name,
                };
                sendgrid_admin::config::unknown_option(what, &path, &key, &known)
            });
        match (converted, problem) {
            (Ok(v), problem) => Ok(Strict {
                value: Some(v),
                problem,
            }),
            // A misspelled required key fails the conversion; the typo is the better message.
            (Err(_), Some(p)) => Ok(Strict {
                value: None,
                problem: Some(p),
            }),
            (Err(e), None) => Err(e),
        }
    }
}
