//! How a call's promise is settled: the finished call is queued here and one threadsafe
//! function per JS thread wakes that thread (only when the queue was empty, so a burst of
//! results costs one wake-up); on the JS thread the queued values become JS values and their
//! promises are resolved or rejected.
//!
//! napi-rs's own `spawn_future_with_callback` creates (and tears down) a threadsafe function,
//! with its libuv handle and cleanup hook, for every call; at tens of thousands of calls per
//! second that is most of a plain call's cost.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::ptr;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use napi::{check_status, sys, Env};

/// A promise's resolver, made on a JS thread and only used there (in `drain`).
struct Deferred(sys::napi_deferred);

// SAFETY: carried through the runtime untouched; only `drain`, on the JS thread that made it,
// uses it.
unsafe impl Send for Deferred {}

/// Makes a finished call's JS value, on the JS thread.
type Ready = Box<dyn FnOnce(&Env) -> napi::Result<sys::napi_value> + Send>;

/// A finished call: its promise, how to make its value, and where it was called from.
struct Done {
    deferred: Deferred,
    ready: Ready,
    site: Site,
}

/// Work for the JS thread, run in the order it was queued.
enum Job {
    /// Settle a promise.
    Settle(Done),
    /// Run JS (a progress callback, releasing a reference).
    Run(Box<dyn FnOnce(&Env) + Send>),
}

/// A handle on one JS thread's queue: what it runs there comes in order with the settlement of
/// the promises made on that thread (a bulk job's last progress before its promise settles).
#[derive(Clone)]
pub struct JsThread(Arc<Hub>);

impl JsThread {
    /// The current JS thread's queue (call on a JS thread).
    pub fn current(env: &Env) -> napi::Result<JsThread> {
        Ok(JsThread(Arc::clone(&local(env)?.hub)))
    }

    /// Runs `f` on that JS thread (dropped unrun if the thread's environment is gone).
    pub fn run(&self, f: impl FnOnce(&Env) + Send + 'static) {
        self.0.push(Job::Run(Box::new(f)));
    }
}

/// An `Error` made when the call was made (a reference on the JS thread that made it): its
/// stack is the caller's, which a rejection's own stack (made later, on a fresh tick) lacks.
struct Site(sys::napi_ref);

// SAFETY: carried through the runtime untouched; only `drain`, on the JS thread that made it,
// uses it.
unsafe impl Send for Site {}

/// Captures the caller's stack (V8 formats it only if a rejection reads it).
fn call_site(env: &Env) -> Site {
    let mut msg = ptr::null_mut();
    let mut err = ptr::null_mut();
    let mut r = ptr::null_mut();
    // SAFETY: plain napi calls on the JS thread; a failure leaves a null reference (no site).
    unsafe {
        if sys::napi_create_string_utf8(env.raw(), c"".as_ptr(), 0, &mut msg)
            != sys::Status::napi_ok
            || sys::napi_create_error(env.raw(), ptr::null_mut(), msg, &mut err)
                != sys::Status::napi_ok
            || sys::napi_create_reference(env.raw(), err, 1, &mut r) != sys::Status::napi_ok
        {
            return Site(ptr::null_mut());
        }
    }
    Site(r)
}

/// A string property of `obj`, if it is one.
///
/// # Safety
/// On the JS thread of `env`, with `obj` a live value.
unsafe fn string_prop(
    env: sys::napi_env,
    obj: sys::napi_value,
    name: &std::ffi::CStr,
) -> Option<String> {
    let mut v = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: as the caller promises.
    unsafe {
        if sys::napi_get_named_property(env, obj, name.as_ptr(), &mut v) != sys::Status::napi_ok
            || sys::napi_get_value_string_utf8(env, v, ptr::null_mut(), 0, &mut len)
                != sys::Status::napi_ok
        {
            return None;
        }
        let mut buf = vec![0u8; len + 1];
        let mut written = 0usize;
        if sys::napi_get_value_string_utf8(env, v, buf.as_mut_ptr().cast(), len + 1, &mut written)
            != sys::Status::napi_ok
        {
            return None;
        }
        buf.truncate(written);
        String::from_utf8(buf).ok()
    }
}

