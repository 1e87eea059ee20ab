//! The one place where requests are sent, paced, retried and their answers read.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, Url};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::client::{Client, MAX_BODY_BYTES};

/// How much of an error answer's body is kept on the error (`ApiError::body`).
const MAX_ERROR_BODY: usize = 64 * 1024;
use crate::error::{ApiError, ApiErrorDetail, DecodeError, Error, Result};
use crate::fleet::SharedPermit;
use crate::pacing::Permit;
use crate::ratelimit::RateLimit;
use crate::retry::{decide, Outcome, Progress};

/// A request under construction: path segments (each encoded as one segment), query, body, and
/// whether repeating it is harmless.
pub(crate) struct Req {
    method: Method,
    segments: Vec<String>,
    query: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    idempotent: bool,
    headers: Vec<(&'static str, String)>,
    redirect_ok: bool,
}

impl Req {
    /// Adds a request header (a fixed name; the value is checked when sent).
    pub(crate) fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// Makes a `303 See Other` the success of this request: it is not followed (the client
    /// never follows redirects) and its `Location` is kept, see [`Client::fetch_location`].
    pub(crate) fn redirect_ok(mut self) -> Self {
        self.redirect_ok = true;
        self
    }

    /// Adds a query parameter (repeat the call to repeat the parameter).
    pub(crate) fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.query.push((key.to_string(), value.to_string()));
        self
    }

    /// Adds a query parameter when `value` is set.
    pub(crate) fn query_opt(self, key: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.query(key, v),
            None => self,
        }
    }

    /// Sets a JSON body.
    pub(crate) fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::invalid("body", format!("cannot be encoded as JSON: {e}")))?;
        self.body = Some(bytes);
        Ok(self)
    }

    /// Marks a request whose repetition changes the outcome (a PATCH that adds credits, an
    /// approval): it is retried only when it was certainly not processed.
    pub(crate) fn not_idempotent(mut self) -> Self {
        self.idempotent = false;
        self
    }
}

/// The method and path of a request, for error messages.
#[derive(Clone)]
struct Ctx {
    method: String,
    path: String,
}

/// A received answer, its body read (at most [`MAX_BODY_BYTES`]).
pub(crate) struct Response {
    status: u16,
    body: Vec<u8>,
    request_id: Option<String>,
    rate_limit: RateLimit,
    ctx: Ctx,
    attempts: u32,
    /// The `Location` header, kept for redirects.
    location: Option<String>,
    /// Every header of a non-2xx answer (empty for successes: nothing reads them).
    headers: Vec<(String, String)>,
    /// The answer's headers as received (moved, not copied), for [`Client::last_response`].
    head: reqwest::header::HeaderMap,
}

struct Failure {
    error: Error,
    outcome: Outcome,
}

impl Client {
    pub(crate) fn req(&self, method: Method, segments: &[&str]) -> Req {
        Req {
            idempotent: method != Method::POST,
            method,
            segments: segments.iter().map(|s| s.to_string()).collect(),
            query: Vec::new(),
            body: None,
            headers: Vec::new(),
            redirect_ok: false,
        }
    }

    /// Sends `req` (marked [`Req::redirect_ok`]) and returns the `Location` of its 303 answer,
    /// or an empty string when the answer has none (SendGrid's spec declares no `Location`
    /// header, so an answer without one conforms and must not fail the call).
    pub(crate) async fn fetch_location(&self, req: Req) -> Result<String> {
        let resp = self.send(req.redirect_ok().not_idempotent()).await?;
        Ok(resp.location.clone().unwrap_or_default())
    }

    /// Sends `req` and decodes a JSON body into `T`.
    pub(crate) async fn fetch<T: DeserializeOwned>(&self, req: Req) -> Result<T> {
        let resp = self.send(req).await?;
        serde_json::from_slice(&resp.body).map_err(|e| resp.decode_error(e.to_string()))
    }

