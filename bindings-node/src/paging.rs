//! Pagers behind `iterAll` & co.: async iterators (`await pager.next()` gives `{ done, value }`,
//! `await pager.return()` ends the listing and releases it, as `break` in `for await` does);
//! `sendgrid-admin.js` adds `[Symbol.asyncIterator]`. One page is fetched at a time.

use std::sync::Arc;

use futures_util::stream::{BoxStream, StreamExt};
use napi::bindgen_prelude::{Object, PromiseRaw, ToNapiValue};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use tokio::sync::Mutex;

use crate::errors::{settle, IntoNapi};

/// Options of `iterAll` & co.: how many items each page fetches.
#[napi(object)]
#[derive(Default)]
pub struct IterOptions {
    /// Items per request (the endpoint's default or 100 when absent).
    pub page_size: Option<f64>,
}

/// Options of the cursor-paged iterators (`accounts.iterAll`, `accounts.iterIps`,
/// `ips.iterSubusersOf`).
#[napi(object)]
#[derive(Default)]
pub struct IterCursorOptions {
    /// Items per request (default 100).
    pub page_size: Option<f64>,
    /// Start after this cursor (a `nextAfter` of an earlier page).
    pub after: Option<String>,
}

/// Options of `subusers.iterAll`.
#[napi(object)]
#[derive(Default)]
pub struct IterSubusersOptions {
    /// Only subusers whose name contains this.
    pub username: Option<String>,
    /// "all", "global" or "eu".
    #[napi(ts_type = "'all' | 'global' | 'eu'")]
    pub region: Option<String>,
    /// Include each subuser's region.
    pub include_region: Option<bool>,
    /// Items per request (SendGrid's default when absent).
    pub page_size: Option<f64>,
}

/// Options of `teammates.iterSubuserAccess`.
#[napi(object)]
#[derive(Default)]
pub struct IterSubuserAccessOptions {
    /// Only subusers whose name contains this.
    pub username: Option<String>,
    /// Items per request (SendGrid's default when absent).
    pub page_size: Option<f64>,
}

/// One step of an iterator: `{ done: false, value }` or `{ done: true, value: undefined }`.
pub struct Step<T>(Option<T>);

impl<T: ToNapiValue> ToNapiValue for Step<T> {
    unsafe fn to_napi_value(env: napi::sys::napi_env, val: Self) -> Result<napi::sys::napi_value> {
        let e = Env::from_raw(env);
        let mut o = Object::new(&e)?;
        o.set("done", val.0.is_none())?;
        if let Some(v) = val.0 {
            o.set("value", v)?;
        }
        // SAFETY: on the JS thread, with its env.
        unsafe { Object::to_napi_value(env, o) }
    }
}

macro_rules! pager {
    ($doc:literal, $name:ident, $core:ty, $item:ty, $ts_next:literal) => {
        #[doc = $doc]
        #[napi]
        #[derive(Clone)]
        pub struct $name {
            items: Arc<Mutex<BoxStream<'static, sendgrid_admin::Result<$core>>>>,
        }

        impl $name {
            pub(crate) fn new(items: BoxStream<'static, sendgrid_admin::Result<$core>>) -> Self {
                $name {
                    items: Arc::new(Mutex::new(items)),
                }
            }
        }

        #[napi]
        impl $name {
            /// The next item as `{ done: false, value }`, then `{ done: true }` after the last.
            #[napi(ts_return_type = $ts_next)]
            pub fn next<'e>(&self, env: &'e Env) -> Result<PromiseRaw<'e, Step<$item>>> {
                let this = self.clone();
                settle(env, async move {
                    let items = this.items.clone();
                    let next = items.lock().await.next().await;
                    next.transpose()
                        .map(|o| Step(o.map(<$item>::from)))
                        .into_napi()
                })
            }

            /// Ends the listing early (`break` in `for await` calls it): no further page is
            /// fetched and later `next()` calls give `{ done: true }`.
            #[napi(
                js_name = "return",
                ts_return_type = "Promise<IteratorReturnResult<undefined>>"
            )]
            pub fn finish<'e>(&self, env: &'e Env) -> Result<PromiseRaw<'e, Step<$item>>> {
                let this = self.clone();
                settle(env, async move {
                    *this.items.lock().await = futures_util::stream::empty().boxed();
                    Ok(Step(None))
                })
            }
        }
    };
}

pager!(
    "Every subuser of a listing.",
    SubuserPager,
    sendgrid_admin::subusers::Subuser,
    crate::models::Subuser,
    "Promise<IteratorResult<Subuser, undefined>>"
);
pager!(
    "Every teammate.",
    TeammatePager,
    sendgrid_admin::teammates::Teammate,
    crate::models::Teammate,
    "Promise<IteratorResult<Teammate, undefined>>"
);
pager!(
    "Every subuser a teammate can act for.",
    SubuserAccessPager,
    sendgrid_admin::teammates::SubuserAccess,
    crate::models::SubuserAccess,
    "Promise<IteratorResult<SubuserAccess, undefined>>"
);
pager!(
    "Every access request.",
    AccessRequestPager,
    sendgrid_admin::scopes::AccessRequest,
    crate::models::AccessRequest,
    "Promise<IteratorResult<AccessRequest, undefined>>"
);
pager!(
    "Every customer account.",
    AccountPager,
    sendgrid_admin::accounts::Account,
    crate::accounts::Account,
    "Promise<IteratorResult<Account, undefined>>"
);
pager!(
    "Every dedicated IP of a customer account.",
    AccountIpPager,
    sendgrid_admin::accounts::AccountIp,
    crate::accounts::AccountIp,
    "Promise<IteratorResult<AccountIp, undefined>>"
);

pager!(
    "Every subuser id an IP is assigned to (numeric strings).",
    SubuserIdPager,
    String,
    String,
    "Promise<IteratorResult<string, undefined>>"
);
