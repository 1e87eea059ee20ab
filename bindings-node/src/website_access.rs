//! `client.websiteAccess`: enable, disable.

use napi::bindgen_prelude::{Object, PromiseRaw};
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
    pub fn enable<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .website_access()
                .enable(&username)
                .await
                .into_napi()
        })
    }

    /// Blocks console access (sending still works).
    #[napi]
    pub fn disable<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .website_access()
                .disable(&username)
                .await
                .into_napi()
        })
    }
}
