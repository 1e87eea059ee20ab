//! API keys of the account a client acts as: with on-behalf-of, this is how a subuser or a
//! customer account gets its own key without a password. A created key's secret is returned
//! once; it never appears in `Debug`, in the models' JSON form, in an error or a log.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::validate;

/// An API key as listed or updated (never its secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct ApiKey {
    /// The key's id.
    pub api_key_id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its scopes (empty in listings, which do not carry them).
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub scopes: Vec<String>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// A new API key, with its secret: shown by SendGrid this once. The secret is left out of
/// `Debug` and of the JSON form (`serde`), so it cannot leak through a log or a repr; read it
/// from the `api_key` field.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct CreatedApiKey {
    /// The secret (`SG.…`). Store it now: SendGrid never returns it again.
    #[serde(skip_serializing)]
    pub api_key: String,
    /// The key's id.
    pub api_key_id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its scopes.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub scopes: Vec<String>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    pub extra: crate::extra::Extra,
}

impl std::fmt::Debug for CreatedApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedApiKey")
            .field("api_key", &"<redacted>")
            .field("api_key_id", &self.api_key_id)
            .field("name", &self.name)
            .field("scopes", &self.scopes)
            .finish()
    }
}

#[derive(Deserialize)]
struct Listing {
    #[serde(default, deserialize_with = "crate::de::null_default")]
    result: Vec<ApiKey>,
}

#[derive(Serialize)]
struct KeyBody<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scopes: Option<&'a [String]>,
}

fn check(name: &str, scopes: Option<&[String]>) -> Result<()> {
    if name.trim().is_empty() || name.chars().count() > 100 {
        return Err(Error::invalid("name", "must be 1-100 characters"));
    }
    for (i, s) in scopes.unwrap_or_default().iter().enumerate() {
        if s.trim().is_empty() || s.chars().any(char::is_whitespace) {
            return Err(Error::invalid(
                format!("scopes[{i}]"),
                "must be a scope name",
            ));
        }
    }
    Ok(())
}

/// API keys; get it from [`Client::api_keys`].
#[derive(Debug, Clone, Copy)]
pub struct ApiKeys<'a> {
    pub(crate) client: &'a Client,
}

impl ApiKeys<'_> {
    /// `POST /v3/api_keys` (201): a new key named `name` with `scopes` (`None`: SendGrid's
    /// default, full access). Sent once (a retry could create a second key).
    pub async fn create(self, name: &str, scopes: Option<&[String]>) -> Result<CreatedApiKey> {
        check(name, scopes)?;
        let req = self
            .client
            .req(Method::POST, &["api_keys"])
            .json(&KeyBody { name, scopes })?;
        self.client.fetch(req).await
    }

    /// `GET /v3/api_keys`: the account's keys (ids and names), at most `limit`.
    pub async fn list(self, limit: Option<u32>) -> Result<Vec<ApiKey>> {
        crate::validate::range("limit", limit, 1, 1000)?;
        let req = self
            .client
            .req(Method::GET, &["api_keys"])
            .query_opt("limit", limit);
        Ok(self.client.fetch::<Listing>(req).await?.result)
    }

    /// `PUT /v3/api_keys/{id}`: renames the key and replaces its scopes.
    pub async fn update(self, api_key_id: &str, name: &str, scopes: &[String]) -> Result<ApiKey> {
        validate::api_key_id("api_key_id", api_key_id)?;
        check(name, Some(scopes))?;
        let req = self
            .client
            .req(Method::PUT, &["api_keys", api_key_id])
            .json(&KeyBody {
                name,
                scopes: Some(scopes),
            })?;
        self.client.fetch(req).await
    }

    /// `DELETE /v3/api_keys/{id}` (204): revokes the key.
    pub async fn delete(self, api_key_id: &str) -> Result<()> {
        validate::api_key_id("api_key_id", api_key_id)?;
        let req = self.client.req(Method::DELETE, &["api_keys", api_key_id]);
        self.client.run(req).await
    }
}
