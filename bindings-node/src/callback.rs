//! JS functions passed in options (`onProgress`): kept as a reference and called on the JS
//! thread that passed them, through the same queue that settles promises, so every call comes
//! before the promise of the job it reports on settles.

use std::ptr;

use napi::bindgen_prelude::{FromNapiValue, ToNapiValue, TypeName};
use napi::{sys, Env, ValueType};

use crate::settle::JsThread;

/// A JS function callable from any thread (the call runs on its JS thread). An exception it
/// throws is caught and dropped: a callback cannot break the job that calls it. A value that is
/// not a function is taken all the same and refused by [`JsCallback::checked`], so that the
/// caller gets the typed `invalid_input` error naming the option, as for every other bad value.
pub struct JsCallback {
    /// The function, or what was passed instead (for the message).
    func: std::result::Result<sys::napi_ref, &'static str>,
    thread: JsThread,
}

// SAFETY: the reference is only used on the JS thread that made it (through `thread`).
unsafe impl Send for JsCallback {}
// SAFETY: as above; `call` only queues work.
unsafe impl Sync for JsCallback {}

impl JsCallback {
    /// The callback, or an `invalid_input` error naming `field` when a non-function was passed.
    pub fn checked(self, field: &str) -> sendgrid_admin::Result<Self> {
        match self.func {
            Ok(_) => Ok(self),
            Err(given) => Err(sendgrid_admin::Error::invalid(
                field,
                format!("must be a function, not {given}"),
            )),
        }
    }

    /// Queues a call with `arg`.
    pub fn call<V: ToNapiValue + Send + 'static>(&self, arg: V) {
        let Ok(func) = self.func else { return };
        let func = Ref(func);
        self.thread.run(move |env| {
            let func = func;
            // SAFETY: on the JS thread that made the reference; it is deleted only by a job
            // queued after this one (in `Drop`).
            unsafe {
                let mut f = ptr::null_mut();
                let mut undefined = ptr::null_mut();
                let mut out = ptr::null_mut();
                if sys::napi_get_reference_value(env.raw(), func.0, &mut f) != sys::Status::napi_ok
                    || sys::napi_get_undefined(env.raw(), &mut undefined) != sys::Status::napi_ok
                {
                    return;
                }
                let Ok(a) = V::to_napi_value(env.raw(), arg) else {
                    return;
                };
                if sys::napi_call_function(env.raw(), undefined, f, 1, &a, &mut out)
                    == sys::Status::napi_pending_exception
                {
                    let mut e = ptr::null_mut();
                    sys::napi_get_and_clear_last_exception(env.raw(), &mut e);
                }
            }
        });
    }
}

/// A reference moved into a job (only used on its JS thread).
struct Ref(sys::napi_ref);
// SAFETY: see `Ref`.
unsafe impl Send for Ref {}

impl Drop for JsCallback {
    fn drop(&mut self) {
        let Ok(func) = self.func else { return };
        let func = Ref(func);
        self.thread.run(move |env| {
            let func = func;
            // SAFETY: on the JS thread that made it; the last use of the reference.
            unsafe { sys::napi_delete_reference(env.raw(), func.0) };
        });
    }
}

impl FromNapiValue for JsCallback {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        let mut t = sys::ValueType::napi_undefined;
        let mut r = ptr::null_mut();
        // SAFETY: called by napi-rs on the JS thread with a live value.
        unsafe {
            napi::check_status!(sys::napi_typeof(env, value, &mut t))?;
            if t == sys::ValueType::napi_function {
                napi::check_status!(sys::napi_create_reference(env, value, 1, &mut r))?;
            }
        }
        let func = match t {
            sys::ValueType::napi_function => Ok(r),
            sys::ValueType::napi_number => Err("a number"),
            sys::ValueType::napi_string => Err("a string"),
            sys::ValueType::napi_boolean => Err("a boolean"),
            sys::ValueType::napi_object => Err("an object"),
            sys::ValueType::napi_bigint => Err("a bigint"),
            sys::ValueType::napi_symbol => Err("a symbol"),
            _ => Err("another value"),
        };
        Ok(JsCallback {
            func,
            thread: JsThread::current(&Env::from_raw(env))?,
        })
    }
}

impl TypeName for JsCallback {
    fn type_name() -> &'static str {
        "Function"
    }
    fn value_type() -> ValueType {
        ValueType::Function
    }
}
