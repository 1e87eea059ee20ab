//! `client.accounts`: customer accounts (list, iter_all, create, delete, offerings,
//! set_offerings, catalog, state, set_state, sso_login, ips, iter_ips, add_ips, remove_ips).

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::accounts::{
    AccountProfile, CreateAccount, IpRegion, ListAccountIps, ListAccounts, NewAccountState,
    Offering,
};

use crate::call::{choice, opt_unsigned, run, unit, unsigned};
use crate::paging::pager;
use crate::raw::from_py;
use crate::{methods, resource};

resource!(
    /// Customer accounts (partners / resellers). Every call is parent-level.
    Accounts,
    AsyncAccounts
);

fn offerings(py: Python<'_>, v: Bound<'_, PyAny>) -> PyResult<Vec<Offering>> {
    from_py(py, "offerings", v)
}

methods!(Accounts, AsyncAccounts, {
    /// One page of customer accounts: `after` is the last account id already seen (limit 1-100).
    #[pyo3(signature = (*, after=None, limit=None) -> "AccountPage")]
    fn list(
        &self,
        py: Python<'_>,
        after: Option<String>,
        limit: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let p = ListAccounts {
            after,
            limit: opt_unsigned("limit", limit)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().list(&p).await },
            identity,
        )
    }

    /// Every customer account, `page_size` (1-100) at a time.
    #[pyo3(signature = (*, page_size=100) -> "Pager[Account]")]
    fn iter_all(&self, py: Python<'_>, page_size: i64) -> PyResult<Py<PyAny>> {
        let p = ListAccounts {
            after: None,
            limit: Some(unsigned("page_size", page_size)?),
        };
        pager(py, self.mode, self.client.accounts().list_all(p), identity)
    }

    /// Creates a customer account. `offerings`: dicts (or `Offering`s) with `name`, `type`
    /// (`package` | `addon`) and `quantity`, exactly one package; `profile`: a dict of
    /// first_name, last_name, company_name, company_website, email, phone, timezone.
    #[pyo3(signature = (offerings: "Sequence[Mapping[str, Any]]", *, profile: "Mapping[str, Any] | None" = None, test_account=false) -> "CreatedAccount")]
    fn create(
        &self,
        py: Python<'_>,
        offerings: Bound<'_, PyAny>,
        profile: Option<Bound<'_, PyAny>>,
        test_account: bool,
    ) -> PyResult<Py<PyAny>> {
        let a = CreateAccount {
            profile: profile
                .map(|p| from_py::<AccountProfile>(py, "profile", p))
                .transpose()?,
            offerings: self::offerings(py, offerings)?,
            test_account,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().create(&a).await },
            identity,
        )
    }

    /// Deletes a customer account. Irreversible: SendGrid revokes its API keys and single
    /// sign-on, removes its offerings and dedicated IPs, and cancels its billing at once.
    #[pyo3(signature = (account_id) -> "None")]
    fn delete(&self, py: Python<'_>, account_id: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().delete(&account_id).await },
            unit,
        )
    }

    /// The account's offerings.
    #[pyo3(signature = (account_id) -> "list[Offering]")]
    fn offerings(&self, py: Python<'_>, account_id: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().offerings(&account_id).await },
            identity,
        )
    }

    /// Replaces the account's offerings (exactly one package); returns them as now set.
    #[pyo3(signature = (account_id, offerings: "Sequence[Mapping[str, Any]]") -> "list[Offering]")]
    fn set_offerings(
        &self,
        py: Python<'_>,
        account_id: String,
        offerings: Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        let o = self::offerings(py, offerings)?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().set_offerings(&account_id, &o).await },
            identity,
        )
    }

    /// The partner's catalog of offerings.
    #[pyo3(signature = () -> "list[CatalogEntry]")]
    fn catalog(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().catalog().await },
            identity,
        )
    }

    /// The account's state: "activated", "deactivated", "suspended", "banned", "indeterminate"
    /// (or a value SendGrid adds later).
    #[pyo3(signature = (account_id) -> "str")]
    fn state(&self, py: Python<'_>, account_id: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().state(&account_id).await },
            |s| sendgrid_admin::wire::wire_name(&s),
        )
    }

    /// Sets the account's state: "activated" or "deactivated".
    #[pyo3(signature = (account_id, state: "NewAccountState") -> "None")]
    fn set_state(&self, py: Python<'_>, account_id: String, state: String) -> PyResult<Py<PyAny>> {
        let s = choice::<NewAccountState>("state", &state)?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().set_state(&account_id, s).await },
            unit,
        )
    }

    /// A single sign-on link into the account's console (never followed, never retried).
    #[pyo3(signature = (account_id) -> "str")]
    fn sso_login(&self, py: Python<'_>, account_id: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().sso_login(&account_id).await },
            identity,
        )
    }

    /// One page of the account's dedicated IPs, newest first: `after` is the last IP seen
    /// (limit 1-5000).
    #[pyo3(signature = (account_id, *, after=None, limit=None) -> "AccountIpPage")]
    fn ips(
        &self,
        py: Python<'_>,
        account_id: String,
        after: Option<String>,
        limit: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let p = ListAccountIps {
            after,
            limit: opt_unsigned("limit", limit)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().ips(&account_id, &p).await },
            identity,
        )
    }

    /// Every dedicated IP of the account, `page_size` at a time.
    #[pyo3(signature = (account_id, *, page_size=100) -> "Pager[AccountIp]")]
    fn iter_ips(&self, py: Python<'_>, account_id: String, page_size: i64) -> PyResult<Py<PyAny>> {
        let p = ListAccountIps {
            after: None,
            limit: Some(unsigned("page_size", page_size)?),
        };
        pager(
            py,
            self.mode,
            self.client.accounts().list_all_ips(&account_id, p),
            identity,
        )
    }

    /// Adds 1-10 dedicated IPs in region "us" or "eu".
    #[pyo3(signature = (account_id, count, region: "IpRegion") -> "AddedIps")]
    fn add_ips(
        &self,
        py: Python<'_>,
        account_id: String,
        count: i64,
        region: String,
    ) -> PyResult<Py<PyAny>> {
        let n = unsigned("count", count)?;
        let r = choice::<IpRegion>("region", &region)?;
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().add_ips(&account_id, n, r).await },
            identity,
        )
    }

    /// Removes 1-10 of the account's IPs.
    #[pyo3(signature = (account_id, ips) -> "None")]
    fn remove_ips(
        &self,
        py: Python<'_>,
        account_id: String,
        ips: Vec<String>,
    ) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.accounts().remove_ips(&account_id, &ips).await },
            unit,
        )
    }
});
