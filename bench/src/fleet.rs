//! `sendgrid-admin-fleet-bench`: K processes sharing one API key against a rate-limited sandbox.
//! N monitor updates are split over K worker processes, each with its own client (default
//! retries and pacing), first pacing locally, then through a shared Redis store (a
//! `redis-server` this program starts on a free port). Prints a Markdown table: wall time over
//! the minimum (ceil(N/L)−1)·window, failed items, and the 429s the sandbox answered.
//!
//! `cargo run --release -p sendgrid-admin-bench --bin sendgrid-admin-fleet-bench [-- --smoke]`

use std::process::{Command, Stdio};
use std::time::Instant;

use clap::Parser;
use sendgrid_admin::bulk::BulkOptions;
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::Client;
use sendgrid_admin_sandbox::redis_server::RedisServer;
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

#[derive(Parser)]
#[command(about = "K processes sharing one key: local pacing versus a Redis rate-limit store")]
struct Args {
    /// Items in all.
    #[arg(long, default_value_t = 2000)]
    n: usize,
    /// Requests per window.
    #[arg(long, default_value_t = 200)]
    limit: u64,
    /// Process counts to measure.
    #[arg(long, value_delimiter = ',', default_value = "1,2,4,8")]
    k: Vec<usize>,
    /// Calls in flight per process.
    #[arg(long, default_value_t = 8)]
    concurrency: usize,
    /// Skip the Redis rows (no redis-server here).
    #[arg(long)]
    no_redis: bool,
    /// Small sizes, to check the benchmark runs.
    #[arg(long)]
    smoke: bool,
    /// Internal: run as a worker against this sandbox URL.
    #[arg(long, hide = true)]
    worker: Option<String>,
    /// Internal (worker): first and last subuser number.
    #[arg(long, hide = true, num_args = 2)]
    range: Vec<usize>,
    /// Internal (worker): the rate-limit store.
    #[arg(long, hide = true)]
    store: Option<String>,
}

async fn worker(
    url: &str,
    from: usize,
    to: usize,
    store: Option<&str>,
    concurrency: usize,
) -> usize {
    let mut b = Client::builder()
        .api_key(sendgrid_admin_sandbox::DEFAULT_API_KEY)
        .base_url(url);
    if let Some(s) = store {
        b = b.rate_limit_store(s);
    }
    let client = match b.build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("worker: {e}");
            return to + 1 - from;
        }
    };
    let items: Vec<(String, Monitor)> = (from..=to)
        .map(|i| {
            let m = Monitor::new("audit@example.com", 1 + i as u64 % 1000);
            (format!("sub{i:05}"), m)
        })
        .collect();
    let opts = BulkOptions {
        concurrency,
        ..Default::default()
    };
    let out = client.bulk().update_monitors(items, &opts).await;
    if std::env::var_os("FLEET_WINDOWS").is_some() {
        for e in out.iter().filter_map(|r| r.result.as_ref().err()) {
            eprintln!("failed: {e}");
        }
    }
    out.iter().filter(|r| r.result.is_err()).count()
}

