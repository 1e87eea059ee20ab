//! Pagers behind `iter_all` & co.: `next()` gives the next item or null. One page is fetched
//! at a time (Kotlin users can wrap it in a `Flow`, Swift users in an `AsyncSequence`).

use std::sync::Arc;

use futures_util::stream::{BoxStream, StreamExt};
use tokio::sync::Mutex;

use crate::errors::Result;

macro_rules! pager {
    ($doc:literal, $name:ident, $item:ty) => {
        #[doc = $doc]
        #[derive(uniffi::Object)]
        pub struct $name {
            items: Mutex<BoxStream<'static, sendgrid_admin::Result<$item>>>,
        }

        impl $name {
            pub(crate) fn new(
                items: BoxStream<'static, sendgrid_admin::Result<$item>>,
            ) -> Arc<Self> {
                Arc::new($name {
                    items: Mutex::new(items),
                })
            }
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $name {
            /// The next item, or null after the last one.
            pub async fn next(&self) -> Result<Option<$item>> {
                Ok(self.items.lock().await.next().await.transpose()?)
            }
        }
    };
}

pager!(
    "Every subuser of a listing.",
    SubuserPager,
    sendgrid_admin::subusers::Subuser
);
pager!(
    "Every teammate.",
    TeammatePager,
    sendgrid_admin::teammates::Teammate
);
pager!(
    "Every subuser a teammate can act for.",
    SubuserAccessPager,
    sendgrid_admin::teammates::SubuserAccess
);
pager!(
    "Every access request.",
    AccessRequestPager,
    sendgrid_admin::scopes::AccessRequest
);
pager!(
    "Every customer account.",
    AccountPager,
    sendgrid_admin::accounts::Account
);
pager!(
    "Every dedicated IP of a customer account.",
    AccountIpPager,
    sendgrid_admin::accounts::AccountIp
);
pager!(
    "Every subuser id an IP is assigned to (numeric strings).",
    SubuserIdPager,
    String
);
