//! `plan` for teammates: admins, unrestricted and restricted teammates, SSO teammates and
//! pending invitations, compared with what SendGrid lets a document write back.

use std::collections::{BTreeSet, HashMap};

use serde_json::json;

use super::diff::{field, permissions_value};
use super::document::{Document, TeammateSpec};
use super::live::{self, LiveTeammate};
use super::{Action, Change, Plan, PlanOptions, Resource, Unmanaged};
use crate::client::Client;
use crate::error::Result;
use crate::teammates::Permissions;
use crate::teammates_sso::SubuserGrant;

/// Where teammate planning writes: changes, deletions (applied after every other change but
/// subuser deletions) and document problems.
pub(crate) struct Planned<'a> {
    pub plan: &'a mut Plan,
    pub deletions: &'a mut Vec<Change>,
    pub problems: &'a mut Vec<String>,
}

/// Restricted access as a plan shows it: the grants, or `null` for "not restricted".
fn access_value(a: &Option<Vec<SubuserGrant>>) -> Option<serde_json::Value> {
    a.as_ref().map(|g| json!(g))
}

/// Whether live access (`None`: not restricted) is what is asked (`None`: not restricted).
pub(crate) fn access_matches(
    now: &Option<Vec<SubuserGrant>>,
    want: &Option<Vec<SubuserGrant>>,
) -> bool {
    match (now, want) {
        (None, None) => true,
        (Some(n), Some(w)) => live::grants_match(n, w),
        _ => false,
    }
}

/// The access a spec asks for: `None` (not managed), `Some(None)` (unrestricted: `[]`), or
/// `Some(Some(grants))`.
fn wanted_access(spec: &TeammateSpec) -> Option<Option<Vec<SubuserGrant>>> {
    let restricted = spec.restricted();
    spec.subuser_access
        .clone()
        .map(|a| restricted.then(|| live::sorted_grants(a)))
}

/// Live permissions without the scopes this key cannot assign (recorded in `held`), so that a
/// scope SendGrid returns but would refuse on write is never perpetual drift.
fn assignable(
    p: &Permissions,
    key_scopes: Option<&BTreeSet<String>>,
    held: &mut BTreeSet<String>,
) -> Permissions {
    let Some(key) = key_scopes else {
        return p.clone();
    };
    let mut out = p.clone();
    out.scopes.retain(|s| {
        let ok = key.contains(s);
        if !ok {
            held.insert(s.clone());
        }
        ok
    });
    out
}

impl Client {
    pub(crate) async fn plan_teammates(
        &self,
        document: &Document,
        options: &PlanOptions,
        live: Vec<LiveTeammate>,
        out: &mut Planned<'_>,
    ) -> Result<()> {
        let mut by_email: HashMap<String, LiveTeammate> = HashMap::new();
        for t in live {
            // A teammate wins over a pending invitation to the same address.
            let key = t.email.to_ascii_lowercase();
            if t.pending && by_email.contains_key(&key) {
                continue;
            }
            by_email.insert(key, t);
        }
        // The scopes this key may assign (`GET /v3/scopes`); unknown when it cannot be read.
        let compares_scopes = document
            .teammates
            .iter()
            .any(|t| !t.is_admin && !t.restricted());
        let key_scopes: Option<BTreeSet<String>> = if compares_scopes {
            self.scopes()
                .list()
                .await
                .ok()
                .map(|v| v.into_iter().collect())
        } else {
            None
        };
        let mut unassignable = BTreeSet::new();
        for (i, spec) in document.teammates.iter().enumerate() {
            let want = spec.permissions();
            let access = wanted_access(spec);
            let Some(t) = by_email.remove(&spec.email.to_ascii_lowercase()) else {
                match create(i, spec, &want, access) {
                    Ok(c) => out.plan.changes.push(c),
                    Err(p) => out.problems.push(p),
                }
                continue;
            };
            let mut fields = Vec::new();
            if !spec.restricted() {
                let now = assignable(&t.permissions, key_scopes.as_ref(), &mut unassignable);
                if now != want {
                    fields.push(field(
                        "permissions",
                        Some(permissions_value(&now)),
                        Some(permissions_value(&want)),
                    ));
                }
            }
            if t.pending && matches!(access, Some(Some(_))) {
                out.problems.push(format!(
                    "teammates[{i}].subuser_access: {} is a pending invitation; subuser access can be given once it is accepted",
                    spec.email
                ));
            }
            if let (Some(want), false) = (&access, t.pending) {
                let now = live::access(self, &t.target).await?;
                if !access_matches(&now, want) {
                    fields.push(field(
                        "subuser_access",
                        access_value(&now),
                        access_value(want),
                    ));
                }
            }
            for (name, want, now) in [
                ("first_name", &spec.first_name, &t.first_name),
                ("last_name", &spec.last_name, &t.last_name),
            ] {
                if let Some(w) = want.as_ref().filter(|w| Some(*w) != now.as_ref()) {
                    fields.push(field(name, now.as_ref().map(|v| json!(v)), Some(json!(w))));
                }
            }
            if !fields.is_empty() {
                out.plan.changes.push(Change {
                    resource: Resource::Teammate,
                    key: spec.email.clone(),
                    action: Action::Update,
                    fields,
                    target: Some(t.target),
                    pending: t.pending,
                    sso: spec.sso,
                });
            }
        }
        if !unassignable.is_empty() {
            let list: Vec<&str> = unassignable.iter().map(String::as_str).collect();
            out.plan.warnings.push(format!(
                "teammates hold scopes this key cannot assign ({}): they are not compared, and a permissions change writes the document's scopes only",
                list.join(", ")
            ));
        }
        let mut extra: Vec<LiveTeammate> = by_email.into_values().collect();
        extra.sort_by(|a, b| a.email.cmp(&b.email));
        for t in extra {
            if options.prune {
                out.deletions.push(Change {
                    resource: Resource::Teammate,
                    key: t.email,
                    action: Action::Delete,
                    fields: vec![field(
                        "permissions",
                        Some(permissions_value(&t.permissions)),
                        None,
                    )],
                    target: Some(t.target),
                    pending: t.pending,
                    sso: false,
                });
            } else {
                out.plan.unmanaged.push(Unmanaged {
                    resource: Resource::Teammate,
                    key: t.email,
                });
            }
        }
        Ok(())
    }
}

/// The create change of a teammate that does not exist, or why it cannot be made.
fn create(
    i: usize,
    spec: &TeammateSpec,
    want: &Permissions,
    access: Option<Option<Vec<SubuserGrant>>>,
) -> std::result::Result<Change, String> {
    let grants = access.flatten();
    if grants.is_some() && !spec.sso {
        return Err(format!(
            "teammates[{i}].subuser_access: {} does not exist, and a teammate with restricted subuser access can only be created as an SSO teammate (sso: true, first_name, last_name)",
            spec.email
        ));
    }
    let mut fields = Vec::new();
    if spec.sso {
        fields.push(field(
            "first_name",
            None,
            spec.first_name.as_ref().map(|v| json!(v)),
        ));
        fields.push(field(
            "last_name",
            None,
            spec.last_name.as_ref().map(|v| json!(v)),
        ));
    }
    if grants.is_none() {
        fields.push(field("permissions", None, Some(permissions_value(want))));
    }
    if let Some(a) = grants {
        fields.push(field("subuser_access", None, Some(json!(a))));
    }
    Ok(Change {
        resource: Resource::Teammate,
        key: spec.email.clone(),
        action: Action::Create,
        fields,
        target: None,
        pending: false,
        sso: spec.sso,
    })
}
