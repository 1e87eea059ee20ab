//! `client.export()`, `client.plan(document, prune=False)`, `client.apply(plan, ...)` and the
//! `Document` and `Plan` objects they exchange; all behaviour is the core's `plan` module.

use pyo3::prelude::*;
use pyo3::types::PyString;
use sendgrid_admin::plan::{Document as CoreDocument, Plan as CorePlan, PlanOptions};
use sendgrid_admin::Client as CoreClient;

use crate::bulk::{run_job, Outcomes};
use crate::call::{run, unit, Mode};
use crate::errors::to_py_err;
use crate::raw::{from_py, Json, JsonDicts};

fn json<T: serde::Serialize>(v: &T) -> Json {
    Json(serde_json::to_value(v).unwrap_or_default())
}

/// The subusers and teammates an account should have (see `core/schema/account.schema.json`).
/// A field left out is not managed. Passwords are never in it: a subuser to create names an
/// environment variable (`password_env`) or a file (`password_file`).
#[pyclass(frozen, eq, module = "sendgrid_admin")]
#[derive(Clone, PartialEq)]
pub struct Document {
    pub(crate) inner: CoreDocument,
}

#[pymethods]
impl Document {
    /// Reads YAML or JSON text; an unknown key names its line (InvalidInputError).
    #[staticmethod]
    fn from_yaml(text: &str) -> PyResult<Self> {
        CoreDocument::from_yaml(text)
            .map(|inner| Document { inner })
            .map_err(to_py_err)
    }

    /// Builds a document from dicts and lists shaped like the YAML.
    #[staticmethod]
    fn from_dict(py: Python<'_>, value: Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(py, "document", value).map(|inner| Document { inner })
    }

    /// The document as YAML.
    fn to_yaml(&self) -> PyResult<String> {
        self.inner.to_yaml().map_err(to_py_err)
    }

    /// The document as dicts and lists.
    #[pyo3(signature = () -> "dict[str, Any]")]
    fn to_dict(&self) -> Json {
        json(&self.inner)
    }

    /// The subusers, as dicts.
    #[getter]
    fn subusers(&self) -> JsonDicts {
        JsonDicts(json(&self.inner.subusers))
    }

    /// The teammates, as dicts.
    #[getter]
    fn teammates(&self) -> JsonDicts {
        JsonDicts(json(&self.inner.teammates))
    }

    /// Every problem against the API's rules, as (path, reason) pairs; empty when valid.
    fn problems(&self) -> Vec<(String, String)> {
        self.inner.problems()
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(subusers={}, teammates={})",
            self.inner.subusers.len(),
            self.inner.teammates.len()
        )
    }
}

/// The ordered changes that make an account match a document: creates and updates first,
/// deletions (only with `prune=True`) last.
#[pyclass(frozen, eq, module = "sendgrid_admin")]
#[derive(Clone, PartialEq)]
pub struct Plan {
    pub(crate) inner: CorePlan,
}

#[pymethods]
impl Plan {
    /// Reads a plan from its `to_dict()` form (e.g. a plan saved as JSON for review).
    #[staticmethod]
    fn from_dict(py: Python<'_>, value: Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(py, "plan", value).map(|inner| Plan { inner })
    }

    /// The changes: dicts with resource, key, action, fields (field, before, after), and for
    /// teammates target and pending.
    #[getter]
    fn changes(&self) -> JsonDicts {
        JsonDicts(json(&self.inner.changes))
    }

    /// What the account has beyond the document (resource, key), left alone without prune.
    #[getter]
    fn unmanaged(&self) -> JsonDicts {
        JsonDicts(json(&self.inner.unmanaged))
    }

    /// Differences the API cannot change and fields it cannot read, one sentence each.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner.warnings.clone()
    }

    /// (create, update, delete) counts.
    fn counts(&self) -> (usize, usize, usize) {
        self.inner.counts()
    }

    /// Whether there is nothing to do.
    fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// The plan for people: `+` create, `~` update (before -> after), `-` delete.
    #[pyo3(signature = (colour=false))]
    fn to_text(&self, colour: bool) -> String {
        self.inner.to_text(colour)
    }

    /// The plan as dicts and lists (`Plan.from_dict` reads it back).
    #[pyo3(signature = () -> "dict[str, Any]")]
    fn to_dict(&self) -> Json {
        json(&self.inner)
    }

    fn __len__(&self) -> usize {
        self.inner.changes.len()
    }

    fn __repr__(&self) -> String {
        let (c, u, d) = self.inner.counts();
        format!(
            "Plan(create={c}, update={u}, delete={d}, unmanaged={})",
            self.inner.unmanaged.len()
        )
    }
}

/// A document given as a `Document`, YAML/JSON text, or dicts.
fn document(py: Python<'_>, v: Bound<'_, PyAny>) -> PyResult<CoreDocument> {
    if let Ok(d) = v.cast::<Document>() {
        return Ok(d.get().inner.clone());
    }
    if let Ok(s) = v.cast::<PyString>() {
        return CoreDocument::from_yaml(&s.to_cow()?).map_err(to_py_err);
    }
    from_py(py, "document", v)
}

/// `client.export()`.
pub fn export(py: Python<'_>, mode: Mode, c: CoreClient) -> PyResult<Py<PyAny>> {
    run(py, mode, async move { c.export().await }, |inner| {
        Document { inner }
    })
}

/// `client.plan(document, prune=False)`.
pub fn plan(
    py: Python<'_>,
    mode: Mode,
    c: CoreClient,
    doc: Bound<'_, PyAny>,
    prune: bool,
) -> PyResult<Py<PyAny>> {
    let doc = document(py, doc)?;
    run(
        py,
        mode,
        async move { c.plan(&doc, &PlanOptions { prune }).await },
        |inner| Plan { inner },
    )
}

/// `client.apply(plan, concurrency=8, progress=None)`: one `BulkResult` per change (its
/// `item` the change as a dict).
pub fn apply(
    py: Python<'_>,
    mode: Mode,
    c: CoreClient,
    plan: &Plan,
    concurrency: i64,
    progress: Option<Py<PyAny>>,
) -> PyResult<Py<PyAny>> {
    let p = plan.inner.clone();
    run_job(
        py,
        mode,
        concurrency,
        progress,
        move |o| async move { c.apply(&p, &o).await },
        |items| Outcomes {
            items: items
                .into_iter()
                .map(|b| sendgrid_admin::bulk::BulkItem {
                    item: json(&b.item),
                    result: b.result,
                })
                .collect(),
            conv: unit,
        },
    )
}
