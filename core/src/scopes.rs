//! Scopes (permissions) and teammates' access requests.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::validate;

/// The largest page [`Scopes::list_access_requests`] accepts (SendGrid documents only the
/// default, 50).
pub const MAX_ACCESS_REQUESTS_LIMIT: u32 = 500;

/// Scopes SendGrid adds to teammates and API keys by itself: it returns them on every read and
/// refuses them on write (400 "invalid or unassignable scopes"). The declarative document
/// leaves them out of exports, never compares them and never sends them; the client refuses
/// them in a teammate's permissions before sending. Where each comes from:
/// - `2fa_required`, `2fa_exempt`, `sender_verification_eligible`, `sender_verification_exempt`:
///   teammates and API keys (kenzo0107/terraform-provider-sendgrid #104, PRs #117 and #118;
///   arslanbekov/terraform-provider-sendgrid PR #4);
/// - `sender_verification_legacy`, `ui.signup_complete`, `ui.provision`, `ui.confirm_email`,
///   `signup.trigger_confirmation`: SendGrid's teammate-permissions page, "some user scopes are
///   added automatically" (quoted in kenzo0107 PR #102);
/// - the self-service credential scopes of password-login teammates (`user.email.update`,
///   `user.multifactor_authentication.*`, `user.password.*`, `user.username.update`):
///   arslanbekov PR #116.
pub const SENDGRID_MANAGED_SCOPES: &[&str] = &[
    "2fa_exempt",
    "2fa_required",
    "sender_verification_eligible",
    "sender_verification_exempt",
    "sender_verification_legacy",
    "signup.trigger_confirmation",
    "ui.confirm_email",
    "ui.provision",
    "ui.signup_complete",
    "user.email.update",
    "user.multifactor_authentication.create",
    "user.multifactor_authentication.delete",
    "user.multifactor_authentication.read",
    "user.multifactor_authentication.update",
    "user.password.read",
    "user.password.update",
    "user.username.update",
];

/// Whether SendGrid manages `scope` itself (see [`SENDGRID_MANAGED_SCOPES`]).
pub fn is_sendgrid_managed(scope: &str) -> bool {
    SENDGRID_MANAGED_SCOPES.contains(&scope)
}

/// The read scopes SendGrid puts into a restricted subuser grant beside the ones asked for
/// (kenzo0107/terraform-provider-sendgrid #205, PR #206; the exact set is undocumented and
/// may vary by account). A plan compares a grant as "asked ⊆ held", so these never read as
/// drift; an export leaves them out of a grant unless nothing else would remain.
pub const GRANT_BASELINE_SCOPES: &[&str] = &[
    "mail_settings.read",
    "partner_settings.read",
    "stats.read",
    "tracking_settings.read",
    "user.account.read",
    "user.credits.read",
    "user.email.read",
    "user.profile.read",
    "user.settings.enforced_tls.read",
    "user.timezone.read",
    "user.username.read",
];

/// Refuses a scope SendGrid manages itself, naming it (`field[i]`).
pub(crate) fn not_managed(field: &str, scopes: &[String]) -> Result<()> {
    match scopes.iter().position(|s| is_sendgrid_managed(s)) {
        Some(i) => Err(crate::Error::invalid(
            format!("{field}[{i}]"),
            format!(
                "{:?} is added by SendGrid itself and cannot be assigned; leave it out",
                scopes[i]
            ),
        )),
        None => Ok(()),
    }
}

/// A teammate's request for more scopes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct AccessRequest {
    /// Request id, used to approve or deny.
    #[serde(deserialize_with = "crate::de::u64_lenient")]
    pub id: u64,
    /// The scope group asked for, e.g. `"Stats"`.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub scope_group_name: String,
    /// The teammate's username.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub username: String,
    /// The teammate's email.
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
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Page parameters of [`Scopes::list_access_requests`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListAccessRequests {
    /// Page size, 1–500 (SendGrid's default is 50).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// Requests to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u32>,
}

/// The answer to [`Scopes::approve_access_request`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct ApprovedAccessRequest {
    /// The scope group granted.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub scope_group_name: String,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

#[derive(Deserialize)]
struct ScopeList {
    #[serde(default, deserialize_with = "crate::de::string_list")]
    scopes: Vec<String>,
}

/// Scopes and access requests; get it from [`Client::scopes`]. These calls honour on-behalf-of.
#[derive(Debug, Clone, Copy)]
pub struct Scopes<'a> {
    pub(crate) client: &'a Client,
}

impl Scopes<'_> {
    /// `GET /v3/scopes`: the scopes of the API key (or of the on-behalf-of account).
    pub async fn list(self) -> Result<Vec<String>> {
        let req = self.client.req(Method::GET, &["scopes"]);
        Ok(self.client.fetch::<ScopeList>(req).await?.scopes)
    }

    /// `GET /v3/scopes/requests`: one page of teammates' pending access requests.
    pub async fn list_access_requests(
        &self,
        params: &ListAccessRequests,
    ) -> Result<Vec<AccessRequest>> {
        validate::range("limit", params.limit, 1, MAX_ACCESS_REQUESTS_LIMIT)?;
        let req = self
            .client
            .req(Method::GET, &["scopes", "requests"])
            .query_opt("limit", params.limit)
            .query_opt("offset", params.offset);
        self.client.fetch(req).await
    }

    /// `PATCH /v3/scopes/requests/{id}/approve`: grants the requested scope group.
    pub async fn approve_access_request(self, request_id: u64) -> Result<ApprovedAccessRequest> {
        let id = request_id.to_string();
        self.client
            .fetch(
                self.client
                    .req(Method::PATCH, &["scopes", "requests", &id, "approve"])
                    // A replayed approval meets 404 for work that succeeded.
                    .not_idempotent(),
            )
            .await
    }

    /// `DELETE /v3/scopes/requests/{id}`: denies the request (204).
    pub async fn deny_access_request(self, request_id: u64) -> Result<()> {
        let id = request_id.to_string();
        self.client
            .run(
                self.client
                    .req(Method::DELETE, &["scopes", "requests", &id]),
            )
            .await
    }
}
