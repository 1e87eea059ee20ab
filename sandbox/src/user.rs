//! Identity: `GET /v3/user/account` and `GET /v3/user/username`, for whoever the call acts as
//! (the parent, a subuser, or a customer account).

use axum::extract::State;
use axum::http::HeaderMap;
use serde_json::json;

use sendgrid_admin::teammates::UserType;

use crate::http::{acting, lock, ok, Reply};
use crate::world::{Account, Acting};
use crate::Shared;

fn owner(a: &Account) -> String {
    a.teammates
        .values()
        .find(|t| t.teammate.user_type == Some(UserType::Owner))
        .map(|t| t.teammate.username.clone())
        .unwrap_or_default()
}

/// `GET /v3/user/account`
pub async fn account(State(st): State<Shared>, headers: HeaderMap) -> Reply {
    let w = lock(&st)?;
    let reputation = match acting(&w, &headers)? {
        Acting::Subuser(id) => w.subusers.get(&id).map_or(100.0, |s| s.reputation),
        _ => 100.0,
    };
    ok(&json!({"type": "paid", "reputation": reputation}))
}

/// `GET /v3/user/username`
pub async fn username(State(st): State<Shared>, headers: HeaderMap) -> Reply {
    let w = lock(&st)?;
    let (username, user_id) = match acting(&w, &headers)? {
        Acting::Parent => (owner(&w.parent), 1),
        Acting::Subuser(id) => (
            w.subusers
                .get(&id)
                .map(|s| s.username.clone())
                .unwrap_or_default(),
            id,
        ),
        Acting::Customer(c) => (
            w.customers.get(&c).map(owner).unwrap_or_default(),
            c.bytes()
                .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64))
                % 1_000_000_000,
        ),
    };
    ok(&json!({"username": username, "user_id": user_id}))
}
