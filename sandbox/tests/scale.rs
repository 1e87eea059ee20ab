//! Bulk jobs, paging streams and pacing at scale against the sandbox with limits and faults on.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use sendgrid_admin::bulk::{self, BulkOptions};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers};
use sendgrid_admin::{Client, RetryPolicy};
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde_json::{json, Value};

async fn start(subusers: usize, rate_limit: u64) -> (Sandbox, Client) {
    let sb = Sandbox::start_with(SandboxConfig {
        port: 0,
        seed_subusers: subusers,
        rate_limit,
        rate_window: 1,
        ..Default::default()
    })
    .await
    .unwrap();
    let c = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .build()
        .unwrap();
    (sb, c)
}

async fn stats(sb: &Sandbox) -> Value {
    http()
        .get(format!("{}/__sandbox/stats", sb.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn names(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("sub{i:05}")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_2000_item_bulk_job_under_a_limit_succeeds_for_every_item() {
    let (sb, c) = start(2000, 500).await;
    let opts = BulkOptions {
        concurrency: 32,
        ..Default::default()
    };
    let started = Instant::now();
    let out = c.bulk().set_disabled(names(2000), true, &opts).await;
    let took = started.elapsed();
    let failed: Vec<_> = out.iter().filter(|r| r.result.is_err()).collect();
    assert!(
        failed.is_empty(),
        "{} failed, first: {:?}",
        failed.len(),
        failed[0].result
    );
    assert_eq!(out.len(), 2000);
    let listed: Vec<_> = c
        .subusers()
        .list_all(ListSubusers {
            limit: Some(500),
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert!(listed.iter().all(|s| s.disabled));
    let st = stats(&sb).await;
    println!(
        "2000 items in {took:?} under 500/s; 429s seen: {}",
        st["counters"]["rate_limited"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_retried_on_429_never_duplicate() {
    let (_sb, c) = start(0, 50).await;
    let items: Vec<String> = (0..150).map(|i| format!("bulk{i:03}")).collect();
    let opts = BulkOptions {
        concurrency: 16,
        ..Default::default()
    };
    let out = bulk::run(items, &opts, |name| {
        let c = c.clone();
        async move {
            let s = CreateSubuser {
                username: name.clone(),
                email: format!("{name}@example.com"),
                password: "pw-123456".into(),
                ips: vec![],
                region: None,
                include_region: false,
            };
            c.subusers().create(&s).await
        }
    })
    .await;
    assert!(
        out.iter().all(|r| r.result.is_ok()),
        "every create succeeded exactly once"
    );
    let listed: Vec<_> = c
        .subusers()
        .list_all(Default::default())
        .try_collect()
        .await
        .unwrap();
    let unique: HashSet<_> = listed.iter().map(|s| s.username.clone()).collect();
    assert_eq!((listed.len(), unique.len()), (150, 150));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_of_10000_subusers_yields_each_once() {
    let (_sb, c) = start(10_000, 0).await;
    let mut seen = HashSet::new();
    let mut stream = c.subusers().list_all(ListSubusers {
        limit: Some(500),
        ..Default::default()
    });
    while let Some(s) = stream.try_next().await.unwrap() {
        assert!(seen.insert(s.id), "{} twice", s.id);
    }
    assert_eq!(seen.len(), 10_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_reports_progress_and_per_item_failures() {
    let (sb, _) = start(10, 0).await;
    http()
        .post(format!("{}/__sandbox/faults", sb.url()))
        .json(&json!({"error_rate": 0.3, "error_status": 503}))
        .send()
        .await
        .unwrap();
    // 30 % of answers are 503: with 12 attempts the chance that some item fails every one is
    // 10 × 0.3^12 ≈ 5e-6 (with the default 5 it would be 2 %).
    let c = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .retry_policy(RetryPolicy {
            max_attempts: 12,
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(50),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let opts = BulkOptions {
        concurrency: 4,
        progress: Some(Arc::new(move |p| {
            seen.fetch_add(1, Ordering::SeqCst);
            assert!(p.done <= p.total && p.failed <= p.done);
        })),
    };
    let mut items: Vec<(String, Monitor)> = names(10)
        .into_iter()
        .map(|n| (n, Monitor::new("a@example.com", 3)))
        .collect();
    items.push(("ghost".into(), Monitor::new("a@example.com", 3)));
    let out = c.bulk().update_monitors(items, &opts).await;
    assert_eq!(calls.load(Ordering::SeqCst), 11);
    assert_eq!(out[10].item.0, "ghost", "results keep input order");
    assert_eq!(
        out[10].result.as_ref().unwrap_err().kind(),
        sendgrid_admin::ErrorKind::NotFound
    );
    assert!(
        out[..10].iter().all(|r| r.result.is_ok()),
        "PUT is retried through injected 503s"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_a_bulk_job_cancels_what_is_left() {
    let (sb, c) = start(200, 0).await;
    http()
        .post(format!("{}/__sandbox/faults", sb.url()))
        .json(&json!({"latency_ms": 50}))
        .send()
        .await
        .unwrap();
    let opts = BulkOptions {
        concurrency: 4,
        ..Default::default()
    };
    let job = c.bulk().set_disabled(names(200), true, &opts);
    assert!(tokio::time::timeout(Duration::from_millis(300), job)
        .await
        .is_err());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let sent = stats(&sb).await["counters"]["requests"].as_u64().unwrap();
    assert!(
        sent < 60,
        "{sent} requests reached the sandbox after the job was dropped"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reputations_in_bulk_are_chunked() {
    let (sb, c) = start(250, 0).await;
    let out = c
        .bulk()
        .reputations(names(250), &BulkOptions::default())
        .await;
    assert_eq!(out.len(), 3, "100 + 100 + 50");
    let total: usize = out.iter().map(|r| r.result.as_ref().unwrap().len()).sum();
    assert_eq!(total, 250);
    assert_eq!(stats(&sb).await["counters"]["requests"], 3);
    let ips = c
        .bulk()
        .set_ips(
            vec![("sub00001".into(), vec!["192.0.2.9".into()])],
            &BulkOptions::default(),
        )
        .await;
    assert_eq!(
        ips[0].result.as_ref().unwrap(),
        &vec!["192.0.2.9".to_string()]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pacing_keeps_concurrent_jobs_off_the_limit() {
    let (sb, c) = start(300, 100).await;
    // Two bulk jobs at once on clones of one client share the pacing state.
    let a = c.clone();
    let b = c.clone();
    let opts = BulkOptions {
        concurrency: 16,
        ..Default::default()
    };
    let (ra, rb) = tokio::join!(
        a.bulk().set_disabled(names(150), true, &opts),
        b.bulk()
            .set_disabled(names(300)[150..].to_vec(), true, &opts)
    );
    assert!(ra.iter().chain(rb.iter()).all(|r| r.result.is_ok()));
    let limited = stats(&sb).await["counters"]["rate_limited"]
        .as_u64()
        .unwrap();
    println!("429s with pacing: {limited} for 300 requests at 100/s");
    assert!(
        limited <= 32,
        "pacing should hold requests back, saw {limited} 429s"
    );
}

async fn control(sb: &Sandbox, name: &str, body: Value) {
    http()
        .post(format!("{}/__sandbox/{name}", sb.url()))
        .json(&body)
        .send()
        .await
        .unwrap();
}

/// Issue #18's reproduction: one answer read after its window turned (limit 1 per second, 2.5 s
/// of latency, the same as a client clock 2 s ahead) used to freeze the pacer at "0 remaining"
/// for the client's life: 500 updates then took 12.6 s instead of ~1 s.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_answer_does_not_slow_the_client_for_the_rest_of_its_life() {
    let (sb, c) = start(500, 0).await;
    control(&sb, "rate-limit", json!({"limit": 1, "window_secs": 1})).await;
    control(&sb, "faults", json!({"latency_ms": 2500})).await;
    c.scopes().list().await.unwrap();
    control(&sb, "faults", json!({"latency_ms": 20})).await;
    control(&sb, "rate-limit", json!({"limit": 0})).await;
    let items: Vec<_> = names(500)
        .into_iter()
        .map(|n| (n, Monitor::new("a@example.com", 10)))
        .collect();
    let opts = BulkOptions {
        concurrency: 16,
        ..Default::default()
    };
    let started = Instant::now();
    let out = c.bulk().update_monitors(items, &opts).await;
    let took = started.elapsed();
    assert!(out.iter().all(|r| r.result.is_ok()));
    // ~0.7 s at 16 in flight and 20 ms each; the frozen pacer needed 12.6 s. A wide bound: this
    // checks the freeze is gone, not the speed.
    assert!(took < Duration::from_secs(6), "took {took:?}");
}

/// Calls cancelled mid-flight (a timeout around each) give their pacing places back. With 40
/// requests per minute, 20 leaked places would leave the budget at "none" (18 remaining, 20
/// phantom calls in flight) and every later call would wait the full rate-limit wait.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_calls_do_not_shrink_the_budget() {
    let (sb, c) = start(50, 0).await;
    control(&sb, "rate-limit", json!({"limit": 40, "window_secs": 60})).await;
    c.scopes().list().await.unwrap();
    control(&sb, "faults", json!({"latency_ms": 500})).await;
    for _ in 0..20 {
        let _ = tokio::time::timeout(Duration::from_millis(20), c.scopes().list()).await;
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    control(&sb, "faults", json!({"latency_ms": 0})).await;
    let calls = async {
        for _ in 0..16 {
            c.scopes().list().await.unwrap();
        }
    };
    assert!(
        tokio::time::timeout(Duration::from_secs(10), calls)
            .await
            .is_ok(),
        "the pacer lost the places of cancelled calls"
    );
}

/// A plain HTTP client for the sandbox's control endpoints. reqwest is built without a bundled
/// crypto provider and the core no longer installs one globally, so the test (the host
/// application here) chooses ring.
fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}