    /// Sends `req` and returns its JSON body as it is (`null` for an empty body, e.g. 204).
    pub(crate) async fn fetch_value(&self, req: Req) -> Result<serde_json::Value> {
        let resp = self.send(req).await?;
        if resp.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(serde_json::Value::Null);
        }
        serde_json::from_slice(&resp.body).map_err(|e| resp.decode_error(e.to_string()))
    }

    /// Sends `req` and ignores any body (204 answers).
    pub(crate) async fn run(&self, req: Req) -> Result<()> {
        self.send(req).await.map(|_| ())
    }

    fn url(&self, req: &Req) -> Result<Url> {
        request_url(self.base(), &req.segments, &req.query)
    }

    fn headers(&self, req: &Req) -> Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, self.auth().clone());
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        if req.body.is_some() {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        if let Some(obo) = self.current_on_behalf_of() {
            let v = obo.header_value()?;
            let hv = HeaderValue::from_str(&v).map_err(|_| {
                Error::invalid(
                    "on_behalf_of",
                    "must be printable ASCII or UTF-8 without control characters",
                )
            })?;
            headers.insert("on-behalf-of", hv);
        }
        for (name, value) in &req.headers {
            let hv = HeaderValue::from_str(value)
                .map_err(|_| Error::invalid(*name, "must be printable ASCII"))?;
            headers.insert(*name, hv);
        }
        if let Some(extra) = self.extra_headers() {
            for (name, value) in extra {
                headers.insert(name.clone(), value.clone());
            }
        }
        Ok(headers)
    }

    async fn send(&self, req: Req) -> Result<Response> {
        if self.is_closed() {
            return Err(Error::invalid(
                "client",
                "is closed; build a new client to send more requests",
            ));
        }
        let Some(token) = self.cancel_token().cloned() else {
            return self.send_routed(req).await;
        };
        let err = Error::Cancelled {
            method: req.method.as_str().to_string(),
            path: format!("/{}", req.segments.join("/")),
        };
        if token.is_cancelled() {
            return Err(err);
        }
        tokio::select! {
            biased;
            () = token.cancelled() => Err(err),
            r = self.send_routed(req) => r,
        }
    }

    async fn send_routed(&self, req: Req) -> Result<Response> {
        if let Some(d) = self.dispatch() {
            use tracing::instrument::WithSubscriber;
            let d = d.clone();
            return self.send_in_process(req).with_subscriber(d).await;
        }
        self.send_in_process(req).await
    }

    async fn send_in_process(&self, req: Req) -> Result<Response> {
        match self.in_this_process()? {
            Some(here) => here.send_here(req).await,
            None => self.send_here(req).await,
        }
    }

    async fn send_here(&self, req: Req) -> Result<Response> {
        let url = self.url(&req)?;
        let headers = self.headers(&req)?;
        let ctx = Ctx {
            method: req.method.as_str().to_string(),
            path: url.path().to_string(),
        };
        let policy = self.retry_policy();
        let mut backoff = policy.backoff();
        let mut at = Progress {
            attempt: 0,
            waited: Duration::ZERO,
        };
        // Whether an earlier attempt may have been processed without our seeing the answer.
        let mut maybe_done = false;
        // Pacing waits count as rate-limit waits: none when retries are off.
        let max_wait = if policy.max_attempts > 1 {
            policy.max_rate_limit_wait
        } else {
            Duration::ZERO
        };
        loop {
            at.attempt += 1;
            let queued = std::time::Instant::now();
            let permit = self.acquire_place(max_wait).await;
            let paced = queued.elapsed();
            if paced >= Duration::from_millis(1) {
                tracing::debug!(method = %ctx.method, path = %ctx.path, waited_ms = paced.as_millis() as u64, "paced: waited for the rate limit's budget");
            }
            let mut rb = self
                .http()
                .request(req.method.clone(), url.clone())
                .headers(headers.clone());
            if let Some(b) = &req.body {
                rb = rb.body(b.clone());
            }
            if let Some(t) = self.timeout_override() {
                rb = rb.timeout(t);
            }
            let result = attempt_once(rb, &ctx).await;
            let paced_here = matches!(permit, Place::Local(_));
            permit
                .finish(
                    result.as_ref().ok().map(|r| &r.rate_limit),
                    SystemTime::now(),
                )
                .await;
            let outcome = match &result {
                Ok(r) if (200..300).contains(&r.status) => Outcome::Success,
                Ok(r) if req.redirect_ok && r.status == 303 => Outcome::Success,
                Ok(r) => Outcome::Status {
                    status: r.status,
                    retry_after: r.rate_limit.retry_after_at(SystemTime::now()),
                },
                Err(f) => f.outcome,
            };
            // A DELETE that meets 404 after an attempt that may have deleted it has succeeded.
            if maybe_done && req.method == Method::DELETE {
                if let Ok(r) = &result {
                    if r.status == 404 {
                        return Ok(Response {
                            status: 204,
                            body: Vec::new(),
                            attempts: at.attempt,
                            ..r.clone_head()
                        });
                    }
                }
            }
            match &result {
                Ok(r) => {
                    tracing::debug!(method = %ctx.method, path = %ctx.path, attempt = at.attempt, status = r.status, request_id = r.request_id.as_deref().unwrap_or(""), "answered")
                }
                Err(f) => {
                    tracing::debug!(method = %ctx.method, path = %ctx.path, attempt = at.attempt, error = %f.error, "no answer")
                }
            }
            maybe_done |= outcome.ambiguous();
            match decide(policy, outcome, req.idempotent, at, &mut backoff) {
                Some(w) => {
                    // This client's pacer saw the 429 and holds every request back until the
                    // reset (spreading them by a few ms itself): the retry waits for the reset
                    // only, rather than a jitter on top that would put it behind the window's
                    // other requests every time.
                    let w = match outcome {
                        Outcome::Status {
                            status: 429,
                            retry_after: Some(reset),
                        } if paced_here && !reset.is_zero() => reset.min(w),
                        _ => w,
                    };
                    tracing::info!(method = %ctx.method, path = %ctx.path, attempt = at.attempt, wait_ms = w.as_millis() as u64, "retrying after {outcome}");
                    tokio::time::sleep(w).await;
                    at.waited += w;
                }
                None => {
                    return match result {
                        Ok(mut r) if outcome == Outcome::Success => {
                            r.attempts = at.attempt;
                            self.record(r.recorded());
                            Ok(r)
                        }
                        Ok(mut r) => {
                            r.attempts = at.attempt;
                            self.record(r.recorded());
                            Err(r.api_error())
                        }
                        Err(mut f) => {
                            f.error.set_attempts(at.attempt);
                            Err(f.error)
                        }
                    };
                }
            }
        }
    }
}