async fn stats(url: &str) -> Value {
    let _ = rustls::crypto::ring::default_provider().install_default();
    match reqwest::get(format!("{url}/__sandbox/stats")).await {
        Ok(r) => r.json().await.unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

async fn post(url: &str, path: &str, body: Value) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let _ = reqwest::Client::new()
        .post(format!("{url}/__sandbox/{path}"))
        .json(&body)
        .send()
        .await;
}

struct Row {
    k: usize,
    mode: &'static str,
    ratio: f64,
    failed: usize,
    limited: u64,
}

/// Runs one fleet of `k` worker processes and measures it.
async fn fleet(a: &Args, url: &str, k: usize, store: Option<&str>) -> Result<Row, String> {
    post(url, "reset", serde_json::json!({"seed_subusers": a.n})).await;
    post(
        url,
        "rate-limit",
        serde_json::json!({"limit": a.limit, "window_secs": 1}),
    )
    .await;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let per = a.n.div_ceil(k);
    let started = Instant::now();
    let mut children = Vec::new();
    for w in 0..k {
        let from = 1 + w * per;
        let to = ((w + 1) * per).min(a.n);
        if from > to {
            continue;
        }
        let mut cmd = Command::new(&exe);
        cmd.args([
            "--worker",
            url,
            "--range",
            &from.to_string(),
            &to.to_string(),
        ])
        .args(["--concurrency", &a.concurrency.to_string()])
        .stdout(Stdio::piped());
        if let Some(s) = store {
            cmd.args(["--store", s]);
        }
        children.push(cmd.spawn().map_err(|e| e.to_string())?);
    }
    let mut failed = 0;
    for c in children {
        let out = c.wait_with_output().map_err(|e| e.to_string())?;
        failed += String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<usize>()
            .unwrap_or(per);
    }
    let wall = started.elapsed().as_secs_f64();
    let minimum = (a.n as u64).div_ceil(a.limit).saturating_sub(1).max(1) as f64;
    let st = stats(url).await;
    // How full each window was kept (requests counted per window, 429s included).
    if std::env::var_os("FLEET_WINDOWS").is_some() {
        eprintln!(
            "k={k} wall={wall:.3}s windows={}",
            st["counters"]["windows"]
        );
    }
    Ok(Row {
        k,
        mode: if store.is_some() { "redis" } else { "local" },
        ratio: wall / minimum,
        failed,
        limited: st["counters"]["rate_limited"].as_u64().unwrap_or(0),
    })
}

fn main() -> std::process::ExitCode {
    let mut a = Args::parse();
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
    if let Some(url) = a.worker.clone() {
        let (from, to) = (
            a.range.first().copied().unwrap_or(1),
            a.range.get(1).copied().unwrap_or(0),
        );
        let t = Instant::now();
        let failed = rt.block_on(worker(&url, from, to, a.store.as_deref(), a.concurrency));
        if std::env::var_os("FLEET_WINDOWS").is_some() {
            eprintln!(
                "worker {from}..={to} done in {:.3}s",
                t.elapsed().as_secs_f64()
            );
        }
        println!("{failed}");
        return std::process::ExitCode::SUCCESS;
    }
    if a.smoke {
        (a.n, a.limit, a.k) = (300, 100, vec![1, 4]);
    }
    let sandbox = match rt.block_on(Sandbox::start_with(SandboxConfig {
        port: 0,
        seed_subusers: a.n,
        ..Default::default()
    })) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sandbox: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let url = sandbox.url();
    let redis = if a.no_redis {
        None
    } else {
        Some(RedisServer::start())
    };
    println!("### K processes sharing one key: {} monitor updates, sandbox limited to {} per 1 s, {} in flight per process", a.n, a.limit, a.concurrency);
    println!();
    println!("| K processes | pacing | wall / (ceil(N/L)−1)·window | failed items | 429s | 429s / items |");
    println!("|---:|---|---:|---:|---:|---:|");
    let mut ok = true;
    for &k in &a.k {
        let stores: Vec<Option<String>> = match &redis {
            Some(Ok(r)) => vec![None, Some(r.url().to_string())],
            _ => vec![None],
        };
        for store in stores {
            match rt.block_on(fleet(&a, &url, k, store.as_deref())) {
                Ok(r) => println!(
                    "| {} | {} | {:.3} | {} | {} | {:.1}% |",
                    r.k,
                    r.mode,
                    r.ratio,
                    r.failed,
                    r.limited,
                    100.0 * r.limited as f64 / a.n as f64
                ),
                Err(e) => {
                    eprintln!("fleet of {k}: {e}");
                    ok = false;
                }
            }
        }
    }
    if let Some(Err(e)) = &redis {
        println!();
        println!("(Redis rows skipped: {e})");
    }
    if ok {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
