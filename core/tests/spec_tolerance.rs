//! Answers that conform to SendGrid's published schemas but not to real SendGrid's habits (what
//! a mock server such as Prism makes up) decode instead of failing the call: numbers typed as
//! plain `number` that arrive fractional or negative, an invitation without its token, a 303
//! without `Location`. `tests/contract` (run from the Node suite) checks every operation this
//! way against Prism; these pin each rule on the wire.
mod common;

use common::{client, expect, Wire};
use sendgrid_admin::stats::{DatedStats, MonthlyStatsQuery};
use sendgrid_admin::teammates::InviteTeammate;
use serde_json::json;
use wiremock::MockServer;

#[tokio::test]
async fn fractional_ids_are_truncated_and_negative_counts_read_as_zero() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers"),
        200,
        Some(
            json!([{"id": 3730663.54, "username": "a", "email": "e", "disabled": false},
                    {"id": -5, "username": "b", "email": "e", "disabled": false},
                    {"id": "42.9", "username": "c", "email": "e", "disabled": false}]),
        ),
    )
    .await;
    let subs = client(&s)
        .subusers()
        .list(&Default::default())
        .await
        .unwrap();
    assert_eq!(
        subs.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![3730663, 0, 42]
    );

    let page = acme_monthly(
        json!({"date": "2026-10-01", "stats": [{"name": "acme", "type": "subuser",
        "metrics": {"blocks": -31396053, "delivered": 12.7, "opens": null, "clicks": "3"}}]}),
    )
    .await;
    let m = &page.stats[0].metrics;
    assert_eq!((m.blocks, m.delivered, m.opens, m.clicks), (0, 12, 0, 3));
}

#[tokio::test]
async fn an_invite_answer_without_token_and_a_303_without_location_succeed() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/teammates")
            .body(json!({"email": "a@x.test", "scopes": ["mail.send"], "is_admin": false})),
        201,
        Some(json!({"email": "a@x.test", "scopes": ["mail.send"], "is_admin": false})),
    )
    .await;
    let inv = client(&s)
        .teammates()
        .invite(&InviteTeammate {
            email: "a@x.test".into(),
            scopes: vec!["mail.send".into()],
            is_admin: false,
        })
        .await
        .unwrap();
    assert_eq!(inv.token, "");

    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/partners/accounts/sg1/sso"),
        303,
        None,
    )
    .await;
    assert_eq!(client(&s).accounts().sso_login("sg1").await.unwrap(), "");
}

#[tokio::test]
async fn fields_sendgrid_adds_are_kept_in_extra_and_written_back_as_sent() {
    let page = acme_monthly(
        json!({"date": "2026-10-01", "cohort": 7, "stats": [{"name": "acme", "type": "subuser",
        "segment": {"name": "b2b"}, "metrics": {"opens": 3, "machine_opens": 2}}]}),
    )
    .await;
    assert_eq!(page.extra.get("cohort"), Some(&json!(7)));
    let entry = &page.stats[0];
    assert_eq!(entry.extra.get("segment"), Some(&json!({"name": "b2b"})));
    assert_eq!(entry.metrics.opens, 3);
    assert_eq!(entry.metrics.extra.get("machine_opens"), Some(&json!(2)));
    // Written back as SendGrid sent them (flattened), and Debug names them without values: an
    // unknown field could hold a secret.
    let v = serde_json::to_value(entry).unwrap();
    assert_eq!(v["segment"], json!({"name": "b2b"}));
    assert_eq!(v["metrics"]["machine_opens"], json!(2));
    let dbg = format!("{entry:?}");
    assert!(dbg.contains("\"segment\"") && !dbg.contains("b2b"), "{dbg}");
}

/// `stats().subuser_monthly("acme", 2026-10-01)` against a server answering `answer`.
async fn acme_monthly(answer: serde_json::Value) -> DatedStats {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/acme/stats/monthly").query("date=2026-10-01"),
        200,
        Some(answer),
    )
    .await;
    client(&s)
        .stats()
        .subuser_monthly(
            "acme",
            &MonthlyStatsQuery {
                date: "2026-10-01".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
}
