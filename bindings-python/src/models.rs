//! The models Python sees. They are the core's own types (`sendgrid_admin::python`, the core's
//! `python` feature): frozen classes with typed attributes, `repr`, `==` and `to_dict()`,
//! documented by the core's doc comments. Only `ErrorDetail` (the error plumbing's, whose
//! `help` is shown as JSON text) is declared here.

use pyo3::prelude::*;

use sendgrid_admin as core;
pub use sendgrid_admin::accounts::{
    Account, AccountIp, AccountIpPage, AccountPage, AddedIps, CatalogEntry, CreatedAccount,
    Entitlements, Offering,
};
pub use sendgrid_admin::api_keys::{ApiKey, CreatedApiKey};
pub use sendgrid_admin::bulk::BulkProgress;
pub use sendgrid_admin::credits::SubuserCredits;
pub use sendgrid_admin::ips::{IpAddress, IpSubusersPage, SubuserIps};
pub use sendgrid_admin::monitor::Monitor;
pub use sendgrid_admin::python::json_to_py;
use sendgrid_admin::python::repr;
pub use sendgrid_admin::reputations::Reputation;
pub use sendgrid_admin::scopes::{AccessRequest, ApprovedAccessRequest};
pub use sendgrid_admin::stats::{DatedStats, Metrics, StatEntry};
pub use sendgrid_admin::subusers::{CreatedSubuser, Subuser};
pub use sendgrid_admin::teammates::{Invitation, SubuserAccess, SubuserAccessPage, Teammate};
pub use sendgrid_admin::teammates_sso::SsoTeammate;
pub use sendgrid_admin::user::{UserAccount, UserName};

/// Declares a Python class wrapping a core model, with one getter per listed attribute.
macro_rules! model {
    ($(#[$doc:meta])* $name:ident($core:ty) { $( $(#[$fdoc:meta])* $field:ident : $ty:ty = |$v:ident| $conv:expr ;)* }) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "sendgrid_admin")]
        #[derive(Clone)]
        pub struct $name(pub $core);

        #[pymethods]
        impl $name {
            $(
                $(#[$fdoc])*
                #[getter]
                fn $field(&self) -> $ty {
                    let $v = &self.0;
                    $conv
                }
            )*

            fn __repr__(&self) -> String {
                repr(stringify!($name), &self.0)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<Self>().map(|o| o.get().0 == self.0).unwrap_or(false)
            }

            /// The model as a plain dict (SendGrid's field names).
            #[pyo3(signature = () -> "dict[str, Any]")]
            fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                let v = serde_json::to_value(&self.0)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                json_to_py(py, &v)
            }
        }

        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                $name(v)
            }
        }
    };
}

model!(
    /// One entry of SendGrid's `errors[]`.
    ErrorDetail(core::ApiErrorDetail) {
        /// The field SendGrid blames, if any.
        field: Option<String> = |v| v.field.clone();
        /// The message.
        message: String = |v| v.message.clone();
        /// Help text or a docs link, as JSON text.
        help: Option<String> = |v| v.help.as_ref().map(|h| h.to_string());
        /// SendGrid's id of this error (e.g. "10-40400"), when given.
        error_id: Option<String> = |v| v.error_id.clone();
    }
);
