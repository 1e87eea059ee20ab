//! The desired-state document: the subusers and teammates an account should have.
//!
//! A field left out is not managed: the plan leaves it as it is. `monitor: null` (YAML `~`)
//! means "no monitor". Passwords are never in the document: a subuser to create names where its
//! password is (`password_env`, `password_file`), read only when it is created.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::accounts::{check_offerings, NewAccountState, Offering};
use crate::credits::{ResetFrequency, SetCredits};
use crate::error::{Error, Result};
use crate::monitor::Monitor;
use crate::region::Region;
use crate::teammates::Permissions;
use crate::teammates_sso::{SubuserGrant, UpdateSsoTeammate};
use crate::validate;

/// An account's subusers and teammates as they should be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "sendgrid-admin account document")]
pub struct Document {
    /// The subusers this document manages.
    #[serde(default)]
    pub subusers: Vec<SubuserSpec>,
    /// The teammates this document manages (the account owner is never listed).
    #[serde(default)]
    pub teammates: Vec<TeammateSpec>,
    /// Customer accounts (partners): their state and offerings. Accounts are created with
    /// `accounts.create` and never deleted by apply.
    #[serde(default)]
    pub accounts: Vec<AccountSpec>,
}

/// One customer account as it should be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountSpec {
    /// The account's id; its identity.
    pub account_id: String,
    /// `activated` or `deactivated` (an account SendGrid suspended or banned is left alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<NewAccountState>,
    /// The whole list: exactly one package, and any add-ons.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "strict_offerings"
    )]
    #[schemars(with = "Option<Vec<OfferingSpec>>")]
    pub offerings: Option<Vec<Offering>>,
}

/// An offering as a document writes it: a misspelt key is an error, not a missing value.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct OfferingSpec {
    /// The offering's name, e.g. `org.ei.free.v1`.
    name: String,
    /// `package` (exactly one) or `addon`.
    r#type: OfferingTypeName,
    /// How many (a package's is 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quantity: Option<i64>,
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum OfferingTypeName {
    Package,
    Addon,
}

/// Offerings read through [`OfferingSpec`] (unknown keys refused), kept as the API's type.
mod strict_offerings {
    use super::{Offering, OfferingSpec, OfferingTypeName};
    use crate::accounts::OfferingType;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Vec<Offering>>, s: S) -> Result<S::Ok, S::Error> {
        v.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Offering>>, D::Error> {
        let specs = Option::<Vec<OfferingSpec>>::deserialize(d)?;
        Ok(specs.map(|v| {
            v.into_iter()
                .map(|o| Offering {
                    extra: Default::default(),
                    name: o.name,
                    r#type: match o.r#type {
                        OfferingTypeName::Package => OfferingType::Package,
                        OfferingTypeName::Addon => OfferingType::Addon,
                    },
                    quantity: o.quantity,
                })
                .collect()
        }))
    }
}

/// One subuser as it should be. Every field but `username` may be left out (not managed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubuserSpec {
    /// The username (1–64 characters); the subuser's identity.
    pub username: String,
    /// Contact email; required to create the subuser (SendGrid cannot change it later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether the subuser is disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// The region (`global` or `eu`); set when the subuser is created, never changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<RegionName>")]
    pub region: Option<Region>,
    /// The IPv4 addresses the subuser sends from (the whole list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ips: Option<Vec<String>>,
    /// Monitor settings; `null` for none.
    #[serde(
        default,
        deserialize_with = "strict_monitor",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<MonitorSpec>")]
    pub monitor: Option<Option<Monitor>>,
    /// Credit allocation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<CreditsSpec>")]
    pub credits: Option<SetCredits>,
    /// Website (console) access. SendGrid has no way to read it, so it is set when the subuser
    /// is created and not compared afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_access: Option<bool>,
    /// For a subuser to create: the environment variable that holds its password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_env: Option<String>,
    /// For a subuser to create: a file whose content (trailing newline removed) is its password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_file: Option<String>,
}

