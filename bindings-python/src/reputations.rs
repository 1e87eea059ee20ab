//! `client.reputations`: sender reputations of subusers.

use std::convert::identity;

use pyo3::prelude::*;

use crate::call::run;
use crate::{methods, resource};

resource!(
    /// Subuser reputations.
    Reputations,
    AsyncReputations
);

methods!(Reputations, AsyncReputations, {
    /// Reputations of 1-100 subusers (one request, repeated `usernames=`).
    #[pyo3(signature = (usernames) -> "list[Reputation]")]
    fn list(&self, py: Python<'_>, usernames: Vec<String>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.reputations().list(&usernames).await },
            identity,
        )
    }
});
