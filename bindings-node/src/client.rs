//! `new Client({ apiKey, region, baseUrl, onBehalfOf, accountId, timeoutMs, maxRetries })`.

use napi::bindgen_prelude::{Object, PromiseRaw, Unknown};
use napi::Env;
use napi::Result;
use napi::{JsValue, ValueType};
use napi_derive::napi;
use sendgrid_admin::config::{millis, whole};
use sendgrid_admin::{Client as CoreClient, ClientConfig, OnBehalfOf};

use crate::errors::{settle, thrown, IntoNapi};

/// Options of `new Client(...)`; every one is optional.
#[napi(object, object_to_js = false)]
#[derive(Default)]
pub struct ClientOptions {
    /// API key (default: the SENDGRID_API_KEY environment variable).
    pub api_key: Option<String>,
    /// "global" (default) or "eu".
    #[napi(ts_type = "'global' | 'eu'")]
    pub region: Option<String>,
    /// A base URL instead of the region's host: the sandbox, a proxy (default: the
    /// SENDGRID_ADMIN_BASE_URL environment variable, else the region's host).
    pub base_url: Option<String>,
    /// Act as this subuser on every call.
    pub on_behalf_of: Option<String>,
    /// Act as this customer account on every call (not together with `onBehalfOf`).
    pub account_id: Option<String>,
    /// Total timeout of one attempt in ms (default 30000).
    pub timeout_ms: Option<f64>,
    /// Connect timeout in ms (default 10000).
    pub connect_timeout_ms: Option<f64>,
    /// Retries after the first attempt (default 4).
    pub max_retries: Option<f64>,
    /// Share pacing with every process using the same key through Redis, e.g.
    /// "redis://127.0.0.1:6379/0" (default: each client paces on its own).
    pub rate_limit_store: Option<String>,
    /// Allow a plain `http://` baseUrl to another machine (default false: the API key would
    /// travel in clear text; loopback is always allowed).
    pub allow_insecure_http: Option<bool>,
    /// Your application in the user agent, e.g. "billing-sync/2.3".
    pub app_name: Option<String>,
    /// Send every request through this proxy, e.g. "http://proxy.internal:3128" (credentials in
    /// the URL are never shown). Without it HTTPS_PROXY / ALL_PROXY / NO_PROXY apply.
    pub proxy: Option<String>,
    /// Path of a PEM file of certificate authorities to trust besides the platform's (a
    /// TLS-inspecting corporate proxy, a private gateway).
    pub ca_bundle: Option<String>,
    /// Receives this client's events — each attempt (method, path, status, request id), each
    /// retry and why, each wait for the rate limit; never the key — on this thread, e.g.
    /// `(r) => console.debug(r.message, r.fields)`. Clients derived from this one keep it.
    #[napi(ts_type = "(record: LogRecord) => void")]
    pub logger: Option<crate::callback::JsCallback>,
}

/// The keys of [`ClientOptions`] as JavaScript writes them; any other key is refused.
const CLIENT_OPTION_KEYS: &[&str] = &[
    "apiKey",
    "region",
    "baseUrl",
    "onBehalfOf",
    "accountId",
    "timeoutMs",
    "connectTimeoutMs",
    "maxRetries",
    "rateLimitStore",
    "allowInsecureHttp",
    "appName",
    "proxy",
    "caBundle",
    "logger",
];

/// Options of `client.withOptions(...)`; every one is optional (unset keeps the client's).
#[napi(object)]
#[derive(Default)]
#[allow(dead_code)] // declares the TypeScript interface; `request_options` reads the object
pub struct CallOptions {
    /// Total timeout of one attempt in ms (more than 0).
    pub timeout_ms: Option<f64>,
    /// Retries after the first attempt (0 = none).
    pub max_retries: Option<f64>,
    /// Extra headers sent on every call, e.g. `{ 'x-request-source': 'nightly' }`;
    /// `authorization` and `on-behalf-of` are refused.
    pub headers: Option<std::collections::HashMap<String, String>>,
    /// Cancels every call of the derived client when it aborts: a request in flight is
    /// dropped, a pacing or retry wait ends, and the call rejects with code "cancelled".
    #[napi(ts_type = "AbortSignal")]
    pub signal: Option<serde_json::Value>,
}

