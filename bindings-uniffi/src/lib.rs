//! The uniffi binding of the sendgrid-admin core, for Kotlin (JVM/Android) and Swift
//! (iOS/macOS). Each file mirrors a core module; models are the core's own types; every
//! operation is an async method (Kotlin `suspend`, Swift `async`).

uniffi::setup_scaffolding!();

mod accounts;
mod api_keys;
mod bulk;
mod client;
mod credits;
mod errors;
mod ips;
mod monitor;
mod paging;
mod plan;
mod raw;
mod reputations;
mod scopes;
mod stats;
mod subusers;
mod teammates;
mod user;
mod website_access;

/// Declares a resource object holding the core client it calls.
macro_rules! resource {
    ($doc:literal, $name:ident) => {
        #[doc = $doc]
        #[derive(Debug, uniffi::Object)]
        pub struct $name {
            pub(crate) client: sendgrid_admin::Client,
        }
    };
}
pub(crate) use resource;
