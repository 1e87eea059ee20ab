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
mod strict;
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

/// The addon's tokio runtime: one worker thread unless `TOKIO_WORKER_THREADS` asks for more.
/// The work it does is waiting on sockets (SendGrid's rate limits keep any one key far below
/// what one thread drives, ~50,000 requests/s on loopback); a second worker only competes with
/// the JavaScript thread for the cores: on 2 cores the 10,000-update bulk took 200–210 ms with
/// one worker and 220–260 ms with two (napi's default, one per core).
#[napi_derive::module_init]
fn init() {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        builder.worker_threads(1);
    }
    // If it cannot be built (thread limits), napi builds its default one at first use.
    if let Ok(rt) = builder.enable_all().build() {
        napi::bindgen_prelude::create_custom_tokio_runtime(rt);
    }
}