/// Puts the caller's frames (from `site`) under the rejection's own message in `err.stack`.
///
/// # Safety
/// On the JS thread that made `site`, with `err` a live value.
unsafe fn add_call_site(env: sys::napi_env, err: sys::napi_value, site: &Site) {
    if site.0.is_null() {
        return;
    }
    let mut t = sys::ValueType::napi_undefined;
    let mut s = ptr::null_mut();
    // SAFETY: as the caller promises; the reference is alive until `drain` deletes it.
    unsafe {
        if sys::napi_typeof(env, err, &mut t) != sys::Status::napi_ok
            || t != sys::ValueType::napi_object
            || sys::napi_get_reference_value(env, site.0, &mut s) != sys::Status::napi_ok
        {
            return;
        }
        let (Some(own), Some(caller)) = (
            string_prop(env, err, c"stack"),
            string_prop(env, s, c"stack"),
        ) else {
            return;
        };
        // The message lines of the error, then the caller's frames (the site's first line is
        // its empty message).
        let head: Vec<&str> = own
            .lines()
            .take_while(|l| !l.trim_start().starts_with("at "))
            .collect();
        let frames: Vec<&str> = caller
            .lines()
            .skip_while(|l| !l.trim_start().starts_with("at "))
            .collect();
        let stack = format!("{}\n{}", head.join("\n"), frames.join("\n"));
        let mut v = ptr::null_mut();
        if sys::napi_create_string_utf8(env, stack.as_ptr().cast(), stack.len() as isize, &mut v)
            == sys::Status::napi_ok
        {
            sys::napi_set_named_property(env, err, c"stack".as_ptr(), v);
        }
    }
}

/// The calls finished for one JS thread and the threadsafe function that wakes it.
struct Hub {
    state: Mutex<State>,
    /// A wake-up is on its way and the JS thread has not started draining yet.
    signalled: AtomicBool,
}

struct State {
    queue: Vec<Job>,
    tsfn: sys::napi_threadsafe_function,
    /// The environment is being torn down: the threadsafe function may not be called.
    closed: bool,
}

// SAFETY: the threadsafe function is made to be called from any thread; `closed` (under the
// same lock) keeps calls away once the environment starts tearing down.
unsafe impl Send for State {}

impl Hub {
    fn push(&self, done: Job) {
        let mut s = match self.state.lock() {
            Ok(s) => s,
            Err(e) => e.into_inner(),
        };
        if s.closed {
            return; // nothing left to resolve it in
        }
        s.queue.push(done);
        if !self.signalled.swap(true, Ordering::AcqRel) {
            // SAFETY: not closed, so the threadsafe function is alive.
            unsafe {
                sys::napi_call_threadsafe_function(
                    s.tsfn,
                    ptr::null_mut(),
                    sys::ThreadsafeFunctionCallMode::nonblocking,
                )
            };
        }
    }
}

/// This JS thread's hub and how many of its promises are unsettled (the threadsafe function
/// keeps the event loop alive only while some are).
struct Local {
    hub: Arc<Hub>,
    pending: Cell<usize>,
}

thread_local! {
    static LOCAL: RefCell<Option<Rc<Local>>> = const { RefCell::new(None) };
}

fn local(env: &Env) -> napi::Result<Rc<Local>> {
    if let Some(l) = LOCAL.with(|l| l.borrow().clone()) {
        return Ok(l);
    }
    let hub = Arc::new(Hub {
        state: Mutex::new(State {
            queue: Vec::new(),
            tsfn: ptr::null_mut(),
            closed: false,
        }),
        signalled: AtomicBool::new(false),
    });
    let ctx = Arc::into_raw(Arc::clone(&hub)) as *mut std::ffi::c_void;
    let mut name = ptr::null_mut();
    let mut tsfn = ptr::null_mut();
    // SAFETY: plain napi calls on the JS thread; `ctx` is an Arc released in `finalize`.
    unsafe {
        check_status!(sys::napi_create_string_utf8(
            env.raw(),
            c"sendgrid_admin_settle".as_ptr().cast(),
            21,
            &mut name,
        ))?;
        check_status!(sys::napi_create_threadsafe_function(
            env.raw(),
            ptr::null_mut(),
            ptr::null_mut(),
            name,
            0,
            1,
            ctx,
            Some(finalize),
            ctx,
            Some(drain),
            &mut tsfn,
        ))?;
        check_status!(sys::napi_unref_threadsafe_function(env.raw(), tsfn))?;
        // Runs before Node tears the threadsafe function down (hooks run in reverse order).
        check_status!(sys::napi_add_env_cleanup_hook(
            env.raw(),
            Some(teardown),
            Arc::into_raw(Arc::clone(&hub)) as *mut std::ffi::c_void,
        ))?;
    }
    if let Ok(mut s) = hub.state.lock() {
        s.tsfn = tsfn;
    }
    let l = Rc::new(Local {
        hub,
        pending: Cell::new(0),
    });
    LOCAL.with(|slot| *slot.borrow_mut() = Some(Rc::clone(&l)));
    Ok(l)
}

