//! `client.user`: account, username (identity of the client or its on-behalf-of scope).

use std::convert::identity;

use pyo3::prelude::*;

use crate::call::run;
use crate::{methods, resource};

resource!(
    /// Identity: who this client (or its on-behalf-of subuser or account) is.
    User,
    AsyncUser
);

methods!(User, AsyncUser, {
    /// Plan ("free" or "paid") and sender reputation.
    #[pyo3(signature = () -> "UserAccount")]
    fn account(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.user().account().await },
            identity,
        )
    }

    /// Username and numeric user id.
    #[pyo3(signature = () -> "UserName")]
    fn username(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.user().username().await },
            identity,
        )
    }
});
