//! IP ↔ subuser operations and SSO teammates: the exact requests on the wire (including the
//! username → id look-ups), the decoded answers, the rules checked before sending, and the
//! detection of subuser access SendGrid accepted but dropped.
mod common;

use common::{client, expect, Wire};
use futures_util::TryStreamExt;
use sendgrid_admin::ips::{ListIpSubusers, ListIps};
use sendgrid_admin::stats::SortDirection;
use sendgrid_admin::teammates::PermissionType;
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, Persona, SubuserGrant, UpdateSsoTeammate};
use sendgrid_admin::{ErrorKind, OnBehalfOf};
use serde_json::json;
use wiremock::MockServer;

/// `GET /v3/subusers?username=` answering one subuser with this id.
async fn lookup(s: &MockServer, name: &'static str, id: u64) {
    let q: &'static str = Box::leak(format!("username={name}").into_boxed_str());
    expect(
        s,
        Wire::new("GET", "/v3/subusers").query(q),
        200,
        Some(json!([{"id": id, "username": name, "email": "e@x.test", "disabled": false}])),
    )
    .await;
}

#[tokio::test]
async fn list_sends_every_filter_and_decodes_numbers_the_spec_types_loosely() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/ips").query(
            "ip=192.0.2.1&subuser=acme&exclude_whitelabels=true&limit=5&offset=10&sort_by_direction=desc",
        ),
        200,
        Some(json!([{"ip": "192.0.2.1", "subusers": ["acme"], "rdns": "o1.example.com",
            "pools": ["p"], "warmup": true, "start_date": 1409616000.7, "whitelabeled": true,
            "assigned_at": null}])),
    )
    .await;
    let ips = client(&s)
        .ips()
        .list(&ListIps {
            subuser: Some("acme".into()),
            ip: Some("192.0.2.1".into()),
            exclude_whitelabels: Some(true),
            limit: Some(5),
            offset: Some(10),
            sort_by_direction: Some(SortDirection::Desc),
        })
        .await
        .unwrap();
    assert_eq!(ips[0].subusers, vec!["acme"]);
    assert_eq!(ips[0].start_date, Some(1409616000));
    assert_eq!(ips[0].assigned_at, None);
    assert_eq!(ips[0].rdns.as_deref(), Some("o1.example.com"));
}

#[tokio::test]
async fn subusers_of_follows_after_key_until_it_is_null() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/send_ips/ips/192.0.2.1/subusers").query("limit=2"),
        200,
        Some(json!({"result": ["11", "12"], "_metadata": {"next_params": {"after_key": "12", "limit": "2"}}})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/send_ips/ips/192.0.2.1/subusers").query("after_key=12&limit=2"),
        200,
        Some(json!({"result": ["13"], "_metadata": {"next_params": {"after_key": null}}})),
    )
    .await;
    let c = client(&s);
    let all: Vec<String> = c
        .ips()
        .list_all_subusers_of(
            "192.0.2.1",
            ListIpSubusers {
                after: None,
                limit: Some(2),
            },
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all, vec!["11", "12", "13"]);
}

#[tokio::test]
async fn assign_looks_usernames_up_and_sends_their_ids_on_one_segment() {
    let s = MockServer::start().await;
    lookup(&s, "acme", 11).await;
    lookup(&s, "beta", 12).await;
    expect(
        &s,
        Wire::new("POST", "/v3/send_ips/ips/192.0.2.1/subusers:batchAdd")
            .body(json!({"subusers": ["11", "12"]})),
        200,
        Some(json!({"ip": "192.0.2.1", "subusers": ["11", "12"]})),
    )
    .await;
    let out = client(&s)
        .ips()
        .assign("192.0.2.1", &["acme".into(), "beta".into()])
        .await
        .unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].item, vec!["acme", "beta"]);
    assert!(out[0].result.is_ok());
}

