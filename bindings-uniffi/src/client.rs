//! The `Client` object, built from a `ClientConfig` record.

use std::sync::Arc;
use std::time::Duration;

use sendgrid_admin::{Client as CoreClient, OnBehalfOf, Region};

use crate::errors::Result;

/// How a client is built; every field is optional.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct ClientConfig {
    /// API key (default: the SENDGRID_API_KEY environment variable).
    #[uniffi(default = None)]
    pub api_key: Option<String>,
    /// Global (default) or Eu.
    #[uniffi(default = None)]
    pub region: Option<Region>,
    /// A base URL instead of the region's host: the sandbox, a proxy.
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Act as this subuser on every call.
    #[uniffi(default = None)]
    pub on_behalf_of: Option<String>,
    /// Act as this customer account on every call (not together with `on_behalf_of`).
    #[uniffi(default = None)]
    pub account_id: Option<String>,
    /// Total timeout of one attempt in ms (default 30000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Connect timeout in ms (default 10000).
    #[uniffi(default = None)]
    pub connect_timeout_ms: Option<u64>,
    /// Retries after the first attempt (default 4).
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
    /// Share pacing with every process using the same key through Redis, e.g.
    /// "redis://127.0.0.1:6379/0" (default: each client paces on its own).
    #[uniffi(default = None)]
    pub rate_limit_store: Option<String>,
    /// Allow a plain `http://` base URL to another machine (default false: the API key would
    /// travel in clear text; loopback is always allowed).
    #[uniffi(default = None)]
    pub allow_insecure_http: Option<bool>,
    /// Your application in the user agent, e.g. "billing-sync/2.3".
    #[uniffi(default = None)]
    pub app_name: Option<String>,
    /// Send every request through this proxy, e.g. "http://proxy.internal:3128" (credentials in
    /// the URL are never shown). Without it HTTPS_PROXY / ALL_PROXY / NO_PROXY apply.
    #[uniffi(default = None)]
    pub proxy: Option<String>,
    /// Path of a PEM file of certificate authorities to trust besides the platform's.
    #[uniffi(default = None)]
    pub ca_bundle: Option<String>,
}

/// What `with_options` changes; every field is optional (unset keeps the client's setting).
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct CallOptions {
    /// Total timeout of one attempt in ms (more than 0).
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt (0 = none).
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
    /// Extra headers sent on every call; `authorization` and `on-behalf-of` are refused.
    #[uniffi(default = None)]
    pub headers: Option<std::collections::HashMap<String, String>>,
}

/// The last HTTP answer a client received (`lastResponse()`).
#[derive(Debug, Clone, uniffi::Record)]
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
    /// `X-RateLimit-Limit` of the answer.
    pub rate_limit_limit: Option<u64>,
    /// `X-RateLimit-Remaining` of the answer.
    pub rate_limit_remaining: Option<u64>,
    /// `X-RateLimit-Reset` of the answer, as sent (epoch seconds).
    pub rate_limit_reset: Option<u64>,
    /// The answer's headers, names in lower case.
    pub headers: std::collections::HashMap<String, String>,
}

/// A client's current view of its rate limit (`rateLimit()`).
#[derive(Debug, Clone, uniffi::Record)]
pub struct RateLimitView {
    /// `X-RateLimit-Limit` of the current window.
    pub limit: Option<u64>,
    /// The smallest `X-RateLimit-Remaining` seen in the current window.
    pub remaining: Option<u64>,
    /// Milliseconds until the current window resets.
    pub reset_in_ms: Option<u64>,
    /// Requests sent and not answered yet.
    pub in_flight: u64,
}

/// The SendGrid admin client. Scoped clients from `on_behalf_of` / `for_account` share its
/// connections and leave it unchanged.
#[derive(Debug, uniffi::Object)]
pub struct Client {
    pub(crate) inner: CoreClient,
}

fn wrap(inner: CoreClient) -> Arc<Client> {
    Arc::new(Client { inner })
}

#[uniffi::export]
impl Client {
    /// Builds a client; bad settings are an `InvalidInput` error.
    #[uniffi::constructor]
    pub fn new(config: ClientConfig) -> Result<Arc<Self>> {
        let core = sendgrid_admin::ClientConfig {
            api_key: config.api_key,
            region: config.region.map(|r| r.as_str().to_string()),
            base_url: config.base_url,
            on_behalf_of: config.on_behalf_of,
            account_id: config.account_id,
            timeout: config.timeout_ms.map(Duration::from_millis),
            connect_timeout: config.connect_timeout_ms.map(Duration::from_millis),
            max_retries: config.max_retries,
            rate_limit_store: config.rate_limit_store,
            user_agent_suffix: Some("uniffi".into()),
            app_name: config.app_name,
            allow_insecure_http: config.allow_insecure_http,
            proxy: config.proxy,
            ca_bundle: config.ca_bundle,
        };
        Ok(wrap(core.build()?))
    }

    /// A client acting as this subuser (`on-behalf-of: <username>`).
    pub fn on_behalf_of(&self, username: String) -> Arc<Client> {
        wrap(self.inner.on_behalf_of(OnBehalfOf::subuser(username)))
    }

    /// A client acting as this customer account (`on-behalf-of: account-id <id>`).
    pub fn for_account(&self, account_id: String) -> Arc<Client> {
        wrap(self.inner.on_behalf_of(OnBehalfOf::account(account_id)))
    }

