//! The request journal and faults aimed at one operation, driven through the real client: what
//! a user's test asserts on instead of a mock.

use std::time::Duration;

use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::subusers::CreateSubuser;
use sendgrid_admin::{Client, ErrorKind, OnBehalfOf, RetryPolicy};
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde_json::{json, Value};

fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

async fn start() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        port: 0,
        seed_subusers: 2,
        ..Default::default()
    })
    .await
    .unwrap()
}

fn client(sb: &Sandbox, retry: RetryPolicy) -> Client {
    Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .retry_policy(retry)
        .build()
        .unwrap()
}

fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(5),
        ..RetryPolicy::default()
    }
}

async fn journal(sb: &Sandbox, operation: Option<&str>) -> Vec<Value> {
    let mut url = format!("{}/__sandbox/requests", sb.url());
    if let Some(o) = operation {
        url.push_str(&format!("?operation={o}"));
    }
    let v: Value = http().get(url).send().await.unwrap().json().await.unwrap();
    v["requests"].as_array().unwrap().clone()
}

fn subuser(name: &str) -> CreateSubuser {
    CreateSubuser {
        username: name.into(),
        email: format!("{name}@example.com"),
        password: "pw-secret-123".into(),
        ips: vec!["192.0.2.1".into()],
        region: None,
        include_region: false,
    }
}

#[tokio::test]
async fn the_journal_lists_each_call_with_its_operation_body_and_on_behalf_of() {
    let sb = start().await;
    let c = client(&sb, RetryPolicy::none());
    c.subusers().create(&subuser("acme")).await.unwrap();
    c.monitor()
        .create("acme", &Monitor::new("ops@acme.example", 50))
        .await
        .unwrap();
    let scoped = c.on_behalf_of(OnBehalfOf::subuser("acme"));
    scoped.user().account().await.unwrap();
    c.subusers().disable("acme").await.unwrap();

    let all = journal(&sb, None).await;
    let ops: Vec<&str> = all
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        ops,
        [
            "subusers.create",
            "monitor.create",
            "user.account",
            "subusers.disable"
        ]
    );
    let create = &all[0];
    assert_eq!(create["method"], "POST");
    assert_eq!(create["path_template"], "/v3/subusers");
    assert_eq!(create["status"], 200);
    assert_eq!(create["attempt"], 1);
    assert_eq!(create["body"]["username"], "acme");
    assert_eq!(
        create["body"]["password"], "[redacted]",
        "never the password"
    );
    assert!(!serde_json::to_string(&all)
        .unwrap()
        .contains("pw-secret-123"));
    assert_eq!(all[1]["path"], "/v3/subusers/acme/monitor");
    assert_eq!(all[1]["path_template"], "/v3/subusers/{name}/monitor");
    assert_eq!(all[2]["on_behalf_of"], "acme");
    assert!(all[0]["on_behalf_of"].is_null());
    assert!(all.iter().all(|e| e["fault"].is_null()));

    let monitor = journal(&sb, Some("monitor.create")).await;
    assert_eq!(monitor.len(), 1);
    let r = http()
        .delete(format!("{}/__sandbox/requests", sb.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(journal(&sb, None).await.is_empty());
}

#[tokio::test]
async fn a_fault_aimed_at_one_operation_hits_only_it_and_the_retry_shows_as_attempt_2() {
    let sb = start().await;
    let r = http()
        .post(format!("{}/__sandbox/faults/subusers.list", sb.url()))
        .json(&json!({"sequence": [503]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let c = client(&sb, quick_retries());
    // Another operation first: the aimed fault waits for its own.
    c.user().account().await.unwrap();
    c.subusers().list(&Default::default()).await.unwrap();

    let listed = journal(&sb, Some("subusers.list")).await;
    let seen: Vec<(u64, u64, Option<&str>)> = listed
        .iter()
        .map(|e| {
            (
                e["status"].as_u64().unwrap(),
                e["attempt"].as_u64().unwrap(),
                e["fault"].as_str(),
            )
        })
        .collect();
    assert_eq!(seen, [(503, 1, Some("503")), (200, 2, None)]);
    let account = journal(&sb, Some("user.account")).await;
    assert_eq!(account.len(), 1);
    assert!(account[0]["fault"].is_null());
    // A create is not retried by the client (not idempotent): one 503, attempt 1.
    http()
        .post(format!("{}/__sandbox/faults/subusers.create", sb.url()))
        .json(&json!({"sequence": [503]}))
        .send()
        .await
        .unwrap();
    let e = c.subusers().create(&subuser("acme")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server);
    assert_eq!(journal(&sb, Some("subusers.create")).await.len(), 1);
}

#[tokio::test]
async fn an_unknown_operation_is_refused_naming_the_known_ones() {
    let sb = start().await;
    let r = http()
        .post(format!("{}/__sandbox/faults/subusers.craete", sb.url()))
        .json(&json!({"sequence": [503]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("subusers.craete") && body.contains("subusers.create"),
        "{body}"
    );
    // Nothing was set: the next create succeeds.
    let c = client(&sb, RetryPolicy::none());
    c.subusers().create(&subuser("acme")).await.unwrap();
}

#[tokio::test]
async fn refusals_of_the_sandbox_itself_are_journaled_too() {
    let sb = start().await;
    let wrong = Client::builder()
        .api_key("SG.wrong")
        .base_url(sb.url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let e = wrong.user().account().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    let all = journal(&sb, None).await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["status"], 401);
    assert_eq!(all[0]["fault"], "unauthorized");
    assert_eq!(all[0]["operation"], "user.account");
}
