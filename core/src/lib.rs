//! # sendgrid-admin
//!
//! A typed async client for administering SendGrid accounts: subusers, their monitor settings,
//! IPs, credits, website access, statistics and reputations; teammates, their permissions and
//! subuser access; scopes and access requests. Every call can be made on behalf of a subuser
//! or a customer account through a scoped client that never leaks into other calls.
//!
//! ```no_run
//! use sendgrid_admin::{Client, OnBehalfOf, subusers::CreateSubuser, monitor::Monitor};
//!
//! # async fn run() -> sendgrid_admin::Result<()> {
//! let client = Client::builder().build()?; // reads SENDGRID_API_KEY
//! client.subusers().create(&CreateSubuser {
//!     username: "acme".into(),
//!     email: "ops@acme.example".into(),
//!     password: "correct horse battery staple".into(),
//!     ips: vec!["192.0.2.10".into()],
//!     region: None,
//!     include_region: false,
//! }).await?;
//! client.monitor().create("acme", &Monitor::new("audit@acme.example", 1000)).await?;
//! let acme = client.on_behalf_of(OnBehalfOf::subuser("acme"));
//! let scopes = acme.scopes().list().await?;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

mod builder;
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("sendgrid_admin");

pub mod accounts;
pub mod api_keys;
pub mod bulk;
mod client;
pub mod config;
pub mod credits;
pub(crate) mod de;
mod error;
pub mod extra;
mod fleet;
pub mod ips;
pub mod log;
pub mod monitor;
mod obo;
pub mod options;
mod pacing;
pub mod paging;
pub mod pid;
pub mod plain;
pub mod plan;
#[cfg(feature = "python")]
pub mod python;
pub mod ratelimit;
mod raw;
mod region;
pub mod reputations;
pub mod response_info;
mod retry;
pub mod scopes;
pub mod stats;
pub mod subusers;
pub mod teammates;
pub mod teammates_sso;
mod tls;
mod transport;
pub mod user;
pub mod validate;
pub mod website_access;
pub mod wire;

pub use builder::ClientBuilder;
pub use client::{Client, API_KEY_ENV, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, MAX_BODY_BYTES};
pub use config::ClientConfig;
pub use error::{
    ApiError, ApiErrorDetail, DecodeError, Error, ErrorInfo, ErrorKind, RateLimit, Result,
};
pub use extra::Extra;
pub use obo::OnBehalfOf;
pub use options::RequestOptions;
pub use region::Region;
pub use response_info::{RateLimitView, ResponseInfo};
pub use retry::RetryPolicy;
/// Cancels the calls of a [`Client::with_cancellation`] client (from `tokio-util`).
pub use tokio_util::sync::CancellationToken;

/// The fuzz targets' bodies and the parsers the property tests use; not a stable API.
#[doc(hidden)]
pub mod fuzzing;

/// The README's Rust quick start, compiled as a doctest so that it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

impl Client {
    /// Subusers: list, create, enable, disable, delete.
    pub fn subusers(&self) -> subusers::Subusers<'_> {
        subusers::Subusers { client: self }
    }

    /// Customer accounts (partners / resellers): provisioning, offerings, state, SSO, IPs.
    pub fn accounts(&self) -> accounts::Accounts<'_> {
        accounts::Accounts { client: self }
    }

    /// API keys of the account this client acts as (a subuser's or customer account's own
    /// keys with on-behalf-of).
    pub fn api_keys(&self) -> api_keys::ApiKeys<'_> {
        api_keys::ApiKeys { client: self }
    }

    /// Identity: who this client (or its on-behalf-of subuser or account) is.
    pub fn user(&self) -> user::User<'_> {
        user::User { client: self }
    }

    /// The IPs assigned to subusers.
    pub fn ips(&self) -> ips::Ips<'_> {
        ips::Ips { client: self }
    }

    /// Subuser sender reputations.
    pub fn reputations(&self) -> reputations::Reputations<'_> {
        reputations::Reputations { client: self }
    }

    /// Subuser email credits.
    pub fn credits(&self) -> credits::Credits<'_> {
        credits::Credits { client: self }
    }

    /// Subuser website (console) access.
    pub fn website_access(&self) -> website_access::WebsiteAccess<'_> {
        website_access::WebsiteAccess { client: self }
    }

    /// Subuser statistics.
    pub fn stats(&self) -> stats::Stats<'_> {
        stats::Stats { client: self }
    }

    /// Subuser monitor settings.
    pub fn monitor(&self) -> monitor::MonitorSettings<'_> {
        monitor::MonitorSettings { client: self }
    }

    /// Teammates, invitations and teammates' subuser access.
    pub fn teammates(&self) -> teammates::Teammates<'_> {
        teammates::Teammates { client: self }
    }

    /// Scopes and access requests.
    pub fn scopes(&self) -> scopes::Scopes<'_> {
        scopes::Scopes { client: self }
    }

    /// Bulk forms of the common jobs (enable/disable, monitors, IPs, reputations).
    pub fn bulk(&self) -> bulk::Bulk<'_> {
        bulk::Bulk { client: self }
    }
}