/// The last HTTP answer a client received (`client.lastResponse`).
#[napi(object)]
pub struct ResponseInfo {
    /// The request's method.
    pub method: String,
    /// The request's path.
    pub path: String,
    /// The answer's HTTP status.
    pub status: u32,
    /// SendGrid's `x-request-id`, when sent.
    pub request_id: Option<String>,
    /// Attempts the call took (1 = no retry).
    pub attempts: u32,
    /// `X-RateLimit-Limit` of the answer.
    pub rate_limit_limit: Option<f64>,
    /// `X-RateLimit-Remaining` of the answer.
    pub rate_limit_remaining: Option<f64>,
    /// `X-RateLimit-Reset` of the answer, as sent (epoch seconds).
    pub rate_limit_reset: Option<f64>,
    /// The answer's headers, names in lower case.
    pub headers: std::collections::HashMap<String, String>,
}

/// A client's current view of its rate limit (`client.rateLimit`).
#[napi(object)]
pub struct RateLimitView {
    /// `X-RateLimit-Limit` of the current window.
    pub limit: Option<f64>,
    /// The smallest `X-RateLimit-Remaining` seen in the current window.
    pub remaining: Option<f64>,
    /// Milliseconds until the current window resets.
    pub reset_in_ms: Option<f64>,
    /// Requests sent and not answered yet.
    pub in_flight: f64,
}

/// Reads `withOptions`' argument: an unknown key is an error naming it (a typo must not
/// silently keep the client's setting).
fn request_options(v: serde_json::Value) -> sendgrid_admin::Result<sendgrid_admin::RequestOptions> {
    use sendgrid_admin::Error;
    let serde_json::Value::Object(map) = v else {
        return Err(Error::invalid("options", "must be an object"));
    };
    let mut out = sendgrid_admin::RequestOptions::default();
    for (key, value) in map {
        let number = |field: &str| {
            value
                .as_f64()
                .ok_or_else(|| Error::invalid(field, "must be a number"))
        };
        match key.as_str() {
            _ if value.is_null() => {}
            "timeoutMs" => out.timeout = Some(millis("timeoutMs", number("timeoutMs")?)?),
            "maxRetries" => out.max_retries = Some(whole("maxRetries", number("maxRetries")?)?),
            // An `AbortSignal`, taken natively by `withOptions`.
            "signal" => {}
            "headers" => {
                let serde_json::Value::Object(h) = &value else {
                    return Err(Error::invalid("headers", "must be an object of strings"));
                };
                for (name, v) in h {
                    let v = v.as_str().ok_or_else(|| {
                        Error::invalid(format!("headers.{name}"), "must be a string")
                    })?;
                    out.headers.push((name.clone(), v.to_string()));
                }
            }
            other => {
                sendgrid_admin::config::check_option_keys(
                    "withOptions",
                    [other],
                    &["timeoutMs", "maxRetries", "headers", "signal"],
                )?;
            }
        }
    }
    Ok(out)
}

/// `client` with the settings of a `withOptions` / trailing call-options object: `timeoutMs`,
/// `maxRetries`, `headers`, `signal` (unknown keys and bad values are "invalid_input").
pub(crate) fn derive(env: &Env, client: &CoreClient, options: Object<'_>) -> Result<CoreClient> {
    // Every key but `signal` (a host object, not data) is read as JSON.
    let mut json = serde_json::Map::new();
    let mut signal = None;
    for key in Object::keys(&options)? {
        let v = options.get::<Unknown<'_>>(&key)?;
        match v {
            Some(v) if key == "signal" => match v.get_type()? {
                ValueType::Null | ValueType::Undefined => {}
                ValueType::Object => signal = Some(Object::from_raw(env.raw(), v.raw())),
                _ => return Err(crate::abort::not_a_signal()),
            },
            Some(v) => {
                json.insert(key, env.from_js_value(v)?);
            }
            None => {}
        }
    }
    let json = serde_json::Value::Object(json);
    let mut inner = request_options(json)
        .and_then(|o| client.with_options(&o))
        .into_napi()?;
    if let Some(signal) = signal {
        inner = inner.with_cancellation(crate::abort::watch(env, signal)?);
    }
    Ok(inner)
}

