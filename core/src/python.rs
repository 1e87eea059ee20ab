//! The models as Python classes (the `python` feature, used by the Python binding): each model
//! is a frozen `#[pyclass]` whose attributes are its fields, documented by their doc comments;
//! enums read as the strings SendGrid uses; every model has `repr` (Python syntax), `==` and
//! `to_dict()` (the JSON form). Defined here, once, so the binding restates no field.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::Serialize;
use serde_json::Value;

use crate::extra::HasExtra;

/// A JSON value as the equivalent Python object.
pub fn json_to_py(py: Python<'_>, v: &Value) -> PyResult<Py<PyAny>> {
    Ok(match v {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any().unbind(),
            (_, Some(u), _) => u.into_pyobject(py)?.into_any().unbind(),
            (_, _, f) => f.unwrap_or(f64::NAN).into_pyobject(py)?.into_any().unbind(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(json_to_py(py, x)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any().unbind()
        }
    })
}

fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, x)| format!("'{k}': {}", py_repr(x)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        n => n.to_string(),
    }
}

/// The model's JSON form with its unknown fields taken out (they are shown and passed as one
/// `extra` dict, the name Python reads them by).
fn known_fields<T: Serialize + HasExtra>(v: &T) -> serde_json::Map<String, Value> {
    let mut o = match serde_json::to_value(v) {
        Ok(Value::Object(o)) => o,
        _ => serde_json::Map::new(),
    };
    if let Some(extra) = v.extra().filter(|e| !e.is_empty()) {
        for k in extra.0.keys() {
            o.remove(k);
        }
        o.insert(
            "extra".into(),
            Value::Object(extra.0.clone().into_iter().collect()),
        );
    }
    o
}

/// `Name(field=value, ...)` from the model's JSON form (unknown fields as `extra={...}`).
pub fn repr<T: Serialize + HasExtra>(name: &str, v: &T) -> String {
    format!(
        "{name}({})",
        known_fields(v)
            .iter()
            .map(|(k, x)| format!("{k}={}", py_repr(x)))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Enums read as their SendGrid string in Python (`subuser.region == "eu"`).
macro_rules! str_enums {
    ($($t:ty),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;
            #[cfg(feature = "stubs")]
            const OUTPUT_TYPE: pyo3::inspect::PyStaticExpr = String::OUTPUT_TYPE;
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::new(py, &crate::wire::wire_name(self)))
            }
        }
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;
            #[cfg(feature = "stubs")]
            const OUTPUT_TYPE: pyo3::inspect::PyStaticExpr = String::OUTPUT_TYPE;
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (&self).into_pyobject(py)
            }
        }
    )*};
}

str_enums!(
    crate::Region,
    crate::credits::CreditType,
    crate::credits::ResetFrequency,
    crate::teammates::UserType,
    crate::teammates::PermissionType,
    crate::accounts::OfferingType,
);

fn to_json_text(v: &Bound<'_, PyAny>) -> PyResult<String> {
    v.py()
        .import("json")?
        .call_method1("dumps", (v,))?
        .extract()
}

/// A model from SendGrid's JSON form, unknown fields kept.
pub fn from_json_text<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> PyResult<T> {
    serde_json::from_str(text)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("{name}: {e}")))
}

fn type_error(name: &str, msg: impl std::fmt::Display) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(format!("{name}(...): {msg}"))
}

