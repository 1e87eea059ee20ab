//! An offline, stateful SendGrid for tests and demos: every subuser, monitor, IP, reputation,
//! credits, website-access, statistics, teammate and scopes operation of the
//! `sendgrid-admin` client, with SendGrid's paths, status codes and bodies, API-key auth,
//! on-behalf-of, rate limits and fault injection.
//!
//! ```no_run
//! # async fn run() {
//! let sandbox = sendgrid_admin_sandbox::Sandbox::start().await.unwrap();
//! let client = sendgrid_admin::Client::builder()
//!     .api_key(sandbox.api_key())
//!     .base_url(sandbox.url())
//!     .build()
//!     .unwrap();
//! # }
//! ```

// Handlers return `Result<Response, Response>` (axum's idiom); the size of `Response` is fine here.
#![allow(clippy::result_large_err)]

mod accounts;
mod api_keys;
mod control;
#[doc(hidden)]
pub mod fuzzing;
mod http;
mod ips;
pub mod journal;
pub mod operations;
pub mod quirks;
pub mod redis_server;
mod scopes;
mod stats;
mod subusers;
mod teammates;
mod teammates_sso;
mod user;
pub mod world;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::routing::{delete, get, patch, post, put};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use control::{Faults, RateLimitConfig};
use world::World;

/// The API key the sandbox accepts unless told otherwise.
pub const DEFAULT_API_KEY: &str = "SG.sandbox-key";

/// How a sandbox starts.
#[derive(Debug, Clone, clap::Args)]
pub struct SandboxConfig {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 = any free port).
    #[arg(long, default_value_t = 4010)]
    pub port: u16,
    /// API keys accepted as `Authorization: Bearer <key>` (empty: [`DEFAULT_API_KEY`]). The
    /// binaries set it from their `--api-key` flag.
    #[arg(skip)]
    pub api_keys: Vec<String>,
    /// Preload this many subusers (sub00001, sub00002, ...).
    #[arg(long, default_value_t = 0)]
    pub seed_subusers: usize,
    /// Preload this many teammates (teammate0001, ...; odd ones admins).
    #[arg(long, default_value_t = 0)]
    pub seed_teammates: usize,
    /// Requests allowed per window per key (0 = unlimited).
    #[arg(long, default_value_t = 0)]
    pub rate_limit: u64,
    /// Rate-limit window in seconds.
    #[arg(long, default_value_t = 1)]
    pub rate_window: u64,
    /// Fraction of requests answered with --error-status before being processed (0..1).
    #[arg(long, default_value_t = 0.0)]
    pub error_rate: f64,
    /// The status used by --error-rate.
    #[arg(long, default_value_t = 503)]
    pub error_status: u16,
    /// Milliseconds added to every answer.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Customer account ids accepted as `on-behalf-of: account-id <id>` (repeatable).
    #[arg(long = "customer-account")]
    pub customer_accounts: Vec<String>,
    /// The parent account's username (its owner teammate).
    #[arg(long, default_value = "sandbox-parent")]
    pub parent_username: String,
    /// Start without SendGrid's undocumented behaviours (auto-added scopes, grant baseline
    /// scopes, the 50-teammate page cap, implied subuser access): the plain shape of its spec.
    /// Each can also be switched with `POST /__sandbox/quirks`.
    #[arg(long)]
    pub no_quirks: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            host: "127.0.0.1".into(),
            port: 0,
            api_keys: vec![DEFAULT_API_KEY.into()],
            seed_subusers: 0,
            seed_teammates: 0,
            rate_limit: 0,
            rate_window: 1,
            error_rate: 0.0,
            error_status: 503,
            latency_ms: 0,
            customer_accounts: vec![],
            parent_username: "sandbox-parent".into(),
            no_quirks: false,
        }
    }
}

pub(crate) struct AppState {
    pub(crate) world: Mutex<World>,
    pub(crate) control: Mutex<control::Control>,
    pub(crate) config: SandboxConfig,
}

pub(crate) type Shared = Arc<AppState>;

pub(crate) fn fresh_world(config: &SandboxConfig) -> World {
    let mut w = World::new(&config.parent_username, &config.customer_accounts);
    if config.no_quirks {
        w.quirks = quirks::Quirks::none();
    }
    w.seed(config.seed_subusers, config.seed_teammates);
    w
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    addr: SocketAddr,
    api_key: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox on a free loopback port with the default key and no seed data.
    pub async fn start() -> std::io::Result<Sandbox> {
        Sandbox::start_with(SandboxConfig::default()).await
    }

    /// Starts a sandbox with `config`.
    pub async fn start_with(mut config: SandboxConfig) -> std::io::Result<Sandbox> {
        if config.api_keys.is_empty() {
            config.api_keys.push(DEFAULT_API_KEY.to_string());
        }
        let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
        let addr = listener.local_addr()?;
        let api_key = config.api_keys.first().cloned().unwrap_or_default();
        let app = router(config);
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Sandbox {
            addr,
            api_key,
            stop: Some(tx),
            task: Some(task),
        })
    }

    /// The base URL, e.g. `http://127.0.0.1:4010`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The first accepted API key.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Runs until the process is interrupted (for the binary and `sendgrid-admin sandbox`).
    pub async fn wait(mut self) {
        if let Some(t) = self.task.take() {
            let _ = t.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }
}

