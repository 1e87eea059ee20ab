//! `last_response` and `rate_limit`: what a client's calls left behind.

mod common;

use sendgrid_admin::{Client, ErrorKind, OnBehalfOf};
use serde_json::json;
use wiremock::matchers::{any, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_last_answer_and_the_rate_limit_view_are_exposed() {
    let s = MockServer::start().await;
    let reset = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 30;
    Mock::given(path("/v3/subusers/acme/monitor"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-request-id", "req-1")
                .insert_header("x-ratelimit-limit", "600")
                .insert_header("x-ratelimit-remaining", "599")
                .insert_header("x-ratelimit-reset", reset.to_string().as_str())
                .set_body_json(json!({"email": "a@example.com", "frequency": 5})),
        )
        .mount(&s)
        .await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-request-id", "req-2")
                .set_body_json(json!({"errors": [{"message": "not found"}]})),
        )
        .mount(&s)
        .await;
    let c = Client::builder()
        .api_key(common::KEY)
        .base_url(s.uri())
        .build()
        .unwrap();
    assert!(c.last_response().is_none());
    c.monitor().get("acme").await.unwrap();
    let r = c.last_response().unwrap();
    assert_eq!(
        (r.method.as_str(), r.path.as_str(), r.status, r.attempts),
        ("GET", "/v3/subusers/acme/monitor", 200, 1)
    );
    assert_eq!(r.request_id.as_deref(), Some("req-1"));
    assert_eq!(
        (r.rate_limit.limit, r.rate_limit.remaining),
        (Some(600), Some(599))
    );
    assert!(r
        .headers
        .iter()
        .any(|(k, v)| k == "x-request-id" && v == "req-1"));
    let view = c.rate_limit().unwrap();
    assert_eq!(
        (view.limit, view.remaining, view.in_flight),
        (Some(600), Some(599), 0)
    );
    assert!(view.reset_in.unwrap().as_secs() <= 30);

    // An error answer is recorded too; a scoped client has its own record, shares the view.
    let scoped = c.on_behalf_of(OnBehalfOf::subuser("acme"));
    assert!(scoped.last_response().is_none());
    let e = c.monitor().get("nobody").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(c.last_response().unwrap().status, 404);
    assert_eq!(scoped.rate_limit().unwrap().limit, Some(600));
}
