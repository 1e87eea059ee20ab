//! SSO teammates (`POST /v3/sso/teammates`, `PATCH /v3/sso/teammates/{username}`): stored with
//! the parent's teammates, their subuser access read back by `GET …/subuser_access`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{json, Value};

use sendgrid_admin::teammates::{PermissionType, Teammate, UserType};
use sendgrid_admin::validate;

use crate::http::{body, error, lock, parent_only, Reply};
use crate::quirks::SSO_AUTO_SCOPES;
use crate::world::{TeammateRec, World, PARENT_SCOPES, SUBUSER_SCOPES};
use crate::Shared;
use sendgrid_admin::scopes::GRANT_BASELINE_SCOPES;

#[derive(Deserialize)]
struct Grant {
    id: u64,
    permission_type: PermissionType,
    scopes: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct SsoBody {
    email: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    #[serde(default)]
    is_admin: bool,
    persona: Option<String>,
    scopes: Option<Vec<String>>,
    #[serde(default)]
    has_restricted_subuser_access: bool,
    #[serde(default)]
    subuser_access: Vec<Grant>,
}

type Access = Vec<(u64, PermissionType, Vec<String>)>;

fn bad(field: &str, msg: &str) -> axum::response::Response {
    error(400, Some(field), msg)
}

/// SendGrid's rules, then the teammate's scopes and subuser access (`None`: every subuser).
fn apply_rules(
    w: &World,
    b: &SsoBody,
) -> Result<(Vec<String>, Option<Access>), axum::response::Response> {
    if b.first_name.as_deref().is_none_or(|s| s.trim().is_empty()) {
        return Err(bad("first_name", "first_name is required"));
    }
    if b.last_name.as_deref().is_none_or(|s| s.trim().is_empty()) {
        return Err(bad("last_name", "last_name is required"));
    }
    if b.scopes.as_ref().is_some_and(Vec::is_empty) {
        return Err(bad("scopes", "scopes cannot be empty"));
    }
    let scopes = b.scopes.clone().unwrap_or_default();
    crate::teammates::refuse_managed(&w.quirks, &scopes)?;
    let set = [b.is_admin, b.persona.is_some(), !scopes.is_empty()];
    if set.iter().filter(|x| **x).count() > 1 {
        return Err(bad(
            "is_admin",
            "only one of is_admin, persona and scopes may be set",
        ));
    }
    if b.has_restricted_subuser_access {
        if !scopes.is_empty() {
            return Err(bad(
                "scopes",
                "cannot specify scopes for a restricted subuser access teammate",
            ));
        }
        if b.is_admin || b.persona.is_some() {
            return Err(bad(
                "has_restricted_subuser_access",
                "a restricted subuser access teammate cannot be an admin or have a persona",
            ));
        }
    } else if !b.subuser_access.is_empty() {
        return Err(bad(
            "subuser_access",
            "subuser_access requires has_restricted_subuser_access",
        ));
    }
    let scopes = match b.persona.as_deref() {
        None => scopes,
        Some("accountant") => vec!["billing.read".into(), "stats.read".into()],
        Some("developer") => vec!["api_keys.read".into(), "stats.read".into()],
        Some("marketer") => vec!["marketing.read".into(), "stats.read".into()],
        Some("observer") => vec!["stats.read".into(), "user.profile.read".into()],
        Some(_) => return Err(bad("persona", "persona is not valid")),
    };
    if let Some(s) = scopes.iter().find(|s| {
        !PARENT_SCOPES.contains(&s.as_str())
            && !matches!(
                s.as_str(),
                "billing.read" | "api_keys.read" | "marketing.read"
            )
    }) {
        return Err(bad("scopes", &format!("invalid scope: {s}")));
    }
    if !b.has_restricted_subuser_access {
        return Ok((scopes, None));
    }
    let mut access = Vec::new();
    let mut unknown_scope = false;
    for (i, g) in b.subuser_access.iter().enumerate() {
        if !w.subusers.contains_key(&g.id) {
            return Err(bad(&format!("subuser_access[{i}].id"), "subuser not found"));
        }
        let sc = g.scopes.clone().unwrap_or_default();
        match g.permission_type {
            PermissionType::Admin if !sc.is_empty() => {
                return Err(bad(
                    &format!("subuser_access[{i}].scopes"),
                    "scopes cannot be specified for admin permission",
                ))
            }
            PermissionType::Restricted if sc.is_empty() => {
                return Err(bad(
                    &format!("subuser_access[{i}].scopes"),
                    "scopes cannot be empty",
                ))
            }
            PermissionType::Other(_) => {
                return Err(bad(
                    &format!("subuser_access[{i}].permission_type"),
                    "must be admin or restricted",
                ))
            }
            _ => {}
        }
        if let Some(s) = sc.iter().find(|s| {
            !SUBUSER_SCOPES.contains(&s.as_str()) && !GRANT_BASELINE_SCOPES.contains(&s.as_str())
        }) {
            if !w.quirks.sso_silent_drop {
                return Err(bad(
                    &format!("subuser_access[{i}].scopes"),
                    &format!("invalid scope: {s}"),
                ));
            }
            unknown_scope = true;
        }
        access.push((g.id, g.permission_type.clone(), sc));
    }
    if unknown_scope {
        // SendGrid's known bug: success, and no subuser access at all.
        access.clear();
    }
    Ok((scopes, Some(access)))
}

/// The answer: the teammate and its subuser access with the subusers' details.
fn view(w: &World, t: &TeammateRec, with_profile: bool) -> Value {
    let access: Vec<Value> = t
        .subuser_access
        .iter()
        .flatten()
        .filter_map(|(id, p, sc)| {
            let s = w.subusers.get(id)?;
            let (perm, sc) = if *p == PermissionType::Admin {
                ("admin", sc.clone())
            } else {
                ("restricted", w.quirks.grant_scopes(sc))
            };
            Some(json!({"id": s.id, "username": s.username, "email": s.email,
                        "disabled": s.disabled, "permission_type": perm, "scopes": sc}))
        })
        .collect();
    let tm = &t.teammate;
    let mut v = json!({
        "first_name": tm.first_name, "last_name": tm.last_name, "email": tm.email,
        "is_admin": tm.is_admin, "is_sso": true,
        "scopes": w.quirks.read_scopes(&tm.scopes, SSO_AUTO_SCOPES),
        "has_restricted_subuser_access": t.subuser_access.is_some(),
        "subuser_access": access,
    });
    if with_profile {
        v["username"] = json!(tm.username);
        v["user_type"] = json!(if tm.is_admin { "admin" } else { "teammate" });
    }
    v
}

fn store(t: &mut TeammateRec, b: &SsoBody, scopes: Vec<String>, access: Option<Access>) {
    t.teammate.first_name = b.first_name.clone();
    t.teammate.last_name = b.last_name.clone();
    t.teammate.is_admin = b.is_admin;
    t.teammate.user_type = Some(if b.is_admin {
        UserType::Admin
    } else {
        UserType::Teammate
    });
    t.teammate.scopes = scopes;
    t.subuser_access = access;
}

/// `POST /v3/sso/teammates` (201)
pub async fn create(State(st): State<Shared>, headers: HeaderMap, raw: Bytes) -> Reply {
    let b: SsoBody = body(&raw)?;
    let email = b.email.clone().unwrap_or_default();
    validate::email("email", &email).map_err(|_| bad("email", "invalid email"))?;
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    if w.parent
        .teammates
        .values()
        .any(|t| t.teammate.email == email)
    {
        return Err(bad("email", "a teammate with this email already exists"));
    }
    let (scopes, access) = apply_rules(&w, &b)?;
    let mut t = TeammateRec {
        teammate: Teammate {
            username: email.clone(),
            email: email.clone(),
            ..Default::default()
        },
        subuser_access: None,
        is_sso: true,
    };
    store(&mut t, &b, scopes, access);
    let out = view(&w, &t, false);
    w.parent.teammates.insert(email, t);
    Ok((StatusCode::CREATED, axum::Json(out)).into_response())
}

/// `PATCH /v3/sso/teammates/{username}` (200)
pub async fn update(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    raw: Bytes,
) -> Reply {
    let b: SsoBody = body(&raw)?;
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    let (scopes, access) = apply_rules(&w, &b)?;
    let mut t = match w.parent.teammates.get(&name) {
        Some(t) if t.is_sso => t.clone(),
        _ => {
            return Err(error(
                404,
                Some("username"),
                &format!("SSO teammate {name:?} not found"),
            ))
        }
    };
    store(&mut t, &b, scopes, access);
    let out = view(&w, &t, true);
    w.parent.teammates.insert(name, t);
    Ok(axum::Json(out).into_response())
}
