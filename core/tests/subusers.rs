//! Every subuser operation: the exact request on the wire and the decoded answer.
mod common;

use common::{client, expect, Wire};
use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};
use sendgrid_admin::stats::{
    AggregatedBy, Metric, MonthlyStatsQuery, SortDirection, StatsQuery, StatsSumsQuery,
};
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers, RegionFilter};
use sendgrid_admin::Region;
use serde_json::json;
use wiremock::MockServer;

#[tokio::test]
async fn list_sends_every_filter_and_decodes_float_ids() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers").query("username=acme&limit=10&offset=20&region=eu&include_region=true"),
        200,
        Some(json!([{"id": 1234.0, "username": "acme", "email": "a@acme.io", "disabled": false, "region": "eu", "extra": 1}])),
    )
    .await;
    let got = client(&s)
        .subusers()
        .list(&ListSubusers {
            username: Some("acme".into()),
            limit: Some(10),
            offset: Some(20),
            region: Some(RegionFilter::Eu),
            include_region: true,
        })
        .await
        .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].id, 1234);
    assert_eq!(got[0].region, Some(Region::Eu));
}

#[tokio::test]
async fn list_without_parameters_sends_no_query() {
    let s = MockServer::start().await;
    expect(&s, Wire::new("GET", "/v3/subusers"), 200, Some(json!([]))).await;
    assert!(client(&s)
        .subusers()
        .list(&Default::default())
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn create_posts_the_body_and_accepts_200() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("POST", "/v3/subusers").body(json!({
            "username": "acme", "email": "ops@acme.io", "password": "pw-123456",
            "ips": ["192.0.2.1", "192.0.2.2"], "region": "eu", "include_region": true
        })),
        200,
        Some(
            json!({"username": "acme", "user_id": 77, "email": "ops@acme.io",
                    "credit_allocation": {"type": "unlimited"}, "region": "eu",
                    "signup_session_token": "x", "authorization_token": "y"}),
        ),
    )
    .await;
    let created = client(&s)
        .subusers()
        .create(&CreateSubuser {
            username: "acme".into(),
            email: "ops@acme.io".into(),
            password: "pw-123456".into(),
            ips: vec!["192.0.2.1".into(), "192.0.2.2".into()],
            region: Some(Region::Eu),
            include_region: true,
        })
        .await
        .unwrap();
    assert_eq!(created.user_id, 77);
    assert_eq!(created.credit_allocation_type.as_deref(), Some("unlimited"));
    assert_eq!(created.region, Some(Region::Eu));
}

#[tokio::test]
async fn enable_and_disable_patch_with_204() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/subusers/acme").body(json!({"disabled": true})),
        204,
        None,
    )
    .await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/subusers/beta").body(json!({"disabled": false})),
        204,
        None,
    )
    .await;
    let c = client(&s);
    c.subusers().disable("acme").await.unwrap();
    c.subusers().enable("beta").await.unwrap();
}

#[tokio::test]
async fn delete_sends_delete() {
    let s = MockServer::start().await;
    expect(&s, Wire::new("DELETE", "/v3/subusers/acme"), 204, None).await;
    client(&s).subusers().delete("acme").await.unwrap();
}

#[tokio::test]
async fn set_ips_sends_a_bare_array() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("PUT", "/v3/subusers/acme/ips").body(json!(["192.0.2.1", "198.51.100.7"])),
        200,
        Some(json!({"ips": ["192.0.2.1", "198.51.100.7"]})),
    )
    .await;
    let got = client(&s)
        .ips()
        .set("acme", &["192.0.2.1".into(), "198.51.100.7".into()])
        .await
        .unwrap();
    assert_eq!(got.ips, vec!["192.0.2.1", "198.51.100.7"]);
}

#[tokio::test]
async fn reputations_repeat_the_usernames_parameter() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/reputations").query("usernames=a&usernames=b+c"),
        200,
        Some(
            json!([{"username": "a", "reputation": 99.0}, {"username": "b c", "reputation": 95.2}]),
        ),
    )
    .await;
    let got = client(&s)
        .reputations()
        .list(&["a".into(), "b c".into()])
        .await
        .unwrap();
    assert_eq!(got[1].reputation, 95.2);
}

