//! What wraps every API call: request ids, API-key auth, rate limits and fault injection; and
//! the `/__sandbox/` control endpoints that change them while the sandbox runs.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Path, Query, Request, State};
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::http::error;
use crate::journal::{redacted, Journal, JournalEntry};
use crate::{fresh_world, operations, SandboxConfig, Shared};

/// One scripted answer: a status (answered without processing the request), or `"ok"`,
/// `"drop"` (processed, then the connection is cut mid-body), `"reset"` (the connection is cut
/// without processing the request), `"malformed"` (processed, then the body is replaced by
/// truncated JSON), `"slow"` (processed; the body comes 3 s after the head), `"huge"`
/// (processed; a 17 MiB JSON body, over the client's 16 MiB cap).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FaultStep {
    /// Answer this HTTP status with a SendGrid error body, without processing.
    Status(u16),
    /// `"ok"`, `"drop"`, `"reset"`, `"malformed"`, `"slow"` or `"huge"`.
    Word(String),
}

/// Faults injected into API answers. Set with `POST /__sandbox/faults`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Fraction (0..1) of requests answered with `error_status` before being processed.
    pub error_rate: f64,
    /// The status for `error_rate` (default 503).
    pub error_status: Option<u16>,
    /// Scripted answers consumed one per request, before `error_rate` applies.
    pub sequence: VecDeque<FaultStep>,
    /// Milliseconds added to every answer.
    pub latency_ms: u64,
    /// Scripted answers aimed at one operation (`"subusers.create": [503, "drop"]`, the names
    /// of `tests/operations.json`): consumed one per request of that operation, before
    /// `sequence`. Set one with `POST /__sandbox/faults/{operation}`.
    pub operations: BTreeMap<String, VecDeque<FaultStep>>,
}

/// How `X-RateLimit-Reset` is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResetForm {
    /// Epoch seconds, as SendGrid sends it.
    #[default]
    Epoch,
    /// Seconds from now, as some proxies and gateways send it.
    Delta,
}

/// The rate limit. Set with `POST /__sandbox/rate-limit`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RateLimitConfig {
    /// Requests per window per API key (0 = unlimited).
    pub limit: u64,
    /// Window length in seconds (windows start at multiples of it in epoch time).
    pub window_secs: u64,
    /// How `X-RateLimit-Reset` is written (default epoch seconds).
    pub reset_form: ResetForm,
    /// Seconds the sandbox's clock is ahead of the real one (negative: behind). Shifts the
    /// reset epochs and the `Date` header, as a SendGrid whose clock disagrees with the
    /// client's would.
    pub clock_skew_secs: i64,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct Counters {
    requests: u64,
    by_method: BTreeMap<String, u64>,
    unauthorized: u64,
    rate_limited: u64,
    faults_injected: u64,
    /// API requests being answered right now.
    in_flight: u64,
    /// The most API requests ever answered at once (shows clients running calls in parallel).
    max_in_flight: u64,
    /// Under a rate limit: requests counted in each window (by its start, epoch seconds), all
    /// keys together — how full a fleet kept each window.
    windows: BTreeMap<u64, u64>,
}

pub(crate) struct Control {
    faults: Faults,
    rate: RateLimitConfig,
    windows: HashMap<String, (u64, u64)>,
    counters: Counters,
    next_request_id: u64,
    /// The `added_fields` quirk: every JSON object of a successful answer gains a field no
    /// client models (kept here, not in the world, so the gate reads it under the lock it holds).
    added_fields: bool,
    journal: Journal,
}

impl Control {
    pub(crate) fn from_config(c: &SandboxConfig) -> Self {
        Control {
            faults: Faults {
                error_rate: c.error_rate,
                error_status: Some(c.error_status),
                latency_ms: c.latency_ms,
                ..Default::default()
            },
            rate: RateLimitConfig {
                limit: c.rate_limit,
                window_secs: c.rate_window.max(1),
                ..Default::default()
            },
            windows: HashMap::new(),
            counters: Counters::default(),
            next_request_id: 0,
            added_fields: false,
            journal: Journal::default(),
        }
    }
}

