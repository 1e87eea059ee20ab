//! `client.websiteAccess`: enable, disable.

use napi::Result;
use napi_derive::napi;

use crate::errors::IntoNapi;
use crate::resource;

resource!("Subuser website (console) access.", WebsiteAccess);

#[napi]
impl WebsiteAccess {
    /// Allows console access.
    #[napi]
    pub async fn enable(&self, username: String) -> Result<()> {
        self.client
            .website_access()
            .enable(&username)
            .await
            .into_napi()
    }

    /// Blocks console access (sending still works).
    #[napi]
    pub async fn disable(&self, username: String) -> Result<()> {
        self.client
            .website_access()
            .disable(&username)
            .await
            .into_napi()
    }
}
