//! IP ↔ subuser assignment and SSO teammates against the sandbox through the real client: one
//! state behind `PUT /v3/subusers/{name}/ips`, `GET /v3/ips`, IP Address Management and the
//! teammates' subuser access; the SSO silent-drop quirk switched on and detected.

use futures_util::TryStreamExt;
use sendgrid_admin::ips::{ListIpSubusers, ListIps};
use sendgrid_admin::subusers::CreateSubuser;
use sendgrid_admin::teammates::{PermissionType, SubuserAccessQuery};
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, SubuserGrant, UpdateSsoTeammate};
use sendgrid_admin::{Client, ErrorKind, RetryPolicy};
use sendgrid_admin_sandbox::Sandbox;

async fn setup() -> (Sandbox, Client) {
    let sb = Sandbox::start().await.unwrap();
    let c = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    for name in ["acme", "beta", "gamma"] {
        c.subusers()
            .create(&CreateSubuser {
                username: name.into(),
                email: format!("{name}@x.test"),
                password: "pw-123456789".into(),
                ips: vec![],
                region: None,
                include_region: false,
            })
            .await
            .unwrap();
    }
    (sb, c)
}

#[tokio::test]
async fn assignments_show_in_every_view_of_the_same_state() {
    let (_sb, c) = setup().await;
    let ip = "192.0.2.7";
    c.ips().set("acme", &[ip.into()]).await.unwrap();
    let out = c
        .ips()
        .assign(ip, &["beta".into(), "gamma".into()])
        .await
        .unwrap();
    assert!(out.iter().all(|o| o.result.is_ok()));

    let for_beta = c
        .ips()
        .list(&ListIps {
            subuser: Some("beta".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(for_beta.len(), 1);
    assert_eq!(for_beta[0].ip, ip);
    assert_eq!(for_beta[0].subusers, vec!["acme", "beta", "gamma"]);

    let ids: Vec<String> = c
        .ips()
        .list_all_subusers_of(
            ip,
            ListIpSubusers {
                after: None,
                limit: Some(2),
            },
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids.len(), 3);

    c.ips().unassign(ip, &["acme".into()]).await.unwrap();
    // PUT replaces: beta now sends from another IP only.
    c.ips().set("beta", &["192.0.2.8".into()]).await.unwrap();
    let page = c
        .ips()
        .subusers_of(ip, &ListIpSubusers::default())
        .await
        .unwrap();
    assert_eq!(page.subuser_ids.len(), 1);
    assert_eq!(page.next_after, None);

    let out = c.ips().assign(ip, &["nobody".into()]).await.unwrap();
    let e = out[0].result.as_ref().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

fn grant(subuser: &str, p: PermissionType, scopes: &[&str]) -> SubuserGrant {
    SubuserGrant {
        subuser: subuser.into(),
        permission_type: p,
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
    }
}

#[tokio::test]
async fn sso_teammates_write_subuser_access_and_a_silent_drop_is_caught() {
    let (sb, c) = setup().await;
    let t = c
        .teammates()
        .create_sso(&CreateSsoTeammate {
            email: "ada@x.test".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            subuser_access: vec![
                grant("acme", PermissionType::Admin, &[]),
                grant("beta", PermissionType::Restricted, &["stats.read"]),
            ],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(t.subuser_access.len(), 2);
    let page = c
        .teammates()
        .subuser_access("ada@x.test", &SubuserAccessQuery::default())
        .await
        .unwrap();
    assert!(page.has_restricted_subuser_access);
    assert_eq!(page.subuser_access.len(), 2);
    let listed = c.teammates().get("ada@x.test").await.unwrap();
    assert_eq!(listed.email, "ada@x.test");

    // Without the quirk an unknown scope is a 400; with it, success and nothing applied.
    let bad = UpdateSsoTeammate {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        subuser_access: vec![grant(
            "gamma",
            PermissionType::Restricted,
            &["sender_verification_legacy"],
        )],
        ..Default::default()
    };
    let e = c
        .teammates()
        .update_sso("ada@x.test", &bad)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let r = reqwest::Client::new()
        .post(format!("{}/__sandbox/quirks", sb.url()))
        .json(&serde_json::json!({"sso_silent_drop": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let e = c
        .teammates()
        .update_sso("ada@x.test", &bad)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotApplied, "{e}");
    assert!(e.to_string().contains("gamma"));

    // A valid update still works, and turns the teammate into a parent admin.
    let t = c
        .teammates()
        .update_sso(
            "ada@x.test",
            &UpdateSsoTeammate {
                first_name: "Ada".into(),
                last_name: "King".into(),
                is_admin: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(t.is_admin && !t.has_restricted_subuser_access);
}
