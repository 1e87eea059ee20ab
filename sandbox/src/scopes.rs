//! Scopes and access requests, per account (on-behalf-of aware).

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::json;

use sendgrid_admin::scopes::AccessRequest;

use crate::http::{acting, error, lock, no_content, ok, qnum, query, Reply};
use crate::Shared;

fn no_request() -> axum::response::Response {
    error(404, Some("request_id"), "Cannot find request")
}

fn request_id(raw: &str) -> Result<u64, axum::response::Response> {
    raw.parse().map_err(|_| no_request())
}

/// `GET /v3/scopes`
pub async fn list(State(st): State<Shared>, headers: HeaderMap) -> Reply {
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    ok(&json!({"scopes": w.account_mut(&who).scopes}))
}

/// `GET /v3/scopes/requests` (limit default 50, offset)
pub async fn requests(
    State(st): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw);
    let limit = qnum(&q, "limit", 50, 1, 500)? as usize;
    let offset = qnum(&q, "offset", 0, 0, u64::MAX)? as usize;
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    let rows: Vec<AccessRequest> = w
        .account_mut(&who)
        .access_requests
        .values()
        .skip(offset)
        .take(limit)
        .cloned()
        .collect();
    ok(&rows)
}

/// `PATCH /v3/scopes/requests/{id}/approve`: the teammate gains the scope group's read scope.
pub async fn approve(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    let id = request_id(&id)?;
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    let acc = w.account_mut(&who);
    let r = acc.access_requests.remove(&id).ok_or_else(no_request)?;
    if let Some(t) = acc.teammates.get_mut(&r.username) {
        let scope = format!("{}.read", r.scope_group_name.to_lowercase());
        if !t.teammate.is_admin && !t.teammate.scopes.contains(&scope) {
            t.teammate.scopes.push(scope);
        }
    }
    ok(&json!({"scope_group_name": r.scope_group_name}))
}

/// `DELETE /v3/scopes/requests/{id}` (204)
pub async fn deny(State(st): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    let id = request_id(&id)?;
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    match w.account_mut(&who).access_requests.remove(&id) {
        Some(_) => no_content(),
        None => Err(no_request()),
    }
}
