//! `client.stats`: subuserMonthly, monthly, list, sums.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::stats::{
    AggregatedBy, Metric, MonthlyStatsQuery, SortDirection, StatsQuery, StatsSumsQuery,
};

use crate::errors::{choice, settle, unsigned, IntoNapi};
use crate::models::{all, DatedStats};
use crate::resource;
use crate::strict::Strict;

resource!("Subuser statistics.", Stats);

/// Options of the monthly statistics.
#[napi(object)]
#[derive(Default)]
pub struct MonthlyStatsOptions {
    /// Any day of the month, YYYY-MM-DD.
    pub date: String,
    /// Username substring (monthly only).
    pub subuser: Option<String>,
    /// A metric such as "opens" (not every metric is sortable monthly).
    #[napi(
        ts_type = "'blocks' | 'bounce_drops' | 'bounces' | 'clicks' | 'deferred' | 'delivered' | 'invalid_emails' | 'opens' | 'processed' | 'requests' | 'spam_report_drops' | 'spam_reports' | 'unique_clicks' | 'unique_opens'"
    )]
    pub sort_by_metric: Option<String>,
    /// "asc" or "desc".
    #[napi(ts_type = "'asc' | 'desc'")]
    pub sort_by_direction: Option<String>,
    /// Page size, 1-500.
    pub limit: Option<f64>,
    /// Rows to skip.
    pub offset: Option<f64>,
}

fn monthly(o: MonthlyStatsOptions) -> Result<MonthlyStatsQuery> {
    Ok(MonthlyStatsQuery {
        date: o.date,
        subuser: o.subuser,
        sort_by_metric: choice::<Metric>("sortByMetric", o.sort_by_metric)?,
        sort_by_direction: choice::<SortDirection>("sortByDirection", o.sort_by_direction)?,
        limit: unsigned("limit", o.limit)?,
        offset: unsigned("offset", o.offset)?,
    })
}

/// Options of `stats.list`.
#[napi(object)]
pub struct StatsListOptions {
    /// 1-10 usernames.
    pub subusers: Vec<String>,
    /// YYYY-MM-DD.
    pub start_date: String,
    /// YYYY-MM-DD (default today).
    pub end_date: Option<String>,
    /// "day", "week" or "month".
    #[napi(ts_type = "'day' | 'week' | 'month'")]
    pub aggregated_by: Option<String>,
    /// Page size, 1-500.
    pub limit: Option<f64>,
    /// Rows to skip.
    pub offset: Option<f64>,
}

/// Options of `stats.sums`.
#[napi(object)]
pub struct StatsSumsOptions {
    /// YYYY-MM-DD.
    pub start_date: String,
    /// YYYY-MM-DD (default today).
    pub end_date: Option<String>,
    /// A metric such as "delivered".
    #[napi(
        ts_type = "'blocks' | 'bounce_drops' | 'bounces' | 'clicks' | 'deferred' | 'delivered' | 'invalid_emails' | 'opens' | 'processed' | 'requests' | 'spam_report_drops' | 'spam_reports' | 'unique_clicks' | 'unique_opens'"
    )]
    pub sort_by_metric: Option<String>,
    /// "asc" or "desc".
    #[napi(ts_type = "'asc' | 'desc'")]
    pub sort_by_direction: Option<String>,
    /// "day", "week" or "month".
    #[napi(ts_type = "'day' | 'week' | 'month'")]
    pub aggregated_by: Option<String>,
    /// Page size, 1-500.
    pub limit: Option<f64>,
    /// Rows to skip.
    pub offset: Option<f64>,
}

#[napi]
impl Stats {
    /// One subuser's month.
    #[napi]
    pub fn subuser_monthly<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "MonthlyStatsOptions")] options: Strict<MonthlyStatsOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, DatedStats>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let q = monthly(options)?;
            this.client
                .stats()
                .subuser_monthly(&username, &q)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Every subuser's month.
    #[napi]
    pub fn monthly<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "MonthlyStatsOptions")] options: Strict<MonthlyStatsOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, DatedStats>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let q = monthly(options)?;
            this.client
                .stats()
                .monthly(&q)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Rows per day, week or month for 1-10 subusers.
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "StatsListOptions")] options: Strict<StatsListOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<DatedStats>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let q = StatsQuery {
                subusers: options.subusers,
                start_date: options.start_date,
                end_date: options.end_date,
                aggregated_by: choice::<AggregatedBy>("aggregatedBy", options.aggregated_by)?,
                limit: unsigned("limit", options.limit)?,
                offset: unsigned("offset", options.offset)?,
            };
            this.client.stats().list(&q).await.map(all).into_napi()
        })
    }

    /// Totals per subuser over a date range.
    #[napi]
    pub fn sums<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "StatsSumsOptions")] options: Strict<StatsSumsOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, DatedStats>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let q = StatsSumsQuery {
                start_date: options.start_date,
                end_date: options.end_date,
                sort_by_metric: choice::<Metric>("sortByMetric", options.sort_by_metric)?,
                sort_by_direction: choice::<SortDirection>(
                    "sortByDirection",
                    options.sort_by_direction,
                )?,
                aggregated_by: choice::<AggregatedBy>("aggregatedBy", options.aggregated_by)?,
                limit: unsigned("limit", options.limit)?,
                offset: unsigned("offset", options.offset)?,
            };
            this.client
                .stats()
                .sums(&q)
                .await
                .map(Into::into)
                .into_napi()
        })
    }
}
