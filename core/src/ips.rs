//! The IPs assigned to a subuser.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::validate;

/// The IPs a subuser may send from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct SubuserIps {
    /// IPv4 addresses.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub ips: Vec<String>,
}

/// Subuser IP assignment; get it from [`Client::ips`].
#[derive(Debug, Clone, Copy)]
pub struct Ips<'a> {
    pub(crate) client: &'a Client,
}

impl Ips<'_> {
    /// `PUT /v3/subusers/{name}/ips`: replaces the subuser's IPs (the body is a bare JSON array).
    pub async fn set(self, username: &str, ips: &[String]) -> Result<SubuserIps> {
        self.client.parent_only("ips.set")?;
        validate::username("username", username)?;
        validate::ipv4_list("ips", ips)?;
        let req = self
            .client
            .req(Method::PUT, &["subusers", username, "ips"])
            .json(ips)?;
        self.client.fetch(req).await
    }
}