/// One teammate as it should be, identified by email, of one of three kinds: an admin
/// (`is_admin: true` and nothing else about access), an unrestricted teammate (`scopes`, the
/// parent permissions), or a restricted one (`subuser_access`, no `scopes`: SendGrid derives a
/// restricted teammate's parent scopes). Scopes SendGrid adds itself
/// ([`crate::scopes::SENDGRID_MANAGED_SCOPES`]) are never listed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeammateSpec {
    /// The teammate's email (invitations go there; an SSO teammate's username).
    pub email: String,
    /// An admin has every scope (and lists none).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_admin: bool,
    /// The scopes of a teammate who is not an admin.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    /// A pending invitation (as exported): the teammate has not accepted yet. Its permissions
    /// are planned like any other (an invitation cannot be edited, so a change sends it again);
    /// an accepted invitation is not a change.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pending: bool,
    /// Create the teammate as a single sign-on teammate (`teammates.create_sso`, no
    /// invitation); needs `first_name` and `last_name`. SendGrid cannot tell an existing
    /// teammate's kind, so this only matters when creating.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sso: bool,
    /// First name (SSO teammates; SendGrid asks for it on every SSO write).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name (SSO teammates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The subusers a restricted teammate may act for (the whole list), each `admin` or
    /// `restricted` with scopes; `[]` makes the teammate unrestricted; left out, restriction is
    /// not managed. Written through `teammates.update_sso`, which SendGrid allows for SSO
    /// teammates only. A restricted grant is compared as "asked ⊆ held" (SendGrid adds read
    /// scopes of its own, [`crate::scopes::GRANT_BASELINE_SCOPES`]).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "strict_grants"
    )]
    #[schemars(with = "Option<Vec<GrantSpec>>")]
    pub subuser_access: Option<Vec<SubuserGrant>>,
}

/// A subuser grant as a document writes it (unknown keys refused).
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct GrantSpec {
    /// The subuser's username.
    subuser: String,
    /// `admin` (every scope on the subuser) or `restricted` (the listed scopes).
    permission_type: PermissionTypeName,
    /// For restricted access: at least one scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    scopes: Vec<String>,
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum PermissionTypeName {
    Admin,
    Restricted,
}

/// Grants read through [`GrantSpec`], kept as the core's type.
mod strict_grants {
    use super::{GrantSpec, PermissionTypeName};
    use crate::teammates::PermissionType;
    use crate::teammates_sso::SubuserGrant;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        v: &Option<Vec<SubuserGrant>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        v.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Vec<SubuserGrant>>, D::Error> {
        let specs = Option::<Vec<GrantSpec>>::deserialize(d)?;
        Ok(specs.map(|v| {
            v.into_iter()
                .map(|g| SubuserGrant {
                    subuser: g.subuser,
                    permission_type: match g.permission_type {
                        PermissionTypeName::Admin => PermissionType::Admin,
                        PermissionTypeName::Restricted => PermissionType::Restricted,
                    },
                    scopes: g.scopes,
                })
                .collect()
        }))
    }
}

impl TeammateSpec {
    /// Whether this spec asks for restricted subuser access: `subuser_access` given, and no
    /// parent permissions (`scopes` or `is_admin`) beside it. Then its parent scopes are not
    /// compared: SendGrid derives them. (`subuser_access: []` with `scopes` asks for an
    /// unrestricted teammate; `[]` alone, for one restricted to no subuser.)
    pub fn restricted(&self) -> bool {
        self.subuser_access.is_some() && !self.is_admin && self.scopes.is_empty()
    }

    /// Whether the spec lists subuser grants.
    pub(crate) fn has_grants(&self) -> bool {
        self.subuser_access.as_ref().is_some_and(|a| !a.is_empty())
    }

    /// The SSO write this spec asks for, with these names.
    pub fn sso_update(
        &self,
        first_name: &str,
        last_name: &str,
        access: Vec<SubuserGrant>,
    ) -> UpdateSsoTeammate {
        let restricted = self.restricted() || !access.is_empty();
        UpdateSsoTeammate {
            first_name: first_name.to_string(),
            last_name: last_name.to_string(),
            is_admin: self.is_admin && !restricted,
            persona: None,
            scopes: if restricted {
                Vec::new()
            } else {
                self.scopes.clone()
            },
            has_restricted_subuser_access: Some(restricted),
            subuser_access: access,
        }
    }

    /// The permissions this spec asks for, scopes sorted.
    pub fn permissions(&self) -> Permissions {
        let mut scopes = self.scopes.clone();
        scopes.sort();
        Permissions {
            scopes,
            is_admin: self.is_admin,
        }
    }
}

// Schema-only shapes of fields whose Rust types accept more than a document may hold.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum RegionName {
    Global,
    Eu,
}