unsafe extern "C" fn teardown(arg: *mut std::ffi::c_void) {
    // SAFETY: the Arc leaked for this hook in `local`.
    let hub = unsafe { Arc::from_raw(arg as *const Hub) };
    let mut s = match hub.state.lock() {
        Ok(s) => s,
        Err(e) => e.into_inner(),
    };
    s.closed = true;
    s.queue.clear();
    drop(s);
    // `try_with`: never panic inside an `extern "C"` callback (thread-locals being torn down).
    let _ = LOCAL.try_with(|l| l.borrow_mut().take());
}

unsafe extern "C" fn finalize(
    _env: sys::napi_env,
    data: *mut std::ffi::c_void,
    _hint: *mut std::ffi::c_void,
) {
    // SAFETY: the Arc leaked as the threadsafe function's data in `local`.
    drop(unsafe { Arc::from_raw(data as *const Hub) });
}

unsafe extern "C" fn drain(
    env: sys::napi_env,
    _js_cb: sys::napi_value,
    context: *mut std::ffi::c_void,
    _data: *mut std::ffi::c_void,
) {
    if env.is_null() || context.is_null() {
        return; // the environment is going away
    }
    // SAFETY: `context` is the Hub the threadsafe function holds until `finalize`.
    let hub = unsafe { &*(context as *const Hub) };
    // Clear the flag before taking the queue: a call queued meanwhile is taken now or wakes
    // this thread again.
    hub.signalled.store(false, Ordering::Release);
    let done = match hub.state.lock() {
        Ok(mut s) => std::mem::take(&mut s.queue),
        Err(e) => std::mem::take(&mut e.into_inner().queue),
    };
    let env = Env::from_raw(env);
    let mut n = 0;
    for job in done {
        let d = match job {
            Job::Settle(d) => d,
            Job::Run(f) => {
                // No panic may leave this `extern "C"` callback.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&env)));
                continue;
            }
        };
        n += 1;
        // No panic may leave this `extern "C"` callback: one becomes the promise's rejection.
        let ready = d.ready;
        let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ready(&env)))
            .unwrap_or_else(|_| {
                Err(napi::Error::from_reason(
                    "sendgrid-admin internal error (please report): a result could not be converted",
                ))
            });
        match made {
            // SAFETY: the deferred was made on this thread and is settled once.
            Ok(v) => unsafe {
                sys::napi_resolve_deferred(env.raw(), d.deferred.0, v);
            },
            Err(e) => unsafe {
                if let Ok(v) = ToNapiValue::to_napi_value(env.raw(), e) {
                    add_call_site(env.raw(), v, &d.site);
                    sys::napi_reject_deferred(env.raw(), d.deferred.0, v);
                }
            },
        }
        if !d.site.0.is_null() {
            // SAFETY: made on this thread in `settle_with`, deleted once.
            unsafe { sys::napi_delete_reference(env.raw(), d.site.0) };
        }
    }
    if let Some(l) = LOCAL.try_with(|l| l.borrow().clone()).ok().flatten() {
        let left = l.pending.get().saturating_sub(n);
        l.pending.set(left);
        if left == 0 {
            if let Ok(s) = l.hub.state.lock() {
                // SAFETY: on the JS thread, the threadsafe function alive (not torn down).
                unsafe { sys::napi_unref_threadsafe_function(env.raw(), s.tsfn) };
            }
        }
    }
}

/// A promise settled with what `fut` gives, turned into a JS value (or error) by `callback` on
/// the JS thread.
pub fn settle_with<'e, T, V, F, R>(
    env: &'e Env,
    fut: F,
    callback: R,
) -> napi::Result<PromiseRaw<'e, V>>
where
    T: Send + 'static,
    V: ToNapiValue,
    F: Future<Output = T> + Send + 'static,
    R: FnOnce(&Env, T) -> napi::Result<V> + Send + 'static,
{
    let l = local(env)?;
    let mut deferred = ptr::null_mut();
    let mut promise = ptr::null_mut();
    // SAFETY: on the JS thread.
    check_status!(unsafe { sys::napi_create_promise(env.raw(), &mut deferred, &mut promise) })?;
    if l.pending.get() == 0 {
        if let Ok(s) = l.hub.state.lock() {
            // SAFETY: on the JS thread; keeps the event loop alive until the promises settle.
            check_status!(unsafe { sys::napi_ref_threadsafe_function(env.raw(), s.tsfn) })?;
        }
    }
    l.pending.set(l.pending.get() + 1);
    let hub = Arc::clone(&l.hub);
    let deferred = Deferred(deferred);
    let site = call_site(env);
    napi::bindgen_prelude::spawn(async move {
        let v = fut.await;
        hub.push(Job::Settle(Done {
            deferred,
            ready: Box::new(move |env| {
                let out = callback(env, v)?;
                // SAFETY: on the JS thread, with its env.
                unsafe { V::to_napi_value(env.raw(), out) }
            }),
            site,
        }));
    });
    Ok(PromiseRaw::new(env.raw(), promise))
}
