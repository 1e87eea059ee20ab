//! `client.apiKeys()`: create, list, update, delete (keys of the account the client acts as).

use std::sync::Arc;

use sendgrid_admin::api_keys::ApiKey;

use crate::errors::Result;
use crate::resource;

resource!(
    "API keys of the account this client acts as (a subuser's or customer account's own keys with on-behalf-of).",
    ApiKeys
);

/// A new API key. An object rather than a record so that its `toString()` (Kotlin) and
/// description (Swift) come from the core's redacting `Debug`: the secret is read with
/// `apiKey()` and never printed.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct CreatedApiKey(sendgrid_admin::api_keys::CreatedApiKey);

#[uniffi::export]
impl CreatedApiKey {
    /// The secret (`SG.…`): store it now, SendGrid never returns it again.
    pub fn api_key(&self) -> String {
        self.0.api_key.clone()
    }

    /// The key's id.
    pub fn api_key_id(&self) -> String {
        self.0.api_key_id.clone()
    }

    /// Its name.
    pub fn name(&self) -> String {
        self.0.name.clone()
    }

    /// Its scopes.
    pub fn scopes(&self) -> Vec<String> {
        self.0.scopes.clone()
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl ApiKeys {
    /// Creates a key (sent once, never retried); `scopes` null: SendGrid's default.
    pub async fn create(
        &self,
        name: String,
        scopes: Option<Vec<String>>,
    ) -> Result<Arc<CreatedApiKey>> {
        let k = self
            .client
            .api_keys()
            .create(&name, scopes.as_deref())
            .await?;
        Ok(Arc::new(CreatedApiKey(k)))
    }

    /// The account's keys (ids and names), at most `limit`.
    pub async fn list(&self, limit: Option<u32>) -> Result<Vec<ApiKey>> {
        Ok(self.client.api_keys().list(limit).await?)
    }

    /// Renames a key and replaces its scopes.
    pub async fn update(
        &self,
        api_key_id: String,
        name: String,
        scopes: Vec<String>,
    ) -> Result<ApiKey> {
        Ok(self
            .client
            .api_keys()
            .update(&api_key_id, &name, &scopes)
            .await?)
    }

    /// Revokes a key.
    pub async fn delete(&self, api_key_id: String) -> Result<()> {
        Ok(self.client.api_keys().delete(&api_key_id).await?)
    }
}
