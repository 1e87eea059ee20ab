//! Teammates: list, get, invite, update permissions, delete, pending invites, subuser access.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::validate;

/// The largest page [`Teammates::list`] accepts (documented).
pub const MAX_LIST_LIMIT: u32 = 500;
/// The largest page [`Teammates::subuser_access`] accepts (SendGrid documents only the default,
/// 100; 500 is a guard against typos).
pub const MAX_SUBUSER_ACCESS_LIMIT: u32 = 500;

/// What kind of user a teammate is. A value SendGrid adds later decodes as `Other`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum UserType {
    /// An admin teammate.
    Admin,
    /// The account owner.
    Owner,
    /// A teammate with chosen scopes.
    Teammate,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// A teammate. `username` is required: it identifies the teammate, and an answer without it is
/// not a teammate (e.g. another endpoint's body). Every other field has a default.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Teammate {
    /// Username.
    #[serde(deserialize_with = "crate::de::string_or_default")]
    pub username: String,
    /// Email.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub email: String,
    /// First name.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_name: Option<String>,
    /// Owner, admin or teammate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_type: Option<UserType>,
    /// Whether the teammate is an admin.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub is_admin: bool,
    /// Scopes (only [`Teammates::get`] and [`Teammates::update_permissions`] return them).
    #[serde(default, deserialize_with = "crate::de::string_list")]
    pub scopes: Vec<String>,
    /// Phone.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    /// Website.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub website: Option<String>,
    /// Company (in SendGrid's examples, not its schema).
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub company: Option<String>,
    /// Address line 1.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub address: Option<String>,
    /// Address line 2.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub address2: Option<String>,
    /// City.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// State.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub state: Option<String>,
    /// Postal code.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub zip: Option<String>,
    /// Country.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Page parameters of [`Teammates::list`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListTeammates {
    /// Page size, 0–500 (SendGrid's default is 500).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// Teammates to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u32>,
}

/// A teammate's permissions: either admin (no scopes) or a non-empty list of scopes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Permissions {
    /// The scopes (must be empty when `is_admin`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub scopes: Vec<String>,
    /// Admin teammate.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub is_admin: bool,
}

impl Permissions {
    /// An admin: every scope, so the list is empty.
    pub fn admin() -> Self {
        Permissions {
            scopes: Vec::new(),
            is_admin: true,
        }
    }

    /// A teammate with exactly these scopes.
    pub fn scopes<I, S>(scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Permissions {
            scopes: scopes.into_iter().map(Into::into).collect(),
            is_admin: false,
        }
    }

    /// The rule SendGrid documents: `is_admin` ⇒ no scopes; not admin ⇒ at least one scope.
    pub fn validate(&self) -> Result<()> {
        if self.is_admin && !self.scopes.is_empty() {
            return Err(Error::invalid(
                "scopes",
                "must be empty when is_admin is true (an admin has every scope)",
            ));
        }
        if !self.is_admin && self.scopes.is_empty() {
            return Err(Error::invalid(
                "scopes",
                "must list at least one scope when is_admin is false",
            ));
        }
        validate::scope_names("scopes", &self.scopes)?;
        crate::scopes::not_managed("scopes", &self.scopes)
    }
}

/// An invitation, for [`Teammates::invite`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InviteTeammate {
    /// Who to invite.
    pub email: String,
    /// Scopes (empty for an admin).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub scopes: Vec<String>,
    /// Invite as an admin.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub is_admin: bool,
}

/// A sent (or pending) invitation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Invitation {
    /// The invite token (`pending_id` in some SendGrid examples; both are read). Empty when
    /// the answer leaves it out: the spec does not require it in `invite`'s answer (its example
    /// has none); `list_pending` gives it.
    #[serde(
        default,
        alias = "pending_id",
        deserialize_with = "crate::de::string_or_default"
    )]
    pub token: String,
    /// Invited email.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub email: String,
    /// Scopes offered.
    #[serde(default, deserialize_with = "crate::de::string_list")]
    pub scopes: Vec<String>,
    /// Admin invitation.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub is_admin: bool,
    /// When a pending invite expires (epoch seconds); only in the pending list.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_u64_lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration_date: Option<u64>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// The `{"result": [...]}` wrapper (`results` in some SendGrid examples; both are read).
