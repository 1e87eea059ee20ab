//! Subuser monitor settings: a copy of every Nth email sent to an address.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::validate;

/// A subuser's monitor settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Monitor {
    /// Where the sample emails go.
    pub email: String,
    /// A sample is sent every `frequency` emails (at least 1; declared as `number`).
    #[serde(deserialize_with = "crate::de::u64_lenient")]
    pub frequency: u64,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

impl Monitor {
    /// Monitor settings sending every `frequency`-th email to `email`.
    pub fn new(email: impl Into<String>, frequency: u64) -> Self {
        Self {
            email: email.into(),
            frequency,
            extra: Default::default(),
        }
    }

    /// Checks the email and that `frequency` is at least 1.
    pub fn validate(&self) -> Result<()> {
        validate::email("monitor.email", &self.email)?;
        if self.frequency == 0 {
            return Err(Error::invalid("monitor.frequency", "must be at least 1"));
        }
        Ok(())
    }
}

/// Monitor settings; get it from [`Client::monitor`].
#[derive(Debug, Clone, Copy)]
pub struct MonitorSettings<'a> {
    pub(crate) client: &'a Client,
}

impl MonitorSettings<'_> {
    /// `GET /v3/subusers/{name}/monitor` (404 when the subuser has none).
    pub async fn get(self, username: &str) -> Result<Monitor> {
        self.client.parent_only("monitor.get")?;
        validate::username("username", username)?;
        self.client
            .fetch(
                self.client
                    .req(Method::GET, &["subusers", username, "monitor"]),
            )
            .await
    }

    /// `POST /v3/subusers/{name}/monitor` (400 when the subuser already has one).
    pub async fn create(self, username: &str, monitor: &Monitor) -> Result<Monitor> {
        self.client.parent_only("monitor.create")?;
        self.write(Method::POST, username, monitor).await
    }

    /// `PUT /v3/subusers/{name}/monitor`.
    pub async fn update(self, username: &str, monitor: &Monitor) -> Result<Monitor> {
        self.client.parent_only("monitor.update")?;
        self.write(Method::PUT, username, monitor).await
    }

    /// `DELETE /v3/subusers/{name}/monitor` (204).
    pub async fn delete(self, username: &str) -> Result<()> {
        self.client.parent_only("monitor.delete")?;
        validate::username("username", username)?;
        self.client
            .run(
                self.client
                    .req(Method::DELETE, &["subusers", username, "monitor"]),
            )
            .await
    }

    async fn write(self, method: Method, username: &str, monitor: &Monitor) -> Result<Monitor> {
        validate::username("username", username)?;
        monitor.validate()?;
        let req = self
            .client
            .req(method, &["subusers", username, "monitor"])
            .json(monitor)?;
        self.client.fetch(req).await
    }
}
