//! The core's models and enums, exposed as they are (uniffi remote types): records become
//! Kotlin data classes and Swift structs, enums become enums. No conversion code.

use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits, SubuserCredits};
use sendgrid_admin::ips::SubuserIps;
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::reputations::Reputation;
use sendgrid_admin::scopes::{AccessRequest, ApprovedAccessRequest, ListAccessRequests};
use sendgrid_admin::stats::{
    AggregatedBy, DatedStats, Metric, Metrics, MonthlyStatsQuery, SortDirection, StatEntry,
    StatsQuery, StatsSumsQuery,
};
use sendgrid_admin::subusers::{
    CreateSubuser, CreatedSubuser, ListSubusers, RegionFilter, Subuser,
};
use sendgrid_admin::teammates::{
    Invitation, InviteTeammate, ListTeammates, PageMetadata, PermissionType, Permissions,
    SubuserAccess, SubuserAccessPage, SubuserAccessQuery, Teammate, UserType,
};
use sendgrid_admin::Region;

#[uniffi::remote(Enum)]
pub enum Region {
    Global,
    Eu,
    Other(String),
}

#[uniffi::remote(Enum)]
pub enum RegionFilter {
    All,
    Global,
    Eu,
}

#[uniffi::remote(Enum)]
pub enum CreditType {
    Unlimited,
    Recurring,
    Nonrecurring,
    Other(String),
}

#[uniffi::remote(Enum)]
pub enum ResetFrequency {
    Monthly,
    Weekly,
    Daily,
}

#[uniffi::remote(Enum)]
pub enum UserType {
    Admin,
    Owner,
    Teammate,
    Other(String),
}

#[uniffi::remote(Enum)]
pub enum PermissionType {
    Admin,
    Restricted,
    Other(String),
}

#[uniffi::remote(Enum)]
pub enum SortDirection {
    Desc,
    Asc,
}

#[uniffi::remote(Enum)]
pub enum AggregatedBy {
    Day,
    Week,
    Month,
}

#[uniffi::remote(Enum)]
pub enum Metric {
    Blocks,
    BounceDrops,
    Bounces,
    Clicks,
    Deferred,
    Delivered,
    InvalidEmails,
    Opens,
    Processed,
    Requests,
    SpamReportDrops,
    SpamReports,
    UniqueClicks,
    UniqueOpens,
    UnsubscribeDrops,
    Unsubscribes,
}

#[uniffi::remote(Record)]
pub struct Subuser {
    pub id: u64,
    pub username: String,
    pub email: String,
    pub disabled: bool,
    pub region: Option<Region>,
}

#[uniffi::remote(Record)]
pub struct ListSubusers {
    #[uniffi(default = None)]
    pub username: Option<String>,
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    #[uniffi(default = None)]
    pub offset: Option<u32>,
    #[uniffi(default = None)]
    pub region: Option<RegionFilter>,
    #[uniffi(default = false)]
    pub include_region: bool,
}

#[uniffi::remote(Record)]
pub struct CreateSubuser {
    pub username: String,
    pub email: String,
    pub password: String,
    #[uniffi(default = [])]
    pub ips: Vec<String>,
    #[uniffi(default = None)]
    pub region: Option<Region>,
    #[uniffi(default = false)]
    pub include_region: bool,
}

#[uniffi::remote(Record)]
pub struct CreatedSubuser {
    pub username: String,
    pub user_id: u64,
    pub email: String,
    pub credit_allocation_type: Option<String>,
    pub region: Option<Region>,
}