/// A monitor as a document holds it: `Some(..)` for a key that is present (even `null`, so that
/// `monitor: null` differs from a missing key), read through [`MonitorSpec`] so that an unknown
/// key is refused (the API's `Monitor` keeps unknown keys of SendGrid's answers in `extra`).
fn strict_monitor<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Option<Monitor>>, D::Error> {
    Option::<MonitorSpec>::deserialize(d)
        .map(|m| Some(m.map(|m| Monitor::new(m.email, m.frequency))))
}

#[derive(JsonSchema, Deserialize)]
#[serde(deny_unknown_fields)]
struct MonitorSpec {
    /// Where the sample emails go.
    email: String,
    /// A sample every `frequency` emails (at least 1).
    #[schemars(range(min = 1))]
    frequency: u64,
}

#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum CreditTypeName {
    Unlimited,
    Recurring,
    Nonrecurring,
}

#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct CreditsSpec {
    /// Allocation type.
    r#type: CreditTypeName,
    /// Reset period (recurring only).
    reset_frequency: Option<ResetFrequency>,
    /// Credits per period (recurring and nonrecurring), at least 1.
    #[schemars(range(min = 1))]
    total: Option<u64>,
}

/// The document's JSON Schema (draft 2020-12), as published in `core/schema/`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or_default()
}

impl Document {
    /// Reads a YAML (or JSON, which is YAML) document. An unknown key, a wrong type or a
    /// malformed file is an `invalid_input` error naming the line, column and key.
    pub fn from_yaml(text: &str) -> Result<Document> {
        if text.trim().is_empty() {
            return Ok(Document::default());
        }
        serde_norway::from_str(text).map_err(|e| {
            let msg = e.to_string();
            // `path: message at line L column C`, the message in plain words.
            let (path, rest) = match msg.split_once(": ") {
                Some((p, r)) if !p.contains(' ') => (format!("{p}: "), r.to_string()),
                _ => (String::new(), msg.clone()),
            };
            let at = match e.location() {
                Some(l) => format!(" at line {} column {}", l.line(), l.column()),
                None => rest
                    .find(" at line ")
                    .map(|i| rest[i..].to_string())
                    .unwrap_or_default(),
            };
            Error::invalid(
                "document",
                format!("{path}{}{at}", crate::plain::words(&rest)),
            )
        })
    }

    /// The document as YAML.
    pub fn to_yaml(&self) -> Result<String> {
        serde_norway::to_string(self).map_err(|e| Error::invalid("document", e.to_string()))
    }

