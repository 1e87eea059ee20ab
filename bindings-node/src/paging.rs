//! Pagers behind `iterAll` & co.: `await pager.next()` gives the next item or `null`;
//! `sendgrid-admin.js` makes them async-iterable (`for await`). One page is fetched at a time.

use std::sync::Arc;

use futures_util::stream::{BoxStream, StreamExt};
use napi::bindgen_prelude::PromiseRaw;
use napi::Env;
use napi::Result;
use napi_derive::napi;
use tokio::sync::Mutex;

use crate::errors::{settle, IntoNapi};

macro_rules! pager {
    ($doc:literal, $name:ident, $core:ty, $item:ty) => {
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
            /// The next item, or null after the last one.
            #[napi]
            pub fn next<'e>(&self, env: &'e Env) -> Result<PromiseRaw<'e, Option<$item>>> {
                let this = self.clone();
                settle(env, async move {
                    let items = this.items.clone();
                    let next = items.lock().await.next().await;
                    next.transpose().map(|o| o.map(<$item>::from)).into_napi()
                })
            }
        }
    };
}

pager!(
    "Every subuser of a listing.",
    SubuserPager,
    sendgrid_admin::subusers::Subuser,
    crate::models::Subuser
);
pager!(
    "Every teammate.",
    TeammatePager,
    sendgrid_admin::teammates::Teammate,
    crate::models::Teammate
);
pager!(
    "Every subuser a teammate can act for.",
    SubuserAccessPager,
    sendgrid_admin::teammates::SubuserAccess,
    crate::models::SubuserAccess
);
pager!(
    "Every access request.",
    AccessRequestPager,
    sendgrid_admin::scopes::AccessRequest,
    crate::models::AccessRequest
);
pager!(
    "Every customer account.",
    AccountPager,
    sendgrid_admin::accounts::Account,
    crate::accounts::Account
);
pager!(
    "Every dedicated IP of a customer account.",
    AccountIpPager,
    sendgrid_admin::accounts::AccountIp,
    crate::accounts::AccountIp
);

pager!(
    "Every subuser id an IP is assigned to (numeric strings).",
    SubuserIdPager,
    String,
    String
);
