//! Monitor, teammates and scopes operations: the exact request and the decoded answer,
//! with on-behalf-of where SendGrid declares it.
mod common;

use common::{client, expect, Wire};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::scopes::ListAccessRequests;
use sendgrid_admin::teammates::{
    InviteTeammate, ListTeammates, PermissionType, Permissions, SubuserAccessQuery, UserType,
};
use sendgrid_admin::OnBehalfOf;
use serde_json::json;
use wiremock::MockServer;

#[tokio::test]
async fn monitor_get_create_update_delete() {
    let s = MockServer::start().await;
    let m = json!({"email": "audit@acme.io", "frequency": 500});
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/acme/monitor"),
        200,
        Some(json!({"email": "audit@acme.io", "frequency": 500.0})),
    )
    .await;
    expect(
        &s,
        Wire::new("POST", "/v3/subusers/acme/monitor").body(m.clone()),
        200,
        Some(m.clone()),
    )
    .await;
    expect(
        &s,
        Wire::new("PUT", "/v3/subusers/acme/monitor")
            .body(json!({"email": "audit@acme.io", "frequency": 10})),
        200,
        Some(json!({"email": "audit@acme.io", "frequency": 10})),
    )
    .await;
    expect(
        &s,
        Wire::new("DELETE", "/v3/subusers/acme/monitor"),
        204,
        None,
    )
    .await;
    let c = client(&s);
    let want = Monitor::new("audit@acme.io", 500);
    assert_eq!(c.monitor().get("acme").await.unwrap(), want);
    assert_eq!(c.monitor().create("acme", &want).await.unwrap(), want);
    let upd = Monitor {
        frequency: 10,
        ..want
    };
    assert_eq!(
        c.monitor().update("acme", &upd).await.unwrap().frequency,
        10
    );
    c.monitor().delete("acme").await.unwrap();
}

#[tokio::test]
async fn teammates_list_reads_result_and_results() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/teammates").query("limit=2&offset=4").obo("acme"),
        200,
        Some(json!({"results": [{"username": "t1", "email": "t1@x.io", "user_type": "admin", "is_admin": true, "company": "X"}]})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/teammates"),
        200,
        Some(json!({"result": [{"username": "t2", "email": "t2@x.io", "user_type": "teammate", "is_admin": false, "phone": null}]})),
    )
    .await;
    let c = client(&s);
    let scoped = c.on_behalf_of(OnBehalfOf::subuser("acme"));
    let got = scoped
        .teammates()
        .list(&ListTeammates {
            limit: Some(2),
            offset: Some(4),
        })
        .await
        .unwrap();
    assert_eq!(
        (got[0].username.as_str(), got[0].user_type.clone()),
        ("t1", Some(UserType::Admin))
    );
    let got = c.teammates().list(&Default::default()).await.unwrap();
    assert_eq!(got[0].username, "t2");
}

#[tokio::test]
async fn teammate_get_with_account_id() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/teammates/t1").obo("account-id 42"),
        200,
        Some(json!({"username": "t1", "email": "t1@x.io", "scopes": ["mail.send", 7], "is_admin": false})),
    )
    .await;
    let got = client(&s)
        .on_behalf_of(OnBehalfOf::account("42"))
        .teammates()
        .get("t1")
        .await
        .unwrap();
    assert_eq!(got.scopes, vec!["mail.send", "7"]);
}

#[tokio::test]
async fn invite_answers_201_and_reads_pending_id() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/teammates").body(json!({"email": "new@x.io", "scopes": ["stats.read"], "is_admin": false})),
        201,
        Some(json!({"pending_id": "tok1", "email": "new@x.io", "scopes": ["stats.read"], "is_admin": false})),
    )
    .await;
    let inv = client(&s)
        .teammates()
        .invite(&InviteTeammate {
            email: "new@x.io".into(),
            scopes: vec!["stats.read".into()],
            is_admin: false,
        })
        .await
        .unwrap();
    assert_eq!(inv.token, "tok1");
}