/// A call's options applied to a resource's client, on the JS thread; an error is carried to
/// the call's promise (rejected with it) instead of thrown.
pub(crate) fn per_call(
    env: &Env,
    client: &CoreClient,
    options: Option<Object<'_>>,
) -> std::result::Result<CoreClient, CallOptionsError> {
    match options {
        None => Ok(client.clone()),
        Some(o) => derive(env, client, o).map_err(|e| CallOptionsError(e.status, e.reason)),
    }
}

/// A refused call-options object, kept until the call's promise rejects with it.
pub(crate) struct CallOptionsError(napi::Status, String);

impl From<CallOptionsError> for napi::Error {
    fn from(e: CallOptionsError) -> Self {
        napi::Error::new(e.0, e.1)
    }
}

/// `SENDGRID_ADMIN_LOG=debug` (or info, warn, or directives such as
/// `sendgrid_admin::transport=debug`: the core's rule, `sendgrid_admin::log::parse`) prints the
/// core's events — each attempt, retry and pacing wait, never the key — on stderr. Read once,
/// when the first client is made; a value it cannot read is said once on stderr.
fn log_from_environment() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(spec) = std::env::var(sendgrid_admin::log::LOG_ENV) else {
            return;
        };
        let directives = match sendgrid_admin::log::parse(&spec) {
            Ok(d) if !d.is_empty() => d,
            Ok(_) => return,
            Err(e) => {
                eprintln!("sendgrid-admin: {e}; logging stays off");
                return;
            }
        };
        let Ok(filter) =
            tracing_subscriber::EnvFilter::try_new(sendgrid_admin::log::filter(&directives))
        else {
            return;
        };
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init();
    });
}

/// The SendGrid admin client. Every method returns a Promise; scoped clients from
/// `onBehalfOf` / `forAccount` share its connections and leave it unchanged.
#[napi]
#[derive(Clone)]
pub struct Client {
    inner: CoreClient,
}

#[napi]
impl Client {
    /// Builds a client; bad options throw a SendGridError with code "invalid_input", and so
    /// does an unknown key (`baseURL` names `baseUrl`: a typo must never mean "not given").
    #[napi(constructor)]
    pub fn new(
        env: &Env,
        #[napi(ts_arg_type = "ClientOptions")] options: Option<Object<'_>>,
    ) -> Result<Self> {
        log_from_environment();
        thrown(env, || {
            let options: Option<ClientOptions> = match options {
                None => None,
                Some(obj) => {
                    let keys = Object::keys(&obj)?;
                    sendgrid_admin::config::check_option_keys(
                        "new Client",
                        keys.iter().map(String::as_str),
                        CLIENT_OPTION_KEYS,
                    )
                    .into_napi()?;
                    // SAFETY: `obj` is a live object of this call's environment.
                    Some(unsafe {
                        <ClientOptions as napi::bindgen_prelude::FromNapiValue>::from_napi_value(
                            env.raw(),
                            obj.raw(),
                        )
                    }?)
                }
            };
            let mut o = options.unwrap_or_default();
            let logger = o
                .logger
                .take()
                .map(|l| l.checked("logger"))
                .transpose()
                .into_napi()?;
            let ms = |field: &str, v: Option<f64>| v.map(|v| millis(field, v)).transpose();
            let config = (|| {
                Ok(ClientConfig {
                    api_key: o.api_key,
                    region: o.region,
                    base_url: o.base_url,
                    on_behalf_of: o.on_behalf_of,
                    account_id: o.account_id,
                    timeout: ms("timeoutMs", o.timeout_ms)?,
                    connect_timeout: ms("connectTimeoutMs", o.connect_timeout_ms)?,
                    max_retries: o.max_retries.map(|r| whole("maxRetries", r)).transpose()?,
                    rate_limit_store: o.rate_limit_store,
                    user_agent_suffix: Some("node".into()),
                    app_name: o.app_name,
                    allow_insecure_http: o.allow_insecure_http,
                    proxy: o.proxy,
                    ca_bundle: o.ca_bundle,
                })
            })();
            let inner = config.and_then(ClientConfig::build).into_napi()?;
            Ok(Client {
                inner: match logger {
                    Some(l) => inner.with_dispatch(crate::logger::dispatch(l)),
                    None => inner,
                },
            })
        })
    }

