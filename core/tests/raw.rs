//! `Client::request`, the escape hatch: the exact request on the wire, the answer as JSON, the
//! same errors, on-behalf-of and refusals as the typed operations.
mod common;

use common::{client, expect, Wire};
use sendgrid_admin::{ErrorKind, OnBehalfOf};
use serde_json::json;
use wiremock::MockServer;

#[tokio::test]
async fn get_with_query_and_on_behalf_of_returns_the_json_answer() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/user/account")
            .query("a=1&b=x+y")
            .obo("acme"),
        200,
        Some(json!({"type": "paid", "reputation": 99.5})),
    )
    .await;
    let got = client(&s)
        .on_behalf_of(OnBehalfOf::subuser("acme"))
        .request(
            "get",
            "/v3/user/account",
            &[("a".into(), "1".into()), ("b".into(), "x y".into())],
            None,
        )
        .await
        .unwrap();
    assert_eq!(got, json!({"type": "paid", "reputation": 99.5}));
}

#[tokio::test]
async fn post_sends_the_body_once_and_an_empty_answer_is_null() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/api_keys").body(json!({"name": "ci", "scopes": ["mail.send"]})),
        204,
        None,
    )
    .await;
    let body = json!({"name": "ci", "scopes": ["mail.send"]});
    let got = client(&s)
        .request("POST", "/v3/api_keys", &[], Some(&body))
        .await
        .unwrap();
    assert_eq!(got, serde_json::Value::Null);
}

#[tokio::test]
async fn errors_are_the_typed_errors_and_bad_input_sends_nothing() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("DELETE", "/v3/api_keys/k1"),
        404,
        Some(json!({"errors": [{"field": null, "message": "not found"}]})),
    )
    .await;
    let c = client(&s);
    let e = c
        .request("DELETE", "/v3/api_keys/k1", &[], None)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.errors()[0].message, "not found");
    for (method, path, field) in [
        ("TRACE", "/v3/user/account", "method"),
        ("GET", "https://evil.example/v3/user/account", "path"),
        ("GET", "/v3/../v2/x", "path"),
    ] {
        let e = c.request(method, path, &[], None).await.unwrap_err();
        assert_eq!(e.field(), Some(field), "{method} {path}");
    }
    // Only the one DELETE reached the server.
    assert_eq!(s.received_requests().await.unwrap_or_default().len(), 1);
}
