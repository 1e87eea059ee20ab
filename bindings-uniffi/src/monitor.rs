//! `client.monitor()`: get, create, update, delete.

use sendgrid_admin::monitor::Monitor;

use crate::errors::Result;
use crate::resource;

resource!("Subuser monitor settings.", MonitorSettings);

#[uniffi::export(async_runtime = "tokio")]
impl MonitorSettings {
    /// The subuser's monitor settings (`NotFound` when none).
    pub async fn get(&self, username: String) -> Result<Monitor> {
        Ok(self.client.monitor().get(&username).await?)
    }

    /// Creates monitor settings (`BadRequest` when the subuser has some).
    pub async fn create(&self, username: String, monitor: Monitor) -> Result<Monitor> {
        Ok(self.client.monitor().create(&username, &monitor).await?)
    }

    /// Replaces monitor settings.
    pub async fn update(&self, username: String, monitor: Monitor) -> Result<Monitor> {
        Ok(self.client.monitor().update(&username, &monitor).await?)
    }

    /// Deletes monitor settings.
    pub async fn delete(&self, username: String) -> Result<()> {
        Ok(self.client.monitor().delete(&username).await?)
    }
}