/// What the gate decided before the handler runs.
enum Plan {
    Answer(Response),
    Run { after: Option<String> },
}

/// The sandbox's clock in epoch milliseconds, `skew` seconds off the real one.
fn epoch_ms(skew: i64) -> u128 {
    let real = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0) as i128;
    (real + skew as i128 * 1000).max(0) as u128
}

fn set_header(resp: &mut Response, name: &'static str, value: String) {
    if let Ok(v) = HeaderValue::from_str(&value) {
        resp.headers_mut().insert(name, v);
    }
}

/// The middleware in front of every API route.
pub(crate) async fn gate(State(st): State<Shared>, req: Request, next: Next) -> Response {
    // The body is read here (the handlers' extractors would read it whole anyway), so that the
    // journal can say what was sent and which operation it was.
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return error(413, None, "request body too large or broken");
    };
    let route = parts
        .extensions
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string());
    let sent = redacted(&bytes);
    let operation = route
        .as_deref()
        .and_then(|r| operations::operation(&parts.method, r, sent.as_ref()));
    let on_behalf_of = parts
        .headers
        .get("on-behalf-of")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut entry = JournalEntry {
        request_id: String::new(),
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        path_template: route,
        operation,
        query: parts.uri.query().map(str::to_string),
        body: sent,
        on_behalf_of,
        status: 0,
        fault: None,
        attempt: 0,
    };
    let req = Request::from_parts(parts, Body::from(bytes.clone()));
    let key = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_string);
    let authorized = key
        .as_ref()
        .is_some_and(|k| st.config.api_keys.iter().any(|a| a == k));
    let (request_id, rate_headers, plan, latency) = {
        let Ok(mut c) = st.control.lock() else {
            return error(500, None, "sandbox state poisoned");
        };
        c.next_request_id += 1;
        let request_id = format!("sbx-{:06}", c.next_request_id);
        c.counters.requests += 1;
        *c.counters
            .by_method
            .entry(req.method().to_string())
            .or_default() += 1;
        c.counters.in_flight += 1;
        c.counters.max_in_flight = c.counters.max_in_flight.max(c.counters.in_flight);
        entry.request_id = request_id.clone();
        entry.attempt = c.journal.attempt(
            req.method(),
            &entry.path,
            entry.query.as_deref(),
            &bytes,
            entry.on_behalf_of.as_deref(),
        );
        let latency = c.faults.latency_ms;
        if !authorized {
            c.counters.unauthorized += 1;
            entry.fault = Some("unauthorized".into());
            (
                request_id,
                None,
                Plan::Answer(error(401, None, "authorization required")),
                latency,
            )
        } else {
            // Fixed windows aligned to epoch multiples of the window, so Reset is exact.
            let (limit, window) = if c.rate.limit == 0 {
                (1_000_000_000, 1)
            } else {
                (c.rate.limit, c.rate.window_secs.max(1))
            };
            let skew = c.rate.clock_skew_secs;
            let now_ms = epoch_ms(skew);
            let idx = (now_ms / (window as u128 * 1000)) as u64;
            let win = c.windows.entry(key.unwrap_or_default()).or_insert((idx, 0));
            if win.0 != idx {
                *win = (idx, 0);
            }
            win.1 += 1;
            let used = win.1;
            if c.rate.limit != 0 {
                *c.counters.windows.entry(idx * window).or_default() += 1;
            }
            let reset_epoch = (idx + 1) * window;
            let reset = match c.rate.reset_form {
                ResetForm::Epoch => reset_epoch,
                // Whole seconds to the reset, rounded up.
                ResetForm::Delta => (reset_epoch as u128 * 1000)
                    .saturating_sub(now_ms)
                    .div_ceil(1000) as u64,
            };
            let date = (skew != 0).then(|| {
                let at = UNIX_EPOCH + Duration::from_millis(now_ms as u64);
                httpdate::fmt_http_date(at)
            });
            let rate = (limit, limit.saturating_sub(used), reset, date);
            let plan = if used > limit {
                c.counters.rate_limited += 1;
                entry.fault = Some("rate_limited".into());
                Plan::Answer(error(429, None, "too many requests"))
            } else {
                let aimed = entry
                    .operation
                    .as_ref()
                    .and_then(|o| c.faults.operations.get_mut(o))
                    .and_then(VecDeque::pop_front);
                let step = aimed.or_else(|| c.faults.sequence.pop_front());
                entry.fault = match &step {
                    Some(FaultStep::Status(s)) => Some(s.to_string()),
                    Some(FaultStep::Word(w)) if w != "ok" => Some(w.clone()),
                    _ => None,
                };
                let status = c.faults.error_status.unwrap_or(503);
                match step {
                    Some(FaultStep::Status(s)) => {
                        c.counters.faults_injected += 1;
                        Plan::Answer(error(s, None, "injected fault"))
                    }
                    Some(FaultStep::Word(w)) if w == "reset" => {
                        c.counters.faults_injected += 1;
                        Plan::Answer(cut(axum::http::StatusCode::OK.into_response()))
                    }
                    Some(FaultStep::Word(w))
                        if matches!(w.as_str(), "drop" | "malformed" | "slow" | "huge") =>
                    {
                        c.counters.faults_injected += 1;
                        Plan::Run { after: Some(w) }
                    }
                    Some(FaultStep::Word(_)) => Plan::Run { after: None },
                    None if c.faults.error_rate > 0.0 && fastrand::f64() < c.faults.error_rate => {
                        c.counters.faults_injected += 1;
                        entry.fault = Some(status.to_string());
                        Plan::Answer(error(status, None, "injected fault"))
                    }
                    None => Plan::Run { after: None },
                }
            };
            (request_id, Some(rate), plan, latency)
        }
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    let mut resp = match plan {
        Plan::Answer(r) => r,
        Plan::Run { after } => {
            let resp = next.run(req).await;
            match after.as_deref() {
                Some("drop") => cut(resp),
                Some("malformed") => malformed(resp),
                Some("slow") => slow(resp),
                Some("huge") => huge(resp),
                _ => resp,
            }
        }
    };
    entry.status = resp.status().as_u16();
    let added_fields = match st.control.lock() {
        Ok(mut c) => {
            c.counters.in_flight = c.counters.in_flight.saturating_sub(1);
            c.journal.push(entry);
            c.added_fields
        }
        Err(_) => false,
    };
    if added_fields && resp.status().is_success() {
        resp = add_fields(resp).await;
    }
    set_header(&mut resp, "x-request-id", request_id);
    if let Some((limit, remaining, reset, date)) = rate_headers {
        set_header(&mut resp, "x-ratelimit-limit", limit.to_string());
        set_header(&mut resp, "x-ratelimit-remaining", remaining.to_string());
        set_header(&mut resp, "x-ratelimit-reset", reset.to_string());
        if let Some(d) = date {
            set_header(&mut resp, "date", d);
        }
    }
    resp
}

