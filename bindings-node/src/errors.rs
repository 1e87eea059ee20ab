//! Core errors → JS: the rejection carries the core's `ErrorInfo` as JSON, which
//! `sendgrid-admin.js` turns into a `SendGridError` with `code`, `status`, `errors`,
//! `requestId`, `retryAfterMs`, `attempts` and `field` (napi-rs cannot attach properties to
//! errors of async functions).

/// Marks the JSON reason of errors produced here.
pub const MARKER: &str = "sendgrid-admin-error";

/// The napi error for a core error.
pub fn to_napi(e: sendgrid_admin::Error) -> napi::Error {
    let mut details = serde_json::to_value(e.info()).unwrap_or_default();
    details[MARKER] = 1.into();
    napi::Error::new(napi::Status::GenericFailure, details.to_string())
}

/// `.into_napi()` on core results keeps every adapter method one expression.
pub trait IntoNapi<T> {
    /// Converts the error side.
    fn into_napi(self) -> napi::Result<T>;
}

impl<T> IntoNapi<T> for Result<T, sendgrid_admin::Error> {
    fn into_napi(self) -> napi::Result<T> {
        self.map_err(to_napi)
    }
}

/// A string option read as one of the core's enums (`"eu"` → `Region::Eu`).
pub fn choice<T: serde::de::DeserializeOwned>(
    field: &str,
    v: Option<String>,
) -> napi::Result<Option<T>> {
    v.map(|s| {
        serde_json::from_value(serde_json::Value::String(s.clone())).map_err(|_| {
            to_napi(sendgrid_admin::Error::invalid(
                field,
                format!("{s:?} is not an accepted value"),
            ))
        })
    })
    .transpose()
}

/// A JS number that must fit the core's unsigned type (negative or fractional → invalid input
/// naming the field).
pub fn unsigned<T: TryFrom<i64>>(field: &str, v: Option<f64>) -> napi::Result<Option<T>> {
    v.map(|n| sendgrid_admin::config::whole(field, n))
        .transpose()
        .map_err(to_napi)
}