#[uniffi::remote(Record)]
pub struct SubuserIps {
    pub ips: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct Reputation {
    pub username: String,
    pub reputation: f64,
}

#[uniffi::remote(Record)]
pub struct SubuserCredits {
    pub kind: CreditType,
    pub reset_frequency: Option<ResetFrequency>,
    pub remain: Option<u64>,
    pub total: Option<u64>,
    pub used: Option<u64>,
}

#[uniffi::remote(Record)]
pub struct SetCredits {
    pub kind: CreditType,
    #[uniffi(default = None)]
    pub reset_frequency: Option<ResetFrequency>,
    #[uniffi(default = None)]
    pub total: Option<u64>,
}

#[uniffi::remote(Record)]
pub struct Monitor {
    pub email: String,
    pub frequency: u64,
}

#[uniffi::remote(Record)]
pub struct Metrics {
    pub blocks: u64,
    pub bounce_drops: u64,
    pub bounces: u64,
    pub clicks: u64,
    pub deferred: u64,
    pub delivered: u64,
    pub invalid_emails: u64,
    pub opens: u64,
    pub processed: u64,
    pub requests: u64,
    pub spam_report_drops: u64,
    pub spam_reports: u64,
    pub unique_clicks: u64,
    pub unique_opens: u64,
    pub unsubscribe_drops: u64,
    pub unsubscribes: u64,
}

#[uniffi::remote(Record)]
pub struct StatEntry {
    pub kind: Option<String>,
    pub name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub metrics: Metrics,
}

#[uniffi::remote(Record)]
pub struct DatedStats {
    pub date: String,
    pub stats: Vec<StatEntry>,
}

#[uniffi::remote(Record)]
pub struct MonthlyStatsQuery {
    pub date: String,
    #[uniffi(default = None)]
    pub subuser: Option<String>,
    #[uniffi(default = None)]
    pub sort_by_metric: Option<Metric>,
    #[uniffi(default = None)]
    pub sort_by_direction: Option<SortDirection>,
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    #[uniffi(default = None)]
    pub offset: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct StatsQuery {
    pub subusers: Vec<String>,
    pub start_date: String,
    #[uniffi(default = None)]
    pub end_date: Option<String>,
    #[uniffi(default = None)]
    pub aggregated_by: Option<AggregatedBy>,
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    #[uniffi(default = None)]
    pub offset: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct StatsSumsQuery {
    pub start_date: String,
    #[uniffi(default = None)]
    pub end_date: Option<String>,
    #[uniffi(default = None)]
    pub sort_by_metric: Option<Metric>,
    #[uniffi(default = None)]
    pub sort_by_direction: Option<SortDirection>,
    #[uniffi(default = None)]
    pub aggregated_by: Option<AggregatedBy>,
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    #[uniffi(default = None)]
    pub offset: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct Teammate {
    pub username: String,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub user_type: Option<UserType>,
    pub is_admin: bool,
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

#[uniffi::remote(Record)]
pub struct ListTeammates {
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    #[uniffi(default = None)]
    pub offset: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct Permissions {
    #[uniffi(default = [])]
    pub scopes: Vec<String>,
    #[uniffi(default = false)]
    pub is_admin: bool,
}

#[uniffi::remote(Record)]
pub struct InviteTeammate {
    pub email: String,
    #[uniffi(default = [])]
    pub scopes: Vec<String>,
    #[uniffi(default = false)]
    pub is_admin: bool,
}

#[uniffi::remote(Record)]
pub struct Invitation {
    pub token: String,
    pub email: String,
    pub scopes: Vec<String>,
    pub is_admin: bool,
    pub expiration_date: Option<u64>,
}

#[uniffi::remote(Record)]
pub struct SubuserAccess {
    pub id: u64,
    pub username: String,
    pub email: String,
    pub disabled: bool,
    pub permission_type: Option<PermissionType>,
    pub scopes: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct SubuserAccessQuery {
    #[uniffi(default = None)]
    pub after_subuser_id: Option<u64>,
    #[uniffi(default = None)]
    pub limit: Option<u64>,
    #[uniffi(default = None)]
    pub username: Option<String>,
}

#[uniffi::remote(Record)]
pub struct PageMetadata {
    pub next_params: Option<SubuserAccessQuery>,
}

#[uniffi::remote(Record)]
pub struct SubuserAccessPage {
    pub has_restricted_subuser_access: bool,
    pub subuser_access: Vec<SubuserAccess>,
    pub metadata: Option<PageMetadata>,
    pub next_after_subuser_id: Option<u64>,
}

#[uniffi::remote(Record)]
pub struct AccessRequest {
    pub id: u64,
    pub scope_group_name: String,
    pub username: String,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

#[uniffi::remote(Record)]
pub struct ListAccessRequests {
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    #[uniffi(default = None)]
    pub offset: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct ApprovedAccessRequest {
    pub scope_group_name: String,
}