/// Adds `sandbox_added` to every object of a JSON body (the `added_fields` quirk).
async fn add_fields(resp: Response) -> Response {
    fn add(v: &mut Value) {
        match v {
            Value::Object(o) => {
                o.values_mut().for_each(add);
                o.insert("sandbox_added".into(), json!({"since": "2026-12"}));
            }
            Value::Array(a) => a.iter_mut().for_each(add),
            _ => {}
        }
    }
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return error(500, None, "sandbox could not read its own answer");
    };
    let Ok(mut v) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    add(&mut v);
    parts.headers.remove("content-length");
    Response::from_parts(parts, Body::from(v.to_string()))
}

/// Sends the head and a few bytes, then breaks the connection.
fn cut(resp: Response) -> Response {
    let (mut parts, _) = resp.into_parts();
    parts.headers.remove("content-length");
    let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(Bytes::from_static(b"{\"partial\":")),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected drop",
        )),
    ];
    Response::from_parts(parts, Body::from_stream(futures_util::stream::iter(chunks)))
}

/// Sends the head at once and the body 3 s later (longer than the clients' test timeouts).
fn slow(resp: Response) -> Response {
    let (parts, body) = resp.into_parts();
    let delayed = futures_util::stream::once(async move {
        tokio::time::sleep(Duration::from_secs(3)).await;
        axum::body::to_bytes(body, usize::MAX)
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))
    });
    Response::from_parts(parts, Body::from_stream(delayed))
}