#[tokio::test]
async fn unassign_sends_batch_delete_and_a_missing_username_fails_only_its_chunk() {
    let s = MockServer::start().await;
    lookup(&s, "acme", 11).await;
    expect(
        &s,
        Wire::new("POST", "/v3/send_ips/ips/192.0.2.1/subusers:batchDelete")
            .body(json!({"subusers": ["11"]})),
        204,
        None,
    )
    .await;
    let out = client(&s)
        .ips()
        .unassign("192.0.2.1", &["acme".into()])
        .await
        .unwrap();
    assert!(out[0].result.is_ok());

    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers").query("username=ghost"),
        200,
        Some(json!([])),
    )
    .await;
    let out = client(&s)
        .ips()
        .assign("192.0.2.1", &["ghost".into()])
        .await
        .unwrap();
    let e = out[0].result.as_ref().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.field(), Some("usernames[0]"));
    assert!(e.to_string().contains("ghost"));
}

#[tokio::test]
async fn more_than_1000_usernames_are_sent_in_chunks_of_1000() {
    let s = MockServer::start().await;
    // Every look-up answers a subuser whose id is the number in its name.
    wiremock::Mock::given(wiremock::matchers::path("/v3/subusers"))
        .respond_with(|req: &wiremock::Request| {
            let name = req
                .url
                .query_pairs()
                .find(|(k, _)| k == "username")
                .map(|(_, v)| v.to_string())
                .unwrap_or_default();
            let id: u64 = name.trim_start_matches('u').parse().unwrap_or(0);
            wiremock::ResponseTemplate::new(200)
                .set_body_json(json!([{"id": id, "username": name}]))
        })
        .expect(1001)
        .mount(&s)
        .await;
    wiremock::Mock::given(wiremock::matchers::path(
        "/v3/send_ips/ips/192.0.2.1/subusers:batchAdd",
    ))
    .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(json!({})))
    .expect(2)
    .mount(&s)
    .await;
    let names: Vec<String> = (1..=1001).map(|i| format!("u{i}")).collect();
    let out = client(&s).ips().assign("192.0.2.1", &names).await.unwrap();
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].item.len(), 1000);
    assert_eq!(out[1].item, vec!["u1001"]);
    let bodies: Vec<serde_json::Value> = s
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(bodies[0]["subusers"].as_array().unwrap().len(), 1000);
    assert_eq!(bodies[1], json!({"subusers": ["1001"]}));
}

