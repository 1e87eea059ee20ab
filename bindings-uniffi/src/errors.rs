//! One error enum mapped from the core's kinds. Kotlin sees a sealed `SendGridException`
//! hierarchy, Swift an `Error` enum. (The text is `reason`: a field named `message` clashes
//! with Kotlin's `Throwable.message`.)

/// One entry of SendGrid's `errors[]`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ErrorDetail {
    /// The field SendGrid blames, if any.
    pub field: Option<String>,
    /// The human message, e.g. "username exists".
    pub message: String,
    /// Help text or a docs link, as JSON text.
    pub help: Option<String>,
    /// SendGrid's id of this error (e.g. "10-40400"), when given.
    pub error_id: Option<String>,
}

macro_rules! sendgrid_error {
    ($($(#[$doc:meta])* $variant:ident => $kind:ident,)*) => {
        /// Every failure of the library, one variant per core error kind.
        #[derive(Debug, thiserror::Error, uniffi::Error)]
        pub enum SendGridError {
            $(
                $(#[$doc])*
                #[error("{reason}")]
                $variant {
                    /// What went wrong (never contains the API key).
                    reason: String,
                    /// The HTTP status, when SendGrid answered.
                    status: Option<u16>,
                    /// SendGrid's `errors[]`.
                    errors: Vec<ErrorDetail>,
                    /// The request id SendGrid gave the failed request.
                    request_id: Option<String>,
                    /// For rate limits (or a `Retry-After`): milliseconds to wait before trying again.
                    retry_after_ms: Option<u64>,
                    /// How many attempts were made (0 for invalid input).
                    attempts: u32,
                    /// For invalid input: the field that was refused.
                    field: Option<String>,
                },
            )*
        }

        impl From<sendgrid_admin::Error> for SendGridError {
            fn from(e: sendgrid_admin::Error) -> Self {
                let i = e.info();
                let (reason, status, request_id, attempts, field) = (i.message, i.status, i.request_id, i.attempts, i.field);
                let errors = i
                    .errors
                    .into_iter()
                    .map(|d| ErrorDetail { field: d.field, message: d.message, help: d.help.map(|h| h.to_string()), error_id: d.error_id })
                    .collect();
                let retry_after_ms = i.retry_after.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
                match i.kind {
                    $(sendgrid_admin::ErrorKind::$kind => SendGridError::$variant { reason, status, errors, request_id, retry_after_ms, attempts, field },)*
                }
            }
        }
    };
}

sendgrid_error! {
    /// A value was refused before any request was sent; `field` names it.
    InvalidInput => InvalidInput,
    /// HTTP 401: the API key is missing, wrong or revoked.
    Unauthorized => Unauthorized,
    /// HTTP 403: the key lacks the scope, or the on-behalf-of target is not allowed.
    Forbidden => Forbidden,
    /// HTTP 404: the resource does not exist.
    NotFound => NotFound,
    /// HTTP 400 (or another 4xx): SendGrid refused the request.
    BadRequest => BadRequest,
    /// HTTP 429: too many requests; see `retry_after_ms`.
    RateLimited => RateLimited,
    /// HTTP 5xx: SendGrid failed.
    Server => Server,
    /// The connect or total timeout elapsed, or SendGrid answered 408.
    Timeout => Timeout,
    /// The connection could not be made or broke.
    Transport => Transport,
    /// The answer did not match the model.
    Decode => Decode,
    /// HTTP 409: the request conflicts with the current state.
    Conflict => Conflict,
    /// SendGrid answered success but did not apply all of the write (e.g. an SSO teammate's
    /// subuser access silently dropped).
    NotApplied => NotApplied,
    /// The call was cancelled before it finished (a request in flight was dropped).
    Cancelled => Cancelled,
}

/// The result type of every exported function.
pub type Result<T> = std::result::Result<T, SendGridError>;