/// A request's place in flight: in the fleet's store, in this client's pacer, or none.
enum Place<'a> {
    Shared(SharedPermit<'a>),
    Local(Permit<'a>),
    Unpaced,
}

impl Place<'_> {
    async fn finish(self, rl: Option<&RateLimit>, now: SystemTime) {
        match self {
            Place::Shared(p) => p.finish(rl, now).await,
            Place::Local(p) => p.finish(rl, now),
            Place::Unpaced => {}
        }
    }
}

impl Client {
    /// Waits for a place in flight: the shared store when set and reachable, else the local
    /// pacer.
    async fn acquire_place(&self, max_wait: Duration) -> Place<'_> {
        if let Some(shared) = self.shared_pacer() {
            if let Some(p) = shared.acquire(max_wait).await {
                return Place::Shared(p);
            }
        }
        match self.pacer() {
            Some(p) => Place::Local(p.acquire(max_wait).await),
            None => Place::Unpaced,
        }
    }
}

/// `base` + `/v3/` + each of `segments` as one percent-encoded path segment, + the query.
pub(crate) fn request_url(
    base: &Url,
    segments: &[String],
    query: &[(String, String)],
) -> Result<Url> {
    // The validators refuse these for every named parameter; this is the last guard. A URL
    // parser drops tabs and line breaks and resolves dot-segments: the path would change.
    if let Some(s) = segments
        .iter()
        .find(|s| *s == "." || *s == ".." || s.chars().any(char::is_control))
    {
        return Err(Error::invalid(
            "path",
            format!("{s:?} cannot be a path segment: it would reach another endpoint"),
        ));
    }
    let mut url = base.clone();
    {
        let mut segs = url
            .path_segments_mut()
            .map_err(|_| Error::invalid("base_url", "cannot be a base"))?;
        segs.pop_if_empty().push("v3");
        // Each value is one percent-encoded segment: '/', '?', '#', '%' cannot alter the path.
        segs.extend(segments.iter());
    }
    if !query.is_empty() {
        url.query_pairs_mut().extend_pairs(query.iter());
    }
    Ok(url)
}

/// The `errors[]` and request id of an error body in any of SendGrid's shapes; a body that is
/// not JSON becomes one entry holding its first 200 characters.
pub fn parse_error_body(body: &[u8]) -> (Vec<ApiErrorDetail>, Option<String>) {
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(ErrorBody::Errors { errors, id }) => (errors, id),
        Ok(ErrorBody::Single { error }) => (vec![detail(error)], None),
        Ok(ErrorBody::List(errors)) => (errors, None),
        Err(_) if body.is_empty() => (Vec::new(), None),
        Err(_) => (vec![detail(excerpt(body))], None),
    }
}

fn excerpt(body: &[u8]) -> String {
    let s = String::from_utf8_lossy(&body[..body.len().min(600)]);
    s.chars().take(200).collect()
}

