//! SSO teammates: [`Teammates::create_sso`] and [`Teammates::update_sso`], the only operations
//! that write a teammate's subuser access. Read and delete SSO teammates with the ordinary
//! teammate calls. Both are parent-level (a client scoped with on-behalf-of is refused before
//! sending), name subusers by username (looked up to ids before sending), check SendGrid's
//! documented rules first, and compare what SendGrid applied with what was asked: SendGrid is
//! known to answer success while silently dropping subuser access, which is reported as a
//! `not_applied` error.

use std::collections::HashSet;

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::teammates::{PermissionType, SubuserAccess, SubuserAccessQuery, Teammates, UserType};
use crate::validate;

/// A predefined set of scopes for an SSO teammate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Persona {
    /// Billing and statistics.
    Accountant,
    /// API keys, settings and statistics.
    Developer,
    /// Marketing campaigns and statistics.
    Marketer,
    /// Read-only.
    Observer,
}

impl Persona {
    /// The wire name (`"accountant"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Persona::Accountant => "accountant",
            Persona::Developer => "developer",
            Persona::Marketer => "marketer",
            Persona::Observer => "observer",
        }
    }
}

impl std::str::FromStr for Persona {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        [
            Persona::Accountant,
            Persona::Developer,
            Persona::Marketer,
            Persona::Observer,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
        .ok_or_else(|| {
            Error::invalid(
                "persona",
                format!("{s:?} is not accountant, developer, marketer or observer"),
            )
        })
    }
}

/// Access to one subuser, as asked for: `admin` (every scope; no scopes listed) or
/// `restricted` (the listed scopes only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SubuserGrant {
    /// The subuser's username (looked up to its id before sending).
    pub subuser: String,
    /// `Admin` or `Restricted`.
    pub permission_type: PermissionType,
    /// The scopes on that subuser: at least one for `Restricted`, none for `Admin`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub scopes: Vec<String>,
}

/// A new SSO teammate, for [`Teammates::create_sso`]. Give exactly one kind of permission:
/// `is_admin`, a `persona`, `scopes`, or subuser access.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreateSsoTeammate {
    /// Email; also the teammate's username, which cannot change. Must match the IdP.
    pub email: String,
    /// First name (required).
    pub first_name: String,
    /// Last name (required).
    pub last_name: String,
    /// Admin on the parent account.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub is_admin: bool,
    /// A predefined set of parent scopes.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub persona: Option<Persona>,
    /// Parent scopes (an empty list is not sent).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub scopes: Vec<String>,
    /// Limit the teammate to `subuser_access`; `None` means "true when `subuser_access` is
    /// non-empty".
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub has_restricted_subuser_access: Option<bool>,
    /// The subusers the teammate may act for (needs restricted access).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub subuser_access: Vec<SubuserGrant>,
}

/// New permissions and names of an SSO teammate, for [`Teammates::update_sso`]. SendGrid
/// requires both names even here. The same rules as [`CreateSsoTeammate`] apply.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UpdateSsoTeammate {
    /// First name (required).
    pub first_name: String,
    /// Last name (required).
    pub last_name: String,
    /// Admin on the parent account.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub is_admin: bool,
    /// A predefined set of parent scopes.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub persona: Option<Persona>,
    /// Parent scopes (an empty list is not sent).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub scopes: Vec<String>,
    /// Limit the teammate to `subuser_access`; `None` means "true when `subuser_access` is
    /// non-empty".
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub has_restricted_subuser_access: Option<bool>,
    /// The subusers the teammate may act for (needs restricted access).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub subuser_access: Vec<SubuserGrant>,
}

impl UpdateSsoTeammate {
    /// Checks SendGrid's documented rules (names, one of is_admin/persona/scopes, restricted
    /// access excludes them, each grant's scopes), as `create_sso` and `update_sso` do.
    pub fn validate(&self) -> Result<()> {
        self.asked().check(&self.first_name, &self.last_name)
    }

    /// The permission fields, with restricted access defaulting to "access is non-empty".
    fn asked(&self) -> Asked<'_> {
        Asked {
            is_admin: self.is_admin,
            persona: self.persona,
            scopes: &self.scopes,
            restricted: self
                .has_restricted_subuser_access
                .unwrap_or(!self.subuser_access.is_empty()),
            access: &self.subuser_access,
        }
    }
}

impl CreateSsoTeammate {
    /// A new SSO teammate with this email and the names and permissions of `teammate`.
    pub fn new(email: impl Into<String>, teammate: UpdateSsoTeammate) -> Self {
        CreateSsoTeammate {
            email: email.into(),
            first_name: teammate.first_name,
            last_name: teammate.last_name,
            is_admin: teammate.is_admin,
            persona: teammate.persona,
            scopes: teammate.scopes,
            has_restricted_subuser_access: teammate.has_restricted_subuser_access,
            subuser_access: teammate.subuser_access,
        }
    }
}

