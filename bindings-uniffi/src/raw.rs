//! `client.request(method, path, query, bodyJson)`: the core's escape hatch to any SendGrid
//! endpoint, with JSON text in and out (parse it with the JSON library of your app).

use crate::client::Client;
use crate::errors::Result;

/// One query parameter of [`Client::request`].
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct QueryParam {
    /// Parameter name.
    pub name: String,
    /// Its value as text (`"true"`, `"100"`, …).
    pub value: String,
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// Calls any SendGrid endpoint, e.g. `request("GET", "/v3/user/account", listOf(), null)`,
    /// with the same key, on-behalf-of, pacing, retries and errors as the typed methods.
    /// `body_json` is sent as the JSON body; the answer is JSON text (`"null"` when empty).
    /// POST and PATCH are sent once unless the connection was never made.
    pub async fn request(
        &self,
        method: String,
        path: String,
        query: Vec<QueryParam>,
        body_json: Option<String>,
    ) -> Result<String> {
        let body = body_json
            .map(|b| {
                serde_json::from_str::<serde_json::Value>(&b).map_err(|e| {
                    sendgrid_admin::Error::invalid("body_json", format!("is not JSON: {e}"))
                })
            })
            .transpose()?;
        let query: Vec<(String, String)> = query.into_iter().map(|q| (q.name, q.value)).collect();
        let v = self
            .inner
            .request(&method, &path, &query, body.as_ref())
            .await?;
        Ok(v.to_string())
    }
}
