//! Teammates, invitations and teammates' subuser access, per account (on-behalf-of aware).

use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use serde_json::json;

use sendgrid_admin::teammates::{Invitation, InviteTeammate, Permissions, Teammate, UserType};
use sendgrid_admin::validate;

use crate::http::{acting, body, error, lock, no_content, ok, q1, qnum, query, Reply};
use crate::quirks::{Quirks, SSO_AUTO_SCOPES, TEAMMATES_PAGE_CAP, TEAMMATE_AUTO_SCOPES};
use crate::world::{TeammateRec, World};
use crate::Shared;

const WEEK: u64 = 7 * 24 * 3600;

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn no_teammate(name: &str) -> axum::response::Response {
    error(
        404,
        Some("username"),
        &format!("teammate {name:?} not found"),
    )
}

fn no_token() -> axum::response::Response {
    error(404, Some("token"), "pending teammate not found")
}

fn checked(perm: &Permissions) -> Result<(), axum::response::Response> {
    perm.validate()
        .map_err(|e| error(400, Some("scopes"), &e.to_string()))
}

/// The list view drops scopes, as SendGrid's list does.
fn listed(t: &Teammate) -> Teammate {
    Teammate {
        scopes: Vec::new(),
        ..t.clone()
    }
}

/// `GET /v3/teammates`
pub async fn list(State(st): State<Shared>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw);
    let mut limit = qnum(&q, "limit", 500, 0, 500)? as usize;
    let offset = qnum(&q, "offset", 0, 0, u64::MAX)? as usize;
    let mut w = lock(&st)?;
    if w.quirks.teammates_page_cap {
        limit = limit.min(TEAMMATES_PAGE_CAP);
    }
    let who = acting(&w, &headers)?;
    let acc = w.account_mut(&who);
    let rows: Vec<Teammate> = acc
        .teammates
        .values()
        .skip(offset)
        .take(limit)
        .map(|t| listed(&t.teammate))
        .collect();
    ok(&json!({"result": rows}))
}

