//! Retries, rate-limit waits, hostile bodies: exact behaviour against a local server.
mod common;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::KEY;
use sendgrid_admin::subusers::CreateSubuser;
use sendgrid_admin::{Client, ErrorKind, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{any, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fast_retries(server: &str, retries: u32) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(server)
        .retry_policy(RetryPolicy {
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(50),
            ..RetryPolicy::with_max_retries(retries)
        })
        .build()
        .unwrap()
}

fn sub() -> CreateSubuser {
    CreateSubuser {
        username: "acme".into(),
        email: "ops@acme.io".into(),
        password: "pw-123456".into(),
        ips: vec![],
        region: None,
        include_region: false,
    }
}

/// `n` answers of `first`, then `then` for everything else.
async fn burst(n: u64, first: ResponseTemplate, then: ResponseTemplate) -> MockServer {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(first)
        .up_to_n_times(n)
        .with_priority(1)
        .mount(&s)
        .await;
    Mock::given(any())
        .respond_with(then)
        .with_priority(2)
        .mount(&s)
        .await;
    s
}

#[tokio::test]
async fn a_5xx_burst_is_ridden_out_by_get() {
    let s = burst(
        3,
        ResponseTemplate::new(503),
        ResponseTemplate::new(200).set_body_json(json!({"scopes": ["a"]})),
    )
    .await;
    let c = fast_retries(&s.uri(), 4);
    assert_eq!(c.scopes().list().await.unwrap(), vec!["a"]);
    assert_eq!(s.received_requests().await.unwrap().len(), 4);
}

#[tokio::test]
async fn a_5xx_surfaces_for_post_without_retry() {
    let s = burst(
        1,
        ResponseTemplate::new(500),
        ResponseTemplate::new(200).set_body_json(json!({})),
    )
    .await;
    let e = fast_retries(&s.uri(), 4)
        .subusers()
        .create(&sub())
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Server, 1));
    assert_eq!(s.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn retries_stop_at_max_attempts_and_report_them() {
    let s = burst(100, ResponseTemplate::new(502), ResponseTemplate::new(200)).await;
    let e = fast_retries(&s.uri(), 2).scopes().list().await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Server, 3));
    assert!(e.to_string().contains("after 3 attempts"), "{e}");
}

#[tokio::test]
async fn a_429_post_waits_for_the_reset_given_in_seconds() {
    let limited = ResponseTemplate::new(429)
        .insert_header("x-ratelimit-reset", "1")
        .set_body_json(json!({"errors": [{"field": null, "message": "too many requests"}]}));
    let ok = ResponseTemplate::new(200)
        .set_body_json(json!({"username": "acme", "user_id": 1, "email": "ops@acme.io"}));
    let s = burst(1, limited, ok).await;
    let started = Instant::now();
    let created = fast_retries(&s.uri(), 2)
        .subusers()
        .create(&sub())
        .await
        .unwrap();
    assert_eq!(created.user_id, 1);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(950),
        "waited only {waited:?}"
    );
    assert_eq!(s.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_429_waits_for_the_reset_given_as_an_epoch() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let limited = ResponseTemplate::new(429)
        .insert_header("x-ratelimit-reset", (now + 1).to_string().as_str());
    let s = burst(
        1,
        limited,
        ResponseTemplate::new(200).set_body_json(json!({"scopes": []})),
    )
    .await;
    let started = Instant::now();
    fast_retries(&s.uri(), 2).scopes().list().await.unwrap();
    assert!(
        started.elapsed() <= Duration::from_secs(3),
        "an epoch reset must not be read as seconds"
    );
}

#[tokio::test]
async fn a_reset_beyond_the_total_wait_budget_is_returned_at_once() {
    let limited = ResponseTemplate::new(429).insert_header("x-ratelimit-reset", "500");
    let s = burst(10, limited, ResponseTemplate::new(200)).await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(s.uri())
        .retry_policy(RetryPolicy {
            max_total_wait: Duration::from_secs(5),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let started = Instant::now();
    let e = c.scopes().list().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.retry_after(), Some(Duration::from_secs(500)));
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_post() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let server =
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(150)).await;
            let l = std::net::TcpListener::bind(addr).unwrap();
            let s = MockServer::builder().listener(l).start().await;
            Mock::given(method("POST"))
                .respond_with(ResponseTemplate::new(200).set_body_json(
                    json!({"username": "acme", "user_id": 9, "email": "ops@acme.io"}),
                ))
                .expect(1)
                .mount(&s)
                .await;
            tokio::time::sleep(Duration::from_secs(3)).await;
            s
        });
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("http://{addr}"))
        .retry_policy(RetryPolicy {
            initial_backoff: Duration::from_millis(100),
            max_attempts: 8,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    assert_eq!(c.subusers().create(&sub()).await.unwrap().user_id, 9);
    server.abort();
}

#[tokio::test]
async fn hostile_bodies_are_decode_errors() {
    let huge = vec![b' '; sendgrid_admin::MAX_BODY_BYTES + 10];
    for body in [
        b"not json at all".to_vec(),
        b"[{\"id\": 1, \"usern".to_vec(),
        b"{\"wrong\": \"shape\"}".to_vec(),
        huge,
    ] {
        let s = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(200).set_body_bytes(body.clone()))
            .mount(&s)
            .await;
        let e = fast_retries(&s.uri(), 0)
            .subusers()
            .list(&Default::default())
            .await
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
        assert!(e.to_string().chars().count() < 600, "the excerpt is short");
    }
}

#[tokio::test]
async fn retry_policy_none_never_retries() {
    let s = burst(1, ResponseTemplate::new(503), ResponseTemplate::new(200)).await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(s.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(c.scopes().list().await.unwrap_err().attempts(), 1);
}
