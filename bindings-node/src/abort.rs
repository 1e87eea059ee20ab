//! `AbortSignal` → the core's cancellation: one `abort` listener per `withOptions({ signal })`
//! client cancels its token, which ends every call of that client (a request in flight is
//! dropped, a pacing or retry wait ends) with code "cancelled".

use napi::bindgen_prelude::{FnArgs, Function, Object};
use napi::{Env, Result};
use sendgrid_admin::CancellationToken;

/// `invalid_input` for a `signal` that is not an `AbortSignal`.
pub fn not_a_signal() -> napi::Error {
    crate::errors::to_napi(sendgrid_admin::Error::invalid(
        "signal",
        "must be an AbortSignal",
    ))
}

/// The token cancelled when `signal` aborts (already cancelled if it has).
pub fn watch(env: &Env, signal: Object<'_>) -> Result<CancellationToken> {
    let token = CancellationToken::new();
    let Ok(Some(add)) =
        signal.get::<Function<'_, FnArgs<(String, Function<'_, (), ()>)>, ()>>("addEventListener")
    else {
        return Err(not_a_signal());
    };
    if signal
        .get::<bool>("aborted")
        .ok()
        .flatten()
        .unwrap_or(false)
    {
        token.cancel();
        return Ok(token);
    }
    let t = token.clone();
    let on_abort = env.create_function_from_closure::<(), (), _>("onAbort", move |_| {
        t.cancel();
        Ok(())
    })?;
    add.apply(signal, FnArgs::from(("abort".to_string(), on_abort)))?;
    Ok(token)
}
