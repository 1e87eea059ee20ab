//! `client.request(method, path, *, query=None, body=None)`: the core's escape hatch to any
//! SendGrid endpoint; here only the conversions of its arguments and answer.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};
use serde_json::Value;

use crate::errors::to_py_err;
use crate::models::json_to_py;

/// A JSON answer, handed to Python as dicts, lists and scalars.
pub struct Json(pub Value);

impl<'py> IntoPyObject<'py> for Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    #[cfg(feature = "stubs")]
    const OUTPUT_TYPE: pyo3::inspect::PyStaticExpr = pyo3::type_hint_identifier!("typing", "Any");

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0).map(|o| o.into_bound(py))
    }
}

/// A JSON array of objects (a document's subusers, a plan's changes), typed so in the stub.
pub struct JsonDicts(pub Json);

impl<'py> IntoPyObject<'py> for JsonDicts {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    #[cfg(feature = "stubs")]
    const OUTPUT_TYPE: pyo3::inspect::PyStaticExpr = pyo3::type_hint_subscript!(
        pyo3::type_hint_identifier!("builtins", "list"),
        pyo3::type_hint_subscript!(
            pyo3::type_hint_identifier!("builtins", "dict"),
            pyo3::type_hint_identifier!("builtins", "str"),
            pyo3::type_hint_identifier!("typing", "Any")
        )
    );

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.into_pyobject(py)
    }
}

fn invalid(field: String, reason: &str) -> PyErr {
    to_py_err(sendgrid_admin::Error::invalid(field, reason))
}

/// A `{name: str | int | float | bool}` mapping as query pairs, in its order (booleans as
/// `true`/`false`, as SendGrid writes them).
pub fn query(q: Option<Bound<'_, PyDict>>) -> PyResult<Vec<(String, String)>> {
    let Some(q) = q else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for (k, v) in q.iter() {
        let key: String = k
            .extract()
            .map_err(|_| invalid("query".into(), "keys must be strings"))?;
        let value = if v.is_instance_of::<PyBool>() {
            if v.is_truthy()? { "true" } else { "false" }.to_string()
        } else if v.is_instance_of::<PyString>()
            || v.is_instance_of::<PyInt>()
            || v.is_instance_of::<PyFloat>()
        {
            v.str()?.to_string()
        } else {
            return Err(invalid(
                format!("query.{key}"),
                "must be a str, int, float or bool",
            ));
        };
        out.push((key, value));
    }
    Ok(out)
}

/// Any JSON-serialisable Python value as the request body.
pub fn body(py: Python<'_>, b: Option<Bound<'_, PyAny>>) -> PyResult<Option<Value>> {
    let Some(b) = b else { return Ok(None) };
    let text: String = py
        .import("json")?
        .call_method1("dumps", (b,))
        .map_err(|e| invalid("body".into(), &format!("is not JSON-serialisable: {e}")))?
        .extract()?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| invalid("body".into(), &e.to_string()))
}

/// A Python value (dicts, lists, scalars, or models with `to_dict()`) as a core type, or
/// `invalid_input` naming `field`.
pub fn from_py<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    field: &str,
    v: Bound<'_, PyAny>,
) -> PyResult<T> {
    let to_dict = py
        .import("operator")?
        .call_method1("methodcaller", ("to_dict",))?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("default", to_dict)?;
    let text: String = py
        .import("json")?
        .call_method("dumps", (v,), Some(&kwargs))
        .map_err(|e| invalid(field.into(), &format!("is not JSON-serialisable: {e}")))?
        .extract()?;
    sendgrid_admin::plain::from_json_text(field, &text).map_err(crate::errors::to_py_err)
}
