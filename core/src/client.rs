//! The client and its builder. Requests are sent from `transport.rs`.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::HeaderValue;
use reqwest::Url;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fleet::SharedPacer;
use crate::obo::OnBehalfOf;
use crate::pacing::Pacer;
use crate::retry::RetryPolicy;
use crate::validate;

/// The environment variable read when no API key is given.
pub const API_KEY_ENV: &str = "SENDGRID_API_KEY";
/// The environment variable read for the base URL when none is given (the sandbox, a proxy).
pub const BASE_URL_ENV: &str = "SENDGRID_ADMIN_BASE_URL";
/// The default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default total timeout of one attempt.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The most bytes read from one response body; a larger body is a decode error.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The SendGrid region whose API host is used, and a subuser's region in answers. A region
/// SendGrid adds later decodes as `Other` (a client cannot be built for it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// `https://api.sendgrid.com`, for global users and subusers.
    #[default]
    Global,
    /// `https://api.eu.sendgrid.com`, for EU regional subusers.
    Eu,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

impl Region {
    /// The API base URL of this region (`None` for a region this version does not know).
    pub fn base_url(&self) -> Option<&'static str> {
        match self {
            Region::Global => Some("https://api.sendgrid.com"),
            Region::Eu => Some("https://api.eu.sendgrid.com"),
            Region::Other(_) => None,
        }
    }

    /// The region as SendGrid writes it (`"global"`, `"eu"`, or the unknown value).
    pub fn as_str(&self) -> &str {
        match self {
            Region::Global => "global",
            Region::Eu => "eu",
            Region::Other(s) => s,
        }
    }

    /// Reads `global` or `eu` (any case).
    pub fn parse(s: &str) -> Result<Region> {
        match s.to_ascii_lowercase().as_str() {
            "global" => Ok(Region::Global),
            "eu" => Ok(Region::Eu),
            _ => Err(Error::invalid(
                "region",
                format!("{s:?} is not a region; use \"global\" or \"eu\""),
            )),
        }
    }
}

/// `localhost`, `127.0.0.0/8` or `::1`.
fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl std::str::FromStr for Region {
    type Err = Error;

    /// [`Region::parse`].
    fn from_str(s: &str) -> Result<Region> {
        Region::parse(s)
    }
}

/// Builds a [`Client`]. Every language binding ends here, so defaults are defined once:
/// 10 s connect and 30 s total timeouts, retries on, pacing on, user agent
/// `sendgrid-admin/<version>`.
#[derive(Clone)]
pub struct ClientBuilder {
    api_key: Option<String>,
    region: Region,
    base_url: Option<String>,
    on_behalf_of: Option<OnBehalfOf>,
    connect_timeout: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    pacing: bool,
    user_agent: Option<String>,
    rate_limit_store: Option<String>,
    allow_insecure_http: bool,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("region", &self.region)
            .field("base_url", &self.base_url)
            .field("on_behalf_of", &self.on_behalf_of)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("pacing", &self.pacing)
            .field(
                "rate_limit_store",
                &self.rate_limit_store.as_ref().map(|_| "<set>"),
            )
            .finish()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            api_key: None,
            region: Region::Global,
            base_url: None,
            on_behalf_of: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            pacing: true,
            user_agent: None,
            rate_limit_store: None,
            allow_insecure_http: false,
        }
    }
}

impl ClientBuilder {
    /// The API key. Without one, `SENDGRID_API_KEY` is read when building.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The region whose host is used (ignored when a base URL is set).
    pub fn region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// A base URL to use instead of the region's host: the sandbox, a proxy, a test server.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The on-behalf-of value every call of this client carries (scoped clients can override it).
    pub fn on_behalf_of(mut self, who: OnBehalfOf) -> Self {
        self.on_behalf_of = Some(who);
        self
    }

    /// The connect timeout (default 10 s).
    pub fn connect_timeout(mut self, t: Duration) -> Self {
        self.connect_timeout = t;
        self
    }