    /// Every problem of the document against the API's rules, each as `(path, reason)`, e.g.
    /// `("subusers[2].ips[0]", "…")`. Empty when the document is valid.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (i, s) in self.subusers.iter().enumerate() {
            let at = format!("subusers[{i}]");
            let mut check = |r: Result<()>| {
                if let Err(Error::InvalidInput { field, reason }) = r {
                    out.push((format!("{at}.{field}"), reason));
                }
            };
            check(validate::username("username", &s.username));
            if !seen.insert(s.username.to_ascii_lowercase()) {
                check(Err(Error::invalid(
                    "username",
                    format!("{:?} is listed twice", s.username),
                )));
            }
            if let Some(e) = &s.email {
                check(validate::email("email", e));
            }
            if let Some(ips) = &s.ips {
                check(validate::ipv4_list("ips", ips));
            }
            if let Some(Some(m)) = &s.monitor {
                // Each field on its own, so that one item's problems are all listed at once.
                check(validate::email("monitor.email", &m.email));
                check(Monitor::new("audit@example.com", m.frequency).validate());
            }
            if let Some(c) = &s.credits {
                check(c.validate());
            }
            if let Some(Region::Other(r)) = &s.region {
                check(Err(Error::invalid(
                    "region",
                    format!("{r:?} is not a region; use global or eu"),
                )));
            }
            if s.password_env.is_some() && s.password_file.is_some() {
                check(Err(Error::invalid(
                    "password_file",
                    "give password_env or password_file, not both",
                )));
            }
        }
        let mut seen = HashSet::new();
        for (i, t) in self.teammates.iter().enumerate() {
            let at = format!("teammates[{i}]");
            let mut check = |r: Result<()>| {
                if let Err(Error::InvalidInput { field, reason }) = r {
                    out.push((format!("{at}.{field}"), reason));
                }
            };
            check(validate::email("email", &t.email));
            if !seen.insert(t.email.to_ascii_lowercase()) {
                check(Err(Error::invalid(
                    "email",
                    format!("{:?} is listed twice", t.email),
                )));
            }
            let grants = t.has_grants();
            if t.is_admin && grants {
                check(Err(Error::invalid(
                    "subuser_access",
                    "must be left out when is_admin is true (an admin acts for every subuser)",
                )));
            }
            if grants && !t.scopes.is_empty() {
                check(Err(Error::invalid(
                    "scopes",
                    "must be left out with subuser_access: SendGrid derives a restricted teammate's parent scopes (give scopes for an unrestricted teammate, subuser_access for a restricted one)",
                )));
            }
            if t.pending && (t.sso || t.restricted()) {
                check(Err(Error::invalid(
                    "pending",
                    "an invitation has parent permissions only (no sso, no subuser_access)",
                )));
            }
            for (j, g) in t.subuser_access.iter().flatten().enumerate() {
                check(crate::scopes::not_managed(
                    &format!("subuser_access[{j}].scopes"),
                    &g.scopes,
                ));
            }
            if grants && (t.is_admin || !t.scopes.is_empty()) {
                // Reported above; the rules below would restate it.
            } else if t.sso {
                let access = t.subuser_access.clone().unwrap_or_default();
                let names = (
                    t.first_name.as_deref().unwrap_or(""),
                    t.last_name.as_deref().unwrap_or(""),
                );
                check(t.sso_update(names.0, names.1, access).validate());
            } else if t.restricted() {
                // Read from the account as is (export); written only for SSO teammates.
                let mut seen = HashSet::new();
                for (j, g) in t.subuser_access.iter().flatten().enumerate() {
                    check(validate::username(
                        &format!("subuser_access[{j}].subuser"),
                        &g.subuser,
                    ));
                    if !seen.insert(g.subuser.to_ascii_lowercase()) {
                        check(Err(Error::invalid(
                            format!("subuser_access[{j}].subuser"),
                            format!("{:?} is listed twice", g.subuser),
                        )));
                    }
                }
            } else {
                // In the document's order, so that `scopes[i]` points at the right line.
                check(
                    Permissions {
                        scopes: t.scopes.clone(),
                        is_admin: t.is_admin,
                    }
                    .validate(),
                );
            }
        }
        let mut seen = HashSet::new();
        for (i, a) in self.accounts.iter().enumerate() {
            let at = format!("accounts[{i}]");
            let mut check = |r: Result<()>| {
                if let Err(Error::InvalidInput { field, reason }) = r {
                    out.push((format!("{at}.{field}"), reason));
                }
            };
            check(validate::account_id("account_id", &a.account_id));
            if !seen.insert(a.account_id.clone()) {
                check(Err(Error::invalid(
                    "account_id",
                    format!("{:?} is listed twice", a.account_id),
                )));
            }
            if let Some(o) = &a.offerings {
                check(check_offerings("offerings", o));
            }
        }
        out
    }

    /// Checks the document: every problem in one `invalid_input` error (field `document`), one
    /// per line as `path: reason`.
    pub fn validate(&self) -> Result<()> {
        let problems = self.problems();
        if problems.is_empty() {
            return Ok(());
        }
        let lines: Vec<String> = problems
            .iter()
            .map(|(path, reason)| format!("{path}: {reason}"))
            .collect();
        Err(Error::invalid(
            "document",
            format!("{} problem(s):\n{}", lines.len(), lines.join("\n")),
        ))
    }
}
