//! The legacy IP list (`GET /v3/ips`) and IP Address Management's subuser assignment
//! (`/v3/send_ips/ips/{ip}/subusers`), over the same data as `PUT /v3/subusers/{name}/ips`.

use std::collections::BTreeSet;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde::Deserialize;
use serde_json::{json, Value};

use sendgrid_admin::validate;

use crate::http::{
    body, error, invalid, lock, no_content, ok, parent_only, q1, qnum, query, Reply,
};
use crate::world::World;
use crate::Shared;

/// The most subuser ids one batch request may carry.
const MAX_BATCH: usize = 1000;

/// Every IP of the account: the parent's and those its subusers list.
fn all_ips(w: &World) -> BTreeSet<String> {
    let mut ips = w.ips.clone();
    for s in w.subusers.values() {
        ips.extend(s.ips.iter().cloned());
    }
    ips
}

/// `GET /v3/ips?ip=&subuser=&limit=&offset=&sort_by_direction=`
pub async fn list(State(st): State<Shared>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw);
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let limit = qnum(&q, "limit", 10, 1, 10_000)? as usize;
    let offset = qnum(&q, "offset", 0, 0, u64::MAX)? as usize;
    let only_ip = q1(&q, "ip");
    let subuser = q1(&q, "subuser");
    let mut rows: Vec<Value> = all_ips(&w)
        .into_iter()
        .filter(|ip| only_ip.is_none_or(|o| o == ip))
        .map(|ip| {
            let users: Vec<&str> = w
                .subusers
                .values()
                .filter(|s| s.ips.contains(&ip))
                .map(|s| s.username.as_str())
                .collect();
            json!({"ip": ip, "subusers": users, "pools": [], "warmup": false,
                   "start_date": null, "whitelabeled": false, "assigned_at": null})
        })
        .filter(|r| {
            subuser.is_none_or(|u| {
                r["subusers"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|x| x == u))
            })
        })
        .collect();
    match q1(&q, "sort_by_direction") {
        None | Some("asc") => {}
        Some("desc") => rows.reverse(),
        Some(_) => {
            return Err(error(400, Some("sort_by_direction"), "must be asc or desc"));
        }
    }
    let rows: Vec<Value> = rows.into_iter().skip(offset).take(limit).collect();
    ok(&rows)
}

/// `GET /v3/send_ips/ips/{ip}/subusers?after_key=&limit=`: subuser ids as strings, keyset
/// paging on the id.
pub async fn subusers_of(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(ip): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw);
    validate::ipv4("ip", &ip).map_err(invalid)?;
    let limit = qnum(&q, "limit", 100, 1, 100)? as usize;
    let after = qnum(&q, "after_key", 0, 0, u64::MAX)?;
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let ids: Vec<u64> = w
        .subusers
        .range(after + 1..)
        .filter(|(_, s)| s.ips.contains(&ip))
        .map(|(id, _)| *id)
        .take(limit + 1)
        .collect();
    let more = ids.len() > limit;
    let page: Vec<String> = ids.iter().take(limit).map(u64::to_string).collect();
    let next = if more { page.last().cloned() } else { None };
    ok(&json!({"result": page, "_metadata": {"next_params": {"after_key": next}}}))
}

#[derive(Deserialize)]
struct Batch {
    subusers: Vec<String>,
}

/// The subuser ids of a batch body, all known, or the 400 SendGrid gives.
fn batch_ids(w: &World, raw: &[u8]) -> Result<Vec<u64>, axum::response::Response> {
    let b: Batch = body(raw)?;
    if b.subusers.is_empty() {
        return Err(error(400, Some("subusers"), "must not be empty"));
    }
    if b.subusers.len() > MAX_BATCH {
        return Err(error(
            400,
            Some("subusers"),
            "must contain at most 1000 subusers",
        ));
    }
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for s in &b.subusers {
        match s
            .parse::<u64>()
            .ok()
            .filter(|id| w.subusers.contains_key(id))
        {
            Some(id) => ids.push(id),
            None => unknown.push(s.as_str()),
        }
    }
    if !unknown.is_empty() {
        return Err(error(
            400,
            Some("subusers"),
            &format!("unverified subusers: {}", unknown.join(", ")),
        ));
    }
    Ok(ids)
}

/// `POST /v3/send_ips/ips/{ip}/subusers:batchAdd` (200, all or nothing).
pub async fn batch_add(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(ip): Path<String>,
    raw: Bytes,
) -> Reply {
    validate::ipv4("ip", &ip).map_err(invalid)?;
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    let ids = batch_ids(&w, &raw)?;
    w.ips.insert(ip.clone());
    for id in &ids {
        if let Some(s) = w.subusers.get_mut(id) {
            if !s.ips.contains(&ip) {
                s.ips.push(ip.clone());
            }
        }
    }
    let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
    ok(&json!({"ip": ip, "subusers": ids}))
}

/// `POST /v3/send_ips/ips/{ip}/subusers:batchDelete` (204).
pub async fn batch_delete(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(ip): Path<String>,
    raw: Bytes,
) -> Reply {
    validate::ipv4("ip", &ip).map_err(invalid)?;
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    let ids = batch_ids(&w, &raw)?;
    w.ips.insert(ip.clone());
    for id in &ids {
        if let Some(s) = w.subusers.get_mut(id) {
            s.ips.retain(|x| x != &ip);
        }
    }
    no_content()
}