    /// The total timeout of one attempt, connect to last byte (default 30 s).
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = t;
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]; [`RetryPolicy::none`] turns it off).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Shorthand: the default policy with this many retries after the first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_attempts = retries.saturating_add(1);
        self
    }

    /// Whether to hold requests back when the rate-limit window is used up (default on).
    pub fn pacing(mut self, on: bool) -> Self {
        self.pacing = on;
        self
    }

    /// Shares pacing with every other client (process, host) that uses the same API key and
    /// store: a Redis URL such as `redis://127.0.0.1:6379/0`. The store holds the window's
    /// remaining budget, its reset and the requests in flight, keyed by a hash of the API key
    /// (never the key itself). Without it, each client paces on its own and takes its share
    /// of what remains. If Redis is unreachable, calls pace locally and a warning is logged
    /// once; Redis is tried again a few seconds later. A URL that is not a Redis URL is
    /// `invalid_input` when building.
    pub fn rate_limit_store(mut self, url: impl Into<String>) -> Self {
        self.rate_limit_store = Some(url.into());
        self
    }

    /// Allows a plain `http://` base URL to a host other than this machine (default: refused,
    /// since the API key would travel in clear text; loopback is always allowed).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Text appended to the user agent, e.g. `"my-app/1.2"` (bindings add their language).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent = Some(suffix.into());
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client> {
        let key = match self.api_key {
            Some(k) => k,
            None => std::env::var(API_KEY_ENV).map_err(|_| {
                Error::invalid(
                    "api_key",
                    format!("missing: pass an API key or set {API_KEY_ENV}"),
                )
            })?,
        };
        if key.trim().is_empty() {
            return Err(Error::invalid("api_key", "must not be empty"));
        }
        if key.chars().any(|c| c.is_control() || c == ' ') {
            return Err(Error::invalid(
                "api_key",
                "must not contain spaces or control characters such as CR or LF",
            ));
        }
        let mut auth = HeaderValue::from_str(&format!("Bearer {key}"))
            .map_err(|_| Error::invalid("api_key", "must be printable ASCII"))?;
        auth.set_sensitive(true);

        let region_base = self.region.base_url().ok_or_else(|| {
            Error::invalid(
                "region",
                format!(
                    "{:?} is not a region; use \"global\" or \"eu\"",
                    self.region.as_str()
                ),
            )
        })?;
        let env_base = match &self.base_url {
            Some(_) => None,
            None => std::env::var(BASE_URL_ENV)
                .ok()
                .filter(|v| !v.trim().is_empty()),
        };
        let raw_base = self
            .base_url
            .as_deref()
            .or(env_base.as_deref())
            .unwrap_or(region_base);
        let base = Url::parse(raw_base)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .filter(|u| u.query().is_none() && u.fragment().is_none())
            .ok_or_else(|| {
                Error::invalid(
                    "base_url",
                    format!("{raw_base:?} is not an http(s) URL without query"),
                )
            })?;
        // The API key travels in every request: plain http only to this machine, unless the
        // caller says otherwise (a TLS-terminating proxy on a private network).
        if base.scheme() == "http" && !self.allow_insecure_http && !is_loopback(&base) {
            return Err(Error::invalid(
                "base_url",
                format!(
                    "{raw_base:?} is plain http to another machine: the API key would travel in \
                     clear text; use https, or allow_insecure_http"
                ),
            ));
        }
        if self.connect_timeout.is_zero() || self.timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        if self.retry.max_attempts == 0 {
            return Err(Error::invalid("retry.max_attempts", "must be at least 1"));
        }
        if let Some(obo) = &self.on_behalf_of {
            obo.header_value()?;
        }
        let mut ua = format!("sendgrid-admin/{}", env!("CARGO_PKG_VERSION"));
        if let Some(s) = &self.user_agent {
            validate::header_value("user_agent", s)?;
            ua = format!("{ua} {s}");
        }

        let http = http_client(self.connect_timeout, self.timeout, &ua)?;
        let shared = match &self.rate_limit_store {
            // A place in flight expires when no attempt can still be running.
            Some(url) => Some(SharedPacer::new(
                url,
                &key,
                base.as_str(),
                self.connect_timeout + self.timeout + Duration::from_secs(5),
            )?),
            None => None,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                auth,
                region: self.region,
                connect_timeout: self.connect_timeout,
                timeout: self.timeout,
                retry: self.retry,
                pacer: self.pacing.then(Pacer::default),
                shared: shared.filter(|_| self.pacing),
                user_agent: ua,
                pid: std::process::id(),
                in_child: Mutex::new(None),
            }),
            on_behalf_of: self.on_behalf_of,
        })
    }
}

/// The connection pool: the given timeouts, no redirects, TLS from [`tls_config`].
fn http_client(connect_timeout: Duration, timeout: Duration, ua: &str) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls_config()?)
        .connect_timeout(connect_timeout)
        .timeout(timeout)
        .user_agent(ua)
        // Never follow redirects: the Authorization header must only reach the API host.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::Transport {
            method: String::new(),
            path: String::new(),
            reason: format!("could not build the HTTP client: {e}"),
            attempts: 0,
        })
}

struct Inner {
    http: reqwest::Client,
    base: Url,
    auth: HeaderValue,
    region: Region,
    connect_timeout: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    pacer: Option<Pacer>,
    shared: Option<SharedPacer>,
    user_agent: String,
    /// The process that built this pool.
    pid: u32,
    /// In a process forked from `pid`: this client's own pool and pacer there, made on first use.
    in_child: Mutex<Option<Arc<Inner>>>,
}

impl Inner {
    /// A copy of the settings with a fresh connection pool and pacer, for process `pid`.
    fn fresh(&self, pid: u32) -> Result<Inner> {
        Ok(Inner {
            http: http_client(self.connect_timeout, self.timeout, &self.user_agent)?,
            base: self.base.clone(),
            auth: self.auth.clone(),
            region: self.region.clone(),
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
            retry: self.retry.clone(),
            pacer: self.pacer.as_ref().map(|_| Pacer::default()),
            shared: self.shared.as_ref().map(SharedPacer::fresh),
            user_agent: self.user_agent.clone(),
            pid,
            in_child: Mutex::new(None),
        })
    }
}

