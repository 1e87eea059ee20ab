//! `Client` (blocking, GIL released while waiting, safe to share between threads) and
//! `AsyncClient` (awaitables). Both end in the core's one builder.

use pyo3::prelude::*;
use sendgrid_admin::config::{seconds, whole_int};
use sendgrid_admin::{Client as CoreClient, ClientConfig, OnBehalfOf};

use crate::call::Mode;
use crate::errors::to_py_err;

/// The keyword arguments of `Client(...)` / `AsyncClient(...)` as the core's config.
#[allow(clippy::too_many_arguments)]
fn build(
    api_key: Option<String>,
    region: &str,
    base_url: Option<String>,
    on_behalf_of: Option<String>,
    account_id: Option<String>,
    timeout: Option<f64>,
    connect_timeout: Option<f64>,
    max_retries: Option<i64>,
    rate_limit_store: Option<String>,
    allow_insecure_http: bool,
    app_name: Option<String>,
    proxy: Option<String>,
    ca_bundle: Option<std::path::PathBuf>,
) -> PyResult<CoreClient> {
    let config = (|| {
        Ok(ClientConfig {
            api_key,
            region: Some(region.to_string()),
            base_url,
            on_behalf_of,
            account_id,
            timeout: timeout.map(|t| seconds("timeout", t)).transpose()?,
            connect_timeout: connect_timeout
                .map(|t| seconds("connect_timeout", t))
                .transpose()?,
            max_retries: max_retries
                .map(|r| whole_int("max_retries", r))
                .transpose()?,
            rate_limit_store,
            user_agent_suffix: Some("python".into()),
            app_name,
            allow_insecure_http: Some(allow_insecure_http),
            proxy,
            ca_bundle: ca_bundle.map(|p| p.display().to_string()),
        })
    })();
    config.and_then(ClientConfig::build).map_err(to_py_err)
}

/// `with_options(...)` of both client classes.
fn with_options(
    client: &CoreClient,
    timeout: Option<f64>,
    max_retries: Option<i64>,
    headers: Option<std::collections::BTreeMap<String, String>>,
) -> PyResult<CoreClient> {
    (|| {
        let options = sendgrid_admin::RequestOptions {
            timeout: timeout.map(|t| seconds("timeout", t)).transpose()?,
            max_retries: max_retries
                .map(|r| whole_int("max_retries", r))
                .transpose()?,
            headers: headers.unwrap_or_default().into_iter().collect(),
        };
        client.with_options(&options)
    })()
    .map_err(to_py_err)
}