#[tokio::test]
async fn ip_operations_refuse_bad_input_and_scoped_clients_before_sending() {
    let s = MockServer::start().await;
    let c = client(&s);
    let e = c
        .ips()
        .assign("300.1.1.1", &["a".into()])
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("ip"));
    let e = c.ips().unassign("192.0.2.1", &[]).await.unwrap_err();
    assert_eq!(e.field(), Some("usernames"));
    let e = c
        .ips()
        .subusers_of(
            "192.0.2.1",
            &ListIpSubusers {
                after: None,
                limit: Some(101),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("limit"));
    let e = c
        .ips()
        .list(&ListIps {
            ip: Some("nope".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("ip"));
    let scoped = c.on_behalf_of(OnBehalfOf::subuser("acme"));
    let e = scoped.ips().list(&ListIps::default()).await.unwrap_err();
    assert_eq!(e.field(), Some("on_behalf_of"));
    assert!(e.to_string().contains("ips.list"));
    let e = scoped
        .teammates()
        .create_sso(&sso(
            "a@x.test",
            vec![grant("acme", PermissionType::Admin, &[])],
        ))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("teammates.create_sso"));
    assert!(s.received_requests().await.unwrap_or_default().is_empty());
}

fn grant(subuser: &str, p: PermissionType, scopes: &[&str]) -> SubuserGrant {
    SubuserGrant {
        subuser: subuser.into(),
        permission_type: p,
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
    }
}

fn sso(email: &str, access: Vec<SubuserGrant>) -> CreateSsoTeammate {
    CreateSsoTeammate {
        email: email.into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        subuser_access: access,
        ..Default::default()
    }
}

#[tokio::test]
async fn create_sso_sends_ids_omits_admin_scopes_and_returns_the_applied_access() {
    let s = MockServer::start().await;
    lookup(&s, "acme", 11).await;
    lookup(&s, "beta", 12).await;
    expect(
        &s,
        Wire::new("POST", "/v3/sso/teammates").body(json!({
            "email": "ada@x.test", "first_name": "Ada", "last_name": "Lovelace",
            "is_admin": false, "has_restricted_subuser_access": true,
            "subuser_access": [
                {"id": 11, "permission_type": "admin"},
                {"id": 12, "permission_type": "restricted", "scopes": ["stats.read"]}
            ]
        })),
        201,
        Some(json!({"email": "ada@x.test", "first_name": "Ada", "last_name": "Lovelace",
            "is_admin": false, "is_sso": true, "scopes": [], "has_restricted_subuser_access": true,
            "subuser_access": [
                {"id": 11, "username": "acme", "email": "a@x", "disabled": false, "permission_type": "admin", "scopes": []},
                {"id": 12, "username": "beta", "email": "b@x", "disabled": false, "permission_type": "restricted", "scopes": ["stats.read", "2fa_required"]}
            ]})),
    )
    .await;
    let t = client(&s)
        .teammates()
        .create_sso(&sso(
            "ada@x.test",
            vec![
                grant("acme", PermissionType::Admin, &[]),
                grant("beta", PermissionType::Restricted, &["stats.read"]),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(t.username, "ada@x.test");
    assert!(t.is_sso && t.has_restricted_subuser_access);
    assert_eq!(t.subuser_access.len(), 2);
}

#[tokio::test]
async fn create_sso_reports_access_dropped_on_success_as_not_applied() {
    let s = MockServer::start().await;
    lookup(&s, "beta", 12).await;
    expect(
        &s,
        Wire::new("POST", "/v3/sso/teammates").body(json!({
            "email": "ada@x.test", "first_name": "Ada", "last_name": "Lovelace",
            "is_admin": false, "has_restricted_subuser_access": true,
            "subuser_access": [{"id": 12, "permission_type": "restricted", "scopes": ["sender_verification_legacy"]}]
        })),
        201,
        Some(json!({"email": "ada@x.test", "is_sso": true, "has_restricted_subuser_access": true, "subuser_access": []})),
    )
    .await;
    // The read-back confirms the loss.
    expect(
        &s,
        Wire::new("GET", "/v3/teammates/ada@x.test/subuser_access"),
        200,
        Some(json!({"has_restricted_subuser_access": true, "subuser_access": [], "_metadata": {}})),
    )
    .await;
    let e = client(&s)
        .teammates()
        .create_sso(&sso(
            "ada@x.test",
            vec![grant(
                "beta",
                PermissionType::Restricted,
                &["sender_verification_legacy"],
            )],
        ))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotApplied);
    assert_eq!(e.kind().as_str(), "not_applied");
    let m = e.to_string();
    assert!(
        m.contains("beta: no access") && m.contains("update_sso"),
        "{m}"
    );
}

#[tokio::test]
async fn an_answer_without_access_details_is_checked_by_reading_back() {
    let s = MockServer::start().await;
    lookup(&s, "acme", 11).await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/sso/teammates/ada@x.test").body(json!({
            "first_name": "Ada", "last_name": "L", "is_admin": false,
            "has_restricted_subuser_access": true,
            "subuser_access": [{"id": 11, "permission_type": "admin"}]
        })),
        200,
        Some(json!({"username": "ada@x.test", "email": "ada@x.test", "user_type": "teammate"})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/teammates/ada@x.test/subuser_access"),
        200,
        Some(json!({"has_restricted_subuser_access": true, "subuser_access": [
            {"id": 11, "username": "acme", "permission_type": "admin", "scopes": []}], "_metadata": {}})),
    )
    .await;
    let t = client(&s)
        .teammates()
        .update_sso(
            "ada@x.test",
            &UpdateSsoTeammate {
                first_name: "Ada".into(),
                last_name: "L".into(),
                subuser_access: vec![grant("acme", PermissionType::Admin, &[])],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(t.subuser_access[0].username, "acme");
}

#[tokio::test]
async fn sso_rules_are_checked_before_sending() {
    let s = MockServer::start().await;
    let c = client(&s);
    let cases: Vec<(CreateSsoTeammate, &str)> = vec![
        (
            CreateSsoTeammate {
                is_admin: true,
                scopes: vec!["stats.read".into()],
                ..sso("a@x.test", vec![])
            },
            "scopes",
        ),
        (
            CreateSsoTeammate {
                persona: Some(Persona::Observer),
                ..sso("a@x.test", vec![grant("acme", PermissionType::Admin, &[])])
            },
            "persona",
        ),
        (
            CreateSsoTeammate {
                has_restricted_subuser_access: Some(false),
                ..sso("a@x.test", vec![grant("acme", PermissionType::Admin, &[])])
            },
            "has_restricted_subuser_access",
        ),
        (
            sso(
                "a@x.test",
                vec![grant("acme", PermissionType::Admin, &["x.read"])],
            ),
            "subuser_access[0].scopes",
        ),
        (
            sso(
                "a@x.test",
                vec![grant("acme", PermissionType::Restricted, &[])],
            ),
            "subuser_access[0].scopes",
        ),
        (
            sso(
                "a@x.test",
                vec![
                    grant("acme", PermissionType::Admin, &[]),
                    grant("acme", PermissionType::Admin, &[]),
                ],
            ),
            "subuser_access[1].subuser",
        ),
        (
            sso(
                "a@x.test",
                vec![grant("acme", PermissionType::Other("owner".into()), &[])],
            ),
            "subuser_access[0].permission_type",
        ),
        (sso("a@x.test", vec![]), "scopes"),
        (
            CreateSsoTeammate {
                first_name: " ".into(),
                is_admin: true,
                ..sso("a@x.test", vec![])
            },
            "first_name",
        ),
        (
            CreateSsoTeammate {
                is_admin: true,
                ..sso("not-an-email", vec![])
            },
            "email",
        ),
    ];
    for (req, field) in cases {
        let e = c.teammates().create_sso(&req).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{req:?}");
        assert_eq!(e.field(), Some(field), "{e}");
    }
    assert!(s.received_requests().await.unwrap_or_default().is_empty());
}

#[tokio::test]
async fn an_admin_or_persona_sso_teammate_sends_no_empty_lists() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/sso/teammates").body(json!({
            "email": "o@x.test", "first_name": "Ada", "last_name": "Lovelace",
            "is_admin": false, "persona": "observer", "has_restricted_subuser_access": false
        })),
        201,
        Some(json!({"email": "o@x.test", "is_sso": true, "scopes": ["stats.read"]})),
    )
    .await;
    let t = client(&s)
        .teammates()
        .create_sso(&CreateSsoTeammate {
            persona: Some(Persona::Observer),
            ..sso("o@x.test", vec![])
        })
        .await
        .unwrap();
    assert_eq!(t.scopes, vec!["stats.read"]);
}

#[tokio::test]
async fn sso_bare_array_errors_keep_field_and_error_id() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/sso/teammates").body(json!({
            "email": "o@x.test", "first_name": "Ada", "last_name": "Lovelace",
            "is_admin": true, "has_restricted_subuser_access": false
        })),
        400,
        Some(json!([{"message": "email already exists", "field": "email", "error_id": "sso-409"}])),
    )
    .await;
    let e = client(&s)
        .teammates()
        .create_sso(&CreateSsoTeammate {
            is_admin: true,
            ..sso("o@x.test", vec![])
        })
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    assert_eq!(e.errors()[0].field.as_deref(), Some("email"));
    assert_eq!(e.errors()[0].error_id.as_deref(), Some("sso-409"));
}
