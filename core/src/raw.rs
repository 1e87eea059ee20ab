//! [`Client::request`]: any SendGrid endpoint this library has no typed operation for, with the
//! same key, on-behalf-of, pacing, retries and typed errors as the typed operations.

use reqwest::Method;
use serde_json::Value;

use crate::client::Client;
use crate::error::{Error, Result};

/// The documented prefix of every SendGrid API path.
const PREFIX: &str = "/v3/";

/// `"/v3/user/account"` → `["user", "account"]`. Each segment is sent percent-encoded as one
/// segment (give them unencoded); a URL, a query, a fragment, `.`/`..` or an empty segment is
/// refused, so the key can only go to the client's own host and path.
fn segments(path: &str) -> Result<Vec<&str>> {
    let bad = |why: &str| Error::invalid("path", format!("{path:?} {why}"));
    let rest = path.strip_prefix(PREFIX).ok_or_else(|| {
        bad("must start with /v3/ (the path as SendGrid documents it, not a URL)")
    })?;
    if path.contains(['?', '#']) || path.chars().any(char::is_control) {
        return Err(bad(
            "must not hold a query, a fragment or control characters (pass query separately)",
        ));
    }
    let segs: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    if segs.iter().any(|s| s.is_empty() || *s == "." || *s == "..") {
        return Err(bad("must not hold empty, '.' or '..' segments"));
    }
    Ok(segs)
}

impl Client {
    /// Calls any SendGrid endpoint: `method` is GET, POST, PUT, PATCH or DELETE; `path` is the
    /// documented path (`/v3/user/account`); `query` pairs are sent in order; `body` is sent as
    /// JSON. Returns the JSON answer (`null` when empty). POST and PATCH are sent once unless
    /// the connection was never made (they may add or create); GET, PUT and DELETE are retried
    /// like the typed operations. Errors are the same typed errors.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        query: &[(String, String)],
        body: Option<&Value>,
    ) -> Result<Value> {
        let m = match method.to_ascii_uppercase().as_str() {
            "GET" => Method::GET,
            "POST" => Method::POST,
            "PUT" => Method::PUT,
            "PATCH" => Method::PATCH,
            "DELETE" => Method::DELETE,
            _ => {
                return Err(Error::invalid(
                    "method",
                    format!("{method:?} is not one of GET, POST, PUT, PATCH, DELETE"),
                ))
            }
        };
        let segs = segments(path)?;
        let once = matches!(m, Method::POST | Method::PATCH);
        let mut req = self.req(m, &segs);
        for (k, v) in query {
            req = req.query(k, v);
        }
        if let Some(b) = body {
            req = req.json(b)?;
        }
        if once {
            req = req.not_idempotent();
        }
        self.fetch_value(req).await
    }
}

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn paths_stay_on_the_clients_host() {
        assert_eq!(segments("/v3/user/account").unwrap(), ["user", "account"]);
        assert_eq!(segments("/v3/subusers/a b/").unwrap(), ["subusers", "a b"]);
        for bad in [
            "https://evil.example/v3/user",
            "//evil.example/v3/user",
            "v3/user",
            "/v2/user",
            "/v3/user?x=1",
            "/v3/user#f",
            "/v3/../admin",
            "/v3/a//b",
            "/v3/",
            "/v3/a\r\nX-Evil: 1",
        ] {
            let e = segments(bad).unwrap_err();
            assert_eq!(e.field(), Some("path"), "{bad}");
        }
    }
}
