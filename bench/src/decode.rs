//! `sendgrid-admin-decode-bench`: how fast the core decodes SendGrid's answers into its models,
//! per item, for a page of subusers and a month of statistics — with only the fields the models
//! know and with three fields they do not know (kept in each model's `extra`).
//!
//! `cargo run --release -p sendgrid-admin-bench --bin sendgrid-admin-decode-bench` (`-- --smoke`
//! for a tiny run).

use std::hint::black_box;
use std::time::Instant;

use sendgrid_admin::stats::DatedStats;
use sendgrid_admin::subusers::Subuser;
use serde_json::{json, Value};

fn subusers(n: usize, unknown: bool) -> Vec<u8> {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let mut v = json!({
                "id": 1_000_000 + i, "username": format!("sub{i:05}"),
                "email": format!("ops{i}@example.com"), "disabled": i % 7 == 0, "region": "global"
            });
            if unknown {
                v["created_at"] = json!("2026-01-01T00:00:00Z");
                v["tier"] = json!({"name": "pro", "level": 3});
                v["tags"] = json!(["a", "b"]);
            }
            v
        })
        .collect();
    serde_json::to_vec(&items).unwrap_or_default()
}

fn stats(days: usize, per_day: usize, unknown: bool) -> Vec<u8> {
    let metric_names = [
        "blocks",
        "bounce_drops",
        "bounces",
        "clicks",
        "deferred",
        "delivered",
        "invalid_emails",
        "opens",
        "processed",
        "requests",
        "spam_report_drops",
        "spam_reports",
        "unique_clicks",
        "unique_opens",
        "unsubscribe_drops",
        "unsubscribes",
    ];
    let days: Vec<Value> = (0..days)
        .map(|d| {
            let entries: Vec<Value> = (0..per_day)
                .map(|i| {
                    let mut m = serde_json::Map::new();
                    for (k, name) in metric_names.iter().enumerate() {
                        m.insert((*name).into(), json!(i * 31 + k));
                    }
                    if unknown {
                        m.insert("machine_opens".into(), json!(i));
                    }
                    let mut e =
                        json!({"type": "subuser", "name": format!("sub{i:05}"), "metrics": m});
                    if unknown {
                        e["segment"] = json!("b2b");
                        e["ratio"] = json!(0.25);
                    }
                    e
                })
                .collect();
            json!({"date": format!("2026-11-{:02}", 1 + d % 28), "stats": entries})
        })
        .collect();
    serde_json::to_vec(&days).unwrap_or_default()
}

/// Best of `rounds` timings of decoding `body` `reps` times; ns per item.
fn time<T: serde::de::DeserializeOwned>(
    body: &[u8],
    items: usize,
    reps: usize,
    rounds: usize,
) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..reps {
            match serde_json::from_slice::<T>(black_box(body)) {
                Ok(v) => {
                    black_box(v);
                }
                Err(e) => {
                    eprintln!("decode failed: {e}");
                    std::process::exit(1);
                }
            }
        }
        best = best.min(t.elapsed().as_nanos() as f64 / (reps * items) as f64);
    }
    best
}

fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    let (reps, rounds) = if smoke { (2, 1) } else { (400, 5) };
    println!("| body | ns per item, known fields only | ns per item, 3 unknown fields |");
    println!("|---|---:|---:|");
    let n = 500;
    let a = time::<Vec<Subuser>>(&subusers(n, false), n, reps, rounds);
    let b = time::<Vec<Subuser>>(&subusers(n, true), n, reps, rounds);
    println!("| 500 subusers (`GET /v3/subusers`) | {a:.0} | {b:.0} |");
    let (days, per_day) = (30, 50);
    let a = time::<Vec<DatedStats>>(
        &stats(days, per_day, false),
        days * per_day,
        reps / 4 + 1,
        rounds,
    );
    let b = time::<Vec<DatedStats>>(
        &stats(days, per_day, true),
        days * per_day,
        reps / 4 + 1,
        rounds,
    );
    println!("| 30 days × 50 stat entries (`GET /v3/subusers/stats`) | {a:.0} | {b:.0} |");
}
