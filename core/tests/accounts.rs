//! Every customer-account operation: the exact request on the wire and the decoded answer, and
//! the rules checked before sending.
mod common;

use common::{client, expect, Wire, KEY};
use futures_util::TryStreamExt;
use sendgrid_admin::accounts::{
    AccountProfile, AccountState, CreateAccount, IpRegion, ListAccountIps, ListAccounts,
    NewAccountState, Offering, OfferingType,
};
use sendgrid_admin::{Client, ErrorKind, OnBehalfOf, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn package(name: &str) -> Offering {
    Offering {
        extra: Default::default(),
        name: name.into(),
        r#type: OfferingType::Package,
        quantity: Some(1),
    }
}

fn addon(name: &str, q: i64) -> Offering {
    Offering {
        extra: Default::default(),
        name: name.into(),
        r#type: OfferingType::Addon,
        quantity: Some(q),
    }
}

#[tokio::test]
async fn list_sends_the_cursor_and_decodes_the_next_one() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts").query("offset=sg1&limit=2"),
        200,
        Some(json!({"accounts": [{"id": "sg2", "created_at": "2026-01-02T03:04:05Z"}, {"id": "sg3", "created_at": "2026-01-03T00:00:00Z"}], "pages": {"last": "sg3"}})),
    )
    .await;
    let page = client(&s)
        .accounts()
        .list(&ListAccounts {
            after: Some("sg1".into()),
            limit: Some(2),
        })
        .await
        .unwrap();
    assert_eq!(page.accounts.len(), 2);
    assert_eq!(page.accounts[0].created_at, "2026-01-02T03:04:05Z");
    assert_eq!(page.next_after.as_deref(), Some("sg3"));
}

#[tokio::test]
async fn list_all_follows_pages_last_and_stops_when_it_repeats_or_ends() {
    let s = MockServer::start().await;
    let page = |ids: &[&str], last: Option<&str>| json!({"accounts": ids.iter().map(|i| json!({"id": i, "created_at": "t"})).collect::<Vec<_>>(), "pages": {"last": last}});
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts").query("limit=2"),
        200,
        Some(page(&["a", "b"], Some("b"))),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts").query("offset=b&limit=2"),
        200,
        Some(page(&["c"], Some("c"))),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts").query("offset=c&limit=2"),
        200,
        Some(page(&[], None)),
    )
    .await;
    let all: Vec<_> = client(&s)
        .accounts()
        .list_all(ListAccounts {
            after: None,
            limit: Some(2),
        })
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[tokio::test]
async fn create_posts_profile_and_offerings_and_sends_the_test_header() {
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/partners/accounts"))
        .and(header("T-Test-Account", "true"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"account_id": "sg9"})))
        .expect(1)
        .mount(&s)
        .await;
    let created = client(&s)
        .accounts()
        .create(&CreateAccount {
            profile: Some(AccountProfile {
                email: Some("ops@acme.example".into()),
                phone: Some("+33123456789".into()),
                ..Default::default()
            }),
            offerings: vec![package("org.ei.free.v1"), addon("org.ei.ip.v1", 2)],
            test_account: true,
        })
        .await
        .unwrap();
    assert_eq!(created.account_id, "sg9");
    let req = &s.received_requests().await.unwrap()[0];
    let body: serde_json::Value = serde_json::from_slice(&req.body).unwrap();
    assert_eq!(
        body,
        json!({"profile": {"email": "ops@acme.example", "phone": "+33123456789"},
               "offerings": [{"name": "org.ei.free.v1", "type": "package", "quantity": 1},
                             {"name": "org.ei.ip.v1", "type": "addon", "quantity": 2}]})
    );
}

/// A profile with no field set is left out of the body, as no profile is: one rule for every
/// language (Node used to drop it, Python and Kotlin sent `"profile": {}`).
#[tokio::test]
async fn an_empty_profile_is_left_out_of_the_body() {
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/partners/accounts"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"account_id": "sg9"})))
        .expect(2)
        .mount(&s)
        .await;
    for profile in [None, Some(AccountProfile::default())] {
        let account = CreateAccount {
            profile,
            offerings: vec![package("org.ei.free.v1")],
            test_account: false,
        };
        client(&s).accounts().create(&account).await.unwrap();
    }
    for req in s.received_requests().await.unwrap() {
        let body: serde_json::Value = serde_json::from_slice(&req.body).unwrap();
        assert_eq!(
            body,
            json!({"offerings": [{"name": "org.ei.free.v1", "type": "package", "quantity": 1}]})
        );
    }
}

