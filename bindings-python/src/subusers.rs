//! `client.subusers`: list, iter_all, create, enable, disable, delete.

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers, RegionFilter};
use sendgrid_admin::Region;

use crate::call::{opt_choice, opt_unsigned, run, unit};
use crate::paging::pager;
use crate::{methods, resource};

resource!(
    /// Subuser administration.
    Subusers,
    AsyncSubusers
);

methods!(Subusers, AsyncSubusers, {
    /// One page of subusers (`GET /v3/subusers`). region: "all", "global" or "eu".
    #[pyo3(signature = (*, username=None, limit=None, offset=None, region: "RegionFilter | None" = None, include_region=false) -> "list[Subuser]")]
    fn list(
        &self,
        py: Python<'_>,
        username: Option<String>,
        limit: Option<i64>,
        offset: Option<i64>,
        region: Option<String>,
        include_region: bool,
    ) -> PyResult<Py<PyAny>> {
        let p = ListSubusers {
            username,
            limit: opt_unsigned("limit", limit)?,
            offset: opt_unsigned("offset", offset)?,
            region: opt_choice::<RegionFilter>("region", region)?,
            include_region,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.subusers().list(&p).await },
            identity,
        )
    }

    /// Every subuser, fetched `page_size` at a time (`for` / `async for`).
    #[pyo3(signature = (*, username=None, page_size=100, region: "RegionFilter | None" = None, include_region=false) -> "Pager[Subuser]")]
    fn iter_all(
        &self,
        py: Python<'_>,
        username: Option<String>,
        page_size: i64,
        region: Option<String>,
        include_region: bool,
    ) -> PyResult<Py<PyAny>> {
        let p = ListSubusers {
            username,
            limit: Some(crate::call::unsigned("page_size", page_size)?),
            offset: None,
            region: opt_choice::<RegionFilter>("region", region)?,
            include_region,
        };
        pager(py, self.mode, self.client.subusers().list_all(p), identity)
    }

    /// Creates a subuser (`POST /v3/subusers`). region: "global" or "eu".
    #[pyo3(signature = (username, email, password, ips=Vec::new(), *, region: "Region | None" = None, include_region=false) -> "CreatedSubuser")]
    #[allow(clippy::too_many_arguments)]
    fn create(
        &self,
        py: Python<'_>,
        username: String,
        email: String,
        password: String,
        ips: Vec<String>,
        region: Option<String>,
        include_region: bool,
    ) -> PyResult<Py<PyAny>> {
        let s = CreateSubuser {
            username,
            email,
            password,
            ips,
            region: opt_choice::<Region>("region", region)?,
            include_region,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.subusers().create(&s).await },
            identity,
        )
    }

    /// Enables a subuser.
    #[pyo3(signature = (username) -> "None")]
    fn enable(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.subusers().enable(&username).await },
            unit,
        )
    }

    /// Disables a subuser.
    #[pyo3(signature = (username) -> "None")]
    fn disable(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.subusers().disable(&username).await },
            unit,
        )
    }

    /// Deletes a subuser.
    #[pyo3(signature = (username) -> "None")]
    fn delete(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.subusers().delete(&username).await },
            unit,
        )
    }
});
