//! Per-call settings without a second client: [`Client::with_options`] returns a client that
//! shares the pool, pacing and on-behalf-of of the one it came from, with its own timeout,
//! retries or extra headers.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use tokio_util::sync::CancellationToken;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::retry::RetryPolicy;

/// What [`Client::with_options`] changes; `None` / empty keeps the client's setting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// The total time one attempt may take (more than zero).
    pub timeout: Option<Duration>,
    /// Retries after the first attempt (0 = none).
    pub max_retries: Option<u32>,
    /// Extra headers sent on every call, e.g. an `x-request-source` for your own tracing.
    /// Names are case-insensitive; `authorization` (the key is the client's) and
    /// `on-behalf-of` (use `on_behalf_of`) are refused.
    pub headers: Vec<(String, String)>,
}

/// The settings a derived client uses instead of its parent's.
#[derive(Clone, Default)]
pub(crate) struct Overrides {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) headers: HeaderMap,
    pub(crate) cancel: Option<CancellationToken>,
    pub(crate) dispatch: Option<tracing::Dispatch>,
}

impl std::fmt::Debug for Overrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Header values can be credentials of the caller's own systems: names only.
        f.debug_struct("Overrides")
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("cancel", &self.cancel.as_ref().map(|c| c.is_cancelled()))
            .field("dispatch", &self.dispatch.is_some())
            .finish()
    }
}

impl Client {
    /// A client with `options` applied on top of this one's settings (and of any earlier
    /// `with_options`), sharing this client's pool, pacing, on-behalf-of and closed state; this
    /// client is left unchanged. Cheap: meant to be called per call or per job.
    ///
    /// `invalid_input` naming the field for a zero timeout or a header that cannot be sent.
    pub fn with_options(&self, options: &RequestOptions) -> Result<Client> {
        let mut o = self.overrides();
        if let Some(t) = options.timeout {
            if t.is_zero() {
                return Err(Error::invalid("timeout", "must be more than zero"));
            }
            o.timeout = Some(t);
        }
        if let Some(n) = options.max_retries {
            let mut policy = self.retry_policy().clone();
            policy.max_attempts = n.saturating_add(1);
            o.retry = Some(policy);
        }
        for (name, value) in &options.headers {
            let field = format!("headers.{name}");
            let n = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::invalid(&field, "is not a valid header name"))?;
            if n == reqwest::header::AUTHORIZATION || n.as_str() == "on-behalf-of" {
                return Err(Error::invalid(
                    &field,
                    "is set by the client (the API key, on_behalf_of) and cannot be overridden",
                ));
            }
            let v = HeaderValue::from_str(value)
                .map_err(|_| Error::invalid(&field, "must be printable ASCII"))?;
            o.headers.insert(n, v);
        }
        Ok(self.with_overrides(o))
    }

    /// A client sharing this one's pool, pacing and on-behalf-of, with `o` as its settings.
    fn with_overrides(&self, o: Overrides) -> Client {
        Client {
            inner: Arc::clone(&self.inner),
            on_behalf_of: self.on_behalf_of.clone(),
            options: Some(Arc::new(o)),
            last: Default::default(),
        }
    }

    /// This client's settings, to derive a client from.
    fn overrides(&self) -> Overrides {
        self.options.as_deref().cloned().unwrap_or_default()
    }

    /// A client whose calls end with [`crate::ErrorKind::Cancelled`] once `token` is cancelled:
    /// a request in flight is dropped, a pacing or retry wait ends, and later calls fail at once
    /// without sending. Shares everything else with this client, which is left unchanged.
    pub fn with_cancellation(&self, token: CancellationToken) -> Client {
        let mut o = self.overrides();
        o.cancel = Some(token);
        self.with_overrides(o)
    }

    /// A client whose `tracing` events (each attempt, retry, pacing wait; never the key) go to
    /// `dispatch` instead of the global subscriber: a binding's per-client logger. Clients
    /// derived from it (`on_behalf_of`, `with_options`) keep it.
    pub fn with_dispatch(&self, dispatch: tracing::Dispatch) -> Client {
        let mut o = self.overrides();
        o.dispatch = Some(dispatch);
        self.with_overrides(o)
    }

    /// The dispatch set by [`Client::with_dispatch`], if any.
    pub(crate) fn dispatch(&self) -> Option<&tracing::Dispatch> {
        self.options.as_ref().and_then(|o| o.dispatch.as_ref())
    }

    /// The token set by [`Client::with_cancellation`], if any.
    pub(crate) fn cancel_token(&self) -> Option<&CancellationToken> {
        self.options.as_ref().and_then(|o| o.cancel.as_ref())
    }

    /// The total time one attempt may take on this client.
    pub fn timeout(&self) -> Duration {
        self.options
            .as_ref()
            .and_then(|o| o.timeout)
            .unwrap_or(self.inner.timeout)
    }

    /// The extra headers this client sends (from [`Client::with_options`]).
    pub(crate) fn extra_headers(&self) -> Option<&HeaderMap> {
        self.options.as_ref().map(|o| &o.headers)
    }

    /// The timeout set by [`Client::with_options`], if any.
    pub(crate) fn timeout_override(&self) -> Option<Duration> {
        self.options.as_ref().and_then(|o| o.timeout)
    }
}
