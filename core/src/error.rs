//! The one error type of the library, with a stable [`ErrorKind`] that every binding maps once.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use crate::ratelimit::RateLimit;

/// The stable category of an [`Error`]. Variants are never reordered or renamed; new ones are
/// only appended. Bindings map each kind to one exception class / error code; the enum is
/// deliberately not `#[non_exhaustive]`, so that a new kind fails to compile in every binding
/// until it is mapped there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The caller passed a value the API would refuse; no request was sent.
    InvalidInput,
    /// HTTP 401: the API key is missing, wrong or revoked.
    Unauthorized,
    /// HTTP 403: the key lacks the scope, or the on-behalf-of target is not allowed.
    Forbidden,
    /// HTTP 404: the subuser, teammate, invite, monitor or request does not exist.
    NotFound,
    /// HTTP 400, 422 (and any other 4xx without a kind of its own): SendGrid refused the request.
    BadRequest,
    /// HTTP 429: too many requests; see [`Error::retry_after`].
    RateLimited,
    /// HTTP 5xx (and any other unexpected non-2xx status): SendGrid failed.
    Server,
    /// The connect or total timeout elapsed, or SendGrid answered 408 (request timeout).
    Timeout,
    /// The connection could not be made or broke (DNS, refused, reset, TLS).
    Transport,
    /// The response did not match the model (not JSON, truncated, wrong shape, too large).
    Decode,
    /// HTTP 409: the request conflicts with the current state (e.g. the name is taken); also an
    /// item that changed since its plan was made (apply).
    Conflict,
    /// SendGrid answered a write with success but did not apply all of it (e.g. an SSO
    /// teammate's subuser access silently dropped); the message says what is missing.
    NotApplied,
    /// The caller cancelled the call (a cancelled [`crate::CancellationToken`], a Node
    /// `AbortSignal`) before it finished; a request in flight was dropped.
    Cancelled,
}

impl ErrorKind {
    /// Every kind, in declaration order (for bindings' exhaustiveness tests and docs).
    pub const ALL: [ErrorKind; 13] = [
        ErrorKind::InvalidInput,
        ErrorKind::Unauthorized,
        ErrorKind::Forbidden,
        ErrorKind::NotFound,
        ErrorKind::BadRequest,
        ErrorKind::RateLimited,
        ErrorKind::Server,
        ErrorKind::Timeout,
        ErrorKind::Transport,
        ErrorKind::Decode,
        ErrorKind::Conflict,
        ErrorKind::NotApplied,
        ErrorKind::Cancelled,
    ];

    /// The kind as a stable snake_case string (`"not_found"`, `"rate_limited"`, ...), the code
    /// bindings expose.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotFound => "not_found",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Server => "server",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Transport => "transport",
            ErrorKind::Decode => "decode",
            ErrorKind::Conflict => "conflict",
            ErrorKind::NotApplied => "not_applied",
            ErrorKind::Cancelled => "cancelled",
        }
    }

    /// The kind SendGrid's answer with this HTTP status maps to (for non-2xx statuses).
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            401 => ErrorKind::Unauthorized,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            408 => ErrorKind::Timeout,
            409 => ErrorKind::Conflict,
            429 => ErrorKind::RateLimited,
            400..=499 => ErrorKind::BadRequest,
            _ => ErrorKind::Server,
        }
    }
}

impl std::str::FromStr for ErrorKind {
    type Err = Error;

    /// Reads the stable snake_case string of [`ErrorKind::as_str`].
    fn from_str(s: &str) -> Result<Self> {
        ErrorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| Error::invalid("kind", format!("{s:?} is not an error kind")))
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of SendGrid's `errors[]` array.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ApiErrorDetail {
    /// The field SendGrid blames, if any (SendGrid sometimes sends the string `"null"`).
    #[serde(default, deserialize_with = "crate::de::opt_string")]
    pub field: Option<String>,
    /// The human message, e.g. `"username exists"`.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub message: String,
    /// Help text or a docs link, when SendGrid gives one (any JSON value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<serde_json::Value>,
    /// SendGrid's id of this error (e.g. `"10-40400"`, account provisioning), when given.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub error_id: Option<String>,
}

/// A non-2xx answer from SendGrid.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The HTTP status code.
    pub status: u16,
    /// The HTTP method of the request.
    pub method: String,
    /// The request path (no query string), e.g. `/v3/subusers/acme/monitor`.
    pub path: String,
    /// The parsed `errors[]` of the body (empty when the body had none).
    pub errors: Vec<ApiErrorDetail>,
    /// The request id (`X-Request-Id` header or the body's `id`), when SendGrid sent one.
    pub request_id: Option<String>,
    /// The rate-limit headers of the answer.
    pub rate_limit: RateLimit,
    /// For 429 (or any answer with `Retry-After`): how long to wait before trying again, from
    /// `Retry-After` or `X-RateLimit-Reset`.
    pub retry_after: Option<Duration>,
    /// Every header of the answer (names in lowercase).
    pub headers: Vec<(String, String)>,
    /// The raw body (UTF-8, lossy; at most 64 KiB).
    pub body: String,
}