/// `GET /v3/teammates/{name}`
pub async fn get(State(st): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Reply {
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    let quirks = w.quirks.clone();
    let t = w
        .account_mut(&who)
        .teammates
        .get(&name)
        .ok_or_else(|| no_teammate(&name))?;
    ok(&read(&quirks, t))
}

/// A teammate as a read answers it: with the scopes SendGrid adds itself (not the owner's).
fn read(quirks: &Quirks, t: &TeammateRec) -> Teammate {
    if t.teammate.user_type == Some(UserType::Owner) {
        return t.teammate.clone();
    }
    let auto = if t.is_sso {
        SSO_AUTO_SCOPES
    } else {
        TEAMMATE_AUTO_SCOPES
    };
    Teammate {
        scopes: quirks.read_scopes(&t.teammate.scopes, auto),
        ..t.teammate.clone()
    }
}

/// SendGrid's 400 for a write that sends back a scope it adds itself.
pub(crate) fn refuse_managed(
    quirks: &Quirks,
    scopes: &[String],
) -> Result<(), axum::response::Response> {
    match quirks.refuse_managed(scopes) {
        Some(body) => Err((axum::http::StatusCode::BAD_REQUEST, axum::Json(body)).into_response()),
        None => Ok(()),
    }
}

/// `PATCH /v3/teammates/{name}`: admin ⇒ no scopes; otherwise at least one.
pub async fn update(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let perm: Permissions = body(&raw)?;
    let mut w = lock(&st)?;
    refuse_managed(&w.quirks, &perm.scopes)?;
    checked(&perm)?;
    let quirks = w.quirks.clone();
    let who = acting(&w, &headers)?;
    let t = w
        .account_mut(&who)
        .teammates
        .get_mut(&name)
        .ok_or_else(|| no_teammate(&name))?;
    if t.teammate.user_type == Some(UserType::Owner) {
        return Err(error(
            400,
            Some("username"),
            "the account owner's permissions cannot be changed",
        ));
    }
    t.teammate.is_admin = perm.is_admin;
    t.teammate.scopes = perm.scopes;
    t.teammate.user_type = Some(if perm.is_admin {
        UserType::Admin
    } else {
        UserType::Teammate
    });
    if perm.is_admin {
        t.subuser_access = None;
    }
    ok(&read(&quirks, t))
}

/// `DELETE /v3/teammates/{name}` (204)
pub async fn delete(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Reply {
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    let acc = w.account_mut(&who);
    match acc.teammates.get(&name) {
        None => Err(no_teammate(&name)),
        Some(t) if t.teammate.user_type == Some(UserType::Owner) => Err(error(
            400,
            Some("username"),
            "the account owner cannot be deleted",
        )),
        Some(_) => {
            acc.teammates.remove(&name);
            no_content()
        }
    }
}

/// `POST /v3/teammates` (201): a pending invitation that expires in 7 days.
pub async fn invite(State(st): State<Shared>, headers: HeaderMap, raw: Bytes) -> Reply {
    let inv: InviteTeammate = body(&raw)?;
    validate::email("email", &inv.email).map_err(|_| error(400, Some("email"), "invalid email"))?;
    let mut w = lock(&st)?;
    refuse_managed(&w.quirks, &inv.scopes)?;
    checked(&Permissions {
        scopes: inv.scopes.clone(),
        is_admin: inv.is_admin,
    })?;
    let who = acting(&w, &headers)?;
    let token = w.token();
    let acc = w.account_mut(&who);
    if acc.pending.values().any(|p| p.email == inv.email)
        || acc
            .teammates
            .values()
            .any(|t| t.teammate.email == inv.email)
    {
        return Err(error(
            400,
            Some("email"),
            "a teammate or invitation with this email already exists",
        ));
    }
    let p = Invitation {
        extra: Default::default(),
        token: token.clone(),
        email: inv.email,
        scopes: inv.scopes,
        is_admin: inv.is_admin,
        expiration_date: Some(now() + WEEK),
    };
    acc.pending.insert(token, p.clone());
    let out = Invitation {
        expiration_date: None,
        ..p
    };
    Ok((axum::http::StatusCode::CREATED, axum::Json(out)).into_response())
}

/// `GET /v3/teammates/pending`
pub async fn pending(State(st): State<Shared>, headers: HeaderMap) -> Reply {
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    let rows: Vec<Invitation> = w.account_mut(&who).pending.values().cloned().collect();
    ok(&json!({"result": rows}))
}

/// `DELETE /v3/teammates/pending/{token}` (204)
pub async fn delete_pending(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Reply {
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    match w.account_mut(&who).pending.remove(&token) {
        Some(_) => no_content(),
        None => Err(no_token()),
    }
}

/// `POST /v3/teammates/pending/{token}/resend`: resets the expiry.
pub async fn resend(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Reply {
    let mut w = lock(&st)?;
    let who = acting(&w, &headers)?;
    let p = w
        .account_mut(&who)
        .pending
        .get_mut(&token)
        .ok_or_else(no_token)?;
    p.expiration_date = Some(now() + WEEK);
    ok(&Invitation {
        expiration_date: None,
        ..p.clone()
    })
}

/// `GET /v3/teammates/{name}/subuser_access`: the parent's teammates only (no on-behalf-of, as
/// in SendGrid's spec); cursor paging by subuser id.
pub async fn subuser_access(
    State(st): State<Shared>,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw);
    let limit = qnum(&q, "limit", 100, 1, 500)?;
    let after = qnum(&q, "after_subuser_id", 0, 0, u64::MAX)?;
    let only = q1(&q, "username");
    let w = lock(&st)?;
    let t = w
        .parent
        .teammates
        .get(&name)
        .ok_or_else(|| no_teammate(&name))?;
    let restricted = t.subuser_access.is_some() && !t.teammate.is_admin;
    let rows = access_rows(
        &w,
        &t.subuser_access,
        restricted,
        after,
        only,
        limit as usize + 1,
    );
    let more = rows.len() > limit as usize;
    let rows: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let mut meta = json!({});
    if more {
        if let Some(last) = rows.last() {
            let mut next = json!({"limit": limit, "after_subuser_id": last["id"]});
            if let Some(u) = only {
                next["username"] = json!(u);
            }
            meta = json!({"next_params": next});
        }
    }
    ok(&json!({
        "has_restricted_subuser_access": t.subuser_access.is_some() && !t.teammate.is_admin,
        "subuser_access": rows,
        "_metadata": meta,
    }))
}

fn access_rows(
    w: &World,
    access: &Option<Vec<(u64, sendgrid_admin::teammates::PermissionType, Vec<String>)>>,
    restricted: bool,
    after: u64,
    only: Option<&str>,
    take: usize,
) -> Vec<serde_json::Value> {
    let keep = |s: &&crate::world::SubuserRec| only.is_none_or(|u| s.username == u);
    let row = |s: &crate::world::SubuserRec, perm: &str, scopes: &[String]| {
        json!({"id": s.id, "username": s.username, "email": s.email, "disabled": s.disabled,
               "permission_type": perm, "scopes": scopes})
    };
    let q = &w.quirks;
    match access {
        Some(list) if restricted => list
            .iter()
            .filter(|(id, _, _)| *id > after)
            .filter_map(|(id, p, sc)| w.subusers.get(id).map(|s| (s, p, sc)))
            .filter(|(s, _, _)| keep(s))
            .take(take)
            .map(|(s, p, sc)| {
                if *p == sendgrid_admin::teammates::PermissionType::Admin {
                    row(s, "admin", sc)
                } else {
                    row(s, "restricted", &q.grant_scopes(sc))
                }
            })
            .collect(),
        _ if !q.implied_access => Vec::new(),
        _ => w
            .subusers
            .range(after + 1..)
            .map(|(_, s)| s)
            .filter(keep)
            .take(take)
            .map(|s| row(s, "admin", &[]))
            .collect(),
    }
}
