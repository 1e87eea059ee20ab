//! `client.stats`: subuser_monthly, monthly, list, sums.

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::stats::{
    AggregatedBy, Metric, MonthlyStatsQuery, SortDirection, StatsQuery, StatsSumsQuery,
};

use crate::call::{opt_choice, opt_unsigned, run};
use crate::{methods, resource};

resource!(
    /// Subuser statistics.
    Stats,
    AsyncStats
);

#[allow(clippy::too_many_arguments)]
fn monthly_query(
    date: String,
    subuser: Option<String>,
    sort_by_metric: Option<String>,
    sort_by_direction: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
) -> PyResult<MonthlyStatsQuery> {
    Ok(MonthlyStatsQuery {
        date,
        subuser,
        sort_by_metric: opt_choice::<Metric>("sort_by_metric", sort_by_metric)?,
        sort_by_direction: opt_choice::<SortDirection>("sort_by_direction", sort_by_direction)?,
        limit: opt_unsigned("limit", limit)?,
        offset: opt_unsigned("offset", offset)?,
    })
}

methods!(Stats, AsyncStats, {
    /// One subuser's month (`date` is any day of it, YYYY-MM-DD).
    #[pyo3(signature = (username, date, *, sort_by_metric: "Metric | None" = None, sort_by_direction: "SortDirection | None" = None, limit=None, offset=None) -> "DatedStats")]
    #[allow(clippy::too_many_arguments)]
    fn subuser_monthly(
        &self,
        py: Python<'_>,
        username: String,
        date: String,
        sort_by_metric: Option<String>,
        sort_by_direction: Option<String>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let q = monthly_query(date, None, sort_by_metric, sort_by_direction, limit, offset)?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.stats().subuser_monthly(&username, &q).await },
            identity,
        )
    }

    /// Every subuser's month; `subuser` filters by a username substring.
    #[pyo3(signature = (date, *, subuser=None, sort_by_metric: "Metric | None" = None, sort_by_direction: "SortDirection | None" = None, limit=None, offset=None) -> "DatedStats")]
    #[allow(clippy::too_many_arguments)]
    fn monthly(
        &self,
        py: Python<'_>,
        date: String,
        subuser: Option<String>,
        sort_by_metric: Option<String>,
        sort_by_direction: Option<String>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let q = monthly_query(
            date,
            subuser,
            sort_by_metric,
            sort_by_direction,
            limit,
            offset,
        )?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.stats().monthly(&q).await },
            identity,
        )
    }

    /// Rows per day, week or month for 1-10 subusers.
    #[pyo3(signature = (subusers, start_date, *, end_date=None, aggregated_by: "AggregatedBy | None" = None, limit=None, offset=None) -> "list[DatedStats]")]
    #[allow(clippy::too_many_arguments)]
    fn list(
        &self,
        py: Python<'_>,
        subusers: Vec<String>,
        start_date: String,
        end_date: Option<String>,
        aggregated_by: Option<String>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let q = StatsQuery {
            subusers,
            start_date,
            end_date,
            aggregated_by: opt_choice::<AggregatedBy>("aggregated_by", aggregated_by)?,
            limit: opt_unsigned("limit", limit)?,
            offset: opt_unsigned("offset", offset)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.stats().list(&q).await },
            identity,
        )
    }

    /// Totals per subuser over a date range.
    #[pyo3(signature = (start_date, *, end_date=None, sort_by_metric: "Metric | None" = None, sort_by_direction: "SortDirection | None" = None, aggregated_by: "AggregatedBy | None" = None, limit=None, offset=None) -> "DatedStats")]
    #[allow(clippy::too_many_arguments)]
    fn sums(
        &self,
        py: Python<'_>,
        start_date: String,
        end_date: Option<String>,
        sort_by_metric: Option<String>,
        sort_by_direction: Option<String>,
        aggregated_by: Option<String>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let q = StatsSumsQuery {
            start_date,
            end_date,
            sort_by_metric: opt_choice::<Metric>("sort_by_metric", sort_by_metric)?,
            sort_by_direction: opt_choice::<SortDirection>("sort_by_direction", sort_by_direction)?,
            aggregated_by: opt_choice::<AggregatedBy>("aggregated_by", aggregated_by)?,
            limit: opt_unsigned("limit", limit)?,
            offset: opt_unsigned("offset", offset)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.stats().sums(&q).await },
            identity,
        )
    }
});