/// A 2xx (or error) answer whose body did not match the model.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    /// HTTP method.
    pub method: String,
    /// Request path.
    pub path: String,
    /// The HTTP status of the response.
    pub status: u16,
    /// What did not match.
    pub reason: String,
    /// The first bytes of the body (at most 200 characters).
    pub excerpt: String,
    /// The request id, when SendGrid sent one.
    pub request_id: Option<String>,
}

/// Every failure of this library. Match on [`Error::kind`] for a stable category.
///
/// Neither `Display` nor `Debug` ever contains the API key.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A caller-supplied value is invalid; nothing was sent.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The offending field, e.g. `ips[1]` or `monitor.frequency`.
        field: String,
        /// Why it is invalid and what would be valid.
        reason: String,
    },
    /// SendGrid answered with a non-2xx status.
    #[error("{}", api_message(.error, *.attempts))]
    Api {
        /// The details of the answer.
        error: Box<ApiError>,
        /// How many attempts were made (1 when no retry happened).
        attempts: u32,
    },
    /// The connect or total timeout elapsed.
    #[error("{method} {path} timed out after {attempts} attempt(s)")]
    Timeout {
        /// HTTP method.
        method: String,
        /// Request path.
        path: String,
        /// How many attempts were made.
        attempts: u32,
    },
    /// The connection failed or broke.
    #[error("{method} {path} failed after {attempts} attempt(s): {reason}")]
    Transport {
        /// HTTP method.
        method: String,
        /// Request path.
        path: String,
        /// What went wrong (no secrets).
        reason: String,
        /// How many attempts were made.
        attempts: u32,
    },
    /// SendGrid accepted a write but did not apply all of it (checked by reading back).
    #[error("{method} {path} succeeded but was not applied as asked: {reason}")]
    NotApplied {
        /// HTTP method of the write.
        method: String,
        /// Request path of the write.
        path: String,
        /// What is missing, in terms of the caller's input.
        reason: String,
    },
    /// The caller cancelled the call (kind `cancelled`); a request in flight was dropped, so a
    /// write may or may not have been applied.
    #[error("{method} {path} was cancelled")]
    Cancelled {
        /// HTTP method.
        method: String,
        /// Request path.
        path: String,
    },
    /// An item changed since the plan was made (kind `conflict`); nothing was written to it.
    #[error("{what} changed since the plan: {reason}; plan again")]
    Drifted {
        /// The item, e.g. `subuser acme`.
        what: String,
        /// What differs from the plan's base.
        reason: String,
    },
    /// The response could not be decoded into the expected model.
    #[error("{} {}: could not decode the {} response: {}; body starts: {:?}", .error.method, .error.path, .error.status, .error.reason, .error.excerpt)]
    Decode {
        /// What could not be decoded.
        error: Box<DecodeError>,
        /// How many attempts were made.
        attempts: u32,
    },
}

fn api_message(e: &ApiError, attempts: u32) -> String {
    let mut s = format!("{} {} answered {}", e.method, e.path, e.status);
    let msgs: Vec<String> = e
        .errors
        .iter()
        .map(|d| match &d.field {
            Some(f) => format!("{f}: {}", d.message),
            None => d.message.clone(),
        })
        .collect();
    if !msgs.is_empty() {
        s.push_str(": ");
        s.push_str(&msgs.join("; "));
    }
    if let Some(wait) = e.retry_after {
        s.push_str(&format!(" (retry after {} s)", wait.as_secs()));
    }
    if attempts > 1 {
        s.push_str(&format!(" after {attempts} attempts"));
    }
    s
}

