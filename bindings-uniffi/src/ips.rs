//! `client.ips()`: replace a subuser's IPs.

use sendgrid_admin::ips::SubuserIps;

use crate::errors::Result;
use crate::resource;

resource!("The IPs assigned to subusers.", Ips);

#[uniffi::export(async_runtime = "tokio")]
impl Ips {
    /// Replaces the subuser's IPs.
    pub async fn set(&self, username: String, ips: Vec<String>) -> Result<SubuserIps> {
        Ok(self.client.ips().set(&username, &ips).await?)
    }
}
