//! Customer accounts (partner account provisioning): created accounts have a state, offerings
//! and dedicated IPs, and can be acted for with `on-behalf-of: account-id <id>` (their own
//! teammates, scopes and identity). Every call here is parent-only.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::json;

use sendgrid_admin::accounts::{
    check_offerings, Account as AccountView, AccountIp, CatalogEntry, Entitlements, Offering,
    OfferingType,
};

use crate::http::{
    body, error, invalid, lock, no_content, ok, parent_only, q1, qnum, query, Reply,
};
use crate::world::{Account, Provisioned, World, SUBUSER_SCOPES};
use crate::Shared;

/// The partner's catalog: two packages and the dedicated-IP add-on.
pub fn catalog() -> Vec<CatalogEntry> {
    let entry = |name: &str, r#type: OfferingType, sends: i64, ips: i64| CatalogEntry {
        extra: Default::default(),
        offering: Offering {
            extra: Default::default(),
            name: name.into(),
            r#type,
            quantity: None,
        },
        entitlements: Entitlements {
            extra: Default::default(),
            email_sends_max_monthly: Some(sends),
            ip_count: Some(ips),
            teammates_max_total: Some(1000),
            users_max_total: Some(1000),
        },
    };
    vec![
        entry("org.ei.free.v1", OfferingType::Package, 3000, 0),
        entry("org.ei.pro.v1", OfferingType::Package, 1_500_000, 1),
        entry("org.ei.ip.v1", OfferingType::Addon, 0, 1),
    ]
}

fn not_found(id: &str) -> axum::response::Response {
    let message = format!("Account {id:?} not found");
    (
        StatusCode::NOT_FOUND,
        axum::Json(
            json!({"errors": [{"field": null, "message": message, "error_id": "10-40400"}]}),
        ),
    )
        .into_response()
}

/// The provisioned account `id` (404 when unknown), after the parent-only check.
fn with_account<T>(
    st: &Shared,
    headers: &HeaderMap,
    id: &str,
    f: impl FnOnce(&mut Provisioned) -> Result<T, axum::response::Response>,
) -> Result<T, axum::response::Response> {
    let mut w = lock(st)?;
    parent_only(&w, headers)?;
    let p = w.provisioned.get_mut(id).ok_or_else(|| not_found(id))?;
    f(p)
}

/// `GET /v3/partners/accounts?offset=<last id>&limit=`
pub async fn list(State(st): State<Shared>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let q = query(raw);
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    let limit = qnum(&q, "limit", 10, 1, 100)? as usize;
    let after = q1(&q, "offset").unwrap_or("");
    let page: Vec<AccountView> = w
        .provisioned
        .iter()
        .filter(|(id, _)| after.is_empty() || id.as_str() > after)
        .take(limit)
        .map(|(id, p)| AccountView {
            extra: Default::default(),
            id: id.clone(),
            created_at: p.created_at.clone(),
        })
        .collect();
    let last = page.last().map(|a| a.id.clone());
    ok(&json!({"accounts": page, "pages": {"last": last}}))
}

#[derive(Deserialize)]
struct CreateBody {
    #[serde(default)]
    offerings: Vec<Offering>,
}

/// `POST /v3/partners/accounts` (201 `{account_id}`).
pub async fn create(State(st): State<Shared>, headers: HeaderMap, raw: Bytes) -> Reply {
    let b: CreateBody = body(&raw)?;
    check_offerings("offerings", &b.offerings).map_err(invalid)?;
    let test = headers.get("T-Test-Account").is_some();
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    let id = w.provision(b.offerings, test);
    Ok((StatusCode::CREATED, axum::Json(json!({"account_id": id}))).into_response())
}

/// `DELETE /v3/partners/accounts/{id}` (204): the account, its keys, SSO and IPs go.
pub async fn delete(State(st): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    if w.provisioned.remove(&id).is_none() {
        return Err(not_found(&id));
    }
    w.customers.remove(&id);
    no_content()
}

/// `GET …/{id}/offerings`
pub async fn offerings(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    with_account(&st, &headers, &id, |p| {
        ok(&json!({"offerings": p.offerings}))
    })
}

/// `PUT …/{id}/offerings` (full replace).
pub async fn set_offerings(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    raw: Bytes,
) -> Reply {
    let b: CreateBody = body(&raw)?;
    check_offerings("offerings", &b.offerings).map_err(invalid)?;
    with_account(&st, &headers, &id, |p| {
        p.offerings = b.offerings;
        ok(&json!({"offerings": p.offerings}))
    })
}

/// `GET /v3/partners/offerings`
pub async fn list_catalog(State(st): State<Shared>, headers: HeaderMap) -> Reply {
    let w = lock(&st)?;
    parent_only(&w, &headers)?;
    ok(&json!({"catalog": catalog()}))
}

