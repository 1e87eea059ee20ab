//! `Pager`: the iterator behind `iter_all` & co. — `for` on the blocking client, `async for` on
//! the asyncio client. The core's stream fetches one page at a time.

use std::sync::Arc;

use futures_util::stream::{BoxStream, StreamExt, TryStreamExt};
use pyo3::exceptions::{PyStopAsyncIteration, PyTypeError};
use pyo3::prelude::*;
use sendgrid_admin::Error;
use tokio::sync::Mutex;

use crate::call::{Mode, ToPy};
use crate::errors::to_py_err;

type Conv = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<Py<PyAny>> + Send>;
type Items = Arc<Mutex<BoxStream<'static, Result<Conv, Error>>>>;

/// Iterates over every item of a paged listing.
#[pyclass(module = "sendgrid_admin")]
pub struct Pager {
    items: Items,
    mode: Mode,
}

impl Pager {
    /// Wraps a core stream whose items become Python objects through `conv`.
    pub fn new<T: Send + 'static, P: ToPy>(
        mode: Mode,
        stream: BoxStream<'static, Result<T, Error>>,
        conv: fn(T) -> P,
    ) -> Self {
        let items = stream
            .map_ok(move |v| Box::new(move |py: Python<'_>| conv(v).to_py(py)) as Conv)
            .boxed();
        Pager {
            items: Arc::new(Mutex::new(items)),
            mode,
        }
    }
}

#[pymethods]
impl Pager {
    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<PyRef<'_, Self>> {
        match slf.mode {
            Mode::Sync => Ok(slf),
            Mode::Async => Err(PyTypeError::new_err(
                "this iterator belongs to an AsyncClient: use `async for`",
            )),
        }
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let items = self.items.clone();
        let rt = pyo3_async_runtimes::tokio::get_runtime();
        match py.detach(|| rt.block_on(async move { items.lock().await.next().await })) {
            None => Ok(None),
            Some(Ok(conv)) => conv(py).map(Some),
            Some(Err(e)) => Err(to_py_err(e)),
        }
    }

    fn __aiter__(slf: PyRef<'_, Self>) -> PyResult<PyRef<'_, Self>> {
        match slf.mode {
            Mode::Async => Ok(slf),
            Mode::Sync => Err(PyTypeError::new_err(
                "this iterator belongs to a blocking Client: use `for`",
            )),
        }
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self.items.clone();
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            match items.lock().await.next().await {
                None => Err(PyStopAsyncIteration::new_err(())),
                Some(Ok(conv)) => Python::attach(conv),
                Some(Err(e)) => Err(to_py_err(e)),
            }
        })
    }
}
