//! `sendgrid-admin-plan-bench`: declarative administration against the sandbox.
//! 1. An account of 1,000 subusers and 50 teammates: export, then plan the export (0 changes).
//! 2. The sandbox limited to 200 requests per second: apply 1,000 monitor changes; the wall time
//!    against the minimum for the requests apply must make (a drift re-read and a write each).
//! 3. Peak memory of exporting 1,000 and 10,000 subusers (each in a fresh child process, the
//!    sandbox in this one): flat means the 10,000 export costs about what the 1,000 one does.
//!
//! `cargo run --release -p sendgrid-admin-bench --bin sendgrid-admin-plan-bench [-- --smoke]`

use std::process::Command;
use std::time::Instant;

use clap::Parser;
use sendgrid_admin::bulk::BulkOptions;
use sendgrid_admin::plan::{Document, PlanOptions};
use sendgrid_admin::Client;
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

#[derive(Parser)]
#[command(about = "export / plan / apply against the sandbox")]
struct Args {
    /// Small sizes, to check the benchmark runs.
    #[arg(long)]
    smoke: bool,
    /// Internal: export the account at this URL and print peak RSS in KiB.
    #[arg(long, hide = true)]
    export_worker: Option<String>,
}

fn client(url: &str) -> Result<Client, String> {
    Client::builder()
        .api_key(sendgrid_admin_sandbox::DEFAULT_API_KEY)
        .base_url(url)
        .build()
        .map_err(|e| e.to_string())
}

/// Peak resident memory of this process (VmHWM), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

async fn post(url: &str, path: &str, body: Value) -> Result<(), String> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
        .post(format!("{url}/__sandbox/{path}"))
        .json(&body)
        .send()
        .await
        .map(drop)
        .map_err(|e| e.to_string())
}

async fn counter(url: &str, name: &str) -> u64 {
    let _ = rustls::crypto::ring::default_provider().install_default();
    match reqwest::get(format!("{url}/__sandbox/stats")).await {
        Ok(r) => r.json::<Value>().await.unwrap_or(Value::Null)["counters"][name]
            .as_u64()
            .unwrap_or(0),
        Err(_) => 0,
    }
}

async fn export_worker(url: &str) -> Result<(), String> {
    let c = client(url)?;
    let mut n = 0usize;
    let mut sink = std::io::sink();
    c.export_each(|item| {
        n += 1;
        if let sendgrid_admin::plan::ExportItem::Subuser(s) = item {
            use std::io::Write;
            let _ = writeln!(sink, "{}", s.username);
        }
        Ok(())
    })
    .await
    .map_err(|e| e.to_string())?;
    println!("{n} {}", peak_rss_kib());
    Ok(())
}

async fn bench(a: &Args) -> Result<(), String> {
    let (subusers, teammates, changes, limit, big) = if a.smoke {
        (100, 10, 100, 100, 500)
    } else {
        (1000, 50, 1000, 200, 10_000)
    };
    let sb = Sandbox::start_with(SandboxConfig {
        port: 0,
        ..Default::default()
    })
    .await
    .map_err(|e| e.to_string())?;
    let url = sb.url();
    let c = client(&url)?;

    println!("### export and plan: {subusers} subusers, {teammates} teammates");
    println!();
    post(
        &url,
        "reset",
        serde_json::json!({"seed_subusers": subusers, "seed_teammates": teammates}),
    )
    .await?;
    let t = Instant::now();
    let doc = c.export().await.map_err(|e| e.to_string())?;
    let export_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let plan = c
        .plan(&doc, &PlanOptions { prune: true })
        .await
        .map_err(|e| e.to_string())?;
    let plan_s = t.elapsed().as_secs_f64();
    println!("| step | items | seconds | changes |");
    println!("|---|---:|---:|---:|");
    println!(
        "| export | {} | {export_s:.2} | |",
        doc.subusers.len() + doc.teammates.len()
    );
    println!(
        "| plan of the export (prune) | {} | {plan_s:.2} | {} |",
        doc.subusers.len() + doc.teammates.len(),
        plan.changes.len()
    );
    println!();

    println!("### apply {changes} monitor changes, sandbox limited to {limit} per 1 s");
    println!();
    let mut yaml = String::from("subusers:\n");
    for i in 1..=changes {
        yaml.push_str(&format!(
            "- username: sub{i:05}\n  monitor: {{email: audit@example.com, frequency: {i}}}\n"
        ));
    }
    let doc = Document::from_yaml(&yaml).map_err(|e| e.to_string())?;
    let plan = c
        .plan(&doc, &PlanOptions::default())
        .await
        .map_err(|e| e.to_string())?;
    post(
        &url,
        "rate-limit",
        serde_json::json!({"limit": limit, "window_secs": 1}),
    )
    .await?;
    let before = counter(&url, "requests").await;
    let t = Instant::now();
    let out = c.apply(&plan, &BulkOptions::default()).await;
    let wall = t.elapsed().as_secs_f64();
    let requests = counter(&url, "requests").await.saturating_sub(before);
    let limited = counter(&url, "rate_limited").await;
    let failed = out.iter().filter(|o| o.result.is_err()).count();
    let api_requests = requests.saturating_sub(limited);
    let minimum = api_requests.div_ceil(limit).saturating_sub(1).max(1) as f64;
    println!("| changes | failed | API requests (re-read + write) | 429s | wall s | wall / (ceil(R/L)−1)·window |");
    println!("|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {failed} | {api_requests} | {limited} | {wall:.2} | {:.3} |",
        out.len(),
        wall / minimum
    );
    println!();
    post(
        &url,
        "rate-limit",
        serde_json::json!({"limit": 0, "window_secs": 1}),
    )
    .await?;

    println!("### export peak memory (a fresh process per size; sandbox elsewhere)");
    println!();
    println!("| subusers | items exported | peak RSS MiB |");
    println!("|---:|---:|---:|");
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    for n in [big / 10, big] {
        post(
            &url,
            "reset",
            serde_json::json!({"seed_subusers": n, "seed_teammates": 0}),
        )
        .await?;
        let out = Command::new(&exe)
            .args(["--export-worker", &url])
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace();
        let items = parts.next().unwrap_or("?").to_string();
        let kib: f64 = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
        println!("| {n} | {items} | {:.1} |", kib / 1024.0);
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let a = Args::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let r = match &a.export_worker {
        Some(url) => rt.block_on(export_worker(url)),
        None => rt.block_on(bench(&a)),
    };
    match r {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("plan bench: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
