//! The Node binding of the sendgrid-admin core. Each file mirrors a core module and only
//! converts arguments, results and errors; retries, validation, paging and pacing happen in
//! the core. Errors are made natively in `errors.rs`; `sendgrid-admin.js` declares the
//! `SendGridError` class and adds async iteration.
#![deny(clippy::all)]

mod abort;
mod accounts;
mod api_keys;
mod bulk;
mod callback;
mod client;
mod convert;
mod credits;
mod errors;
mod ips;
mod logger;
mod models;
mod monitor;
mod paging;
mod plan;
mod raw;
mod reputations;
mod scopes;
mod settle;
mod stats;
mod subusers;
mod teammates;
mod user;
mod website_access;

/// Declares a resource class holding the core client it calls.
macro_rules! resource {
    ($doc:literal, $name:ident) => {
        #[doc = $doc]
        #[napi_derive::napi]
        #[derive(Clone)]
        pub struct $name {
            pub(crate) client: sendgrid_admin::Client,
        }

        impl $name {
            /// This resource with a call's trailing options applied (see
            /// [`crate::client::per_call`]); an error rejects the call's promise.
            pub(crate) fn for_call(
                &self,
                env: &napi::Env,
                call: Option<napi::bindgen_prelude::Object<'_>>,
            ) -> std::result::Result<Self, crate::client::CallOptionsError> {
                crate::client::per_call(env, &self.client, call).map(|client| $name { client })
            }
        }
    };
}
pub(crate) use resource;
