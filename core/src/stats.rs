//! Subuser statistics: per-subuser monthly, daily/weekly/monthly for chosen subusers, monthly
//! for all subusers, and totals.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::transport::Req;
use crate::validate;

/// The largest `limit` accepted by the stats operations (SendGrid documents none).
pub const MAX_STATS_LIMIT: u32 = 500;

/// The 16 email metrics SendGrid counts. Zero when absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Metrics {
    #[serde(deserialize_with = "crate::de::count")]
    pub blocks: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub bounce_drops: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub bounces: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub clicks: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub deferred: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub delivered: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub invalid_emails: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub opens: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub processed: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub requests: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub spam_report_drops: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub spam_reports: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub unique_clicks: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub unique_opens: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub unsubscribe_drops: u64,
    #[serde(deserialize_with = "crate::de::count")]
    pub unsubscribes: u64,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// One row of statistics: a subuser (or category) and its metrics.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct StatEntry {
    /// Usually `"subuser"`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The subuser's username.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First name (monthly endpoints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name (monthly endpoints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The counts.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub metrics: Metrics,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Statistics for one date (a day, week or month).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct DatedStats {
    /// The date, `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub date: String,
    /// One entry per subuser.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub stats: Vec<StatEntry>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// A metric to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

impl Metric {
    /// The wire name, e.g. `unique_opens`.
    pub fn as_str(self) -> &'static str {
        use Metric::*;
        match self {
            Blocks => "blocks",
            BounceDrops => "bounce_drops",
            Bounces => "bounces",
            Clicks => "clicks",
            Deferred => "deferred",
            Delivered => "delivered",
            InvalidEmails => "invalid_emails",
            Opens => "opens",
            Processed => "processed",
            Requests => "requests",
            SpamReportDrops => "spam_report_drops",
            SpamReports => "spam_reports",
            UniqueClicks => "unique_clicks",
            UniqueOpens => "unique_opens",
            UnsubscribeDrops => "unsubscribe_drops",
            Unsubscribes => "unsubscribes",
        }
    }

    /// Whether the monthly endpoints can sort by this metric (SendGrid: not by bounce_drops,
    /// deferred, invalid_emails, processed, spam_report_drops, spam_reports, unsubscribe_drops).
    pub fn monthly_sortable(self) -> bool {
        use Metric::*;
        !matches!(
            self,
            BounceDrops
                | Deferred
                | InvalidEmails
                | Processed
                | SpamReportDrops
                | SpamReports
                | UnsubscribeDrops
        )
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SortDirection {
    /// Largest first.
    Desc,
    /// Smallest first.
    Asc,
}

impl SortDirection {
    /// `"desc"` or `"asc"`.
    pub fn as_str(self) -> &'static str {
        match self {
            SortDirection::Desc => "desc",
            SortDirection::Asc => "asc",
        }
    }
}

impl std::str::FromStr for SortDirection {
    type Err = crate::Error;

    /// `"asc"` or `"desc"`.
    fn from_str(s: &str) -> crate::Result<Self> {
        match s {
            "asc" => Ok(SortDirection::Asc),
            "desc" => Ok(SortDirection::Desc),
            _ => Err(crate::Error::invalid(
                "sort_by_direction",
                format!("{s:?} is not asc or desc"),
            )),
        }
    }
}

/// How rows are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AggregatedBy {
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
}

impl AggregatedBy {
    fn as_str(self) -> &'static str {
        match self {
            AggregatedBy::Day => "day",
            AggregatedBy::Week => "week",
            AggregatedBy::Month => "month",
        }
    }
}

/// Parameters of the monthly statistics operations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MonthlyStatsQuery {
    /// Any day of the month, `YYYY-MM-DD` (required).
    pub date: String,
    /// Substring of usernames to include ([`Stats::monthly`] only).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub subuser: Option<String>,
    /// Metric to sort by (not every metric is sortable; see [`Metric::monthly_sortable`]).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sort_by_metric: Option<Metric>,
    /// Sort direction.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sort_by_direction: Option<SortDirection>,
    /// Page size, 1–500 (SendGrid's default is 5).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u32>,
}

/// Parameters of [`Stats::list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatsQuery {
    /// 1–10 subuser usernames (sent as repeated `subusers` parameters).
    pub subusers: Vec<String>,
    /// First day, `YYYY-MM-DD` (required).
    pub start_date: String,
    /// Last day, `YYYY-MM-DD` (default today).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub end_date: Option<String>,
    /// Grouping.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub aggregated_by: Option<AggregatedBy>,
    /// Page size, 1–500.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u32>,
}

