//! `client.monitor`: get, create, update, delete.

use napi::Result;
use napi_derive::napi;
use sendgrid_admin::monitor::Monitor as CoreMonitor;

use crate::errors::{unsigned, IntoNapi};
use crate::models::Monitor;
use crate::resource;

resource!("Subuser monitor settings.", MonitorSettings);

fn monitor(m: Monitor) -> Result<CoreMonitor> {
    Ok(CoreMonitor {
        email: m.email,
        frequency: unsigned("monitor.frequency", Some(m.frequency))?.unwrap_or(0),
    })
}

#[napi]
impl MonitorSettings {
    /// The subuser's monitor settings (code "not_found" when none).
    #[napi]
    pub async fn get(&self, username: String) -> Result<Monitor> {
        self.client
            .monitor()
            .get(&username)
            .await
            .map(Into::into)
            .into_napi()
    }

    /// Creates monitor settings (code "bad_request" when the subuser has some).
    #[napi]
    pub async fn create(&self, username: String, monitor_settings: Monitor) -> Result<Monitor> {
        let m = monitor(monitor_settings)?;
        self.client
            .monitor()
            .create(&username, &m)
            .await
            .map(Into::into)
            .into_napi()
    }

    /// Replaces monitor settings.
    #[napi]
    pub async fn update(&self, username: String, monitor_settings: Monitor) -> Result<Monitor> {
        let m = monitor(monitor_settings)?;
        self.client
            .monitor()
            .update(&username, &m)
            .await
            .map(Into::into)
            .into_napi()
    }

    /// Deletes monitor settings.
    #[napi]
    pub async fn delete(&self, username: String) -> Result<()> {
        self.client.monitor().delete(&username).await.into_napi()
    }
}
