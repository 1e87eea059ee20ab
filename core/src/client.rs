//! The client: a cheap handle on the shared connection pool, pacing state and settings. It is
//! made by [`ClientBuilder`](crate::ClientBuilder) (`builder.rs`); requests are sent from
//! `transport.rs`.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::HeaderValue;
use reqwest::Url;

use crate::builder::ClientBuilder;
use crate::error::Result;
use crate::fleet::SharedPacer;
use crate::obo::OnBehalfOf;
use crate::pacing::Pacer;
use crate::region::Region;
use crate::retry::RetryPolicy;
use crate::tls::{http_client, CheckedNetwork};

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

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base: Url,
    pub(crate) auth: HeaderValue,
    pub(crate) region: Region,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) pacer: Option<Pacer>,
    pub(crate) shared: Option<SharedPacer>,
    pub(crate) user_agent: String,
    /// Proxy and extra trusted CAs, for a forked child's pool.
    pub(crate) network: CheckedNetwork,
    /// The process that built this pool.
    pub(crate) pid: u32,
    /// In a process forked from `pid`: this client's own pool and pacer there, made on first use.
    pub(crate) in_child: Mutex<Option<Arc<Inner>>>,
    /// Set by [`Client::close`]: every later call fails before sending.
    pub(crate) closed: std::sync::atomic::AtomicBool,
}

impl Inner {
    /// A copy of the settings with a fresh connection pool and pacer, for process `pid`.
    fn fresh(&self, pid: u32) -> Result<Inner> {
        Ok(Inner {
            http: http_client(
                self.connect_timeout,
                self.timeout,
                &self.user_agent,
                &self.network,
            )?,
            base: self.base.clone(),
            auth: self.auth.clone(),
            region: self.region.clone(),
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
            retry: self.retry.clone(),
            pacer: self.pacer.as_ref().map(|_| Pacer::default()),
            shared: self.shared.as_ref().map(SharedPacer::fresh),
            user_agent: self.user_agent.clone(),
            network: self.network.clone(),
            pid,
            in_child: Mutex::new(None),
            closed: std::sync::atomic::AtomicBool::new(false),
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
    pub(crate) inner: Arc<Inner>,
    pub(crate) on_behalf_of: Option<OnBehalfOf>,
    /// Settings from [`Client::with_options`], if any.
    pub(crate) options: Option<Arc<crate::options::Overrides>>,
    /// The last answer received through this client and its clones.
    pub(crate) last: crate::response_info::LastResponse,
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
            .field("options", &self.options)
            .finish()
    }
}

impl Client {
    pub(crate) fn new(inner: Inner, on_behalf_of: Option<OnBehalfOf>) -> Client {
        Client {
            inner: Arc::new(inner),
            on_behalf_of,
            options: None,
            last: Default::default(),
        }
    }

    /// This client as usable in the current process. After `fork()` the inherited connections
    /// belong to the parent (and to its async runtime, which does not exist in the child): the
    /// child gets its own pool and pacer, made once and shared by this client's clones there.
    /// The parent's pool is deliberately never dropped in the child, because closing its sockets
    /// would also unregister them from the parent's event loop.
    pub(crate) fn in_this_process(&self) -> Result<Option<Client>> {
        let pid = crate::pid::current();
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
            options: self.options.clone(),
            last: Arc::clone(&self.last),
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
            options: self.options.clone(),
            last: Default::default(),
        }
    }

    /// A client that sends no `on-behalf-of` header (acts as the parent).
    pub fn as_parent(&self) -> Client {
        Client {
            inner: Arc::clone(&self.inner),
            on_behalf_of: None,
            options: self.options.clone(),
            last: Default::default(),
        }
    }

    /// Refuses `op`, a parent-level operation (SendGrid declares no on-behalf-of on it: subuser
    /// administration, monitor, credits, subuser statistics, subuser access, customer accounts),
    /// on a client scoped with on-behalf-of: `invalid_input` naming the operation, before sending.
    pub(crate) fn parent_only(&self, op: &str) -> Result<()> {
        match &self.on_behalf_of {
            None => Ok(()),
            Some(_) => Err(crate::error::Error::invalid(
                "on_behalf_of",
                format!("{op} is a parent-level operation; call it on a client without on-behalf-of (as_parent())"),
            )),
        }
    }

    /// Closes the client and every client sharing its pool (its scoped clients, its clones):
    /// later calls fail with `invalid_input` (field `client`) before sending; calls in flight
    /// finish. Idle connections are dropped when the last clone is. Closing twice is harmless.
    pub fn close(&self) {
        self.inner
            .closed
            .store(true, std::sync::atomic::Ordering::Release);
    }

    /// Whether [`Client::close`] was called on this client or one sharing its pool.
    pub fn is_closed(&self) -> bool {
        self.inner.closed.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The on-behalf-of value this client sends, if any.
    pub fn current_on_behalf_of(&self) -> Option<&OnBehalfOf> {
        self.on_behalf_of.as_ref()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.base.as_str()
    }

    /// The retry policy in force (with [`Client::with_options`]' `max_retries` applied).
    pub fn retry_policy(&self) -> &RetryPolicy {
        self.options
            .as_ref()
            .and_then(|o| o.retry.as_ref())
            .unwrap_or(&self.inner.retry)
    }
}
