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
mod subusers;
mod teammates;
mod user;
mod website_access;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // Let runtime threads finish handing results to event loops before the interpreter
    // finalizes (see runtime::drain).
    let drain = wrap_pyfunction!(runtime::drain, m)?;
    m.py()
        .import("atexit")?
        .call_method1("register", (drain,))?;
    call::register(m)?;
    logging::register(m)?;
    errors::register(m)?;
    models::register(m)?;
    client::register(m)?;
    m.add_class::<subusers::Subusers>()?;
    m.add_class::<ips::Ips>()?;
    m.add_class::<reputations::Reputations>()?;
    m.add_class::<credits::Credits>()?;
    m.add_class::<website_access::WebsiteAccess>()?;
    m.add_class::<stats::Stats>()?;
    m.add_class::<monitor::MonitorSettings>()?;
    m.add_class::<teammates::Teammates>()?;
    m.add_class::<scopes::Scopes>()?;
    m.add_class::<bulk::Bulk>()?;
    m.add_class::<bulk::BulkResult>()?;
    m.add_class::<plan::Document>()?;
    m.add_class::<plan::Plan>()?;
    m.add_class::<bulk::AsyncBulk>()?;
    m.add_class::<credits::AsyncCredits>()?;
    m.add_class::<ips::AsyncIps>()?;
    m.add_class::<monitor::AsyncMonitorSettings>()?;
    m.add_class::<reputations::AsyncReputations>()?;
    m.add_class::<scopes::AsyncScopes>()?;
    m.add_class::<stats::AsyncStats>()?;
    m.add_class::<subusers::AsyncSubusers>()?;
    m.add_class::<teammates::AsyncTeammates>()?;
    m.add_class::<website_access::AsyncWebsiteAccess>()?;
    m.add_class::<accounts::Accounts>()?;
    m.add_class::<accounts::AsyncAccounts>()?;
    m.add_class::<api_keys::ApiKeys>()?;
    m.add_class::<api_keys::AsyncApiKeys>()?;
    m.add_class::<user::User>()?;
    m.add_class::<user::AsyncUser>()?;
    m.add_class::<paging::Pager>()?;
    m.add_class::<paging::AsyncPager>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
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
