//! `client.reputations`: sender reputations of subusers.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;

use crate::errors::{settle, IntoNapi};
use crate::models::{all, Reputation};
use crate::resource;

resource!("Subuser reputations.", Reputations);

#[napi]
impl Reputations {
    /// Reputations of 1-100 subusers (one request, repeated `usernames=`).
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        usernames: Vec<String>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<Reputation>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .reputations()
                .list(&usernames)
                .await
                .map(all)
                .into_napi()
        })
    }
}