/// Keeps the status (a 204 becomes 200, so that the body is read), replaces the body by `body`
/// as JSON of unknown length.
fn replace_body(resp: Response, body: Body) -> Response {
    let (mut parts, _) = resp.into_parts();
    parts.headers.remove("content-length");
    parts
        .headers
        .insert("content-type", HeaderValue::from_static("application/json"));
    if parts.status == axum::http::StatusCode::NO_CONTENT {
        parts.status = axum::http::StatusCode::OK;
    }
    Response::from_parts(parts, body)
}

/// Replaces the body by 17 MiB of valid JSON (a string), streamed.
fn huge(resp: Response) -> Response {
    const MIB: usize = 1024 * 1024;
    let chunk = Bytes::from(vec![b'a'; MIB]);
    let chunks = std::iter::once(Ok::<_, std::io::Error>(Bytes::from_static(b"\"")))
        .chain((0..17).map(move |_| Ok(chunk.clone())))
        .chain(std::iter::once(Ok(Bytes::from_static(b"\""))));
    replace_body(resp, Body::from_stream(futures_util::stream::iter(chunks)))
}

/// Replaces the body by truncated JSON.
fn malformed(resp: Response) -> Response {
    replace_body(resp, Body::from("{\"errors\": [{\"message\": \"trunc"))
}

/// 404 for any path the sandbox does not serve.
pub(crate) async fn not_found(method: Method) -> Response {
    error(404, None, &format!("{method}: no such resource"))
}

/// `POST /__sandbox/faults`: replaces the injected faults.
pub(crate) async fn set_faults(State(st): State<Shared>, Json(f): Json<Faults>) -> Response {
    if let Ok(mut c) = st.control.lock() {
        c.faults = f.clone();
    }
    Json(f).into_response()
}

/// Body of `POST /__sandbox/faults/{operation}`.
#[derive(Debug, Deserialize)]
pub(crate) struct AimedFaults {
    sequence: VecDeque<FaultStep>,
}

/// `POST /__sandbox/faults/{operation}`: scripted answers for one operation (`{"sequence":
/// [503, "drop"]}`), keeping every other fault; an operation the sandbox does not know is a 400
/// listing the ones it does.
pub(crate) async fn set_operation_faults(
    State(st): State<Shared>,
    Path(operation): Path<String>,
    Json(f): Json<AimedFaults>,
) -> Response {
    let known = operations::names();
    if !known.contains(&operation.as_str()) {
        return error(
            400,
            Some("operation"),
            &format!(
                "unknown operation {operation:?}; known: {}",
                known.join(", ")
            ),
        );
    }
    if let Ok(mut c) = st.control.lock() {
        c.faults.operations.insert(operation, f.sequence);
        return Json(c.faults.clone()).into_response();
    }
    error(500, None, "sandbox state poisoned")
}

/// Query of `GET /__sandbox/requests`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RequestsQuery {
    operation: Option<String>,
}

/// `GET /__sandbox/requests[?operation=monitor.create]`: the journal, oldest first, and how
/// many older entries were dropped (it keeps the newest `JOURNAL_CAP`).
pub(crate) async fn requests(State(st): State<Shared>, Query(q): Query<RequestsQuery>) -> Response {
    let Ok(c) = st.control.lock() else {
        return error(500, None, "sandbox state poisoned");
    };
    let (requests, dropped) = c.journal.list(q.operation.as_deref());
    Json(json!({"requests": requests, "dropped": dropped})).into_response()
}

/// `DELETE /__sandbox/requests`: an empty journal (attempt numbers start again at 1).
pub(crate) async fn clear_requests(State(st): State<Shared>) -> Response {
    if let Ok(mut c) = st.control.lock() {
        c.journal = Journal::default();
    }
    axum::http::StatusCode::NO_CONTENT.into_response()
}

/// `DELETE /__sandbox/faults`: no more faults.
pub(crate) async fn clear_faults(State(st): State<Shared>) -> Response {
    if let Ok(mut c) = st.control.lock() {
        c.faults = Faults::default();
    }
    axum::http::StatusCode::NO_CONTENT.into_response()
}

