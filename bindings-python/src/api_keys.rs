//! `client.api_keys`: create, list, update, delete (keys of the account the client acts as).

use std::convert::identity;

use pyo3::prelude::*;

use crate::call::{opt_unsigned, run, unit};
use crate::{methods, resource};

resource!(
    /// API keys of the account this client acts as (a subuser's or customer account's own keys
    /// with on-behalf-of).
    ApiKeys,
    AsyncApiKeys
);

methods!(ApiKeys, AsyncApiKeys, {
    /// Creates a key (sent once, never retried). The secret is `api_key` on the result, shown
    /// this once and never in its repr or to_dict().
    #[pyo3(signature = (name, scopes=None) -> "CreatedApiKey")]
    fn create(
        &self,
        py: Python<'_>,
        name: String,
        scopes: Option<Vec<String>>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.api_keys().create(&name, scopes.as_deref()).await },
            identity,
        )
    }

    /// The account's keys (ids and names).
    #[pyo3(signature = (limit=None) -> "list[ApiKey]")]
    fn list(&self, py: Python<'_>, limit: Option<i64>) -> PyResult<Py<PyAny>> {
        let l = opt_unsigned("limit", limit)?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.api_keys().list(l).await },
            identity,
        )
    }

    /// Renames a key and replaces its scopes.
    #[pyo3(signature = (api_key_id, name, scopes) -> "ApiKey")]
    fn update(
        &self,
        py: Python<'_>,
        api_key_id: String,
        name: String,
        scopes: Vec<String>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.api_keys().update(&api_key_id, &name, &scopes).await },
            identity,
        )
    }

    /// Revokes a key.
    #[pyo3(signature = (api_key_id) -> "None")]
    fn delete(&self, py: Python<'_>, api_key_id: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.api_keys().delete(&api_key_id).await },
            unit,
        )
    }
});
