//! Issue #18 on the wire: idempotency, the DELETE-after-lost-answer rule, rate-limit time
//! against real headers, 408/409 kinds, decoding of SendGrid's documented bodies, paging that
//! does not stop on a short page, and a client that leaves process-global TLS state alone.
mod common;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::TryStreamExt;
use sendgrid_admin::credits::CreditType;
use sendgrid_admin::teammates::{PermissionType, SubuserAccessPage, Teammate, UserType};
use sendgrid_admin::{Client, ErrorKind, Region, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{any, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use common::KEY;

fn client(server: &str, retries: u32, timeout: Duration) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(server)
        .timeout(timeout)
        .retry_policy(RetryPolicy {
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(40),
            ..RetryPolicy::with_max_retries(retries)
        })
        .build()
        .unwrap()
}

async fn requests(s: &MockServer) -> usize {
    s.received_requests().await.map_or(0, |r| r.len())
}

#[tokio::test]
async fn a_timed_out_credit_adjustment_is_sent_once() {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "nonrecurring", "remain": 1100}))
                .set_delay(Duration::from_millis(400)),
        )
        .mount(&s)
        .await;
    let c = client(&s.uri(), 4, Duration::from_millis(150));
    let e = c.credits().adjust_remaining("acme", 100).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(e.attempts(), 1);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        requests(&s).await,
        1,
        "an adjustment adds: it must not be replayed"
    );
}

#[tokio::test]
async fn a_timed_out_approval_is_sent_once_but_an_enable_is_retried() {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_millis(400)))
        .mount(&s)
        .await;
    let c = client(&s.uri(), 2, Duration::from_millis(100));
    let e = c.scopes().approve_access_request(7).await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Timeout, 1));
    let e = c.subusers().enable("acme").await.unwrap_err();
    assert_eq!(
        (e.kind(), e.attempts()),
        (ErrorKind::Timeout, 3),
        "PATCH disabled=false is idempotent"
    );
}

#[tokio::test]
async fn a_retried_delete_that_meets_404_has_succeeded() {
    let s = MockServer::start().await;
    // The first DELETE is processed but its answer lost (a 503 here); the retry finds nothing.
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&s)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"errors": [{"message": "not found"}]})),
        )
        .with_priority(2)
        .mount(&s)
        .await;
    let c = client(&s.uri(), 3, Duration::from_secs(5));
    c.subusers()
        .delete("acme")
        .await
        .expect("deleted by the first attempt");
    assert_eq!(requests(&s).await, 2);
    // A first-attempt 404 is still not found.
    let e = c.monitor().delete("ghost").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_429_with_an_epoch_reset_already_past_retries_promptly() {
    let s = MockServer::start().await;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("x-ratelimit-limit", "1")
                .insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-reset", (now - 3).to_string().as_str()),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&s)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"scopes": []})))
        .with_priority(2)
        .mount(&s)
        .await;
    let c = client(&s.uri(), 3, Duration::from_secs(5));
    let t = Instant::now();
    c.scopes().list().await.unwrap();
    // Before the fix this waited max_rate_limit_wait (60 s): the past epoch read as 55 years.
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // And the client is not frozen afterwards.
    let t = Instant::now();
    for _ in 0..10 {
        c.scopes().list().await.unwrap();
    }
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
}

#[tokio::test]
async fn a_429_with_a_huge_reset_fails_fast_and_never_panics() {
    for reset in ["18446744073709551615", "99999999999999999999999", "1e300"] {
        let s = MockServer::start().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("x-ratelimit-remaining", "0")
                    .insert_header("x-ratelimit-reset", reset),
            )
            .mount(&s)
            .await;
        let c = client(&s.uri(), 4, Duration::from_secs(5));
        let t = Instant::now();
        let e = c.scopes().list().await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RateLimited);
        assert_eq!(e.attempts(), 1, "a reset beyond the cap is not retried");
        assert!(e.retry_after().is_some());
        assert!(t.elapsed() < Duration::from_secs(2));
        // The pacer survived: the next call goes out at once (the reset is beyond max wait).
        let t = Instant::now();
        let _ = c.scopes().list().await;
        assert!(t.elapsed() < Duration::from_secs(2));
    }
}

#[tokio::test]
async fn the_standard_retry_after_header_is_honoured() {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&s)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"scopes": []})))
        .with_priority(2)
        .mount(&s)
        .await;
    let c = client(&s.uri(), 2, Duration::from_secs(5));
    let t = Instant::now();
    c.scopes().list().await.unwrap();
    assert!(
        t.elapsed() >= Duration::from_millis(950),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn an_oversized_get_body_is_not_retried() {
    let s = MockServer::start().await;
    let big = vec![b' '; sendgrid_admin::MAX_BODY_BYTES + 10];
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(big, "application/json"))
        .mount(&s)
        .await;
    let c = client(&s.uri(), 3, Duration::from_secs(20));
    let e = c.scopes().list().await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Decode, 1));
    assert_eq!(requests(&s).await, 1);
}