/// A model from keyword arguments: their JSON form read by the model's own deserializer, so
/// the same tolerance and names apply as to SendGrid's answers. A keyword the model does not
/// know is a TypeError; fields SendGrid may add are passed as one `extra` dict (what
/// `model.extra` returns), so pickling and `Model(**m.to_dict())`-style copies keep them.
pub fn from_fields<T: serde::de::DeserializeOwned + HasExtra>(
    name: &str,
    fields: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let (known, extra) = match fields {
        Some(f) => {
            let f = f.copy()?;
            let extra = f.get_item("extra")?;
            if extra.is_some() {
                f.del_item("extra")?;
            }
            (to_json_text(f.as_any())?, extra)
        }
        None => ("{}".to_string(), None),
    };
    let mut obj: serde_json::Map<String, Value> =
        serde_json::from_str(&known).map_err(|e| type_error(name, e))?;
    let given: serde_json::Map<String, Value> = match extra.filter(|e| !e.is_none()) {
        Some(e) => serde_json::from_str(&to_json_text(&e)?)
            .map_err(|_| type_error(name, "extra must be a dict of JSON values"))?,
        None => serde_json::Map::new(),
    };
    for (k, v) in &given {
        if obj.insert(k.clone(), v.clone()).is_some() {
            return Err(type_error(
                name,
                format!("{k} is given both as a field and in extra"),
            ));
        }
    }
    let model: T = serde_json::from_value(Value::Object(obj)).map_err(|e| type_error(name, e))?;
    let kept = match model.extra() {
        Some(kept) => kept,
        None if given.is_empty() => return Ok(model),
        None => return Err(type_error(name, "this model keeps no extra fields")),
    };
    // What the model kept but was not given in `extra` came as a keyword: a typo, not data.
    let unexpected: Vec<&str> = kept
        .0
        .keys()
        .filter(|k| !given.contains_key(*k))
        .map(String::as_str)
        .collect();
    if !unexpected.is_empty() {
        return Err(type_error(
            name,
            format!(
                "unexpected keyword argument(s) {} (fields SendGrid may add go in extra={{...}})",
                unexpected.join(", ")
            ),
        ));
    }
    // What was given in `extra` but not kept there is one of the model's own fields.
    let known: Vec<&str> = given
        .keys()
        .filter(|k| kept.get(k).is_none())
        .map(String::as_str)
        .collect();
    if !known.is_empty() {
        return Err(type_error(
            name,
            format!(
                "extra holds known field(s) {}: pass them as keywords",
                known.join(", ")
            ),
        ));
    }
    Ok(model)
}

/// A hash of the model's JSON form (equal models, equal hashes).
pub fn hash_of<T: Serialize>(v: &T) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(v).unwrap_or_default().hash(&mut h);
    h.finish()
}

/// `repr`, `==`, `hash`, pickling, keyword construction, `to_dict()` and `to_json()` for each
/// model.
macro_rules! models {
    ($($t:ident => $path:path $({ $($extra:tt)* })?),* $(,)?) => {$(
        #[pymethods]
        impl $path {
            $($($extra)*)?

            fn __repr__(&self) -> String {
                repr(stringify!($t), self)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<Self>().map(|o| *o.get() == *self).unwrap_or(false)
            }

            /// Builds the model from its fields (SendGrid's names), e.g. in your own tests:
            /// `Monitor(email="a@example.com", frequency=5)`.
            #[new]
            #[pyo3(signature = (**fields: "Any"))]
            fn __new__(fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
                from_fields(stringify!($t), fields)
            }

            /// The model from SendGrid's JSON form (what `to_json()` writes; fields this
            /// version does not know go in `extra`). ValueError naming the model otherwise.
            #[classmethod]
            fn from_json(_cls: &Bound<'_, pyo3::types::PyType>, text: &str) -> PyResult<Self> {
                from_json_text(stringify!($t), text)
            }

            /// The model from SendGrid's JSON form as a dict (what `to_dict()` returns).
            #[classmethod]
            #[pyo3(signature = (data: "Mapping[str, Any]"))]
            fn from_dict(
                _cls: &Bound<'_, pyo3::types::PyType>,
                data: &Bound<'_, PyAny>,
            ) -> PyResult<Self> {
                from_json_text(stringify!($t), &to_json_text(data)?)
            }

            /// Equal models hash alike (models are frozen: usable in sets and as dict keys).
            fn __hash__(&self) -> u64 {
                hash_of(self)
            }

            /// Pickling (multiprocessing, Celery, caches) rebuilds the model from its fields
            /// (unknown ones as `extra`).
            #[pyo3(signature = () -> "tuple[tuple[()], dict[str, Any]]")]
            fn __getnewargs_ex__(&self, py: Python<'_>) -> PyResult<((), Py<PyAny>)> {
                Ok(((), json_to_py(py, &Value::Object(known_fields(self)))?))
            }

            /// The model as JSON text (SendGrid's field names).
            #[allow(clippy::wrong_self_convention)] // Python's name; pyo3 passes &self
            fn to_json(&self) -> PyResult<String> {
                serde_json::to_string(self)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
            }

            /// The model as a plain dict (SendGrid's field names).
            #[allow(clippy::wrong_self_convention)] // Python's name; pyo3 passes &self
            #[pyo3(signature = () -> "dict[str, Any]")]
            fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                let v = serde_json::to_value(self)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                json_to_py(py, &v)
            }
        }
    )*};
}

