//! Subuser sender reputations.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::validate;

/// The most usernames sent in one reputations request; bulk helpers chunk longer lists.
pub const MAX_USERNAMES_PER_REQUEST: usize = 100;

/// A subuser's reputation, 0–100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Reputation {
    /// Username.
    pub username: String,
    /// Reputation score (a percentage).
    pub reputation: f64,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Reputations; get it from [`Client::reputations`].
#[derive(Debug, Clone, Copy)]
pub struct Reputations<'a> {
    pub(crate) client: &'a Client,
}

impl Reputations<'_> {
    /// `GET /v3/subusers/reputations?usernames=a&usernames=b`: 1–100 usernames, each sent as a
    /// repeated `usernames` parameter.
    pub async fn list(self, usernames: &[String]) -> Result<Vec<Reputation>> {
        self.client.parent_only("reputations.list")?;
        validate::usernames("usernames", usernames, 1, MAX_USERNAMES_PER_REQUEST)?;
        let mut req = self.client.req(Method::GET, &["subusers", "reputations"]);
        for u in usernames {
            req = req.query("usernames", u);
        }
        self.client.fetch(req).await
    }
}