#[tokio::test]
async fn update_permissions_patches() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/teammates/t1").body(json!({"scopes": [], "is_admin": true})),
        200,
        Some(json!({"username": "t1", "is_admin": true, "user_type": "admin", "scopes": []})),
    )
    .await;
    let got = client(&s)
        .teammates()
        .update_permissions("t1", &Permissions::admin())
        .await
        .unwrap();
    assert!(got.is_admin);
}

#[tokio::test]
async fn delete_teammate_and_pending() {
    let s = MockServer::start().await;
    expect(&s, Wire::new("DELETE", "/v3/teammates/t1"), 204, None).await;
    expect(
        &s,
        Wire::new("DELETE", "/v3/teammates/pending/tok%2F1"),
        204,
        None,
    )
    .await;
    let c = client(&s);
    c.teammates().delete("t1").await.unwrap();
    c.teammates().delete_pending("tok/1").await.unwrap();
}

#[tokio::test]
async fn pending_list_and_resend() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/teammates/pending"),
        200,
        Some(json!({"result": [{"email": "p@x.io", "scopes": ["a.read"], "is_admin": false, "token": "tok1", "expiration_date": 1767225600}]})),
    )
    .await;
    expect(
        &s,
        Wire::new("POST", "/v3/teammates/pending/tok1/resend"),
        200,
        Some(json!({"token": "tok1", "email": "p@x.io", "scopes": ["a.read"], "is_admin": false})),
    )
    .await;
    let c = client(&s);
    let p = c.teammates().list_pending().await.unwrap();
    assert_eq!(
        (p[0].token.as_str(), p[0].expiration_date),
        ("tok1", Some(1767225600))
    );
    assert_eq!(
        c.teammates().resend_invite("tok1").await.unwrap().email,
        "p@x.io"
    );
}

#[tokio::test]
async fn subuser_access_pages_with_the_cursor() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/teammates/t1/subuser_access")
            .query("after_subuser_id=10&limit=2&username=acme"),
        200,
        Some(json!({
            "has_restricted_subuser_access": true,
            "subuser_access": [{"id": 11, "username": "acme", "email": "a@x.io", "disabled": false,
                                "permission_type": "restricted", "scopes": ["stats.read"]}],
            "_metadata": {"next_params": {"limit": 2, "after_subuser_id": 11, "username": "acme"}}
        })),
    )
    .await;
    let q = SubuserAccessQuery {
        after_subuser_id: Some(10),
        limit: Some(2),
        username: Some("acme".into()),
    };
    let page = client(&s)
        .teammates()
        .subuser_access("t1", &q)
        .await
        .unwrap();
    assert_eq!(
        page.subuser_access[0].permission_type,
        Some(PermissionType::Restricted)
    );
    assert_eq!(page.next_query().unwrap().after_subuser_id, Some(11));
}

#[tokio::test]
async fn scopes_list_with_obo() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/scopes").obo("acme"),
        200,
        Some(json!({"scopes": ["mail.send", "stats.read"]})),
    )
    .await;
    let got = client(&s)
        .on_behalf_of(OnBehalfOf::subuser("acme"))
        .scopes()
        .list()
        .await
        .unwrap();
    assert_eq!(got, vec!["mail.send", "stats.read"]);
}

#[tokio::test]
async fn access_requests_list_approve_deny() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/scopes/requests").query("limit=10&offset=0"),
        200,
        Some(json!([{"id": 5, "scope_group_name": "Stats", "username": "t1", "email": "t1@x.io", "first_name": "T", "last_name": "One"}])),
    )
    .await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/scopes/requests/5/approve"),
        200,
        Some(json!({"scope_group_name": "Stats"})),
    )
    .await;
    expect(&s, Wire::new("DELETE", "/v3/scopes/requests/6"), 204, None).await;
    let c = client(&s);
    let got = c
        .scopes()
        .list_access_requests(&ListAccessRequests {
            limit: Some(10),
            offset: Some(0),
        })
        .await
        .unwrap();
    assert_eq!(got[0].id, 5);
    assert_eq!(
        c.scopes()
            .approve_access_request(5)
            .await
            .unwrap()
            .scope_group_name,
        "Stats"
    );
    c.scopes().deny_access_request(6).await.unwrap();
}
