//! `AbortSignal` → the core's cancellation. Each signal gets one `abort` listener, however many
//! calls and clients use it: the listener cancels a token kept for that signal in a `WeakMap`
//! (per JS thread; the entry goes when the signal is collected), and every call or
//! `withOptions({ signal })` client takes a child of it, which ends that call (a request in
//! flight is dropped, a pacing or retry wait ends) with code "cancelled". A child is forgotten
//! when its call ends, so a long-lived signal shared by thousands of calls holds one listener and
//! no growing list (Node warns past 10 listeners of one event on an `EventTarget`).

use std::cell::Cell;
use std::ptr;

use napi::bindgen_prelude::JsObjectValue;
use napi::bindgen_prelude::{
    External, FnArgs, FromNapiRef, FromNapiValue, Function, Object, Unknown,
};
use napi::{check_status, sys, Env, JsValue, Result, ValueType};
use sendgrid_admin::CancellationToken;

thread_local! {
    /// This JS thread's `WeakMap` from signal to its token (a napi reference; null until used).
    static TOKENS: Cell<sys::napi_ref> = const { Cell::new(ptr::null_mut()) };
}

/// `invalid_input` for a `signal` that is not an `AbortSignal`.
pub fn not_a_signal() -> napi::Error {
    crate::errors::to_napi(sendgrid_admin::Error::invalid(
        "signal",
        "must be an AbortSignal",
    ))
}

/// This thread's signal → token map, made on first use.
fn tokens(env: &Env) -> Result<Object<'_>> {
    let r = TOKENS.with(Cell::get);
    if !r.is_null() {
        let mut v = ptr::null_mut();
        // SAFETY: `r` was made on this thread, by this env (a worker has its own thread).
        check_status!(unsafe { sys::napi_get_reference_value(env.raw(), r, &mut v) })?;
        if !v.is_null() {
            // SAFETY: `v` is the live WeakMap the reference holds.
            return unsafe { Object::from_napi_value(env.raw(), v) };
        }
    }
    let ctor: Function<'_, (), Unknown<'_>> = env.get_global()?.get_named_property("WeakMap")?;
    let map = ctor.new_instance(())?;
    let mut r = ptr::null_mut();
    // SAFETY: a strong reference (count 1) keeps the map for the life of this JS thread.
    check_status!(unsafe { sys::napi_create_reference(env.raw(), map.raw(), 1, &mut r) })?;
    TOKENS.with(|t| t.set(r));
    // SAFETY: `map` is the object just made.
    unsafe { Object::from_napi_value(env.raw(), map.raw()) }
}

/// The token `signal` cancels: one per signal, with one `abort` listener.
fn signal_token(env: &Env, signal: Object<'_>) -> Result<CancellationToken> {
    let map = tokens(env)?;
    let get: Function<'_, FnArgs<(Object<'_>,)>, Unknown<'_>> = map.get_named_property("get")?;
    let found = get.apply(map, FnArgs::from((signal,)))?;
    if found.get_type()? == ValueType::External {
        // SAFETY: only this module stores values in the map, all `External<CancellationToken>`.
        let token =
            unsafe { External::<CancellationToken>::from_napi_ref(env.raw(), found.raw()) }?;
        return Ok(CancellationToken::clone(token));
    }
    let Ok(Some(add)) =
        signal.get::<Function<'_, FnArgs<(String, Function<'_, (), ()>)>, ()>>("addEventListener")
    else {
        return Err(not_a_signal());
    };
    let token = CancellationToken::new();
    let t = token.clone();
    let on_abort = env.create_function_from_closure::<(), (), _>("onAbort", move |_| {
        t.cancel();
        Ok(())
    })?;
    add.apply(signal, FnArgs::from(("abort".to_string(), on_abort)))?;
    let set: Function<'_, FnArgs<(Object<'_>, External<CancellationToken>)>, Unknown<'_>> =
        map.get_named_property("set")?;
    set.apply(map, FnArgs::from((signal, External::new(token.clone()))))?;
    Ok(token)
}

/// A token cancelled when `signal` aborts (already cancelled if it has); dropping it (the call
/// or client ended) detaches it from the signal.
pub fn watch(env: &Env, signal: Object<'_>) -> Result<CancellationToken> {
    let aborted = signal.get::<bool>("aborted").ok().flatten();
    let Some(aborted) = aborted else {
        return Err(not_a_signal());
    };
    if aborted {
        let token = CancellationToken::new();
        token.cancel();
        return Ok(token);
    }
    Ok(signal_token(env, signal)?.child_token())
}
