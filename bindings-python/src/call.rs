//! How a call reaches Python: blocking (GIL released while waiting) for `Client`, an awaitable
//! for `AsyncClient`. Every resource method ends here.

use std::future::Future;

use pyo3::prelude::*;
use pyo3::BoundObject;

use crate::errors::to_py_err;

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

/// Runs `fut` on the shared tokio runtime the way `mode` asks, converting its value with `conv`.
pub fn run<F, T, P>(py: Python<'_>, mode: Mode, fut: F, conv: fn(T) -> P) -> PyResult<Py<PyAny>>
where
    F: Future<Output = Result<T, sendgrid_admin::Error>> + Send + 'static,
    T: Send + 'static,
    P: ToPy,
{
    match mode {
        Mode::Async => pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let v = fut.await.map_err(to_py_err)?;
            Python::attach(|py| conv(v).to_py(py))
        })
        .map(Bound::unbind),
        Mode::Sync => {
            let rt = pyo3_async_runtimes::tokio::get_runtime();
            let v = py.detach(|| rt.block_on(fut)).map_err(to_py_err)?;
            conv(v).to_py(py)
        }
    }
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
    T::try_from(v).map_err(|_| {
        to_py_err(sendgrid_admin::Error::invalid(
            field,
            format!("is {v}; it must be a non-negative integer in range"),
        ))
    })
}

/// An optional [`unsigned`].
pub fn opt_unsigned<T: TryFrom<i64>>(field: &str, v: Option<i64>) -> PyResult<Option<T>> {
    v.map(|v| unsigned(field, v)).transpose()
}