fn transport_failure(e: reqwest::Error, ctx: &Ctx) -> Failure {
    // A refused or failed connect never reached the server.
    let outcome = Outcome::Failed {
        sent: !e.is_connect(),
    };
    if e.is_timeout() {
        return Failure {
            error: Error::Timeout {
                method: ctx.method.clone(),
                path: ctx.path.clone(),
                attempts: 1,
            },
            outcome,
        };
    }
    // The innermost cause says most ("Connection refused", "connection reset by peer").
    let mut reason = e.to_string();
    let mut src = std::error::Error::source(&e);
    while let Some(s) = src {
        reason = s.to_string();
        src = s.source();
    }
    Failure {
        error: Error::Transport {
            method: ctx.method.clone(),
            path: ctx.path.clone(),
            reason,
            attempts: 1,
        },
        outcome,
    }
}

async fn attempt_once(rb: reqwest::RequestBuilder, ctx: &Ctx) -> Result<Response, Failure> {
    let mut resp = rb.send().await.map_err(|e| transport_failure(e, ctx))?;
    let status = resp.status().as_u16();
    let h = resp.headers();
    let rate_limit = RateLimit::from_headers(h, SystemTime::now());
    let request_id = h
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let headers = if (200..300).contains(&status) {
        Vec::new()
    } else {
        h.iter()
            .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect()
    };
    let location = (status / 100 == 3)
        .then(|| h.get(reqwest::header::LOCATION))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let head = std::mem::take(resp.headers_mut());
    let mut body = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(Failure {
                        error: Error::Decode {
                            error: Box::new(DecodeError {
                                method: ctx.method.clone(),
                                path: ctx.path.clone(),
                                status,
                                reason: format!("the body is larger than {MAX_BODY_BYTES} bytes"),
                                excerpt: excerpt(&body),
                                request_id,
                            }),
                            attempts: 1,
                        },
                        outcome: Outcome::TooLarge,
                    });
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) => return Err(transport_failure(e, ctx)),
        }
    }
    Ok(Response {
        status,
        body,
        headers,
        request_id,
        rate_limit,
        ctx: ctx.clone(),
        attempts: 1,
        location,
        head,
    })
}

/// The shapes SendGrid uses for error bodies: `{"errors":[...],"id":..}`, `{"error":"..."}`,
/// or a bare `[...]` (SSO endpoints).
#[derive(Deserialize)]
#[serde(untagged)]
enum ErrorBody {
    Single {
        error: String,
    },
    Errors {
        #[serde(default, deserialize_with = "crate::de::null_default")]
        errors: Vec<ApiErrorDetail>,
        #[serde(default)]
        id: Option<String>,
    },
    List(Vec<ApiErrorDetail>),
}

impl Response {
    /// The status, ids and headers of this answer, without its body.
    /// What [`Client::last_response`] keeps of this answer (the headers moved out).
    fn recorded(&mut self) -> crate::response_info::Recorded {
        crate::response_info::Recorded {
            method: self.ctx.method.clone(),
            path: self.ctx.path.clone(),
            status: self.status,
            request_id: self.request_id.clone(),
            attempts: self.attempts,
            rate_limit: self.rate_limit,
            head: std::mem::take(&mut self.head),
        }
    }

    fn clone_head(&self) -> Response {
        Response {
            status: self.status,
            body: Vec::new(),
            request_id: self.request_id.clone(),
            rate_limit: self.rate_limit,
            ctx: self.ctx.clone(),
            attempts: self.attempts,
            location: self.location.clone(),
            headers: self.headers.clone(),
            head: self.head.clone(),
        }
    }

    fn api_error(&self) -> Error {
        let (errors, body_id) = parse_error_body(&self.body);
        let retry_after = (self.status == 429 || self.rate_limit.retry_after.is_some())
            .then(|| self.rate_limit.retry_after_at(SystemTime::now()))
            .flatten();
        Error::Api {
            error: Box::new(ApiError {
                status: self.status,
                method: self.ctx.method.clone(),
                path: self.ctx.path.clone(),
                errors,
                request_id: self.request_id.clone().or(body_id),
                rate_limit: self.rate_limit,
                retry_after,
                headers: self.headers.clone(),
                body: String::from_utf8_lossy(&self.body[..self.body.len().min(MAX_ERROR_BODY)])
                    .into_owned(),
            }),
            attempts: self.attempts,
        }
    }

    fn decode_error(&self, reason: String) -> Error {
        Error::Decode {
            error: Box::new(DecodeError {
                method: self.ctx.method.clone(),
                path: self.ctx.path.clone(),
                status: self.status,
                reason,
                excerpt: excerpt(&self.body),
                request_id: self.request_id.clone(),
            }),
            attempts: self.attempts,
        }
    }
}

fn detail(message: String) -> ApiErrorDetail {
    ApiErrorDetail {
        field: None,
        message,
        help: None,
        error_id: None,
    }
}