impl Error {
    /// Builds an [`ErrorKind::InvalidInput`] error.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The stable category of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::Api { error, .. } => ErrorKind::from_status(error.status),
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::Transport { .. } => ErrorKind::Transport,
            Error::Decode { .. } => ErrorKind::Decode,
            Error::NotApplied { .. } => ErrorKind::NotApplied,
            Error::Drifted { .. } => ErrorKind::Conflict,
            Error::Cancelled { .. } => ErrorKind::Cancelled,
        }
    }

    /// The HTTP status, for API and decode errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { error, .. } => Some(error.status),
            Error::Decode { error, .. } => Some(error.status),
            _ => None,
        }
    }

    /// SendGrid's `errors[]` (empty for errors that did not come from SendGrid).
    pub fn errors(&self) -> &[ApiErrorDetail] {
        match self {
            Error::Api { error, .. } => &error.errors,
            _ => &[],
        }
    }

    /// The request id SendGrid gave the failed request, if any.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api { error, .. } => error.request_id.as_deref(),
            Error::Decode { error, .. } => error.request_id.as_deref(),
            _ => None,
        }
    }

    /// The headers of the failed answer, for API errors (empty otherwise).
    pub fn headers(&self) -> &[(String, String)] {
        match self {
            Error::Api { error, .. } => &error.headers,
            _ => &[],
        }
    }

    /// The raw body of the failed answer, for API errors.
    pub fn body(&self) -> Option<&str> {
        match self {
            Error::Api { error, .. } => Some(&error.body),
            _ => None,
        }
    }

    /// The rate-limit headers of the failed answer, if it was an API error.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        match self {
            Error::Api { error, .. } => Some(error.rate_limit),
            _ => None,
        }
    }

    /// For rate-limited errors (and answers with `Retry-After`): how long to wait before trying
    /// again.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api { error, .. } => error.retry_after,
            _ => None,
        }
    }

    /// How many attempts were made before this error was returned (0 for invalid input).
    pub fn attempts(&self) -> u32 {
        match self {
            Error::InvalidInput { .. } | Error::Drifted { .. } | Error::Cancelled { .. } => 0,
            Error::NotApplied { .. } => 1,
            Error::Api { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::Transport { attempts, .. }
            | Error::Decode { attempts, .. } => *attempts,
        }
    }

    /// For invalid input: the field that was rejected.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidInput { field, .. } => Some(field),
            _ => None,
        }
    }

    pub(crate) fn set_attempts(&mut self, n: u32) {
        match self {
            Error::InvalidInput { .. }
            | Error::NotApplied { .. }
            | Error::Drifted { .. }
            | Error::Cancelled { .. } => {}
            Error::Api { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::Transport { attempts, .. }
            | Error::Decode { attempts, .. } => *attempts = n,
        }
    }
}

/// Everything a binding shows of an error, gathered once: each binding maps this one struct to
/// its exception or error type, in its own case and time unit (see `tests/README.md`, "Names
/// across languages"). Serialised in camelCase with the wait in milliseconds, as Node shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    /// The stable kind (`not_found`, ...): the exception class or `code`.
    #[serde(rename = "code")]
    pub kind: ErrorKind,
    /// What went wrong, for people (never contains the API key).
    pub message: String,
    /// The HTTP status, when SendGrid answered.
    pub status: Option<u16>,
    /// SendGrid's `errors[]`.
    pub errors: Vec<ApiErrorDetail>,
    /// The request id SendGrid gave the failed request.
    pub request_id: Option<String>,
    /// How long to wait before trying again (rate limits, `Retry-After`).
    #[serde(rename = "retryAfterMs", serialize_with = "millis")]
    pub retry_after: Option<Duration>,
    /// How many attempts were made (0 when refused before sending).
    pub attempts: u32,
    /// For invalid input: the field that was refused.
    pub field: Option<String>,
}

fn millis<S: serde::Serializer>(
    d: &Option<Duration>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&(d.as_secs_f64() * 1000.0).round()),
        None => s.serialize_none(),
    }
}

impl From<&Error> for ErrorInfo {
    fn from(e: &Error) -> Self {
        ErrorInfo {
            kind: e.kind(),
            message: e.to_string(),
            status: e.status(),
            errors: e.errors().to_vec(),
            request_id: e.request_id().map(str::to_string),
            retry_after: e.retry_after(),
            attempts: e.attempts(),
            field: e.field().map(str::to_string),
        }
    }
}

impl Error {
    /// This error's [`ErrorInfo`].
    pub fn info(&self) -> ErrorInfo {
        ErrorInfo::from(self)
    }
}

/// The result type of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_info_gathers_every_field_and_serialises_as_node_shows_it() {
        let e = Error::Api {
            error: Box::new(ApiError {
                status: 429,
                method: "GET".into(),
                path: "/v3/scopes".into(),
                errors: vec![ApiErrorDetail {
                    field: None,
                    message: "too many requests".into(),
                    help: None,
                    error_id: None,
                }],
                request_id: Some("r-1".into()),
                rate_limit: RateLimit::default(),
                retry_after: Some(Duration::from_millis(1500)),
                headers: Vec::new(),
                body: String::new(),
            }),
            attempts: 3,
        };
        let i = e.info();
        assert_eq!(i.kind, ErrorKind::RateLimited);
        assert_eq!((i.status, i.attempts), (Some(429), 3));
        let v = serde_json::to_value(&i).unwrap();
        assert_eq!(v["code"], "rate_limited");
        assert_eq!(v["retryAfterMs"], 1500.0);
        assert_eq!(v["requestId"], "r-1");
        assert_eq!(v["errors"][0]["message"], "too many requests");
        let invalid = Error::invalid("ips[1]", "not an IPv4 address").info();
        assert_eq!(invalid.field.as_deref(), Some("ips[1]"));
        assert_eq!(invalid.attempts, 0);
    }
}
