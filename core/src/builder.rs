//! [`ClientBuilder`]: the settings a [`Client`] is made from, checked once.

use std::fmt;
use std::sync::Mutex;
use std::time::Duration;

use reqwest::header::HeaderValue;
use reqwest::Url;

use crate::client::{
    Client, Inner, API_KEY_ENV, BASE_URL_ENV, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
};
use crate::error::{Error, Result};
use crate::fleet::SharedPacer;
use crate::obo::OnBehalfOf;
use crate::pacing::Pacer;
use crate::region::Region;
use crate::retry::RetryPolicy;
use crate::tls::{http_client, Network};
use crate::validate;

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
    app_name: Option<String>,
    rate_limit_store: Option<String>,
    allow_insecure_http: bool,
    network: Network,
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
            .field("network", &self.network)
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
            app_name: None,
            rate_limit_store: None,
            allow_insecure_http: false,
            network: Network::default(),
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

    /// Sends every request through this proxy, e.g. `http://proxy.internal:3128` (credentials
    /// in the URL are allowed and never shown). Without it the `HTTPS_PROXY`, `ALL_PROXY` and
    /// `NO_PROXY` environment variables apply; with it they are ignored.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.network.proxy = Some(url.into());
        self
    }

    /// A PEM file of extra certificate authorities to trust besides the platform's (a
    /// TLS-inspecting corporate proxy, a private gateway).
    pub fn ca_bundle(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.network.ca_bundle = Some(path.into());
        self
    }

    /// Text appended to the user agent, e.g. `"my-app/1.2"` (bindings add their language).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent = Some(suffix.into());
        self
    }

    /// Your application in the user agent, e.g. `"billing-sync/2.3"` (SendGrid support sees it;
    /// printable ASCII, at most 100 characters).
    pub fn app_name(mut self, app: impl Into<String>) -> Self {
        self.app_name = Some(app.into());
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
        if let Some(app) = &self.app_name {
            if app.is_empty() || app.len() > 100 || !app.bytes().all(|b| (0x20..0x7f).contains(&b))
            {
                return Err(Error::invalid(
                    "app_name",
                    "must be 1-100 printable ASCII characters, e.g. \"billing-sync/2.3\"",
                ));
            }
            ua = format!("{ua} {app}");
        }

        let network = self.network.check()?;
        let http = http_client(self.connect_timeout, self.timeout, &ua, &network)?;
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
        Ok(Client::new(
            Inner {
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
                network,
                pid: crate::pid::current(),
                in_child: Mutex::new(None),
                closed: std::sync::atomic::AtomicBool::new(false),
            },
            self.on_behalf_of,
        ))
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
