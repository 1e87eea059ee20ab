//! `sendgrid_admin._native`: the Python binding of the sendgrid-admin core. Each file mirrors a
//! core module and only converts arguments, results and errors; retries, validation, paging and
//! pacing all happen in the core.

mod accounts;
mod api_keys;
mod bulk;
mod call;
mod client;
mod credits;
mod errors;
mod ips;
mod logging;
mod models;
mod monitor;
mod paging;
mod plan;
mod raw;
mod reputations;
mod runtime;
mod scopes;
mod stats;
mod stubs;
mod subusers;
mod teammates;
mod user;
mod website_access;

use pyo3::prelude::*;

// The methods' signatures write the core's defaults as literals (`page_size=100`,
// `concurrency=8`), so the stubs and `help()` show the numbers; the build fails if the core's
// change and these do not follow.
const _: () = assert!(
    sendgrid_admin::config::DEFAULT_PAGE_SIZE == 100
        && sendgrid_admin::config::DEFAULT_CONCURRENCY == 8,
    "update page_size=/concurrency= in the #[pyo3(signature)]s to the core's new defaults"
);

/// The native module: every class, exception and function the package re-exports.
#[pymodule]
mod _native {
    #[pymodule_export]
    use crate::accounts::{Accounts, AsyncAccounts};
    #[pymodule_export]
    use crate::api_keys::{ApiKeys, AsyncApiKeys};
    #[pymodule_export]
    use crate::bulk::{AsyncBulk, Bulk, BulkResult};
    #[pymodule_export]
    use crate::client::{AsyncClient, Client};
    #[pymodule_export]
    use crate::credits::{AsyncCredits, Credits};
    #[pymodule_export]
    use crate::errors::{
        APIStatusError, AuthenticationError, BadRequestError, ConflictError, DecodeError,
        InvalidInputError, NotAppliedError, NotFoundError, PermissionDeniedError, RateLimitError,
        SendGridError, ServerError, TransportError, UnprocessableEntityError,
    };
    #[pymodule_export]
    use crate::ips::{AsyncIps, Ips};
    #[pymodule_export]
    use crate::logging::{log_levels, reset_logging_cache};
    #[pymodule_export]
    use crate::models::{
        AccessRequest, Account, AccountIp, AccountIpPage, AccountPage, AddedIps, ApiKey,
        ApprovedAccessRequest, BulkProgress, CatalogEntry, CreatedAccount, CreatedApiKey,
        CreatedSubuser, DatedStats, Entitlements, ErrorDetail, Invitation, IpAddress,
        IpSubusersPage, Metrics, Monitor, Offering, Reputation, SsoTeammate, StatEntry, Subuser,
        SubuserAccess, SubuserAccessPage, SubuserCredits, SubuserIps, Teammate, UserAccount,
        UserName,
    };
    #[pymodule_export]
    use crate::monitor::{AsyncMonitorSettings, MonitorSettings};
    #[pymodule_export]
    use crate::paging::{AsyncPager, Pager};
    #[pymodule_export]
    use crate::plan::{Document, Plan};
    #[pymodule_export]
    use crate::reputations::{AsyncReputations, Reputations};
    #[pymodule_export]
    use crate::scopes::{AsyncScopes, Scopes};
    #[pymodule_export]
    use crate::stats::{AsyncStats, Stats};
    #[pymodule_export]
    use crate::subusers::{AsyncSubusers, Subusers};
    #[pymodule_export]
    use crate::teammates::{AsyncTeammates, Teammates};
    #[pymodule_export]
    use crate::user::{AsyncUser, User};
    #[pymodule_export]
    use crate::website_access::{AsyncWebsiteAccess, WebsiteAccess};

    #[pymodule_export]
    use sendgrid_admin::{RateLimitView, ResponseInfo};

    /// The package version.
    #[pymodule_export]
    #[allow(non_upper_case_globals)] // Python's name
    const __version__: &str = env!("CARGO_PKG_VERSION");

    use pyo3::prelude::*;

    /// Process-wide set-up (no module state: everything above is the module's content).
    #[pymodule_init]
    fn init(py: Python<'_>) -> PyResult<()> {
        // Let runtime threads finish handing results to event loops before the interpreter
        // finalizes (see runtime::drain).
        let drain = wrap_pyfunction!(crate::runtime::drain, py)?;
        py.import("atexit")?.call_method1("register", (drain,))?;
        crate::call::register(py)?;
        crate::logging::install(py)
    }
}

/// Declares a resource class: the core client it calls and whether it blocks or returns
/// awaitables.
macro_rules! resource {
    ($(#[$doc:meta])* $name:ident, $async_name:ident) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "sendgrid_admin")]
        pub struct $name {
            pub(crate) client: sendgrid_admin::Client,
            pub(crate) mode: crate::call::Mode,
        }

        $(#[$doc])*
        /// (The asyncio form: every method returns an awaitable.)
        #[pyclass(frozen, module = "sendgrid_admin")]
        pub struct $async_name {
            pub(crate) client: sendgrid_admin::Client,
            pub(crate) mode: crate::call::Mode,
        }
    };
}
pub(crate) use resource;

/// The methods of a resource, written once and given to its blocking and its asyncio class
/// (the two differ only in `mode`, which each method passes on).
macro_rules! methods {
    ($sync:ident, $async_name:ident, { $($items:tt)* }) => {
        #[pyo3::pymethods]
        impl $sync { $($items)* }
        #[pyo3::pymethods]
        impl $async_name { $($items)* }
    };
}
pub(crate) use methods;
