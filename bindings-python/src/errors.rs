//! The exception hierarchy: `SendGridError` and one subclass per core error kind, each with
//! `kind`, `status`, `errors`, `request_id`, `retry_after`, `attempts` and `field`.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use sendgrid_admin::{Error, ErrorKind};

use crate::models::ErrorDetail;
use crate::stubs;

create_exception!(
    sendgrid_admin,
    SendGridError,
    PyException,
    "Base class of every sendgrid_admin error."
);
stubs::exception_chunk!(
    SendGridError,
    r#"{"type":"name","id":"Exception"}"#,
    "Base class of every sendgrid_admin error."
);

// The attributes every `SendGridError` carries (set by `build` below), for the stub.
#[cfg(feature = "stubs")]
stubs::attribute_chunks!(SendGridError {
    kind: "ErrorKind",
    status: "int | None",
    status_code: "int | None",
    errors: "list[ErrorDetail]",
    request_id: "str | None",
    retry_after: "float | None",
    attempts: "int",
    field: "str | None",
    headers: "dict[str, str]",
    body: "str | None",
});

/// The exception classes under `SendGridError`: `Name(Base)` and its docstring.
macro_rules! exceptions {
    ($($name:ident($base:ident) $doc:literal;)*) => {$(
        create_exception!(sendgrid_admin, $name, $base, $doc);
        stubs::exception_chunk!(
            $name,
            concat!(r#"{"type":"id","id":"sendgrid_admin"#, stringify!($base), r#""}"#),
            $doc
        );
    )*};
}

exceptions! {
    InvalidInputError(SendGridError)
        "A value was refused before any request was sent; `field` names it.";
    APIStatusError(SendGridError)
        "SendGrid answered with an error status: `status_code`, `headers` (a dict) and the raw `body` are on every subclass.";
    AuthenticationError(APIStatusError)
        "HTTP 401: the API key is missing, wrong or revoked.";
    PermissionDeniedError(APIStatusError)
        "HTTP 403: the key lacks the scope, or the on-behalf-of target is not allowed.";
    NotFoundError(APIStatusError)
        "HTTP 404: the subuser, teammate, invitation, monitor or request does not exist.";
    BadRequestError(APIStatusError)
        "HTTP 400 (or another 4xx): SendGrid refused the request; see `errors`.";
    ConflictError(BadRequestError)
        "HTTP 409: the request conflicts with the current state (a BadRequestError, as before).";
    UnprocessableEntityError(BadRequestError)
        "HTTP 422: SendGrid understood the request but refused its content (a BadRequestError).";
    RateLimitError(APIStatusError)
        "HTTP 429: too many requests; `retry_after` says how long to wait.";
    ServerError(APIStatusError)
        "HTTP 5xx: SendGrid failed.";
    TransportError(SendGridError)
        "The connection could not be made or broke.";
    DecodeError(SendGridError)
        "The answer did not match the model.";
    NotAppliedError(SendGridError)
        "SendGrid answered success but did not apply all of the write (e.g. an SSO teammate's subuser access silently dropped); the message says what is missing.";
}

static REQUEST_TIMEOUT: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `RequestTimeoutError(TransportError, TimeoutError)`: a timeout is a connection error, and
/// `except TimeoutError` catches it too. pyo3's exception macro takes one base, so the class is
/// written in Python (`sendgrid_admin/_errors.py`) and looked up here once.
fn request_timeout(py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
    REQUEST_TIMEOUT
        .get_or_try_init(py, || {
            let cls = py
                .import("sendgrid_admin._errors")?
                .getattr("RequestTimeoutError")?;
            Ok(cls.cast_into::<PyType>()?.unbind())
        })
        .map(|c| c.bind(py).clone())
}

fn class(py: Python<'_>, kind: ErrorKind, status: Option<u16>) -> PyResult<Bound<'_, PyType>> {
    Ok(match kind {
        ErrorKind::BadRequest if status == Some(422) => py.get_type::<UnprocessableEntityError>(),
        ErrorKind::Timeout => return request_timeout(py),
        ErrorKind::InvalidInput => py.get_type::<InvalidInputError>(),
        ErrorKind::Unauthorized => py.get_type::<AuthenticationError>(),
        ErrorKind::Forbidden => py.get_type::<PermissionDeniedError>(),
        ErrorKind::NotFound => py.get_type::<NotFoundError>(),
        ErrorKind::BadRequest => py.get_type::<BadRequestError>(),
        ErrorKind::RateLimited => py.get_type::<RateLimitError>(),
        ErrorKind::Server => py.get_type::<ServerError>(),
        ErrorKind::Transport => py.get_type::<TransportError>(),
        ErrorKind::Decode => py.get_type::<DecodeError>(),
        ErrorKind::Conflict => py.get_type::<ConflictError>(),
        ErrorKind::NotApplied => py.get_type::<NotAppliedError>(),
        // Python cancels by cancelling the task (asyncio.CancelledError); the core's own
        // cancellation is not exposed here, so this kind never reaches Python.
        ErrorKind::Cancelled => py.get_type::<SendGridError>(),
    })
}

/// The core's `ErrorInfo` as an exception: the wait in seconds (`retry_after`), as Python
/// measures time.
fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let i = e.info();
    let inst = class(py, i.kind, i.status)?.call1((i.message,))?;
    inst.setattr("kind", i.kind.as_str())?;
    inst.setattr("status", i.status)?;
    // The name openai/anthropic/httpx users reach for.
    inst.setattr("status_code", i.status)?;
    let errors: Vec<ErrorDetail> = i.errors.into_iter().map(ErrorDetail).collect();
    inst.setattr("errors", errors)?;
    inst.setattr("request_id", i.request_id)?;
    inst.setattr("retry_after", i.retry_after.map(|d| d.as_secs_f64()))?;
    inst.setattr("attempts", i.attempts)?;
    inst.setattr("field", i.field)?;
    let headers = PyDict::new(py);
    for (k, v) in e.headers() {
        headers.set_item(k, v)?;
    }
    inst.setattr("headers", headers)?;
    inst.setattr("body", e.body())?;
    Ok(PyErr::from_value(inst))
}

/// The Python exception for a core error (takes the GIL).
pub fn to_py_err(e: Error) -> PyErr {
    Python::attach(|py| build(py, &e).unwrap_or_else(|err| err))
}
