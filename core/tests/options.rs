//! `Client::with_options`: per-call timeout, retries and extra headers, seen on the wire.

mod common;

use std::time::{Duration, Instant};

use common::{client, KEY};
use sendgrid_admin::{ErrorKind, OnBehalfOf, RequestOptions};
use serde_json::json;
use wiremock::matchers::{any, header};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn opts() -> RequestOptions {
    RequestOptions::default()
}

#[tokio::test]
async fn extra_headers_go_on_the_wire_with_the_key_and_on_behalf_of() {
    let s = MockServer::start().await;
    Mock::given(header("x-request-source", "nightly-sync"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .and(header("on-behalf-of", "acme"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"email": "a@example.com", "frequency": 5})),
        )
        .expect(1)
        .mount(&s)
        .await;
    let base = client(&s).on_behalf_of(OnBehalfOf::subuser("acme"));
    let tagged = base
        .with_options(&RequestOptions {
            headers: vec![("X-Request-Source".into(), "nightly-sync".into())],
            ..opts()
        })
        .unwrap();
    // A parent-level operation is refused on an on-behalf-of client; a raw GET shows the wire.
    tagged
        .request("GET", "/v3/user/profile", &[], None)
        .await
        .unwrap();
    // The client it came from sends no extra header.
    let seen = s.received_requests().await.unwrap();
    assert_eq!(seen.len(), 1);
    assert!(format!("{tagged:?}").contains("x-request-source"));
    assert!(
        !format!("{tagged:?}").contains("nightly-sync"),
        "header values stay out of Debug"
    );
    assert!(!format!("{base:?}").contains("x-request-source"));
}

#[tokio::test]
async fn max_retries_changes_the_attempts_and_timeout_ends_a_slow_attempt() {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .mount(&s)
        .await;
    let c = client(&s);
    let once = c
        .with_options(&RequestOptions {
            max_retries: Some(0),
            ..opts()
        })
        .unwrap();
    let e = once.monitor().get("acme").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server);
    assert_eq!(s.received_requests().await.unwrap().len(), 1);
    let twice = c
        .with_options(&RequestOptions {
            max_retries: Some(1),
            ..opts()
        })
        .unwrap();
    twice.monitor().get("acme").await.unwrap_err();
    assert_eq!(s.received_requests().await.unwrap().len(), 3);
    assert_eq!(once.retry_policy().max_attempts, 1);
    assert_eq!(
        c.retry_policy().max_attempts,
        common::client(&s).retry_policy().max_attempts
    );

    let slow = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_delay(Duration::from_secs(5))
                .set_body_json(json!({"email": "a@example.com", "frequency": 5})),
        )
        .mount(&slow)
        .await;
    let quick = client(&slow)
        .with_options(&RequestOptions {
            timeout: Some(Duration::from_millis(200)),
            max_retries: Some(0),
            ..opts()
        })
        .unwrap();
    let t = Instant::now();
    let e = quick.monitor().get("acme").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    assert_eq!(quick.timeout(), Duration::from_millis(200));
}

#[tokio::test]
async fn options_layer_and_bad_ones_are_refused_naming_the_field() {
    let s = MockServer::start().await;
    let c = client(&s);
    let a = c
        .with_options(&RequestOptions {
            max_retries: Some(0),
            ..opts()
        })
        .unwrap();
    let b = a
        .with_options(&RequestOptions {
            timeout: Some(Duration::from_secs(2)),
            ..opts()
        })
        .unwrap();
    assert_eq!(b.retry_policy().max_attempts, 1, "earlier options stay");
    assert_eq!(b.timeout(), Duration::from_secs(2));
    for (name, value, reason) in [
        ("authorization", "Bearer other", "cannot be overridden"),
        ("On-Behalf-Of", "acme", "cannot be overridden"),
        ("bad name", "x", "not a valid header name"),
        ("x-ok", "line\nbreak", "printable ASCII"),
    ] {
        let e = c
            .with_options(&RequestOptions {
                headers: vec![(name.into(), value.into())],
                ..opts()
            })
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.to_string().contains(&format!("headers.{name}")), "{e}");
        assert!(e.to_string().contains(reason), "{e}");
        assert!(!e.to_string().contains(value) || value == "x", "{e}");
    }
    let e = c
        .with_options(&RequestOptions {
            timeout: Some(Duration::ZERO),
            ..opts()
        })
        .unwrap_err();
    assert!(e.to_string().contains("invalid timeout"), "{e}");
    // Closing the derived client closes the pool it shares.
    b.close();
    assert!(c.is_closed());
}

#[tokio::test]
async fn a_cancelled_token_ends_requests_in_flight_and_waits_and_refuses_later_calls() {
    let s = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/v3/subusers/slow/monitor"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_delay(Duration::from_secs(10))
                .set_body_json(json!({"email": "a@example.com", "frequency": 5})),
        )
        .mount(&s)
        .await;
    // A rate limit that would make the client wait 30 s before retrying.
    Mock::given(wiremock::matchers::path("/v3/subusers/limited/monitor"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "30"))
        .mount(&s)
        .await;
    let token = sendgrid_admin::CancellationToken::new();
    // Default retries: the 429 is waited out, not returned.
    let base = sendgrid_admin::Client::builder()
        .api_key(KEY)
        .base_url(s.uri())
        .build()
        .unwrap();
    let c = base.with_cancellation(token.clone());
    let started = Instant::now();
    let canceller = {
        let token = token.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            token.cancel();
        })
    };
    let (slow, limited) = tokio::join!(c.monitor().get("slow"), c.monitor().get("limited"));
    canceller.await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    for e in [slow.unwrap_err(), limited.unwrap_err()] {
        assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
        assert!(e.to_string().contains("was cancelled"), "{e}");
    }
    let before = s.received_requests().await.unwrap_or_default().len();
    let e = c.monitor().get("limited").await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Cancelled, 0));
    assert_eq!(
        s.received_requests().await.unwrap_or_default().len(),
        before
    );
    // The client it came from is not cancelled: it sends (and would wait out the 429).
    let waited =
        tokio::time::timeout(Duration::from_millis(300), base.monitor().get("limited")).await;
    assert!(
        waited.is_err(),
        "the base client is waiting for the rate limit, not cancelled"
    );
    assert!(s.received_requests().await.unwrap_or_default().len() > before);
}
