//! Shared helpers: a wiremock server that accepts exactly one request of a given shape.
#![allow(dead_code)]

use sendgrid_admin::{Client, RetryPolicy};
use serde_json::Value;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

pub const KEY: &str = "SG.test-key-0123456789";

/// What must reach the wire.
pub struct Wire {
    pub method: &'static str,
    /// The path as sent (percent-encoded).
    pub path: &'static str,
    /// The raw query string, or None for no query.
    pub query: Option<&'static str>,
    pub body: Option<Value>,
    /// The expected on-behalf-of header, or None for its absence.
    pub obo: Option<&'static str>,
}

impl Wire {
    pub fn new(method: &'static str, path: &'static str) -> Self {
        Wire {
            method,
            path,
            query: None,
            body: None,
            obo: None,
        }
    }
    pub fn query(mut self, q: &'static str) -> Self {
        self.query = Some(q);
        self
    }
    pub fn body(mut self, b: Value) -> Self {
        self.body = Some(b);
        self
    }
    pub fn obo(mut self, o: &'static str) -> Self {
        self.obo = Some(o);
        self
    }
}

/// Explains why `req` does not match `w` (None when it matches).
pub fn mismatch(w: &Wire, req: &Request) -> Option<String> {
    let h = |n: &str| {
        req.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    if req.method.as_str() != w.method {
        return Some(format!("method {} != {}", req.method, w.method));
    }
    if req.url.path() != w.path {
        return Some(format!("path {} != {}", req.url.path(), w.path));
    }
    if req.url.query() != w.query {
        return Some(format!("query {:?} != {:?}", req.url.query(), w.query));
    }
    if h("authorization").as_deref() != Some(&format!("Bearer {KEY}")) {
        return Some("authorization".into());
    }
    if !h("user-agent")
        .unwrap_or_default()
        .starts_with("sendgrid-admin/")
    {
        return Some("user-agent".into());
    }
    if h("on-behalf-of").as_deref() != w.obo {
        return Some(format!(
            "on-behalf-of {:?} != {:?}",
            h("on-behalf-of"),
            w.obo
        ));
    }
    match &w.body {
        None if !req.body.is_empty() => return Some("unexpected body".into()),
        Some(b) => {
            let got: Value = serde_json::from_slice(&req.body).ok()?;
            if &got != b {
                return Some(format!("body {got} != {b}"));
            }
            if h("content-type").as_deref() != Some("application/json") {
                return Some("content-type".into());
            }
        }
        None => {}
    }
    None
}

/// Mounts a mock answering `status` + `resp` to exactly one request shaped like `w`.
pub async fn expect(server: &MockServer, w: Wire, status: u16, resp: Option<Value>) {
    let mut t = ResponseTemplate::new(status);
    if let Some(r) = resp {
        t = t.set_body_json(r);
    }
    Mock::given(move |req: &Request| {
        let m = mismatch(&w, req);
        if let Some(why) = &m {
            eprintln!("request did not match: {why}");
        }
        m.is_none()
    })
    .respond_with(t)
    .expect(1)
    .mount(server)
    .await;
}

pub fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client builds")
}
