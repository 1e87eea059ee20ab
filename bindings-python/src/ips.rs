//! `client.ips`: set, list, subusers_of, iter_subusers_of, assign, unassign.

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::ips::{ListIpSubusers, ListIps};
use sendgrid_admin::stats::SortDirection;

use crate::bulk::Outcomes;
use crate::call::{opt_choice, opt_unsigned, run, unit, unsigned};
use crate::paging::pager;
use crate::{methods, resource};

resource!(
    /// The account's IPs and the subusers that send from them. Every call is parent-level.
    Ips,
    AsyncIps
);

methods!(Ips, AsyncIps, {
    /// Replaces the subuser's IPs (`PUT /v3/subusers/{name}/ips`).
    #[pyo3(signature = (username, ips) -> "SubuserIps")]
    fn set(&self, py: Python<'_>, username: String, ips: Vec<String>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.ips().set(&username, &ips).await },
            identity,
        )
    }

    /// One page of the account's IPs with their subusers (`subuser=` gives one subuser's IPs).
    #[pyo3(signature = (*, subuser=None, ip=None, exclude_whitelabels=None, limit=None, offset=None, sort_by_direction: "SortDirection | None" = None) -> "list[IpAddress]")]
    #[allow(clippy::too_many_arguments)]
    fn list(
        &self,
        py: Python<'_>,
        subuser: Option<String>,
        ip: Option<String>,
        exclude_whitelabels: Option<bool>,
        limit: Option<i64>,
        offset: Option<i64>,
        sort_by_direction: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let p = ListIps {
            subuser,
            ip,
            exclude_whitelabels,
            limit: opt_unsigned("limit", limit)?,
            offset: opt_unsigned("offset", offset)?,
            sort_by_direction: opt_choice::<SortDirection>("sort_by_direction", sort_by_direction)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.ips().list(&p).await },
            identity,
        )
    }

    /// One page of the ids of the subusers `ip` is assigned to; `after` is the previous
    /// page's `next_after` (limit 1-100).
    #[pyo3(signature = (ip, *, after=None, limit=None) -> "IpSubusersPage")]
    fn subusers_of(
        &self,
        py: Python<'_>,
        ip: String,
        after: Option<String>,
        limit: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let p = ListIpSubusers {
            after,
            limit: opt_unsigned("limit", limit)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.ips().subusers_of(&ip, &p).await },
            identity,
        )
    }

    /// Every subuser id `ip` is assigned to, `page_size` (1-100) at a time.
    #[pyo3(signature = (ip, *, page_size=100) -> "Pager[str]")]
    fn iter_subusers_of(&self, py: Python<'_>, ip: String, page_size: i64) -> PyResult<Py<PyAny>> {
        let p = ListIpSubusers {
            after: None,
            limit: Some(unsigned("page_size", page_size)?),
        };
        pager(
            py,
            self.mode,
            self.client.ips().list_all_subusers_of(&ip, p),
            identity,
        )
    }

    /// Lets these subusers send from `ip`: usernames are looked up to ids, then sent 1000 per
    /// request. One `BulkResult` per chunk (`item` is its usernames).
    #[pyo3(signature = (ip, usernames) -> "list[BulkResult]")]
    fn assign(&self, py: Python<'_>, ip: String, usernames: Vec<String>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.ips().assign(&ip, &usernames).await },
            |items| Outcomes { items, conv: unit },
        )
    }

    /// Stops these subusers sending from `ip`; chunked like `assign`.
    #[pyo3(signature = (ip, usernames) -> "list[BulkResult]")]
    fn unassign(&self, py: Python<'_>, ip: String, usernames: Vec<String>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.ips().unassign(&ip, &usernames).await },
            |items| Outcomes { items, conv: unit },
        )
    }
});