/// An SSO teammate as SendGrid answers a create or update.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct SsoTeammate {
    /// Username (the email for SSO teammates; filled from it when SendGrid leaves it out).
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub username: String,
    /// Email.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub email: String,
    /// First name.
    #[serde(default, deserialize_with = "crate::de::opt_string")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, deserialize_with = "crate::de::opt_string")]
    pub last_name: Option<String>,
    /// Owner, admin or teammate (update answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_type: Option<UserType>,
    /// Admin on the parent account.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub is_admin: bool,
    /// Signs in through single sign-on.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub is_sso: bool,
    /// Parent scopes (SendGrid adds some of its own, e.g. `2fa_required`).
    #[serde(default, deserialize_with = "crate::de::string_list")]
    pub scopes: Vec<String>,
    /// Limited to `subuser_access`.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub has_restricted_subuser_access: bool,
    /// The subusers the teammate may act for, as SendGrid applied them (read back from
    /// `subuser_access` when the answer left them out).
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub subuser_access: Vec<SubuserAccess>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// The permission fields both requests share, checked once.
struct Asked<'a> {
    is_admin: bool,
    persona: Option<Persona>,
    scopes: &'a [String],
    restricted: bool,
    access: &'a [SubuserGrant],
}

impl Asked<'_> {
    fn check(&self, first_name: &str, last_name: &str) -> Result<()> {
        for (field, v) in [("first_name", first_name), ("last_name", last_name)] {
            if v.trim().is_empty() {
                return Err(Error::invalid(
                    field,
                    "is required (SendGrid asks for it even on update)",
                ));
            }
        }
        validate::scope_names("scopes", self.scopes)?;
        crate::scopes::not_managed("scopes", self.scopes)?;
        let set = [
            ("is_admin", self.is_admin),
            ("persona", self.persona.is_some()),
            ("scopes", !self.scopes.is_empty()),
        ];
        let given: Vec<&str> = set.iter().filter(|(_, on)| *on).map(|(f, _)| *f).collect();
        if given.len() > 1 {
            return Err(Error::invalid(
                given[1],
                format!(
                    "set at most one of is_admin, persona and scopes ({} given)",
                    given.join(", ")
                ),
            ));
        }
        if self.restricted {
            if let Some(f) = given.first() {
                return Err(Error::invalid(
                    *f,
                    "must not be set with restricted subuser access (a teammate cannot hold parent permissions and restricted subuser access at once)",
                ));
            }
        } else if !self.access.is_empty() {
            return Err(Error::invalid(
                "has_restricted_subuser_access",
                "is false, but subuser_access needs restricted subuser access",
            ));
        } else if given.is_empty() {
            return Err(Error::invalid(
                "scopes",
                "give the teammate is_admin, a persona, scopes or subuser access",
            ));
        }
        let mut seen = HashSet::new();
        for (i, g) in self.access.iter().enumerate() {
            let at = |f: &str| format!("subuser_access[{i}].{f}");
            validate::username(&at("subuser"), &g.subuser)?;
            if !seen.insert(g.subuser.as_str()) {
                return Err(Error::invalid(
                    at("subuser"),
                    format!("{:?} is listed twice", g.subuser),
                ));
            }
            validate::scope_names(&at("scopes"), &g.scopes)?;
            match &g.permission_type {
                PermissionType::Admin if !g.scopes.is_empty() => {
                    return Err(Error::invalid(
                        at("scopes"),
                        "must be empty for admin access (admin has every scope on the subuser)",
                    ))
                }
                PermissionType::Restricted if g.scopes.is_empty() => {
                    return Err(Error::invalid(
                        at("scopes"),
                        "must list at least one scope for restricted access",
                    ))
                }
                PermissionType::Other(o) => {
                    return Err(Error::invalid(
                        at("permission_type"),
                        format!("{o:?} is not admin or restricted"),
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct GrantWire<'a> {
    id: u64,
    permission_type: &'a PermissionType,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    scopes: &'a [String],
}

#[derive(Serialize)]
struct SsoBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    first_name: &'a str,
    last_name: &'a str,
    is_admin: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    persona: Option<Persona>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    scopes: &'a [String],
    has_restricted_subuser_access: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    subuser_access: Vec<GrantWire<'a>>,
}

/// What of `asked` (with the ids looked up) `got` lacks, in the caller's terms.
fn missing(asked: &[SubuserGrant], ids: &[u64], got: &[SubuserAccess]) -> Vec<String> {
    let mut out = Vec::new();
    for (g, id) in asked.iter().zip(ids) {
        let Some(a) = got.iter().find(|a| a.id == *id) else {
            out.push(format!("{}: no access", g.subuser));
            continue;
        };
        if a.permission_type.as_ref() != Some(&g.permission_type) {
            out.push(format!(
                "{}: asked {}, got {}",
                g.subuser,
                perm_name(Some(&g.permission_type)),
                perm_name(a.permission_type.as_ref())
            ));
            continue;
        }
        let lost: Vec<&str> = g
            .scopes
            .iter()
            .filter(|s| !a.scopes.contains(s))
            .map(String::as_str)
            .collect();
        if !lost.is_empty() {
            out.push(format!("{}: scopes {} missing", g.subuser, lost.join(", ")));
        }
    }
    out
}

fn perm_name(p: Option<&PermissionType>) -> &str {
    match p {
        Some(PermissionType::Admin) => "admin",
        Some(PermissionType::Restricted) => "restricted",
        Some(PermissionType::Other(o)) => o,
        None => "no permission type",
    }
}

impl Teammates<'_> {
    /// `POST /v3/sso/teammates` (201): creates a teammate who signs in through single sign-on,
    /// with parent permissions or access to chosen subusers. If SendGrid answers success but
    /// has not applied the subuser access asked for (checked against the answer, then read
    /// back), the error is `not_applied` naming what is missing; the teammate exists then, so
    /// fix the request and call [`Teammates::update_sso`].
    pub async fn create_sso(self, teammate: &CreateSsoTeammate) -> Result<SsoTeammate> {
        self.client.parent_only("teammates.create_sso")?;
        validate::email("email", &teammate.email)?;
        let asked = Asked {
            is_admin: teammate.is_admin,
            persona: teammate.persona,
            scopes: &teammate.scopes,
            restricted: teammate
                .has_restricted_subuser_access
                .unwrap_or(!teammate.subuser_access.is_empty()),
            access: &teammate.subuser_access,
        };
        asked.check(&teammate.first_name, &teammate.last_name)?;
        write(
            self.client,
            (Method::POST, &["sso", "teammates"]),
            Some(&teammate.email),
            &teammate.email,
            (&teammate.first_name, &teammate.last_name),
            &asked,
        )
        .await
    }

    /// `PATCH /v3/sso/teammates/{username}`: replaces an SSO teammate's names and permissions
    /// (`username` is the teammate's email). Checked after the write as
    /// [`Teammates::create_sso`] is.
    pub async fn update_sso(
        self,
        username: &str,
        update: &UpdateSsoTeammate,
    ) -> Result<SsoTeammate> {
        self.client.parent_only("teammates.update_sso")?;
        validate::teammate_username("username", username)?;
        let asked = update.asked();
        asked.check(&update.first_name, &update.last_name)?;
        write(
            self.client,
            (Method::PATCH, &["sso", "teammates", username]),
            None,
            username,
            (&update.first_name, &update.last_name),
            &asked,
        )
        .await
    }
}

/// Looks the subusers up, sends, and checks what SendGrid applied.
async fn write(
    client: &Client,
    (method, segments): (Method, &[&str]),
    email: Option<&str>,
    username: &str,
    (first_name, last_name): (&str, &str),
    asked: &Asked<'_>,
) -> Result<SsoTeammate> {
    let names: Vec<String> = asked.access.iter().map(|g| g.subuser.clone()).collect();
    let ids = client.subusers().ids("subuser_access", 0, &names).await?;
    let body = SsoBody {
        email,
        first_name,
        last_name,
        is_admin: asked.is_admin,
        persona: asked.persona,
        scopes: asked.scopes,
        has_restricted_subuser_access: asked.restricted,
        subuser_access: asked
            .access
            .iter()
            .zip(&ids)
            .map(|(g, id)| GrantWire {
                id: *id,
                permission_type: &g.permission_type,
                scopes: &g.scopes,
            })
            .collect(),
    };
    let path = format!("/v3/{}", segments.join("/"));
    let req = client.req(method.clone(), segments).json(&body)?;
    let mut out: SsoTeammate = client.fetch(req).await?;
    if out.username.is_empty() {
        out.username = if out.email.is_empty() {
            username.to_string()
        } else {
            out.email.clone()
        };
    }
    if !asked.restricted || missing(asked.access, &ids, &out.subuser_access).is_empty() {
        return Ok(out);
    }
    // The answer lacks some access: read it back before calling it lost (answers have been
    // seen without admin entries' details).
    use futures_util::TryStreamExt;
    let back: Vec<SubuserAccess> = client
        .teammates()
        .subuser_access_all(&out.username, SubuserAccessQuery::default())
        .try_collect()
        .await?;
    let lost = missing(asked.access, &ids, &back);
    if lost.is_empty() {
        out.subuser_access = back;
        out.has_restricted_subuser_access = true;
        return Ok(out);
    }
    Err(Error::NotApplied {
        method: method.to_string(),
        path,
        reason: format!(
            "SendGrid answered success but did not apply this subuser access: {}. Teammate {:?} exists; correct the request (e.g. an unknown scope) and call update_sso",
            lost.join("; "),
            out.username
        ),
    })
}