    /// A client acting as this subuser (`on-behalf-of: <username>`); this one is unchanged.
    #[napi]
    pub fn on_behalf_of(&self, username: String) -> Client {
        Client {
            inner: self.inner.on_behalf_of(OnBehalfOf::subuser(username)),
        }
    }

    /// A client acting as this customer account (`on-behalf-of: account-id <id>`).
    #[napi]
    pub fn for_account(&self, account_id: String) -> Client {
        Client {
            inner: self.inner.on_behalf_of(OnBehalfOf::account(account_id)),
        }
    }

    /// A client acting as the parent (no on-behalf-of).
    #[napi]
    pub fn as_parent(&self) -> Client {
        Client {
            inner: self.inner.as_parent(),
        }
    }

    /// A client with its own `timeoutMs`, `maxRetries` and extra `headers`, sharing this one's
    /// connections, pacing and on-behalf-of; this one is unchanged. Cheap enough per call:
    /// `await client.withOptions({ timeoutMs: 5000 }).subusers.list()`. Unknown keys and bad
    /// values throw a SendGridError with code "invalid_input".
    #[napi]
    pub fn with_options(
        &self,
        env: &Env,
        #[napi(ts_arg_type = "CallOptions")] options: Object<'_>,
    ) -> Result<Client> {
        thrown(env, || {
            Ok(Client {
                inner: derive(env, &self.inner, options)?,
            })
        })
    }

    /// The last HTTP answer received through this client or its resources; null before any.
    /// `onBehalfOf` / `forAccount` / `withOptions` clients keep their own.
    #[napi(getter)]
    pub fn last_response(&self) -> Option<ResponseInfo> {
        self.inner.last_response().map(|r| ResponseInfo {
            method: r.method,
            path: r.path,
            status: u32::from(r.status),
            request_id: r.request_id,
            attempts: r.attempts,
            rate_limit_limit: r.rate_limit.limit.map(|v| v as f64),
            rate_limit_remaining: r.rate_limit.remaining.map(|v| v as f64),
            rate_limit_reset: r.rate_limit.reset.map(|v| v as f64),
            headers: r.headers.into_iter().collect(),
        })
    }

    /// The client's current view of its rate limit, shared by every client of its pool; null
    /// when pacing is off or the limit lives in a Redis store.
    #[napi(getter)]
    pub fn rate_limit(&self) -> Option<RateLimitView> {
        self.inner.rate_limit().map(|v| RateLimitView {
            limit: v.limit.map(|x| x as f64),
            remaining: v.remaining.map(|x| x as f64),
            reset_in_ms: v.reset_in.map(|d| d.as_secs_f64() * 1000.0),
            in_flight: v.in_flight as f64,
        })
    }

    /// The total timeout of one attempt, in ms.
    #[napi(getter)]
    pub fn timeout_ms(&self) -> f64 {
        self.inner.timeout().as_secs_f64() * 1000.0
    }

    /// Retries after a call's first attempt.
    #[napi(getter)]
    pub fn max_retries(&self) -> u32 {
        self.inner.retry_policy().max_attempts.saturating_sub(1)
    }

    /// The on-behalf-of header value this client sends, if any.
    #[napi(getter)]
    pub fn current_on_behalf_of(&self) -> Option<String> {
        self.inner.current_on_behalf_of().map(|o| o.to_string())
    }

    /// Closes this client and every client sharing its pool (`onBehalfOf` / `forAccount`
    /// ones): later calls reject with code "invalid_input" (field "client"); calls in flight
    /// finish. Also `await using client = new Client(...)` (Symbol.asyncDispose).
    #[napi]
    pub fn close(&self) {
        self.inner.close()
    }

