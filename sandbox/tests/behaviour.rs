//! The sandbox driven through the real client: state, paging, auth, on-behalf-of, rate limits
//! and every fault kind.

use std::collections::HashSet;

use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::scopes::ListAccessRequests;
use sendgrid_admin::stats::{MonthlyStatsQuery, StatsQuery, StatsSumsQuery};
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers};
use sendgrid_admin::teammates::{
    InviteTeammate, ListTeammates, Permissions, SubuserAccessQuery, UserType,
};
use sendgrid_admin::{Client, ErrorKind, OnBehalfOf, RetryPolicy};
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde_json::json;

async fn sandbox(subusers: usize, teammates: usize) -> (Sandbox, Client) {
    let sb = Sandbox::start_with(SandboxConfig {
        port: 0,
        seed_subusers: subusers,
        seed_teammates: teammates,
        customer_accounts: vec!["42".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    let c = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    (sb, c)
}

fn new_subuser(name: &str) -> CreateSubuser {
    CreateSubuser {
        username: name.into(),
        email: format!("{name}@example.com"),
        password: "pw-123456".into(),
        ips: vec!["192.0.2.1".into()],
        region: None,
        include_region: false,
    }
}

async fn control(sb: &Sandbox, path: &str, body: serde_json::Value) {
    let r = http()
        .post(format!("{}/__sandbox/{path}", sb.url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
}

#[tokio::test]
async fn subuser_lifecycle_keeps_state() {
    let (_sb, c) = sandbox(0, 0).await;
    let s = c.subusers();
    let created = s.create(&new_subuser("acme")).await.unwrap();
    assert_eq!(
        s.create(&new_subuser("acme")).await.unwrap_err().errors()[0].message,
        "username exists"
    );
    s.disable("acme").await.unwrap();
    let got = s
        .list(&ListSubusers {
            username: Some("acme".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((got[0].id, got[0].disabled), (created.user_id, true));
    s.enable("acme").await.unwrap();
    assert!(!s.list(&Default::default()).await.unwrap()[0].disabled);

    assert_eq!(
        c.ips()
            .set("acme", &["198.51.100.1".into()])
            .await
            .unwrap()
            .ips,
        vec!["198.51.100.1"]
    );
    let m = Monitor::new("audit@acme.io", 100);
    assert_eq!(
        c.monitor().get("acme").await.unwrap_err().errors()[0].message,
        "No monitor settings for this user"
    );
    c.monitor().create("acme", &m).await.unwrap();
    assert_eq!(
        c.monitor().create("acme", &m).await.unwrap_err().errors()[0].message,
        "User already has a monitor"
    );
    c.monitor()
        .update(
            "acme",
            &Monitor {
                frequency: 5,
                ..m.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(c.monitor().get("acme").await.unwrap().frequency, 5);
    c.monitor().delete("acme").await.unwrap();
    assert_eq!(
        c.monitor().delete("acme").await.unwrap_err().kind(),
        ErrorKind::NotFound
    );

    let set = SetCredits {
        r#type: CreditType::Recurring,
        reset_frequency: Some(ResetFrequency::Weekly),
        total: Some(100),
    };
    c.credits().set("acme", &set).await.unwrap();
    assert_eq!(
        c.credits()
            .adjust_remaining("acme", -30)
            .await
            .unwrap()
            .remain,
        Some(70)
    );
    assert_eq!(c.credits().get("acme").await.unwrap().remain, Some(70));
    c.website_access().disable("acme").await.unwrap();
    c.website_access().enable("acme").await.unwrap();
    let rep = c
        .reputations()
        .list(&["acme".into(), "ghost".into()])
        .await
        .unwrap();
    assert_eq!(rep.len(), 1);

    s.delete("acme").await.unwrap();
    assert!(s.list(&Default::default()).await.unwrap().is_empty());
    assert_eq!(
        c.monitor().get("acme").await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        c.credits().get("acme").await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        s.delete("acme").await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[tokio::test]
async fn stats_answer_every_query() {
    let (_sb, c) = sandbox(12, 0).await;
    let q = MonthlyStatsQuery {
        date: "2026-10-01".into(),
        limit: Some(10),
        ..Default::default()
    };
    assert_eq!(c.stats().monthly(&q).await.unwrap().stats.len(), 10);
    let one = c
        .stats()
        .subuser_monthly(
            "sub00003",
            &MonthlyStatsQuery {
                date: "2026-10-01".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(one.stats[0].name.as_deref(), Some("sub00003"));
    let q = StatsQuery {
        subusers: vec!["sub00001".into(), "sub00002".into()],
        start_date: "2026-10-01".into(),
        end_date: Some("2026-10-07".into()),
        ..Default::default()
    };
    let days = c.stats().list(&q).await.unwrap();
    assert_eq!(
        (days.len(), days[6].date.as_str(), days[0].stats.len()),
        (7, "2026-10-07", 2)
    );
    let sums = c
        .stats()
        .sums(&StatsSumsQuery {
            start_date: "2026-10-01".into(),
            limit: Some(3),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(sums.stats.len(), 3);
    assert!(sums.stats[0].metrics.delivered >= sums.stats[2].metrics.delivered);
}

#[tokio::test]
async fn paging_through_1000_subusers_with_limit_and_offset() {
    let (_sb, c) = sandbox(1000, 0).await;
    let mut seen = HashSet::new();
    let mut offset = 0;
    loop {
        let page = c
            .subusers()
            .list(&ListSubusers {
                limit: Some(128),
                offset: Some(offset),
                ..Default::default()
            })
            .await
            .unwrap();
        for s in &page {
            assert!(seen.insert(s.username.clone()), "{} twice", s.username);
        }
        if page.len() < 128 {
            break;
        }
        offset += 128;
    }
    assert_eq!(seen.len(), 1000);
}

#[tokio::test]
async fn subuser_access_follows_the_cursor() {
    let (_sb, c) = sandbox(1000, 2).await;
    // teammate0001 is an admin: every subuser; teammate0002 is restricted to every other one.
    for (teammate, want, restricted) in [("teammate0001", 1000, false), ("teammate0002", 500, true)]
    {
        let mut q = SubuserAccessQuery {
            limit: Some(64),
            ..Default::default()
        };
        let mut ids = Vec::new();
        loop {
            let page = c.teammates().subuser_access(teammate, &q).await.unwrap();
            assert_eq!(page.has_restricted_subuser_access, restricted);
            ids.extend(page.subuser_access.iter().map(|s| s.id));
            match page.next_query() {
                Some(next) => q = next,
                None => break,
            }
        }
        assert_eq!(ids.len(), want);
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ascending, no repeats");
    }
}

#[tokio::test]
async fn teammates_invitations_and_access_requests() {
    let (_sb, c) = sandbox(0, 10).await;
    let t = c.teammates();
    let page = t
        .list(&ListTeammates {
            limit: Some(4),
            offset: Some(0),
        })
        .await
        .unwrap();
    assert_eq!(page.len(), 4);
    assert_eq!(
        t.list(&Default::default()).await.unwrap().len(),
        11,
        "10 + the owner"
    );
    let inv = t
        .invite(&InviteTeammate {
            email: "new@example.com".into(),
            scopes: vec!["stats.read".into()],
            is_admin: false,
        })
        .await
        .unwrap();
    let pending = t.list_pending().await.unwrap();
    assert_eq!(
        (pending.len(), pending[0].token.clone()),
        (1, inv.token.clone())
    );
    assert!(pending[0].expiration_date.is_some());
    assert_eq!(
        t.resend_invite(&inv.token).await.unwrap().email,
        "new@example.com"
    );
    t.delete_pending(&inv.token).await.unwrap();
    assert_eq!(
        t.resend_invite(&inv.token).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );

    let updated = t
        .update_permissions("teammate0002", &Permissions::admin())
        .await
        .unwrap();
    assert_eq!(
        (updated.is_admin, updated.user_type),
        (true, Some(UserType::Admin))
    );
    let back = t
        .update_permissions("teammate0002", &Permissions::scopes(["mail.send"]))
        .await
        .unwrap();
    assert_eq!(t.get("teammate0002").await.unwrap().scopes, back.scopes);
    t.delete("teammate0002").await.unwrap();
    assert_eq!(
        t.get("teammate0002").await.unwrap_err().kind(),
        ErrorKind::NotFound
    );

    let s = c.scopes();
    assert!(s
        .list()
        .await
        .unwrap()
        .contains(&"subusers.create".to_string()));
    let reqs = s
        .list_access_requests(&ListAccessRequests::default())
        .await
        .unwrap();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        s.approve_access_request(reqs[0].id)
            .await
            .unwrap()
            .scope_group_name,
        "Stats"
    );
    s.deny_access_request(reqs[1].id).await.unwrap();
    assert_eq!(
        s.deny_access_request(reqs[1].id)
            .await
            .unwrap_err()
            .errors()[0]
            .message,
        "Cannot find request"
    );
    assert!(s
        .list_access_requests(&ListAccessRequests::default())
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn on_behalf_of_scopes_teammates_and_scopes_to_the_subuser() {
    let (_sb, c) = sandbox(0, 3).await;
    c.subusers().create(&new_subuser("acme")).await.unwrap();
    let acme = c.on_behalf_of(OnBehalfOf::subuser("acme"));
    let mine = acme.teammates().list(&Default::default()).await.unwrap();
    assert_eq!(
        (
            mine.len(),
            mine[0].username.as_str(),
            mine[0].user_type.clone()
        ),
        (1, "acme", Some(UserType::Owner))
    );
    acme.teammates()
        .invite(&InviteTeammate {
            email: "helper@acme.io".into(),
            scopes: vec![],
            is_admin: true,
        })
        .await
        .unwrap();
    assert_eq!(acme.teammates().list_pending().await.unwrap().len(), 1);
    assert!(
        c.teammates().list_pending().await.unwrap().is_empty(),
        "the parent's invitations are untouched"
    );
    assert!(!acme
        .scopes()
        .list()
        .await
        .unwrap()
        .contains(&"subusers.create".to_string()));
    assert_eq!(
        c.teammates().list(&Default::default()).await.unwrap().len(),
        4
    );
    // A customer account, an unknown subuser, and a parent-only call while impersonating.
    let cust = c.on_behalf_of(OnBehalfOf::account("42"));
    assert_eq!(
        cust.teammates()
            .list(&Default::default())
            .await
            .unwrap()
            .len(),
        1
    );
    let ghost = c.on_behalf_of(OnBehalfOf::subuser("ghost"));
    assert_eq!(
        ghost.scopes().list().await.unwrap_err().kind(),
        ErrorKind::Forbidden
    );
    // The client refuses parent-level operations on a scoped client before sending; sent
    // anyway (the raw escape hatch), the sandbox refuses them like SendGrid, with 403.
    assert_eq!(
        acme.subusers()
            .list(&Default::default())
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(
        acme.request("GET", "/v3/subusers", &[], None)
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::Forbidden
    );
}

#[tokio::test]
async fn a_wrong_or_missing_key_is_401() {
    let (sb, _c) = sandbox(0, 0).await;
    let bad = Client::builder()
        .api_key("SG.wrong")
        .base_url(sb.url())
        .build()
        .unwrap();
    let e = bad.subusers().list(&Default::default()).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.errors()[0].message.as_str()),
        (ErrorKind::Unauthorized, "authorization required")
    );
    let r = http()
        .get(format!("{}/v3/scopes", sb.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn rate_limit_headers_and_429() {
    let (sb, _c) = sandbox(1, 0).await;
    control(&sb, "rate-limit", json!({"limit": 3, "window_secs": 60})).await;
    let unpaced = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .retry_policy(RetryPolicy::none())
        .pacing(false)
        .build()
        .unwrap();
    for _ in 0..3 {
        unpaced.scopes().list().await.unwrap();
    }
    let e = unpaced.scopes().list().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.errors()[0].message, "too many requests");
    let rl = e.rate_limit().unwrap();
    assert_eq!((rl.limit, rl.remaining), (Some(3), Some(0)));
    let wait = e.retry_after().unwrap();
    assert!(wait.as_secs() <= 60, "{wait:?}");
}

#[tokio::test]
async fn every_fault_kind() {
    let (sb, c) = sandbox(1, 0).await;
    control(
        &sb,
        "faults",
        json!({"sequence": [503, 500, "drop", "malformed", "ok"]}),
    )
    .await;
    let all = ListSubusers::default();
    let list = || async { c.subusers().list(&all).await };
    assert_eq!(list().await.unwrap_err().status(), Some(503));
    assert_eq!(list().await.unwrap_err().status(), Some(500));
    assert_eq!(list().await.unwrap_err().kind(), ErrorKind::Transport);
    assert_eq!(list().await.unwrap_err().kind(), ErrorKind::Decode);
    assert_eq!(list().await.unwrap().len(), 1);
    control(
        &sb,
        "faults",
        json!({"error_rate": 1.0, "error_status": 502}),
    )
    .await;
    assert_eq!(list().await.unwrap_err().status(), Some(502));
    control(&sb, "faults", json!({"latency_ms": 400})).await;
    let slow = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .timeout(std::time::Duration::from_millis(100))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(
        slow.scopes().list().await.unwrap_err().kind(),
        ErrorKind::Timeout
    );
    control(&sb, "reset", json!({"seed_subusers": 5})).await;
    assert_eq!(list().await.unwrap().len(), 5);
}

/// A plain HTTP client for the sandbox's control endpoints. reqwest is built without a bundled
/// crypto provider and the core no longer installs one globally, so the test (the host
/// application here) chooses ring.
fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}
