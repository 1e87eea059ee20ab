//! `client.stats()`: subuser_monthly, monthly, list, sums.

use sendgrid_admin::stats::{DatedStats, MonthlyStatsQuery, StatsQuery, StatsSumsQuery};

use crate::errors::Result;
use crate::resource;

resource!("Subuser statistics.", Stats);

#[uniffi::export(async_runtime = "tokio")]
impl Stats {
    /// One subuser's month.
    pub async fn subuser_monthly(
        &self,
        username: String,
        query: MonthlyStatsQuery,
    ) -> Result<DatedStats> {
        Ok(self
            .client
            .stats()
            .subuser_monthly(&username, &query)
            .await?)
    }

    /// Every subuser's month.
    pub async fn monthly(&self, query: MonthlyStatsQuery) -> Result<DatedStats> {
        Ok(self.client.stats().monthly(&query).await?)
    }

    /// Rows per day, week or month for 1-10 subusers.
    pub async fn list(&self, query: StatsQuery) -> Result<Vec<DatedStats>> {
        Ok(self.client.stats().list(&query).await?)
    }

    /// Totals per subuser over a date range.
    pub async fn sums(&self, query: StatsSumsQuery) -> Result<DatedStats> {
        Ok(self.client.stats().sums(&query).await?)
    }
}