#[tokio::test]
async fn status_408_and_409_have_their_own_kinds() {
    for (status, kind) in [
        (408, ErrorKind::Timeout),
        (409, ErrorKind::Conflict),
        (422, ErrorKind::BadRequest),
    ] {
        let s = MockServer::start().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(status).set_body_json(json!({"errors": [{"message": "x"}]})),
            )
            .mount(&s)
            .await;
        let c = client(&s.uri(), 0, Duration::from_secs(5));
        let e = c.scopes().list().await.unwrap_err();
        assert_eq!((e.kind(), e.status()), (kind, Some(status)));
        assert_eq!(kind.as_str().parse::<ErrorKind>().unwrap(), kind);
    }
}

#[tokio::test]
async fn another_endpoints_body_is_not_a_teammate() {
    let s = MockServer::start().await;
    // What GET /v3/teammates/pending answers: before the fix it decoded as an empty teammate.
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"result": [{"token": "t", "email": "a@b.co"}]})),
        )
        .mount(&s)
        .await;
    let c = client(&s.uri(), 0, Duration::from_secs(5));
    let e = c.teammates().get("jane").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(serde_json::from_value::<SubuserAccessPage>(json!({"result": []})).is_err());
}

#[tokio::test]
async fn reserved_teammate_names_are_refused_before_sending() {
    let s = MockServer::start().await;
    let c = client(&s.uri(), 0, Duration::from_secs(5));
    let e = c.teammates().get("pending").await.unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (ErrorKind::InvalidInput, Some("username"))
    );
    assert!(c.teammates().delete("pending").await.is_err());
    assert_eq!(requests(&s).await, 0);
}

#[test]
fn sendgrids_documented_bodies_decode_and_unknown_values_are_kept() {
    // From SendGrid's teammates reference (GET /v3/teammates/{username}).
    let t: Teammate = serde_json::from_value(json!({
        "username": "teammate1", "first_name": "Jane", "last_name": "Doe",
        "email": "teammate1@example.com", "scopes": ["user.profile.read"],
        "user_type": "teammate", "is_admin": false, "phone": "123456789",
        "website": "www.example.com", "address": "123 Fake St", "address2": "",
        "city": "Denver", "state": "CO", "zip": "80202", "country": "USA"
    }))
    .unwrap();
    assert_eq!(t.user_type, Some(UserType::Teammate));
    let t: Teammate =
        serde_json::from_value(json!({"username": "x", "user_type": "sso_teammate"})).unwrap();
    assert_eq!(t.user_type, Some(UserType::Other("sso_teammate".into())));
    // Subuser access (GET /v3/teammates/{teammate_name}/subuser_access).
    let p: SubuserAccessPage = serde_json::from_value(json!({
        "has_restricted_subuser_access": true,
        "subuser_access": [
            {"id": 1001, "username": "sub1", "email": "s@example.com", "disabled": false,
             "permission_type": "restricted", "scopes": ["mail.send"]},
            {"id": 1002, "username": "sub2", "email": "t@example.com", "disabled": false,
             "permission_type": "readonly", "scopes": []}
        ],
        "_metadata": {"next_params": {"limit": 100, "after_subuser_id": 1002}}
    }))
    .unwrap();
    assert_eq!(
        p.subuser_access[0].permission_type,
        Some(PermissionType::Restricted)
    );
    assert_eq!(
        p.subuser_access[1].permission_type,
        Some(PermissionType::Other("readonly".into()))
    );
    let c: sendgrid_admin::credits::SubuserCredits =
        serde_json::from_value(json!({"type": "prepaid", "remain": 5})).unwrap();
    assert_eq!(c.r#type, CreditType::Other("prepaid".into()));
    let r: Region = serde_json::from_value(json!("apac")).unwrap();
    assert_eq!(r, Region::Other("apac".into()));
    assert_eq!(serde_json::to_value(&r).unwrap(), json!("apac"));
    let e = Client::builder()
        .api_key(KEY)
        .region(r)
        .build()
        .unwrap_err();
    assert_eq!(e.field(), Some("region"));
}

#[tokio::test]
async fn a_server_that_caps_the_page_size_does_not_truncate_a_listing() {
    let s = MockServer::start().await;
    // Asked for 100 per page, the server gives at most 2: five teammates in all.
    for (offset, names) in [
        ("0", vec!["a", "b"]),
        ("2", vec!["c", "d"]),
        ("4", vec!["e"]),
        ("5", vec![]),
    ] {
        let result: Vec<_> = names
            .iter()
            .map(|n| json!({"username": n, "email": format!("{n}@x.io")}))
            .collect();
        Mock::given(method("GET"))
            .and(path("/v3/teammates"))
            .and(query_param("offset", offset))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": result})))
            .mount(&s)
            .await;
    }
    let c = client(&s.uri(), 0, Duration::from_secs(5));
    let all: Vec<Teammate> = c
        .teammates()
        .list_all(Some(100))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|t| t.username.as_str()).collect::<Vec<_>>(),
        ["a", "b", "c", "d", "e"]
    );
}

#[test]
fn building_a_client_leaves_the_process_tls_provider_alone() {
    let _c = Client::builder().api_key(KEY).build().unwrap();
    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "the client must not install a process-global crypto provider"
    );
}
