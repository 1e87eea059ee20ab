//! Subuser statistics, computed deterministically from subuser id and date so that the same
//! question always gets the same answer.

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Value};

use sendgrid_admin::stats::{DatedStats, Metrics, StatEntry};
use sendgrid_admin::validate;

use crate::http::{error, lock, no_subuser, ok, parent_only, q1, qall, qnum, query, Reply};
use crate::world::SubuserRec;
use crate::Shared;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's days_from_civil).
fn days(date: &str) -> Option<i64> {
    validate::date("date", date).ok()?;
    let (y, m, d): (i64, i64, i64) = (
        date[0..4].parse().ok()?,
        date[5..7].parse().ok()?,
        date[8..10].parse().ok()?,
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// The `YYYY-MM-DD` form of a day number (civil_from_days).
fn date_of(z: i64) -> String {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn metrics(id: u64, day: i64, span: u64) -> Metrics {
    let seed = id
        .wrapping_mul(6364136223846793005)
        .wrapping_add((day as u64).wrapping_mul(1442695040888963407));
    let base = (seed >> 33) % 1000 * span;
    Metrics {
        requests: base + 10,
        processed: base + 9,
        delivered: base + 8,
        opens: base / 2,
        unique_opens: base / 3,
        clicks: base / 5,
        unique_clicks: base / 7,
        bounces: base / 50,
        blocks: base / 100,
        deferred: base / 40,
        spam_reports: base / 500,
        unsubscribes: base / 200,
        ..Default::default()
    }
}

fn metric_value(m: &Metrics, name: &str) -> u64 {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v.get(name).and_then(Value::as_u64))
        .unwrap_or(0)
}

fn entry(s: &SubuserRec, day: i64, span: u64, names: bool) -> StatEntry {
    StatEntry {
        extra: Default::default(),
        r#type: Some("subuser".into()),
        name: Some(s.username.clone()),
        first_name: names.then(|| "Sub".to_string()),
        last_name: names.then(|| s.username.clone()),
        metrics: metrics(s.id, day, span),
    }
}

fn req_date(q: &[(String, String)], key: &str) -> Result<i64, axum::response::Response> {
    let v = q1(q, key).ok_or_else(|| error(400, Some(key), &format!("{key} is required")))?;
    days(v).ok_or_else(|| error(400, Some(key), &format!("{key} must be YYYY-MM-DD")))
}

/// Sorts by `sort_by_metric` (default delivered) and pages with limit (default 5) / offset.
fn sort_page(
    mut rows: Vec<StatEntry>,
    q: &[(String, String)],
) -> Result<Vec<StatEntry>, axum::response::Response> {
    let metric = q1(q, "sort_by_metric").unwrap_or("delivered");
    let known = serde_json::to_value(Metrics::default())
        .ok()
        .is_some_and(|v| v.get(metric).is_some());
    if !known {
        return Err(error(400, Some("sort_by_metric"), "unknown metric"));
    }
    let asc = q1(q, "sort_by_direction") == Some("asc");
    rows.sort_by_key(|r| metric_value(&r.metrics, metric));
    if !asc {
        rows.reverse();
    }
    let limit = qnum(q, "limit", 5, 1, 500)? as usize;
    let offset = qnum(q, "offset", 0, 0, u64::MAX)? as usize;
    Ok(rows.into_iter().skip(offset).take(limit).collect())
}

/// `GET /v3/subusers/{name}/stats/monthly`
pub async fn subuser_monthly(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw);
    let day = req_date(&q, "date")?;
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    let s = w.subuser_mut(&name).ok_or_else(|| no_subuser(&name))?;
    let rows = sort_page(vec![entry(s, day, 30, true)], &q)?;
    ok(&DatedStats {
        extra: Default::default(),
        date: q1(&q, "date").unwrap_or_default().to_string(),
        stats: rows,
    })
}

/// `GET /v3/subusers/stats/monthly`
pub async fn monthly(
    State(st): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw);
    let day = req_date(&q, "date")?;
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let sub = q1(&q, "subuser").unwrap_or("");
    let rows = w
        .subusers
        .values()
        .filter(|s| s.username.contains(sub))
        .map(|s| entry(s, day, 30, true))
        .collect();
    ok(&DatedStats {
        extra: Default::default(),
        date: q1(&q, "date").unwrap_or_default().to_string(),
        stats: sort_page(rows, &q)?,
    })
}

/// `GET /v3/subusers/stats`: one row per day, week or month from start_date to end_date.
pub async fn list(State(st): State<Shared>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw);
    let names = qall(&q, "subusers");
    if names.is_empty() || names.len() > 10 {
        return Err(error(
            400,
            Some("subusers"),
            "between 1 and 10 subusers are required",
        ));
    }
    let start = req_date(&q, "start_date")?;
    let end = match q1(&q, "end_date") {
        Some(_) => req_date(&q, "end_date")?,
        None => start + 30,
    };
    if end < start || end - start > 366 {
        return Err(error(
            400,
            Some("end_date"),
            "end_date must be after start_date and within a year",
        ));
    }
    let step = match q1(&q, "aggregated_by") {
        None | Some("day") => 1,
        Some("week") => 7,
        Some("month") => 30,
        Some(_) => {
            return Err(error(
                400,
                Some("aggregated_by"),
                "aggregated_by must be day, week or month",
            ))
        }
    };
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let subs: Vec<&SubuserRec> = names
        .iter()
        .filter_map(|n| w.by_name.get(*n).and_then(|id| w.subusers.get(id)))
        .collect();
    let rows: Vec<Value> = (start..=end)
        .step_by(step as usize)
        .map(|d| {
            let stats: Vec<StatEntry> = subs.iter().map(|s| entry(s, d, step, false)).collect();
            json!({"date": date_of(d), "stats": stats})
        })
        .collect();
    let limit = qnum(&q, "limit", 500, 1, 500)? as usize;
    let offset = qnum(&q, "offset", 0, 0, u64::MAX)? as usize;
    ok(&rows
        .into_iter()
        .skip(offset)
        .take(limit)
        .collect::<Vec<_>>())
}

/// `GET /v3/subusers/stats/sums`: totals per subuser over the range, one object.
pub async fn sums(State(st): State<Shared>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw);
    let start = req_date(&q, "start_date")?;
    let end = match q1(&q, "end_date") {
        Some(_) => req_date(&q, "end_date")?,
        None => start,
    };
    if end < start {
        return Err(error(
            400,
            Some("end_date"),
            "end_date must not be before start_date",
        ));
    }
    let span = (end - start + 1).min(366) as u64;
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let rows = w
        .subusers
        .values()
        .map(|s| entry(s, start, span, false))
        .collect();
    ok(&DatedStats {
        extra: Default::default(),
        date: date_of(start),
        stats: sort_page(rows, &q)?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn day_numbers_round_trip() {
        for d in ["1970-01-01", "2000-02-29", "2026-11-22", "2100-12-31"] {
            assert_eq!(super::date_of(super::days(d).unwrap()), d);
        }
        assert_eq!(super::days("1970-01-02"), Some(1));
    }
}
