//! `client.scopes`: list, list_access_requests, iter_access_requests, approve_access_request,
//! deny_access_request.

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::scopes::ListAccessRequests;

use crate::call::{opt_unsigned, run, same, unit, unsigned};
use crate::paging::pager;
use crate::{methods, resource};

resource!(
    /// Scopes and access requests.
    Scopes,
    AsyncScopes
);

methods!(Scopes, AsyncScopes, {
    /// The scopes of the key (or of the on-behalf-of account).
    #[pyo3(signature = () -> "list[str]")]
    fn list(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(py, self.mode, async move { c.scopes().list().await }, same)
    }

    /// One page of teammates' access requests.
    #[pyo3(signature = (*, limit=None, offset=None) -> "list[AccessRequest]")]
    fn list_access_requests(
        &self,
        py: Python<'_>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let p = ListAccessRequests {
            limit: opt_unsigned("limit", limit)?,
            offset: opt_unsigned("offset", offset)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.scopes().list_access_requests(&p).await },
            identity,
        )
    }

    /// Every access request, `page_size` at a time.
    #[pyo3(signature = (*, page_size=100) -> "Pager[AccessRequest]")]
    fn iter_access_requests(&self, py: Python<'_>, page_size: i64) -> PyResult<Py<PyAny>> {
        let size = unsigned("page_size", page_size)?;
        pager(
            py,
            self.mode,
            self.client.scopes().list_all_access_requests(Some(size)),
            identity,
        )
    }

    /// Approves an access request.
    #[pyo3(signature = (request_id) -> "ApprovedAccessRequest")]
    fn approve_access_request(&self, py: Python<'_>, request_id: i64) -> PyResult<Py<PyAny>> {
        let id = unsigned("request_id", request_id)?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.scopes().approve_access_request(id).await },
            identity,
        )
    }

    /// Denies an access request.
    #[pyo3(signature = (request_id) -> "None")]
    fn deny_access_request(&self, py: Python<'_>, request_id: i64) -> PyResult<Py<PyAny>> {
        let id = unsigned("request_id", request_id)?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.scopes().deny_access_request(id).await },
            unit,
        )
    }
});
