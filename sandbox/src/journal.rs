//! The request journal: every API request the sandbox answered, in order, with the operation it
//! was, what was sent (secrets redacted), on whose behalf, the status answered and the fault
//! injected — read with `GET /__sandbox/requests`, emptied with `DELETE /__sandbox/requests` and
//! by `POST /__sandbox/reset`. A test asserts on what its code sent without a mock.

use std::collections::{HashMap, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};

use axum::http::Method;
use serde::Serialize;
use serde_json::Value;

/// The most entries kept; older ones are dropped (counted in `dropped`) so memory stays flat.
pub const JOURNAL_CAP: usize = 10_000;

/// One answered request.
#[derive(Debug, Clone, Serialize)]
pub struct JournalEntry {
    /// The `X-Request-Id` the sandbox answered with.
    pub request_id: String,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path as sent (`/v3/subusers/sub00001/monitor`).
    pub path: String,
    /// The sandbox's route for it (`/v3/subusers/{name}/monitor`); `null` for a path it does
    /// not serve.
    pub path_template: Option<String>,
    /// The client operation it is, in the core's names (`monitor.create`); `null` when none.
    pub operation: Option<String>,
    /// The query string as sent, without the `?`.
    pub query: Option<String>,
    /// The JSON body sent, with every password, secret and key field replaced by `"[redacted]"`
    /// (a body that is not JSON: `null`).
    pub body: Option<Value>,
    /// The `on-behalf-of` header as sent (`sub00001`, `account-id 42`).
    pub on_behalf_of: Option<String>,
    /// The status answered.
    pub status: u16,
    /// The fault injected instead of (or after) processing: a status (`"503"`), `"drop"`,
    /// `"reset"`, `"malformed"`, `"slow"`, `"huge"`, or `"rate_limited"` / `"unauthorized"`
    /// for the sandbox's own refusals; `null` when answered normally.
    pub fault: Option<String>,
    /// 1 for the first time this exact request (method, path, query, body, on-behalf-of) was
    /// seen, 2 for its first retry, ...
    pub attempt: u32,
}

/// The journal and the attempt counts.
#[derive(Debug, Default)]
pub(crate) struct Journal {
    entries: VecDeque<JournalEntry>,
    dropped: u64,
    seen: HashMap<u64, u32>,
}

impl Journal {
    /// The attempt number of a request with this identity (counted from 1).
    pub(crate) fn attempt(
        &mut self,
        method: &Method,
        path: &str,
        query: Option<&str>,
        body: &[u8],
        on_behalf_of: Option<&str>,
    ) -> u32 {
        let mut h = DefaultHasher::new();
        (method.as_str(), path, query, body, on_behalf_of).hash(&mut h);
        let n = self.seen.entry(h.finish()).or_default();
        *n += 1;
        *n
    }

    pub(crate) fn push(&mut self, e: JournalEntry) {
        if self.entries.len() == JOURNAL_CAP {
            self.entries.pop_front();
            self.dropped += 1;
        }
        self.entries.push_back(e);
    }

    /// The entries (of one operation, when given) and how many older ones were dropped.
    pub(crate) fn list(&self, operation: Option<&str>) -> (Vec<JournalEntry>, u64) {
        let v = self
            .entries
            .iter()
            .filter(|e| operation.is_none_or(|o| e.operation.as_deref() == Some(o)))
            .cloned()
            .collect();
        (v, self.dropped)
    }
}

/// The body as JSON with secrets replaced: any field whose name has `password` or `secret` in
/// it, or is `api_key` / `key`.
pub(crate) fn redacted(body: &[u8]) -> Option<Value> {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(o) => {
                for (k, x) in o.iter_mut() {
                    let k = k.to_ascii_lowercase();
                    if k.contains("password")
                        || k.contains("secret")
                        || k == "api_key"
                        || k == "key"
                    {
                        *x = Value::String("[redacted]".into());
                    } else {
                        walk(x);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    if body.is_empty() {
        return None;
    }
    let mut v: Value = serde_json::from_slice(body).ok()?;
    walk(&mut v);
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_at_any_depth() {
        let v =
            redacted(br#"{"username":"a","password":"pw-1","x":[{"oauth_client_secret":"s"}]}"#)
                .unwrap();
        assert_eq!(
            v,
            serde_json::json!({"username": "a", "password": "[redacted]", "x": [{"oauth_client_secret": "[redacted]"}]})
        );
        assert_eq!(redacted(b""), None);
        assert_eq!(redacted(b"not json"), None);
    }

    #[test]
    fn the_journal_keeps_the_newest_and_counts_the_dropped() {
        let mut j = Journal::default();
        for i in 0..JOURNAL_CAP + 3 {
            j.push(JournalEntry {
                request_id: format!("sbx-{i}"),
                method: "GET".into(),
                path: "/v3/ips".into(),
                path_template: Some("/v3/ips".into()),
                operation: Some("ips.list".into()),
                query: None,
                body: None,
                on_behalf_of: None,
                status: 200,
                fault: None,
                attempt: 1,
            });
        }
        let (v, dropped) = j.list(None);
        assert_eq!((v.len(), dropped), (JOURNAL_CAP, 3));
        assert_eq!(v[0].request_id, "sbx-3");
        assert!(j.list(Some("subusers.create")).0.is_empty());
    }
}