#[tokio::test]
async fn offering_rules_are_checked_before_sending() {
    let s = MockServer::start().await;
    let c = client(&s);
    let cases: Vec<(Vec<Offering>, &str)> = vec![
        (vec![], "offerings"),
        (vec![addon("x", 1)], "offerings"),
        (vec![package("a"), package("b")], "offerings"),
        (
            vec![Offering {
                quantity: Some(2),
                ..package("a")
            }],
            "offerings[0].quantity",
        ),
        (vec![package("a"), addon("x", 0)], "offerings[1].quantity"),
        (vec![package(" ")], "offerings[0].name"),
        (
            vec![Offering {
                r#type: OfferingType::Other("bundle".into()),
                ..package("a")
            }],
            "offerings[0].type",
        ),
    ];
    for (offerings, field) in cases {
        let e = c
            .accounts()
            .create(&CreateAccount {
                offerings: offerings.clone(),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (ErrorKind::InvalidInput, Some(field)),
            "{offerings:?}"
        );
        let e = c
            .accounts()
            .set_offerings("sg1", &offerings)
            .await
            .unwrap_err();
        assert_eq!(e.field(), Some(field));
    }
    let bad_phone = CreateAccount {
        profile: Some(AccountProfile {
            phone: Some("+1234567890123456".into()),
            ..Default::default()
        }),
        offerings: vec![package("a")],
        test_account: false,
    };
    assert_eq!(
        c.accounts().create(&bad_phone).await.unwrap_err().field(),
        Some("profile.phone")
    );
    assert_eq!(
        c.accounts().delete("").await.unwrap_err().field(),
        Some("account_id")
    );
    assert_eq!(
        c.accounts()
            .add_ips("sg1", 11, IpRegion::Us)
            .await
            .unwrap_err()
            .field(),
        Some("count")
    );
    assert_eq!(
        c.accounts()
            .remove_ips("sg1", &[])
            .await
            .unwrap_err()
            .field(),
        Some("ips")
    );
    assert_eq!(
        c.accounts()
            .remove_ips("sg1", &["10.0.0.300".into()])
            .await
            .unwrap_err()
            .field(),
        Some("ips[0]")
    );
    assert_eq!(
        c.accounts()
            .list(&ListAccounts {
                after: None,
                limit: Some(101)
            })
            .await
            .unwrap_err()
            .field(),
        Some("limit")
    );
    assert!(s.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn offerings_state_catalog_and_delete() {
    let s = MockServer::start().await;
    let off = json!([{"name": "org.ei.free.v1", "type": "package", "quantity": 1}]);
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts/sg1/offerings"),
        200,
        Some(json!({"offerings": off})),
    )
    .await;
    expect(
        &s,
        Wire::new("PUT", "/v3/partners/accounts/sg1/offerings").body(json!({"offerings": off})),
        200,
        Some(json!({"offerings": off})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts/sg1/state"),
        200,
        Some(json!({"state": "suspended"})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts/sg2/state"),
        200,
        Some(json!({"state": "archived"})),
    )
    .await;
    expect(
        &s,
        Wire::new("PUT", "/v3/partners/accounts/sg1/state").body(json!({"state": "deactivated"})),
        204,
        None,
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/partners/offerings"),
        200,
        Some(json!({"catalog": [{"offering": {"name": "org.ei.free.v1", "type": "package"}, "entitlements": {"email_sends_max_monthly": 3000, "ip_count": 0}}]})),
    )
    .await;
    expect(
        &s,
        Wire::new("DELETE", "/v3/partners/accounts/sg1"),
        204,
        None,
    )
    .await;
    let a = client(&s);
    let a = a.accounts();
    assert_eq!(
        a.offerings("sg1").await.unwrap(),
        vec![package("org.ei.free.v1")]
    );
    assert_eq!(
        a.set_offerings("sg1", &[package("org.ei.free.v1")])
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(a.state("sg1").await.unwrap(), AccountState::Suspended);
    assert_eq!(
        a.state("sg2").await.unwrap(),
        AccountState::Other("archived".into())
    );
    a.set_state("sg1", NewAccountState::Deactivated)
        .await
        .unwrap();
    let cat = a.catalog().await.unwrap();
    assert_eq!(cat[0].offering.quantity, None);
    assert_eq!(cat[0].entitlements.email_sends_max_monthly, Some(3000));
    a.delete("sg1").await.unwrap();
}

#[tokio::test]
async fn sso_login_returns_the_location_of_the_303_and_never_retries() {
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/partners/accounts/sg1/sso"))
        .respond_with(
            ResponseTemplate::new(303)
                .insert_header("Location", "https://app.sendgrid.com/login/sso?token=t1"),
        )
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("POST"))
        .and(path("/v3/partners/accounts/sg2/sso"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&s)
        .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(s.uri())
        .build()
        .unwrap();
    let url = c.accounts().sso_login("sg1").await.unwrap();
    assert_eq!(url, "https://app.sendgrid.com/login/sso?token=t1");
    let e = c.accounts().sso_login("sg2").await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Server, 1));
}

#[tokio::test]
async fn ips_add_and_remove() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts/sg1/ips").query("offset=192.0.2.9&limit=2"),
        200,
        Some(json!({"result": [{"ip": "192.0.2.8", "region": "us"}], "pages": {}})),
    )
    .await;
    expect(
        &s,
        Wire::new("POST", "/v3/partners/accounts/sg1/ips")
            .body(json!({"count": 2, "region": "eu"})),
        201,
        Some(json!({"ips": ["192.0.2.20", "192.0.2.21"], "region": "eu"})),
    )
    .await;
    expect(
        &s,
        Wire::new("DELETE", "/v3/partners/accounts/sg1/ips").body(json!({"ips": ["192.0.2.20"]})),
        204,
        None,
    )
    .await;
    let c = client(&s);
    let page = c
        .accounts()
        .ips(
            "sg1",
            &ListAccountIps {
                after: Some("192.0.2.9".into()),
                limit: Some(2),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (page.ips[0].ip.as_str(), page.next_after),
        ("192.0.2.8", None)
    );
    let added = c.accounts().add_ips("sg1", 2, IpRegion::Eu).await.unwrap();
    assert_eq!(added.ips.len(), 2);
    c.accounts()
        .remove_ips("sg1", &["192.0.2.20".into()])
        .await
        .unwrap();
}

#[tokio::test]
async fn scoped_clients_are_refused_and_error_ids_are_kept() {
    let s = MockServer::start().await;
    let c = client(&s);
    let scoped = c.on_behalf_of(OnBehalfOf::account("sg1"));
    let e = scoped.accounts().state("sg1").await.unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (ErrorKind::InvalidInput, Some("on_behalf_of"))
    );
    assert!(e.to_string().contains("accounts.state"), "{e}");
    expect(
        &s,
        Wire::new("GET", "/v3/partners/accounts/nope/state"),
        404,
        Some(json!({"errors": [{"message": "Account not found", "field": null, "error_id": "10-40400"}]})),
    )
    .await;
    let e = c.accounts().state("nope").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.errors()[0].error_id.as_deref(), Some("10-40400"));
    let _ = RetryPolicy::none();
}

#[tokio::test]
async fn identity_of_the_scoped_client() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/user/account").obo("account-id sg1"),
        200,
        Some(json!({"type": "paid", "reputation": 99.5})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/user/username").obo("acme"),
        200,
        Some(json!({"username": "acme", "user_id": 1234.0})),
    )
    .await;
    let c = client(&s);
    let a = c
        .on_behalf_of(OnBehalfOf::account("sg1"))
        .user()
        .account()
        .await
        .unwrap();
    assert_eq!((a.r#type.as_str(), a.reputation), ("paid", 99.5));
    let u = c
        .on_behalf_of(OnBehalfOf::subuser("acme"))
        .user()
        .username()
        .await
        .unwrap();
    assert_eq!((u.username.as_str(), u.user_id), ("acme", 1234));
}
