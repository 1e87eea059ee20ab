//! `client.website_access()`: enable, disable.

use crate::errors::Result;
use crate::resource;

resource!("Subuser website (console) access.", WebsiteAccess);

#[uniffi::export(async_runtime = "tokio")]
impl WebsiteAccess {
    /// Allows console access.
    pub async fn enable(&self, username: String) -> Result<()> {
        Ok(self.client.website_access().enable(&username).await?)
    }

    /// Blocks console access (sending still works).
    pub async fn disable(&self, username: String) -> Result<()> {
        Ok(self.client.website_access().disable(&username).await?)
    }
}
