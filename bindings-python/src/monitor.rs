//! `client.monitor`: get, create, update, delete.

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::monitor::Monitor as CoreMonitor;

use crate::call::{run, unit, unsigned};
use crate::{methods, resource};

resource!(
    /// Subuser monitor settings.
    MonitorSettings,
    AsyncMonitorSettings
);

/// A negative frequency is refused here naming the value given (the core then checks ≥ 1).
fn monitor(email: String, frequency: i64) -> PyResult<CoreMonitor> {
    Ok(CoreMonitor::new(
        email,
        unsigned("monitor.frequency", frequency)?,
    ))
}

methods!(MonitorSettings, AsyncMonitorSettings, {
    /// The subuser's monitor settings (NotFoundError when none).
    #[pyo3(signature = (username) -> "Monitor")]
    fn get(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.monitor().get(&username).await },
            identity,
        )
    }

    /// Creates monitor settings (BadRequestError when the subuser has some).
    #[pyo3(signature = (username, email, frequency) -> "Monitor")]
    fn create(
        &self,
        py: Python<'_>,
        username: String,
        email: String,
        frequency: i64,
    ) -> PyResult<Py<PyAny>> {
        let (c, m) = (self.client.clone(), monitor(email, frequency)?);
        run(
            py,
            self.mode,
            async move { c.monitor().create(&username, &m).await },
            identity,
        )
    }

    /// Replaces monitor settings.
    #[pyo3(signature = (username, email, frequency) -> "Monitor")]
    fn update(
        &self,
        py: Python<'_>,
        username: String,
        email: String,
        frequency: i64,
    ) -> PyResult<Py<PyAny>> {
        let (c, m) = (self.client.clone(), monitor(email, frequency)?);
        run(
            py,
            self.mode,
            async move { c.monitor().update(&username, &m).await },
            identity,
        )
    }

    /// Deletes monitor settings.
    #[pyo3(signature = (username) -> "None")]
    fn delete(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.monitor().delete(&username).await },
            unit,
        )
    }
});
