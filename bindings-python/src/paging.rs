//! The iterators behind `iter_all` & co.: `Pager` (`for`, blocking client) and `AsyncPager`
//! (`async for`, asyncio client), each offering only its own protocol. The core's stream
//! fetches one page at a time.

use std::sync::Arc;

use futures_util::stream::{BoxStream, StreamExt, TryStreamExt};
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use pyo3::types::PyGenericAlias;
use sendgrid_admin::Error;
use tokio::sync::Mutex;

use crate::call::{block, Mode, ToPy};
use crate::errors::to_py_err;

type Conv = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<Py<PyAny>> + Send>;
type Items = Arc<Mutex<BoxStream<'static, Result<Conv, Error>>>>;

fn items<T: Send + 'static, P: ToPy>(
    stream: BoxStream<'static, Result<T, Error>>,
    conv: fn(T) -> P,
) -> Items {
    let items = stream
        .map_ok(move |v| Box::new(move |py: Python<'_>| conv(v).to_py(py)) as Conv)
        .boxed();
    Arc::new(Mutex::new(items))
}

/// The pager for `mode`: a [`Pager`] or an [`AsyncPager`].
pub fn pager<T: Send + 'static, P: ToPy>(
    py: Python<'_>,
    mode: Mode,
    stream: BoxStream<'static, Result<T, Error>>,
    conv: fn(T) -> P,
) -> PyResult<Py<PyAny>> {
    let items = items(stream, conv);
    Ok(match mode {
        Mode::Sync => Py::new(py, Pager { items })?.into_any(),
        Mode::Async => Py::new(py, AsyncPager { items })?.into_any(),
    })
}

/// Every item of a paged listing, for `for` (blocking client). Ctrl-C stops it.
#[pyclass(module = "sendgrid_admin")]
pub struct Pager {
    items: Items,
}

#[pymethods]
impl Pager {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let items = self.items.clone();
        match block(py, async move { items.lock().await.next().await }, None)? {
            None => Ok(None),
            Some(Ok(conv)) => conv(py).map(Some),
            Some(Err(e)) => Err(to_py_err(e)),
        }
    }

    /// `Pager[Subuser]` in annotations.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, pyo3::types::PyType>,
        item: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyGenericAlias>> {
        PyGenericAlias::new(cls.py(), cls.as_any(), item)
    }
}

/// Every item of a paged listing, for `async for` (asyncio client).
#[pyclass(module = "sendgrid_admin")]
pub struct AsyncPager {
    items: Items,
}

#[pymethods]
impl AsyncPager {
    fn __aiter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __anext__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let items = self.items.clone();
        crate::call::awaitable(py, async move {
            let next = items.lock().await.next().await;
            Box::new(move |py: Python<'_>| match next {
                None => Err(PyStopAsyncIteration::new_err(())),
                Some(Ok(conv)) => conv(py),
                Some(Err(e)) => Err(to_py_err(e)),
            }) as crate::call::Ready
        })
    }

    /// `AsyncPager[Subuser]` in annotations.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, pyo3::types::PyType>,
        item: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyGenericAlias>> {
        PyGenericAlias::new(cls.py(), cls.as_any(), item)
    }
}
