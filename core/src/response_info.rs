//! What a client's calls left behind: the last answer's status, headers, request id and
//! rate-limit headers ([`Client::last_response`]) and the client's current view of its rate
//! limit ([`Client::rate_limit`]) — to see why a call was slow or how close a job is to the limit.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::HeaderMap;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::ratelimit::RateLimit;

/// The last HTTP answer a client (or a resource taken from it) received.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "sendgrid_admin"))]
pub struct ResponseInfo {
    /// The request's method.
    pub method: String,
    /// The request's path.
    pub path: String,
    /// The answer's HTTP status.
    pub status: u16,
    /// SendGrid's `x-request-id`, when sent.
    pub request_id: Option<String>,
    /// Attempts the call took (1 = no retry).
    pub attempts: u32,
    /// The answer's rate-limit headers.
    pub rate_limit: RateLimit,
    /// Every header of the answer, names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
}

/// What a client knows of its rate limit now, from the answers it (and its clones and scoped
/// clients, which share the pacing) has had.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "sendgrid_admin"))]
pub struct RateLimitView {
    /// `X-RateLimit-Limit` of the current window.
    pub limit: Option<u64>,
    /// The smallest `X-RateLimit-Remaining` seen in the current window.
    pub remaining: Option<u64>,
    /// Time until the current window resets.
    pub reset_in: Option<Duration>,
    /// Requests sent and not answered yet.
    pub in_flight: u64,
}

/// The recorded head of an answer (headers kept as received; converted when asked for).
#[derive(Debug)]
pub(crate) struct Recorded {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) status: u16,
    pub(crate) request_id: Option<String>,
    pub(crate) attempts: u32,
    pub(crate) rate_limit: RateLimit,
    pub(crate) head: HeaderMap,
}

/// One client's last answer, shared by its clones.
pub(crate) type LastResponse = Arc<Mutex<Option<Recorded>>>;

impl Client {
    /// The last HTTP answer received through this client or its resources (its clones share
    /// it; `on_behalf_of` / `with_options` clients have their own). With calls running at once,
    /// the one that finished last. `None` before any answer.
    pub fn last_response(&self) -> Option<ResponseInfo> {
        let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        last.as_ref().map(|r| ResponseInfo {
            method: r.method.clone(),
            path: r.path.clone(),
            status: r.status,
            request_id: r.request_id.clone(),
            attempts: r.attempts,
            rate_limit: r.rate_limit,
            headers: r
                .head
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str().to_string(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect(),
        })
    }

    /// This client's current view of its rate limit (shared with every client of its pool);
    /// `None` when pacing is off or with a shared (Redis) store, whose state lives there.
    pub fn rate_limit(&self) -> Option<RateLimitView> {
        self.pacer().map(|p| p.view())
    }

    pub(crate) fn record(&self, r: Recorded) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
    }
}
