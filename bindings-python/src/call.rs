//! How a call reaches Python: blocking (GIL released while waiting, Ctrl-C honoured) for
//! `Client`, a lazy coroutine for `AsyncClient`. Every resource method ends here.

use std::ffi::CStr;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use futures_util::future::BoxFuture;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::BoundObject;

use crate::errors::to_py_err;
use crate::runtime;

mod coroutine;
#[cfg(unix)]
mod wake;

pub use coroutine::Call;

/// Which client a resource belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Methods block (without holding the GIL) and return values.
    Sync,
    /// Methods return awaitables.
    Async,
}

/// Turns a core value into its Python object (with the GIL held).
pub trait ToPy: Send + 'static {
    /// The conversion.
    fn to_py(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

impl<T> ToPy for T
where
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    fn to_py(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.into_pyobject(py)
            .map(|b| b.into_any().unbind())
            .map_err(Into::into)
    }
}

/// How often a blocking call looks for Ctrl-C (and other signals) while it waits.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Runs `fut` the way `mode` asks, converting its value with `conv`: blocking (interruptible)
/// for `Client`, a lazy coroutine for `AsyncClient`.
pub fn run<F, T, P>(py: Python<'_>, mode: Mode, fut: F, conv: fn(T) -> P) -> PyResult<Py<PyAny>>
where
    F: Future<Output = Result<T, sendgrid_admin::Error>> + Send + 'static,
    T: Send + 'static,
    P: ToPy,
{
    match mode {
        Mode::Async => {
            let call = Call::new(Box::new(move |_| {
                Box::pin(async move {
                    let r = fut.await;
                    Box::new(move |py: Python<'_>| conv(r.map_err(to_py_err)?).to_py(py)) as Ready
                })
            }));
            Ok(Py::new(py, call)?.into_any())
        }
        Mode::Sync => {
            let v = block(py, fut, None)?.map_err(to_py_err)?;
            conv(v).to_py(py)
        }
    }
}

/// A [`Call`] that, when awaited, runs `fut` and turns its outcome into the call's value (or
/// exception) on the event loop's thread.
pub fn awaitable<F>(py: Python<'_>, fut: F) -> PyResult<Py<PyAny>>
where
    F: Future<Output = Ready> + Send + 'static,
{
    let call = Call::new(Box::new(move |_| Box::pin(fut)));
    Ok(Py::new(py, call)?.into_any())
}

/// A handler of progress events, run on the caller's thread with the GIL.
pub type OnEvent<'a> = dyn Fn(Python<'_>, sendgrid_admin::bulk::BulkProgress) -> PyResult<()> + 'a;

/// What a bulk job reports while it runs.
pub type Events = tokio::sync::mpsc::UnboundedReceiver<sendgrid_admin::bulk::BulkProgress>;

/// Runs `fut` on the process's runtime and waits for it without holding the GIL. Every
/// [`SIGNAL_CHECK`] it runs Python's signal handlers: a `KeyboardInterrupt` (or any exception
/// they raise) cancels the work and is returned. `events` and their handler, when given, are
/// delivered on this thread as they arrive; an exception from the handler cancels the work too.
pub fn block<F>(
    py: Python<'_>,
    fut: F,
    mut events: Option<(&mut Events, &OnEvent<'_>)>,
) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let rt = runtime::get();
    if events.is_none() {
        return wait(py, rt, fut);
    }
    let mut handle = AbortOnDrop(rt.spawn(fut));
    loop {
        let rx: Option<&mut Events> = events.as_mut().map(|(rx, _)| &mut **rx);
        let waited = py.detach(|| {
            rt.block_on(async {
                let next = async {
                    match rx {
                        Some(rx) => rx.recv().await,
                        None => std::future::pending().await,
                    }
                };
                tokio::select! {
                    biased;
                    done = &mut handle.0 => Wake::Done(done),
                    Some(p) = next => Wake::Event(p),
                    _ = tokio::time::sleep(SIGNAL_CHECK) => Wake::Tick,
                }
            })
        });
        match waited {
            Wake::Done(Ok(v)) => {
                // Progress sent before the end is delivered before the result.
                if let Some((rx, on_event)) = events.as_mut() {
                    while let Ok(p) = rx.try_recv() {
                        on_event(py, p)?;
                    }
                }
                return Ok(v);
            }
            Wake::Done(Err(e)) => {
                return Err(PyRuntimeError::new_err(format!(
                    "sendgrid_admin internal error (please report): {e}"
                )))
            }
            Wake::Event(p) => {
                if let Some((_, on_event)) = events.as_ref() {
                    on_event(py, p)?;
                }
            }
            Wake::Tick => py.check_signals()?,
        }
    }
}

/// [`block`] without progress events: this thread drives the call itself (no task spawned, no
/// hand-over between threads; the runtime's workers still serve the sockets), looking for
/// Ctrl-C every [`SIGNAL_CHECK`].
fn wait<F>(py: Python<'_>, rt: &tokio::runtime::Runtime, fut: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    if !on_main_thread() {
        // Python runs signal handlers on its main thread only: nothing to look for here.
        return Ok(py.detach(move || rt.block_on(fut)));
    }
    let mut fut = Box::pin(fut);
    loop {
        let f = &mut fut;
        let done = py.detach(move || {
            rt.block_on(async move {
                tokio::select! {
                    biased;
                    v = f => Some(v),
                    _ = tokio::time::sleep(SIGNAL_CHECK) => None,
                }
            })
        });
        match done {
            Some(v) => return Ok(v),
            None => py.check_signals()?,
        }
    }
}

/// `threading.main_thread().ident`, kept current across `fork()`.
static MAIN_THREAD: AtomicU64 = AtomicU64::new(0);

fn on_main_thread() -> bool {
    // SAFETY: returns the calling thread's identifier; no other effect.
    let me = unsafe { pyo3::ffi::PyThread_get_thread_ident() } as u64;
    me == MAIN_THREAD.load(Ordering::Relaxed)
}

/// Notes which thread is Python's main thread (again in a forked child).
#[pyfunction]
fn note_main_thread(py: Python<'_>) -> PyResult<()> {
    let ident: u64 = py
        .import("threading")?
        .call_method0("main_thread")?
        .getattr("ident")?
        .extract()?;
    MAIN_THREAD.store(ident, Ordering::Relaxed);
    Ok(())
}

/// Module set-up: which thread can receive Ctrl-C (blocking calls); asyncio takes [`Call`]
/// for a coroutine.
pub fn register(py: Python<'_>) -> PyResult<()> {
    coroutine::register(py)?;
    note_main_thread(py)?;
    let note = wrap_pyfunction!(note_main_thread, py)?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("after_in_child", note)?;
    if let Ok(at_fork) = py.import("os")?.getattr("register_at_fork") {
        at_fork.call((), Some(&kwargs))?;
    }
    Ok(())
}

enum Wake<T> {
    Done(Result<T, tokio::task::JoinError>),
    Event(sendgrid_admin::bulk::BulkProgress),
    Tick,
}

/// A task that is cancelled when its waiter goes away (an exception, Ctrl-C).
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A finished call's value, turned into its Python object (or exception) by whoever holds the
/// GIL next: the event loop's thread, so no runtime thread ever waits for the GIL.
pub type Ready = Box<dyn FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send>;

/// The future of an async call, built when awaited, given the progress sink if any.
pub type Start = Box<dyn FnOnce(Option<Py<PyAny>>) -> BoxFuture<'static, Ready> + Send>;

/// An async call started through pyo3-async-runtimes: a bulk job with progress (driven by the
/// `run_bulk` helper below), or a [`Call`] on an event loop that cannot watch a file
/// descriptor (e.g. Windows' proactor).
#[pyclass(frozen, module = "sendgrid_admin")]
pub struct Pending {
    start: std::sync::Mutex<Option<Start>>,
}

impl Pending {
    fn new(start: Start) -> Self {
        Pending {
            start: std::sync::Mutex::new(Some(start)),
        }
    }
}

#[pymethods]
impl Pending {
    /// Starts the call on the running event loop and returns its asyncio future; `notify`
    /// receives progress (bulk jobs).
    #[pyo3(signature = (notify=None))]
    fn start<'py>(
        &self,
        py: Python<'py>,
        notify: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let start = self
            .start
            .lock()
            .ok()
            .and_then(|mut s| s.take())
            .ok_or_else(|| PyRuntimeError::new_err("this call was already awaited"))?;
        pyo3_async_runtimes::generic::future_into_py::<runtime::ForkSafe, _, _>(py, async move {
            let ready = start(notify).await;
            Python::attach(ready)
        })
    }
}

