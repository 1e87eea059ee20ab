//! How an async call's result reaches its event loop without a runtime thread ever taking the
//! GIL: the finished call is queued here and one byte on a socket pair wakes the loop (only when
//! the queue was empty, so a burst of results costs one wake-up); the loop's reader callback
//! turns the queued values into Python objects and resolves their futures.
//!
//! pyo3-async-runtimes instead hands each result over from a blocking thread that waits for the
//! GIL, while the event loop thread holds it: under load that costs a thread switch and a GIL
//! hand-off per call. It stays in use for loops that cannot watch a file descriptor.

use std::io::{ErrorKind, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyOSError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyWeakrefReference;

use super::Ready;

/// The results waiting for one event loop and the socket that wakes it.
pub struct Inbox {
    queue: Mutex<Vec<(Py<PyAny>, Ready)>>,
    /// A wake-up byte is on its way and the loop has not started draining yet.
    signalled: AtomicBool,
    writer: UnixStream,
}

impl Inbox {
    /// Queues `ready` for `fut` and wakes the loop unless a wake-up is already pending.
    pub fn push(&self, fut: Py<PyAny>, ready: Ready) {
        match self.queue.lock() {
            Ok(mut q) => q.push((fut, ready)),
            Err(e) => e.into_inner().push((fut, ready)),
        }
        if !self.signalled.swap(true, Ordering::AcqRel) {
            // A full socket buffer means a wake-up byte is already unread: nothing to add.
            let _ = (&self.writer).write(&[1]);
        }
    }
}

/// Wakes one event loop with the results of the calls started on it (internal).
#[pyclass(frozen, module = "sendgrid_admin")]
pub struct Waker {
    inbox: Arc<Inbox>,
    reader: UnixStream,
}

impl Waker {
    /// Where this loop's finished calls go.
    pub fn inbox(&self) -> Arc<Inbox> {
        Arc::clone(&self.inbox)
    }
}

#[pymethods]
impl Waker {
    #[new]
    pub(crate) fn new() -> PyResult<Self> {
        let (reader, writer) = UnixStream::pair().map_err(|e| PyOSError::new_err(e.to_string()))?;
        reader
            .set_nonblocking(true)
            .and_then(|()| writer.set_nonblocking(true))
            .map_err(|e| PyOSError::new_err(e.to_string()))?;
        Ok(Waker {
            inbox: Arc::new(Inbox {
                queue: Mutex::new(Vec::new()),
                signalled: AtomicBool::new(false),
                writer,
            }),
            reader,
        })
    }

    /// The descriptor the event loop watches.
    pub(crate) fn fileno(&self) -> i32 {
        self.reader.as_raw_fd()
    }

    /// Resolves the future of every finished call (the loop's reader callback).
    fn drain(&self, py: Python<'_>) {
        // Order matters: read the wake-up bytes, then clear the flag, then take the queue. A
        // result queued before the flag is cleared is taken now (its push wrote no byte); one
        // queued after writes a byte that wakes the loop again.
        let mut buf = [0u8; 64];
        loop {
            match (&self.reader).read(&mut buf) {
                Ok(0) => break,
                Ok(_) => continue,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        self.inbox.signalled.store(false, Ordering::Release);
        let done = match self.inbox.queue.lock() {
            Ok(mut q) => std::mem::take(&mut *q),
            Err(e) => std::mem::take(&mut *e.into_inner()),
        };
        for (fut, ready) in done {
            let fut = fut.bind(py);
            // Cancelled while the call ran: nobody waits for the value.
            if fut
                .call_method0(pyo3::intern!(py, "done"))
                .and_then(|d| d.is_truthy())
                .unwrap_or(true)
            {
                continue;
            }
            let _ = match ready(py) {
                Ok(v) => fut.call_method1(pyo3::intern!(py, "set_result"), (v,)),
                Err(e) => fut.call_method1(pyo3::intern!(py, "set_exception"), (e.into_value(py),)),
            };
        }
    }
}

/// The wakers of the event loops calls have run on: the loop (weakly) and its waker, or `None`
/// for a loop that cannot watch a file descriptor.
type Wakers = Vec<(Py<PyWeakrefReference>, Option<Py<Waker>>)>;

static WAKERS: Mutex<Wakers> = Mutex::new(Vec::new());

/// The waker of `lp`, made and attached (`add_reader`) on its first call. (The lock is never
/// held while Python code runs: that code may let another thread take the GIL.)
pub fn for_loop<'py>(
    py: Python<'py>,
    lp: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, Waker>>> {
    if let Some(w) = known(py, lp) {
        return Ok(w);
    }
    // A loop without weak references would pile up wakers (and readers): it gets none and
    // uses the slower path, which needs neither.
    let Ok(r) = PyWeakrefReference::new(lp) else {
        return Ok(None);
    };
    let w = attach(py, lp);
    let mut wakers = WAKERS.lock().unwrap_or_else(|e| e.into_inner());
    // Forget the loops that are gone (dropping these runs no Python code).
    wakers.retain(|(r, _)| r.bind(py).upgrade().is_some());
    wakers.push((r.unbind(), w.as_ref().map(|w| w.clone().unbind())));
    Ok(w)
}

/// The cached waker of `lp` (`Some(None)`: the loop cannot watch a descriptor).
fn known<'py>(py: Python<'py>, lp: &Bound<'py, PyAny>) -> Option<Option<Bound<'py, Waker>>> {
    let wakers = WAKERS.lock().unwrap_or_else(|e| e.into_inner());
    wakers
        .iter()
        .find(|(r, _)| r.bind(py).upgrade().is_some_and(|l| l.is(lp)))
        .map(|(_, w)| w.as_ref().map(|w| w.bind(py).clone()))
}

/// A waker watched by `lp`, or `None` when the loop cannot watch a file descriptor (Windows'
/// proactor loop, some third-party loops).
fn attach<'py>(py: Python<'py>, lp: &Bound<'py, PyAny>) -> Option<Bound<'py, Waker>> {
    let w = Bound::new(py, Waker::new().ok()?).ok()?;
    let drain = w.getattr(intern!(py, "drain")).ok()?;
    lp.call_method1(intern!(py, "add_reader"), (w.get().fileno(), drain))
        .ok()?;
    Some(w)
}
