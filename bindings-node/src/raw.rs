//! `client.request(method, path, { query, body })`: the core's escape hatch to any SendGrid
//! endpoint; here only the conversion of its options.

use napi_derive::napi;
use serde_json::Value;

use crate::errors::to_napi;

/// Options of `client.request(...)`.
#[napi(object)]
#[derive(Default)]
pub struct RequestOptions {
    /// Query parameters: string, number or boolean values.
    pub query: Option<serde_json::Map<String, Value>>,
    /// The JSON body.
    pub body: Option<Value>,
}

/// The query as pairs (booleans as `true`/`false`, as SendGrid writes them).
pub fn query(q: Option<serde_json::Map<String, Value>>) -> napi::Result<Vec<(String, String)>> {
    q.unwrap_or_default()
        .into_iter()
        .map(|(k, v)| {
            let value = match v {
                Value::String(s) => s,
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => {
                    return Err(to_napi(sendgrid_admin::Error::invalid(
                        format!("query.{k}"),
                        "must be a string, number or boolean",
                    )))
                }
            };
            Ok((k, value))
        })
        .collect()
}
