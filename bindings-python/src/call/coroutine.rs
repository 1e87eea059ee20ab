//! The awaitable every `AsyncClient` method returns: a native coroutine-like object (it has
//! `send`, `throw`, `close` and `__await__`, and is registered as a `collections.abc.Coroutine`,
//! so `asyncio.iscoroutine`, `create_task`, `gather` and `wait_for` take it).
//!
//! It is lazy: nothing is sent until it is first awaited (or stepped by a task). Then it takes
//! an asyncio future from the running loop, starts the call on the runtime and yields that
//! future; when the task is resumed it returns the future's result. Cancelling the task cancels
//! the call. Dropped without being awaited, it sends nothing and warns like a coroutine does.
//!
//! A Python `async def` doing the same costs a coroutine object, a frame and a few attribute
//! lookups per call, which is most of what the per-call path spent beyond asyncio itself.

use std::sync::Mutex;

use pyo3::exceptions::{PyRuntimeError, PyRuntimeWarning, PyStopIteration};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::{intern, PyTraverseError, PyVisit};

use super::{Pending, Start};

/// Where an async call is.
enum State {
    /// Not awaited yet: what starts it.
    New(Start),
    /// Started: the asyncio future its result goes to, and the task to abort on cancellation
    /// (none when pyo3-async-runtimes drives it: it cancels by itself).
    Waiting {
        fut: Py<PyAny>,
        task: Option<tokio::task::AbortHandle>,
    },
    /// Returned, raised, or closed.
    Done,
}

/// An async call of the SendGrid API: await it (or hand it to `asyncio.create_task`,
/// `gather`, `wait_for`). Nothing is sent until it is awaited.
#[pyclass(frozen, module = "sendgrid_admin", name = "Call")]
pub struct Call {
    state: Mutex<State>,
}

impl Call {
    /// A call that runs `start` once awaited.
    pub fn new(start: Start) -> Self {
        Call {
            state: Mutex::new(State::New(start)),
        }
    }

    fn replace(&self, next: State) -> State {
        match self.state.lock() {
            Ok(mut s) => std::mem::replace(&mut *s, next),
            Err(e) => std::mem::replace(&mut *e.into_inner(), next),
        }
    }

    /// One step: start the call (first step) or collect its result (after the future is done).
    fn step<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.replace(State::Done) {
            State::New(start) => {
                let (fut, task) = begin(py, start)?;
                self.replace(State::Waiting {
                    fut: fut.clone().unbind(),
                    task,
                });
                block_on(py, &fut)?;
                Ok(fut)
            }
            State::Waiting { fut, task } => {
                let f = fut.bind(py).clone();
                if !f.call_method0(intern!(py, "done"))?.is_truthy()? {
                    // Woken early (not by the future): wait on it again.
                    self.replace(State::Waiting { fut, task });
                    block_on(py, &f)?;
                    return Ok(f);
                }
                match f.call_method0(intern!(py, "result")) {
                    Ok(v) => Err(PyStopIteration::new_err((v.unbind(),))),
                    Err(e) => {
                        abort(task);
                        Err(e)
                    }
                }
            }
            State::Done => Err(PyRuntimeError::new_err(
                "cannot reuse an already awaited sendgrid_admin call",
            )),
        }
    }

    /// Ends the call where it is: a running one is cancelled (its request abandoned).
    fn finish(&self, py: Python<'_>) -> PyResult<()> {
        if let State::Waiting { fut, task } = self.replace(State::Done) {
            abort(task);
            fut.bind(py).call_method0(intern!(py, "cancel"))?;
        }
        Ok(())
    }
}

