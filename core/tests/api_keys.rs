//! API keys on behalf of a subuser or account: the wire, and the secret kept out of Debug,
//! the JSON form and errors.
mod common;

use common::{client, expect, Wire};
use sendgrid_admin::{ErrorKind, OnBehalfOf};
use serde_json::json;
use wiremock::MockServer;

#[tokio::test]
async fn create_list_update_delete_on_behalf_of_an_account() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/api_keys").obo("account-id sg1").body(json!({"name": "mail", "scopes": ["mail.send"]})),
        201,
        Some(json!({"api_key": "SG.secret-value-123", "api_key_id": "k1", "name": "mail", "scopes": ["mail.send"]})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/api_keys")
            .obo("account-id sg1")
            .query("limit=10"),
        200,
        Some(json!({"result": [{"api_key_id": "k1", "name": "mail"}]})),
    )
    .await;
    expect(
        &s,
        Wire::new("PUT", "/v3/api_keys/k1")
            .obo("account-id sg1")
            .body(json!({"name": "mail2", "scopes": ["mail.send", "stats.read"]})),
        200,
        Some(json!({"api_key_id": "k1", "name": "mail2", "scopes": ["mail.send", "stats.read"]})),
    )
    .await;
    expect(
        &s,
        Wire::new("DELETE", "/v3/api_keys/k1").obo("account-id sg1"),
        204,
        None,
    )
    .await;
    let c = client(&s).on_behalf_of(OnBehalfOf::account("sg1"));
    let k = c
        .api_keys()
        .create("mail", Some(&["mail.send".into()]))
        .await
        .unwrap();
    assert_eq!(k.api_key, "SG.secret-value-123");
    assert!(!format!("{k:?}").contains("secret-value"));
    assert!(!serde_json::to_string(&k).unwrap().contains("secret-value"));
    let listed = c.api_keys().list(Some(10)).await.unwrap();
    assert_eq!(
        (listed[0].api_key_id.as_str(), listed[0].scopes.len()),
        ("k1", 0)
    );
    let u = c
        .api_keys()
        .update("k1", "mail2", &["mail.send".into(), "stats.read".into()])
        .await
        .unwrap();
    assert_eq!(u.scopes.len(), 2);
    c.api_keys().delete("k1").await.unwrap();
}

#[tokio::test]
async fn bad_input_is_refused_before_sending_and_creation_is_never_repeated() {
    let s = MockServer::start().await;
    let c = client(&s);
    assert_eq!(
        c.api_keys().create(" ", None).await.unwrap_err().field(),
        Some("name")
    );
    assert_eq!(
        c.api_keys()
            .create("k", Some(&["a b".into()]))
            .await
            .unwrap_err()
            .field(),
        Some("scopes[0]")
    );
    assert_eq!(
        c.api_keys().delete("").await.unwrap_err().field(),
        Some("api_key_id")
    );
    assert!(s.received_requests().await.unwrap().is_empty());
    // A 503 on create is not retried even with retries on.
    let retrying = sendgrid_admin::Client::builder()
        .api_key(common::KEY)
        .base_url(s.uri())
        .build()
        .unwrap();
    expect(
        &s,
        Wire::new("POST", "/v3/api_keys").body(json!({"name": "x"})),
        503,
        None,
    )
    .await;
    let e = retrying.api_keys().create("x", None).await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Server, 1));
}
