//! `client.websiteAccess`: enable, disable.

use napi::bindgen_prelude::PromiseRaw;
use napi::Env;
use napi::Result;
use napi_derive::napi;

use crate::errors::{settle, IntoNapi};
use crate::resource;

resource!("Subuser website (console) access.", WebsiteAccess);

#[napi]
impl WebsiteAccess {
    /// Allows console access.
    #[napi]
    pub fn enable<'e>(&self, env: &'e Env, username: String) -> Result<PromiseRaw<'e, ()>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .website_access()
                .enable(&username)
                .await
                .into_napi()
        })
    }

    /// Blocks console access (sending still works).
    #[napi]
    pub fn disable<'e>(&self, env: &'e Env, username: String) -> Result<PromiseRaw<'e, ()>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .website_access()
                .disable(&username)
                .await
                .into_napi()
        })
    }
}