#[pymethods]
impl Call {
    fn __await__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// How asyncio names the call in a task's repr.
    #[getter]
    fn __qualname__(&self) -> &'static str {
        "sendgrid_admin.Call"
    }

    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.step(py)
    }

    /// Resumes the call (the coroutine protocol; only `None` is ever sent by asyncio).
    fn send<'py>(&self, py: Python<'py>, value: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        if !value.is_none() {
            if let State::New(_) = &*self.state.lock().unwrap_or_else(|e| e.into_inner()) {
                return Err(pyo3::exceptions::PyTypeError::new_err(
                    "can't send non-None value to a just-started coroutine",
                ));
            }
        }
        self.step(py)
    }

    /// Raises `typ` (an exception, or its class) at the call: a running call is cancelled.
    #[pyo3(signature = (typ, val=None, tb=None))]
    fn throw(
        &self,
        py: Python<'_>,
        typ: Bound<'_, PyAny>,
        val: Option<Bound<'_, PyAny>>,
        tb: Option<Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let _ = tb;
        self.finish(py)?;
        let err = match val {
            Some(v) if !v.is_none() && v.is_instance_of::<pyo3::exceptions::PyBaseException>() => {
                PyErr::from_value(v)
            }
            Some(v) if !v.is_none() => PyErr::from_value(typ.call1((v,))?),
            _ if typ.is_instance_of::<pyo3::types::PyType>() => PyErr::from_value(typ.call0()?),
            _ => PyErr::from_value(typ),
        };
        Err(err)
    }

    /// Closes the call: not started, it never will be; running, it is cancelled.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        self.finish(py)
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        if let Ok(s) = self.state.try_lock() {
            if let State::Waiting { fut, .. } = &*s {
                visit.call(fut)?;
            }
        }
        Ok(())
    }

    fn __clear__(&self) {
        if let Ok(mut s) = self.state.try_lock() {
            if let State::Waiting { task, .. } = std::mem::replace(&mut *s, State::Done) {
                abort(task);
            }
        }
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        let state = match self.state.get_mut() {
            Ok(s) => s,
            Err(e) => e.into_inner(),
        };
        match std::mem::replace(state, State::Done) {
            State::New(_) => Python::attach(|py| {
                let warned = PyErr::warn(
                    py,
                    &py.get_type::<PyRuntimeWarning>(),
                    c"coroutine 'sendgrid_admin call' was never awaited (nothing was sent)",
                    1,
                );
                if let Err(e) = warned {
                    e.write_unraisable(py, None);
                }
            }),
            State::Waiting { task, .. } => abort(task),
            State::Done => {}
        }
    }
}

fn abort(task: Option<tokio::task::AbortHandle>) {
    if let Some(t) = task {
        t.abort();
    }
}

/// Marks `fut` as awaited by the task the call runs in (what `Future.__await__` does).
fn block_on(py: Python<'_>, fut: &Bound<'_, PyAny>) -> PyResult<()> {
    fut.setattr(intern!(py, "_asyncio_future_blocking"), true)
}

/// Starts the call on the running loop: its future and the task to abort on cancellation.
fn begin(
    py: Python<'_>,
    start: Start,
) -> PyResult<(Bound<'_, PyAny>, Option<tokio::task::AbortHandle>)> {
    let lp = running_loop(py)?;
    #[cfg(unix)]
    if let Some(w) = super::wake::for_loop(py, &lp)? {
        let fut = lp.call_method0(intern!(py, "create_future"))?;
        let inbox = w.get().inbox();
        let target = fut.clone().unbind();
        let task = crate::runtime::get().spawn(async move {
            let ready = start(None).await;
            inbox.push(target, ready);
        });
        return Ok((fut, Some(task.abort_handle())));
    }
    // pyo3-async-runtimes takes the loop from the running one too.
    drop(lp);
    Ok((Pending::new(start).start(py, None)?, None))
}

static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn running_loop(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    GET_RUNNING_LOOP
        .get_or_try_init(py, || {
            py.import("asyncio")?
                .getattr("get_running_loop")
                .map(Bound::unbind)
        })?
        .bind(py)
        .call0()
}

/// Registers [`Call`] as a `collections.abc.Coroutine`, so asyncio takes it where it takes
/// coroutines.
pub fn register(py: Python<'_>) -> PyResult<()> {
    py.import("collections.abc")?
        .getattr("Coroutine")?
        .call_method1("register", (py.get_type::<Call>(),))?;
    Ok(())
}