#[derive(Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
struct ResultList<T> {
    #[serde(
        alias = "results",
        default = "Vec::new",
        deserialize_with = "crate::de::null_default"
    )]
    result: Vec<T>,
}

/// Whether a teammate administers a subuser or holds chosen scopes on it. A value SendGrid adds
/// later decodes as `Other`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PermissionType {
    /// Every scope on the subuser.
    Admin,
    /// The listed scopes only.
    Restricted,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// One subuser a teammate can act for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct SubuserAccess {
    /// The subuser's id.
    #[serde(deserialize_with = "crate::de::u64_lenient")]
    pub id: u64,
    /// The subuser's username.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub username: String,
    /// The subuser's email.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub email: String,
    /// Whether the subuser is disabled.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub disabled: bool,
    /// Admin or restricted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission_type: Option<PermissionType>,
    /// Scopes on that subuser.
    #[serde(default, deserialize_with = "crate::de::string_list")]
    pub scopes: Vec<String>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Cursor parameters of [`Teammates::subuser_access`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SubuserAccessQuery {
    /// Start after the subuser with this id (from the previous page's `next_params`).
    #[serde(
        deserialize_with = "crate::de::opt_u64_lenient",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub after_subuser_id: Option<u64>,
    /// Page size, 1–500 (default 100).
    #[serde(
        deserialize_with = "crate::de::opt_u64_lenient",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u64>,
    /// Only this subuser.
    #[serde(
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub username: Option<String>,
}

/// Paging metadata of a subuser-access page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PageMetadata {
    /// The parameters of the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_params: Option<SubuserAccessQuery>,
}

/// One page of the subusers a teammate can act for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "SubuserAccessPageWire")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "sendgrid_admin"))] // getters: src/python.rs
pub struct SubuserAccessPage {
    /// True when the teammate is limited to the listed subusers.
    pub has_restricted_subuser_access: bool,
    /// The subusers on this page.
    pub subuser_access: Vec<SubuserAccess>,
    /// Paging metadata, as SendGrid sent it (`_metadata`).
    #[serde(rename = "_metadata", skip_serializing_if = "Option::is_none")]
    pub metadata: Option<PageMetadata>,
    /// The next page's `after_subuser_id` (from [`SubuserAccessPage::next_query`]); `None` on
    /// the last page. The one cursor every binding shows under this name.
    #[serde(skip)]
    pub next_after_subuser_id: Option<u64>,
}

/// [`SubuserAccessPage`] as it arrives.
#[derive(Deserialize)]
struct SubuserAccessPageWire {
    #[serde(default, deserialize_with = "crate::de::null_default")]
    has_restricted_subuser_access: bool,
    #[serde(deserialize_with = "crate::de::null_default")]
    subuser_access: Vec<SubuserAccess>,
    #[serde(default, rename = "_metadata")]
    metadata: Option<PageMetadata>,
}

impl From<SubuserAccessPageWire> for SubuserAccessPage {
    fn from(w: SubuserAccessPageWire) -> Self {
        let mut page = SubuserAccessPage {
            has_restricted_subuser_access: w.has_restricted_subuser_access,
            subuser_access: w.subuser_access,
            metadata: w.metadata,
            next_after_subuser_id: None,
        };
        page.next_after_subuser_id = page.next_query().and_then(|q| q.after_subuser_id);
        page
    }
}

impl SubuserAccessPage {
    /// The query for the next page, or `None` on the last page (no `next_params`, or a cursor
    /// that would not advance).
    pub fn next_query(&self) -> Option<SubuserAccessQuery> {
        let next = self.metadata.as_ref()?.next_params.clone()?;
        next.after_subuser_id?;
        Some(next)
    }
}

/// Teammates; get it from [`Client::teammates`]. These calls honour on-behalf-of.
#[derive(Debug, Clone, Copy)]
pub struct Teammates<'a> {
    pub(crate) client: &'a Client,
}

