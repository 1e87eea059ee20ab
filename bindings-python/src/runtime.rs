//! The tokio runtime calls run on: one per process. After `fork()` the parent's runtime threads
//! do not exist in the child, so the first call there builds a new runtime (the parent's is
//! left alone, never dropped: dropping it would touch state shared with the parent). The
//! core client does the same for its connection pool, so clients made before or after a fork
//! both work (gunicorn `--preload`, Celery prefork, `multiprocessing` with fork).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use pyo3_async_runtimes::generic::{ContextExt, Runtime as GenericRuntime};
use pyo3_async_runtimes::TaskLocals;
use tokio::runtime::Runtime;

static PID: AtomicU32 = AtomicU32::new(0);
static RUNTIME: AtomicPtr<Runtime> = AtomicPtr::new(std::ptr::null_mut());
static BUILDING: Mutex<()> = Mutex::new(());

/// The runtime of the current process, built on first use (and again in a forked child).
pub fn get() -> &'static Runtime {
    let pid = sendgrid_admin::pid::current();
    if PID.load(Ordering::Acquire) == pid {
        let rt = RUNTIME.load(Ordering::Acquire);
        if !rt.is_null() {
            // SAFETY: runtimes are leaked (never freed), so the pointer stays valid.
            return unsafe { &*rt };
        }
    }
    let _guard = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
    if PID.load(Ordering::Acquire) == pid {
        let rt = RUNTIME.load(Ordering::Acquire);
        if !rt.is_null() {
            // SAFETY: as above.
            return unsafe { &*rt };
        }
    }
    let rt: &'static Runtime = Box::leak(Box::new(build()));
    RUNTIME.store(rt as *const Runtime as *mut Runtime, Ordering::Release);
    PID.store(pid, Ordering::Release);
    rt
}

fn build() -> Runtime {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .thread_name("sendgrid-admin")
        .enable_all()
        .build()
        .unwrap_or_else(|_| {
            // Threads could not be made (process limits): a runtime without worker threads
            // still serves blocking calls.
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a current-thread runtime needs no threads")
        })
}

/// Results being handed to an event loop right now (pyo3-async-runtimes does it on a blocking
/// thread, holding the GIL, and `call_soon_threadsafe` releases it for a moment).
static HANDING_OVER: AtomicUsize = AtomicUsize::new(0);

/// Registered with `atexit`: waits (GIL released, at most 2 s) until no result is being handed
/// over. Without it, `asyncio.run(...)` can return and the interpreter finalize while a runtime
/// thread still needs the GIL to finish handing over the last result, and Python then ends that
/// thread inside Rust frames: a crash at exit.
#[pyo3::pyfunction]
pub fn drain(py: pyo3::Python<'_>) {
    py.detach(|| {
        let deadline = Instant::now() + Duration::from_secs(2);
        while HANDING_OVER.load(Ordering::Acquire) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

tokio::task_local! {
    static LOCALS: TaskLocals;
}

/// pyo3-async-runtimes' bridge, spawning onto [`get`] instead of a runtime fixed at first use.
pub struct ForkSafe;

impl GenericRuntime for ForkSafe {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = tokio::task::JoinHandle<()>;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        get().spawn(fut)
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        // These closures hand results to the event loop with the GIL held; see [`drain`].
        struct InFlight;
        impl Drop for InFlight {
            fn drop(&mut self) {
                HANDING_OVER.fetch_sub(1, Ordering::AcqRel);
            }
        }
        HANDING_OVER.fetch_add(1, Ordering::AcqRel);
        let guard = InFlight;
        get().spawn_blocking(move || {
            let _guard = guard;
            f()
        })
    }
}

impl ContextExt for ForkSafe {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        Box::pin(LOCALS.scope(locals, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        LOCALS.try_with(|l| l.clone()).ok()
    }
}
