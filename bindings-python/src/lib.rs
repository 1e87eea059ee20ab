//! `sendgrid_admin._native`: the Python binding of the sendgrid-admin core. Each file mirrors a
//! core module and only converts arguments, results and errors; retries, validation, paging and
//! pacing all happen in the core.

mod bulk;
mod call;
mod client;
mod credits;
mod errors;
mod ips;
mod models;
mod monitor;
mod paging;
mod reputations;
mod runtime;
mod scopes;
mod stats;
mod subusers;
mod teammates;
mod website_access;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
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
    m.add_class::<paging::Pager>()?;
    m.add_class::<paging::AsyncPager>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// Declares a resource class: the core client it calls and whether it blocks or returns
/// awaitables.
macro_rules! resource {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "sendgrid_admin")]
        pub struct $name {
            pub(crate) client: sendgrid_admin::Client,
            pub(crate) mode: crate::call::Mode,
        }
    };
}
pub(crate) use resource;
