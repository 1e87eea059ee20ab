//! Subusers, IPs, reputations, credits, website access and monitor settings.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde::Deserialize;
use serde_json::{json, Value};

use sendgrid_admin::credits::{CreditType, SetCredits, SubuserCredits};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::subusers::{CreateSubuser, Subuser};
use sendgrid_admin::{validate, Region};

use crate::http::{
    body, error, invalid, lock, no_content, no_subuser, ok, parent_only, q1, qall, qnum, query,
    Reply,
};
use crate::world::SubuserRec;
use crate::Shared;

fn view(s: &SubuserRec, include_region: bool) -> Subuser {
    Subuser {
        extra: Default::default(),
        id: s.id,
        username: s.username.clone(),
        email: s.email.clone(),
        disabled: s.disabled,
        region: include_region.then(|| s.region.clone()),
    }
}

/// Runs `f` on the named subuser (404 when unknown) for a parent-only operation.
fn on_subuser(
    st: &Shared,
    headers: &HeaderMap,
    name: &str,
    f: impl FnOnce(&mut SubuserRec) -> Reply,
) -> Reply {
    let mut w = lock(st)?;
    parent_only(&w, headers)?;
    let s = w.subuser_mut(name).ok_or_else(|| no_subuser(name))?;
    f(s)
}

/// `GET /v3/subusers`
pub async fn list(State(st): State<Shared>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw);
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let limit = qnum(&q, "limit", 500, 1, 500)? as usize;
    let offset = qnum(&q, "offset", 0, 0, u64::MAX)? as usize;
    let include_region = q1(&q, "include_region") == Some("true");
    let region = match q1(&q, "region") {
        None | Some("all") => None,
        Some(r) => Some(
            Region::parse(r)
                .map_err(|_| error(400, Some("region"), "region must be all, global or eu"))?,
        ),
    };
    let name = q1(&q, "username");
    let out: Vec<Subuser> = w
        .subusers
        .values()
        .filter(|s| name.is_none_or(|n| s.username == n))
        .filter(|s| region.as_ref().is_none_or(|r| &s.region == r))
        .skip(offset)
        .take(limit)
        .map(|s| view(s, include_region))
        .collect();
    ok(&out)
}

/// `POST /v3/subusers` (200, like SendGrid)
pub async fn create(State(st): State<Shared>, headers: HeaderMap, raw: Bytes) -> Reply {
    let req: CreateSubuser = body(&raw)?;
    req.validate().map_err(invalid)?;
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    if w.by_name.contains_key(&req.username) {
        return Err(error(400, Some("username"), "username exists"));
    }
    let region = req.region.unwrap_or_default();
    let s = w.add_subuser(&req.username, &req.email, req.ips.clone(), region.clone());
    let mut out = json!({"username": s.username, "user_id": s.id, "email": s.email,
                         "credit_allocation": {"type": "unlimited"}});
    if req.include_region {
        out["region"] = json!(region);
    }
    ok(&out)
}

#[derive(Deserialize)]
struct Disabled {
    disabled: Option<bool>,
}

/// `PATCH /v3/subusers/{name}` (204)
pub async fn set_disabled(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let d: Disabled = body(&raw)?;
    on_subuser(&st, &headers, &name, |s| {
        if let Some(d) = d.disabled {
            s.disabled = d;
        }
        no_content()
    })
}

/// `DELETE /v3/subusers/{name}` (204): the subuser, its monitor, IPs, credits, teammates and
/// every teammate's access to it are gone.
pub async fn delete(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Reply {
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    if !w.delete_subuser(&name) {
        return Err(no_subuser(&name));
    }
    no_content()
}

/// `PUT /v3/subusers/{name}/ips` (bare array body)
pub async fn set_ips(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let ips: Vec<String> = body(&raw)?;
    validate::ipv4_list("ips", &ips).map_err(invalid)?;
    on_subuser(&st, &headers, &name, |s| {
        s.ips = ips;
        ok(&json!({"ips": s.ips}))
    })
}

/// `GET /v3/subusers/reputations?usernames=a&usernames=b` (unknown names are skipped; none =
/// every subuser)
pub async fn reputations(
    State(st): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw);
    let names = qall(&q, "usernames");
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let rows: Vec<Value> = if names.is_empty() {
        w.subusers
            .values()
            .map(|s| json!({"username": s.username, "reputation": s.reputation}))
            .collect()
    } else {
        names
            .iter()
            .filter_map(|n| w.by_name.get(*n).and_then(|id| w.subusers.get(id)))
            .map(|s| json!({"username": s.username, "reputation": s.reputation}))
            .collect()
    };
    ok(&rows)
}