/// Parameters of [`Stats::sums`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatsSumsQuery {
    /// First day, `YYYY-MM-DD` (required).
    pub start_date: String,
    /// Last day, `YYYY-MM-DD` (default today).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub end_date: Option<String>,
    /// Metric to sort by (default delivered).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sort_by_metric: Option<Metric>,
    /// Sort direction.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sort_by_direction: Option<SortDirection>,
    /// Grouping.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub aggregated_by: Option<AggregatedBy>,
    /// Page size, 1–500.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u32>,
}

/// Statistics; get it from [`Client::stats`].
#[derive(Debug, Clone, Copy)]
pub struct Stats<'a> {
    pub(crate) client: &'a Client,
}

fn monthly_req(req: Req, q: &MonthlyStatsQuery) -> Result<Req> {
    validate::date("date", &q.date)?;
    validate::range("limit", q.limit, 1, MAX_STATS_LIMIT)?;
    if let Some(m) = q.sort_by_metric.filter(|m| !m.monthly_sortable()) {
        return Err(Error::invalid(
            "sort_by_metric",
            format!("monthly statistics cannot be sorted by {}", m.as_str()),
        ));
    }
    Ok(req
        .query("date", &q.date)
        .query_opt("sort_by_metric", q.sort_by_metric.map(Metric::as_str))
        .query_opt(
            "sort_by_direction",
            q.sort_by_direction.map(SortDirection::as_str),
        )
        .query_opt("limit", q.limit)
        .query_opt("offset", q.offset))
}

impl Stats<'_> {
    /// `GET /v3/subusers/{name}/stats/monthly`: one subuser's month.
    pub async fn subuser_monthly(
        &self,
        username: &str,
        query: &MonthlyStatsQuery,
    ) -> Result<DatedStats> {
        self.client.parent_only("stats.subuser_monthly")?;
        validate::username("username", username)?;
        if query.subuser.is_some() {
            return Err(Error::invalid(
                "subuser",
                "is only used by the all-subusers monthly statistics",
            ));
        }
        let req = monthly_req(
            self.client
                .req(Method::GET, &["subusers", username, "stats", "monthly"]),
            query,
        )?;
        self.client.fetch(req).await
    }

    /// `GET /v3/subusers/stats/monthly`: every subuser's month.
    pub async fn monthly(self, query: &MonthlyStatsQuery) -> Result<DatedStats> {
        self.client.parent_only("stats.monthly")?;
        if let Some(s) = &query.subuser {
            validate::username("subuser", s)?;
        }
        let req = monthly_req(
            self.client
                .req(Method::GET, &["subusers", "stats", "monthly"]),
            query,
        )?
        .query_opt("subuser", query.subuser.as_ref());
        self.client.fetch(req).await
    }

    /// `GET /v3/subusers/stats`: daily, weekly or monthly rows for 1–10 subusers.
    pub async fn list(self, query: &StatsQuery) -> Result<Vec<DatedStats>> {
        self.client.parent_only("stats.list")?;
        validate::usernames("subusers", &query.subusers, 1, 10)?;
        validate::date("start_date", &query.start_date)?;
        if let Some(d) = &query.end_date {
            validate::date("end_date", d)?;
        }
        validate::range("limit", query.limit, 1, MAX_STATS_LIMIT)?;
        let mut req = self.client.req(Method::GET, &["subusers", "stats"]);
        for s in &query.subusers {
            req = req.query("subusers", s);
        }
        let req = req
            .query("start_date", &query.start_date)
            .query_opt("end_date", query.end_date.as_ref())
            .query_opt(
                "aggregated_by",
                query.aggregated_by.map(AggregatedBy::as_str),
            )
            .query_opt("limit", query.limit)
            .query_opt("offset", query.offset);
        self.client.fetch(req).await
    }

    /// `GET /v3/subusers/stats/sums`: totals per subuser over a date range (one object).
    pub async fn sums(self, query: &StatsSumsQuery) -> Result<DatedStats> {
        self.client.parent_only("stats.sums")?;
        validate::date("start_date", &query.start_date)?;
        if let Some(d) = &query.end_date {
            validate::date("end_date", d)?;
        }
        validate::range("limit", query.limit, 1, MAX_STATS_LIMIT)?;
        let req = self
            .client
            .req(Method::GET, &["subusers", "stats", "sums"])
            .query("start_date", &query.start_date)
            .query_opt("end_date", query.end_date.as_ref())
            .query_opt("sort_by_metric", query.sort_by_metric.map(Metric::as_str))
            .query_opt(
                "sort_by_direction",
                query.sort_by_direction.map(SortDirection::as_str),
            )
            .query_opt(
                "aggregated_by",
                query.aggregated_by.map(AggregatedBy::as_str),
            )
            .query_opt("limit", query.limit)
            .query_opt("offset", query.offset);
        self.client.fetch(req).await
    }
}