const HELPERS: &CStr = c"
import asyncio


async def run_bulk(pending, progress):
    loop = asyncio.get_running_loop()
    failure = []
    fut = None

    def deliver(event):
        if failure:
            return
        try:
            progress(event)
        except BaseException as e:
            failure.append(e)
            fut.cancel()

    def notify(event):
        try:
            loop.call_soon_threadsafe(deliver, event)
        except RuntimeError:
            pass  # the loop is closed

    fut = pending.start(notify)
    try:
        return await fut
    except asyncio.CancelledError:
        if failure:
            raise failure[0] from None
        raise
";

static HELPER_MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn helper<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let m = HELPER_MODULE.get_or_try_init(py, || {
        PyModule::from_code(
            py,
            HELPERS,
            c"sendgrid_admin/_aio.py",
            c"sendgrid_admin._aio",
        )
        .map(Bound::unbind)
    })?;
    m.bind(py).getattr(name)
}

/// Like [`run`]'s async form for a job that reports progress: `progress` receives it on the
/// caller's event loop; an exception it raises cancels the job and is raised by the `await`.
pub fn bulk_coroutine(
    py: Python<'_>,
    progress: Py<PyAny>,
    start: impl FnOnce(Option<Py<PyAny>>) -> BoxFuture<'static, PyResult<Py<PyAny>>> + Send + 'static,
) -> PyResult<Py<PyAny>> {
    let pending = Pending::new(Box::new(move |notify| {
        let fut = start(notify);
        Box::pin(async move {
            let r = fut.await;
            Box::new(move |_: Python<'_>| r) as Ready
        })
    }));
    Ok(helper(py, "run_bulk")?.call1((pending, progress))?.unbind())
}

/// Identity conversion, for values that are already Python-convertible.
pub fn same<T>(v: T) -> T {
    v
}

/// `None` for operations SendGrid answers with 204.
pub fn unit(_: ()) -> Option<bool> {
    None
}

/// A string argument read as one of the core's enums (`"eu"` → `Region::Eu`).
pub fn choice<T: serde::de::DeserializeOwned>(field: &str, v: &str) -> PyResult<T> {
    serde_json::from_value(serde_json::Value::String(v.to_string())).map_err(|_| {
        to_py_err(sendgrid_admin::Error::invalid(
            field,
            format!("{v:?} is not an accepted value"),
        ))
    })
}

/// An optional [`choice`].
pub fn opt_choice<T: serde::de::DeserializeOwned>(
    field: &str,
    v: Option<String>,
) -> PyResult<Option<T>> {
    v.map(|v| choice(field, &v)).transpose()
}

/// A Python int that must fit the core's unsigned type (a negative one is invalid input naming
/// the field, not an OverflowError).
pub fn unsigned<T: TryFrom<i64>>(field: &str, v: i64) -> PyResult<T> {
    sendgrid_admin::config::whole_int(field, v).map_err(to_py_err)
}

/// An optional [`unsigned`].
pub fn opt_unsigned<T: TryFrom<i64>>(field: &str, v: Option<i64>) -> PyResult<Option<T>> {
    v.map(|v| unsigned(field, v)).transpose()
}
