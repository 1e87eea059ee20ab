//! `client.credits`: get, set, adjust_remaining.

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};

use crate::call::{choice, opt_choice, opt_unsigned, run};
use crate::{methods, resource};

resource!(
    /// Subuser email credits.
    Credits,
    AsyncCredits
);

methods!(Credits, AsyncCredits, {
    /// A subuser's credits.
    #[pyo3(signature = (username) -> "SubuserCredits")]
    fn get(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.credits().get(&username).await },
            identity,
        )
    }

    /// Sets the allocation. type: "unlimited", "recurring" (needs reset_frequency and total)
    /// or "nonrecurring" (needs total).
    #[pyo3(signature = (username, r#type: "CreditType", *, reset_frequency: "ResetFrequency | None" = None, total=None) -> "SubuserCredits")]
    fn set(
        &self,
        py: Python<'_>,
        username: String,
        r#type: String,
        reset_frequency: Option<String>,
        total: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let s = SetCredits {
            r#type: choice::<CreditType>("type", &r#type)?,
            reset_frequency: opt_choice::<ResetFrequency>("reset_frequency", reset_frequency)?,
            total: opt_unsigned("total", total)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.credits().set(&username, &s).await },
            identity,
        )
    }

    /// Adds (positive) or removes (negative) remaining credits.
    #[pyo3(signature = (username, allocation_update) -> "SubuserCredits")]
    fn adjust_remaining(
        &self,
        py: Python<'_>,
        username: String,
        allocation_update: i64,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move {
                c.credits()
                    .adjust_remaining(&username, allocation_update)
                    .await
            },
            identity,
        )
    }
});