macro_rules! client_class {
    ($(#[$doc:meta])* $name:ident, $mode:expr, $subusers:ident, $ips:ident, $reputations:ident, $credits:ident, $website_access:ident, $stats:ident, $monitor:ident, $teammates:ident, $scopes:ident, $bulk:ident, $accounts:ident, $user:ident, $api_keys:ident) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "sendgrid_admin")]
        pub struct $name {
            inner: CoreClient,
        }

        #[pymethods]
        impl $name {
            #[new]
            #[pyo3(signature = (api_key=None, *, region: "Region" = "global", base_url=None, on_behalf_of=None, account_id=None, timeout=None, connect_timeout=None, max_retries=None, rate_limit_store=None, allow_insecure_http=false, app_name=None, proxy=None, ca_bundle=None))]
            #[allow(clippy::too_many_arguments)]
            fn new(
                api_key: Option<String>,
                region: &str,
                base_url: Option<String>,
                on_behalf_of: Option<String>,
                account_id: Option<String>,
                timeout: Option<f64>,
                connect_timeout: Option<f64>,
                max_retries: Option<i64>,
                rate_limit_store: Option<String>,
                allow_insecure_http: bool,
                app_name: Option<String>,
                proxy: Option<String>,
                ca_bundle: Option<std::path::PathBuf>,
            ) -> PyResult<Self> {
                Ok($name { inner: build(api_key, region, base_url, on_behalf_of, account_id, timeout, connect_timeout, max_retries, rate_limit_store, allow_insecure_http, app_name, proxy, ca_bundle)? })
            }

            /// A client acting as this subuser (`on-behalf-of: <username>`); this one is unchanged.
            fn on_behalf_of(&self, username: String) -> Self {
                $name { inner: self.inner.on_behalf_of(OnBehalfOf::subuser(username)) }
            }

            /// A client acting as this customer account (`on-behalf-of: account-id <id>`).
            fn for_account(&self, account_id: String) -> Self {
                $name { inner: self.inner.on_behalf_of(OnBehalfOf::account(account_id)) }
            }

            /// A client acting as the parent (no on-behalf-of).
            fn as_parent(&self) -> Self {
                $name { inner: self.inner.as_parent() }
            }

            /// A client with its own `timeout` (seconds per attempt), `max_retries` and extra
            /// `headers`, sharing this one's connections, pacing and on-behalf-of; this client is
            /// unchanged. Cheap enough to call per request:
            /// `client.with_options(timeout=5).subusers.list()`.
            #[pyo3(signature = (*, timeout=None, max_retries=None, headers=None))]
            fn with_options(
                &self,
                timeout: Option<f64>,
                max_retries: Option<i64>,
                headers: Option<std::collections::BTreeMap<String, String>>,
            ) -> PyResult<Self> {
                with_options(&self.inner, timeout, max_retries, headers).map(|inner| $name { inner })
            }

            /// The last HTTP answer received through this client or its resources (status_code,
            /// headers, request_id, attempts, rate_limit); None before any. `on_behalf_of` and
            /// `with_options` clients keep their own.
            #[getter]
            fn last_response(&self) -> Option<sendgrid_admin::ResponseInfo> {
                self.inner.last_response()
            }

            /// The client's current view of its rate limit (limit, remaining, reset_in seconds,
            /// in_flight), shared by every client of its pool; None when pacing is off or the
            /// limit lives in a Redis store.
            #[getter]
            fn rate_limit(&self) -> Option<sendgrid_admin::RateLimitView> {
                self.inner.rate_limit()
            }

            /// The total time one attempt may take, in seconds.
            #[getter]
            fn timeout(&self) -> f64 {
                self.inner.timeout().as_secs_f64()
            }

            /// Retries after a call's first attempt.
            #[getter]
            fn max_retries(&self) -> u32 {
                self.inner.retry_policy().max_attempts.saturating_sub(1)
            }

            /// The on-behalf-of header value this client sends, if any.
            #[getter]
            fn current_on_behalf_of(&self) -> Option<String> {
                self.inner.current_on_behalf_of().map(|o| o.to_string())
            }

            /// The base URL requests go to.
            #[getter]
            fn base_url(&self) -> String {
                self.inner.base_url().to_string()
            }

            /// Subusers: list, iter_all, create, enable, disable, delete.
            #[getter]
            fn subusers(&self) -> crate::subusers::$subusers {
                crate::subusers::$subusers { client: self.inner.clone(), mode: $mode }
            }

            /// Customer accounts (partners / resellers): provisioning, offerings, state, SSO, IPs.
            #[getter]
            fn accounts(&self) -> crate::accounts::$accounts {
                crate::accounts::$accounts { client: self.inner.clone(), mode: $mode }
            }

            /// API keys of the account this client acts as.
            #[getter]
            fn api_keys(&self) -> crate::api_keys::$api_keys {
                crate::api_keys::$api_keys { client: self.inner.clone(), mode: $mode }
            }

            /// Identity: who this client (or its on-behalf-of subuser or account) is.
            #[getter]
            fn user(&self) -> crate::user::$user {
                crate::user::$user { client: self.inner.clone(), mode: $mode }
            }

            /// The IPs assigned to subusers.
            #[getter]
            fn ips(&self) -> crate::ips::$ips {
                crate::ips::$ips { client: self.inner.clone(), mode: $mode }
            }

            /// Subuser reputations.
            #[getter]
            fn reputations(&self) -> crate::reputations::$reputations {
                crate::reputations::$reputations { client: self.inner.clone(), mode: $mode }
            }

            /// Subuser credits.
            #[getter]
            fn credits(&self) -> crate::credits::$credits {
                crate::credits::$credits { client: self.inner.clone(), mode: $mode }
            }

            /// Subuser website access.
            #[getter]
            fn website_access(&self) -> crate::website_access::$website_access {
                crate::website_access::$website_access { client: self.inner.clone(), mode: $mode }
            }

            /// Subuser statistics.
            #[getter]
            fn stats(&self) -> crate::stats::$stats {
                crate::stats::$stats { client: self.inner.clone(), mode: $mode }
            }

            /// Subuser monitor settings.
            #[getter]
            fn monitor(&self) -> crate::monitor::$monitor {
                crate::monitor::$monitor { client: self.inner.clone(), mode: $mode }
            }

            /// Teammates, invitations and subuser access.
            #[getter]
            fn teammates(&self) -> crate::teammates::$teammates {
                crate::teammates::$teammates { client: self.inner.clone(), mode: $mode }
            }

            /// Scopes and access requests.
            #[getter]
            fn scopes(&self) -> crate::scopes::$scopes {
                crate::scopes::$scopes { client: self.inner.clone(), mode: $mode }
            }

            /// Bulk jobs with per-item results and progress.
            #[getter]
            fn bulk(&self) -> crate::bulk::$bulk {
                crate::bulk::$bulk { client: self.inner.clone(), mode: $mode }
            }

            /// Calls any SendGrid endpoint, e.g. `request("GET", "/v3/user/account")`, with the
            /// same key, on-behalf-of, pacing, retries and errors as the typed methods. Returns the
            /// JSON answer as dicts and lists (None when empty). `query`: parameters (str, int,
            /// float or bool values); `body`: any JSON-serialisable value. POST and PATCH are sent
            /// once unless the connection was never made.
            #[pyo3(signature = (method, path, *, query: "Mapping[str, str | int | float | bool] | None" = None, body: "Any" = None) -> "Any")]
            fn request(
                &self,
                py: Python<'_>,
                method: String,
                path: String,
                query: Option<Bound<'_, pyo3::types::PyDict>>,
                body: Option<Bound<'_, PyAny>>,
            ) -> PyResult<Py<PyAny>> {
                let (query, body) = (crate::raw::query(query)?, crate::raw::body(py, body)?);
                let c = self.inner.clone();
                crate::call::run(
                    py,
                    $mode,
                    async move { c.request(&method, &path, &query, body.as_ref()).await },
                    crate::raw::Json,
                )
            }

            /// The whole account (subusers, then teammates) as a `Document`. Passwords and
            /// website access are never exported. On-behalf-of: only the teammates.
            #[pyo3(signature = () -> "Document")]
            fn export(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                crate::plan::export(py, $mode, self.inner.clone())
            }

            /// The changes that make the account match `document` (a `Document`, YAML/JSON text
            /// or dicts) as a `Plan`; nothing is changed. Every problem of the document is
            /// reported at once (InvalidInputError), before any request. `prune`: also plan
            /// the deletion of what the document does not list.
            #[pyo3(signature = (document: "Document | str | Mapping[str, Any]", *, prune=false) -> "Plan")]
            fn plan(&self, py: Python<'_>, document: Bound<'_, PyAny>, prune: bool) -> PyResult<Py<PyAny>> {
                crate::plan::plan(py, $mode, self.inner.clone(), document, prune)
            }

            /// Applies a `Plan`, `concurrency` changes at a time, and returns one `BulkResult`
            /// per change. A change whose item changed since the plan fails with ConflictError;
            /// one already applied succeeds without writing, so applying again converges.
            #[pyo3(signature = (plan, *, concurrency=8, progress: "Callable[[BulkProgress], object] | None" = None) -> "list[BulkResult]")]
            fn apply(
                &self,
                py: Python<'_>,
                plan: PyRef<'_, crate::plan::Plan>,
                concurrency: i64,
                progress: Option<Py<PyAny>>,
            ) -> PyResult<Py<PyAny>> {
                crate::plan::apply(py, $mode, self.inner.clone(), &plan, concurrency, progress)
            }

            /// Closes this client and every client sharing its pool (`on_behalf_of` / `for_account`
            /// ones): later calls raise InvalidInputError (field `client`); calls in flight finish.
            fn close(&self) {
                self.inner.close()
            }

            /// Whether `close()` was called (on this client or one sharing its pool).
            #[getter]
            fn is_closed(&self) -> bool {
                self.inner.is_closed()
            }

            fn __enter__(slf: Py<Self>) -> Py<Self> {
                slf
            }

            #[pyo3(signature = (*_args))]
            fn __exit__(&self, _args: &Bound<'_, pyo3::types::PyTuple>) -> bool {
                self.inner.close();
                false
            }

            #[pyo3(signature = () -> "Coroutine[Any, Any, Self]")]
            fn __aenter__(slf: Py<Self>, py: Python<'_>) -> PyResult<Py<PyAny>> {
                crate::call::run(py, crate::call::Mode::Async, async move { Ok(slf) }, std::convert::identity)
            }

            #[pyo3(signature = (*_args) -> "Coroutine[Any, Any, bool]")]
            fn __aexit__(&self, py: Python<'_>, _args: &Bound<'_, pyo3::types::PyTuple>) -> PyResult<Py<PyAny>> {
                let c = self.inner.clone();
                crate::call::run(py, crate::call::Mode::Async, async move { c.close(); Ok(false) }, std::convert::identity)
            }

            fn __repr__(&self) -> String {
                format!(
                    "{}(base_url={:?}, on_behalf_of={:?})",
                    stringify!($name),
                    self.inner.base_url(),
                    self.inner.current_on_behalf_of().map(|o| o.to_string())
                )
            }
        }
    };
}

client_class!(
    /// The blocking client: every method returns its result; the GIL is released while waiting,
    /// so one client can serve many threads at once.
    Client,
    Mode::Sync,
    Subusers,
    Ips,
    Reputations,
    Credits,
    WebsiteAccess,
    Stats,
    MonitorSettings,
    Teammates,
    Scopes,
    Bulk,
    Accounts,
    User,
    ApiKeys
);

client_class!(
    /// The asyncio client: every method returns an awaitable.
    AsyncClient,
    Mode::Async,
    AsyncSubusers,
    AsyncIps,
    AsyncReputations,
    AsyncCredits,
    AsyncWebsiteAccess,
    AsyncStats,
    AsyncMonitorSettings,
    AsyncTeammates,
    AsyncScopes,
    AsyncBulk,
    AsyncAccounts,
    AsyncUser,
    AsyncApiKeys
);