/// `POST /__sandbox/rate-limit`: sets the limit and starts counting afresh.
pub(crate) async fn set_rate_limit(
    State(st): State<Shared>,
    Json(r): Json<RateLimitConfig>,
) -> Response {
    let r = RateLimitConfig {
        window_secs: r.window_secs.max(1),
        ..r
    };
    if let Ok(mut c) = st.control.lock() {
        c.rate = r;
        c.windows.clear();
    }
    Json(r).into_response()
}

/// Optional body of `POST /__sandbox/reset`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ResetBody {
    seed_subusers: Option<usize>,
    seed_teammates: Option<usize>,
}

/// `POST /__sandbox/reset`: fresh data (optionally other seed counts), no faults, no limit,
/// counters at zero.
pub(crate) async fn reset(State(st): State<Shared>, body: Bytes) -> Response {
    let b: ResetBody = serde_json::from_slice(&body).unwrap_or_default();
    let mut cfg = st.config.clone();
    cfg.seed_subusers = b.seed_subusers.unwrap_or(cfg.seed_subusers);
    cfg.seed_teammates = b.seed_teammates.unwrap_or(cfg.seed_teammates);
    let world = fresh_world(&cfg);
    if let Ok(mut w) = st.world.lock() {
        *w = world;
    }
    if let Ok(mut c) = st.control.lock() {
        *c = Control::from_config(&SandboxConfig {
            rate_limit: 0,
            error_rate: 0.0,
            latency_ms: 0,
            ..cfg
        });
    }
    axum::http::StatusCode::NO_CONTENT.into_response()
}

/// `GET /__sandbox/stats`: request counters and data sizes.
pub(crate) async fn stats(State(st): State<Shared>) -> Response {
    let (subusers, teammates) = st
        .world
        .lock()
        .map(|w| (w.subusers.len(), w.parent.teammates.len()))
        .unwrap_or_default();
    let counters = st
        .control
        .lock()
        .map(|c| serde_json::to_value(&c.counters).unwrap_or_default())
        .unwrap_or_default();
    Json(json!({"counters": counters, "subusers": subusers, "teammates": teammates}))
        .into_response()
}

/// A `POST /__sandbox/quirks` body: each switch optional (see [`crate::quirks::Quirks`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct QuirksPatch {
    auto_scopes: Option<bool>,
    grant_baseline_scopes: Option<bool>,
    teammates_page_cap: Option<bool>,
    implied_access: Option<bool>,
    sso_silent_drop: Option<bool>,
    added_fields: Option<bool>,
}

/// `POST /__sandbox/quirks` (204): switches the listed quirks; `POST /__sandbox/reset` restores
/// the defaults (SendGrid's behaviours on, `sso_silent_drop` and `added_fields` off).
pub(crate) async fn set_quirks(State(st): State<Shared>, Json(q): Json<QuirksPatch>) -> Response {
    let mut added = None;
    if let Ok(mut w) = st.world.lock() {
        let k = &mut w.quirks;
        for (slot, v) in [
            (&mut k.auto_scopes, q.auto_scopes),
            (&mut k.grant_baseline_scopes, q.grant_baseline_scopes),
            (&mut k.teammates_page_cap, q.teammates_page_cap),
            (&mut k.implied_access, q.implied_access),
            (&mut k.sso_silent_drop, q.sso_silent_drop),
            (&mut k.added_fields, q.added_fields),
        ] {
            if let Some(on) = v {
                *slot = on;
            }
        }
        added = Some(k.added_fields);
    }
    if let (Some(on), Ok(mut c)) = (added, st.control.lock()) {
        c.added_fields = on;
    }
    axum::http::StatusCode::NO_CONTENT.into_response()
}

/// `GET /__sandbox/quirks`: every switch and its state.
pub(crate) async fn get_quirks(State(st): State<Shared>) -> Response {
    let q = st
        .world
        .lock()
        .map(|w| w.quirks.clone())
        .unwrap_or_default();
    Json(q).into_response()
}