/// The axum router serving the SendGrid paths and the `/__sandbox/` control endpoints.
pub fn router(config: SandboxConfig) -> Router {
    let state: Shared = Arc::new(AppState {
        world: Mutex::new(fresh_world(&config)),
        control: Mutex::new(control::Control::from_config(&config)),
        config,
    });
    let api = Router::new()
        .route(
            "/v3/partners/accounts",
            get(accounts::list).post(accounts::create),
        )
        .route("/v3/partners/accounts/{id}", delete(accounts::delete))
        .route(
            "/v3/partners/accounts/{id}/offerings",
            get(accounts::offerings).put(accounts::set_offerings),
        )
        .route(
            "/v3/partners/accounts/{id}/state",
            get(accounts::state).put(accounts::set_state),
        )
        .route("/v3/partners/accounts/{id}/sso", post(accounts::sso))
        .route(
            "/v3/partners/accounts/{id}/ips",
            get(accounts::ips)
                .post(accounts::add_ips)
                .delete(accounts::remove_ips),
        )
        .route("/v3/partners/offerings", get(accounts::list_catalog))
        .route("/v3/api_keys", get(api_keys::list).post(api_keys::create))
        .route(
            "/v3/api_keys/{id}",
            put(api_keys::update).delete(api_keys::delete),
        )
        .route("/v3/user/account", get(user::account))
        .route("/v3/user/username", get(user::username))
        .route("/v3/subusers", get(subusers::list).post(subusers::create))
        .route("/v3/subusers/reputations", get(subusers::reputations))
        .route("/v3/subusers/stats", get(stats::list))
        .route("/v3/subusers/stats/monthly", get(stats::monthly))
        .route("/v3/subusers/stats/sums", get(stats::sums))
        .route(
            "/v3/subusers/{name}",
            patch(subusers::set_disabled).delete(subusers::delete),
        )
        .route("/v3/subusers/{name}/ips", put(subusers::set_ips))
        .route(
            "/v3/subusers/{name}/website_access",
            patch(subusers::website_access),
        )
        .route(
            "/v3/subusers/{name}/credits",
            get(subusers::credits_get).put(subusers::credits_set),
        )
        .route(
            "/v3/subusers/{name}/credits/remaining",
            patch(subusers::credits_adjust),
        )
        .route(
            "/v3/subusers/{name}/stats/monthly",
            get(stats::subuser_monthly),
        )
        .route(
            "/v3/subusers/{name}/monitor",
            get(subusers::monitor_get)
                .post(subusers::monitor_create)
                .put(subusers::monitor_update)
                .delete(subusers::monitor_delete),
        )
        .route(
            "/v3/teammates",
            get(teammates::list).post(teammates::invite),
        )
        .route("/v3/teammates/pending", get(teammates::pending))
        .route(
            "/v3/teammates/pending/{token}",
            axum::routing::delete(teammates::delete_pending),
        )
        .route(
            "/v3/teammates/pending/{token}/resend",
            post(teammates::resend),
        )
        .route(
            "/v3/teammates/{name}",
            get(teammates::get)
                .patch(teammates::update)
                .delete(teammates::delete),
        )
        .route(
            "/v3/teammates/{name}/subuser_access",
            get(teammates::subuser_access),
        )
        .route("/v3/sso/teammates", post(teammates_sso::create))
        .route("/v3/sso/teammates/{name}", patch(teammates_sso::update))
        .route("/v3/ips", get(ips::list))
        .route("/v3/send_ips/ips/{ip}/subusers", get(ips::subusers_of))
        .route(
            "/v3/send_ips/ips/{ip}/subusers:batchAdd",
            post(ips::batch_add),
        )
        .route(
            "/v3/send_ips/ips/{ip}/subusers:batchDelete",
            post(ips::batch_delete),
        )
        .route("/v3/scopes", get(scopes::list))
        .route("/v3/scopes/requests", get(scopes::requests))
        .route(
            "/v3/scopes/requests/{id}",
            axum::routing::delete(scopes::deny),
        )
        .route("/v3/scopes/requests/{id}/approve", patch(scopes::approve))
        .fallback(control::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            control::gate,
        ))
        .with_state(state.clone());
    Router::new()
        .route(
            "/__sandbox/faults",
            post(control::set_faults).delete(control::clear_faults),
        )
        .route(
            "/__sandbox/faults/{operation}",
            post(control::set_operation_faults),
        )
        .route(
            "/__sandbox/requests",
            get(control::requests).delete(control::clear_requests),
        )
        .route("/__sandbox/rate-limit", post(control::set_rate_limit))
        .route("/__sandbox/reset", post(control::reset))
        .route(
            "/__sandbox/quirks",
            post(control::set_quirks).get(control::get_quirks),
        )
        .route("/__sandbox/stats", get(control::stats))
        .with_state(state)
        .merge(api)
}
