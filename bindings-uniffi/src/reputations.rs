//! `client.reputations()`: sender reputations of subusers.

use sendgrid_admin::reputations::Reputation;

use crate::errors::Result;
use crate::resource;

resource!("Subuser reputations.", Reputations);

#[uniffi::export(async_runtime = "tokio")]
impl Reputations {
    /// Reputations of 1-100 subusers.
    pub async fn list(&self, usernames: Vec<String>) -> Result<Vec<Reputation>> {
        Ok(self.client.reputations().list(&usernames).await?)
    }
}
