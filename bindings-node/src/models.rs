//! Plain JS objects (camelCase) for the core's models; the conversions are generated
//! (`crate::convert::from_core!`).

use napi_derive::napi;
use serde_json::{Map, Value};

use sendgrid_admin as core;

pub use crate::convert::all;
use crate::convert::{from_core, Conv};

/// A subuser.
#[napi(object)]
pub struct Subuser {
    /// Numeric id.
    pub id: i64,
    /// Username.
    pub username: String,
    /// Contact email.
    pub email: String,
    /// Whether the subuser is disabled.
    pub disabled: bool,
    /// "global" or "eu", when includeRegion was asked for.
    pub region: Option<String>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(Subuser from core::subusers::Subuser: id, username, email, disabled, region, extra);

/// The answer to creating a subuser.
#[napi(object)]
pub struct CreatedSubuser {
    /// Username.
    pub username: String,
    /// The new subuser's id.
    pub user_id: i64,
    /// Contact email.
    pub email: String,
    /// The credit allocation type, e.g. "unlimited".
    pub credit_allocation_type: Option<String>,
    /// "global" or "eu", when includeRegion was asked for.
    pub region: Option<String>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(CreatedSubuser from core::subusers::CreatedSubuser: username, user_id, email, credit_allocation_type, region, extra);

/// The IPs assigned to a subuser.
#[napi(object)]
pub struct SubuserIps {
    /// IPv4 addresses.
    pub ips: Vec<String>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(SubuserIps from core::ips::SubuserIps: ips, extra);

/// A subuser's reputation, 0-100.
#[napi(object)]
pub struct Reputation {
    /// Username.
    pub username: String,
    /// Reputation.
    pub reputation: f64,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(Reputation from core::reputations::Reputation: username, reputation, extra);

/// A subuser's credits.
#[napi(object)]
pub struct SubuserCredits {
    /// "unlimited", "recurring" or "nonrecurring".
    #[napi(js_name = "type")]
    pub kind: String,
    /// "monthly", "weekly" or "daily" for recurring credits.
    pub reset_frequency: Option<String>,
    /// Credits left.
    pub remain: Option<i64>,
    /// Credits per period.
    pub total: Option<i64>,
    /// Credits used.
    pub used: Option<i64>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(SubuserCredits from core::credits::SubuserCredits: kind = r#type, reset_frequency, remain, total, used, extra);

/// Monitor settings: a copy of every `frequency`-th email goes to `email`.
#[napi(object)]
pub struct Monitor {
    /// Where samples go.
    pub email: String,
    /// Every how many emails (at least 1).
    pub frequency: f64,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Option<Map<String, Value>>,
}
from_core!(Monitor from core::monitor::Monitor: email, frequency, extra);

/// The 16 email counters.
#[napi(object)]
#[allow(missing_docs)]
pub struct Metrics {
    pub blocks: i64,
    pub bounce_drops: i64,
    pub bounces: i64,
    pub clicks: i64,
    pub deferred: i64,
    pub delivered: i64,
    pub invalid_emails: i64,
    pub opens: i64,
    pub processed: i64,
    pub requests: i64,
    pub spam_report_drops: i64,
    pub spam_reports: i64,
    pub unique_clicks: i64,
    pub unique_opens: i64,
    pub unsubscribe_drops: i64,
    pub unsubscribes: i64,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(Metrics from core::stats::Metrics: blocks, bounce_drops, bounces, clicks, deferred, delivered, invalid_emails, opens, processed, requests, spam_report_drops, spam_reports, unique_clicks, unique_opens, unsubscribe_drops, unsubscribes, extra);

/// One row of statistics.
#[napi(object)]
pub struct StatEntry {
    /// Usually "subuser".
    #[napi(js_name = "type")]
    pub kind: Option<String>,
    /// The subuser's username.
    pub name: Option<String>,
    /// First name (monthly statistics).
    pub first_name: Option<String>,
    /// Last name (monthly statistics).
    pub last_name: Option<String>,
    /// The counters.
    pub metrics: Metrics,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(StatEntry from core::stats::StatEntry: kind = r#type, name, first_name, last_name, metrics, extra);

/// Statistics for one date.
#[napi(object)]
pub struct DatedStats {
    /// YYYY-MM-DD.
    pub date: String,
    /// One row per subuser.
    pub stats: Vec<StatEntry>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(DatedStats from core::stats::DatedStats: date, stats, extra);

/// A teammate.
#[napi(object)]
#[allow(missing_docs)]
pub struct Teammate {
    pub username: String,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// "owner", "admin" or "teammate".
    pub user_type: Option<String>,
    pub is_admin: bool,
    /// Scopes (get and updatePermissions only).
    pub scopes: Vec<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub company: Option<String>,
    pub address: Option<String>,
    pub address2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub zip: Option<String>,
    pub country: Option<String>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(Teammate from core::teammates::Teammate: username, email, first_name, last_name, user_type, is_admin, scopes, phone, website, company, address, address2, city, state, zip, country, extra);

/// An invitation (sent or pending).
#[napi(object)]
pub struct Invitation {
    /// The invite token.
    pub token: String,
    /// Invited email.
    pub email: String,
    /// Scopes offered.
    pub scopes: Vec<String>,
    /// Admin invitation.
    pub is_admin: bool,
    /// Expiry (epoch seconds), in the pending list.
    pub expiration_date: Option<i64>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(Invitation from core::teammates::Invitation: token, email, scopes, is_admin, expiration_date, extra);

/// One subuser a teammate can act for.
#[napi(object)]
pub struct SubuserAccess {
    /// Subuser id.
    pub id: i64,
    /// Subuser username.
    pub username: String,
    /// Subuser email.
    pub email: String,
    /// Whether the subuser is disabled.
    pub disabled: bool,
    /// "admin" or "restricted".
    pub permission_type: Option<String>,
    /// Scopes on that subuser.
    pub scopes: Vec<String>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(SubuserAccess from core::teammates::SubuserAccess: id, username, email, disabled, permission_type, scopes, extra);

/// One page of a teammate's subuser access.
#[napi(object)]
pub struct SubuserAccessPage {
    /// True when the teammate is limited to the listed subusers.
    pub has_restricted_subuser_access: bool,
    /// The subusers on this page.
    pub subuser_access: Vec<SubuserAccess>,
    /// Pass as `afterSubuserId` for the next page; absent on the last page.
    pub next_after_subuser_id: Option<i64>,
    /// The whole query of the next page (`_metadata.next_params`); absent on the last page.
    pub next_params: Option<NextParams>,
}

/// The query of the next subuser-access page, as SendGrid gives it.
#[napi(object)]
pub struct NextParams {
    /// Start after this subuser id.
    pub after_subuser_id: Option<i64>,
    /// Page size.
    pub limit: Option<i64>,
    /// Only this subuser.
    pub username: Option<String>,
}

impl From<core::teammates::SubuserAccessPage> for SubuserAccessPage {
    fn from(v: core::teammates::SubuserAccessPage) -> Self {
        let next = v.next_query();
        SubuserAccessPage {
            has_restricted_subuser_access: v.has_restricted_subuser_access,
            subuser_access: v.subuser_access.conv(),
            next_after_subuser_id: v.next_after_subuser_id.conv(),
            next_params: next.map(|q| NextParams {
                after_subuser_id: q.after_subuser_id.conv(),
                limit: q.limit.conv(),
                username: q.username,
            }),
        }
    }
}

/// A teammate's request for more scopes.
#[napi(object)]
#[allow(missing_docs)]
pub struct AccessRequest {
    pub id: i64,
    pub scope_group_name: String,
    pub username: String,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(AccessRequest from core::scopes::AccessRequest: id, scope_group_name, username, email, first_name, last_name, extra);

/// The answer to approving an access request.
#[napi(object)]
pub struct ApprovedAccessRequest {
    /// The scope group granted.
    pub scope_group_name: String,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(ApprovedAccessRequest from core::scopes::ApprovedAccessRequest: scope_group_name, extra);
