//! Which client operation a request is, by its method and route: the names of
//! `tests/operations.json` (the core's `resource.method`), used by the request journal and by
//! faults aimed at one operation. The pagers (`list_all`, ...) are their list operation called
//! page after page.

use axum::http::Method;
use serde_json::Value;

/// (method, route, operation). A route whose operation depends on the body (`PATCH` of a
/// subuser or of its website access: `disabled` true or false) is resolved in [`operation`].
const OPERATIONS: &[(&str, &str, &str)] = &[
    ("GET", "/v3/partners/accounts", "accounts.list"),
    ("POST", "/v3/partners/accounts", "accounts.create"),
    ("DELETE", "/v3/partners/accounts/{id}", "accounts.delete"),
    (
        "GET",
        "/v3/partners/accounts/{id}/offerings",
        "accounts.offerings",
    ),
    (
        "PUT",
        "/v3/partners/accounts/{id}/offerings",
        "accounts.set_offerings",
    ),
    ("GET", "/v3/partners/accounts/{id}/state", "accounts.state"),
    (
        "PUT",
        "/v3/partners/accounts/{id}/state",
        "accounts.set_state",
    ),
    (
        "POST",
        "/v3/partners/accounts/{id}/sso",
        "accounts.sso_login",
    ),
    ("GET", "/v3/partners/accounts/{id}/ips", "accounts.ips"),
    ("POST", "/v3/partners/accounts/{id}/ips", "accounts.add_ips"),
    (
        "DELETE",
        "/v3/partners/accounts/{id}/ips",
        "accounts.remove_ips",
    ),
    ("GET", "/v3/partners/offerings", "accounts.catalog"),
    ("GET", "/v3/api_keys", "api_keys.list"),
    ("POST", "/v3/api_keys", "api_keys.create"),
    ("PUT", "/v3/api_keys/{id}", "api_keys.update"),
    ("DELETE", "/v3/api_keys/{id}", "api_keys.delete"),
    ("GET", "/v3/user/account", "user.account"),
    ("GET", "/v3/user/username", "user.username"),
    ("GET", "/v3/subusers", "subusers.list"),
    ("POST", "/v3/subusers", "subusers.create"),
    ("GET", "/v3/subusers/reputations", "reputations.list"),
    ("GET", "/v3/subusers/stats", "stats.list"),
    ("GET", "/v3/subusers/stats/monthly", "stats.monthly"),
    ("GET", "/v3/subusers/stats/sums", "stats.sums"),
    (
        "PATCH",
        "/v3/subusers/{name}",
        "subusers.disable|subusers.enable",
    ),
    ("DELETE", "/v3/subusers/{name}", "subusers.delete"),
    ("PUT", "/v3/subusers/{name}/ips", "ips.set"),
    (
        "PATCH",
        "/v3/subusers/{name}/website_access",
        "website_access.disable|website_access.enable",
    ),
    ("GET", "/v3/subusers/{name}/credits", "credits.get"),
    ("PUT", "/v3/subusers/{name}/credits", "credits.set"),
    (
        "PATCH",
        "/v3/subusers/{name}/credits/remaining",
        "credits.adjust_remaining",
    ),
    (
        "GET",
        "/v3/subusers/{name}/stats/monthly",
        "stats.subuser_monthly",
    ),
    ("GET", "/v3/subusers/{name}/monitor", "monitor.get"),
    ("POST", "/v3/subusers/{name}/monitor", "monitor.create"),
    ("PUT", "/v3/subusers/{name}/monitor", "monitor.update"),
    ("DELETE", "/v3/subusers/{name}/monitor", "monitor.delete"),
    ("GET", "/v3/teammates", "teammates.list"),
    ("POST", "/v3/teammates", "teammates.invite"),
    ("GET", "/v3/teammates/pending", "teammates.list_pending"),
    (
        "DELETE",
        "/v3/teammates/pending/{token}",
        "teammates.delete_pending",
    ),
    (
        "POST",
        "/v3/teammates/pending/{token}/resend",
        "teammates.resend_invite",
    ),
    ("GET", "/v3/teammates/{name}", "teammates.get"),
    (
        "PATCH",
        "/v3/teammates/{name}",
        "teammates.update_permissions",
    ),
    ("DELETE", "/v3/teammates/{name}", "teammates.delete"),
    (
        "GET",
        "/v3/teammates/{name}/subuser_access",
        "teammates.subuser_access",
    ),
    ("POST", "/v3/sso/teammates", "teammates.create_sso"),
    ("PATCH", "/v3/sso/teammates/{name}", "teammates.update_sso"),
    ("GET", "/v3/ips", "ips.list"),
    ("GET", "/v3/send_ips/ips/{ip}/subusers", "ips.subusers_of"),
    (
        "POST",
        "/v3/send_ips/ips/{ip}/subusers:batchAdd",
        "ips.assign",
    ),
    (
        "POST",
        "/v3/send_ips/ips/{ip}/subusers:batchDelete",
        "ips.unassign",
    ),
    ("GET", "/v3/scopes", "scopes.list"),
    ("GET", "/v3/scopes/requests", "scopes.list_access_requests"),
    (
        "DELETE",
        "/v3/scopes/requests/{id}",
        "scopes.deny_access_request",
    ),
    (
        "PATCH",
        "/v3/scopes/requests/{id}/approve",
        "scopes.approve_access_request",
    ),
];

/// The operation a request to `route` is (`"when true|when false"` entries read the body's
/// `disabled`).
pub(crate) fn operation(method: &Method, route: &str, body: Option<&Value>) -> Option<String> {
    let (_, _, op) = OPERATIONS
        .iter()
        .find(|(m, r, _)| *m == method.as_str() && *r == route)?;
    Some(match op.split_once('|') {
        Some((when_true, when_false)) => {
            let disabled = body
                .and_then(|b| b.get("disabled"))
                .and_then(Value::as_bool);
            if disabled == Some(false) {
                when_false
            } else {
                when_true
            }
            .to_string()
        }
        None => op.to_string(),
    })
}

/// Every operation name a request can be.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&str> = OPERATIONS
        .iter()
        .flat_map(|(_, _, op)| op.split('|'))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names are tests/operations.json's, and each of its operations that sends a request
    /// of its own is here (a pager is its list operation, page after page).
    #[test]
    fn the_names_are_the_manifests() {
        let doc: Value = serde_json::from_str(include_str!("../../tests/operations.json")).unwrap();
        let ops = doc["operations"].as_object().unwrap();
        let names = names();
        for n in &names {
            assert!(ops.contains_key(*n), "{n} is not in tests/operations.json");
        }
        for (op, how) in ops {
            let pager = how["pager"].as_bool().unwrap_or(false);
            assert!(
                pager || names.contains(&op.as_str()),
                "{op} is in tests/operations.json but no route is it"
            );
        }
    }

    #[test]
    fn enable_and_disable_are_told_by_the_body() {
        let patch = Method::PATCH;
        let on = serde_json::json!({"disabled": false});
        let off = serde_json::json!({"disabled": true});
        assert_eq!(
            operation(&patch, "/v3/subusers/{name}", Some(&on)).as_deref(),
            Some("subusers.enable")
        );
        assert_eq!(
            operation(&patch, "/v3/subusers/{name}", Some(&off)).as_deref(),
            Some("subusers.disable")
        );
        assert_eq!(operation(&Method::GET, "/nowhere", None), None);
    }
}
