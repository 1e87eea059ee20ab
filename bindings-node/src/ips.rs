//! `client.ips`: replace a subuser's IPs.

use napi::Result;
use napi_derive::napi;

use crate::errors::IntoNapi;
use crate::models::SubuserIps;
use crate::resource;

resource!("The IPs assigned to subusers.", Ips);

#[napi]
impl Ips {
    /// Replaces the subuser's IPs (`PUT /v3/subusers/{name}/ips`).
    #[napi]
    pub async fn set(&self, username: String, ips: Vec<String>) -> Result<SubuserIps> {
        self.client
            .ips()
            .set(&username, &ips)
            .await
            .map(Into::into)
            .into_napi()
    }
}
