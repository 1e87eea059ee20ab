//! `client.user`: account, username (identity of the client or its on-behalf-of scope).

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;

use serde_json::{Map, Value};

use crate::convert::from_core;
use crate::errors::{settle, IntoNapi};
use crate::resource;

resource!(
    "Identity: who this client (or its on-behalf-of subuser or account) is.",
    User
);

/// The account's plan and sender reputation.
#[napi(object)]
pub struct UserAccount {
    /// "free" or "paid".
    #[napi(js_name = "type")]
    pub kind: String,
    /// Sender reputation, 0-100.
    pub reputation: f64,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(UserAccount from sendgrid_admin::user::UserAccount: kind = r#type, reputation, extra);

/// The account's username and numeric id.
#[napi(object)]
pub struct UserName {
    /// Username.
    pub username: String,
    /// Numeric user id.
    pub user_id: i64,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(UserName from sendgrid_admin::user::UserName: username, user_id, extra);

#[napi]
impl User {
    /// Plan and sender reputation (`GET /v3/user/account`).
    #[napi]
    pub fn account<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, UserAccount>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let a = this.client.user().account().await.into_napi()?;
            Ok(UserAccount::from(a))
        })
    }

    /// Username and numeric user id (`GET /v3/user/username`).
    #[napi]
    pub fn username<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, UserName>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let u = this.client.user().username().await.into_napi()?;
            Ok(UserName::from(u))
        })
    }
}
