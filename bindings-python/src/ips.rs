//! `client.ips`: replace a subuser's IPs.

use std::convert::identity;

use pyo3::prelude::*;

use crate::call::run;
use crate::{methods, resource};

resource!(
    /// The IPs assigned to subusers.
    Ips,
    AsyncIps
);

methods!(Ips, AsyncIps, {
    /// Replaces the subuser's IPs (`PUT /v3/subusers/{name}/ips`).
    fn set(&self, py: Python<'_>, username: String, ips: Vec<String>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.ips().set(&username, &ips).await },
            identity,
        )
    }
});