    /// Whether `close()` was called on this client or one sharing its pool.
    #[napi(getter)]
    pub fn is_closed(&self) -> bool {
        self.inner.is_closed()
    }

    /// The core client (for the methods defined in other files).
    pub(crate) fn core(&self) -> &CoreClient {
        &self.inner
    }

    /// The base URL requests go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_string()
    }

    /// Calls any SendGrid endpoint, e.g. `request("GET", "/v3/user/account")`, with the same
    /// key, on-behalf-of, pacing, retries and errors as the typed methods; resolves to the JSON
    /// answer (null when empty). POST and PATCH are sent once unless the connection was never
    /// made.
    #[napi]
    pub fn request<'e>(
        &self,
        env: &'e Env,
        method: String,
        path: String,
        #[napi(ts_arg_type = "RequestOptions")] options: Option<
            crate::strict::Strict<crate::raw::RequestOptions>,
        >,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, serde_json::Value>> {
        let client = per_call(env, &self.inner, call);
        settle(env, async move {
            let client = client?;
            let o = crate::strict::CheckedOption::checked(options)?.unwrap_or_default();
            let query = crate::raw::query(o.query)?;
            client
                .request(&method, &path, &query, o.body.as_ref())
                .await
                .into_napi()
        })
    }

    /// Customer accounts (partners / resellers): provisioning, offerings, state, SSO, IPs.
    #[napi(getter)]
    pub fn accounts(&self) -> crate::accounts::Accounts {
        crate::accounts::Accounts {
            client: self.inner.clone(),
        }
    }

    /// API keys of the account this client acts as.
    #[napi(getter)]
    pub fn api_keys(&self) -> crate::api_keys::ApiKeys {
        crate::api_keys::ApiKeys {
            client: self.inner.clone(),
        }
    }

    /// Identity: who this client (or its on-behalf-of subuser or account) is.
    #[napi(getter)]
    pub fn user(&self) -> crate::user::User {
        crate::user::User {
            client: self.inner.clone(),
        }
    }

    /// Subusers: list, iterAll, create, enable, disable, delete.
    #[napi(getter)]
    pub fn subusers(&self) -> crate::subusers::Subusers {
        crate::subusers::Subusers {
            client: self.inner.clone(),
        }
    }

    /// The IPs assigned to subusers.
    #[napi(getter)]
    pub fn ips(&self) -> crate::ips::Ips {
        crate::ips::Ips {
            client: self.inner.clone(),
        }
    }

    /// Subuser reputations.
    #[napi(getter)]
    pub fn reputations(&self) -> crate::reputations::Reputations {
        crate::reputations::Reputations {
            client: self.inner.clone(),
        }
    }

    /// Subuser credits.
    #[napi(getter)]
    pub fn credits(&self) -> crate::credits::Credits {
        crate::credits::Credits {
            client: self.inner.clone(),
        }
    }

    /// Subuser website access.
    #[napi(getter)]
    pub fn website_access(&self) -> crate::website_access::WebsiteAccess {
        crate::website_access::WebsiteAccess {
            client: self.inner.clone(),
        }
    }

    /// Subuser statistics.
    #[napi(getter)]
    pub fn stats(&self) -> crate::stats::Stats {
        crate::stats::Stats {
            client: self.inner.clone(),
        }
    }

    /// Subuser monitor settings.
    #[napi(getter)]
    pub fn monitor(&self) -> crate::monitor::MonitorSettings {
        crate::monitor::MonitorSettings {
            client: self.inner.clone(),
        }
    }

    /// Teammates, invitations and subuser access.
    #[napi(getter)]
    pub fn teammates(&self) -> crate::teammates::Teammates {
        crate::teammates::Teammates {
            client: self.inner.clone(),
        }
    }

    /// Scopes and access requests.
    #[napi(getter)]
    pub fn scopes(&self) -> crate::scopes::Scopes {
        crate::scopes::Scopes {
            client: self.inner.clone(),
        }
    }

    /// Bulk jobs with per-item results.
    #[napi(getter)]
    pub fn bulk(&self) -> crate::bulk::Bulk {
        crate::bulk::Bulk {
            client: self.inner.clone(),
        }
    }
}
