//! Shared helpers of the declarative tests: a seeded sandbox, a client of it, an apply that
//! must succeed, and the sandbox's control endpoints.
#![allow(dead_code)]

use sendgrid_admin::bulk::BulkOptions;
use sendgrid_admin::plan::Plan;
use sendgrid_admin::Client;
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};

/// A sandbox on a free port with `subusers` and `teammates` seeded (SendGrid's quirks on).
pub async fn sandbox(subusers: usize, teammates: usize) -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        port: 0,
        seed_subusers: subusers,
        seed_teammates: teammates,
        ..Default::default()
    })
    .await
    .unwrap()
}

/// A client of `sb`.
pub fn client(sb: &Sandbox) -> Client {
    Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .build()
        .unwrap()
}

/// Applies `plan`; every change must succeed.
pub async fn apply_all(c: &Client, plan: &Plan) {
    for out in c.apply(plan, &BulkOptions::default()).await {
        if let Err(e) = out.result {
            panic!("{} {}: {e}", out.item.key, e.kind());
        }
    }
}

/// A plain HTTP client for the sandbox's control endpoints.
pub fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

/// Posts `body` to the sandbox's control endpoint `/__sandbox/<name>`.
pub async fn control(sb: &Sandbox, name: &str, body: serde_json::Value) {
    http()
        .post(format!("{}/__sandbox/{name}", sb.url()))
        .json(&body)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
}
