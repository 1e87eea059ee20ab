//! API keys of whichever account the call acts as (parent, subuser or customer account).
//! A key's scopes must be among the account's own.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::json;

use crate::http::{acting, body, error, lock, no_content, ok, qnum, query, Reply};
use crate::quirks::API_KEY_AUTO_SCOPES;
use crate::Shared;

#[derive(Deserialize)]
struct KeyBody {
    name: String,
    scopes: Option<Vec<String>>,
}

fn allowed(mine: &[String], asked: &[String]) -> Result<(), axum::response::Response> {
    match asked.iter().find(|s| !mine.contains(s)) {
        Some(s) => Err(error(
            400,
            Some("scopes"),
            &format!("scope {s:?} is not available to this account"),
        )),
        None => Ok(()),
    }
}

/// `POST /v3/api_keys` (201, the only answer with the secret).
pub async fn create(State(st): State<Shared>, headers: HeaderMap, raw: Bytes) -> Reply {
    let b: KeyBody = body(&raw)?;
    if b.name.trim().is_empty() {
        return Err(error(400, Some("name"), "name is required"));
    }
    let mut w = lock(&st)?;
    crate::teammates::refuse_managed(&w.quirks, b.scopes.as_deref().unwrap_or_default())?;
    let quirks = w.quirks.clone();
    let who = acting(&w, &headers)?;
    w.next_token += 1;
    let id = format!("key{:06}", w.next_token);
    let acct = w.account_mut(&who);
    let scopes = b.scopes.unwrap_or_else(|| acct.scopes.clone());
    allowed(&acct.scopes, &scopes)?;
    acct.api_keys
        .insert(id.clone(), (b.name.clone(), scopes.clone()));
    let secret = format!("SG.{id}.sandbox-secret-{}", id.len() * 7919);
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({"api_key": secret, "api_key_id": id, "name": b.name,
                          "scopes": quirks.read_scopes(&scopes, API_KEY_AUTO_SCOPES)})),
    )
        .into_response())
}

/// `GET /v3/api_keys?limit=`
pub async fn list(State(st): State<Shared>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw);
    let limit = qnum(&q, "limit", 1000, 1, 1000)? as usize;
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    let keys: Vec<_> = w
        .account_mut(&who)
        .api_keys
        .iter()
        .take(limit)
        .map(|(id, (name, _))| json!({"api_key_id": id, "name": name}))
        .collect();
    ok(&json!({"result": keys}))
}

/// `PUT /v3/api_keys/{id}`: new name and scopes.
pub async fn update(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    raw: Bytes,
) -> Reply {
    let b: KeyBody = body(&raw)?;
    let mut w = lock(&st)?;
    crate::teammates::refuse_managed(&w.quirks, b.scopes.as_deref().unwrap_or_default())?;
    let quirks = w.quirks.clone();
    let who = acting(&w, &headers)?;
    let acct = w.account_mut(&who);
    let scopes = b.scopes.unwrap_or_default();
    allowed(&acct.scopes, &scopes)?;
    let Some(k) = acct.api_keys.get_mut(&id) else {
        return Err(error(404, None, "unable to find API key"));
    };
    *k = (b.name.clone(), scopes.clone());
    ok(&json!({"api_key_id": id, "name": b.name,
               "scopes": quirks.read_scopes(&scopes, API_KEY_AUTO_SCOPES)}))
}

/// `DELETE /v3/api_keys/{id}` (204).
pub async fn delete(State(st): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    match w.account_mut(&who).api_keys.remove(&id) {
        Some(_) => no_content(),
        None => Err(error(404, None, "unable to find API key")),
    }
}