#[tokio::test]
async fn credits_get_set_and_adjust() {
    let s = MockServer::start().await;
    let answer = json!({"type": "recurring", "reset_frequency": "monthly", "remain": 900, "total": 1000, "used": 100});
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/acme/credits"),
        200,
        Some(answer.clone()),
    )
    .await;
    expect(
        &s,
        Wire::new("PUT", "/v3/subusers/acme/credits")
            .body(json!({"type": "recurring", "reset_frequency": "monthly", "total": 1000})),
        200,
        Some(answer.clone()),
    )
    .await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/subusers/acme/credits/remaining").body(json!({"allocation_update": -50})),
        200,
        Some(json!({"type": "unlimited", "reset_frequency": null, "remain": null, "total": null, "used": null})),
    )
    .await;
    let c = client(&s);
    let got = c.credits().get("acme").await.unwrap();
    assert_eq!(
        (got.r#type, got.reset_frequency, got.remain),
        (
            CreditType::Recurring,
            Some(ResetFrequency::Monthly),
            Some(900)
        )
    );
    let set = SetCredits {
        r#type: CreditType::Recurring,
        reset_frequency: Some(ResetFrequency::Monthly),
        total: Some(1000),
    };
    assert_eq!(
        c.credits().set("acme", &set).await.unwrap().total,
        Some(1000)
    );
    let adj = c.credits().adjust_remaining("acme", -50).await.unwrap();
    assert_eq!((adj.r#type, adj.remain), (CreditType::Unlimited, None));
}

#[tokio::test]
async fn website_access_enable_and_disable() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/subusers/acme/website_access").body(json!({"disabled": true})),
        204,
        None,
    )
    .await;
    expect(
        &s,
        Wire::new("PATCH", "/v3/subusers/acme/website_access").body(json!({"disabled": false})),
        204,
        None,
    )
    .await;
    let c = client(&s);
    c.website_access().disable("acme").await.unwrap();
    c.website_access().enable("acme").await.unwrap();
}

fn stats_row() -> serde_json::Value {
    json!({"date": "2026-10-01", "stats": [{"type": "subuser", "name": "acme", "first_name": "A", "last_name": "B",
           "metrics": {"delivered": 10, "opens": 4}}]})
}

#[tokio::test]
async fn stats_subuser_monthly() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/acme/stats/monthly")
            .query("date=2026-10-01&sort_by_metric=opens&sort_by_direction=asc&limit=5&offset=0"),
        200,
        Some(stats_row()),
    )
    .await;
    let q = MonthlyStatsQuery {
        date: "2026-10-01".into(),
        sort_by_metric: Some(Metric::Opens),
        sort_by_direction: Some(SortDirection::Asc),
        limit: Some(5),
        offset: Some(0),
        ..Default::default()
    };
    let got = client(&s)
        .stats()
        .subuser_monthly("acme", &q)
        .await
        .unwrap();
    assert_eq!(got.stats[0].metrics.delivered, 10);
    assert_eq!(got.stats[0].metrics.bounces, 0);
}

#[tokio::test]
async fn stats_monthly_for_all() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/stats/monthly").query("date=2026-10-01&subuser=ac"),
        200,
        Some(stats_row()),
    )
    .await;
    let q = MonthlyStatsQuery {
        date: "2026-10-01".into(),
        subuser: Some("ac".into()),
        ..Default::default()
    };
    assert_eq!(
        client(&s).stats().monthly(&q).await.unwrap().date,
        "2026-10-01"
    );
}

#[tokio::test]
async fn stats_list_repeats_subusers() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/stats")
            .query("subusers=a&subusers=b&start_date=2026-10-01&end_date=2026-10-31&aggregated_by=week&limit=3&offset=1"),
        200,
        Some(json!([stats_row(), stats_row()])),
    )
    .await;
    let q = StatsQuery {
        subusers: vec!["a".into(), "b".into()],
        start_date: "2026-10-01".into(),
        end_date: Some("2026-10-31".into()),
        aggregated_by: Some(AggregatedBy::Week),
        limit: Some(3),
        offset: Some(1),
    };
    assert_eq!(client(&s).stats().list(&q).await.unwrap().len(), 2);
}

#[tokio::test]
async fn stats_sums_returns_one_object() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/stats/sums")
            .query("start_date=2026-10-01&sort_by_metric=bounces&aggregated_by=day"),
        200,
        Some(stats_row()),
    )
    .await;
    let q = StatsSumsQuery {
        start_date: "2026-10-01".into(),
        sort_by_metric: Some(Metric::Bounces),
        aggregated_by: Some(AggregatedBy::Day),
        ..Default::default()
    };
    assert_eq!(client(&s).stats().sums(&q).await.unwrap().stats.len(), 1);
}
