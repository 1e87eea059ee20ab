//! Identity: who the key (or the on-behalf-of subuser or customer account) is. Both calls
//! honour on-behalf-of, so a scoped client answers "who am I acting as".

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;

/// The account's plan and sender reputation (`GET /v3/user/account`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct UserAccount {
    /// `"free"` or `"paid"` (a later value is kept as sent).
    pub r#type: String,
    /// Sender reputation, 0-100.
    #[serde(default)]
    pub reputation: f64,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// The account's username and numeric id (`GET /v3/user/username`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct UserName {
    /// Username.
    pub username: String,
    /// Numeric user id.
    #[serde(deserialize_with = "crate::de::u64_lenient")]
    pub user_id: u64,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Identity; get it from [`Client::user`].
#[derive(Debug, Clone, Copy)]
pub struct User<'a> {
    pub(crate) client: &'a Client,
}

impl User<'_> {
    /// `GET /v3/user/account`: plan and reputation of the account this client acts as.
    pub async fn account(self) -> Result<UserAccount> {
        let req = self.client.req(Method::GET, &["user", "account"]);
        self.client.fetch(req).await
    }

    /// `GET /v3/user/username`: username and id of the account this client acts as.
    pub async fn username(self) -> Result<UserName> {
        let req = self.client.req(Method::GET, &["user", "username"]);
        self.client.fetch(req).await
    }
}
