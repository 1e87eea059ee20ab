//! Helpers shared by the handlers: SendGrid-shaped errors, on-behalf-of resolution, query and
//! body parsing.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::world::{Acting, World};

/// A handler's result: a response either way.
pub type Reply = Result<Response, Response>;

/// SendGrid's error body: `{"errors":[{"field":…,"message":…}]}`.
pub fn error(status: u16, field: Option<&str>, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        Json(json!({"errors": [{"field": field, "message": message}]})),
    )
        .into_response()
}

/// 400 for input the core's own rules refuse (the sandbox checks with the same rules as the
/// client), naming the field.
pub fn invalid(e: sendgrid_admin::Error) -> Response {
    let msg = match &e {
        sendgrid_admin::Error::InvalidInput { reason, .. } => reason.clone(),
        other => other.to_string(),
    };
    error(400, e.field(), &msg)
}

/// 200 with a JSON body.
pub fn ok<T: serde::Serialize>(body: &T) -> Reply {
    Ok(Json(body).into_response())
}

/// 204, no body.
pub fn no_content() -> Reply {
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Parses a JSON body into `T`, or answers 400 naming the problem.
pub fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Response> {
    serde_json::from_slice(bytes)
        .map_err(|e| error(400, None, &format!("invalid request body: {e}")))
}

/// The query string as ordered pairs (repeated keys kept).
pub fn query(raw: Option<String>) -> Vec<(String, String)> {
    raw.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

/// The first value of `key`.
pub fn q1<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Every value of `key`.
pub fn qall<'a>(q: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    q.iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// A numeric query parameter within `min..=max`, or 400.
pub fn qnum(
    q: &[(String, String)],
    key: &str,
    default: u64,
    min: u64,
    max: u64,
) -> Result<u64, Response> {
    match q1(q, key) {
        None => Ok(default),
        Some(v) => match v.parse::<u64>() {
            Ok(n) if n >= min && n <= max => Ok(n),
            _ => Err(error(
                400,
                Some(key),
                &format!("{key} must be an integer between {min} and {max}"),
            )),
        },
    }
}

/// Whom the call acts for, from the `on-behalf-of` header. Unknown subusers and accounts are
/// refused with 403, like SendGrid does.
pub fn acting(world: &World, headers: &HeaderMap) -> Result<Acting, Response> {
    let Some(v) = headers.get("on-behalf-of") else {
        return Ok(Acting::Parent);
    };
    let v = v
        .to_str()
        .map_err(|_| error(400, Some("on-behalf-of"), "invalid header value"))?;
    if let Some(id) = v.strip_prefix("account-id ") {
        return if world.customers.contains_key(id.trim()) {
            Ok(Acting::Customer(id.trim().to_string()))
        } else {
            Err(error(
                403,
                Some("on-behalf-of"),
                &format!("unknown customer account {:?}", id.trim()),
            ))
        };
    }
    match world.by_name.get(v) {
        Some(id) => Ok(Acting::Subuser(*id)),
        None => Err(error(
            403,
            Some("on-behalf-of"),
            &format!("unknown subuser {v:?}"),
        )),
    }
}

/// For parent-only operations (subuser administration): impersonated calls are refused.
pub fn parent_only(world: &World, headers: &HeaderMap) -> Result<(), Response> {
    match acting(world, headers)? {
        Acting::Parent => Ok(()),
        _ => Err(error(
            403,
            None,
            "access forbidden: only the parent account can administer subusers",
        )),
    }
}

/// Locks the world (a poisoned lock answers 500).
pub fn lock(st: &crate::Shared) -> Result<std::sync::MutexGuard<'_, World>, Response> {
    st.world
        .lock()
        .map_err(|_| error(500, None, "sandbox state poisoned"))
}

/// 404 for an unknown subuser.
pub fn no_subuser(name: &str) -> Response {
    error(
        404,
        Some("subuser_name"),
        &format!("subuser {name:?} not found"),
    )
}
