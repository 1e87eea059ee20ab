//! `client.ips`: replace a subuser's IPs.

use napi::bindgen_prelude::PromiseRaw;
use napi::Env;
use napi::Result;
use napi_derive::napi;

use crate::errors::{settle, IntoNapi};
use crate::models::SubuserIps;
use crate::resource;

resource!("The IPs assigned to subusers.", Ips);

#[napi]
impl Ips {
    /// Replaces the subuser's IPs (`PUT /v3/subusers/{name}/ips`).
    #[napi]
    pub fn set<'e>(
        &self,
        env: &'e Env,
        username: String,
        ips: Vec<String>,
    ) -> Result<PromiseRaw<'e, SubuserIps>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .ips()
                .set(&username, &ips)
                .await
                .map(Into::into)
                .into_napi()
        })
    }
}
