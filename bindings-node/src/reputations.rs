//! `client.reputations`: sender reputations of subusers.

use napi::bindgen_prelude::PromiseRaw;
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
    ) -> Result<PromiseRaw<'e, Vec<Reputation>>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .reputations()
                .list(&usernames)
                .await
                .map(all)
                .into_napi()
        })
    }
}
