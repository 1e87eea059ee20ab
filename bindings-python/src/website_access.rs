//! `client.website_access`: enable, disable.

use pyo3::prelude::*;

use crate::call::{run, unit};
use crate::{methods, resource};

resource!(
    /// Subuser website (console) access.
    WebsiteAccess,
    AsyncWebsiteAccess
);

methods!(WebsiteAccess, AsyncWebsiteAccess, {
    /// Allows console access.
    #[pyo3(signature = (username) -> "None")]
    fn enable(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.website_access().enable(&username).await },
            unit,
        )
    }

    /// Blocks console access (sending still works).
    #[pyo3(signature = (username) -> "None")]
    fn disable(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.website_access().disable(&username).await },
            unit,
        )
    }
});
