//! `client.bulk`: many calls at once under the core's pacing, one `BulkResult` per item.

use std::convert::identity;

use std::future::Future;
use std::sync::Arc;

use pyo3::prelude::*;
use sendgrid_admin::bulk::{BulkItem, BulkOptions, ProgressFn};
use sendgrid_admin::monitor::Monitor;

use crate::call::{block, bulk_coroutine, run, unit, unsigned, Mode, ToPy};
use crate::errors::to_py_err;
use crate::{methods, resource};

resource!(
    /// Bulk forms of the common jobs.
    Bulk,
    AsyncBulk
);

/// One item's outcome: `ok` with `value`, or `error` (a SendGridError).
#[pyclass(frozen, module = "sendgrid_admin")]
pub struct BulkResult {
    /// The input item.
    #[pyo3(get)]
    item: Py<PyAny>,
    /// The call's result when it succeeded.
    #[pyo3(get)]
    value: Option<Py<PyAny>>,
    /// The exception when it failed.
    #[pyo3(get)]
    error: Option<ErrorValue>,
}

/// A `SendGridError` instance, handed back as the exception object (typed so in the stub).
pub struct ErrorValue(Py<PyAny>);

impl<'py> IntoPyObject<'py> for &ErrorValue {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = std::convert::Infallible;
    #[cfg(feature = "stubs")]
    const OUTPUT_TYPE: pyo3::inspect::PyStaticExpr =
        pyo3::type_hint_identifier!("_native", "SendGridError");
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.0.bind(py).clone())
    }
}

#[pymethods]
impl BulkResult {
    /// Whether the call succeeded.
    #[getter]
    fn ok(&self) -> bool {
        self.error.is_none()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let show = |o: Option<&Py<PyAny>>| {
            o.as_ref()
                .map(|v| v.bind(py).repr().map(|r| r.to_string()).unwrap_or_default())
        };
        format!(
            "BulkResult(item={}, ok={}, value={}, error={})",
            self.item
                .bind(py)
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_default(),
            self.error.is_none(),
            show(self.value.as_ref()).unwrap_or_else(|| "None".into()),
            show(self.error.as_ref().map(|e| &e.0)).unwrap_or_else(|| "None".into()),
        )
    }
}

/// The outcomes of a job, converted with the GIL held.
pub struct Outcomes<I, T, P> {
    pub(crate) items: Vec<BulkItem<I, T>>,
    pub(crate) conv: fn(T) -> P,
}

impl<I: ToPy, T: Send + 'static, P: ToPy> ToPy for Outcomes<I, T, P> {
    fn to_py(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut out = Vec::with_capacity(self.items.len());
        for b in self.items {
            let item = b.item.to_py(py)?;
            let (value, error) = match b.result {
                Ok(v) => (Some((self.conv)(v).to_py(py)?), None),
                Err(e) => (
                    None,
                    Some(ErrorValue(to_py_err(e).into_value(py).into_any())),
                ),
            };
            out.push(BulkResult { item, value, error });
        }
        out.to_py(py)
    }
}

/// Runs a bulk job the client's way. Progress, when asked for, is delivered on the caller's
/// thread (blocking client) or event loop (asyncio client); an exception raised by the
/// callback cancels the job and reaches the caller.
pub(crate) fn run_job<Fut, T, P>(
    py: Python<'_>,
    mode: Mode,
    concurrency: i64,
    progress: Option<Py<PyAny>>,
    job: impl FnOnce(BulkOptions) -> Fut + Send + 'static,
    conv: fn(T) -> P,
) -> PyResult<Py<PyAny>>
where
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
    P: ToPy,
{
    let concurrency = unsigned("concurrency", concurrency)?;
    let options = move |progress| BulkOptions {
        concurrency,
        progress,
    };
    match (mode, progress) {
        (_, None) => run(py, mode, async move { Ok(job(options(None)).await) }, conv),
        (Mode::Sync, Some(cb)) => {
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let sink: ProgressFn = Arc::new(move |p| {
                let _ = tx.send(p);
            });
            let on_event = |py: Python<'_>, p| cb.call1(py, (p,)).map(|_| ());
            let v = block(py, job(options(Some(sink))), Some((&mut rx, &on_event)))?;
            conv(v).to_py(py)
        }
        (Mode::Async, Some(cb)) => bulk_coroutine(py, cb, move |notify| {
            let sink = notify.map(|n| {
                Arc::new(move |p| {
                    Python::attach(|py| {
                        let _ = n.call1(py, (p,));
                    })
                }) as ProgressFn
            });
            Box::pin(async move {
                let v = job(options(sink)).await;
                Python::attach(|py| conv(v).to_py(py))
            })
        }),
    }
}

methods!(Bulk, AsyncBulk, {
    /// Enables (`disabled=False`) or disables many subusers.
    #[pyo3(signature = (usernames, disabled, *, concurrency=8, progress: "Callable[[BulkProgress], object] | None" = None) -> "list[BulkResult]")]
    fn set_disabled(
        &self,
        py: Python<'_>,
        usernames: Vec<String>,
        disabled: bool,
        concurrency: i64,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run_job(
            py,
            self.mode,
            concurrency,
            progress,
            move |o| async move { c.bulk().set_disabled(usernames, disabled, &o).await },
            |items| Outcomes { items, conv: unit },
        )
    }

    /// Sets monitor settings for many subusers: items are (username, email, frequency).
    #[pyo3(signature = (items, *, concurrency=8, progress: "Callable[[BulkProgress], object] | None" = None) -> "list[BulkResult]")]
    fn update_monitors(
        &self,
        py: Python<'_>,
        items: Vec<(String, String, i64)>,
        concurrency: i64,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let items = items
            .into_iter()
            .enumerate()
            .map(|(i, (u, email, f))| {
                let frequency = unsigned(&format!("items[{i}].frequency"), f)?;
                Ok((u, Monitor::new(email, frequency)))
            })
            .collect::<PyResult<Vec<(String, Monitor)>>>()?;
        let c = self.client.clone();
        run_job(
            py,
            self.mode,
            concurrency,
            progress,
            move |o| async move { c.bulk().update_monitors(items, &o).await },
            |items| {
                let items = items
                    .into_iter()
                    .map(|b| BulkItem {
                        item: b.item.0,
                        result: b.result,
                    })
                    .collect();
                Outcomes {
                    items,
                    conv: identity,
                }
            },
        )
    }

    /// Replaces the IPs of many subusers: items are (username, [ip, ...]).
    #[pyo3(signature = (items, *, concurrency=8, progress: "Callable[[BulkProgress], object] | None" = None) -> "list[BulkResult]")]
    fn set_ips(
        &self,
        py: Python<'_>,
        items: Vec<(String, Vec<String>)>,
        concurrency: i64,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run_job(
            py,
            self.mode,
            concurrency,
            progress,
            move |o| async move { c.bulk().set_ips(items, &o).await },
            |items| Outcomes { items, conv: |v| v },
        )
    }

    /// Reputations of any number of subusers, asked 100 at a time; one result per chunk.
    #[pyo3(signature = (usernames, *, concurrency=8, progress: "Callable[[BulkProgress], object] | None" = None) -> "list[BulkResult]")]
    fn reputations(
        &self,
        py: Python<'_>,
        usernames: Vec<String>,
        concurrency: i64,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run_job(
            py,
            self.mode,
            concurrency,
            progress,
            move |o| async move { c.bulk().reputations(usernames, &o).await },
            |items| Outcomes {
                items,
                conv: identity,
            },
        )
    }
});