models!(
    Subuser => crate::subusers::Subuser,
    CreatedSubuser => crate::subusers::CreatedSubuser,
    SubuserIps => crate::ips::SubuserIps,
    Reputation => crate::reputations::Reputation,
    SubuserCredits => crate::credits::SubuserCredits,
    Monitor => crate::monitor::Monitor,
    Metrics => crate::stats::Metrics,
    StatEntry => crate::stats::StatEntry,
    DatedStats => crate::stats::DatedStats,
    Teammate => crate::teammates::Teammate,
    Invitation => crate::teammates::Invitation,
    SubuserAccess => crate::teammates::SubuserAccess,
    // Its `_metadata` stays out of Python: the cursor is `next_after_subuser_id`.
    SubuserAccessPage => crate::teammates::SubuserAccessPage {
        /// True when the teammate is limited to the listed subusers.
        #[getter]
        fn has_restricted_subuser_access(&self) -> bool {
            self.has_restricted_subuser_access
        }

        /// The subusers on this page.
        #[getter]
        fn subuser_access(&self) -> Vec<crate::teammates::SubuserAccess> {
            self.subuser_access.clone()
        }

        /// The next page's `after_subuser_id`, or None on the last page.
        #[getter]
        fn next_after_subuser_id(&self) -> Option<u64> {
            self.next_after_subuser_id
        }
    },
    AccessRequest => crate::scopes::AccessRequest,
    ApprovedAccessRequest => crate::scopes::ApprovedAccessRequest,
    BulkProgress => crate::bulk::BulkProgress,
    Account => crate::accounts::Account,
    AccountPage => crate::accounts::AccountPage,
    Offering => crate::accounts::Offering,
    CreatedAccount => crate::accounts::CreatedAccount,
    CatalogEntry => crate::accounts::CatalogEntry,
    Entitlements => crate::accounts::Entitlements,
    AccountIp => crate::accounts::AccountIp,
    AccountIpPage => crate::accounts::AccountIpPage,
    AddedIps => crate::accounts::AddedIps,
    UserAccount => crate::user::UserAccount,
    UserName => crate::user::UserName,
    ApiKey => crate::api_keys::ApiKey,
    CreatedApiKey => crate::api_keys::CreatedApiKey,
    IpAddress => crate::ips::IpAddress,
    IpSubusersPage => crate::ips::IpSubusersPage,
    SsoTeammate => crate::teammates_sso::SsoTeammate,
    ResponseInfo => crate::response_info::ResponseInfo {
        /// The request's method.
        #[getter]
        fn method(&self) -> &str {
            &self.method
        }

        /// The request's path.
        #[getter]
        fn path(&self) -> &str {
            &self.path
        }

        /// The answer's HTTP status.
        #[getter]
        fn status_code(&self) -> u16 {
            self.status
        }

        /// SendGrid's `x-request-id`, when sent.
        #[getter]
        fn request_id(&self) -> Option<&str> {
            self.request_id.as_deref()
        }

        /// Attempts the call took (1 = no retry).
        #[getter]
        fn attempts(&self) -> u32 {
            self.attempts
        }

        /// The answer's headers (names in lower case; a repeated header keeps its last value).
        #[getter]
        fn headers(&self) -> std::collections::BTreeMap<String, String> {
            self.headers.iter().cloned().collect()
        }

        /// The answer's rate-limit headers: `limit`, `remaining`, `reset` (as sent; None when
        /// absent), plus `date` and `retry_after` when the answer had them.
        #[getter]
        fn rate_limit(&self) -> PyResult<std::collections::BTreeMap<String, Option<u64>>> {
            serde_json::to_value(self.rate_limit)
                .and_then(serde_json::from_value)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
        }
    },
    RateLimitView => crate::response_info::RateLimitView {
        /// `X-RateLimit-Limit` of the current window.
        #[getter]
        fn limit(&self) -> Option<u64> {
            self.limit
        }

        /// The smallest `X-RateLimit-Remaining` seen in the current window.
        #[getter]
        fn remaining(&self) -> Option<u64> {
            self.remaining
        }

        /// Seconds until the current window resets.
        #[getter]
        fn reset_in(&self) -> Option<f64> {
            self.reset_in.map(|d| d.as_secs_f64())
        }

        /// Requests sent and not answered yet.
        #[getter]
        fn in_flight(&self) -> u64 {
            self.in_flight
        }
    },
);

/// Unknown fields read as a dict in Python (`model.extra["new_field"]`).
impl<'py> IntoPyObject<'py> for &crate::extra::Extra {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    #[cfg(feature = "stubs")]
    const OUTPUT_TYPE: pyo3::inspect::PyStaticExpr = pyo3::type_hint_subscript!(
        pyo3::type_hint_identifier!("builtins", "dict"),
        pyo3::type_hint_identifier!("builtins", "str"),
        pyo3::type_hint_identifier!("typing", "Any")
    );
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let d = PyDict::new(py);
        for (k, v) in &self.0 {
            d.set_item(k, json_to_py(py, v)?)?;
        }
        Ok(d.into_any())
    }
}
