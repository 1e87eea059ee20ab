//! `client.teammates`: list, iter_all, get, invite, update_permissions, delete, list_pending,
//! delete_pending, resend_invite, subuser_access, iter_subuser_access, create_sso, update_sso.

use std::convert::identity;

use pyo3::prelude::*;
use sendgrid_admin::teammates::{InviteTeammate, ListTeammates, Permissions, SubuserAccessQuery};

use sendgrid_admin::teammates_sso::{CreateSsoTeammate, Persona, SubuserGrant, UpdateSsoTeammate};

use crate::call::{opt_choice, opt_unsigned, run, unit, unsigned};
use crate::errors::to_py_err;
use crate::paging::pager;
use crate::raw::from_py;
use crate::{methods, resource};

resource!(
    /// Teammates, invitations and subuser access.
    Teammates,
    AsyncTeammates
);

methods!(Teammates, AsyncTeammates, {
    /// One page of teammates (limit 0-500).
    #[pyo3(signature = (*, limit=None, offset=None) -> "list[Teammate]")]
    fn list(&self, py: Python<'_>, limit: Option<i64>, offset: Option<i64>) -> PyResult<Py<PyAny>> {
        let p = ListTeammates {
            limit: opt_unsigned("limit", limit)?,
            offset: opt_unsigned("offset", offset)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().list(&p).await },
            identity,
        )
    }

    /// Every teammate, `page_size` at a time.
    #[pyo3(signature = (*, page_size=100) -> "Pager[Teammate]")]
    fn iter_all(&self, py: Python<'_>, page_size: i64) -> PyResult<Py<PyAny>> {
        let size = unsigned("page_size", page_size)?;
        pager(
            py,
            self.mode,
            self.client.teammates().list_all(Some(size)),
            identity,
        )
    }

    /// One teammate, with scopes.
    #[pyo3(signature = (username) -> "Teammate")]
    fn get(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().get(&username).await },
            identity,
        )
    }

    /// Invites a teammate: is_admin with no scopes, or at least one scope.
    #[pyo3(signature = (email, scopes=Vec::new(), *, is_admin=false) -> "Invitation")]
    fn invite(
        &self,
        py: Python<'_>,
        email: String,
        scopes: Vec<String>,
        is_admin: bool,
    ) -> PyResult<Py<PyAny>> {
        let i = InviteTeammate {
            email,
            scopes,
            is_admin,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().invite(&i).await },
            identity,
        )
    }

    /// Replaces a teammate's permissions: is_admin with no scopes, or at least one scope.
    #[pyo3(signature = (username, scopes=Vec::new(), *, is_admin=false) -> "Teammate")]
    fn update_permissions(
        &self,
        py: Python<'_>,
        username: String,
        scopes: Vec<String>,
        is_admin: bool,
    ) -> PyResult<Py<PyAny>> {
        let p = Permissions { scopes, is_admin };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().update_permissions(&username, &p).await },
            identity,
        )
    }

    /// Deletes a teammate.
    #[pyo3(signature = (username) -> "None")]
    fn delete(&self, py: Python<'_>, username: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().delete(&username).await },
            unit,
        )
    }

    /// Invitations not yet accepted.
    #[pyo3(signature = () -> "list[Invitation]")]
    fn list_pending(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().list_pending().await },
            identity,
        )
    }

    /// Deletes a pending invitation.
    #[pyo3(signature = (token) -> "None")]
    fn delete_pending(&self, py: Python<'_>, token: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().delete_pending(&token).await },
            unit,
        )
    }

    /// Resends a pending invitation and resets its expiry.
    #[pyo3(signature = (token) -> "Invitation")]
    fn resend_invite(&self, py: Python<'_>, token: String) -> PyResult<Py<PyAny>> {
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().resend_invite(&token).await },
            identity,
        )
    }

    /// One page of the subusers a teammate can act for; pass the page's
    /// `next_after_subuser_id` as `after_subuser_id` for the next.
    #[pyo3(signature = (teammate, *, after_subuser_id=None, limit=None, username=None) -> "SubuserAccessPage")]
    fn subuser_access(
        &self,
        py: Python<'_>,
        teammate: String,
        after_subuser_id: Option<i64>,
        limit: Option<i64>,
        username: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let q = SubuserAccessQuery {
            after_subuser_id: opt_unsigned("after_subuser_id", after_subuser_id)?,
            limit: opt_unsigned("limit", limit)?,
            username,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().subuser_access(&teammate, &q).await },
            identity,
        )
    }

    /// Every subuser a teammate can act for, following the cursor, `page_size` per request
    /// (as every pager). `limit`, its name before 0.2, still works until 0.3, with a
    /// `DeprecationWarning`.
    #[pyo3(signature = (teammate, *, page_size=None, username=None, limit=None) -> "Pager[SubuserAccess]")]
    fn iter_subuser_access(
        &self,
        py: Python<'_>,
        teammate: String,
        page_size: Option<i64>,
        username: Option<String>,
        limit: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let page_size = match (page_size, limit) {
            (Some(_), Some(_)) => {
                return Err(to_py_err(sendgrid_admin::Error::invalid(
                    "limit",
                    "give page_size (limit is its deprecated name), not both",
                )))
            }
            (None, Some(l)) => {
                let category = py.get_type::<pyo3::exceptions::PyDeprecationWarning>();
                PyErr::warn(
                    py,
                    &category,
                    c"iter_subuser_access(limit=) is deprecated: use page_size=",
                    1,
                )?;
                opt_unsigned("limit", Some(l))?
            }
            (p, None) => opt_unsigned("page_size", p)?,
        };
        let q = SubuserAccessQuery {
            after_subuser_id: None,
            limit: page_size,
            username,
        };
        pager(
            py,
            self.mode,
            self.client.teammates().subuser_access_all(&teammate, q),
            identity,
        )
    }

    /// Creates a teammate who signs in with SSO. Give one kind of permission: `is_admin`, a
    /// `persona` (accountant | developer | marketer | observer), `scopes`, or `subuser_access`:
    /// dicts `{"subuser": name, "permission_type": "admin" | "restricted", "scopes": [...]}`.
    /// Raises `NotAppliedError` if SendGrid answers success without applying the access.
    #[pyo3(signature = (email, first_name, last_name, *, is_admin=false, persona: "Persona | None" = None, scopes=Vec::new(), has_restricted_subuser_access=None, subuser_access: "Sequence[Mapping[str, Any]] | None" = None) -> "SsoTeammate")]
    #[allow(clippy::too_many_arguments)]
    fn create_sso(
        &self,
        py: Python<'_>,
        email: String,
        first_name: String,
        last_name: String,
        is_admin: bool,
        persona: Option<String>,
        scopes: Vec<String>,
        has_restricted_subuser_access: Option<bool>,
        subuser_access: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let t = CreateSsoTeammate {
            email,
            first_name,
            last_name,
            is_admin,
            persona: opt_choice::<Persona>("persona", persona)?,
            scopes,
            has_restricted_subuser_access,
            subuser_access: grants(py, subuser_access)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().create_sso(&t).await },
            identity,
        )
    }

    /// Replaces an SSO teammate's names and permissions (`username` is the email); the same
    /// rules and check as `create_sso`.
    #[pyo3(signature = (username, first_name, last_name, *, is_admin=false, persona: "Persona | None" = None, scopes=Vec::new(), has_restricted_subuser_access=None, subuser_access: "Sequence[Mapping[str, Any]] | None" = None) -> "SsoTeammate")]
    #[allow(clippy::too_many_arguments)]
    fn update_sso(
        &self,
        py: Python<'_>,
        username: String,
        first_name: String,
        last_name: String,
        is_admin: bool,
        persona: Option<String>,
        scopes: Vec<String>,
        has_restricted_subuser_access: Option<bool>,
        subuser_access: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let u = UpdateSsoTeammate {
            first_name,
            last_name,
            is_admin,
            persona: opt_choice::<Persona>("persona", persona)?,
            scopes,
            has_restricted_subuser_access,
            subuser_access: grants(py, subuser_access)?,
        };
        let c = self.client.clone();
        run(
            py,
            self.mode,
            async move { c.teammates().update_sso(&username, &u).await },
            identity,
        )
    }
});

fn grants(py: Python<'_>, v: Option<Bound<'_, PyAny>>) -> PyResult<Vec<SubuserGrant>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => from_py(py, "subuser_access", v),
    }
}