/// `GET …/{id}/state`
pub async fn state(State(st): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    with_account(&st, &headers, &id, |p| ok(&json!({"state": p.state})))
}

#[derive(Deserialize)]
struct StateBody {
    state: String,
}

/// `PUT …/{id}/state` (204; only activated/deactivated can be set).
pub async fn set_state(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    raw: Bytes,
) -> Reply {
    let b: StateBody = body(&raw)?;
    if b.state != "activated" && b.state != "deactivated" {
        return Err(error(
            400,
            Some("state"),
            "state must be activated or deactivated",
        ));
    }
    with_account(&st, &headers, &id, |p| {
        p.state = b.state;
        no_content()
    })
}

/// `POST …/{id}/sso`: 303 to the console, logged in as the account's admin.
pub async fn sso(State(st): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    with_account(&st, &headers, &id, |p| {
        p.sso_logins += 1;
        let location = format!(
            "https://app.sendgrid.com/sso/login?account={id}&n={}",
            p.sso_logins
        );
        Ok((StatusCode::SEE_OTHER, [("Location", location)]).into_response())
    })
}

/// `GET …/{id}/ips?offset=<last ip>&limit=` (newest first).
pub async fn ips(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let q = query(raw);
    let limit = qnum(&q, "limit", 10, 1, 5000)? as usize;
    let after = q1(&q, "offset").map(str::to_string);
    with_account(&st, &headers, &id, |p| {
        let newest_first: Vec<&AccountIp> = p.ips.iter().rev().collect();
        let start = match &after {
            Some(a) => newest_first
                .iter()
                .position(|x| &x.ip == a)
                .map_or(newest_first.len(), |i| i + 1),
            None => 0,
        };
        let page: Vec<&AccountIp> = newest_first.into_iter().skip(start).take(limit).collect();
        let last = page.last().map(|x| x.ip.clone());
        ok(&json!({"result": page, "pages": {"last": last}}))
    })
}

#[derive(Deserialize)]
struct AddIps {
    count: u32,
    region: String,
}

/// `POST …/{id}/ips` (201): 1-10 new IPs in one region.
pub async fn add_ips(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    raw: Bytes,
) -> Reply {
    let b: AddIps = body(&raw)?;
    if !(1..=10).contains(&b.count) {
        return Err(error(400, Some("count"), "count must be 1-10"));
    }
    if b.region != "us" && b.region != "eu" {
        return Err(error(400, Some("region"), "region must be us or eu"));
    }
    let mut w = lock(&st)?;
    parent_only(&w, &headers)?;
    if !w.provisioned.contains_key(&id) {
        return Err(not_found(&id));
    }
    let new: Vec<String> = (0..b.count).map(|_| w.next_ip()).collect();
    if let Some(p) = w.provisioned.get_mut(&id) {
        p.ips.extend(new.iter().map(|ip| AccountIp {
            extra: Default::default(),
            ip: ip.clone(),
            region: b.region.clone(),
        }));
    }
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({"ips": new, "region": b.region})),
    )
        .into_response())
}

#[derive(Deserialize)]
struct RemoveIps {
    ips: Vec<String>,
}

/// `DELETE …/{id}/ips` with a body (204).
pub async fn remove_ips(
    State(st): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    raw: Bytes,
) -> Reply {
    let b: RemoveIps = body(&raw)?;
    if b.ips.is_empty() || b.ips.len() > 10 {
        return Err(error(400, Some("ips"), "1-10 IPs"));
    }
    with_account(&st, &headers, &id, |p| {
        p.ips.retain(|x| !b.ips.contains(&x.ip));
        no_content()
    })
}

impl World {
    /// Creates a customer account (state `activated`) that on-behalf-of can name.
    pub fn provision(&mut self, offerings: Vec<Offering>, test: bool) -> String {
        self.next_id += 1;
        let id = format!("sg{:032x}", self.next_id);
        self.provisioned.insert(
            id.clone(),
            Provisioned {
                created_at: format!(
                    "2026-01-01T00:{:02}:{:02}Z",
                    (self.next_id / 60) % 60,
                    self.next_id % 60
                ),
                state: "activated".into(),
                offerings,
                ips: Vec::new(),
                test,
                sso_logins: 0,
            },
        );
        self.customers.insert(
            id.clone(),
            Account::new(
                &format!("owner-{id}"),
                "owner@customer.test",
                SUBUSER_SCOPES,
            ),
        );
        id
    }

    /// A fresh documentation-range IPv4 (198.51.100.0/24, then 203.0.113.0/24).
    pub fn next_ip(&mut self) -> String {
        self.next_token += 1;
        let n = self.next_token % 508;
        if n < 254 {
            format!("198.51.100.{}", n + 1)
        } else {
            format!("203.0.113.{}", n - 253)
        }
    }
}
