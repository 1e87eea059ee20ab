//! `client.apiKeys`: create, list, update, delete (keys of the account the client acts as).

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use serde_json::{Map, Value};

use crate::convert::from_core;

use crate::errors::{settle, unsigned, IntoNapi};
use crate::resource;

resource!(
    "API keys of the account this client acts as (a subuser's or customer account's own keys with on-behalf-of).",
    ApiKeys
);

/// An API key as listed or updated (never its secret).
#[napi(object)]
pub struct ApiKey {
    /// The key's id.
    pub api_key_id: String,
    /// Its name.
    pub name: String,
    /// Its scopes (empty in listings).
    pub scopes: Vec<String>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(ApiKey from sendgrid_admin::api_keys::ApiKey: api_key_id, name, scopes, extra);

/// A new API key. `apiKey` (the secret, shown this once) is a getter, so `console.log` and
/// `util.inspect` of the object do not print it.
#[napi]
pub struct CreatedApiKey {
    inner: sendgrid_admin::api_keys::CreatedApiKey,
}

#[napi]
impl CreatedApiKey {
    /// The secret (`SG.…`): store it now, SendGrid never returns it again.
    #[napi(getter)]
    pub fn api_key(&self) -> String {
        self.inner.api_key.clone()
    }

    /// The key's id.
    #[napi(getter)]
    pub fn api_key_id(&self) -> String {
        self.inner.api_key_id.clone()
    }

    /// Its name.
    #[napi(getter)]
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }

    /// Its scopes.
    #[napi(getter)]
    pub fn scopes(&self) -> Vec<String> {
        self.inner.scopes.clone()
    }
}

#[napi]
impl ApiKeys {
    /// Creates a key (sent once, never retried).
    #[napi]
    pub fn create<'e>(
        &self,
        env: &'e Env,
        name: String,
        scopes: Option<Vec<String>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, CreatedApiKey>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let inner = this
                .client
                .api_keys()
                .create(&name, scopes.as_deref())
                .await
                .into_napi()?;
            Ok(CreatedApiKey { inner })
        })
    }

    /// The account's keys (ids and names), at most `limit`.
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        limit: Option<f64>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<ApiKey>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let l = unsigned("limit", limit)?;
            let keys = this.client.api_keys().list(l).await.into_napi()?;
            Ok(keys.into_iter().map(Into::into).collect())
        })
    }

    /// Renames a key and replaces its scopes.
    #[napi]
    pub fn update<'e>(
        &self,
        env: &'e Env,
        api_key_id: String,
        name: String,
        scopes: Vec<String>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ApiKey>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let k = this
                .client
                .api_keys()
                .update(&api_key_id, &name, &scopes)
                .await
                .into_napi()?;
            Ok(k.into())
        })
    }

    /// Revokes a key.
    #[napi]
    pub fn delete<'e>(
        &self,
        env: &'e Env,
        api_key_id: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client.api_keys().delete(&api_key_id).await.into_napi()
        })
    }
}