    /// A client acting as the parent (no on-behalf-of).
    pub fn as_parent(&self) -> Arc<Client> {
        wrap(self.inner.as_parent())
    }

    /// A client with its own timeout, retries and extra headers, sharing this one's
    /// connections, pacing and on-behalf-of; this one is unchanged. Cheap enough per call.
    /// A zero timeout or a header that cannot be sent is an `InvalidInput` error. (Cancel a
    /// call by cancelling its coroutine or task: the request is dropped.)
    pub fn with_options(&self, options: CallOptions) -> Result<Arc<Client>> {
        let mut headers: Vec<(String, String)> =
            options.headers.unwrap_or_default().into_iter().collect();
        headers.sort();
        let o = sendgrid_admin::RequestOptions {
            timeout: options.timeout_ms.map(Duration::from_millis),
            max_retries: options.max_retries,
            headers,
        };
        Ok(wrap(self.inner.with_options(&o)?))
    }

    /// The last HTTP answer received through this client; null before any. Scoped and
    /// `withOptions` clients keep their own.
    pub fn last_response(&self) -> Option<ResponseInfo> {
        self.inner.last_response().map(|r| ResponseInfo {
            method: r.method,
            path: r.path,
            status: r.status,
            request_id: r.request_id,
            attempts: r.attempts,
            rate_limit_limit: r.rate_limit.limit,
            rate_limit_remaining: r.rate_limit.remaining,
            rate_limit_reset: r.rate_limit.reset,
            headers: r.headers.into_iter().collect(),
        })
    }

    /// The client's current view of its rate limit, shared by every client of its pool; null
    /// when pacing is off or the limit lives in a Redis store.
    pub fn rate_limit(&self) -> Option<RateLimitView> {
        self.inner.rate_limit().map(|v| RateLimitView {
            limit: v.limit,
            remaining: v.remaining,
            reset_in_ms: v
                .reset_in
                .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
            in_flight: v.in_flight,
        })
    }

    /// The total timeout of one attempt, in ms.
    pub fn timeout_ms(&self) -> u64 {
        u64::try_from(self.inner.timeout().as_millis()).unwrap_or(u64::MAX)
    }

    /// Retries after a call's first attempt.
    pub fn max_retries(&self) -> u32 {
        self.inner.retry_policy().max_attempts.saturating_sub(1)
    }

    /// The on-behalf-of header value this client sends, if any.
    pub fn current_on_behalf_of(&self) -> Option<String> {
        self.inner.current_on_behalf_of().map(|o| o.to_string())
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_string()
    }

    /// Subusers: list, iter_all, create, enable, disable, delete.
    pub fn subusers(&self) -> Arc<crate::subusers::Subusers> {
        Arc::new(crate::subusers::Subusers {
            client: self.inner.clone(),
        })
    }

    /// Customer accounts (partners / resellers): provisioning, offerings, state, SSO, IPs.
    pub fn accounts(&self) -> Arc<crate::accounts::Accounts> {
        Arc::new(crate::accounts::Accounts {
            client: self.inner.clone(),
        })
    }

    /// API keys of the account this client acts as.
    pub fn api_keys(&self) -> Arc<crate::api_keys::ApiKeys> {
        Arc::new(crate::api_keys::ApiKeys {
            client: self.inner.clone(),
        })
    }

    /// Identity: who this client (or its on-behalf-of subuser or account) is.
    pub fn user(&self) -> Arc<crate::user::User> {
        Arc::new(crate::user::User {
            client: self.inner.clone(),
        })
    }

    /// The IPs assigned to subusers.
    pub fn ips(&self) -> Arc<crate::ips::Ips> {
        Arc::new(crate::ips::Ips {
            client: self.inner.clone(),
        })
    }

    /// Subuser reputations.
    pub fn reputations(&self) -> Arc<crate::reputations::Reputations> {
        Arc::new(crate::reputations::Reputations {
            client: self.inner.clone(),
        })
    }

    /// Subuser credits.
    pub fn credits(&self) -> Arc<crate::credits::Credits> {
        Arc::new(crate::credits::Credits {
            client: self.inner.clone(),
        })
    }

    /// Subuser website access.
    pub fn website_access(&self) -> Arc<crate::website_access::WebsiteAccess> {
        Arc::new(crate::website_access::WebsiteAccess {
            client: self.inner.clone(),
        })
    }

    /// Subuser statistics.
    pub fn stats(&self) -> Arc<crate::stats::Stats> {
        Arc::new(crate::stats::Stats {
            client: self.inner.clone(),
        })
    }

    /// Subuser monitor settings.
    pub fn monitor(&self) -> Arc<crate::monitor::MonitorSettings> {
        Arc::new(crate::monitor::MonitorSettings {
            client: self.inner.clone(),
        })
    }

    /// Teammates, invitations and subuser access.
    pub fn teammates(&self) -> Arc<crate::teammates::Teammates> {
        Arc::new(crate::teammates::Teammates {
            client: self.inner.clone(),
        })
    }

    /// Scopes and access requests.
    pub fn scopes(&self) -> Arc<crate::scopes::Scopes> {
        Arc::new(crate::scopes::Scopes {
            client: self.inner.clone(),
        })
    }

    /// Bulk jobs with per-item results.
    pub fn bulk(&self) -> Arc<crate::bulk::Bulk> {
        Arc::new(crate::bulk::Bulk {
            client: self.inner.clone(),
        })
    }
}
