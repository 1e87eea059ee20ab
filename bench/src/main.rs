//! `sendgrid-admin-bench`: bulk throughput of the core against an unlimited sandbox, and the
//! completion time of a bulk job under a rate limit divided by the theoretical minimum
//! ceil(N/L)·window. Prints a Markdown table. The sandbox runs on its own runtime threads.
//!
//! `cargo run --release -p sendgrid-admin-bench` (full) or `-- --smoke` (tiny, for CI).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clap::Parser;
use sendgrid_admin::bulk::BulkOptions;
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::Client;
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde_json::{json, Value};

#[derive(Parser)]
#[command(about = "Bulk throughput and rate-limited completion time against the sandbox")]
struct Args {
    /// Items in the unlimited run.
    #[arg(long, default_value_t = 10_000)]
    n: usize,
    /// Items in the rate-limited run.
    #[arg(long, default_value_t = 2_000)]
    limited_n: usize,
    /// Requests allowed per window in the rate-limited run.
    #[arg(long, default_value_t = 200)]
    limit: u64,
    /// Window length in seconds.
    #[arg(long, default_value_t = 1)]
    window: u64,
    /// Calls in flight.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Tiny sizes, to check the benchmark still runs.
    #[arg(long)]
    smoke: bool,
    /// Only measure the ceiling against this running sandbox: `n` raw PUTs (a bare reqwest loop:
    /// no models, no validation, no retries) at `concurrency`; prints requests/s.
    #[arg(long)]
    ceiling: Option<String>,
    /// With --ceiling: how many subusers the sandbox has (requests cycle through sub00001..).
    #[arg(long)]
    subusers: Option<usize>,
}

/// The ceiling: the same monitor PUTs as the benchmarks, from a bare HTTP client.
async fn ceiling(url: &str, n: usize, subusers: usize, concurrency: usize) -> Result<f64, String> {
    use futures_util::StreamExt;
    // reqwest is built without a bundled crypto provider (see core/src/client.rs).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let run = |i: usize| {
        let http = http.clone();
        let url = format!(
            "{url}/v3/subusers/sub{:05}/monitor",
            1 + i % subusers.max(1)
        );
        async move {
            http.put(url)
                .bearer_auth(sendgrid_admin_sandbox::DEFAULT_API_KEY)
                .json(&json!({"email": "audit@example.com", "frequency": 1 + i % 1000}))
                .send()
                .await
                .and_then(|r| r.error_for_status())
                .map(|_| ())
        }
    };
    // Warm the pool, then measure.
    let _ = futures_util::stream::iter(0..concurrency)
        .map(run)
        .buffer_unordered(concurrency)
        .count()
        .await;
    let started = Instant::now();
    let failed = futures_util::stream::iter(0..n)
        .map(run)
        .buffer_unordered(concurrency)
        .filter(|r| std::future::ready(r.is_err()))
        .count()
        .await;
    if failed > 0 {
        return Err(format!("{failed} raw requests failed"));
    }
    Ok(n as f64 / started.elapsed().as_secs_f64())
}

struct Row {
    name: String,
    items: usize,
    seconds: f64,
    failed: usize,
    limited: u64,
    ratio: Option<f64>,
    /// Time over (ceil(N/L) − 1)·window: the last window's requests can start the moment it
    /// opens, so this is the stricter measure (a perfect client scores just above 1).
    strict: Option<f64>,
}

async fn control(url: &str, path: &str, body: Value) {
    if let Err(e) = reqwest::Client::new()
        .post(format!("{url}/__sandbox/{path}"))
        .json(&body)
        .send()
        .await
    {
        eprintln!("sandbox {path}: {e}");
    }
}

async fn rate_limited(url: &str) -> u64 {
    let v: Value = match reqwest::get(format!("{url}/__sandbox/stats")).await {
        Ok(r) => r.json().await.unwrap_or(Value::Null),
        Err(_) => Value::Null,
    };
    v["counters"]["rate_limited"].as_u64().unwrap_or(0)
}