/// The SendGrid admin client: a cheap `Clone` around a shared connection pool, pacing state and
/// settings. Scoped clients from [`Client::on_behalf_of`] share all of it.
///
/// ```no_run
/// # async fn run() -> sendgrid_admin::Result<()> {
/// use sendgrid_admin::{Client, OnBehalfOf};
/// let client = Client::builder().api_key("SG.xxx").build()?;
/// let subusers = client.subusers().list(&Default::default()).await?;
/// let acme = client.on_behalf_of(OnBehalfOf::subuser("acme"));
/// let teammates = acme.teammates().list(&Default::default()).await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    on_behalf_of: Option<OnBehalfOf>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base.as_str())
            .field("region", &self.inner.region)
            .field("api_key", &"<redacted>")
            .field("on_behalf_of", &self.on_behalf_of)
            .field("connect_timeout", &self.inner.connect_timeout)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .field("pacing", &self.inner.pacer.is_some())
            .finish()
    }
}

fn tls_failure(e: impl fmt::Display) -> Error {
    Error::Transport {
        method: String::new(),
        path: String::new(),
        reason: format!("could not set up TLS: {e}"),
        attempts: 0,
    }
}

/// The certificate verifier: the platform's own (macOS/iOS Security framework, Windows CryptoAPI,
/// the system's CA store on Linux) through rustls-platform-verifier.
#[cfg(not(target_os = "android"))]
fn verifier(
    provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<Arc<dyn rustls::client::danger::ServerCertVerifier>> {
    let v = rustls_platform_verifier::Verifier::new(provider).map_err(tls_failure)?;
    Ok(Arc::new(v))
}

/// On Android the platform verifier needs the app to hand it a JVM context first; instead the
/// library carries Mozilla's root certificates (webpki-roots), so an app verifies SendGrid's
/// certificate with no setup beyond adding the dependency.
#[cfg(target_os = "android")]
fn verifier(
    provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<Arc<dyn rustls::client::danger::ServerCertVerifier>> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let v = rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
        .build()
        .map_err(tls_failure)?;
    Ok(v)
}

/// The TLS settings: ring as the crypto provider and [`verifier`], passed to this client only
/// (no process-global provider is installed, so the host application's own TLS choices are
/// untouched).
fn tls_config() -> Result<rustls::ClientConfig> {
    let fail = tls_failure;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = verifier(provider.clone())?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(fail)?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

impl Client {
    /// This client as usable in the current process. After `fork()` the inherited connections
    /// belong to the parent (and to its async runtime, which does not exist in the child): the
    /// child gets its own pool and pacer, made once and shared by this client's clones there.
    /// The parent's pool is deliberately never dropped in the child, because closing its sockets
    /// would also unregister them from the parent's event loop.
    pub(crate) fn in_this_process(&self) -> Result<Option<Client>> {
        let pid = std::process::id();
        if pid == self.inner.pid {
            return Ok(None);
        }
        let mut slot = self
            .inner
            .in_child
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let inner = match slot.as_ref() {
            Some(inner) if inner.pid == pid => Arc::clone(inner),
            _ => {
                let inner = Arc::new(self.inner.fresh(pid)?);
                if let Some(stale) = slot.replace(Arc::clone(&inner)) {
                    std::mem::forget(stale);
                }
                std::mem::forget(Arc::clone(&self.inner));
                inner
            }
        };
        Ok(Some(Client {
            inner,
            on_behalf_of: self.on_behalf_of.clone(),
        }))
    }

    pub(crate) fn base(&self) -> &Url {
        &self.inner.base
    }

    pub(crate) fn auth(&self) -> &HeaderValue {
        &self.inner.auth
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    pub(crate) fn pacer(&self) -> Option<&Pacer> {
        self.inner.pacer.as_ref()
    }

    pub(crate) fn shared_pacer(&self) -> Option<&SharedPacer> {
        self.inner.shared.as_ref()
    }

    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client that sends `on-behalf-of: <who>` on every call. It shares this client's pool
    /// and settings; this client is left unchanged.
    pub fn on_behalf_of(&self, who: OnBehalfOf) -> Client {
        Client {
            inner: Arc::clone(&self.inner),
            on_behalf_of: Some(who),
        }
    }

    /// A client that sends no `on-behalf-of` header (acts as the parent).
    pub fn as_parent(&self) -> Client {
        Client {
            inner: Arc::clone(&self.inner),
            on_behalf_of: None,
        }
    }

    /// The on-behalf-of value this client sends, if any.
    pub fn current_on_behalf_of(&self) -> Option<&OnBehalfOf> {
        self.on_behalf_of.as_ref()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.base.as_str()
    }

    /// The retry policy in force.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }
}