impl Teammates<'_> {
    /// `GET /v3/teammates`: one page of teammates.
    pub async fn list(self, params: &ListTeammates) -> Result<Vec<Teammate>> {
        validate::range("limit", params.limit, 0, MAX_LIST_LIMIT)?;
        let req = self
            .client
            .req(Method::GET, &["teammates"])
            .query_opt("limit", params.limit)
            .query_opt("offset", params.offset);
        Ok(self.client.fetch::<ResultList<Teammate>>(req).await?.result)
    }

    /// `GET /v3/teammates/{username}`: one teammate with scopes.
    pub async fn get(self, username: &str) -> Result<Teammate> {
        validate::teammate_username("username", username)?;
        self.client
            .fetch(self.client.req(Method::GET, &["teammates", username]))
            .await
    }

    /// `POST /v3/teammates`: sends an invitation (SendGrid answers 201).
    pub async fn invite(self, invite: &InviteTeammate) -> Result<Invitation> {
        validate::email("email", &invite.email)?;
        Permissions {
            scopes: invite.scopes.clone(),
            is_admin: invite.is_admin,
        }
        .validate()?;
        let req = self.client.req(Method::POST, &["teammates"]).json(invite)?;
        self.client.fetch(req).await
    }

    /// `PATCH /v3/teammates/{username}`: replaces a teammate's permissions.
    pub async fn update_permissions(
        &self,
        username: &str,
        permissions: &Permissions,
    ) -> Result<Teammate> {
        validate::teammate_username("username", username)?;
        permissions.validate()?;
        let req = self
            .client
            .req(Method::PATCH, &["teammates", username])
            .json(permissions)?;
        self.client.fetch(req).await
    }

    /// `DELETE /v3/teammates/{username}` (204).
    pub async fn delete(self, username: &str) -> Result<()> {
        validate::teammate_username("username", username)?;
        self.client
            .run(self.client.req(Method::DELETE, &["teammates", username]))
            .await
    }

    /// `GET /v3/teammates/pending`: invitations not yet accepted.
    pub async fn list_pending(self) -> Result<Vec<Invitation>> {
        let req = self.client.req(Method::GET, &["teammates", "pending"]);
        Ok(self
            .client
            .fetch::<ResultList<Invitation>>(req)
            .await?
            .result)
    }

    /// `DELETE /v3/teammates/pending/{token}` (204).
    pub async fn delete_pending(self, token: &str) -> Result<()> {
        validate::token("token", token)?;
        self.client
            .run(
                self.client
                    .req(Method::DELETE, &["teammates", "pending", token]),
            )
            .await
    }

    /// `POST /v3/teammates/pending/{token}/resend`: resends an invitation and resets its expiry.
    pub async fn resend_invite(self, token: &str) -> Result<Invitation> {
        validate::token("token", token)?;
        self.client
            .fetch(
                self.client
                    .req(Method::POST, &["teammates", "pending", token, "resend"]),
            )
            .await
    }

    /// `GET /v3/teammates/{teammate}/subuser_access`: one page of the subusers a teammate can
    /// act for. Follow [`SubuserAccessPage::next_query`] for the next page.
    pub async fn subuser_access(
        &self,
        teammate: &str,
        query: &SubuserAccessQuery,
    ) -> Result<SubuserAccessPage> {
        self.client.parent_only("teammates.subuser_access")?;
        validate::teammate_username("teammate", teammate)?;
        if let Some(u) = &query.username {
            validate::username("username", u)?;
        }
        if let Some(l) = query.limit {
            if l == 0 || l > MAX_SUBUSER_ACCESS_LIMIT as u64 {
                return Err(Error::invalid(
                    "limit",
                    format!("is {l}; it must be between 1 and {MAX_SUBUSER_ACCESS_LIMIT}"),
                ));
            }
        }
        let req = self
            .client
            .req(Method::GET, &["teammates", teammate, "subuser_access"])
            .query_opt("after_subuser_id", query.after_subuser_id)
            .query_opt("limit", query.limit)
            .query_opt("username", query.username.as_ref());
        self.client.fetch(req).await
    }
}
