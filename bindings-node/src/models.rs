//! Plain JS objects (camelCase) for the core's models; `From` conversions only.

use napi_derive::napi;
use serde::Serialize;

use sendgrid_admin as core;

/// The serde name of an enum value (`Region::Eu` → `"eu"`).
pub fn tag<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn n(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

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
}

impl From<core::subusers::Subuser> for Subuser {
    fn from(v: core::subusers::Subuser) -> Self {
        Subuser {
            id: n(v.id),
            username: v.username,
            email: v.email,
            disabled: v.disabled,
            region: v.region.as_ref().map(tag),
        }
    }
}

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
}

impl From<core::subusers::CreatedSubuser> for CreatedSubuser {
    fn from(v: core::subusers::CreatedSubuser) -> Self {
        CreatedSubuser {
            username: v.username,
            user_id: n(v.user_id),
            email: v.email,
            credit_allocation_type: v.credit_allocation_type,
            region: v.region.as_ref().map(tag),
        }
    }
}

/// The IPs assigned to a subuser.
#[napi(object)]
pub struct SubuserIps {
    /// IPv4 addresses.
    pub ips: Vec<String>,
}

impl From<core::ips::SubuserIps> for SubuserIps {
    fn from(v: core::ips::SubuserIps) -> Self {
        SubuserIps { ips: v.ips }
    }
}

/// A subuser's reputation, 0-100.
#[napi(object)]
pub struct Reputation {
    /// Username.
    pub username: String,
    /// Reputation.
    pub reputation: f64,
}

impl From<core::reputations::Reputation> for Reputation {
    fn from(v: core::reputations::Reputation) -> Self {
        Reputation {
            username: v.username,
            reputation: v.reputation,
        }
    }
}

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
}

impl From<core::credits::SubuserCredits> for SubuserCredits {
    fn from(v: core::credits::SubuserCredits) -> Self {
        SubuserCredits {
            kind: tag(&v.r#type),
            reset_frequency: v.reset_frequency.as_ref().map(tag),
            remain: v.remain.map(n),
            total: v.total.map(n),
            used: v.used.map(n),
        }
    }
}

/// Monitor settings: a copy of every `frequency`-th email goes to `email`.
#[napi(object)]
pub struct Monitor {
    /// Where samples go.
    pub email: String,
    /// Every how many emails (at least 1).
    pub frequency: f64,
}

impl From<core::monitor::Monitor> for Monitor {
    fn from(v: core::monitor::Monitor) -> Self {
        Monitor {
            email: v.email,
            frequency: v.frequency as f64,
        }
    }
}

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
}

impl From<core::stats::Metrics> for Metrics {
    fn from(m: core::stats::Metrics) -> Self {
        Metrics {
            blocks: n(m.blocks),
            bounce_drops: n(m.bounce_drops),
            bounces: n(m.bounces),
            clicks: n(m.clicks),
            deferred: n(m.deferred),
            delivered: n(m.delivered),
            invalid_emails: n(m.invalid_emails),
            opens: n(m.opens),
            processed: n(m.processed),
            requests: n(m.requests),
            spam_report_drops: n(m.spam_report_drops),
            spam_reports: n(m.spam_reports),
            unique_clicks: n(m.unique_clicks),
            unique_opens: n(m.unique_opens),
            unsubscribe_drops: n(m.unsubscribe_drops),
            unsubscribes: n(m.unsubscribes),
        }
    }
}

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
}

/// Statistics for one date.
#[napi(object)]
pub struct DatedStats {
    /// YYYY-MM-DD.
    pub date: String,
    /// One row per subuser.
    pub stats: Vec<StatEntry>,
}

impl From<core::stats::DatedStats> for DatedStats {
    fn from(v: core::stats::DatedStats) -> Self {
        DatedStats {
            date: v.date,
            stats: v
                .stats
                .into_iter()
                .map(|s| StatEntry {
                    kind: s.r#type,
                    name: s.name,
                    first_name: s.first_name,
                    last_name: s.last_name,
                    metrics: s.metrics.into(),
                })
                .collect(),
        }
    }
}

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
}

impl From<core::teammates::Teammate> for Teammate {
    fn from(v: core::teammates::Teammate) -> Self {
        Teammate {
            username: v.username,
            email: v.email,
            first_name: v.first_name,
            last_name: v.last_name,
            user_type: v.user_type.as_ref().map(tag),
            is_admin: v.is_admin,
            scopes: v.scopes,
            phone: v.phone,
            website: v.website,
            company: v.company,
            address: v.address,
            address2: v.address2,
            city: v.city,
            state: v.state,
            zip: v.zip,
            country: v.country,
        }
    }
}

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
}

impl From<core::teammates::Invitation> for Invitation {
    fn from(v: core::teammates::Invitation) -> Self {
        Invitation {
            token: v.token,
            email: v.email,
            scopes: v.scopes,
            is_admin: v.is_admin,
            expiration_date: v.expiration_date.map(n),
        }
    }
}

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
}

impl From<core::teammates::SubuserAccess> for SubuserAccess {
    fn from(v: core::teammates::SubuserAccess) -> Self {
        SubuserAccess {
            id: n(v.id),
            username: v.username,
            email: v.email,
            disabled: v.disabled,
            permission_type: v.permission_type.as_ref().map(tag),
            scopes: v.scopes,
        }
    }
}

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
            subuser_access: v.subuser_access.into_iter().map(Into::into).collect(),
            next_after_subuser_id: v.next_after_subuser_id.map(n),
            next_params: next.map(|q| NextParams {
                after_subuser_id: q.after_subuser_id.map(n),
                limit: q.limit.map(n),
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
}

impl From<core::scopes::AccessRequest> for AccessRequest {
    fn from(v: core::scopes::AccessRequest) -> Self {
        AccessRequest {
            id: n(v.id),
            scope_group_name: v.scope_group_name,
            username: v.username,
            email: v.email,
            first_name: v.first_name,
            last_name: v.last_name,
        }
    }
}

/// The answer to approving an access request.
#[napi(object)]
pub struct ApprovedAccessRequest {
    /// The scope group granted.
    pub scope_group_name: String,
}

impl From<core::scopes::ApprovedAccessRequest> for ApprovedAccessRequest {
    fn from(v: core::scopes::ApprovedAccessRequest) -> Self {
        ApprovedAccessRequest {
            scope_group_name: v.scope_group_name,
        }
    }
}

/// Converts a Vec of core values.
pub fn all<A, B: From<A>>(v: Vec<A>) -> Vec<B> {
    v.into_iter().map(B::from).collect()
}