async fn bulk_monitors(c: &Client, n: usize, concurrency: usize) -> (Duration, usize) {
    let items: Vec<(String, Monitor)> = (1..=n)
        .map(|i| {
            (
                format!("sub{i:05}"),
                Monitor::new("audit@example.com", 1 + i as u64 % 1000),
            )
        })
        .collect();
    let started = Instant::now();
    let out = c
        .bulk()
        .update_monitors(
            items,
            &BulkOptions {
                concurrency,
                ..Default::default()
            },
        )
        .await;
    (
        started.elapsed(),
        out.iter().filter(|r| r.result.is_err()).count(),
    )
}

/// Sleeps until the next multiple of `window` seconds in epoch time (the sandbox's windows).
async fn align(window: u64) {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0);
    let w = window * 1000;
    tokio::time::sleep(Duration::from_millis(w - ms % w + 5)).await;
}

fn main() -> std::process::ExitCode {
    // The benchmark's own control requests use plain reqwest, which is built without a bundled
    // crypto provider (the core's client carries its own configuration).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut a = Args::parse();
    if let Some(url) = a.ceiling.clone() {
        let rt = match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                eprintln!("runtime: {e}");
                return std::process::ExitCode::FAILURE;
            }
        };
        return match rt.block_on(ceiling(&url, a.n, a.subusers.unwrap_or(a.n), a.concurrency)) {
            Ok(rps) => {
                println!("{rps:.0}");
                std::process::ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    if a.smoke {
        (a.n, a.limited_n, a.limit, a.window) = (300, 250, 100, 1);
    }
    let server_rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let seed = a.n.max(a.limited_n);
    let sandbox: Sandbox = match server_rt.block_on(Sandbox::start_with(SandboxConfig {
        port: 0,
        seed_subusers: seed,
        ..Default::default()
    })) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sandbox: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let url = sandbox.url();
    let client_rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let rows = client_rt.block_on(async {
        let c = match Client::builder()
            .api_key(sandbox.api_key())
            .base_url(&url)
            .build()
        {
            Ok(c) => c,
            Err(e) => {
                eprintln!("client: {e}");
                return Vec::new();
            }
        };
        let mut rows = Vec::new();
        // Warm the connection pool.
        let _ = bulk_monitors(&c, 100.min(a.n), a.concurrency).await;
        let (t, failed) = bulk_monitors(&c, a.n, a.concurrency).await;
        rows.push(Row {
            name: "bulk monitor updates, unlimited".into(),
            items: a.n,
            seconds: t.as_secs_f64(),
            failed,
            limited: rate_limited(&url).await,
            ratio: None,
            strict: None,
        });

        control(
            &url,
            "rate-limit",
            json!({"limit": a.limit, "window_secs": a.window}),
        )
        .await;
        align(a.window).await;
        let before = rate_limited(&url).await;
        let (t, failed) = bulk_monitors(&c, a.limited_n, a.concurrency).await;
        let min = (a.limited_n as u64).div_ceil(a.limit) * a.window;
        rows.push(Row {
            name: format!("bulk monitor updates, {} per {} s", a.limit, a.window),
            items: a.limited_n,
            seconds: t.as_secs_f64(),
            failed,
            limited: rate_limited(&url).await - before,
            ratio: Some(t.as_secs_f64() / min as f64),
            strict: (min > a.window).then(|| t.as_secs_f64() / (min - a.window) as f64),
        });
        rows
    });
    println!("| benchmark | items | concurrency | seconds | requests/s | time / ceil(N/L)·window | time / (ceil(N/L)−1)·window | failed | 429s |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut bad = rows.is_empty();
    for r in &rows {
        let fmt = |x: Option<f64>| x.map(|x| format!("{x:.3}")).unwrap_or_else(|| "–".into());
        println!(
            "| {} | {} | {} | {:.2} | {:.0} | {} | {} | {} | {} |",
            r.name,
            r.items,
            a.concurrency,
            r.seconds,
            r.items as f64 / r.seconds,
            fmt(r.ratio),
            fmt(r.strict),
            r.failed,
            r.limited
        );
        bad |= r.failed > 0;
    }
    drop(sandbox);
    if bad {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}