/// `PATCH /v3/subusers/{name}/website_access` (204)
pub async fn website_access(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let d: Disabled = body(&raw)?;
    on_subuser(&st, &headers, &name, |s| {
        if let Some(d) = d.disabled {
            s.website_disabled = d;
        }
        no_content()
    })
}

/// `GET /v3/subusers/{name}/credits`
pub async fn credits_get(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Reply {
    on_subuser(&st, &headers, &name, |s| ok(&s.credits))
}

/// `PUT /v3/subusers/{name}/credits`
pub async fn credits_set(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let req: SetCredits = serde_json::from_slice(&raw).map_err(|_| {
        error(
            400,
            Some("type"),
            "Type should be set to 'recurring', 'nonrecurring', or 'unlimited'",
        )
    })?;
    req.validate().map_err(invalid)?;
    on_subuser(&st, &headers, &name, |s| {
        s.credits = SubuserCredits {
            extra: Default::default(),
            r#type: req.r#type,
            reset_frequency: req.reset_frequency,
            remain: req.total,
            total: req.total,
            used: req.total.map(|_| 0),
        };
        ok(&s.credits)
    })
}

#[derive(Deserialize)]
struct Allocation {
    allocation_update: i64,
}

/// `PATCH /v3/subusers/{name}/credits/remaining`
pub async fn credits_adjust(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let a: Allocation = body(&raw)?;
    on_subuser(&st, &headers, &name, |s| {
        if s.credits.r#type == CreditType::Unlimited {
            return Err(error(
                400,
                Some("allocation_update"),
                "remaining credits cannot be adjusted for unlimited credits",
            ));
        }
        let remain = s.credits.remain.unwrap_or(0) as i64 + a.allocation_update;
        s.credits.remain = Some(remain.max(0) as u64);
        ok(&s.credits)
    })
}

/// `GET /v3/subusers/{name}/monitor`
pub async fn monitor_get(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Reply {
    on_subuser(&st, &headers, &name, |s| match &s.monitor {
        Some(m) => ok(m),
        None => Err(error(404, None, "No monitor settings for this user")),
    })
}

fn monitor_body(raw: &[u8]) -> Result<Monitor, axum::response::Response> {
    let v: Value = body(raw)?;
    if v.get("email").and_then(Value::as_str).is_none() {
        return Err(error(400, Some("email"), "Email is required"));
    }
    let m: Monitor = serde_json::from_value(v)
        .map_err(|_| error(400, Some("frequency"), "Frequency is required"))?;
    m.validate().map_err(invalid)?;
    Ok(m)
}

/// `POST /v3/subusers/{name}/monitor` (400 when one exists)
pub async fn monitor_create(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let m = monitor_body(&raw)?;
    on_subuser(&st, &headers, &name, |s| {
        if s.monitor.is_some() {
            return Err(error(400, None, "User already has a monitor"));
        }
        s.monitor = Some(m.clone());
        ok(&m)
    })
}

/// `PUT /v3/subusers/{name}/monitor` (creates or replaces)
pub async fn monitor_update(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let m = monitor_body(&raw)?;
    on_subuser(&st, &headers, &name, |s| {
        s.monitor = Some(m.clone());
        ok(&m)
    })
}

/// `DELETE /v3/subusers/{name}/monitor` (404 when none)
pub async fn monitor_delete(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Reply {
    on_subuser(&st, &headers, &name, |s| {
        if s.monitor.take().is_none() {
            return Err(error(404, None, "No monitor settings for this user"));
        }
        no_content()
    })
}
